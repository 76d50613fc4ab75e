"""``parlgraph build`` and ``parlgraph validate``: the RDF knowledge graph and its SHACL check."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

import typer
from pyoxigraph import NamedNode

from parlgraph.cli.app import (
    EXECUTOR_HELP, EXIT_FAILED, EXIT_NOTHING, SCHEDULER_HELP, Executor, advance, app, atomic_output, dask_scheduler, err,
    exit_code, progress_bar,
)
from parlgraph.corpus import BatchReport, count_sources, map_documents
from parlgraph.kg import (
    DEFAULT_BASE, EncodedGraph, GraphFormat, document_graph, encode, encoded_document, format_for_path, write_dataset,
)
from parlgraph.kg.jsonl import JsonlError, read_extractions


def _check_base(base: str) -> str:
    try:
        NamedNode(base)
    except ValueError as error:
        raise typer.BadParameter(f"not an IRI: {error}") from error
    if not base.endswith("/"):
        raise typer.BadParameter("the base IRI must end with '/'")
    return base


def _graphs(
    paths: list[Path], report: BatchReport, base: str, fmt: GraphFormat, workers: int, scheduler: str | None
) -> Iterator[EncodedGraph]:
    """Documents are extracted and their graphs built (in workers when asked); a .jsonl file from
    ``parlgraph extract`` is read as it is."""
    documents = [p for p in paths if p.suffix.lower() != ".jsonl"]
    for path in (p for p in paths if p.suffix.lower() == ".jsonl"):
        try:
            for extraction in read_extractions(path):
                report.done += 1
                yield encode(document_graph(extraction, base), fmt, base)
        except (OSError, JsonlError) as error:
            report.failed.append(str(error))
            err.print(f"error: {error}")
    if documents:
        # Workers send graphs back as bytes: pickling pyoxigraph terms costs more than building them.
        to_graph = partial(encoded_document, base=base, fmt=fmt)
        yield from map_documents(documents, report, err.print, to_graph, workers, scheduler)


class _Tally:
    """Distinct typed nodes per class, counted as the graphs go by."""

    def __init__(self) -> None:
        self.typed: set[tuple[str, str]] = set()
        # A document's own nodes (annotations, selectors: millions in a large corpus) are counted,
        # not kept: no other document names them, so each is distinct already.
        self.own: Counter[str] = Counter()
        self.documents = 0

    def watch(self, graphs: Iterable[EncodedGraph]) -> Iterator[EncodedGraph]:
        for graph in graphs:
            self.documents += 1
            for node, cls in graph.types:
                if graph.owns(node):
                    self.own[cls] += 1
                else:
                    self.typed.add((node, cls))
            yield graph

    def per_class(self) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for cls, n in (Counter(cls for _, cls in self.typed) + self.own).items():
            counts[cls.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += n
        return sorted(counts.items())


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Documents or directories, or .jsonl files from 'parlgraph extract'."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Graph file; the extension picks the format."),
    fmt: GraphFormat | None = typer.Option(None, "--format", "-f", help="Overrides the extension; default turtle."),
    base: str = typer.Option(DEFAULT_BASE, "--base", callback=_check_base, help="Base IRI of every minted node."),
    store: Path | None = typer.Option(
        None, "--store", help="Write into this on-disk Oxigraph store instead: unchanged documents are skipped."
    ),
    prune: bool = typer.Option(False, "--prune", help="With --store: drop documents whose file is gone."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display or summary."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to extract and build with."),
    executor: Executor | None = typer.Option(None, "--executor", help=EXECUTOR_HELP),
    scheduler: str | None = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
) -> None:
    """Build the RDF knowledge graph: one named graph per document, provenance down to the character."""
    scheduler = dask_scheduler(executor, scheduler)
    if store is not None:
        if output is not None or fmt is not None:
            raise typer.BadParameter("--store writes a store; leave out --output and --format", param_hint="--store")
        _build_store(paths, store, base, prune, quiet, workers, scheduler)
    fmt = fmt or (format_for_path(output) if output else None) or GraphFormat.turtle
    report = BatchReport()
    tally = _Tally()
    started = time.perf_counter()
    total = count_sources([p for p in paths if p.suffix.lower() != ".jsonl"])
    with progress_bar(total, quiet, "building") as progress:

        def graphs() -> Iterator[EncodedGraph]:
            seen: dict[str, str] = {}  # document IRI -> the source that gave it first
            for graph in _graphs(paths, report, base, fmt, workers, scheduler):
                advance(progress)
                if graph.iri in seen:  # brief.pdf and brief.txt: one name, so one IRI; keep the first
                    line = f"{graph.source}: same document IRI <{graph.iri}> as {seen[graph.iri]}; not written"
                    report.done -= 1
                    report.failed.append(line)
                    err.print(f"error: {line}")
                    continue
                seen[graph.iri] = graph.source
                yield graph

        try:
            with atomic_output(output, "wb") as out:
                statements = write_dataset(tally.watch(graphs()), out, fmt, base)
        except ValueError as error:
            err.print(f"error: {error}")
            raise typer.Exit(EXIT_FAILED) from error
    if not quiet:
        failed = f", {len(report.failed)} failed" if report.failed else ""
        kind = "quads" if fmt in (GraphFormat.trig, GraphFormat.nquads) else "triples"
        err.print(f"{tally.documents} document(s){failed}: {statements} {kind} as {fmt.value}"
                  f" in {time.perf_counter() - started:.1f}s -> {output or 'standard output'}")
        err.print("  " + ", ".join(f"{name} {count}" for name, count in tally.per_class()))
    raise typer.Exit(exit_code(report))


def _build_store(
    paths: list[Path], store: Path, base: str, prune: bool, quiet: bool, workers: int, scheduler: str | None
) -> None:
    from parlgraph.store.local import StoreError, build_into_store

    report = BatchReport()
    try:
        update = build_into_store(paths, store, base, report, err.print, prune, workers, scheduler)
    except StoreError as error:
        err.print(f"error: {error}")
        raise typer.Exit(EXIT_FAILED) from error
    if not quiet:
        err.print(f"{store}: {update.summary()}")
    raise typer.Exit(exit_code(report))


@app.command()
def validate(
    graph: Path = typer.Argument(..., help="A graph written by 'parlgraph build' (.ttl, .trig, .nq, .nt, .jsonld)."),
    base: str = typer.Option(DEFAULT_BASE, "--base", callback=_check_base, help="The base IRI it was built with."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
) -> None:
    """Check a built graph against ontology/shapes.ttl (SHACL, no inference): one violation per line."""
    from parlgraph.kg.validate import validate as run_validation

    try:
        report = run_validation(graph, base)
    except (OSError, SyntaxError, ValueError) as error:
        err.print(f"error: {graph}: {error}")
        raise typer.Exit(EXIT_NOTHING) from error
    for violation in report.violations:
        typer.echo(violation.line())
    if not quiet:
        err.print("conforms" if report.conforms else f"{len(report.violations)} violation(s)")
    raise typer.Exit(0 if report.conforms else 1)
