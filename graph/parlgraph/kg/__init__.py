"""The knowledge graph: extractions as RDF, one named graph per source document.

The model is ontology/parlgraph.ttl (read ontology/README.md); the output conforms to
ontology/shapes.ttl once consolidated.

Public API:

- ``DEFAULT_BASE`` -- "https://w3id.org/parlgraph/", the base of every instance IRI.
- ``document_graph(extraction, base=DEFAULT_BASE) -> DocumentGraph`` -- one document's statements:
  ``DocumentGraph(iri, source, sha256, quads)``, all quads in the graph named ``iri`` (the document
  IRI), sorted and deterministic. Replacing that graph in a store replaces exactly that document.
- ``shared_quads(base) -> tuple[Quad, ...]`` -- the ontology, in ``<base>graph/ontology`` (labels of
  document kinds, roles, statuses; the class hierarchy).
- ``consolidate(store, base, merge=False) -> None`` -- (re)writes ``<base>graph/consolidated`` from
  the document graphs in a pyoxigraph store: skos:prefLabel/altLabel of every node, attested
  intervals of post holdings and fractie memberships, a pg:CoMention per meeting and act mentioned
  together. Call it after any incremental update of document graphs; ``merge`` also writes each
  statement to the default graph, for a store whose default graph is the merge.
- ``write_dataset(graphs, path_or_stream, fmt, base=None) -> int`` -- writes Turtle, TriG, N-Quads,
  N-Triples or JSON-LD (``GraphFormat`` or its value); TriG/N-Quads stream one document graph at a
  time; the union formats write each document's own statements at once and de-duplicate only the
  statements other documents can repeat, in a temporary on-disk store, so memory does not grow
  with the corpus (except JSON-LD, which rdflib compacts in memory). Appends the consolidated and
  ontology graphs. Takes DocumentGraphs or EncodedGraphs. Returns the number of statements written.
- ``encoded_document(extraction, base=DEFAULT_BASE, fmt="nquads") -> EncodedGraph`` -- one document's
  graph as bytes ready for ``write_dataset`` in ``fmt`` or for a store (N-Quads): the per-document
  work to give worker processes, since pickling bytes is cheap and pickling pyoxigraph terms is not.
  ``encode(graph, fmt, base)`` does the same for a DocumentGraph.
- ``build_store(graphs, base=None) -> pyoxigraph.Store`` -- in memory, with ontology and consolidation.
- ``format_for_path(path) -> GraphFormat | None`` -- the format an output extension asks for.
- ``validate(data, ...)`` -- see :mod:`parlgraph.kg.validate`.
"""
from parlgraph.kg.build import DEFAULT_BASE, DocumentGraph, document_graph
from parlgraph.kg.consolidate import consolidate, consolidated_graph, ontology_dir, shared_quads
from parlgraph.kg.serialize import (
    EncodedGraph,
    GraphFormat,
    build_store,
    encode,
    encoded_document,
    format_for_path,
    write_dataset,
)

__all__ = [
    "DEFAULT_BASE", "DocumentGraph", "EncodedGraph", "GraphFormat", "build_store", "consolidate", "consolidated_graph", "document_graph",
    "encode", "encoded_document", "format_for_path", "ontology_dir", "shared_quads", "write_dataset",
]
