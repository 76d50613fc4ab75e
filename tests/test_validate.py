"""SHACL validation: the sample graph conforms; broken graphs do not, and say where and why."""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import CORPUS, PARLGRAPH
from parlgraph.corpus import BatchReport, extract_paths
from parlgraph.kg import DEFAULT_BASE, DocumentGraph, build_store, document_graph, write_dataset
from parlgraph.kg.validate import validate

B = DEFAULT_BASE
DOC = f"{B}document/001_35f14d6b58e23d0b"
KST = ox.NamedNode(f"{B}kamerstuk/kst-26643-1011")
PERSON = ox.NamedNode(f"{B}person/yesilgoz-zegerius")
SKOS = "http://www.w3.org/2004/02/skos/core#"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def graphs() -> list[DocumentGraph]:
    return [document_graph(e) for e in extract_paths([CORPUS], BatchReport())]


@pytest.fixture(scope="module")
def small(graphs: list[DocumentGraph]) -> list[ox.Quad]:
    """One document, consolidated: small enough to validate many broken variants quickly."""
    return list(build_store([g for g in graphs if g.iri == DOC]))


def test_the_sample_graph_conforms(graphs: list[DocumentGraph], tmp_path: Path) -> None:
    path = tmp_path / "graph.trig"
    write_dataset(graphs, path, "trig")
    report = validate(path)
    assert report.violations == ()
    assert report.conforms


def test_the_store_built_in_memory_conforms(graphs: list[DocumentGraph]) -> None:
    assert validate(build_store(graphs)).conforms


def _first_quote(quads: list[ox.Quad]) -> ox.Quad:
    return next(q for q in quads if q.predicate.value == f"{OA}exact")


# (name, mutation of the quads, focus node expected in the report, words of the expected message)
BROKEN: list[tuple[str, Callable[[list[ox.Quad]], list[ox.Quad]], str, str]] = [
    ("no consolidation: no prefLabels",
     lambda qs: [q for q in qs if not q.graph_name.value.endswith("graph/consolidated")],
     "kst:kst-26643-1011", "exactly one skos:prefLabel"),
    ("two prefLabels on one person",
     lambda qs: [*qs, ox.Quad(PERSON, ox.NamedNode(f"{SKOS}prefLabel"), ox.Literal("Yesilgoz", language="nl"),
                              ox.NamedNode(f"{B}graph/consolidated"))],
     "person:yesilgoz-zegerius", "exactly one skos:prefLabel"),
    ("a quote that does not fit its span",
     lambda qs: [q for q in qs if q != _first_quote(qs)]
     + [ox.Quad(_first_quote(qs).subject, _first_quote(qs).predicate, ox.Literal(_first_quote(qs).object.value + "x"),
                _first_quote(qs).graph_name)],
     "#target", "does not fit the span"),
    ("a Kamerstuk whose IRI is not its identifier",
     lambda qs: [q for q in qs if not (q.subject == KST and q.predicate.value.endswith("identifier"))]
     + [ox.Quad(KST, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal("kst-26643-1012"),
                ox.NamedNode(DOC))],
     "kst:kst-26643-1011", "must end in its dcterms:identifier"),
    ("a run stamped with the wall clock",
     lambda qs: [*qs, ox.Quad(next(q.subject for q in qs if q.subject.value.startswith(f"{B}run/")),
                              ox.NamedNode("http://www.w3.org/ns/prov#startedAtTime"),
                              ox.Literal("2024-02-01T12:00:00Z",
                                         datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")),
                              ox.NamedNode(DOC))],
     "run:0.1.0-", "no clock"),
    ("a person linked straight to a post",
     lambda qs: [*qs, ox.Quad(PERSON, ox.NamedNode("http://www.w3.org/ns/org#holds"),
                              ox.NamedNode(f"{B}post/minister-van-justitie-en-veiligheid"), ox.NamedNode(DOC))],
     "person:yesilgoz-zegerius", "org:holds"),
]


@pytest.mark.parametrize(("name", "mutate", "focus", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_graph_does_not_conform(small: list[ox.Quad], name: str,
                                         mutate: Callable[[list[ox.Quad]], list[ox.Quad]], focus: str,
                                         words: str) -> None:
    assert validate(_store(small)).conforms
    report = validate(_store(mutate(small)))
    assert not report.conforms
    lines = [v.line() for v in report.violations]
    assert any(focus in line and words in line for line in lines), lines


def _store(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def test_validate_command_reports_one_violation_per_line_and_exits_1(small: list[ox.Quad], tmp_path: Path) -> None:
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    ox.serialize(small, str(good), ox.RdfFormat.N_QUADS)
    ox.serialize(BROKEN[1][1](small), str(bad), ox.RdfFormat.N_QUADS)

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*PARLGRAPH, "validate", str(path)], capture_output=True, text=True, timeout=300,
                              check=False)

    ok = run(good)
    assert (ok.returncode, ok.stdout, ok.stderr.strip()) == (0, "", "conforms")
    broken = run(bad)
    assert broken.returncode == 1
    assert broken.stdout.splitlines() == [
        "person:yesilgoz-zegerius  skos:prefLabel  Needs exactly one skos:prefLabel, a non-empty literal tagged @nl;"
        " put other spellings in skos:altLabel."]
    assert broken.stderr.strip() == "1 violation(s)"


def test_validate_command_names_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "kapot.ttl"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    result = subprocess.run([*PARLGRAPH, "validate", str(path)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 4
    assert result.stderr.startswith("error: ") and "kapot.ttl" in result.stderr
