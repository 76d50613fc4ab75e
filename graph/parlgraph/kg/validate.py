"""SHACL validation of a built graph against ontology/shapes.ttl, with pyshacl and no inference.

The union of all graphs is validated (document graphs, consolidated, ontology): some shapes hold
only over all documents together. pyshacl runs on rdflib, so the file is parsed with pyoxigraph
and handed over as N-Triples, the fastest route into rdflib.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, serialize
from rdflib.namespace import SH

from parlgraph.kg.build import DEFAULT_BASE
from parlgraph.kg.consolidate import ontology_dir
from parlgraph.kg.serialize import EXTENSIONS, OXIGRAPH, GraphFormat
from parlgraph.kg.vocab import prefixes

# How shapes.ttl writes the base inside its sh:pattern strings (a Turtle string holding a regex).
_SHAPES_BASE = "https://w3id\\\\.org/parlgraph/"
_READERS = {**OXIGRAPH, GraphFormat.jsonld: RdfFormat.JSON_LD}


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str
    severity: str

    def line(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.focus}  {self.path or '-'}  {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]


def load_store(path: Path, fmt: GraphFormat | None = None) -> Store:
    """A built graph file in a pyoxigraph store, its named graphs kept."""
    fmt = fmt or EXTENSIONS.get(path.suffix.lower()) or GraphFormat.nquads
    store = Store()
    store.bulk_load(path=str(path), format=_READERS[GraphFormat(fmt)])
    return store


def _rdflib_union(store: Store) -> rdflib.Graph:
    triples = {q.triple for q in store}
    graph = rdflib.Graph()
    graph.parse(data=serialize(triples, None, RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph


def shapes_graph(base: str = DEFAULT_BASE) -> rdflib.Graph:
    """ontology/shapes.ttl, its IRI patterns moved to ``base`` when the graph was built under another."""
    text = (ontology_dir() / "shapes.ttl").read_text(encoding="utf-8")
    if base != DEFAULT_BASE:
        text = text.replace(_SHAPES_BASE, re.escape(base).replace("\\", "\\\\"))
    return rdflib.Graph().parse(data=text, format="turtle")


def validate(data: Store | Path, base: str = DEFAULT_BASE) -> ValidationReport:
    """Validate a built graph (a pyoxigraph store or a file) against the shapes, as one union graph.

    pyshacl checks the core constraints. The SPARQL-based ones it would run once per focus node
    on rdflib's query engine, about a second each; they run here once per shape on pyoxigraph,
    with $this joined to the shape's target class, which gives the same results.
    """
    import pyshacl

    store = load_store(data) if isinstance(data, Path) else data
    shapes = shapes_graph(base)
    sparql = [_SparqlConstraint.take(shapes, shape, node) for shape, node in list(shapes.subject_objects(SH.sparql))]
    conforms, results, _ = pyshacl.validate(
        _rdflib_union(store), shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True,
    )
    found = _violations(results, base) + [v for c in sparql for v in c.run(store, base)]
    return ValidationReport(bool(conforms) and not found, tuple(sorted(set(found))))


@dataclass(frozen=True, slots=True)
class _SparqlConstraint:
    target: str
    message: str
    query: str

    @classmethod
    def take(cls, shapes: rdflib.Graph, shape: rdflib.term.Node, node: rdflib.term.Node) -> _SparqlConstraint:
        """Read one sh:sparql constraint and remove it from the shapes pyshacl will see."""
        declared = shapes.value(node, SH.prefixes)
        header = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for d in shapes.objects(declared, SH.declare)
        )
        constraint = cls(
            target=str(shapes.value(shape, SH.targetClass)),
            message=str(shapes.value(node, SH.message)),
            query=f"{header}SELECT * WHERE {{ $this a <{shapes.value(shape, SH.targetClass)}> . {{ {shapes.value(node, SH.select)} }} }}",
        )
        shapes.remove((shape, SH.sparql, node))
        return constraint

    def run(self, store: Store, base: str) -> list[Violation]:
        short = _shortener(base)
        found = []
        for row in store.query(self.query, use_default_graph_as_union=True):
            message = re.sub(r"\{[?$](\w+)\}", lambda m: _plain(row[m[1]]), self.message)
            found.append(Violation(short(row["this"]), "", message, "", "Violation"))
        return found


def _plain(term: object) -> str:
    return "" if term is None else getattr(term, "value", str(term))


def _shortener(base: str) -> Callable[[object], str]:
    """Terms as a reader wants them: prefixed names, short quoted literals."""
    names = sorted(prefixes(base).items(), key=lambda kv: -len(kv[1]))  # longest namespace wins

    def short(node: object) -> str:
        if node is None:
            return ""
        text = _plain(node) if not isinstance(node, rdflib.term.Node) else str(node)
        if isinstance(node, (rdflib.URIRef, NamedNode)):
            for prefix, ns in names:
                if text.startswith(ns):
                    return f"{prefix}:{text[len(ns):]}"
            return f"<{text}>"
        if isinstance(node, (rdflib.Literal, Literal)):
            return repr(text if len(text) < 80 else text[:77] + "...")
        return text

    return short


def _violations(results: rdflib.Graph, base: str) -> list[Violation]:
    short = _shortener(base)
    return [
        Violation(
            focus=short(results.value(result, SH.focusNode)),
            path=short(results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or ""),
            value=short(results.value(result, SH.value)),
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
        )
        for result in results.subjects(rdflib.RDF.type, SH.ValidationResult)
    ]
