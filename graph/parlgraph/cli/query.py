"""``parlgraph query``, ``serve``, ``push`` and ``remove``: SPARQL over files, stores and endpoints."""
from __future__ import annotations

import os
from pathlib import Path

import typer

from parlgraph.cli.app import EXIT_FAILED, app, atomic_output, err
from parlgraph.store import saved
from parlgraph.store.endpoint import ServeError, ServeOptions, is_loopback, oxigraph_command, serve_read_only
from parlgraph.store.local import DEFAULT_BASE, StoreError, missing_sources, remove_documents
from parlgraph.store.output import OutputFormat, write_answer
from parlgraph.store.push import PushError, delete_graphs
from parlgraph.store.push import push as push_graphs
from parlgraph.store.query import QueryError, parse_params, run_query
from parlgraph.store.web import Credentials, EndpointError

EXIT_USAGE = 2

USER = typer.Option(None, "--user", envvar="PARLGRAPH_USER", show_envvar=True, help="User name for HTTP basic auth.")
PASSWORD = typer.Option(None, "--password", envvar="PARLGRAPH_PASSWORD", show_envvar=True, show_default=False,
                        help="Password (prefer the environment variable: options show in process lists).")
TOKEN = typer.Option(None, "--token", envvar="PARLGRAPH_TOKEN", show_envvar=True, show_default=False,
                     help="Bearer token, instead of user and password.")


def _fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    err.print(f"error: {message}")
    return typer.Exit(code)


def _queries_dir(given: Path | None) -> Path:
    directory = given or saved.default_queries_dir()
    if directory is None or not directory.is_dir():
        raise _fail(f"{directory or 'ontology/queries'}: no saved-queries directory; give --queries DIR", EXIT_USAGE)
    return directory


def _list_saved(directory: Path) -> None:
    for query in saved.saved_queries(directory):
        typer.echo(f"{query.name}\t{query.description}")
        for param in query.params:
            typer.echo(f"    --param {param.name}=…\t{param.meaning}")


def _query_text(query: str | None, name: str | None, directory: Path | None, params: dict) -> str:
    if name is not None:
        found = saved.find(name, _queries_dir(directory))
        if found is None:
            raise _fail(f"no saved query named {name!r} (see: parlgraph query --list)", EXIT_USAGE)
        missing = [p.name for p in found.params if p.name not in params]
        unknown = [k for k in params if k not in {p.name for p in found.params}]
        if missing or unknown:
            wanted = ", ".join(p.name for p in found.params) or "none"
            raise _fail(f"{name}: parameters needed: {wanted}; "
                        + (f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(unknown)}"), EXIT_USAGE)
        return found.text
    if query is None:
        raise _fail("give a QUERY (text or file) or --name NAME", EXIT_USAGE)
    path = Path(query)
    if path.suffix.lower() in (".rq", ".sparql") or path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            raise _fail(f"{query}: cannot read the query file ({problem.__class__.__name__})", EXIT_USAGE) from None
    return query


@app.command()
def query(
    source: str = typer.Argument(None, help="A graph file (.ttl .trig .nq .nt .jsonld), a store directory, or an http(s) SPARQL endpoint."),
    query_text: str = typer.Argument(None, metavar="QUERY", help="SPARQL text, or a .rq file."),
    name: str = typer.Option(None, "--name", "-n", help="A saved competency question (see --list)."),
    params: list[str] = typer.Option([], "--param", "-p", help="name=value; <iri> or http(s)://... binds an IRI, anything else a string."),
    fmt: OutputFormat = typer.Option(None, "--format", "-f", help="Default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    queries: Path = typer.Option(None, "--queries", help="Directory of saved queries (default: ontology/queries)."),
    list_saved: bool = typer.Option(False, "--list", help="List the saved queries and their parameters."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds to wait for an endpoint."),
    user: str = USER,
    password: str = PASSWORD,
    token: str = TOKEN,
) -> None:
    """Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) from a graph file, a store or an endpoint."""
    if list_saved:
        _list_saved(_queries_dir(queries))
        return
    if source is None:
        raise _fail("give a SOURCE: graph file, store directory or endpoint URL", EXIT_USAGE)
    try:
        bound = parse_params(params)
    except QueryError as problem:
        raise _fail(str(problem), EXIT_USAGE) from None
    text = _query_text(query_text, name, queries, bound)
    try:
        answer = run_query(source, text, bound, Credentials(user, password, token), timeout)
        with atomic_output(output, "wb") as out:
            write_answer(answer, fmt, out, text)
    except (QueryError, EndpointError) as problem:
        raise _fail(str(problem)) from None


@app.command()
def serve(
    store: Path = typer.Argument(..., help="A store directory (parlgraph build ... --store DIR)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; the default serves this machine only."),
    port: int = typer.Option(7878, "--port", min=1, max=65535),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds after which a query is cancelled."),
    workers: int = typer.Option(2, "--workers", min=1, help="Queries answered at the same time."),
    max_memory: int = typer.Option(
        4096, "--max-memory", min=0, help="MB a query worker may use before the query is stopped (0: no limit)."
    ),
    writable: bool = typer.Option(False, "--writable", help="Run the Oxigraph server read-write: /update and /store accept changes."),
) -> None:
    """Serve a store as a SPARQL 1.1 endpoint at http://HOST:PORT/query."""
    options = ServeOptions(store, host, port, timeout, writable, workers, max_memory)
    mode = "read-write (Oxigraph server): /update and /store accept changes" if writable else "read-only"

    def announce() -> None:
        err.print(f"SPARQL endpoint: {options.url}/query ({mode}; queries stop after {timeout:g} s)")
        if not is_loopback(host):
            err.print(f"warning: listening on {host}: reachable from other machines, without authentication")

    try:
        if writable:
            argv = oxigraph_command(options)
            announce()
            os.execv(argv[0], argv)  # the server takes this process over: signals and exit status are its own
        serve_read_only(options, announce)
    except ServeError as problem:
        raise _fail(str(problem)) from None


@app.command("push")
def push_command(
    graph: str = typer.Argument(..., help="A graph file (.trig .nq, or .ttl/.nt with --graph) or a store directory."),
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store"),
    query_endpoint: str = typer.Option(None, "--query-endpoint", help="SPARQL query URL for the check (default: /store → /query)."),
    graph_iri: str = typer.Option(None, "--graph", help="Named graph for triples outside any named graph."),
    timeout: float = typer.Option(120.0, "--timeout", help="Seconds to wait for each request."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-graph lines, only errors."),
    user: str = USER,
    password: str = PASSWORD,
    token: str = TOKEN,
) -> None:
    """Load one named graph per document into a triple store (PUT replaces a re-built document's graph)."""
    credentials = Credentials(user, password, token)
    try:
        report = push_graphs(graph, endpoint, query_endpoint, credentials, graph_iri, timeout)
    except (PushError, EndpointError, QueryError) as problem:
        raise _fail(str(problem)) from None
    for iri in report.sent:
        if not quiet:
            typer.echo(f"{iri}\t{report.found[iri]}")
    for iri in report.mismatched:
        err.print(f"error: <{iri}>: sent {report.sent[iri]} triples, the store holds {report.found[iri]}")
    if report.mismatched:
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        err.print(f"{len(report.sent)} graph(s), {sum(report.sent.values())} triples pushed and verified")


@app.command()
def remove(
    names: list[str] = typer.Argument(None, help="Source paths or graph IRIs of the documents to drop."),
    store: Path = typer.Option(None, "--store", help="A store directory."),
    endpoint: str = typer.Option(None, "--endpoint", "-e", help="Or a Graph Store Protocol URL: DELETE ?graph=IRI."),
    missing: bool = typer.Option(False, "--missing", help="With --store: drop every document whose file is gone."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="Base IRI the store was built with."),
    timeout: float = typer.Option(60.0, "--timeout"),
    user: str = USER,
    password: str = PASSWORD,
    token: str = TOKEN,
) -> None:
    """Drop documents' named graphs from a store directory or a Graph Store Protocol endpoint."""
    names = list(names or [])
    if (store is None) == (endpoint is None):
        raise _fail("give exactly one of --store DIR and --endpoint URL", EXIT_USAGE)
    if missing and store is None:
        raise _fail("--missing works on a --store", EXIT_USAGE)
    try:
        if store is not None:
            names += missing_sources(store, base) if missing else []
            removed, absent = remove_documents(store, names, base)
            for record in removed:
                typer.echo(f"{record.graph}\t{record.source}")
        else:
            removed_iris, absent = delete_graphs(endpoint, names, Credentials(user, password, token), timeout)
            for iri in removed_iris:
                typer.echo(iri)
    except (StoreError, EndpointError, PushError) as problem:
        raise _fail(str(problem)) from None
    for name in absent:
        err.print(f"warning: {name}: not in the store")
