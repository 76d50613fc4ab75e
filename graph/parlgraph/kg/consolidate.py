"""Statements no single document makes: computed over all document graphs, in ``graph/consolidated``.

Two things, both rewritten from scratch on every call so the result never depends on what
changed: the attested interval of each post holding and fractie membership (the SPARQL UPDATE in
ontology/rules/consolidate.ru), and each node's skos:prefLabel, chosen from the rdfs:label values
the documents use (ontology/README.md, "Conflicts").

The labels are chosen from votes: how many documents give a node each label. A store counts them
with one GROUP BY, read one node at a time; a writer streaming documents out counts them as they
go by (``Votes``), so it need not keep every label of every document to count them at the end.
Either way no list of all labels is built in Python: on ten thousand documents that alone took
more memory than the rest of a build grows by.
"""
from __future__ import annotations

import functools
import itertools
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Variable, parse

from parlgraph.kg.iris import Minter
from parlgraph.kg.vocab import ALT_LABEL, PREF_LABEL

RULE_GRAPH = "https://w3id.org/parlgraph/graph/consolidated"  # as written in rules/consolidate.ru

# (node IRI, Dutch label) -> the number of documents that give the node that label
Votes = Counter[tuple[str, str]]

# Sorted by node so that each node's votes come together; ranking them is left to Python, whose
# string order is the one the file writers use.
LABEL_VOTES = """
SELECT ?documents ?node ?label (COUNT(*) AS ?votes) WHERE {
    GRAPH ?g { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
    FILTER (isIRI(?node) && LANG(?label) = "nl" && STRSTARTS(STR(?g), STR(?documents)))
}
GROUP BY ?documents ?node ?label
ORDER BY ?node
"""
# Statements per transaction when a store writes the consolidated graph, each flushed to disk after
# it commits: a transaction is held in memory until then, RocksDB keeps what it wrote in memory
# until a flush, and the bulk loader buffers far more than this before it writes.
CHUNK = 20_000


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


def consolidate(store: Store, base: str, merge: bool = False) -> None:
    """(Re)write ``graph/consolidated`` from the document graphs in ``store``.

    With ``merge``, each statement written also goes into the default graph: a parlgraph store's
    default graph is the merge of its graphs (:mod:`parlgraph.store.local`).
    """
    graph = consolidated_graph(base)
    apply_rule(store, graph)
    if merge:
        _write(store, (Quad(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)))
    solutions = store.query(LABEL_VOTES, substitutions={Variable("documents"): Literal(Minter(base).document(""))})
    by_node = itertools.groupby(((row["node"].value, row["label"].value, int(row["votes"].value)) for row in solutions),
                                key=lambda vote: vote[0])
    quads = (quad for node, votes in by_node for quad in node_label_quads(node, {label: n for _, label, n in votes}, graph))
    # The graph is whole only once this returns, as it was before (rule and labels are several
    # transactions); the next call rewrites it from scratch.
    _write(store, quads, merge)


def _write(store: Store, quads: Iterable[Quad], merge: bool = False) -> None:
    """Add ``quads`` (with ``merge``, each also to the default graph) in transactions of ``CHUNK``
    statements, so memory does not grow with their number."""
    quads = iter(quads)
    if merge:
        quads = (copy for quad in quads for copy in (quad, Quad(quad.subject, quad.predicate, quad.object)))
    while chunk := list(itertools.islice(quads, CHUNK)):
        store.extend(chunk)
        store.flush()


def consolidated_graph(base: str) -> NamedNode:
    return NamedNode(Minter(base).graph("consolidated"))


def apply_rule(store: Store, graph: NamedNode) -> None:
    """(Re)write the rules' part of ``graph``: it drops the graph first, so labels come after it.

    rules/consolidate.ru, one transaction per operation, then what rules/co-mentions.rq constructs.
    """
    rules = ontology_dir() / "rules"
    # The base is a checked IRI (NamedNode), safe to put in the text.
    rule = (rules / "consolidate.ru").read_text(encoding="utf-8").replace(RULE_GRAPH, graph.value)
    prologue = "\n".join(line for line in rule.splitlines() if line.startswith("PREFIX "))
    first, *others = rule.split("\n;\n")  # see the rule's header; the first holds the prologue
    store.update(first)
    for operation in others:
        store.update(f"{prologue}\n{operation}")
    store.flush()
    constructed = store.query((rules / "co-mentions.rq").read_text(encoding="utf-8"))
    _write(store, (Quad(t.subject, t.predicate, t.object, graph) for t in constructed))


def label_quads(votes: Mapping[tuple[str, str], int], graph: NamedNode) -> Iterator[Quad]:
    """The labels ``votes`` choose for every node (:func:`node_label_quads`), one node at a time.

    The quads come sorted as their text (``str``), so that a writer can merge them into sorted
    output without holding them all: a node's text is "<" + IRI + ">", and no IRI holds a ">", so
    nodes compare as their IRI followed by ">".
    """
    for node, labels in itertools.groupby(sorted(votes, key=lambda vote: vote[0] + ">"), key=lambda vote: vote[0]):
        yield from node_label_quads(node, {label: votes[node, label] for _, label in labels}, graph)


def node_label_quads(node: str, votes: Mapping[str, int], graph: NamedNode) -> list[Quad]:
    """prefLabel: the label most documents use, ties to the smallest string; the others are altLabels. Sorted."""
    ranked = sorted(votes, key=lambda label: (-votes[label], label))
    subject = NamedNode(node)
    quads = [Quad(subject, PREF_LABEL, Literal(ranked[0], language="nl"), graph)]
    quads += (Quad(subject, ALT_LABEL, Literal(other, language="nl"), graph) for other in ranked[1:])
    return sorted(quads, key=str)
