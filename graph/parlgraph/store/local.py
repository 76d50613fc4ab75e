"""The on-disk store: one named graph per document, replaced as a whole when the document changes.

Which file each graph came from, and the hash of that file, is kept in a bookkeeping graph inside
the same store (``<base>graph/store``), about record nodes of their own that name the graph as a
string, so that no query sees bookkeeping as a statement about a document. Replacing a document
forgets its record, drops its graph, then adds the new graph with its record in one transaction:
an interrupted build leaves the old graph or none (with no record, so the next build redoes it),
never half a graph. Because the record holds the hash of the file's bytes, an unchanged file is
skipped before it is read or extracted.

Documents the store does not hold yet, the bulk of a large build, are written a few dozen at a
time: their graphs with Oxigraph's bulk loader (sorted files handed to RocksDB, at about half the
cost of a transaction), then their part of the merge and their records in one transaction. The
bulk loader is not atomic, so a document counts as stored only once its record is there: a
graph without a record (the process was killed mid-load) is dropped the next time the store is
opened for writing, and the merge never sees it. A batch is written in a thread of its own while
the next one is extracted: Oxigraph does its work without Python's global lock, so writing costs
a build little more than extracting. One batch is in flight at a time, and every other operation
waits for it first.

The store's default graph is the merge of all graphs but the bookkeeping one: each statement once,
however many documents make it. Queries run on it, not on Oxigraph's union default graph, which
repeats a statement once per graph that holds it, so that a join over a node stated by n documents
gives n x n rows (a competency question over 600 documents took minutes that way). The merge is
kept with the graphs: a graph's statements are added to it in the transaction that adds the graph,
and dropping a graph removes from it, in the same transaction, what no other graph states. A
marker in the bookkeeping graph tells readers that the default graph is the merge; a store
written before the merge existed gets it the first time it is opened for writing.

Graphs arrive as N-Quads bytes (:class:`parlgraph.kg.EncodedGraph`), which Oxigraph parses itself:
no pyoxigraph term is built or pickled per statement. The store is flushed every few dozen
documents, since RocksDB otherwise keeps the writes in memory (about 1 MB per document, up to
well over a gigabyte).
"""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, serialize

from parlgraph import kg
from parlgraph.corpus import BatchReport, map_documents
from parlgraph.ingest.readers import ReadError, iter_sources
from parlgraph.kg import DEFAULT_BASE, DocumentGraph, EncodedGraph, GraphFormat
from parlgraph.kg.iris import Minter

STORE_NS = "https://w3id.org/parlgraph/store#"
GRAPH = NamedNode(STORE_NS + "graph")
SOURCE = NamedNode(STORE_NS + "source")
FILE_SHA256 = NamedNode(STORE_NS + "fileSha256")
TEXT_SHA256 = NamedNode(STORE_NS + "sha256")
TRIPLES = NamedNode(STORE_NS + "triples")
DEFAULT_GRAPH = NamedNode(STORE_NS + "defaultGraph")
MERGE = NamedNode(STORE_NS + "Merge")  # the object of DEFAULT_GRAPH when the default graph is the merge
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
FLUSH_EVERY = 64  # documents between flushes of RocksDB's in-memory writes, and per bulk load


class StoreError(Exception):
    """A store that cannot be opened or written; ``str()`` is one line naming the directory."""


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    graph: str
    source: str
    file_sha256: str
    sha256: str | None
    triples: int


@dataclass(slots=True)
class UpdateReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    triples: int = 0  # written by this update, over the added and replaced graphs

    def summary(self) -> str:
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.removed} removed; {self.triples} triples written")


def bookkeeping_graph(base: str = DEFAULT_BASE) -> str:
    return base + "graph/store"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class LocalStore:
    """A parlgraph store directory, opened for writing (one writer at a time)."""

    def __init__(self, store: Store, base: str = DEFAULT_BASE) -> None:
        self.store = store
        self.base = base
        self.index = NamedNode(bookkeeping_graph(base))
        self._records = {r.source: r for r in self._read_records()}
        self._sources = {r.graph: r.source for r in self._records.values()}  # graph IRI -> source
        self._new: list[tuple[EncodedGraph, DocumentRecord]] = []  # recorded in memory, not written yet
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parlgraph-store")
        self._writing: Future[None] | None = None  # the batch being written
        self._unflushed = 0
        if not default_graph_is_merge(store):
            self._merge_all()
        self._drop_unrecorded()

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        del self.store

    def _read_records(self) -> Iterator[DocumentRecord]:
        fields: dict[str, dict[NamedNode, str]] = {}
        for quad in self.store.quads_for_pattern(None, None, None, self.index):
            if quad.subject == self.index:  # what the store says of itself, not a record
                continue
            fields.setdefault(quad.subject.value, {})[quad.predicate] = quad.object.value
        for f in fields.values():
            yield DocumentRecord(f[GRAPH], f[SOURCE], f[FILE_SHA256], f.get(TEXT_SHA256), int(f.get(TRIPLES, 0)))

    def _drop_unrecorded(self) -> None:
        """Drop the document graphs a killed bulk load left without a record (see the module's docstring)."""
        documents = Minter(self.base).document("")
        for graph in list(self.store.named_graphs()):
            if graph.value.startswith(documents) and graph.value not in self._sources:
                self._drop(graph)

    def records(self) -> list[DocumentRecord]:
        return sorted(self._records.values(), key=lambda r: r.source)

    def holds(self, source: str) -> bool:
        return source in self._records

    def is_current(self, source: str, sha256: str) -> bool:
        """True when ``source``'s graph was built from a file with this hash of its bytes."""
        record = self._records.get(source)
        return record is not None and record.file_sha256 == sha256

    def replace(self, graph: DocumentGraph | EncodedGraph, file_hash: str) -> DocumentRecord:
        """Put ``graph`` in place of whatever the store held for its document, atomically."""
        encoded = graph if isinstance(graph, EncodedGraph) else kg.encode(graph, GraphFormat.nquads, self.base)
        if encoded.fmt is not GraphFormat.nquads:
            raise ValueError(f"{graph.source}: a store takes graphs encoded as nquads, not {encoded.fmt.value}")
        owner = self._sources.get(graph.iri)
        if owner is not None and owner != graph.source:
            raise StoreError(f"{graph.source}: same document graph <{graph.iri}> as {owner}; not stored")
        record = DocumentRecord(graph.iri, graph.source, file_hash, graph.sha256, encoded.statements)
        if owner is None:
            self._new.append((encoded, record))
            if len(self._new) >= FLUSH_EVERY:
                self._start_writing()
        else:
            self._write_all()
            self._put(NamedNode(graph.iri), encoded.data, record)
            self._unflushed += 1
            if self._unflushed >= FLUSH_EVERY:
                self.store.flush()
                self._unflushed = 0
        self._records[graph.source] = record
        self._sources[graph.iri] = graph.source
        return record

    def _start_writing(self) -> None:
        """Hand the documents waiting in ``_new`` to the writer thread, once the batch before is written."""
        self._wait_for_writer()
        batch, self._new = self._new, []
        self._writing = self._writer.submit(self._write_batch, batch)

    def _wait_for_writer(self) -> None:
        """Wait for the batch being written; its error, if any, is raised here."""
        if self._writing is not None:
            writing, self._writing = self._writing, None
            writing.result()

    def _write_all(self) -> None:
        """Write every document waiting, and wait until they are written."""
        if self._new:
            self._start_writing()
        self._wait_for_writer()

    def _write_batch(self, batch: list[tuple[EncodedGraph, DocumentRecord]]) -> None:
        """Graphs in bulk, then their merge and records in one transaction (in the writer thread)."""
        self.store.bulk_load(b"".join(graph.data for graph, _ in batch), RdfFormat.N_QUADS)
        merged = b"".join(_without_graph_name(graph.data, NamedNode(graph.iri)) for graph, _ in batch)
        records = serialize([q for _, record in batch for q in self._record_quads(record)], None, RdfFormat.N_QUADS)
        self.store.load(merged + records, RdfFormat.N_QUADS)
        self.store.flush()

    def _put(self, name: NamedNode, nquads: bytes, record: DocumentRecord | None) -> None:
        """Replace graph ``name``: drop it (with its record), then add graph, record and their merge.

        Each step is one transaction. One SPARQL update (DROP + INSERT DATA) would do both at once,
        but is three times slower: it serialises and re-parses every triple.
        """
        self._drop(name)
        merged = _without_graph_name(nquads, name)
        if record is not None:
            nquads += serialize(self._record_quads(record), None, RdfFormat.N_QUADS)
        self.store.load(nquads + merged, RdfFormat.N_QUADS)

    def _drop(self, name: NamedNode) -> None:
        """Drop graph ``name``, its record, and what only it states from the merge, in one transaction."""
        forget = f"DELETE WHERE {{ GRAPH {self.index} {{ ?record {GRAPH} {Literal(name.value)} ; ?p ?o }} }}"
        if not self.store.contains_named_graph(name):  # a new document: the usual case in a large build
            self.store.update(forget)
            return
        self.store.update(
            f"{forget} ;\n"
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {name} && ?other != {self.index}) }} }} ;\n"
            f"DROP GRAPH {name}")

    def _merge(self, graph: NamedNode) -> None:
        """Add a graph written in place (not loaded by ``_put``) to the merge."""
        self.store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")

    def _merge_all(self) -> None:
        """Make the default graph the merge, then say so: once, for a store written before the merge.

        A graph at a time, so no transaction holds the whole store; if interrupted, the next open
        starts again, and adding what the merge already holds changes nothing.
        """
        for graph in [g for g in self.store.named_graphs() if g != self.index]:
            self._merge(graph)
        self.store.add(Quad(self.index, DEFAULT_GRAPH, MERGE, self.index))

    def _record_quads(self, record: DocumentRecord) -> list[Quad]:
        values = [(GRAPH, Literal(record.graph)), (SOURCE, Literal(record.source)),
                  (FILE_SHA256, Literal(record.file_sha256)),
                  (TRIPLES, Literal(str(record.triples), datatype=XSD_INTEGER))]
        if record.sha256:
            values.append((TEXT_SHA256, Literal(record.sha256)))
        subject = NamedNode(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, record.graph)}")
        return [Quad(subject, p, o, self.index) for p, o in values]

    def remove(self, source_or_graph: str) -> DocumentRecord | None:
        """Drop a document's graph and record, named by its source path or its graph IRI."""
        self._write_all()
        source = source_or_graph if source_or_graph in self._records else self._sources.get(source_or_graph.strip("<>"))
        if source is None:
            return None
        record = self._records.pop(source)
        del self._sources[record.graph]
        self._drop(NamedNode(record.graph))
        return record

    def finish(self) -> None:
        """Write what is waiting and flush: the end of a successful update."""
        self._write_all()
        self.store.flush()

    def consolidate(self) -> None:
        """Rewrite what spans documents: the ontology graph and the consolidated graph."""
        self._write_all()
        shared = kg.shared_quads(self.base)
        if shared:
            self._put(shared[0].graph_name, serialize(shared, None, RdfFormat.N_QUADS), None)
        self._drop(kg.consolidated_graph(self.base))
        kg.consolidate(self.store, self.base, merge=True)


@contextmanager
def open_store(store_dir: Path, base: str = DEFAULT_BASE) -> Iterator[LocalStore]:
    """Open (creating if need be) a store directory for writing."""
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError(f"{store_dir}: not a directory")
    try:
        store = Store(str(store_dir))
    except OSError as err:
        raise StoreError(f"{store_dir}: cannot open the store ({_reason(err)})") from err
    handle = LocalStore(store, base)
    try:
        yield handle
        handle.finish()
    finally:
        handle.close()
        del store  # the last reference: RocksDB closes and releases its lock now


def _without_graph_name(nquads: bytes, name: NamedNode) -> bytes:
    """The triples of one graph's N-Quads, for the merge: every line ends in " <name> .", and a
    newline inside a literal is always escaped, so the replacement cannot touch a literal."""
    return nquads.replace(f" {name} .\n".encode(), b" .\n")


def default_graph_is_merge(store: Store) -> bool:
    """True for a parlgraph store, whose default graph is the merge of its graphs; False for any other
    store, which is to be queried with the union of its graphs as the default graph."""
    return next(store.quads_for_pattern(None, DEFAULT_GRAPH, MERGE, None), None) is not None


def open_read_only(store_dir: Path) -> Store:
    if not store_dir.is_dir():
        raise StoreError(f"{store_dir}: no such store directory")
    try:
        return Store.read_only(str(store_dir))
    except OSError as err:
        raise StoreError(f"{store_dir}: not a readable parlgraph store ({_reason(err)})") from err


def _reason(err: OSError) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return "in use by another process" if "lock" in text.lower() else text


def update_store(
    store_dir: Path, graphs: Iterable[tuple[DocumentGraph | EncodedGraph, str]], base: str = DEFAULT_BASE
) -> UpdateReport:
    """Write (graph, file hash) pairs into the store, skipping documents it already holds unchanged."""
    report = UpdateReport()
    with open_store(store_dir, base) as store:
        for graph, file_hash in graphs:
            _store_one(store, graph, file_hash, report)
        if report.added or report.replaced:
            store.consolidate()
    return report


def _store_one(store: LocalStore, graph: DocumentGraph | EncodedGraph, file_hash: str, report: UpdateReport) -> None:
    if store.is_current(graph.source, file_hash):
        report.unchanged += 1
        return
    known = store.holds(graph.source)
    record = store.replace(graph, file_hash)
    report.triples += record.triples
    if known:
        report.replaced += 1
    else:
        report.added += 1


def build_into_store(
    paths: Iterable[Path | str],
    store_dir: Path,
    base: str = DEFAULT_BASE,
    report: BatchReport | None = None,
    on_problem: Callable[[str], None] = lambda line: None,
    prune: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
) -> UpdateReport:
    """Read, hash, extract and store every document under ``paths``; unchanged files are not read.

    With ``prune``, documents the store holds from under ``paths`` whose file is gone are dropped.
    ``workers`` and ``scheduler`` spread extraction and graph building as in
    :func:`parlgraph.corpus.map_documents`; writing to the store stays in this process.
    """
    report = report if report is not None else BatchReport()
    update = UpdateReport()
    with open_store(store_dir, base) as store:
        hashes: dict[str, str] = {}
        changed: list[Path] = []
        for item in iter_sources(paths):
            if isinstance(item, ReadError):
                changed.append(Path(item.path))  # extract_paths reports it, once, in order
                continue
            try:
                hashes[str(item)] = file_sha256(item)
            except OSError:
                changed.append(item)
                continue
            if store.is_current(str(item), hashes[str(item)]):
                update.unchanged += 1
                report.done += 1
            else:
                changed.append(item)
        to_graph = partial(kg.encoded_document, base=base)
        for graph in map_documents(changed, report, on_problem, to_graph, workers, scheduler):
            try:
                _store_one(store, graph, hashes[graph.source], update)
            except StoreError as problem:
                report.done -= 1
                report.failed.append(str(problem))
                on_problem(f"error: {problem}")
        if prune:
            update.removed = _prune(store, paths, hashes)
        if update.added or update.replaced or update.removed:
            store.consolidate()
    return update


def _prune(store: LocalStore, paths: Iterable[Path | str], seen: dict[str, str]) -> int:
    roots = [Path(p) for p in paths]
    gone = [r for r in store.records()
            if r.source not in seen and not Path(r.source).exists()
            and any(Path(r.source).is_relative_to(root) for root in roots)]
    for record in gone:
        store.remove(record.source)
    return len(gone)


def remove_documents(store_dir: Path, names: Iterable[str], base: str = DEFAULT_BASE) -> tuple[list[DocumentRecord], list[str]]:
    """Drop documents by source path or graph IRI: (what was removed, the names the store did not hold)."""
    removed: list[DocumentRecord] = []
    unknown: list[str] = []
    with open_store(store_dir, base) as store:
        for name in names:
            record = store.remove(name)
            if record is None:
                unknown.append(name)
            else:
                removed.append(record)
        if removed:
            store.consolidate()
    return removed, unknown


def missing_sources(store_dir: Path, base: str = DEFAULT_BASE) -> list[str]:
    """The sources the store holds whose file no longer exists."""
    with open_store(store_dir, base) as store:
        return [r.source for r in store.records() if not Path(r.source).exists()]


def document_quads(store: Store, base: str = DEFAULT_BASE) -> Iterator[tuple[str, list[Quad]]]:
    """Every named graph except the bookkeeping one, with its quads: what a store publishes."""
    index = NamedNode(bookkeeping_graph(base))
    for graph in sorted(store.named_graphs(), key=str):
        if graph != index:
            yield graph.value, list(store.quads_for_pattern(None, None, None, graph))
