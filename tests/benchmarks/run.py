"""Benchmark parlgraph against a bare spaCy tokenizer on the same generated corpus, in one run.

    .venv/bin/python tests/benchmarks/run.py --docs 2000 [--corpus DIR] [--phases tokenizer,extract,...]

Each phase runs in a fresh process (so peak memory is its own) and times only the work after
its pipeline has loaded; reading the files is part of every phase. Throughput is reported as
documents/s and MB/s, and as a ratio to the tokenizer pass: the floor for any spaCy pipeline.
Machines here are shared and noisy, which is why only ratios measured in the same run are compared.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "graph"))

PHASES = ("tokenizer", "extract", "extract-2-workers", "build-turtle", "build-store")


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def _phase_tokenizer(corpus: Path, out: Path) -> tuple[int, int]:
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


def _phase_extract(corpus: Path, out: Path, workers: int = 1) -> tuple[int, int, float]:
    from parlgraph.corpus import BatchReport, extract_paths
    from parlgraph.extract import get_nlp

    get_nlp()
    report = BatchReport()
    size = sum(p.stat().st_size for p in _files(corpus))
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for extraction in extract_paths([corpus], report, workers=workers):
            fh.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    return report.done, size, time.perf_counter() - start


def _phase_build(corpus: Path, out: Path, target: str) -> tuple[int, int, float]:
    from parlgraph.extract import get_nlp

    get_nlp()
    size = sum(p.stat().st_size for p in _files(corpus))
    start = time.perf_counter()
    if target == "turtle":
        cmd = [sys.executable, "-m", "parlgraph", "build", str(corpus), "-o", str(out.with_suffix(".ttl")), "--quiet"]
    else:
        cmd = [sys.executable, "-m", "parlgraph", "build", str(corpus), "--store", str(out.with_suffix(".store")),
               "--quiet"]
    subprocess.run(cmd, check=True)
    return len(_files(corpus)), size, time.perf_counter() - start


def run_phase(name: str, corpus: Path, out: Path) -> dict[str, float]:
    if name == "tokenizer":
        docs, size, seconds = _phase_tokenizer(corpus, out)
    elif name == "extract":
        docs, size, seconds = _phase_extract(corpus, out)
    elif name == "extract-2-workers":
        docs, size, seconds = _phase_extract(corpus, out, workers=2)
    elif name == "build-turtle":
        docs, size, seconds = _phase_build(corpus, out, "turtle")
    elif name == "build-store":
        docs, size, seconds = _phase_build(corpus, out, "store")
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
    ap.add_argument("--phases", default=",".join(PHASES))
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
    print(f"{'phase':<20}{'docs':>7}{'MB':>8}{'s':>9}{'docs/s':>9}{'MB/s':>8}{'peak MB':>9}{'x tokenizer':>13}")
    for name, r in results.items():
        mb = r["bytes"] / 1e6
        rate = mb / r["seconds"] if r["seconds"] else float("inf")
        ratio = rate / (base["bytes"] / 1e6 / base["seconds"]) if base else float("nan")
        print(f"{name:<20}{r['docs']:>7}{mb:>8.1f}{r['seconds']:>9.2f}{r['docs'] / r['seconds']:>9.1f}"
              f"{rate:>8.2f}{r['peak_rss_mb']:>9.0f}{ratio:>13.2f}")


if __name__ == "__main__":
    main()
