"""Writing answers: a terminal table, the W3C result formats, or RDF for CONSTRUCT and DESCRIBE."""
from __future__ import annotations

import re
import shutil
from enum import Enum
from typing import IO

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    serialize,
)
from rich.console import Console
from rich.table import Table

from parlgraph.kg import DEFAULT_BASE
from parlgraph.kg.vocab import prefixes
from parlgraph.store.query import Answer, QueryError

PIPE_WIDTH = 200  # a table written to a file or pipe: wide rather than folded
PREFIX_DECL = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^<>\s]*)>", re.I)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"
    turtle = "turtle"
    ntriples = "ntriples"


RESULT_FORMATS = {OutputFormat.csv: QueryResultsFormat.CSV, OutputFormat.tsv: QueryResultsFormat.TSV,
                  OutputFormat.json: QueryResultsFormat.JSON, OutputFormat.xml: QueryResultsFormat.XML}
GRAPH_FORMATS = {OutputFormat.turtle: RdfFormat.TURTLE, OutputFormat.ntriples: RdfFormat.N_TRIPLES}


def write_answer(answer: Answer, fmt: OutputFormat | None, out: IO[bytes], query: str = "") -> None:
    """Write ``answer``; ``fmt`` None picks a table for solutions and Turtle for graphs."""
    if isinstance(answer, list):
        chosen = fmt or OutputFormat.turtle
        if chosen not in GRAPH_FORMATS:
            raise QueryError(f"a graph answer (CONSTRUCT/DESCRIBE) is written as turtle or ntriples, not {chosen.value}")
        prefixes = dict(PREFIX_DECL.findall(query)) if chosen is OutputFormat.turtle else None
        out.write(serialize(answer, format=GRAPH_FORMATS[chosen], prefixes=prefixes) or b"")
        return
    chosen = fmt or OutputFormat.table
    if chosen in GRAPH_FORMATS:
        raise QueryError(f"a SELECT/ASK answer is written as table, csv, tsv, json or xml, not {chosen.value}")
    if chosen is OutputFormat.table:
        _table(answer, query, out)
    else:
        out.write(answer.serialize(format=RESULT_FORMATS[chosen]) or b"")
        if chosen is OutputFormat.json:
            out.write(b"\n")


def _table(answer: QuerySolutions | QueryBoolean, query: str, out: IO[bytes]) -> None:
    terminal = hasattr(out, "isatty") and out.isatty()
    width = shutil.get_terminal_size().columns if terminal else PIPE_WIDTH
    console = Console(file=_Text(out), width=width, highlight=False, markup=False, soft_wrap=False)
    if isinstance(answer, QueryBoolean):
        console.print("yes" if bool(answer) else "no")
        return
    known = {**prefixes(DEFAULT_BASE), **dict(PREFIX_DECL.findall(query))}
    ordered = sorted(known.items(), key=lambda p: -len(p[1]))
    names = [v.value for v in answer.variables]
    table = Table(*names)
    for column in table.columns:
        column.overflow = "fold"
    count = 0
    for solution in answer:
        table.add_row(*(show(solution[n], ordered) for n in names))
        count += 1
    console.print(table)
    console.print(f"{count} row(s)")


def show(term: NamedNode | BlankNode | Literal | Triple | None, prefixes: list[tuple[str, str]]) -> str:
    """A short, readable rendering: prefixed names, literal values with their language."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, iri in prefixes:
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri):]):
                return f"{prefix}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    return str(term)


class _Text:
    """A text sink over a binary stream, so tables and result bytes share one output."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out

    def write(self, text: str) -> int:
        self.out.write(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        self.out.flush()
