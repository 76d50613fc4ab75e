"""``parlgraph extract`` and ``parlgraph evaluate``."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from parlgraph.cli.app import (
    EXECUTOR_HELP, SCHEDULER_HELP, Executor, advance, app, atomic_output, dask_scheduler, err, exit_code, progress_bar,
)
from parlgraph.corpus import BatchReport, count_sources, extract_paths
from parlgraph.ingest.readers import DEFAULT_MAX_BYTES
from parlgraph.models import Extraction


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _print_table(extraction: Extraction) -> None:
    info = extraction.document
    title = f"{extraction.source}  date={info.date} kind={info.kind} self={info.self_id}"
    table = Table(title=title, title_justify="left")
    for col in ("type", "id", "label", "mentions", "first mention"):
        table.add_column(col, overflow="fold")
    for ent in extraction.entities:
        first = ent.mentions[0].text.replace("\n", " ") if ent.mentions else ""
        table.add_row(ent.type, ent.id, ent.label, str(len(ent.mentions)), first[:60])
    Console(highlight=False, markup=False).print(table)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: one object per document."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display or summary."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to extract with."),
    executor: Executor | None = typer.Option(None, "--executor", help=EXECUTOR_HELP),
    scheduler: str | None = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=0, help="Larger files are reported as failed, unread (0: no limit)."
    ),
) -> None:
    """Extract Kamerstukken, people, offices, councils, meetings, acts, motions and fracties."""
    scheduler = dask_scheduler(executor, scheduler)
    report = BatchReport()
    collected = []
    with progress_bar(count_sources(paths), quiet, "extracting") as progress, atomic_output(output) as out:
        for extraction in extract_paths(paths, report, err.print, workers, scheduler, max_bytes or None):
            advance(progress)
            if fmt is ExtractFormat.jsonl:
                out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            elif fmt is ExtractFormat.json:
                collected.append(extraction.to_json())
            else:
                _print_table(extraction)
        if fmt is ExtractFormat.json:
            json.dump(collected, out, ensure_ascii=False, indent=1)
            out.write("\n")
    if not report.done and not report.failed:
        err.print(f"error: no .txt, .pdf or .html documents in: {' '.join(map(str, paths))}")
    elif not quiet:
        failed = f", {len(report.failed)} failed" if report.failed else ""
        err.print(f"{report.done} document(s) extracted{failed}")
    raise typer.Exit(exit_code(report))


@app.command()
def evaluate(
    corpus: Path = typer.Argument(Path("data/corpus"), help="The documents the gold annotations describe."),
    gold: Path = typer.Option(Path("data/gold/gold-seeds.json"), help="Gold annotations (parlgraph-gold/1)."),
    scorer: Path = typer.Option(Path("data/gold/score.py"), help="The scorer script (a copy of shared/eval/score.py)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false hits per document."),
) -> None:
    """Score extraction on CORPUS against gold annotations, with the project's scorer."""
    report = BatchReport()
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for extraction in extract_paths([corpus], report, on_problem=err.print):
                fh.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--corpus", str(corpus)]
        result = subprocess.run(cmd + (["-v"] if verbose else []), check=False)
    raise typer.Exit(result.returncode or exit_code(report))
