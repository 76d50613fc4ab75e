"""Statements no single document makes: computed over all document graphs, in ``graph/consolidated``.

Two things, both rewritten from scratch on every call so the result never depends on what
changed: the attested interval of each post holding and fractie membership (the SPARQL UPDATE in
ontology/rules/consolidate.ru), and each node's skos:prefLabel, chosen from the rdfs:label values
the documents use (ontology/README.md, "Conflicts").
"""
from __future__ import annotations

import functools
import os
from collections import Counter, defaultdict
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Variable, parse

from parlgraph.kg.iris import Minter
from parlgraph.kg.vocab import ALT_LABEL, PREF_LABEL

RULE_GRAPH = "https://w3id.org/parlgraph/graph/consolidated"  # as written in rules/consolidate.ru

LABELS = """
SELECT ?documents ?g ?node ?label WHERE {
    GRAPH ?g { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
    FILTER (LANG(?label) = "nl" && STRSTARTS(STR(?g), STR(?documents)))
}
"""


def ontology_dir() -> Path:
    """The ontology folder: the model, shapes, queries and rules ($PARLGRAPH_ONTOLOGY overrides).

    ``parlgraph/ontology`` is a link to the repository's top-level ontology/ in a checkout, and a
    copy of it in an installed wheel, so both find it in the same place.
    """
    configured = os.environ.get("PARLGRAPH_ONTOLOGY")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "ontology"


@functools.cache
def _ontology_triples() -> tuple:
    return tuple(parse(path=ontology_dir() / "parlgraph.ttl", format=RdfFormat.TURTLE))


def shared_quads(base: str) -> tuple[Quad, ...]:
    """The ontology (classes, properties, the SKOS concepts with their labels) in ``graph/ontology``."""
    graph = NamedNode(Minter(base).graph("ontology"))
    return tuple(sorted((Quad(t.subject, t.predicate, t.object, graph) for t in _ontology_triples()), key=str))


def consolidate(store: Store, base: str) -> None:
    """(Re)write ``graph/consolidated`` from the document graphs in ``store``."""
    mint = Minter(base)
    graph = NamedNode(mint.graph("consolidated"))
    rule = (ontology_dir() / "rules" / "consolidate.ru").read_text(encoding="utf-8")
    # The rule drops the graph first; the base is a checked IRI (NamedNode), safe to put in the text.
    store.update(rule.replace(RULE_GRAPH, graph.value))
    store.extend(_label_quads(store, mint, graph))


def _label_quads(store: Store, mint: Minter, graph: NamedNode) -> list[Quad]:
    """prefLabel: the label most documents use, ties to the smallest string; the others are altLabels."""
    votes: dict[NamedNode, Counter[str]] = defaultdict(Counter)
    solutions = store.query(LABELS, substitutions={Variable("documents"): Literal(mint.document(""))})
    for row in solutions:
        votes[row["node"]][row["label"].value] += 1
    quads = []
    for node, counts in votes.items():
        ranked = sorted(counts, key=lambda label: (-counts[label], label))
        quads.append(Quad(node, PREF_LABEL, Literal(ranked[0], language="nl"), graph))
        quads.extend(Quad(node, ALT_LABEL, Literal(other, language="nl"), graph) for other in ranked[1:])
    return quads
