"""The ``parlgraph`` command: a thin layer over the pipeline stages.

Exit codes: 0 all inputs done; 2 usage error; 3 some inputs failed (the rest was done and
written); 4 no input could be processed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Iterator

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parlgraph import __version__
from parlgraph.corpus import BatchReport, count_sources, extract_paths
from parlgraph.models import Extraction

EXIT_PARTIAL = 3
EXIT_NOTHING = 4

app = typer.Typer(
    help="Extract what Dutch parliamentary papers refer to, and build a knowledge graph of it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Messages name user files: no markup interpretation and no wrapping, one line per problem.
err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parlgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """parlgraph reads Kamerbrieven, geannoteerde agenda's, verslagen and besluitenlijsten (.txt, .pdf, .html)."""


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a file that only replaces its old self once it is complete."""
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Progress | None]:
    if quiet or total < 2 or not err.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:
        yield progress


def _exit_code(report: BatchReport) -> int:
    if report.failed and not report.done:
        return EXIT_NOTHING
    return EXIT_PARTIAL if report.failed else 0


def _print_table(extraction: Extraction) -> None:
    from rich.table import Table

    out = Console(highlight=False)
    info = extraction.document
    title = f"{extraction.source}  date={info.date} kind={info.kind} self={info.self_id}"
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in ("type", "id", "label", "mentions", "first mention"):
        table.add_column(col, overflow="fold")
    for ent in extraction.entities:
        first = ent.mentions[0].text.replace("\n", " ") if ent.mentions else ""
        table.add_row(ent.type, ent.id, ent.label, str(len(ent.mentions)), first[:60])
    out.print(table)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: one object per document."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Extract Kamerstukken, people, offices, councils, meetings, acts, motions and fracties."""
    report = BatchReport()
    with _progress(count_sources(paths), quiet) as progress, _output(output) as out:
        task = progress.add_task("extracting", total=count_sources(paths)) if progress else None
        collected = []
        for extraction in extract_paths(paths, report, on_problem=err.print):
            if progress is not None and task is not None:
                progress.advance(task)
            if fmt is ExtractFormat.jsonl:
                out.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            elif fmt is ExtractFormat.json:
                collected.append(extraction.to_json())
            else:
                _print_table(extraction)
        if fmt is ExtractFormat.json:
            json.dump(collected, out, ensure_ascii=False, indent=1)
            out.write("\n")
    if not quiet:
        failed = f", {len(report.failed)} failed" if report.failed else ""
        err.print(f"{report.done} document(s) extracted{failed}")
    raise typer.Exit(_exit_code(report))


@app.command()
def evaluate(
    corpus: Path = typer.Argument(Path("data/corpus"), help="The documents the gold annotations describe."),
    gold: Path = typer.Option(Path("data/gold/gold-seeds.json"), help="Gold annotations (parlgraph-gold/1)."),
    scorer: Path = typer.Option(Path("data/gold/score.py"), help="The scorer script (shared/eval/score.py)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false hits per document."),
) -> None:
    """Score extraction on CORPUS against gold annotations, with the project's scorer."""
    report = BatchReport()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for extraction in extract_paths([corpus], report, on_problem=err.print):
            fh.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    try:
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", fh.name, "--corpus", str(corpus)]
        result = subprocess.run(cmd + (["-v"] if verbose else []), check=False)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    raise typer.Exit(result.returncode or _exit_code(report))


if __name__ == "__main__":
    app()
