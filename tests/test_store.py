"""The on-disk store: incremental builds replace exactly the changed documents' graphs."""
from __future__ import annotations

import functools
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store, Triple

from conftest import CORPUS
from parlgraph.corpus import BatchReport, extract_paths
from parlgraph.kg import DocumentGraph, document_graph
from parlgraph.store import local
from parlgraph.store.local import StoreError, build_into_store, open_store, remove_documents

# A sentence that adds a Kamerstuk citation, so the changed document's graph really changes.
EXTRA = "\nZie ook Kamerstuk 36 200 VI, nr. 12.\n"


@functools.cache
def corpus_graphs(corpus: Path = CORPUS) -> tuple[DocumentGraph, ...]:
    """The real knowledge-graph builder over the sample corpus."""
    return tuple(document_graph(e) for e in extract_paths([corpus], BatchReport()))


def as_stored(quads: Iterable[Quad]) -> set[Triple]:
    """The triples as any Oxigraph store holds them: it reads integer subtypes as xsd:integer."""
    store = Store()
    store.extend(quads)
    return {q.triple for q in store}


def graph_triples(store: Store, iri: str) -> set:
    return {q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(iri))}


def assert_default_graph_is_the_merge(store: Store) -> None:
    """Every statement of every graph but the bookkeeping one, once, and nothing else."""
    index = NamedNode(local.bookkeeping_graph())
    named = {q.triple for q in store if q.graph_name not in (index, DefaultGraph())}
    assert {q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())} == named
    assert local.default_graph_is_merge(store)


def copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, local.UpdateReport]:
    corpus = copy_corpus(tmp_path)
    store_dir = tmp_path / "store"
    return corpus, store_dir, build_into_store([corpus], store_dir)


def test_first_build_stores_one_graph_per_document_exactly(built: tuple) -> None:
    corpus, store_dir, update = built
    assert (update.added, update.replaced, update.unchanged, update.removed) == (5, 0, 0, 0)
    expected = {g.iri: as_stored(g.quads) for g in corpus_graphs(corpus)}
    with open_store(store_dir) as store:
        for iri, triples in expected.items():
            assert graph_triples(store.store, iri) == triples
        records = store.records()
        assert [Path(r.source).name for r in records] == sorted(p.name for p in CORPUS.glob("*.txt"))
        assert all(r.triples == len(expected[r.graph]) for r in records)
        names = {g.value for g in store.store.named_graphs()}
        assert_default_graph_is_the_merge(store.store)
    assert names == set(expected) | {f"{local.DEFAULT_BASE}graph/{g}" for g in ("store", "ontology", "consolidated")}
    assert update.triples == sum(len(t) for t in expected.values())


def test_rebuild_skips_unchanged_files_before_extracting(built: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, store_dir, _ = built
    with open_store(store_dir) as store:
        before = set(store.store)
    asked: list[list[Path]] = []
    real = local.map_documents
    monkeypatch.setattr(local, "map_documents", lambda paths, *a: asked.append(list(paths)) or real(paths, *a))
    report = BatchReport()
    update = build_into_store([corpus], store_dir, report=report)
    assert (update.added, update.replaced, update.unchanged) == (0, 0, 5)
    assert asked == [[]] and report.done == 5 and not report.failed
    with open_store(store_dir) as store:
        assert set(store.store) == before


def test_changed_document_replaces_its_graph_and_nothing_else(built: tuple) -> None:
    corpus, store_dir, _ = built
    changed = sorted(corpus.glob("*.txt"))[1]
    with open_store(store_dir) as store:
        before = {g.value: graph_triples(store.store, g.value) for g in store.store.named_graphs()}
    changed.write_text(changed.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    update = build_into_store([corpus], store_dir)
    assert (update.added, update.replaced, update.unchanged) == (0, 1, 4)
    new = next(g for g in corpus_graphs.__wrapped__(corpus) if g.source == str(changed))
    with open_store(store_dir) as store:
        after = {g.value: graph_triples(store.store, g.value) for g in store.store.named_graphs()}
        in_graphs = sum(1 for q in store.store if q.graph_name != DefaultGraph())
        record = next(r for r in store.records() if r.source == str(changed))
        assert_default_graph_is_the_merge(store.store)
    assert after[new.iri] == as_stored(new.quads) != before[new.iri]
    assert any("kst-36200-VI-12" in str(t) for t in after[new.iri])
    untouched = set(before) - {new.iri, *(g for g in before if g.endswith(("graph/store", "graph/consolidated")))}
    assert all(after[g] == before[g] for g in untouched)
    assert in_graphs == sum(len(t) for t in after.values())  # every quad in exactly one graph: nothing doubled
    assert record.triples == len(new.quads) and record.sha256 == new.sha256


@pytest.mark.parametrize("by", ["source", "graph"])
def test_remove_drops_one_document_and_keeps_the_rest(built: tuple, by: str) -> None:
    corpus, store_dir, _ = built
    graphs = corpus_graphs(corpus)
    gone = graphs[0]
    removed, unknown = remove_documents(store_dir, [gone.source if by == "source" else f"<{gone.iri}>", "nope.txt"])
    assert [r.graph for r in removed] == [gone.iri] and unknown == ["nope.txt"]
    with open_store(store_dir) as store:
        assert not store.store.contains_named_graph(NamedNode(gone.iri))
        assert not store.holds(gone.source)
        assert all(graph_triples(store.store, g.iri) == as_stored(g.quads) for g in graphs[1:])
        assert_default_graph_is_the_merge(store.store)


def test_prune_drops_documents_whose_file_is_gone(built: tuple) -> None:
    corpus, store_dir, _ = built
    victim = sorted(corpus.glob("*.txt"))[2]
    victim.unlink()
    update = build_into_store([corpus], store_dir, prune=True)
    assert (update.removed, update.unchanged) == (1, 4)
    with open_store(store_dir) as store:
        assert not store.holds(str(victim)) and len(store.records()) == 4
        assert_default_graph_is_the_merge(store.store)


def test_two_files_with_one_document_iri_are_refused_not_merged(built: tuple) -> None:
    corpus, store_dir, _ = built
    twin = corpus / "elders" / sorted(p.name for p in corpus.glob("*.txt"))[0]
    twin.parent.mkdir()
    twin.write_text("Zie Kamerstuk 32 317, nr. 772.\n", encoding="utf-8")
    report = BatchReport()
    problems: list[str] = []
    update = build_into_store([corpus], store_dir, report=report, on_problem=problems.append)
    assert update.added == 0 and len(report.failed) == 1 and "same document graph" in report.failed[0]
    assert problems == [f"error: {report.failed[0]}"]


def test_a_graph_with_stray_quads_is_rejected_and_the_store_is_unchanged(built: tuple) -> None:
    corpus, store_dir, _ = built
    good = corpus_graphs(corpus)[0]
    stray = Quad(NamedNode("http://example.org/a"), NamedNode("http://example.org/b"), Literal("c"),
                 NamedNode("http://example.org/other-graph"))
    bad = DocumentGraph(good.iri, good.source, None, (*good.quads, stray))
    with open_store(store_dir) as store:
        before = set(store.store)
        with pytest.raises(ValueError, match="outside the document graph"):
            store.replace(bad, "0" * 64)
        assert set(store.store) == before


def test_a_store_in_use_gives_a_one_line_error(built: tuple) -> None:
    _, store_dir, _ = built
    with open_store(store_dir), pytest.raises(StoreError, match="in use by another process"):
        with open_store(store_dir):
            pass


def test_a_statement_leaves_the_merge_with_the_last_graph_that_makes_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text("Zie het verslag (Kamerstuk 32 317, nr. 772).\n", encoding="utf-8")
    store_dir = tmp_path / "store"
    build_into_store([corpus], store_dir)
    kamerstuk = Quad(NamedNode(f"{local.DEFAULT_BASE}kamerstuk/kst-32317-772"),
                     NamedNode("http://purl.org/dc/terms/identifier"), Literal("kst-32317-772"), DefaultGraph())
    with open_store(store_dir) as store:
        assert kamerstuk in store.store
    for name, still_there in (("a", True), ("b", False)):
        remove_documents(store_dir, [str(corpus / f"{name}.txt")])
        with open_store(store_dir) as store:
            assert (kamerstuk in store.store) is still_there
            assert_default_graph_is_the_merge(store.store)


def test_a_store_written_without_the_merge_gets_it_when_next_opened(built: tuple) -> None:
    _, store_dir, _ = built
    store = Store(str(store_dir))
    index = NamedNode(local.bookkeeping_graph())
    store.update(f"DROP DEFAULT ; DELETE DATA {{ GRAPH {index} {{ {index} {local.DEFAULT_GRAPH} {local.MERGE} }} }}")
    assert not local.default_graph_is_merge(store) and not any(store.quads_for_pattern(None, None, None, DefaultGraph()))
    del store
    with open_store(store_dir) as handle:
        assert_default_graph_is_the_merge(handle.store)


def test_documents_written_in_batches_are_whole_and_a_twin_in_the_same_batch_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local, "FLUSH_EVERY", 2)  # five documents: two bulk loads of two, and one of one
    corpus = copy_corpus(tmp_path)
    twin = corpus / "elders" / sorted(p.name for p in corpus.glob("*.txt"))[0]
    twin.parent.mkdir()
    twin.write_text("Zie Kamerstuk 32 317, nr. 772.\n", encoding="utf-8")
    report = BatchReport()
    update = build_into_store([corpus], tmp_path / "store", report=report)
    assert update.added == 5 and len(report.failed) == 1 and "same document graph" in report.failed[0]
    with open_store(tmp_path / "store") as store:
        assert {r.graph: r.triples for r in store.records()} == {
            g.iri: len(graph_triples(store.store, g.iri)) for g in corpus_graphs(CORPUS)}
        assert_default_graph_is_the_merge(store.store)


def test_a_graph_a_killed_bulk_load_left_without_a_record_is_dropped_when_next_opened(built: tuple) -> None:
    _, store_dir, _ = built
    with open_store(store_dir) as handle:
        before = set(handle.store)
        records = handle.records()
    # Half of an existing document's statements, as a graph of a document with no record: some
    # statements the merge already holds from other graphs, which must stay there.
    stored = sorted(as_stored(corpus_graphs(CORPUS)[0].quads), key=str)
    orphan = NamedNode(f"{local.DEFAULT_BASE}document/afgebroken")
    store = Store(str(store_dir))
    store.bulk_extend([Quad(t.subject, t.predicate, t.object, orphan) for t in stored[: len(stored) // 2]])
    del store
    with open_store(store_dir) as handle:
        assert orphan not in set(handle.store.named_graphs())
        assert set(handle.store) == before and handle.records() == records
        assert_default_graph_is_the_merge(handle.store)
