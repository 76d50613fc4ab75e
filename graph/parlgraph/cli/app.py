"""The ``parlgraph`` Typer app and what its commands share: output files, progress, exit codes.

Exit codes, for every command: 0 all inputs done; 1 a failure that stopped the command (for
example an unreachable endpoint); 2 usage error; 3 some inputs failed (the rest was done and
written); 4 no input could be processed.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parlgraph import __version__
from parlgraph.corpus import BatchReport

EXIT_FAILED = 1
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


class Executor(str, Enum):
    processes = "processes"
    dask = "dask"


EXECUTOR_HELP = ("Where per-document work runs: processes (--workers of them, the default) or dask "
                 "(tasks on --scheduler, or on a local cluster of --workers processes).")
SCHEDULER_HELP = 'A Dask scheduler address (tcp://host:8786), or "local"; implies --executor dask.'


def dask_scheduler(executor: Executor | None, scheduler: str | None) -> str | None:
    """The Dask scheduler per-document work goes to, or None for local worker processes."""
    if executor is Executor.processes and scheduler is not None:
        raise typer.BadParameter("a scheduler runs Dask tasks; use --executor dask", param_hint="--scheduler")
    if executor is Executor.dask:
        return scheduler or "local"
    return scheduler


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
def atomic_output(path: Path | None, mode: str = "w") -> Iterator[IO]:
    """Standard output, or a file that replaces its old self only once it is complete.

    A pipe or device given as the output (``-o /dev/stdout``) is written to directly: replacing
    it with a regular file would break it for everyone else.
    """
    encoding = {} if "b" in mode else {"encoding": "utf-8"}
    if path is None:
        yield sys.stdout.buffer if "b" in mode else sys.stdout
        return
    existing = _mode_of(path)
    if existing is not None and not stat.S_ISREG(existing):
        with path.open(mode, **encoding) as fh:
            yield fh
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    # mkstemp's file is private to its owner; the output gets the permissions of the file it
    # replaces, or those a plain open() would give it.
    os.fchmod(fd, stat.S_IMODE(existing) if existing is not None else 0o666 & ~_umask())
    try:
        with os.fdopen(fd, mode, **encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it
    os.umask(current)
    return current


@contextmanager
def progress_bar(total: int, quiet: bool, label: str) -> Iterator[Progress | None]:
    """A progress display on a terminal for batches; nothing when quiet, piped or a single file."""
    if quiet or total < 2 or not err.is_terminal:
        yield None
        return
    with Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:
        progress.add_task(label, total=total)
        yield progress


def advance(progress: Progress | None) -> None:
    if progress is not None:
        progress.advance(progress.task_ids[0])


def exit_code(report: BatchReport) -> int:
    if not report.done:
        return EXIT_NOTHING
    return EXIT_PARTIAL if report.failed else 0
