"""Writing the dataset: document graphs, then ``graph/consolidated`` and ``graph/ontology``.

Nothing here holds the corpus in memory. N-Quads and TriG keep the named graphs and are written
one document graph at a time. Turtle, N-Triples and JSON-LD have no graphs: they get the union.
Four statements in five are about a document's own nodes (itself, its footnotes, its annotations
and their selectors), which no other document mentions: those are written as they come. The rest
(Kamerstukken, people, acts... that many documents state the same of) are de-duplicated in a
temporary on-disk Oxigraph store (in the system's temporary directory) and written out from it at
the end. The memberships and document dates the consolidation rule reads go into such a store
too; the label votes are counted as the documents go by, one count per (node, label).

Graphs travel as bytes (:class:`EncodedGraph`): a worker process serialises its document's graph,
because pickling a few thousand pyoxigraph terms costs more than building them, and the writer
then copies bytes instead of handling terms one by one.

Output is deterministic: the same input gives the same bytes. Document graphs in N-Quads and TriG
are sorted, in corpus order. The union formats give each document's own statements sorted, in
corpus order, then the merged ones in the order of the store's index, which depends on the
statements only (not on the order they came in, nor on the run); it groups each subject's
statements but is not alphabetical. JSON-LD is sorted after compaction.

An Oxigraph store reads an xsd:nonNegativeInteger (the Web Annotation offsets) as xsd:integer;
the union keeps the datatype the builder wrote by passing it through the store under a stand-in
datatype of its own, put back as the dump is copied out.
"""
from __future__ import annotations

import contextlib
import heapq
import itertools
import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from parlgraph.kg.build import DEFAULT_BASE, DocumentGraph, document_graph
from parlgraph.kg.consolidate import (
    Votes, apply_rule, consolidate, consolidated_graph, label_quads, ontology_dir, shared_quads,
)
from parlgraph.kg.iris import Minter
from parlgraph.kg.vocab import DCTERMS, ELI, LABEL, NON_NEGATIVE, PG, PROV, TYPE, prefixes, term
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
# The formats without named graphs: a document's own statements travel in the output syntax,
# the others as N-Triples, to be merged.
UNION = frozenset({GraphFormat.turtle, GraphFormat.ntriples, GraphFormat.jsonld})
# What an encoded graph's data is written in: graphs encoded for one format serve another of the same syntax.
SYNTAX = {**OXIGRAPH, GraphFormat.jsonld: RdfFormat.N_TRIPLES}
# What the consolidation rule (ontology/rules/consolidate.ru) reads: the typed membership, document,
# meeting and act nodes, a membership's documents (prov:wasDerivedFrom), a document's date and its
# mentions of meetings and acts, each in one graph.
_MEMBERSHIPS = frozenset({term(PG, "PostHolding"), term(PG, "FractieMembership")})
_SOURCE_DOCUMENT = term(PG, "SourceDocument")
_MENTIONABLE = frozenset({term(PG, "Meeting"), term(ELI, "LegalResource")})
_DERIVED_FROM = term(PROV, "wasDerivedFrom")
_DATE = term(DCTERMS, "date")
_MENTIONS = term(PG, "mentions")
# Bytes of N-Quads per bulk load into a scratch store: each load writes files, so not too few; the
# batch waits in memory, and loading it takes a few times its size, so not too many either. The
# rule's input is a few hundred bytes a document: a small batch still means few loads.
BULK_BYTES = 4 << 20
RULE_INPUT_BYTES = 1 << 20
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
    # The graph in ``fmt``: N-Quads or a TriG chunk; for the union formats, the statements about
    # the document's own nodes only, in Turtle or N-Triples.
    data: bytes
    merged: bytes  # union formats: the other statements, as N-Triples to merge with other documents'
    needed: bytes  # N-Quads of the statements the consolidation rule reads
    labels: tuple[tuple[str, str], ...]  # (node, Dutch rdfs:label): the document's votes for preferred labels
    statements: int  # distinct quads in the graph
    own: int  # of which about the document's own nodes: in ``data`` for the union formats (else not counted, 0)
    types: tuple[tuple[str, str], ...]  # (node, class) of every rdf:type statement, for summaries

    def owns(self, node: str) -> bool:
        """True for the document's own nodes (itself, its footnotes, its annotations and their parts):
        no other graph says anything of them, so a summary can count them without keeping them."""
        return _is_own(node, self.iri, Minter(base_of(self)).owned_by(self.iri))


def format_for_path(path: Path) -> GraphFormat | None:
    return EXTENSIONS.get(path.suffix.lower())


def base_of(graph: DocumentGraph | EncodedGraph) -> str:
    return graph.iri.rsplit("document/", 1)[0]


def encode(graph: DocumentGraph, fmt: GraphFormat | str = GraphFormat.nquads, base: str | None = None) -> EncodedGraph:
    """``graph`` serialised for writing in ``fmt``; a quad outside the document's graph is a ValueError."""
    fmt = GraphFormat(fmt)
    parts = _Parts.of(graph, own_apart=fmt in UNION)
    syntax, names = SYNTAX[fmt], prefixes(base or base_of(graph))
    if fmt in UNION:
        data = serialize([q.triple for q in parts.own], None, syntax,
                         prefixes=names if fmt is GraphFormat.turtle else None)
        merged = serialize([_keep_datatype(q.triple) for q in parts.others], None, RdfFormat.N_TRIPLES)
    else:
        data, merged = serialize(graph.quads, None, syntax, prefixes=names), b""
    return EncodedGraph(graph.iri, graph.source, graph.sha256, fmt, data, merged,
                        serialize(parts.rule_input, None, RdfFormat.N_QUADS), tuple(parts.labels), parts.count,
                        len(parts.own), tuple(parts.types))


@dataclass(slots=True)
class _Parts:
    """What each use of a document graph needs of it, found in one pass over its distinct quads."""

    count: int = 0
    own: list[Quad] = field(default_factory=list)  # about the document's own nodes (kept apart for the union only)
    others: list[Quad] = field(default_factory=list)  # the rest, when kept apart
    types: list[tuple[str, str]] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # votes, as counted by consolidate.LABEL_VOTES
    rule_input: list[Quad] = field(default_factory=list)

    @classmethod
    def of(cls, graph: DocumentGraph, own_apart: bool) -> _Parts:
        name = NamedNode(graph.iri)
        owned = Minter(base_of(graph)).owned_by(graph.iri)
        parts = cls()
        memberships: set[object] = set()
        documents: set[object] = set()
        mentionable: set[object] = set()
        typed = {_SOURCE_DOCUMENT: documents} | dict.fromkeys(_MEMBERSHIPS, memberships) | dict.fromkeys(_MENTIONABLE, mentionable)
        links: list[Quad] = []  # wasDerivedFrom, date and mentions statements: the rule's, if about the nodes above
        quads = dict.fromkeys(graph.quads)
        for quad in quads:
            if quad.graph_name != name:
                raise ValueError(f"{graph.source}: a quad outside the document graph <{graph.iri}>: {quad}")
            subject, predicate, value = quad.subject, quad.predicate, quad.object
            if predicate == TYPE:
                parts.types.append((subject.value, value.value))
                if value in typed:
                    typed[value].add(subject)
                    parts.rule_input.append(quad)
            elif predicate == LABEL:
                if isinstance(value, Literal) and value.language == "nl" and isinstance(subject, NamedNode):
                    parts.labels.append((subject.value, value.value))
            elif predicate == _DERIVED_FROM or predicate == _DATE or predicate == _MENTIONS:
                links.append(quad)
            if own_apart:
                (parts.own if _is_own(subject.value, graph.iri, owned) else parts.others).append(quad)
        parts.count = len(quads)
        parts.rule_input += (q for q in links if _read_by_rule(q, memberships, documents, mentionable))
        return parts


def _read_by_rule(link: Quad, memberships: set[object], documents: set[object], mentionable: set[object]) -> bool:
    """Whether the consolidation rule reads ``link``, given the typed nodes of its graph."""
    if link.predicate == _DERIVED_FROM:
        return link.subject in memberships
    if link.predicate == _MENTIONS:
        return link.subject in documents and link.object in mentionable
    return link.subject in documents


def _is_own(node: str, document: str, owned: tuple[str, ...]) -> bool:
    """Whether ``node`` is the document ``document`` or one of its own nodes (``owned`` prefixes them)."""
    return node == document or node.startswith(owned)


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
    with _binary(target) as out, _Scratch() as scratch:
        if fmt in UNION:
            return _write_union(encoded, out, fmt, base, scratch)
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
        elif SYNTAX[graph.fmt] is not SYNTAX[fmt]:
            raise ValueError(f"{graph.source}: encoded as {graph.fmt.value}, not for {fmt.value}")
        yield graph


def _write_streaming(graphs: Iterable[EncodedGraph], out: IO[bytes], fmt: GraphFormat, base: str | None,
                     scratch: _Scratch) -> int:
    count = 0
    votes: Votes = Counter()
    with _bulk(scratch.store, RULE_INPUT_BYTES) as load:
        for graph in graphs:
            base = base or base_of(graph)
            load(graph.needed)
            votes.update(graph.labels)
            out.write(graph.data if fmt is GraphFormat.nquads or count == 0 else _without_prefixes(graph.data))
            count += graph.statements
    base = base or DEFAULT_BASE
    tail = _Counted(itertools.chain(_consolidated(scratch.store, votes, base), shared_quads(base)))
    # Streamed: the consolidated graph is about as large as the corpus has distinct nodes.
    serialize(tail, out if count == 0 or fmt is GraphFormat.nquads else _PrefixesDropped(out), OXIGRAPH[fmt],
              prefixes=prefixes(base))
    return count + tail.count


def _without_prefixes(chunk: bytes) -> bytes:
    """Every TriG chunk starts with the same @prefix block; the file needs it once."""
    lines = chunk.split(b"\n")
    skip = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[skip:])


class _PrefixesDropped:
    """A binary stream for a serialiser to write to that passes on all but the leading @prefix block."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.head: bytes | None = b""  # held until a whole line ends the block; None once it has

    def write(self, data: bytes) -> int:
        if self.head is None:
            return self.out.write(data)
        self.head += data
        lines = self.head.split(b"\n")
        if any(not line.startswith(b"@prefix ") for line in lines[:-1]):
            self.out.write(_without_prefixes(self.head))
            self.head = None
        return len(data)

    def flush(self) -> None:
        self.out.flush()


class _Counted:
    """An iterable that counts what has been taken from it."""

    def __init__(self, items: Iterable[Quad]) -> None:
        self.items = iter(items)
        self.count = 0

    def __iter__(self) -> Iterator[Quad]:
        return self

    def __next__(self) -> Quad:
        item = next(self.items)
        self.count += 1
        return item


def _write_union(graphs: Iterable[EncodedGraph], out: IO[bytes], fmt: GraphFormat, base: str | None,
                 scratch: _Scratch) -> int:
    """A document's own statements are written as they come (JSON-LD keeps them for rdflib); the
    others go into the scratch store's default graph, where duplicates merge, and the statements
    the rule reads into named graphs there, which the dump leaves out."""
    own, started = 0, False
    votes: Votes = Counter()
    kept: list[bytes] = []  # JSON-LD only: rdflib compacts the whole graph at once
    prefixed = fmt is GraphFormat.turtle  # every Turtle chunk starts with the same @prefix block
    with _bulk(scratch.store, BULK_BYTES) as load:
        for graph in graphs:
            base = base or base_of(graph)
            load(graph.merged)  # N-Triples are N-Quads in the default graph
            load(graph.needed)
            votes.update(graph.labels)
            if fmt is GraphFormat.jsonld:
                kept.append(graph.data)
            else:
                out.write(_without_prefixes(graph.data) if started and prefixed else graph.data)
                started = True
            own += graph.own
    base = base or DEFAULT_BASE
    tail = itertools.chain(_consolidated(scratch.store, votes, base), shared_quads(base))
    scratch.store.bulk_extend(Quad(*_keep_datatype(q.triple)) for q in tail)
    dumped = scratch.dir / "union"
    syntax = RdfFormat.TURTLE if fmt is GraphFormat.turtle else RdfFormat.N_TRIPLES
    scratch.store.dump(str(dumped), syntax, from_graph=DefaultGraph(), prefixes=prefixes(base) if prefixed else None)
    original = _ORIGINAL.get(fmt, f'"^^<{NON_NEGATIVE.value}>'.encode())
    blocks = _restored(dumped, original)
    if fmt is GraphFormat.jsonld:
        out.write(_jsonld(b"".join(itertools.chain(kept, blocks))))
    else:
        first = next(blocks, b"")
        out.write(_without_prefixes(first) if started and prefixed else first)
        out.writelines(blocks)
    return own + int(next(iter(scratch.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


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
def _bulk(store: Store, batch_bytes: int) -> Iterator[Callable[[bytes], None]]:
    """A loader of N-Quads into a scratch store, a batch at a time: Oxigraph's bulk loader writes
    straight to files, which is several times faster than transactions and keeps nothing in memory."""
    batch: list[bytes] = []
    size = 0

    def load(nquads: bytes) -> None:
        nonlocal size
        batch.append(nquads)
        size += len(nquads)
        if size >= batch_bytes:
            store.bulk_load(b"".join(batch), RdfFormat.N_QUADS)
            batch.clear()
            size = 0

    yield load
    if batch:
        store.bulk_load(b"".join(batch), RdfFormat.N_QUADS)


def _consolidated(store: Store, votes: Votes, base: str) -> Iterator[Quad]:
    """``graph/consolidated``, sorted: the rule applied to what ``store`` holds, and the labels ``votes`` choose."""
    graph = consolidated_graph(base)
    apply_rule(store, graph)
    derived = sorted(store.quads_for_pattern(None, None, None, graph), key=str)
    return heapq.merge(derived, label_quads(votes, graph), key=str)


class _Scratch:
    """A store on disk in a directory of its own, both gone afterwards: memory stays flat however large the corpus.

    Only this object holds the store, so that dropping it here closes RocksDB (and stops its
    background work) before the directory goes; a failure's traceback may still hold it, and
    then what is left of the directory must not hide the failure.
    """

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="parlgraph-"))
        self.store = Store(str(self.dir / "store"))

    def __enter__(self) -> _Scratch:
        return self

    def __exit__(self, failure: type[BaseException] | None, *_: object) -> None:
        del self.store
        shutil.rmtree(self.dir, ignore_errors=failure is not None)


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
