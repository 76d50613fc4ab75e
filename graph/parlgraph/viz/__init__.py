"""Views of the knowledge graph: an offline interactive HTML page, GraphML/GEXF exports and statistics.

- :mod:`parlgraph.viz.network` -- ``load_store(path)``, ``to_networkx(store)`` (entities as nodes,
  evidence as attributes, memberships collapsed into edges), ``select(graph, focus, depth, types, max_nodes)``;
- :mod:`parlgraph.viz.layout` -- ``positions(graph)``: a deterministic force layout computed in Python;
- :mod:`parlgraph.viz.render` -- ``render(selection, title) -> Page``: one self-contained HTML page;
- :mod:`parlgraph.viz.export` -- GraphML and GEXF; :mod:`parlgraph.viz.analysis` -- ``stats(graph)``.
"""
