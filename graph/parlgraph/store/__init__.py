"""SPARQL for parlgraph: an on-disk Oxigraph store, queries, a SPARQL endpoint and pushing to triple stores.

- :mod:`parlgraph.store.local` keeps one named graph per document in an on-disk store and replaces
  only what changed;
- :mod:`parlgraph.store.query` runs a query on a graph file, a store directory or an endpoint, with
  parameters bound as data; :mod:`parlgraph.store.saved` finds the saved competency questions;
  :mod:`parlgraph.store.output` writes the answers;
- :mod:`parlgraph.store.endpoint` serves a store over the SPARQL 1.1 Protocol;
- :mod:`parlgraph.store.push` loads graphs into any store speaking the Graph Store Protocol.
"""
