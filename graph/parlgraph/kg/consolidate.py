"""Statements no single document makes: computed over all document graphs, in ``graph/consolidated``.

Two things, both rewritten from scratch on every call so the result never depends on what
changed: the attested interval of each post holding and fractie membership (the SPARQL UPDATE in
ontology/rules/consolidate.ru), and each node's skos:prefLabel, chosen from the rdfs:label values
the documents use (ontology/README.md, "Conflicts").

The labels are chosen from votes: how many documents give a node each label. A store counts them
with one GROUP BY; a writer streaming documents out counts them as they go by (``Votes``), so it
need not keep every label of every document to count them at the end.
"""
from __future__ import annotations

import functools
import itertools
import os
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Variable, parse

from parlgraph.kg.iris import Minter
from parlgraph.kg.vocab import ALT_LABEL, PREF_LABEL

RULE_GRAPH = "https://w3id.org/parlgraph/graph/consolidated"  # as written in rules/consolidate.ru

# (node IRI, Dutch label) -> the number of documents that give the node that label
Votes = Counter[tuple[str, str]]

LABEL_VOTES = """
SELECT ?documents ?node ?label (COUNT(*) AS ?votes) WHERE {
    GRAPH ?g { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
    FILTER (isIRI(?node) && LANG(?label) = "nl" && STRSTARTS(STR(?g), STR(?documents)))
}
GROUP BY ?documents ?node ?label
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
    graph = consolidated_graph(base)
    apply_rule(store, graph)
    votes: Votes = Counter()
    solutions = store.query(LABEL_VOTES, substitutions={Variable("documents"): Literal(Minter(base).document(""))})
    for row in solutions:
        votes[row["node"].value, row["label"].value] = int(row["votes"].value)
    # Written straight to files, not through a transaction, which RocksDB would hold in memory: 50 MB
    # for the labels of 10,000 documents. The graph is whole only once this returns, as it was
    # before (rule and labels were two transactions); the next call rewrites it from scratch.
    store.bulk_extend(label_quads(votes, graph))


def consolidated_graph(base: str) -> NamedNode:
    return NamedNode(Minter(base).graph("consolidated"))


def apply_rule(store: Store, graph: NamedNode) -> None:
    """(Re)write the rule's part of ``graph``: it drops the graph first, so labels come after it."""
    rule = (ontology_dir() / "rules" / "consolidate.ru").read_text(encoding="utf-8")
    # The base is a checked IRI (NamedNode), safe to put in the text.
    store.update(rule.replace(RULE_GRAPH, graph.value))


def label_quads(votes: Mapping[tuple[str, str], int], graph: NamedNode) -> Iterator[Quad]:
    """prefLabel: the label most documents use, ties to the smallest string; the others are altLabels.

    The quads come sorted as their text (``str``), one node at a time, so that a writer can merge
    them into sorted output without holding them all: a node's text is "<" + IRI + ">", and no
    IRI holds a ">", so nodes compare as their IRI followed by ">".
    """
    for node, labels in itertools.groupby(sorted(votes, key=lambda vote: vote[0] + ">"), key=lambda vote: vote[0]):
        ranked = sorted((label for _, label in labels), key=lambda label: (-votes[node, label], label))
        subject = NamedNode(node)
        quads = [Quad(subject, PREF_LABEL, Literal(ranked[0], language="nl"), graph)]
        quads += (Quad(subject, ALT_LABEL, Literal(other, language="nl"), graph) for other in ranked[1:])
        yield from sorted(quads, key=str)
