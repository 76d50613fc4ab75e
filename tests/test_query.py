"""Queries on graph files and stores: parameters bound as data, saved queries, output formats."""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store
from typer.testing import CliRunner

from conftest import PARLGRAPH, ROOT
from parlgraph.cli import app
from parlgraph.kg import write_dataset
from parlgraph.store.local import build_into_store
from parlgraph.store.query import QueryError, bind, parse_params, parse_value, run_query
from parlgraph.store.saved import saved_queries
from test_store import copy_corpus, corpus_graphs

QUERIES = ROOT / "ontology" / "queries"
HOSTILE = ['x" } ; DROP ALL #', "x' } DELETE WHERE { ?s ?p ?o } #", 'a\\"b', "regel\neen } {", '"""', "'''",
           "Yeşilgöz-Zegerius", "<not an iri", "@nl", "^^<http://www.w3.org/2001/XMLSchema#integer>"]


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The sample corpus as a TriG file and as a store directory."""
    tmp = tmp_path_factory.mktemp("sources")
    trig = tmp / "kg.trig"
    write_dataset(corpus_graphs(), trig, "trig")
    store = tmp / "store"
    build_into_store([copy_corpus(tmp)], store)
    return {"file": str(trig), "store": str(store)}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr  # .stdout folds CRLF


@pytest.mark.parametrize(("query", "expected_start"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE {"),
    ("SELECT ?x { ?x ?p ?o }", "SELECT ?x {"),
    ("PREFIX a: <http://x/where#>\n# a { comment\nSELECT ?x WHERE { ?x a:p '{' }", "PREFIX a: <http://x/where#>\n# a { comment\nSELECT ?x WHERE {"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", "CONSTRUCT { ?x ?p ?o } WHERE {"),
    ("ASK { ?x ?p ?o }", "ASK {"),
    ("SELECT (EXISTS { ?x ?p 1 } AS ?e) ?x WHERE { ?x ?p ?o }", "SELECT (EXISTS { ?x ?p 1 } AS ?e) ?x WHERE {"),
    ("SELECT * { { SELECT ?x WHERE { ?x ?p ?o } } }", "SELECT * {"),
    ('SELECT ?x WHERE { ?x ?p """WHERE { x""" }', "SELECT ?x WHERE {"),
])
def test_values_go_first_in_the_outermost_where_group(query: str, expected_start: str) -> None:
    bound = bind(query, {"x": NamedNode("http://example.org/a")})
    assert bound.startswith(expected_start + "\n  VALUES (?x) { (<http://example.org/a>) }\n")
    Store().query(bound)  # still valid SPARQL


@pytest.mark.parametrize(("query", "problem"), [
    ("DESCRIBE ?x", "no WHERE clause"),
    ("CONSTRUCT { ?x ?p ?o }", "no WHERE clause"),
    ("CONSTRUCT WHERE { ?x ?p ?o }", "takes no VALUES"),
    ("SELECT ?y WHERE { ?y ?p ?o }", r"no variable \?x"),
])
def test_parameters_that_cannot_be_bound_are_refused(query: str, problem: str) -> None:
    with pytest.raises(QueryError, match=problem):
        bind(query, {"x": Literal("a")})


@pytest.mark.parametrize(("text", "term"), [
    ("<https://w3id.org/parlgraph/person/yesilgoz-zegerius>", NamedNode("https://w3id.org/parlgraph/person/yesilgoz-zegerius")),
    ("https://w3id.org/parlgraph/council/jbz-raad", NamedNode("https://w3id.org/parlgraph/council/jbz-raad")),
    ("JBZ-Raad", Literal("JBZ-Raad")),
    ("kst-26643-1011", Literal("kst-26643-1011")),
    ("urn:x", Literal("urn:x")),  # only <...> and http(s):// make an IRI
    ("", Literal("")),
])
def test_values_bind_as_iri_or_plain_literal(text: str, term: NamedNode | Literal) -> None:
    assert parse_value(text) == term


@pytest.mark.parametrize("text", ["<http://a b>", "https://x y", "<no scheme>", "http://a>b"])
def test_invalid_iris_are_refused(text: str) -> None:
    with pytest.raises(QueryError, match="not a valid IRI"):
        parse_value(text)


@pytest.mark.parametrize("pair", ["noequals", "1abc=x", "a-b=x", "=x", "a b=x"])
def test_malformed_params_are_refused(pair: str) -> None:
    with pytest.raises(QueryError):
        parse_params([pair])


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("kind", ["file", "store"])
def test_a_hostile_value_is_data_not_query_text(sources: dict[str, str], kind: str, value: str) -> None:
    answer = list(run_query(sources[kind], "SELECT ?v ?n WHERE { BIND (STRLEN(?v) AS ?n) }", {"v": Literal(value)}))
    assert [(row["v"], int(row["n"].value)) for row in answer] == [(Literal(value), len(value))]
    # In a saved query the same value matches nothing, and the store still holds everything.
    before = len(list(run_query(sources[kind], "SELECT * WHERE { ?s ?p ?o }")))
    text = (QUERIES / "post-holders.rq").read_text(encoding="utf-8")
    assert list(run_query(sources[kind], text, {"postLabel": Literal(value)})) == []
    assert len(list(run_query(sources[kind], "SELECT * WHERE { ?s ?p ?o }"))) == before > 10000


def test_list_shows_every_saved_query_with_its_parameters() -> None:
    code, out, _ = invoke("query", "--list")
    assert code == 0
    saved = saved_queries(QUERIES)
    assert len(saved) >= 7
    for query in saved:
        assert f"{query.name}\t{query.description}" in out
        assert query.description and query.params
        for param in query.params:
            assert f"--param {param.name}=" in out


def test_saved_query_needs_its_declared_parameters(sources: dict[str, str]) -> None:
    code, _, err = invoke("query", sources["store"], "--name", "post-holders")
    assert code == 2 and "missing postLabel" in err
    code, _, err = invoke("query", sources["store"], "--name", "post-holders", "-p", "postLabel=x", "-p", "other=y")
    assert code == 2 and "unknown other" in err
    code, _, err = invoke("query", sources["store"], "--name", "no-such-query")
    assert code == 2 and "no saved query" in err


POST = ["--name", "post-holders", "-p", "postLabel=minister van justitie en veiligheid"]


@pytest.mark.parametrize("kind", ["file", "store"])
def test_output_formats_follow_the_w3c_specs(sources: dict[str, str], kind: str) -> None:
    code, out, _ = invoke("query", sources[kind], *POST, "-f", "json")
    assert code == 0
    data = json.loads(out)
    rows = data["results"]["bindings"]
    assert data["head"]["vars"][:3] == ["post", "person", "personLabel"] and rows
    assert {r["personLabel"]["value"] for r in rows} == {"Yeşilgöz-Zegerius"}
    assert rows[0]["person"] == {"type": "uri", "value": "https://w3id.org/parlgraph/person/yesilgoz-zegerius"}
    code, out, _ = invoke("query", sources[kind], *POST, "-f", "csv")
    assert out.startswith("post,person,personLabel,") and "\r\n" in out
    assert len(list(csv.reader(io.StringIO(out)))) == len(rows) + 1
    code, out, _ = invoke("query", sources[kind], *POST, "-f", "tsv")
    assert out.startswith("?post\t?person\t") and '"Yeşilgöz-Zegerius"@nl' in out
    code, out, _ = invoke("query", sources[kind], *POST)
    assert "person:yesilgoz-zegerius" in out and f"{len(rows)} row(s)" in out


def test_ask_construct_and_describe(sources: dict[str, str]) -> None:
    assert invoke("query", sources["file"], "ASK { ?s a <https://w3id.org/parlgraph/ontology#Council> }")[1] == "yes\n"
    code, out, _ = invoke("query", sources["store"], "-f", "ntriples",
                          "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
                          " LIMIT 5")
    assert code == 0 and len(out.splitlines()) == 5 and all(line.endswith(" .") for line in out.splitlines())
    code, out, _ = invoke("query", sources["store"], "DESCRIBE ?p WHERE { }", "-p", "p=https://w3id.org/parlgraph/person/yesilgoz-zegerius")
    assert code == 0 and "person:yesilgoz-zegerius" not in out and "yesilgoz-zegerius>" in out
    code, _, err = invoke("query", sources["store"], "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "-f", "csv")
    assert code == 1 and "turtle or ntriples" in err


def test_query_from_a_file_and_errors_in_one_line(sources: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/parlgraph/ontology#SourceDocument> }")
    assert invoke("query", sources["store"], str(path), "-f", "csv")[1] == "n\r\n5\r\n"
    for args, message in [((sources["store"], "SELEKT *"), "SPARQL syntax error"),
                          ((str(tmp_path / "nope"), "ASK {}"), "no such graph file"),
                          ((str(path), "ASK {}"), "unknown RDF file type")]:
        code, _, err = invoke("query", *args)
        assert code == 1 and err.startswith("error: ") and message in err and len(err.splitlines()) == 1


def test_the_installed_command_runs_a_saved_query(sources: dict[str, str]) -> None:
    result = subprocess.run([*PARLGRAPH, "query", sources["store"], *POST, "-f", "csv"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "yesilgoz-zegerius" in result.stdout
