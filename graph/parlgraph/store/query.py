"""Run a SPARQL query on a graph file, a store directory or an endpoint, with parameters bound as data.

Parameters become a ``VALUES`` block placed first inside the query's outermost ``WHERE`` group,
so the same text runs everywhere (a remote endpoint cannot take pyoxigraph's substitutions) and
FILTERs see the bound values. A value is written as an RDF term by pyoxigraph's own N-Triples
serialiser, so quotes, braces and ``#`` in it stay inside a string literal: data, never query text.
The default graph is the merge of all graphs: a parlgraph store keeps it; in a graph file or any
other store it is Oxigraph's union of the graphs, which gives the same answers to the saved queries
(they are written to) but joins more slowly over nodes that many graphs describe.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
)

from parlgraph.store.local import StoreError, default_graph_is_merge, open_read_only
from parlgraph.store.web import Credentials, EndpointError, request, split_credentials

Answer = QuerySolutions | QueryBoolean | list[Triple]

VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
IRI_VALUE = re.compile(r"<(.*)>|(https?://.*)", re.S | re.I)
# Tokens that may contain a brace or the word WHERE without being one: strings, IRIs, comments,
# variables and prefixed names. Each alternative is linear (no nested quantifiers).
TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
    r'"(?:[^"\\\n]|\\.)*"|' r"'(?:[^'\\\n]|\\.)*'|"
    r"<[^<>\"{}|^`\\\s]*>|#[^\n]*|[?$]\w+|[\w.-]*:[\w.:%-]*|(?P<word>\w+)|(?P<open>\{)|(?P<close>\})"
)
ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples;q=0.9, text/turtle;q=0.8")
RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}


class QueryError(Exception):
    """A query that cannot run as asked; ``str()`` is one line."""


def parse_value(text: str) -> NamedNode | Literal:
    """``<iri>`` or ``http(s)://...`` is an IRI (validated); anything else a plain string literal."""
    match = IRI_VALUE.fullmatch(text)
    if match is None:
        return Literal(text)
    try:
        return NamedNode(match.group(1) if match.group(1) is not None else match.group(2))
    except ValueError as err:
        raise QueryError(f"not a valid IRI: {text!r} ({err})") from None


def parse_params(pairs: list[str]) -> dict[str, NamedNode | Literal]:
    params: dict[str, NamedNode | Literal] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lstrip("?$")
        if not sep or not VARNAME.fullmatch(key):
            raise QueryError(f"--param {pair!r}: expected name=value with a SPARQL variable name")
        params[key] = parse_value(value)
    return params


def bind(query: str, params: Mapping[str, NamedNode | Literal]) -> str:
    """The query with ``VALUES (?a ?b) { (va vb) }`` first inside its outermost WHERE group."""
    if not params:
        return query
    for name in params:
        if not VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        if not re.search(rf"[?$]{name}\b", query):
            raise QueryError(f"the query has no variable ?{name} to bind")
    at = _where_group(query)
    names = " ".join(f"?{n}" for n in params)
    values = " ".join(str(v) for v in params.values())
    return f"{query[:at]}\n  VALUES ({names}) {{ ({values}) }}\n{query[at:]}"


def _where_group(query: str) -> int:
    """Offset just after the ``{`` of the outermost WHERE group.

    That is the first top-level ``{`` after a top-level WHERE; without that keyword (optional in
    SELECT, ASK and DESCRIBE) the first top-level ``{``, which in a CONSTRUCT is the template.
    """
    depth = 0
    after_where = False
    first: int | None = None
    construct = False
    for token in TOKEN.finditer(query):
        word = (token.group("word") or "").upper()
        if token.group("open"):
            if depth == 0 and after_where:
                if construct and first is None:
                    raise QueryError("CONSTRUCT WHERE { } takes no VALUES: write CONSTRUCT { ... } WHERE { ... }")
                return token.end()
            if depth == 0 and first is None:
                first = token.end()
            depth += 1
        elif token.group("close"):
            depth = max(depth - 1, 0)
        elif depth == 0 and word == "WHERE":
            after_where = True
        elif depth == 0 and word == "CONSTRUCT":
            construct = True
    if first is None or construct:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    return first


def source_kind(source: str) -> str:
    if re.match(r"https?://", source, re.I):
        return "endpoint"
    path = Path(source)
    if path.is_dir():
        return "store"
    if path.is_file():
        return "file"
    raise QueryError(f"{source}: no such graph file, store directory or http(s) endpoint")


def load_file(path: Path) -> Store:
    """An in-memory store holding a graph file (.ttl .trig .nq .nt .jsonld .rdf ...)."""
    suffix = path.suffix.lstrip(".").lower()
    fmt = RdfFormat.from_extension(suffix) or RdfFormat.from_extension({"json": "jsonld"}.get(suffix, ""))
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF file type {path.suffix!r} (use .ttl, .trig, .nq, .nt, .jsonld)")
    store = Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"{path}: cannot read as {fmt.name}: {str(err).splitlines()[0]}") from None
    return store


def open_local(source: str) -> Store:
    try:
        return open_read_only(Path(source)) if source_kind(source) == "store" else load_file(Path(source))
    except StoreError as err:
        raise QueryError(str(err)) from None


def run_local(store: Store, query: str) -> Answer:
    try:
        answer = store.query(query, use_default_graph_as_union=not default_graph_is_merge(store))
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {_first_line(err)}") from None
    except OSError as err:
        raise QueryError(f"query failed: {_first_line(err)}") from None
    return answer if isinstance(answer, QuerySolutions | QueryBoolean) else list(answer)


def run_remote(url: str, query: str, credentials: Credentials, timeout: float) -> Answer:
    """SPARQL 1.1 Protocol: query by POST (form-encoded), answers as JSON results or N-Triples."""
    url, credentials = split_credentials(url, credentials)
    body = urlencode({"query": query}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
    response = request("POST", url, credentials, data=body, headers=headers, timeout=timeout)
    results = RESULT_TYPES.get(response.content_type)
    try:
        if results is not None:
            return parse_query_results(response.body, format=results)
        graph = RdfFormat.from_media_type(response.content_type)
        if graph is not None:
            return [q.triple for q in parse(response.body, format=graph)]
    except (SyntaxError, ValueError) as err:
        if b"cancelled" in response.body[-200:]:
            raise EndpointError(f"{url}: the endpoint cancelled the query (its time limit)") from None
        raise EndpointError(f"{url}: unreadable {response.content_type} answer: {_first_line(err)}") from None
    raise EndpointError(f"{url}: unexpected answer of type {response.content_type!r}; is this the query URL?")


def run_query(
    source: str,
    query: str,
    params: Mapping[str, NamedNode | Literal] | None = None,
    credentials: Credentials = Credentials(),
    timeout: float = 60.0,
) -> Answer:
    """Answer ``query`` from a graph file, a store directory or an endpoint URL."""
    text = bind(query, params or {})
    if source_kind(source) == "endpoint":
        return run_remote(source, text, credentials, timeout)
    return run_local(open_local(source), text)


def _first_line(err: Exception) -> str:
    return (str(err).splitlines() or [type(err).__name__])[0]
