"""Speed of the saved competency questions on a store of a generated corpus: median and p95 per query.

    .venv/bin/python tests/benchmarks/queries.py --store /tmp/store-10k [--corpus DIR --docs 10000] [--runs 20]

The store is reused when it exists; otherwise the corpus (generated when not given) is built
into it with two workers, as ``parlgraph build DIR --store STORE --workers 2`` would. Parameters
are realistic: the most cited Kamerstuk when kst-26643-1011 is not in the data, member "Van
Ginneken", post "Minister van Justitie en Veiligheid", council "JBZ-Raad", act
"Crisisverordening", the first document, and Van Ginneken's node for provenance. Queries run as
``parlgraph query`` runs them (``run_local``): parameters bound as a VALUES block, on the store's
default graph (the merge of its graphs; the union for a store parlgraph did not write).
Each row also gives the number of answers and a digest of them, to check that a rewrite of a
query keeps its answers.
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from parlgraph.kg import DEFAULT_BASE  # noqa: E402
from parlgraph.store.local import bookkeeping_graph, build_into_store, open_read_only  # noqa: E402
from parlgraph.store.query import bind, run_local  # noqa: E402
from parlgraph.store.saved import default_queries_dir, saved_queries  # noqa: E402

MOST_CITED = """
PREFIX pg: <https://w3id.org/parlgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?id (COUNT(DISTINCT ?document) AS ?n) WHERE {
    ?kamerstuk a pg:Kamerstuk ; dcterms:identifier ?id . ?document eli:cites ?kamerstuk
} GROUP BY ?id ORDER BY DESC(?n) ?id LIMIT 1
"""
FIRST_DOCUMENT = f"""
SELECT ?source WHERE {{ GRAPH <{bookkeeping_graph(DEFAULT_BASE)}> {{
    ?record <https://w3id.org/parlgraph/store#source> ?source }} }} ORDER BY ?source LIMIT 1
"""


def parameters(store: Store) -> dict[str, NamedNode | Literal]:
    cited = run_local(store, 'ASK { ?k <http://purl.org/dc/terms/identifier> "kst-26643-1011" }')
    kamerstuk = "kst-26643-1011" if bool(cited) else next(iter(run_local(store, MOST_CITED)))["id"].value
    source = next(iter(store.query(FIRST_DOCUMENT)))["source"].value
    return {
        "kamerstukId": Literal(kamerstuk), "surname": Literal("Van Ginneken"),
        "postLabel": Literal("Minister van Justitie en Veiligheid"), "councilLabel": Literal("JBZ-Raad"),
        "documentId": Literal(Path(source).stem), "actLabel": Literal("Crisisverordening"),
        "subject": NamedNode(f"{DEFAULT_BASE}person/van-ginneken"),
    }


def answers(store: Store, text: str) -> tuple[int, str]:
    """Run once, reading every answer: (rows, a digest of the rows in order)."""
    result = run_local(store, text)
    digest = hashlib.sha256()
    rows = 0
    if isinstance(result, QuerySolutions):
        names = [v.value for v in result.variables]
        for row in result:
            rows += 1
            digest.update(repr([str(row[n]) if row[n] is not None else "" for n in names]).encode())
    return rows, digest.hexdigest()[:12]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, help="documents to build the store from, when it does not exist")
    ap.add_argument("--docs", type=int, default=10000, help="documents to generate when neither exists")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--queries", type=Path, default=default_queries_dir())
    ap.add_argument("--names", help="only these saved questions, comma-separated")
    args = ap.parse_args()

    if not args.store.exists():
        corpus = args.corpus
        if corpus is None:
            from generate import generate

            corpus = args.store.with_name(args.store.name + "-corpus")
            generate(args.docs, corpus, 1)
        build_into_store([corpus], args.store, workers=2)
    store = open_read_only(args.store)
    params = parameters(store)
    print("parameters: " + ", ".join(f"{k}={v}" for k, v in params.items()))
    print(f"{'query':<32}{'rows':>6}{'median ms':>11}{'p95 ms':>9}  answers")
    names = set(args.names.split(",")) if args.names else None
    for query in saved_queries(args.queries):
        if names is not None and query.name not in names:
            continue
        text = bind(query.text, {p.name: params[p.name] for p in query.params})
        rows, digest = answers(store, text)  # a first run warms the caches
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            answers(store, text)
            times.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"{query.name:<32}{rows:>6}{statistics.median(times):>11.1f}{p95:>9.1f}  {digest}", flush=True)


if __name__ == "__main__":
    main()
