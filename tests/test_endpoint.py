"""``parlgraph serve``: a real Oxigraph server on a loopback port; the same answers from file, store and endpoint."""
from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pyoxigraph import BlankNode, Literal, QuerySolutions

from conftest import PARLGRAPH, ROOT
from parlgraph.kg import write_dataset
from parlgraph.store.endpoint import ServeOptions, accepted, is_loopback, oxigraph_command
from parlgraph.store.local import build_into_store
from parlgraph.store.query import parse_value, run_query
from parlgraph.store.saved import saved_queries
from parlgraph.store.web import EndpointError
from test_store import copy_corpus, corpus_graphs

QUERIES = ROOT / "ontology" / "queries"
# Parameters for saved queries whose header gives no "e.g." example.
FALLBACK = {"documentId": "001_35f14d6b58e23d0b"}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(url: str, data: bytes | None = None, accept: str = "application/sparql-results+json",
         content_type: str = "application/x-www-form-urlencoded", method: str | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, method=method, headers={"Accept": accept, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def start_serve(store: Path, *options: str) -> Iterator[str]:
    """Run ``parlgraph serve`` on a free loopback port until it answers; yield its base URL; kill it."""
    port = free_port()
    proc = subprocess.Popen([*PARLGRAPH, "serve", str(store), "--port", str(port), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if http(f"{url}/query?query=ASK%7B%7D")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.1)
        yield url
    finally:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    tmp = tmp_path_factory.mktemp("served")
    trig = tmp / "kg.trig"
    write_dataset(corpus_graphs(), trig, "trig")
    store = tmp / "store"
    build_into_store([copy_corpus(tmp)], store)
    for url in start_serve(store, "--timeout", "60"):
        yield {"file": str(trig), "store": str(store), "endpoint": f"{url}/query", "url": url}


def comparable(answer: object) -> object:
    """Rows as sorted tuples, each cell in a form every store agrees on.

    Blank nodes, which each store names its own way, become one placeholder; a literal's words are
    sorted, because GROUP_CONCAT joins values in an order SPARQL leaves to the store.
    """
    if isinstance(answer, QuerySolutions):
        names = [v.value for v in answer.variables]
        return names, sorted(tuple(cell(row[n]) for n in names) for row in answer)
    return bool(answer)


def cell(term: object) -> object:
    if isinstance(term, BlankNode):
        return "_:"
    if isinstance(term, Literal):
        return sorted(re.split(r"[\s,;]+", term.value)), term.datatype, term.language
    return str(term)


@pytest.mark.parametrize("saved", saved_queries(QUERIES), ids=lambda q: q.name)
def test_competency_answers_are_identical_from_file_store_and_endpoint(served: dict[str, str], saved) -> None:
    params = {p.name: parse_value(p.example or FALLBACK[p.name]) for p in saved.params}
    answers = {kind: comparable(run_query(served[kind], saved.text, params)) for kind in ("file", "store", "endpoint")}
    assert answers["file"] == answers["store"] == answers["endpoint"]
    assert answers["file"][1], f"{saved.name}: no answer on the sample corpus"


def test_updates_are_refused_by_default(served: dict[str, str]) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = [str(r["n"]) for r in run_query(served["endpoint"], count)]
    status, _, body = http(f"{served['url']}/update", urlencode({"update": "DROP ALL"}).encode())
    assert status == 403 and b"read-only" in body
    status, _, _ = http(f"{served['url']}/store?graph=http%3A%2F%2Fexample.org%2Fg", b"<http://a> <http://b> <http://c> .",
                        content_type="application/n-triples", method="PUT")
    assert status == 403
    assert [str(r["n"]) for r in run_query(served["endpoint"], count)] == before


@pytest.mark.parametrize(("accept", "content_type", "start"), [
    ("application/sparql-results+json", "application/sparql-results+json", b'{"head":{"vars":["n"]}'),
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/csv", "text/csv", b"n\r\n5\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?n\n5"),
    ("text/csv;q=0.2, application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
])
def test_get_and_post_with_content_negotiation(served: dict[str, str], accept: str, content_type: str, start: bytes) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/parlgraph/ontology#SourceDocument> }"
    for status, got, body in (http(f"{served['endpoint']}?{urlencode({'query': query})}", accept=accept),
                              http(served["endpoint"], urlencode({"query": query}).encode(), accept=accept),
                              http(served["endpoint"], query.encode(), accept=accept, content_type="application/sparql-query")):
        assert (status, got) == (200, content_type) and body.startswith(start)


def test_a_runaway_query_is_cancelled_and_the_server_goes_on(served: dict[str, str]) -> None:
    for url in start_serve(Path(served["store"]), "--timeout", "1", "--workers", "1"):
        started = time.monotonic()
        with pytest.raises(EndpointError, match="HTTP 503.*query cancelled"):
            run_query(f"{url}/query", SLOW)
        assert time.monotonic() - started < 10
        # The one worker was killed; its replacement answers the next query.
        assert bool(run_query(f"{url}/query", "ASK { ?s ?p ?o }"))


def test_serve_defaults_to_loopback_and_only_writes_when_asked(tmp_path: Path) -> None:
    options = ServeOptions(tmp_path)
    assert (options.host, options.writable, options.url) == ("127.0.0.1", False, "http://127.0.0.1:7878")
    command = oxigraph_command(ServeOptions(tmp_path, writable=True, timeout=5))
    assert command[1:] == ["serve", "--location", str(tmp_path), "--bind", "127.0.0.1:7878",
                           "--union-default-graph", "--timeout-s", "5"]
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")


@pytest.mark.parametrize(("header", "expected"), [
    ("text/csv;q=0.5, application/sparql-results+json", ["application/sparql-results+json", "text/csv"]),
    ("text/tab-separated-values", ["text/tab-separated-values"]),
    ("*/*;q=0.1, text/turtle;q=0, application/n-triples", ["application/n-triples", "*/*"]),
    (None, []),
])
def test_accept_headers_rank_by_quality(header: str | None, expected: list[str]) -> None:
    assert accepted(header) == expected


def test_serve_without_a_store_fails_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run([*PARLGRAPH, "serve", str(tmp_path / "none")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "no such store" in result.stderr
