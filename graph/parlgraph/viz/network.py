"""The knowledge graph as a networkx graph of the things it is about, for drawing and analysis.

Nodes are the entities a reader cares about (documents, Kamerstukken, people, posts, acts, ...);
annotations, selectors, intervals and runs become node attributes (evidence) instead of nodes.
Membership-like nodes (post holdings, fractie memberships, inbreng) are collapsed into one edge
between the two things they connect. The default graph is the union of all named graphs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from pyoxigraph import Literal, NamedNode, Store

from parlgraph.store.query import QueryError, load_file

PG = "https://w3id.org/parlgraph/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
OA = "http://www.w3.org/ns/oa#"
TIME = "http://www.w3.org/2006/time#"
PREFIXES = f"""PREFIX pg: <{PG}> PREFIX dcterms: <{DCTERMS}> PREFIX skos: <{SKOS}> PREFIX foaf: <{FOAF}>
PREFIX org: <{ORG}> PREFIX eli: <{ELI}> PREFIX oa: <{OA}> PREFIX time: <{TIME}>
"""


@dataclass(frozen=True, slots=True)
class Kind:
    """One type of node: its class, its name on the command line, and how it is drawn."""

    name: str
    cls: str
    legend: str
    color: str
    shape: str


# Order matters twice: the legend lists kinds in this order, and a node typed with two of these
# classes gets the first. Colours are distinguishable for the common forms of colour blindness.
KINDS = (
    Kind("document", PG + "SourceDocument", "source document", "#4e79a7", "box"),
    Kind("kamerstuk", PG + "Kamerstuk", "Kamerstuk", "#f28e2b", "dot"),
    Kind("dossier", PG + "Dossier", "dossier", "#edc948", "square"),
    Kind("person", FOAF + "Person", "person", "#e15759", "star"),
    Kind("post", ORG + "Post", "post", "#ff9da7", "triangle"),
    Kind("ministry", "https://identifier.overheid.nl/tooi/def/ont/Ministerie", "ministry", "#9c755f", "hexagon"),
    Kind("council", PG + "Council", "council", "#76b7b2", "diamond"),
    Kind("meeting", PG + "Meeting", "meeting", "#59a14f", "triangleDown"),
    Kind("act", ELI + "LegalResource", "act", "#b07aa1", "diamond"),
    Kind("motion", "http://www.w3.org/ns/opengov#Motion", "motion", "#d37295", "square"),
    Kind("fractie", PG + "Fractie", "fractie", "#86bcb6", "dot"),
    Kind("organisation", PG + "Organisation", "organisation", "#bab0ac", "dot"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}

# Relations between two drawn nodes, by predicate; any other predicate is named after its local name.
RELATIONS = {
    ELI + "cites": "cites",
    PG + "mentions": "mentions",
    PG + "publishedAs": "published as",
    PG + "dossier": "in dossier",
    PG + "coDossier": "also in dossier",
    ORG + "postIn": "post in",
    PG + "meetingOf": "meeting of",
    ORG + "subOrganizationOf": "part of",
    PG + "submitter": "submitted by",
}
# The weakest relation: dropped between two nodes that have a more specific one.
MENTIONS = "mentions"


@dataclass(frozen=True, slots=True)
class Collapse:
    """A node class that stands for an edge: from its ``source`` value to its ``target`` value."""

    cls: str
    source: str
    target: str
    relation: str


COLLAPSED = (
    Collapse(PG + "PostHolding", ORG + "member", PG + "post", "holds"),
    Collapse(PG + "FractieMembership", ORG + "member", ORG + "organization", "member of"),
    Collapse(PG + "Inbreng", PG + "fractie", PG + "about", "inbreng on"),
    Collapse(PG + "CoMention", PG + "meeting", PG + "act", "mentioned with"),
)

IDENTIFIERS = (DCTERMS + "identifier", PG + "celex", PG + "bwb", PG + "proposalCelex", PG + "comNumber")
LINK_PROPERTIES = (FOAF + "page", SKOS + "exactMatch")
# Link-outs a reader can open, by the start of the IRI; the label says where the link goes.
LINK_SITES = (
    ("https://zoek.officielebekendmakingen.nl/", "officielebekendmakingen.nl"),
    ("https://wetten.overheid.nl/", "wetten.overheid.nl"),
    ("http://data.europa.eu/eli/", "ELI"),
    ("https://eur-lex.europa.eu/", "EUR-Lex"),
)
EURLEX = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:"
CELEX = re.compile(r"[0-9CE][0-9]{4}[A-Z]{1,2}[0-9]{1,4}(?:\([0-9]+\))?")
SHORT_LABEL = 24
QUOTE_MAX = 300


class GraphFileError(Exception):
    """A graph file that cannot be read; ``str()`` is one line."""


def load_store(path: Path) -> Store:
    """The graph file (.ttl .trig .nq .nt .jsonld) in an in-memory store."""
    try:
        return load_file(path)
    except QueryError as err:
        raise GraphFileError(str(err)) from None


def _select(store: Store, query: str) -> list[tuple]:
    return [tuple(row) for row in store.query(PREFIXES + query, use_default_graph_as_union=True)]


def _values(terms: list[str]) -> str:
    return " ".join(f"<{iri}>" for iri in terms)


def short(text: str, limit: int = SHORT_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def to_networkx(store: Store) -> nx.DiGraph:
    """A directed graph keyed by IRI; node and edge attributes are plain strings and numbers.

    Node attributes: kind, label (full), short (display), ids (list), links (list of (site, url)),
    docs (number of source documents with evidence), quote (the longest supporting quote), date.
    Edge attribute: relation (one label, or several joined by ", ").
    """
    graph = nx.DiGraph()
    for iri, kind in _kinds(store).items():
        graph.add_node(iri, kind=kind, iri=iri, label="", short="", ids=[], links=[], docs=0, quote="", date="")
    _add_labels(store, graph)
    _add_identifiers(store, graph)
    _add_evidence(store, graph)
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    _direct_edges(store, graph, relations)
    notes = _collapsed_edges(store, graph, relations)
    for (source, target), names in relations.items():
        if len(names) > 1:
            names.discard(MENTIONS)
        relation = ", ".join(sorted(names))
        graph.add_edge(source, target, relation=relation, note=notes.get((source, target), ""))
    return graph


def _kinds(store: Store) -> dict[str, str]:
    rank = {kind.cls: i for i, kind in enumerate(KINDS)}
    best: dict[str, int] = {}
    for node, cls in _select(store, f"SELECT DISTINCT ?s ?t WHERE {{ VALUES ?t {{ {_values(list(rank))} }} ?s a ?t }}"):
        if isinstance(node, NamedNode):
            best[node.value] = min(best.get(node.value, len(KINDS)), rank[cls.value])
    return {iri: KINDS[i].name for iri, i in sorted(best.items())}


def _add_labels(store: Store, graph: nx.DiGraph) -> None:
    rows = _select(store, """SELECT ?s ?label ?title ?date ?kind WHERE {
        { ?s skos:prefLabel ?label } UNION { ?s dcterms:title ?title } UNION { ?s dcterms:date ?date }
        UNION { ?s a pg:SourceDocument ; dcterms:type/skos:prefLabel ?kind FILTER(lang(?kind) = "nl") } }""")
    titles: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for subject, label, title, date, kind in rows:
        node = graph.nodes.get(subject.value)
        if node is None:
            continue
        if label is not None:
            node["label"] = min(filter(None, (node["label"], label.value)))  # one per node; min keeps it stable
        if title is not None:
            titles[subject.value] = min(filter(None, (titles.get(subject.value, ""), title.value)))
        if date is not None:
            node["date"] = date.value
        if kind is not None:
            kinds[subject.value] = kind.value
    for iri, node in graph.nodes(data=True):
        if node["kind"] == "document":
            node["label"] = titles.get(iri) or iri.rsplit("/", 1)[-1]
            node["short"] = " ".join(filter(None, (kinds.get(iri, "document"), node["date"])))
        else:
            node["label"] = node["label"] or iri.rsplit("/", 1)[-1]
            node["short"] = short(node["label"])


def _add_identifiers(store: Store, graph: nx.DiGraph) -> None:
    rows = _select(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
        VALUES ?p {{ {_values(list(IDENTIFIERS + LINK_PROPERTIES))} }} ?s ?p ?o }} ORDER BY ?s ?p ?o""")
    for subject, predicate, obj in rows:
        node = graph.nodes.get(subject.value)
        if node is None:
            continue
        if predicate.value in IDENTIFIERS:
            if obj.value not in node["ids"]:
                node["ids"].append(obj.value)
            if predicate.value == PG + "celex" and CELEX.fullmatch(obj.value):
                node["links"].append(("EUR-Lex", EURLEX + obj.value))
        elif isinstance(obj, NamedNode):
            site = next((name for start, name in LINK_SITES if obj.value.startswith(start)), None)
            if site is not None:
                node["links"].append((site, obj.value))
    for _, node in graph.nodes(data=True):
        node["links"] = sorted(set(node["links"]))


def _add_evidence(store: Store, graph: nx.DiGraph) -> None:
    """How many documents support each node, and its longest quote (ties: the first in document order)."""
    docs: dict[str, set[str]] = defaultdict(set)
    best: dict[str, tuple[int, str, int, str]] = {}
    rows = _select(store, """SELECT ?body ?doc ?start ?exact WHERE {
        ?a oa:hasBody ?body ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q .
        ?q oa:exact ?exact . OPTIONAL { ?t oa:hasSelector/oa:start ?start } }""")
    for body, doc, start, exact in rows:
        if body.value not in graph:
            continue
        docs[body.value].add(doc.value)
        quote = " ".join(exact.value.split())[:QUOTE_MAX]
        key = (-len(quote), doc.value, int(start.value) if start is not None else 0, quote)
        if body.value not in best or key < best[body.value]:
            best[body.value] = key
    for doc, entity in _select(store, "SELECT DISTINCT ?d ?e WHERE { ?d pg:mentions ?e }"):
        if entity.value in graph:
            docs[entity.value].add(doc.value)
    for iri, node in graph.nodes(data=True):
        node["docs"] = len(docs.get(iri, ()))
        node["quote"] = best[iri][3] if iri in best else ""


def _direct_edges(store: Store, graph: nx.DiGraph, relations: dict[tuple[str, str], set[str]]) -> None:
    classes = _values([kind.cls for kind in KINDS])
    rows = _select(store, f"""SELECT DISTINCT ?s ?p ?o WHERE {{
        VALUES ?st {{ {classes} }} VALUES ?ot {{ {classes} }} ?s a ?st ; ?p ?o . ?o a ?ot }}""")
    for subject, predicate, obj in rows:
        if subject.value in graph and obj.value in graph and subject != obj:
            relations[(subject.value, obj.value)].add(RELATIONS.get(predicate.value) or _words(predicate.value))


def _collapsed_edges(store: Store, graph: nx.DiGraph, relations: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], str]:
    """Edges for memberships; returns the attested interval of each, as a note for its tooltip."""
    notes: dict[tuple[str, str], str] = {}
    for rule in COLLAPSED:
        rows = _select(store, f"""SELECT DISTINCT ?from ?to ?begin ?end WHERE {{
            ?m a <{rule.cls}> ; <{rule.source}> ?from ; <{rule.target}> ?to .
            OPTIONAL {{ ?m org:memberDuring ?i . ?i time:hasBeginning/time:inXSDDate ?begin ;
                                                   time:hasEnd/time:inXSDDate ?end }} }}""")
        for source, target, begin, end in rows:
            if source.value in graph and target.value in graph:
                relations[(source.value, target.value)].add(rule.relation)
                if begin is not None and end is not None:
                    notes[(source.value, target.value)] = f"attested {begin.value} – {end.value}"
    return notes


def _words(iri: str) -> str:
    """``http://…#subOrganizationOf`` → "sub organization of"."""
    local = re.split(r"[#/]", iri)[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


@dataclass
class Selection:
    """The part of the graph a view shows, and what it leaves out."""

    graph: nx.DiGraph
    total_nodes: int
    total_edges: int
    focus: list[str] = field(default_factory=list)
    omitted: dict[str, int] = field(default_factory=dict)

    @property
    def note(self) -> str:
        """One sentence for the page: what was left out, or nothing."""
        shown = self.graph.number_of_nodes()
        if shown == self.total_nodes:
            return ""
        parts = ", ".join(f"{self.omitted[kind.name]} {kind.legend}" for kind in KINDS if kind.name in self.omitted)
        return f"Showing {shown} of {self.total_nodes} nodes; left out: {parts}."


class FocusError(Exception):
    """A --focus that matches nothing; ``str()`` is one line."""


def match_nodes(graph: nx.DiGraph, text: str) -> list[str]:
    """Nodes whose IRI is ``text``, else whose label or identifier equals it, else contains it (case-insensitive)."""
    text = text.strip()
    if text in graph:
        return [text]
    needle = text.casefold()
    exact, partial = [], []
    for iri, node in graph.nodes(data=True):
        names = [node["label"].casefold(), *(i.casefold() for i in node["ids"])]
        if needle in names:
            exact.append(iri)
        elif any(needle in name for name in names):
            partial.append(iri)
    return exact or partial


def select(
    graph: nx.DiGraph, focus: str | None = None, depth: int = 1, types: set[str] | None = None,
    max_nodes: int = 1500,
) -> Selection:
    """Restrict to ``types``, then to the ``depth``-neighbourhood of ``focus``, then to ``max_nodes``.

    Above ``max_nodes`` a focused view keeps the nodes nearest the focus, an unfocused one the
    best-connected nodes (ties by IRI, so the same graph always gives the same view).
    """
    full = graph
    if types:
        graph = graph.subgraph([n for n, kind in graph.nodes(data="kind") if kind in types])
    focus_nodes: list[str] = []
    if focus:
        focus_nodes = match_nodes(graph, focus)
        if not focus_nodes:
            raise FocusError(f"--focus {focus!r} matches no node (label, identifier or IRI) in the graph")
        undirected = graph.to_undirected(as_view=True)
        distance: dict[str, int] = {}
        for start in focus_nodes:
            for node, hops in nx.single_source_shortest_path_length(undirected, start, cutoff=depth).items():
                distance[node] = min(hops, distance.get(node, hops))
        order = sorted(distance, key=lambda n: (distance[n], -graph.degree(n), n))
    else:
        order = sorted(graph, key=lambda n: (-graph.degree(n), n))
    kept = order[:max_nodes]
    view = nx.DiGraph(graph.subgraph(kept))
    omitted: dict[str, int] = defaultdict(int)
    for node, kind in full.nodes(data="kind"):
        if node not in view:
            omitted[kind] += 1
    return Selection(view, full.number_of_nodes(), full.number_of_edges(), focus_nodes, dict(omitted))
