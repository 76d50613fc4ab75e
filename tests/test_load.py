"""``parlgraph serve`` under load and attack, and ``push``/``query`` keeping credentials and data apart.

Servers listen on 127.0.0.1 at a free port and are stopped after the module. The load is
bounded: 20 clients x 200 queries, with a time limit.
"""
from __future__ import annotations

import contextlib
import http.client
import json
import socket
import statistics
import struct
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import CORPUS, PARLGRAPH
from parlgraph.store.local import build_into_store

CLIENTS, QUERIES_EACH = 20, 200
QUERY_TIMEOUT = 2  # seconds, the server's limit
QUERIES = [
    "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 50",
    "ASK { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
]
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SECRET = "Geheim-wachtwoord-8472"
# How a connection the server resets shows, depending on when: while sending, or before the answer.
DROPPED = (ConnectionResetError, http.client.RemoteDisconnected)


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PARLGRAPH, *args], capture_output=True, text=True, timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sparql(url: str, query: str, timeout: float = 30) -> dict:
    body = urlencode({"query": query}).encode()
    req = urllib.request.Request(f"{url}/query", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read())
    except urllib.error.URLError as problem:
        if isinstance(problem.reason, DROPPED):
            raise problem.reason from None
        raise


def start_server(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([*PARLGRAPH, "serve", str(store), "--port", str(port), *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            sparql(url, "ASK {}", timeout=2)
            return process, url
        except (urllib.error.URLError, ConnectionError, OSError):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.1)


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        _, stderr = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    return stderr or ""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("store") / "store"
    build_into_store([CORPUS], directory)
    return directory


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    process, url = start_server(store, "--timeout", str(QUERY_TIMEOUT))
    yield process, url
    stop(process)


def test_many_concurrent_clients_get_answers_without_errors(server: tuple[subprocess.Popen, str]) -> None:
    _, url = server

    def client(number: int) -> tuple[list[float], list[str]]:
        latencies, errors = [], []
        for i in range(QUERIES_EACH):
            query = QUERIES[(number + i) % len(QUERIES)]
            started = time.perf_counter()
            try:
                try:
                    answer = sparql(url, query)
                except DROPPED:  # the server dropped the connection: ask again, once
                    errors.append("reset")
                    answer = sparql(url, query)
                assert "boolean" in answer or answer["results"]["bindings"], query
            except Exception as problem:  # every other failure, or a second reset, is an error
                errors.append(f"{type(problem).__name__}: {problem}")
            latencies.append(time.perf_counter() - started)
        return latencies, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(client, range(CLIENTS)))
    elapsed = time.perf_counter() - started
    latencies = sorted(t for lat, _ in results for t in lat)
    errors = [e for _, errs in results for e in errs if e != "reset"]
    resets = sum(errs.count("reset") for _, errs in results)
    p50, p95 = statistics.median(latencies), latencies[int(0.95 * len(latencies))]
    print(f"\n{len(latencies)} queries by {CLIENTS} clients in {elapsed:.1f} s "
          f"({len(latencies) / elapsed:.0f}/s): p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms, {len(errors)} errors, {resets} connections reset")
    assert errors == []
    # The Oxigraph server (listen backlog 5) now and then resets a connection under this load (1 to 10
    # in 4,000 requests here), so clients retry once (see the next test); a lot more would be a regression.
    assert resets <= CLIENTS * QUERIES_EACH // 50
    assert len(latencies) == CLIENTS * QUERIES_EACH
    assert elapsed < 120 and p95 < 2.0


def test_a_pathological_query_is_stopped_and_the_server_goes_on(server: tuple[subprocess.Popen, str]) -> None:
    process, url = server
    with ThreadPoolExecutor(1) as pool:
        started = time.perf_counter()
        heavy = pool.submit(run, "query", f"{url}/query", CROSS_JOIN)
        time.sleep(0.5)
        # While it runs, other clients are answered as usual.
        assert sparql(url, "ASK { ?s ?p ?o }")["boolean"] is True
        assert time.perf_counter() - started < QUERY_TIMEOUT
        result = heavy.result(timeout=60)
    assert time.perf_counter() - started < QUERY_TIMEOUT + 10
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: {url}/query"), errors
    assert process.poll() is None
    started = time.perf_counter()
    assert sparql(url, "ASK { ?s ?p ?o }")["boolean"] is True
    assert time.perf_counter() - started < 2


# Sorting every pair of triples must hold them all: memory runs out long before the time limit.
MEMORY_HOG = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"


def test_a_query_that_needs_too_much_memory_is_stopped_and_the_server_goes_on(store: Path) -> None:
    process, url = start_server(store, "--timeout", "120", "--max-memory", "1500", "--workers", "1")
    try:
        started = time.perf_counter()
        with pytest.raises(urllib.error.HTTPError) as refused:
            sparql(url, MEMORY_HOG, timeout=120)
        assert refused.value.code == 503
        assert "more than 1500 MB" in refused.value.read().decode()
        assert time.perf_counter() - started < 110  # stopped by the memory limit, not the timeout
        assert process.poll() is None
        deadline = time.monotonic() + 30  # the replacement worker opens the store
        while True:
            try:
                assert sparql(url, "ASK { ?s ?p ?o }", timeout=5)["boolean"] is True
                break
            except urllib.error.HTTPError:
                assert time.monotonic() < deadline
                time.sleep(0.5)
    finally:
        stop(process)


def test_a_reset_connection_is_retried_by_parlgraph_clients() -> None:
    from parlgraph.store.query import run_remote
    from parlgraph.store.web import Credentials

    listener = socket.create_server(("127.0.0.1", 0))
    answer = b'{"head": {}, "boolean": true}'

    def serve_two() -> None:
        for attempt in range(2):
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                if attempt == 0:  # abortive close: the client sees ECONNRESET, as under load
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                             + f"Content-Length: {len(answer)}\r\nConnection: close\r\n\r\n".encode() + answer)

    with listener, ThreadPoolExecutor(1) as pool:
        served = pool.submit(serve_two)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        try:
            assert bool(run_remote(url, "ASK {}", Credentials(), 5)) is True
        finally:
            # Let the stub finish whether or not the client came back.
            with contextlib.suppress(OSError), socket.create_connection(listener.getsockname(), timeout=1):
                pass
            served.result(timeout=10)


def test_the_endpoint_is_read_only_by_default(server: tuple[subprocess.Popen, str]) -> None:
    _, url = server
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = sparql(url, count)["results"]["bindings"][0]["n"]["value"]
    for path, body, kind in [
        ("/update", urlencode({"update": "DROP ALL"}), "application/x-www-form-urlencoded"),
        ("/update", "DROP ALL", "application/sparql-update"),
        ("/query", urlencode({"update": "DROP ALL"}), "application/x-www-form-urlencoded"),
        ("/store?default", "<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
    ]:
        req = urllib.request.Request(url + path, data=body.encode(), method="POST", headers={"Content-Type": kind})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=10)
        assert 400 <= refused.value.code < 500, (path, refused.value.code)
    assert sparql(url, count)["results"]["bindings"][0]["n"]["value"] == before


def test_serve_listens_on_this_machine_only_by_default(server: tuple[subprocess.Popen, str]) -> None:
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing address
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        pytest.skip("this machine has no address besides loopback to try")
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex((address, port)) != 0


def test_a_parameter_value_is_data_never_query_text(store: Path) -> None:
    hostile = 'x" } ; DROP ALL #'
    result = run("query", str(store), "SELECT ?name WHERE { ?s ?p ?o } LIMIT 1", "--param", f"name={hostile}",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert rows == [{"name": {"type": "literal", "value": hostile}}]


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[str]:
    process, url = start_server(tmp_path / "target", "--writable")
    yield url
    assert SECRET not in stop(process)  # nor in the server's log


def count_graphs(url: str) -> dict[str, int]:
    answer = sparql(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in answer["results"]["bindings"]}


def test_a_broken_upload_changes_nothing_and_a_new_push_repairs_what_an_interrupted_one_left(
    store: Path, writable: str
) -> None:
    result = run("push", str(store), "--endpoint", f"{writable}/store", "-q")
    assert result.returncode == 0, result.stderr
    complete = count_graphs(writable)
    first, second = sorted(complete)[:2]
    # A PUT whose body is cut off mid-statement (the connection of an interrupted push) is refused
    # whole: the graph keeps what it had.
    body = b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"afgebr"
    req = urllib.request.Request(f"{writable}/store?{urlencode({'graph': first})}", data=body, method="PUT",
                                 headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(req, timeout=10)
    assert count_graphs(writable) == complete
    # What an interrupted push leaves: a graph missing, another not yet replaced. Pushing again repairs it.
    urllib.request.urlopen(urllib.request.Request(f"{writable}/store?{urlencode({'graph': second})}",
                                                  method="DELETE"), timeout=10)
    stale = b"<urn:oud> <urn:oud> <urn:oud> .\n"
    urllib.request.urlopen(urllib.request.Request(f"{writable}/store?{urlencode({'graph': first})}", data=stale,
                                                  method="PUT", headers={"Content-Type": "application/n-triples"}),
                           timeout=10)
    assert count_graphs(writable) != complete
    again = run("push", str(store), "--endpoint", f"{writable}/store", "-q")
    assert again.returncode == 0, again.stderr
    assert count_graphs(writable) == complete


def test_a_password_never_appears_in_output_logs_or_files(store: Path, writable: str, tmp_path: Path) -> None:
    out = tmp_path / "answer.json"
    runs = [
        run("push", str(store), "--endpoint", f"{writable}/store", "--user", "jan", "--password", SECRET),
        run("push", str(store), "--endpoint", f"http://jan:{SECRET}@127.0.0.1:{free_port()}/store", "--timeout", "5"),
        run("query", f"http://jan:{SECRET}@127.0.0.1:{free_port()}/query", "ASK {}", "--timeout", "5"),
        run("query", f"{writable}/query", "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "--user", "jan", "--password",
            SECRET, "-f", "json", "-o", str(out)),
    ]
    assert [r.returncode for r in runs] == [0, 1, 1, 0], [r.stderr for r in runs]
    for result in runs:
        assert SECRET not in result.stdout and SECRET not in result.stderr
    assert SECRET.encode() not in out.read_bytes()
    assert not any(SECRET.encode() in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
