"""Extraction throughput on the sample corpus next to a bare spacy.blank("nl") tokenizer, in one run.

    .venv/bin/python tests/benchmarks/speed_samples.py [--rounds 5]

Both run in this process on the same texts, after their pipelines have loaded, alternating
rounds so that load from other processes on a shared machine hits both alike; the best round of
each is reported, with the ratio.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from parlgraph.extract import get_nlp

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _timed(run, texts: list[str]) -> float:
    start = time.perf_counter()
    run(texts)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    blank = spacy.blank("nl")
    nlp = get_nlp()

    def tokenize(batch: list[str]) -> None:
        for _ in blank.pipe(batch):
            pass

    def extract(batch: list[str]) -> None:
        for _ in nlp.pipe(batch):
            pass

    tok = ext = float("inf")
    for _ in range(args.rounds):
        tok = min(tok, _timed(tokenize, texts))
        ext = min(ext, _timed(extract, texts))
    print(f"text: {kb:.0f} kB in {len(texts)} documents; best of {args.rounds} rounds")
    print(f"bare tokenizer : {kb / tok:8.0f} kB/s")
    print(f"parlgraph      : {kb / ext:8.0f} kB/s")
    print(f"ratio          : {tok / ext:8.2f}x the tokenizer's throughput")


if __name__ == "__main__":
    main()
