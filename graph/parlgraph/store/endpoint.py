"""``parlgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over a store directory.

Queries run in worker processes, each holding the store open read-only. A query that exceeds the
time limit has its worker killed and replaced, and the client gets HTTP 503; the server and the
other queries carry on. (The Oxigraph server's own ``--timeout-s`` did not stop a cross product
on the sample store, so it is not relied on.) ``--writable`` hands over to the Oxigraph server
(PyPI package ``oxigraph``), which adds ``/update`` and the Graph Store Protocol at ``/store``;
its time limit is then Oxigraph's own, best effort.

Protocol: ``GET /query?query=...`` and ``POST /query`` (form-encoded or ``application/sparql-query``),
with ``default-graph-uri`` / ``named-graph-uri``; without them the default graph is the merge of
all graphs (kept by the store; Oxigraph's union for a store parlgraph did not write). Results as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples or RDF/XML, by ``Accept``.
"""
from __future__ import annotations

import ipaddress
import multiprocessing
import queue
import shutil
import signal
import threading
import sys
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store

from parlgraph.store.local import default_graph_is_merge

MAX_BODY = 1 << 20  # a query, not a data upload
STARTUP = 60.0  # seconds a new worker may take to open the store
RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON, "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML, "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV, "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/n-triples": RdfFormat.N_TRIPLES,
               "application/rdf+xml": RdfFormat.RDF_XML}

Reply = tuple[int, str, bytes]  # status, content type, body


class ServeError(Exception):
    """The server cannot be started as asked; ``str()`` is one line."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    writable: bool = False
    workers: int = 2
    max_memory_mb: int = 4096  # per query worker; 0 for no limit

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def check(options: ServeOptions) -> None:
    if not options.writable and not options.store.is_dir():
        raise ServeError(f"{options.store}: no such store directory (build one with: parlgraph build ... --store DIR)")
    if options.timeout <= 0 or options.workers < 1:
        raise ServeError("--timeout and --workers must be positive")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- read-write: the Oxigraph server -------------------------------------------------------------

def oxigraph_binary() -> Path:
    """The ``oxigraph`` executable installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed: pip install oxigraph")
    return Path(found)


def oxigraph_command(options: ServeOptions) -> list[str]:
    check(options)
    host = f"[{options.host}]" if ":" in options.host else options.host
    return [str(oxigraph_binary()), "serve", "--location", str(options.store), "--bind", f"{host}:{options.port}",
            "--union-default-graph", "--timeout-s", str(max(1, round(options.timeout)))]


# --- read-only: worker processes behind a threading HTTP server ----------------------------------

def _work(store_dir: str, conn: Connection, max_memory_mb: int) -> None:
    if max_memory_mb > 0:
        # A query that joins shared nodes over the union can need more memory than the machine has
        # long before the time limit: past this the worker dies and the server answers 503.
        import resource

        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    store = Store.read_only(store_dir)
    union = not default_graph_is_merge(store)
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the server is gone: so is this worker
            return
        conn.send(answer(store, *request, union=union))


def answer(store: Store, query: str, accept: list[str], default: list[str], named: list[str], union: bool) -> Reply:
    """Run one query and serialise it in the first acceptable format for its kind of result."""
    try:
        result = store.query(
            query, use_default_graph_as_union=union and not default,
            default_graph=[NamedNode(g) for g in default] or None, named_graphs=[NamedNode(g) for g in named] or None,
        )
        if isinstance(result, QuerySolutions | QueryBoolean):
            media = next((m for m in accept if m in RESULT_TYPES), "application/sparql-results+json")
            return 200, media, result.serialize(format=RESULT_TYPES[media]) or b""
        media = next((m for m in accept if m in GRAPH_TYPES), "text/turtle")
        return 200, media, result.serialize(format=GRAPH_TYPES[media]) or b""
    except (SyntaxError, ValueError) as err:
        return 400, "text/plain", f"bad query: {err}".encode()
    except OSError as err:
        return 500, "text/plain", f"query failed: {err}".encode()


class _Worker:
    def __init__(self, store_dir: str, max_memory_mb: int) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(store_dir, child, max_memory_mb), daemon=True)
        self.process.start()

    def ready(self) -> bool:
        """Wait until the worker has the store open (spawning imports Python afresh: about a second)."""
        try:
            return self.conn.poll(STARTUP) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            return False

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


class WorkerPool:
    """Query workers; one that runs past the time or memory limit is killed and replaced."""

    def __init__(self, store_dir: Path, size: int, timeout: float, max_memory_mb: int = 0) -> None:
        self.store_dir = str(store_dir)
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(size):
            worker = _Worker(self.store_dir, max_memory_mb)
            if not worker.ready():
                worker.stop()
                self.close()
                raise ServeError(f"{store_dir}: a query worker could not open the store")
            self.idle.put(worker)

    def run(self, query: str, accept: list[str], default: list[str], named: list[str]) -> Reply:
        worker = self.idle.get()
        died = False
        try:
            worker.conn.send((query, accept, default, named))
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
                self.idle.put(worker)
                return reply
        except (EOFError, OSError):  # the worker is gone before the time limit: it ran out of memory
            died = True
        worker.stop()
        threading.Thread(target=self._replace, daemon=True).start()
        if died:
            return 503, "text/plain", f"query stopped: it needed more than {self.max_memory_mb} MB".encode()
        return 503, "text/plain", f"query cancelled: it ran longer than {self.timeout:g} s".encode()

    def _replace(self) -> None:
        worker = _Worker(self.store_dir, self.max_memory_mb)
        if worker.ready():
            self.idle.put(worker)
        else:
            worker.stop()

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()


def accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, most preferred first."""
    ranked = []
    for index, part in enumerate((header or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if media and q > 0:
            ranked.append((-q, index, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def make_handler(pool: WorkerPool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "parlgraph-sparql"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            self._query(url.path, parse_qs(url.query))

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/update" or url.path.startswith("/store"):
                return self._reply((403, "text/plain", b"read-only endpoint: updates are refused"))
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._reply((413, "text/plain", b"request too large"))
            body = self.rfile.read(length).decode("utf-8", "replace")
            params = parse_qs(url.query)
            if self.headers.get_content_type() == "application/sparql-query":
                params["query"] = [body]
            else:
                params.update(parse_qs(body))
            self._query(url.path, params)

        def do_PUT(self) -> None:
            self._reply((403, "text/plain", b"read-only endpoint: updates are refused"))

        do_DELETE = do_PATCH = do_PUT

        def _query(self, path: str, params: dict[str, list[str]]) -> None:
            if path != "/query":
                return self._reply((404, "text/plain", b"the SPARQL endpoint is /query"))
            if len(params.get("query", [])) != 1:
                return self._reply((400, "text/plain", b"give exactly one query parameter"))
            self._reply(pool.run(params["query"][0], accepted(self.headers.get("Accept")),
                                 params.get("default-graph-uri", []), params.get("named-graph-uri", [])))

        def _reply(self, reply: Reply) -> None:
            status, media, body = reply
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
            pass  # the query text is the user's business; errors reach the client

    return Handler


def serve_read_only(options: ServeOptions, on_ready: Callable[[], None] = lambda: None) -> None:
    """Serve until interrupted; ``on_ready`` runs once the port is open and the workers are up."""
    check(options)
    try:
        Store.read_only(str(options.store))
    except OSError as err:
        raise ServeError(f"{options.store}: not a readable parlgraph store ({str(err).splitlines()[0]})") from None
    pool = WorkerPool(options.store, options.workers, options.timeout, options.max_memory_mb)
    try:
        server = ThreadingHTTPServer((options.host, options.port), make_handler(pool))
    except OSError as err:
        pool.close()
        raise ServeError(f"cannot listen on {options.host}:{options.port} ({err.strerror or err})") from None
    signal.signal(signal.SIGTERM, _stop)
    on_ready()
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
        pool.close()


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)
