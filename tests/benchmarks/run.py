"""Benchmark parlgraph against a bare spaCy tokenizer on the same generated corpus, in one run.

    .venv/bin/python tests/benchmarks/run.py --docs 2000 [--corpus DIR] [--phases tokenizer,extract,...]

Phases: tokenizer, extract, extract-2-workers, build-turtle, build-turtle-2-workers, build-store,
build-store-2-workers, build-nquads, build-trig. Each runs in a fresh process (so peak memory is
its own) and times only the work after its pipeline has loaded, through the same Python API the
commands use (``extract_paths``; ``map_documents`` with ``encoded_document`` into ``write_dataset``
or ``build_into_store``), so no command start-up is counted, as none is for the tokenizer. Reading
the files is part of every phase; starting worker processes is part of the worker phases.
Throughput is reported as documents/s and MB/s, and as a ratio to the tokenizer pass: the floor
for any spaCy pipeline. Peak memory is the largest of the phase's processes (a worker phase uses
that much per worker). Machines here are shared and noisy, which is why only ratios measured in
the same run are compared.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "graph"))

PHASES = ("tokenizer", "extract", "extract-2-workers", "build-turtle", "build-turtle-2-workers", "build-store",
          "build-store-2-workers")
# phase -> (what it builds, workers); "extract" writes JSON lines, "store" a store, else a graph file
WORK = {
    "extract": ("extract", 1), "extract-2-workers": ("extract", 2),
    "build-turtle": ("turtle", 1), "build-turtle-2-workers": ("turtle", 2),
    "build-store": ("store", 1), "build-store-2-workers": ("store", 2),
    "build-nquads": ("nquads", 1), "build-trig": ("trig", 1),
}


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def _size(corpus: Path) -> int:
    return sum(p.stat().st_size for p in _files(corpus))


def _phase_tokenizer(corpus: Path, out: Path) -> tuple[int, int, float]:
    import spacy

    nlp = spacy.blank("nl")
    nlp.max_length = 50_000_000
    files = _files(corpus)
    start = time.perf_counter()
    size = 0
    batch: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        batch.append(text)
        if len(batch) == 64:
            with nlp.memory_zone():
                for _ in nlp.pipe(batch):
                    pass
            batch = []
    with nlp.memory_zone():
        for _ in nlp.pipe(batch):
            pass
    return len(files), size, time.perf_counter() - start


def _phase_work(corpus: Path, out: Path, target: str, workers: int) -> tuple[int, int, float]:
    from parlgraph.corpus import BatchReport, extract_paths, map_documents
    from parlgraph.extract import get_nlp
    from parlgraph.kg import DEFAULT_BASE, encoded_document, write_dataset
    from parlgraph.store.local import build_into_store

    get_nlp()
    report = BatchReport()
    start = time.perf_counter()
    if target == "extract":
        with out.with_suffix(".jsonl").open("w", encoding="utf-8") as fh:
            for extraction in extract_paths([corpus], report, workers=workers):
                fh.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    elif target == "store":
        build_into_store([corpus], out.with_suffix(".store"), report=report, workers=workers)
    else:
        encoded = partial(encoded_document, base=DEFAULT_BASE, fmt=target)
        graphs = map_documents([corpus], report, lambda line: None, encoded, workers)
        write_dataset(graphs, out.with_suffix("." + target), target)
    return report.done, _size(corpus), time.perf_counter() - start


def run_phase(name: str, corpus: Path, out: Path) -> dict[str, float]:
    if name == "tokenizer":
        docs, size, seconds = _phase_tokenizer(corpus, out)
    elif name in WORK:
        docs, size, seconds = _phase_work(corpus, out, *WORK[name])
    else:
        raise SystemExit(f"unknown phase {name}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"docs": docs, "bytes": size, "seconds": seconds, "peak_rss_mb": max(own, children) / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents to generate when --corpus is not given")
    ap.add_argument("--corpus", type=Path, help="an existing folder of .txt documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--phases", default=",".join(PHASES), help=f"any of: tokenizer, {', '.join(WORK)}")
    ap.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase in this process
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:
        print(json.dumps(run_phase(args.phase, args.corpus, args.out)))
        return

    with tempfile.TemporaryDirectory(prefix="parlgraph-bench-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from generate import generate

            corpus = Path(tmp) / "corpus"
            generate(args.docs, corpus, args.seed)
        results: dict[str, dict[str, float]] = {}
        for phase in args.phases.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--phase", phase, "--corpus", str(corpus), "--out", str(Path(tmp) / phase)],
                capture_output=True, text=True, check=False,
            )
            if proc.returncode != 0:
                print(f"{phase}: failed\n{proc.stderr.strip()[-2000:]}", file=sys.stderr)
                continue
            results[phase] = json.loads(proc.stdout.strip().splitlines()[-1])
        _print(results)


def _print(results: dict[str, dict[str, float]]) -> None:
    base = results.get("tokenizer")
    print(f"{'phase':<24}{'docs':>7}{'MB':>8}{'s':>9}{'docs/s':>9}{'MB/s':>8}{'peak MB':>9}{'x tokenizer':>13}"
          f"{'x 1 worker':>12}")
    for name, r in results.items():
        mb = r["bytes"] / 1e6
        rate = mb / r["seconds"] if r["seconds"] else float("inf")
        ratio = rate / (base["bytes"] / 1e6 / base["seconds"]) if base else float("nan")
        single = results.get(name.replace("-2-workers", "")) if name.endswith("-2-workers") else None
        speedup = f"{single['seconds'] / r['seconds']:>12.2f}" if single else ""
        print(f"{name:<24}{r['docs']:>7}{mb:>8.1f}{r['seconds']:>9.2f}{r['docs'] / r['seconds']:>9.1f}"
              f"{rate:>8.2f}{r['peak_rss_mb']:>9.0f}{ratio:>13.2f}{speedup}")


if __name__ == "__main__":
    main()
