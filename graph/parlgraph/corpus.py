"""Running extraction over many files: reading, extracting, and reporting bad input as it goes.

A file that cannot be read is reported as one line naming it and the batch goes on; the caller
learns what failed from :class:`BatchReport` and chooses the exit code. Documents are streamed:
nothing holds more than a batch of documents in memory, whatever the size of the corpus.

With ``workers > 1`` the files are shared out over that many processes; results come back in the
same order as with one, so the output does not depend on the number of workers.

A document that makes a reader or an extractor raise is reported like an unreadable file, as one
line naming it, and the batch goes on: one odd document must not cost the other ten thousand.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from parlgraph.extract.pipeline import extract_text, extract_texts
from parlgraph.ingest.readers import DEFAULT_MAX_BYTES, ReadError, SourceDocument, iter_sources, read_document
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
    scheduler: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Extraction]:
    """Extract every readable document under ``paths``, in a stable order; files over ``max_bytes`` fail."""
    yield from map_documents(paths, report, on_problem, _identity, workers, scheduler, max_bytes)


def _identity(extraction: Extraction) -> Extraction:
    return extraction


def map_documents(
    paths: Iterable[Path | str],
    report: BatchReport,
    on_problem: Callable[[str], None],
    per_document: Callable[[Extraction], T],
    workers: int = 1,
    scheduler: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[T]:
    """Extract every document and apply ``per_document`` to it where it was extracted.

    ``per_document`` runs where the document is extracted, so expensive per-document work
    (building its named graph, say) is parallel too; it must be a module-level function so it
    can be pickled. ``scheduler`` is the address of a Dask scheduler ("tcp://host:8786"), or
    "local" for a local Dask cluster of ``workers`` processes: then the work runs as Dask tasks.
    """
    if workers <= 1 and scheduler is None:
        for extraction in _extract_serial(paths, report, on_problem, max_bytes):
            try:
                result = per_document(extraction)
            except Exception as err:  # a bug on one document fails that document only, as in a worker
                _fail(report, on_problem, _crash_line(Path(extraction.source), "processing", err))
                continue
            report.done += 1
            yield result
        return
    files: list[Path] = []
    for item in iter_sources(paths):
        if isinstance(item, ReadError):
            _fail(report, on_problem, str(item))
        else:
            files.append(item)
    jobs = ((files[i : i + CHUNK], per_document, max_bytes) for i in range(0, len(files), CHUNK))
    outcomes = _dask_map(jobs, scheduler, workers) if scheduler else _pool_map(jobs, workers)
    for events in outcomes:
        for kind, value in events:
            if kind == "error":
                _fail(report, on_problem, value)
            elif kind == "warning":
                report.warnings.append(value)
                on_problem(f"warning: {value}")
            else:
                report.done += 1
                yield value


# Documents per task: one nlp.pipe over several documents costs a fifth less than one per document.
CHUNK = 8
Job = tuple[list[Path], Callable[[Extraction], T], int | None]
Event = tuple[str, object]  # ("error" | "warning", line) or ("done", result)


def _pool_map(jobs: Iterable[Job], workers: int) -> Iterator[list[Event]]:
    with multiprocessing.get_context().Pool(workers) as pool:
        yield from pool.imap(_work, jobs)


def _dask_map(jobs: Iterable[Job], scheduler: str, workers: int) -> Iterator[list[Event]]:
    """Run the jobs as Dask tasks, a bounded number in flight, results in submission order.

    Workers read the files themselves, so on a cluster the paths must be on a file system that
    every worker mounts at the same place.
    """
    import logging

    from distributed import Client, LocalCluster

    if scheduler == "local":
        # A local cluster's start-up and shutdown chatter is noise next to parlgraph's own report.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        cluster, client = None, Client(scheduler)
    try:
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        in_flight: deque = deque()
        for job in jobs:
            # pure=False: the same path may hold new content on a re-run
            in_flight.append(client.submit(_work, job, pure=False))
            if len(in_flight) >= window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _work(job: Job) -> list[Event]:
    """A task: some documents read, extracted and processed as in a serial run, as a list of events."""
    paths, per_document, max_bytes = job
    events: list[Event] = []

    def problem(line: str) -> None:
        kind, _, text = line.partition(": ")
        events.append((kind, text))

    for extraction in _extract_serial(paths, BatchReport(), problem, max_bytes):
        try:
            events.append(("done", per_document(extraction)))
        except Exception as err:  # a bug on one document fails that document only
            events.append(("error", _crash_line(Path(extraction.source), "processing", err)))
    return events


def _read(path: Path, max_bytes: int | None) -> SourceDocument | str:
    """The document, or the one line that says why it cannot be read."""
    try:
        return read_document(path, max_bytes)
    except ReadError as err:
        return str(err)
    except Exception as err:  # a reader's bug on a strange file: report it as that file's failure
        return _crash_line(path, "reading", err)


def _crash_line(path: Path, stage: str, err: Exception) -> str:
    detail = " ".join(str(err).split())[:200]
    return f"{path}: {stage} failed ({type(err).__name__}: {detail}); please report this as a bug"


def _extract_serial(
    paths: Iterable[Path | str], report: BatchReport, on_problem: Callable[[str], None], max_bytes: int | None
) -> Iterator[Extraction]:
    # extract_texts keeps the order it is fed in, so the documents in flight form a queue.
    in_flight: deque[SourceDocument] = deque()

    def readable() -> Iterator[tuple[str, str]]:
        for item in iter_sources(paths):
            doc = item if isinstance(item, ReadError) else _read(item, max_bytes)
            if not isinstance(doc, SourceDocument):
                _fail(report, on_problem, str(doc))
                continue
            for warning in doc.warnings:
                report.warnings.append(warning)
                on_problem(f"warning: {warning}")
            in_flight.append(doc)
            yield doc.text, str(doc.path)

    feed = readable()
    while True:
        try:
            for extraction in extract_texts(feed):
                yield _finish(in_flight.popleft(), extraction)
            return
        except Exception:  # an extractor failed on some document of the batch in flight
            # The batch is lost as a whole: redo its documents one at a time to fail only the culprit,
            # then go on with a fresh stream over the files not yet read.
            batch = list(in_flight)
            in_flight.clear()
            for doc in batch:
                try:
                    extraction = extract_text(doc.text, str(doc.path))
                except Exception as err:
                    _fail(report, on_problem, _crash_line(doc.path, "extraction", err))
                    continue
                yield _finish(doc, extraction)


def _finish(doc: SourceDocument, extraction: Extraction) -> Extraction:
    extraction.sha256 = doc.sha256
    return extraction


def _fail(report: BatchReport, on_problem: Callable[[str], None], line: str) -> None:
    report.failed.append(line)
    on_problem(f"error: {line}")


def count_sources(paths: Iterable[Path | str]) -> int:
    return sum(1 for item in iter_sources(paths) if not isinstance(item, ReadError))
