"""GraphML and GEXF for Gephi, Cytoscape and yEd: the networkx graph with flat attributes (no positions:
those tools lay out better themselves)."""
from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import IO

import networkx as nx

# Characters XML 1.0 cannot carry at all (PDF text has the odd control character).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"


def flat(graph: nx.DiGraph) -> nx.DiGraph:
    """Every attribute a string or number (both formats reject lists); lists joined with " | "."""
    out = nx.DiGraph()
    for iri, data in graph.nodes(data=True):
        out.add_node(
            iri, label=_xml(data["label"]), kind=data["kind"], identifiers=_xml(" | ".join(data["ids"])),
            links=" | ".join(url for _, url in data["links"]), documents=data["docs"], quote=_xml(data["quote"]),
            date=data["date"],
        )
    for source, target, data in graph.edges(data=True):
        out.add_edge(source, target, label=data["relation"], relation=data["relation"], note=data.get("note", ""))
    return out


def _xml(text: str) -> str:
    return NOT_XML.sub(" ", text)


def write(graph: nx.DiGraph, fmt: ExportFormat, out: IO[bytes]) -> None:
    flat_graph = flat(graph)
    if fmt is ExportFormat.graphml:
        nx.write_graphml(flat_graph, out, encoding="utf-8")
    else:
        nx.write_gexf(flat_graph, out, encoding="utf-8")


def format_for_path(path: Path) -> ExportFormat | None:
    return {".graphml": ExportFormat.graphml, ".gexf": ExportFormat.gexf}.get(path.suffix.lower())
