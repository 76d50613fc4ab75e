"""``parlgraph push``: load graphs into any store that speaks the SPARQL 1.1 Graph Store Protocol.

Each named graph is sent with ``PUT ?graph=IRI``, which replaces that graph as a whole: pushing a
re-built document replaces its old graph, and nothing is duplicated. Afterwards the triples of
every graph are counted through the store's SPARQL query endpoint and compared with what was sent.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit, urlunsplit

from pyoxigraph import DefaultGraph, NamedNode, QuerySolutions, RdfFormat, Triple, serialize

from parlgraph.store.local import DEFAULT_BASE, default_graph_is_merge, document_quads
from parlgraph.store.query import QueryError, open_local, run_remote
from parlgraph.store.web import Credentials, EndpointError, request, split_credentials

VERIFY_BATCH = 200
# Where a Graph Store Protocol service keeps its query service: Oxigraph /store → /query, Fuseki /ds/data → /ds/query.
QUERY_PATHS = {"store": "query", "data": "query"}


class PushError(Exception):
    """A push that stopped or could not be verified; ``str()`` is one line."""


@dataclass(slots=True)
class PushReport:
    sent: dict[str, int] = field(default_factory=dict)  # graph IRI -> distinct triples sent
    found: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples the store holds afterwards

    @property
    def mismatched(self) -> list[str]:
        return [g for g, n in self.sent.items() if self.found.get(g) != n]


def query_endpoint_for(gsp_url: str) -> str:
    parts = urlsplit(gsp_url)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in QUERY_PATHS:
        raise PushError(f"cannot tell the query endpoint of {gsp_url.split('?')[0]}: give --query-endpoint")
    return urlunsplit(parts._replace(path=f"{head}/{QUERY_PATHS[last]}", query=""))


def graphs_of(source: str, default_graph: str | None, base: str = DEFAULT_BASE) -> Iterator[tuple[str, list[Triple]]]:
    """The named graphs of a graph file or store directory, with their distinct triples."""
    try:
        store = open_local(source)
    except QueryError as err:
        raise PushError(str(err)) from None
    # A parlgraph store's default graph is the merge of its named graphs: nothing of its own to send.
    loose = set() if default_graph_is_merge(store) else {
        q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())}
    if loose and default_graph is None:
        raise PushError(f"{source}: {len(loose)} triples outside any named graph; name their graph with --graph IRI")
    if loose:
        try:
            yield NamedNode(default_graph).value, sorted(loose, key=str)
        except ValueError as err:
            raise PushError(f"--graph {default_graph!r}: not a valid IRI ({err})") from None
    for graph, quads in document_quads(store, base):
        yield graph, list({q.triple for q in quads})


def push(
    source: str,
    gsp_url: str,
    query_url: str | None = None,
    credentials: Credentials = Credentials(),
    default_graph: str | None = None,
    timeout: float = 120.0,
    on_graph: Callable[[str, int], None] = lambda graph, triples: None,
) -> PushReport:
    """PUT every graph of ``source`` to ``gsp_url`` and count what the store then holds."""
    gsp_url, credentials = split_credentials(gsp_url, credentials)
    query_url = query_url or query_endpoint_for(gsp_url)
    report = PushReport()
    for graph, triples in graphs_of(source, default_graph):
        body = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        try:
            request("PUT", _graph_url(gsp_url, graph), credentials, data=body, timeout=timeout,
                    headers={"Content-Type": "application/n-triples"})
        except EndpointError as err:
            raise PushError(f"{err} (graph <{graph}>; {len(report.sent)} graph(s) pushed before it)") from None
        report.sent[graph] = len(triples)
        on_graph(graph, len(triples))
    report.found = count_graphs(query_url, list(report.sent), credentials, timeout)
    return report


def count_graphs(query_url: str, graphs: list[str], credentials: Credentials, timeout: float) -> dict[str, int]:
    """Triples per named graph, as the endpoint reports them (absent graphs count 0)."""
    found = dict.fromkeys(graphs, 0)
    for start in range(0, len(graphs), VERIFY_BATCH):
        values = " ".join(str(NamedNode(g)) for g in graphs[start:start + VERIFY_BATCH])
        answer = run_remote(query_url, "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { " + values
                            + " } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", credentials, timeout)
        if not isinstance(answer, QuerySolutions):
            raise PushError(f"{query_url}: the count query gave no table of results")
        for row in answer:
            found[row["g"].value] = int(row["n"].value)
    return found


def delete_graphs(gsp_url: str, graphs: list[str], credentials: Credentials, timeout: float = 60.0) -> tuple[list[str], list[str]]:
    """DELETE each graph: (the graphs removed, the graphs the store did not have)."""
    gsp_url, credentials = split_credentials(gsp_url, credentials)
    removed: list[str] = []
    absent: list[str] = []
    for graph in graphs:
        try:
            request("DELETE", _graph_url(gsp_url, NamedNode(graph.strip("<>")).value), credentials, timeout=timeout)
            removed.append(graph)
        except EndpointError as err:
            if err.status != 404:
                raise
            absent.append(graph)
        except ValueError as err:
            raise PushError(f"{graph!r}: not a valid graph IRI ({err})") from None
    return removed, absent


def _graph_url(gsp_url: str, graph: str) -> str:
    return f"{gsp_url}{'&' if '?' in gsp_url else '?'}graph={quote(graph, safe='')}"
