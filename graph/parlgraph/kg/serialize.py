"""Writing the dataset: document graphs, then ``graph/consolidated`` and ``graph/ontology``.

Nothing here holds the corpus in memory. N-Quads and TriG keep the named graphs and are written
one document graph at a time. Turtle, N-Triples and JSON-LD have no graphs: they get the union,
de-duplicated in a temporary on-disk Oxigraph store (in the system's temporary directory, about
as large as the output) and written out from it. What consolidation reads (labels, memberships,
document dates) is kept in such a store too.

Graphs travel as bytes (:class:`EncodedGraph`): a worker process serialises its document's graph,
because pickling a few thousand pyoxigraph terms costs more than building them, and the writer
then copies bytes instead of handling terms one by one.

Output is deterministic: the same input gives the same bytes. Document graphs in N-Quads and TriG
are sorted, in corpus order. The union formats come in the order of the store's index, which
depends on the statements only (not on the order they came in, nor on the run); it groups each
subject's statements but is not alphabetical. JSON-LD is sorted after compaction.

An Oxigraph store reads an xsd:nonNegativeInteger (the Web Annotation offsets) as xsd:integer;
the union keeps the datatype the builder wrote by passing it through the store under a stand-in
datatype of its own, put back as the dump is copied out.
"""
from __future__ import annotations

import contextlib
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from parlgraph.kg.build import DEFAULT_BASE, DocumentGraph, document_graph
from parlgraph.kg.consolidate import consolidate, ontology_dir, shared_quads
from parlgraph.kg.vocab import DCTERMS, LABEL, NON_NEGATIVE, PG, PROV, TYPE, prefixes, term
from parlgraph.models import Extraction


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
# The formats without named graphs: a document's graph travels as N-Triples, to be merged.
UNION = frozenset({GraphFormat.turtle, GraphFormat.ntriples, GraphFormat.jsonld})
# What consolidation reads: labels, memberships with their documents, document dates.
_CONSOLIDATION_PREDICATES = frozenset({LABEL, term(PROV, "wasDerivedFrom"), term(DCTERMS, "date")})
_CONSOLIDATION_TYPES = frozenset({term(PG, "PostHolding"), term(PG, "FractieMembership"), term(PG, "SourceDocument")})
# Bytes of N-Quads per bulk load into a scratch store: each load writes files, so not too few.
BULK_BYTES = 16 << 20
# The stand-in for xsd:nonNegativeInteger in a scratch store, and how each output format writes the original.
KEPT_DATATYPE = NamedNode("https://w3id.org/parlgraph/store#nonNegativeInteger")
_KEPT = f'"^^<{KEPT_DATATYPE.value}>'.encode()
_ORIGINAL = {GraphFormat.turtle: b'"^^xsd:nonNegativeInteger'}
# A stand-in that closes a literal: after an even run of backslashes (an odd run escapes the quote).
_KEPT_AT_END = re.compile(rb'(?<!\\)((?:\\\\)*)' + re.escape(_KEPT))


@dataclass(frozen=True, slots=True)
class EncodedGraph:
    """One document's graph as bytes, ready to write or load, and what else the writer needs of it."""

    iri: str
    source: str
    sha256: str | None
    fmt: GraphFormat
    data: bytes  # the graph in ``fmt``: N-Quads, a TriG chunk, or N-Triples for the union formats
    needed: bytes  # N-Quads of the statements consolidation reads
    statements: int  # distinct quads in the graph
    types: tuple[tuple[str, str], ...]  # (node, class) of every rdf:type statement, for summaries


def format_for_path(path: Path) -> GraphFormat | None:
    return EXTENSIONS.get(path.suffix.lower())


def base_of(graph: DocumentGraph | EncodedGraph) -> str:
    return graph.iri.rsplit("document/", 1)[0]


def encode(graph: DocumentGraph, fmt: GraphFormat | str = GraphFormat.nquads, base: str | None = None) -> EncodedGraph:
    """``graph`` serialised for writing in ``fmt``; a quad outside the document's graph is a ValueError."""
    fmt = GraphFormat(fmt)
    name = NamedNode(graph.iri)
    stray = next((q for q in graph.quads if q.graph_name != name), None)
    if stray is not None:
        raise ValueError(f"{graph.source}: a quad outside the document graph <{graph.iri}>: {stray}")
    if fmt in UNION:
        data = serialize([_keep_datatype(q.triple) for q in graph.quads], None, RdfFormat.N_TRIPLES)
    else:
        data = serialize(graph.quads, None, OXIGRAPH[fmt], prefixes=prefixes(base or base_of(graph)))
    needed = serialize([q for q in graph.quads if _needed_for_consolidation(q)], None, RdfFormat.N_QUADS)
    types = tuple(sorted({(q.subject.value, q.object.value) for q in graph.quads if q.predicate == TYPE}))
    return EncodedGraph(graph.iri, graph.source, graph.sha256, fmt, data, needed, len(set(graph.quads)), types)


def encoded_document(
    extraction: Extraction, base: str = DEFAULT_BASE, fmt: GraphFormat | str = GraphFormat.nquads
) -> EncodedGraph:
    """The graph of one document, encoded: the per-document work to hand to worker processes."""
    return encode(document_graph(extraction, base), fmt, base)


def write_dataset(
    graphs: Iterable[DocumentGraph | EncodedGraph], target: str | Path | IO[bytes], fmt: GraphFormat | str,
    base: str | None = None,
) -> int:
    """Write the graphs in ``fmt`` to a path or binary stream; returns the number of statements written.

    Graph order is the iteration order (the corpus order of ``extract_paths``). Encoded graphs must
    have been encoded for ``fmt``. A document IRI seen twice is a ValueError: two sources with one name.
    """
    fmt = GraphFormat(fmt)
    encoded = _encoded(graphs, fmt, base)
    with _binary(target) as out, _scratch_store() as (scratch, scratch_dir):
        if fmt in UNION:
            return _write_union(encoded, out, fmt, base, scratch, scratch_dir)
        return _write_streaming(encoded, out, fmt, base, scratch)


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


def _encoded(graphs: Iterable[DocumentGraph | EncodedGraph], fmt: GraphFormat, base: str | None) -> Iterator[EncodedGraph]:
    seen: set[str] = set()
    for graph in graphs:
        if graph.iri in seen:
            raise ValueError(f"two sources give the document IRI {graph.iri}: {graph.source}")
        seen.add(graph.iri)
        if isinstance(graph, DocumentGraph):
            graph = encode(graph, fmt, base)
        elif (graph.fmt in UNION) != (fmt in UNION) or (fmt not in UNION and graph.fmt is not fmt):
            raise ValueError(f"{graph.source}: encoded as {graph.fmt.value}, not for {fmt.value}")
        yield graph


def _write_streaming(graphs: Iterable[EncodedGraph], out: IO[bytes], fmt: GraphFormat, base: str | None,
                     needed: Store) -> int:
    count = 0
    with _bulk(needed) as load:
        for graph in graphs:
            base = base or base_of(graph)
            load(graph.needed)
            out.write(graph.data if fmt is GraphFormat.nquads or count == 0 else _without_prefixes(graph.data))
            count += graph.statements
    base = base or DEFAULT_BASE
    tail = _consolidated(needed, base) + shared_quads(base)
    chunk = serialize(tail, None, OXIGRAPH[fmt], prefixes=prefixes(base))
    out.write(chunk if count == 0 or fmt is GraphFormat.nquads else _without_prefixes(chunk))
    return count + len(tail)


def _without_prefixes(chunk: bytes) -> bytes:
    """Every TriG chunk starts with the same @prefix block; the file needs it once."""
    lines = chunk.split(b"\n")
    skip = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[skip:])


def _write_union(graphs: Iterable[EncodedGraph], out: IO[bytes], fmt: GraphFormat, base: str | None,
                 scratch: Store, scratch_dir: Path) -> int:
    """Document graphs go into the scratch store's default graph, where duplicates merge; the
    statements consolidation reads also go into named graphs there, which the dump leaves out."""
    with _bulk(scratch) as load:
        for graph in graphs:
            base = base or base_of(graph)
            load(graph.data)  # N-Triples are N-Quads in the default graph
            load(graph.needed)
    base = base or DEFAULT_BASE
    tail = _consolidated(scratch, base) + shared_quads(base)
    scratch.extend(Quad(*_keep_datatype(q.triple)) for q in tail)
    dumped = scratch_dir / "union"
    syntax = RdfFormat.TURTLE if fmt is GraphFormat.turtle else RdfFormat.N_TRIPLES
    scratch.dump(str(dumped), syntax, from_graph=DefaultGraph(),
                 prefixes=prefixes(base) if fmt is GraphFormat.turtle else None)
    original = _ORIGINAL.get(fmt, f'"^^<{NON_NEGATIVE.value}>'.encode())
    if fmt is GraphFormat.jsonld:
        out.write(_jsonld(b"".join(_restored(dumped, original))))
    else:
        out.writelines(_restored(dumped, original))
    return int(next(iter(scratch.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def _keep_datatype(triple: Triple) -> Triple:
    value = triple.object
    if isinstance(value, Literal) and value.datatype == NON_NEGATIVE:
        return Triple(triple.subject, triple.predicate, Literal(value.value, datatype=KEPT_DATATYPE))
    return triple


def _restored(dumped: Path, original: bytes) -> Iterator[bytes]:
    """The dump in blocks of whole lines (a literal never spans lines there), datatypes put back."""
    with dumped.open("rb") as fh:
        while block := b"".join(fh.readlines(1 << 20)):
            if b"\\" + _KEPT in block:  # a quote of the stand-in's text inside some literal: be exact
                yield _KEPT_AT_END.sub(lambda m: m.group(1) + original, block)
            else:
                yield block.replace(_KEPT, original)


@contextlib.contextmanager
def _bulk(store: Store) -> Iterator[Callable[[bytes], None]]:
    """A loader of N-Quads into a scratch store, a batch at a time: Oxigraph's bulk loader writes
    straight to files, which is several times faster than transactions and keeps nothing in memory."""
    batch: list[bytes] = []
    size = 0

    def load(nquads: bytes) -> None:
        nonlocal size
        batch.append(nquads)
        size += len(nquads)
        if size >= BULK_BYTES:
            store.bulk_load(b"".join(batch), RdfFormat.N_QUADS)
            batch.clear()
            size = 0

    yield load
    if batch:
        store.bulk_load(b"".join(batch), RdfFormat.N_QUADS)


def _needed_for_consolidation(quad: Quad) -> bool:
    return quad.predicate in _CONSOLIDATION_PREDICATES or (
        quad.predicate == TYPE and quad.object in _CONSOLIDATION_TYPES
    )


def _consolidated(store: Store, base: str) -> tuple[Quad, ...]:
    consolidate(store, base)
    graph = NamedNode(f"{base}graph/consolidated")
    return tuple(sorted(store.quads_for_pattern(None, None, None, graph), key=str))


@contextlib.contextmanager
def _scratch_store() -> Iterator[tuple[Store, Path]]:
    """A store on disk, and a directory beside it, gone afterwards: memory stays flat however large the corpus."""
    with tempfile.TemporaryDirectory(prefix="parlgraph-") as path:
        store = Store(str(Path(path) / "store"))
        try:
            yield store, Path(path)
        finally:
            del store  # RocksDB closes before its directory is removed


def _jsonld(ntriples: bytes) -> bytes:
    """JSON-LD compacted with ontology/context.jsonld, via rdflib (pyoxigraph writes no @context).

    rdflib holds the whole graph in memory: for a large corpus, write N-Quads or Turtle instead.
    """
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
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
