"""Running extraction over many files: reading, extracting, and reporting bad input as it goes.

A file that cannot be read is reported as one line naming it and the batch goes on; the caller
learns what failed from :class:`BatchReport` and chooses the exit code.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parlgraph.extract.pipeline import extract_texts
from parlgraph.ingest.readers import ReadError, SourceDocument, iter_sources, read_document
from parlgraph.models import Extraction


@dataclass(slots=True)
class BatchReport:
    done: int = 0
    failed: list[str] = field(default_factory=list)  # one line per failure, naming the file
    warnings: list[str] = field(default_factory=list)


def extract_paths(
    paths: Iterable[Path | str],
    report: BatchReport,
    on_problem: Callable[[str], None] = lambda line: None,
) -> Iterator[Extraction]:
    """Extract every readable document under ``paths``, in a stable order."""
    sources: dict[str, SourceDocument] = {}

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
            sources[str(doc.path)] = doc
            yield doc.text, str(doc.path)

    for extraction in extract_texts(readable()):
        doc = sources.pop(extraction.source)
        extraction.sha256 = doc.sha256
        report.done += 1
        yield extraction


def _fail(report: BatchReport, on_problem: Callable[[str], None], line: str) -> None:
    report.failed.append(line)
    on_problem(f"error: {line}")


def count_sources(paths: Iterable[Path | str]) -> int:
    return sum(1 for item in iter_sources(paths) if not isinstance(item, ReadError))
