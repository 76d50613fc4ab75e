"""Writing the dataset: document graphs, then ``graph/consolidated`` and ``graph/ontology``.

N-Quads and TriG keep the named graphs and are written one document graph at a time, so memory
holds one document's quads plus the little that consolidation needs. Turtle, N-Triples and JSON-LD
have no graphs: they get the union, de-duplicated. Everything is sorted, so the same input gives
the same bytes; pyoxigraph does the writing (rdflib only for JSON-LD, to apply the context).
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import IO

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Triple, serialize

from parlgraph.kg.build import DEFAULT_BASE, DocumentGraph
from parlgraph.kg.consolidate import consolidate, ontology_dir, shared_quads
from parlgraph.kg.vocab import DCTERMS, LABEL, PG, PROV, TYPE, prefixes, term


class GraphFormat(str, Enum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    ntriples = "ntriples"
    jsonld = "jsonld"


EXTENSIONS = {
    ".ttl": GraphFormat.turtle, ".trig": GraphFormat.trig, ".nq": GraphFormat.nquads,
    ".nt": GraphFormat.ntriples, ".jsonld": GraphFormat.jsonld, ".json": GraphFormat.jsonld,
}
OXIGRAPH = {
    GraphFormat.turtle: RdfFormat.TURTLE, GraphFormat.trig: RdfFormat.TRIG, GraphFormat.nquads: RdfFormat.N_QUADS,
    GraphFormat.ntriples: RdfFormat.N_TRIPLES,
}
# What consolidation reads: labels, memberships with their documents, document dates.
_CONSOLIDATION_PREDICATES = frozenset({LABEL, term(PROV, "wasDerivedFrom"), term(DCTERMS, "date")})
_CONSOLIDATION_TYPES = frozenset({term(PG, "PostHolding"), term(PG, "FractieMembership"), term(PG, "SourceDocument")})


def format_for_path(path: Path) -> GraphFormat | None:
    return EXTENSIONS.get(path.suffix.lower())


def base_of(graph: DocumentGraph) -> str:
    return graph.iri.rsplit("document/", 1)[0]


def write_dataset(
    graphs: Iterable[DocumentGraph], target: str | Path | IO[bytes], fmt: GraphFormat | str,
    base: str | None = None,
) -> int:
    """Write the graphs in ``fmt`` to a path or binary stream; returns the number of statements written.

    Graph order is the iteration order (the corpus order of ``extract_paths``), so the same input
    gives the same bytes. A document IRI seen twice is a ValueError: two sources with one name.
    """
    fmt = GraphFormat(fmt)
    with _binary(target) as out:
        if fmt in (GraphFormat.nquads, GraphFormat.trig):
            return _write_streaming(graphs, out, fmt, base)
        triples = _union(graphs, base)
        if fmt is GraphFormat.jsonld:
            out.write(_jsonld(triples))
        else:
            serialize(triples, out, OXIGRAPH[fmt], prefixes=prefixes(base or _first_base(triples)))
        return len(triples)


def build_store(graphs: Iterable[DocumentGraph], base: str | None = None) -> Store:
    """An in-memory store of all graphs, the ontology and the consolidated graph."""
    store = Store()
    for graph in graphs:
        base = base or base_of(graph)
        store.extend(graph.quads)
    base = base or DEFAULT_BASE
    store.extend(shared_quads(base))
    consolidate(store, base)
    return store


def _write_streaming(graphs: Iterable[DocumentGraph], out: IO[bytes], fmt: GraphFormat, base: str | None) -> int:
    seen: set[str] = set()
    needed = Store()
    count = 0
    for graph in graphs:
        if graph.iri in seen:
            raise ValueError(f"two sources give the document IRI {graph.iri}: {graph.source}")
        seen.add(graph.iri)
        base = base or base_of(graph)
        needed.extend(q for q in graph.quads if _needed_for_consolidation(q))
        _write_chunk(graph.quads, out, fmt, base, header=count == 0)
        count += len(graph.quads)
    base = base or DEFAULT_BASE
    tail = _consolidated(needed, base) + shared_quads(base)
    _write_chunk(tail, out, fmt, base, header=count == 0)
    return count + len(tail)


def _write_chunk(quads: Iterable[Quad], out: IO[bytes], fmt: GraphFormat, base: str, header: bool) -> None:
    chunk = serialize(quads, None, OXIGRAPH[fmt], prefixes=prefixes(base))
    if fmt is GraphFormat.trig and not header:
        # Every chunk starts with the same @prefix block; the file needs it once.
        lines = chunk.split(b"\n")
        skip = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
        chunk = b"\n".join(lines[skip:])
    out.write(chunk)


def _needed_for_consolidation(quad: Quad) -> bool:
    return quad.predicate in _CONSOLIDATION_PREDICATES or (
        quad.predicate == TYPE and quad.object in _CONSOLIDATION_TYPES
    )


def _consolidated(store: Store, base: str) -> tuple[Quad, ...]:
    consolidate(store, base)
    graph = NamedNode(f"{base}graph/consolidated")
    return tuple(sorted(store.quads_for_pattern(None, None, None, graph), key=str))


def _union(graphs: Iterable[DocumentGraph], base: str | None) -> list[Triple]:
    seen: set[str] = set()
    needed = Store()
    triples: set[Triple] = set()
    for graph in graphs:
        if graph.iri in seen:
            raise ValueError(f"two sources give the document IRI {graph.iri}: {graph.source}")
        seen.add(graph.iri)
        base = base or base_of(graph)
        needed.extend(q for q in graph.quads if _needed_for_consolidation(q))
        triples.update(q.triple for q in graph.quads)
    base = base or DEFAULT_BASE
    triples.update(q.triple for q in _consolidated(needed, base) + shared_quads(base))
    return sorted(triples, key=str)


def _first_base(triples: list[Triple]) -> str:
    return next((t.subject.value.rsplit("document/", 1)[0] for t in triples if "/document/" in t.subject.value),
                DEFAULT_BASE)


def _jsonld(triples: list[Triple]) -> bytes:
    """JSON-LD compacted with ontology/context.jsonld, via rdflib (pyoxigraph writes no @context)."""
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=serialize(triples, None, RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    compact = json.loads(graph.serialize(format="json-ld", context=context))
    return (json.dumps(_sorted_json(compact), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _sorted_json(value: object) -> object:
    """rdflib lists nodes and values in hash order; the context declares no @list, so order carries no meaning."""
    if isinstance(value, dict):
        return {k: (v if k == "@context" else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


@contextlib.contextmanager
def _binary(target: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(target, (str, Path)):
        with open(target, "wb") as fh:
            yield fh
    else:
        yield target
