"""Numbers about the graph: what it holds, what is cited most, who and what sits at its centre."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

import networkx as nx

from parlgraph.viz.network import KINDS

# Exact betweenness is O(n·m); above this many nodes it is estimated from this many sources.
BETWEENNESS_SAMPLE = 500


@dataclass(frozen=True, slots=True)
class Ranked:
    iri: str
    label: str
    value: float  # citing documents, or betweenness centrality
    degree: int


@dataclass(frozen=True, slots=True)
class Stats:
    nodes: int
    edges: int
    per_type: dict[str, int]
    per_relation: dict[str, int]
    most_cited_kamerstukken: list[Ranked]
    central_acts: list[Ranked]
    central_people: list[Ranked]
    documents_per_month: dict[str, int]
    betweenness_estimated: bool

    def to_dict(self) -> dict:
        return asdict(self)


def stats(graph: nx.DiGraph, top: int = 10) -> Stats:
    undirected = nx.Graph(graph)
    estimated = undirected.number_of_nodes() > BETWEENNESS_SAMPLE
    between = nx.betweenness_centrality(undirected, k=BETWEENNESS_SAMPLE if estimated else None, seed=0)
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    relations = Counter(name for *_, relation in graph.edges(data="relation") for name in relation.split(", "))
    citing = Counter(target for _, target, relation in graph.edges(data="relation")
                     if "cites" in relation.split(", ") and graph.nodes[target]["kind"] == "kamerstuk")
    months = Counter(data["date"][:7] for _, data in graph.nodes(data=True) if data["kind"] == "document" and data["date"])

    def rank(node: str, value: float) -> Ranked:
        return Ranked(node, graph.nodes[node]["label"], value, undirected.degree(node))

    def central(kind: str) -> list[Ranked]:
        members = sorted((n for n, k in graph.nodes(data="kind") if k == kind),
                         key=lambda n: (-between[n], -undirected.degree(n), n))
        return [rank(n, round(between[n], 6)) for n in members[:top]]

    return Stats(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        per_type={kind.name: kinds[kind.name] for kind in KINDS if kinds[kind.name]},
        per_relation=dict(sorted(relations.items(), key=lambda item: (-item[1], item[0]))),
        most_cited_kamerstukken=[rank(n, count) for n, count in sorted(citing.items(), key=lambda i: (-i[1], i[0]))[:top]],
        central_acts=central("act"),
        central_people=central("person"),
        documents_per_month=dict(sorted(months.items())),
        betweenness_estimated=estimated,
    )


def format_text(result: Stats) -> str:
    """A plain-text report, one section per question."""
    lines = [f"{result.nodes} nodes, {result.edges} edges", "", "Nodes per type"]
    lines += [f"  {kind:<14} {count:>6}" for kind, count in result.per_type.items()]
    lines += ["", "Edges per relation"]
    lines += [f"  {name:<18} {count:>6}" for name, count in result.per_relation.items()]
    lines += ["", "Most-cited Kamerstukken: citing documents"]
    lines += [f"  {int(r.value):>6}  {r.label}" for r in result.most_cited_kamerstukken] or ["  (none)"]
    note = " (estimated from a sample)" if result.betweenness_estimated else ""
    for title, rows in (("acts", result.central_acts), ("people", result.central_people)):
        lines += ["", f"Most central {title}: betweenness{note}, degree"]
        lines += [f"  {r.value:8.4f}  {r.degree:>4}  {r.label}" for r in rows] or ["  (none)"]
    lines += ["", "Source documents per month"]
    lines += [f"  {month}  {count:>6}" for month, count in result.documents_per_month.items()] or ["  (none)"]
    return "\n".join(lines) + "\n"
