"""Time writing a graph of about a million triples as Turtle (or another format).

    .venv/bin/python tests/benchmarks/turtle_1m.py [TRIPLES] [FORMAT]

The sample corpus's document graphs are copied under new document keys until the target size is
reached, so the graph has the shape of real output (annotations, selectors, shared entities).
Only the write is timed: de-duplication, sorting, consolidation and serialisation.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from parlgraph.corpus import BatchReport, extract_paths
from parlgraph.kg import DocumentGraph, document_graph, write_dataset
from parlgraph.kg.iris import document_key

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _renamed(term: object, key: str, new: str) -> object:
    if isinstance(term, NamedNode) and key in term.value:
        return NamedNode(term.value.replace(key, new))
    return term


def _copy(graph: DocumentGraph, i: int) -> DocumentGraph:
    key = document_key(graph.source)
    new = f"{key}-copy{i}"
    quads = tuple(
        Quad(_renamed(q.subject, key, new), q.predicate, _renamed(q.object, key, new), _renamed(q.graph_name, key, new))
        for q in graph.quads
    )
    return DocumentGraph(graph.iri.replace(key, new), graph.source, graph.sha256, quads)


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    fmt = sys.argv[2] if len(sys.argv) > 2 else "turtle"
    originals = [document_graph(e) for e in extract_paths([CORPUS], BatchReport())]
    graphs: list[DocumentGraph] = []
    i = 0
    while sum(len(g.quads) for g in graphs) < target:
        graphs.extend(_copy(g, i) for g in originals)
        i += 1
    print(f"{len(graphs)} document graphs, {sum(len(g.quads) for g in graphs)} quads", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        written = write_dataset(graphs, Path(tmp) / f"graph.{fmt}", fmt)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{fmt}: {written} statements written in {seconds:.1f} s; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
