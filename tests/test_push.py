"""``parlgraph push`` into a real Oxigraph server: one graph per document, replaced on re-push, verified."""
from __future__ import annotations

import base64
import os
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from conftest import PARLGRAPH, ROOT
from parlgraph.kg import write_dataset
from parlgraph.store.local import build_into_store
from parlgraph.store.query import parse_value, run_query
from parlgraph.store.saved import saved_queries
from test_endpoint import FALLBACK, comparable, free_port, http, start_serve
from test_store import EXTRA, as_stored, copy_corpus, corpus_graphs

SECRET = "s3cr3t-pa55word"


def push(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PARLGRAPH, "push", *args], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **(env or {})})


def stored_graph(url: str, iri: str) -> set:
    status, _, body = http(f"{url}/store?graph={urllib.parse.quote(iri, safe='')}", accept="application/n-triples")
    assert status == 200
    return {q.triple for q in parse(body, format=RdfFormat.N_TRIPLES)}


def sent_graphs(trig: Path) -> dict[str, set]:
    graphs: dict[str, list] = {}
    for quad in parse(path=str(trig), format=RdfFormat.TRIG):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    return {g: as_stored(quads) for g, quads in graphs.items()}


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[str]:
    yield from start_serve(tmp_path / "remote", "--writable")


@pytest.fixture(scope="module")
def corpus_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    trig = tmp_path_factory.mktemp("push") / "kg.trig"
    write_dataset(corpus_graphs(), trig, "trig")
    return trig


def answers(source: str) -> list:
    return [comparable(run_query(source, q.text, {p.name: parse_value(p.example or FALLBACK[p.name]) for p in q.params}))
            for q in saved_queries(ROOT / "ontology" / "queries")]


def test_push_repush_of_a_changed_document_round_trips_per_graph(writable: str, corpus_trig: Path, tmp_path: Path) -> None:
    result = push(str(corpus_trig), "--endpoint", f"{writable}/store")
    assert result.returncode == 0, result.stderr
    sent = sent_graphs(corpus_trig)
    assert dict(line.split("\t") for line in result.stdout.splitlines()) == {g: str(len(t)) for g, t in sent.items()}
    assert all(stored_graph(writable, g) == t for g, t in sent.items())

    corpus = copy_corpus(tmp_path)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    new_trig = tmp_path / "new.trig"
    write_dataset(corpus_graphs.__wrapped__(corpus), new_trig, "trig")
    result = push(str(new_trig), "--endpoint", f"{writable}/store", "--quiet")
    assert result.returncode == 0 and result.stdout == "", result.stderr
    new = sent_graphs(new_trig)
    assert set(new) == set(sent)
    assert sum(new[g] != sent[g] for g in new) >= 1
    for graph, triples in new.items():
        assert stored_graph(writable, graph) == triples  # replaced, not added to
    total = run_query(f"{writable}/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(next(iter(total))["n"].value) == sum(len(t) for t in new.values())
    assert answers(f"{writable}/query") == answers(str(new_trig))


def test_push_from_a_store_directory_leaves_out_the_bookkeeping(writable: str, tmp_path: Path) -> None:
    store = tmp_path / "local"
    build_into_store([copy_corpus(tmp_path)], store)
    result = push(str(store), "--endpoint", f"{writable}/store")
    assert result.returncode == 0, result.stderr
    graphs = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert len(graphs) == 7 and not any(g.endswith("graph/store") for g in graphs)
    assert answers(f"{writable}/query") == answers(str(store))


def test_triples_outside_named_graphs_need_a_graph_name(writable: str, tmp_path: Path) -> None:
    ttl = tmp_path / "losse.ttl"
    ttl.write_text("<http://example.org/a> <http://example.org/b> \"c\" .\n", encoding="utf-8")
    result = push(str(ttl), "--endpoint", f"{writable}/store")
    assert result.returncode == 1 and "--graph IRI" in result.stderr
    result = push(str(ttl), "--endpoint", f"{writable}/store", "--graph", "http://example.org/g")
    assert result.returncode == 0 and result.stdout == "http://example.org/g\t1\n"


def test_remove_deletes_a_graph_from_the_endpoint(writable: str, corpus_trig: Path) -> None:
    assert push(str(corpus_trig), "--endpoint", f"{writable}/store", "-q").returncode == 0
    graph = corpus_graphs()[0].iri
    result = subprocess.run([*PARLGRAPH, "remove", graph, "--endpoint", f"{writable}/store"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and result.stdout == f"{graph}\n"
    assert http(f"{writable}/store?graph={urllib.parse.quote(graph, safe='')}")[0] == 404
    result = subprocess.run([*PARLGRAPH, "remove", graph, "--endpoint", f"{writable}/store"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0 and "not in the store" in result.stderr


def test_an_unreachable_endpoint_is_one_line_and_exit_1(corpus_trig: Path) -> None:
    result = push(str(corpus_trig), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: ") and "cannot reach" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_rejected_upload_reports_status_and_nothing_as_done(corpus_trig: Path, tmp_path: Path) -> None:
    store = tmp_path / "ro"
    build_into_store([copy_corpus(tmp_path)], store)
    for url in start_serve(store):  # the read-only endpoint refuses writes
        result = push(str(corpus_trig), "--endpoint", f"{url}/store")
        assert result.returncode == 1 and result.stdout == ""
        assert "HTTP 403" in result.stderr and "0 graph(s) pushed before it" in result.stderr


class _AuthProxy(BaseHTTPRequestHandler):
    """A reverse proxy that demands basic auth, as one in front of a production store would."""

    target = ""
    expected = "Basic " + base64.b64encode(f"loader:{SECRET}".encode()).decode()

    def _forward(self) -> None:
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="store"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        req = urllib.request.Request(self.target + self.path, data=body or None, method=self.command, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                status, kind, data = resp.status, resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as err:
            status, kind, data = err.code, err.headers.get("Content-Type", ""), err.read()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def test_credentials_from_the_environment_and_never_echoed(writable: str, corpus_trig: Path) -> None:
    handler = type("Proxy", (_AuthProxy,), {"target": writable})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{proxy.server_address[1]}/store"
    try:
        result = push(str(corpus_trig), "--endpoint", url, env={"PARLGRAPH_USER": "loader", "PARLGRAPH_PASSWORD": "wrong"})
        assert result.returncode == 1 and "HTTP 401" in result.stderr and "wrong" not in result.stderr
        result = push(str(corpus_trig), "--endpoint", url.replace("http://", f"http://loader:{SECRET}@"))
        assert result.returncode == 0, result.stderr
        assert SECRET not in result.stdout + result.stderr
        result = push(str(corpus_trig), "--endpoint", url, env={"PARLGRAPH_USER": "loader", "PARLGRAPH_PASSWORD": SECRET})
        assert result.returncode == 0 and SECRET not in result.stdout + result.stderr
    finally:
        proxy.shutdown()
        proxy.server_close()
