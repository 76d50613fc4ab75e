"""Running extraction over many files: reading, extracting, and reporting bad input as it goes.

A file that cannot be read is reported as one line naming it and the batch goes on; the caller
learns what failed from :class:`BatchReport` and chooses the exit code. Documents are streamed:
nothing holds more than a batch of documents in memory, whatever the size of the corpus.

With ``workers > 1`` the files are shared out over that many processes; results come back in the
same order as with one, so the output does not depend on the number of workers.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from parlgraph.extract.pipeline import extract_texts
from parlgraph.ingest.readers import ReadError, SourceDocument, iter_sources, read_document
from parlgraph.models import Extraction

T = TypeVar("T")


@dataclass(slots=True)
class BatchReport:
    done: int = 0
    failed: list[str] = field(default_factory=list)  # one line per failure, naming the file
    warnings: list[str] = field(default_factory=list)


def extract_paths(
    paths: Iterable[Path | str],
    report: BatchReport,
    on_problem: Callable[[str], None] = lambda line: None,
    workers: int = 1,
) -> Iterator[Extraction]:
    """Extract every readable document under ``paths``, in a stable order."""
    yield from map_documents(paths, report, on_problem, _identity, workers)


def _identity(extraction: Extraction) -> Extraction:
    return extraction


def map_documents(
    paths: Iterable[Path | str],
    report: BatchReport,
    on_problem: Callable[[str], None],
    per_document: Callable[[Extraction], T],
    workers: int = 1,
) -> Iterator[T]:
    """Extract every document and apply ``per_document`` to it where it was extracted.

    ``per_document`` runs in the worker process, so expensive per-document work (building its
    named graph, say) is parallel too; it must be a module-level function so it can be pickled.
    """
    if workers <= 1:
        for extraction in _extract_serial(paths, report, on_problem):
            yield per_document(extraction)
        return
    files: list[Path] = []
    for item in iter_sources(paths):
        if isinstance(item, ReadError):
            _fail(report, on_problem, str(item))
        else:
            files.append(item)
    with multiprocessing.get_context().Pool(workers) as pool:
        jobs = ((path, per_document) for path in files)
        for outcome in pool.imap(_work, jobs, chunksize=4):
            if isinstance(outcome, _Failure):
                _fail(report, on_problem, outcome.line)
                continue
            result, warnings = outcome
            for warning in warnings:
                report.warnings.append(warning)
                on_problem(f"warning: {warning}")
            report.done += 1
            yield result


@dataclass(frozen=True, slots=True)
class _Failure:
    line: str


def _work(job: tuple[Path, Callable[[Extraction], T]]) -> tuple[T, list[str]] | _Failure:
    path, per_document = job
    try:
        doc = read_document(path)
    except ReadError as err:
        return _Failure(str(err))
    extraction = next(extract_texts([(doc.text, str(doc.path))]))
    extraction.sha256 = doc.sha256
    return per_document(extraction), doc.warnings


def _extract_serial(
    paths: Iterable[Path | str], report: BatchReport, on_problem: Callable[[str], None]
) -> Iterator[Extraction]:
    # extract_texts keeps the order it is fed in, so the documents in flight form a queue.
    in_flight: deque[SourceDocument] = deque()

    def readable() -> Iterator[tuple[str, str]]:
        for item in iter_sources(paths):
            if isinstance(item, ReadError):
                _fail(report, on_problem, str(item))
                continue
            try:
                doc = read_document(item)
            except ReadError as err:
                _fail(report, on_problem, str(err))
                continue
            for warning in doc.warnings:
                report.warnings.append(warning)
                on_problem(f"warning: {warning}")
            in_flight.append(doc)
            yield doc.text, str(doc.path)

    for extraction in extract_texts(readable()):
        doc = in_flight.popleft()
        extraction.sha256 = doc.sha256
        report.done += 1
        yield extraction


def _fail(report: BatchReport, on_problem: Callable[[str], None], line: str) -> None:
    report.failed.append(line)
    on_problem(f"error: {line}")


def count_sources(paths: Iterable[Path | str]) -> int:
    return sum(1 for item in iter_sources(paths) if not isinstance(item, ReadError))
