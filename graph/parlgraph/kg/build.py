"""One document's extraction as the quads of its own named graph.

Everything a document says sits in the graph named by the document's IRI: the document node, the
entities it mentions (typed, with the label it uses as rdfs:label), the relations between them,
one oa:Annotation per (thing, span) with position and quote selectors, and the extraction run
that produced the annotations. The preferred label of a node is not chosen here: documents may
disagree, so :mod:`parlgraph.kg.consolidate` picks it over all of them.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from parlgraph import __version__
from parlgraph.extract.text import fold as fold_uncached
from parlgraph.kg import iris
from parlgraph.kg.iris import Minter
from parlgraph.kg.vocab import (
    ACT_KINDS, ALT_LABEL, BOOLEAN, DATE, DCTERMS, DOCUMENT_KINDS, ELI, EXACT_MATCH, FOAF, LABEL, MOTION_STATUSES,
    NON_NEGATIVE, OA, OPENGOV, ORG, PG, PROV, RELATED_MATCH, ROLES, SCHEMA, STRING, TOOIONT, TYPE, VALUE,
    concept, term,
)
from parlgraph.models import (
    Council, Entity, Extraction, Footnote, Kamerstuk, Legislation, Meeting, Mention, Motion, Office, Organisation,
    Party, Person, UnresolvedCitation,
)

DEFAULT_BASE = "https://w3id.org/parlgraph/"

KST_PARTS = re.compile(r"kst-(?P<dossier>[0-9]+)(?:-(?P<toevoeging>[A-Za-z0-9]+))?-(?P<number>[A-Za-z0-9]+)")
CORPORATE_BODY = "http://publications.europa.eu/resource/authority/corporate-body/"
# A fractie list right after an act names the fracties that asked about it: "Crisisverordening
# (PvDA en GroenLinks, CU)". Gaps are counted in characters between mentions: " (" or " \n(" before
# the first name, ", " / " en " / " & " between names.
FIRST_FRACTIE_GAP = 3
NEXT_FRACTIE_GAP = 5
# How far apart a post and a name may stand to be read as one signature or "de minister, X".
HOLDING_REACH = 120
# Labels and aliases recur across documents (gazetteer names, posts, surnames): fold each once per
# build, not once per mention (that was a tenth of the builder's time); bounded all the same.
fold = functools.lru_cache(maxsize=1 << 14)(fold_uncached)


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """The statements one document supports, all in the named graph ``iri`` (the document IRI)."""

    iri: str
    source: str
    sha256: str | None
    quads: tuple[Quad, ...]


def document_graph(extraction: Extraction, base: str = DEFAULT_BASE) -> DocumentGraph:
    """The named graph of one document: sorted, deterministic, and independent of every other document."""
    builder = _Builder(extraction, Minter(base))
    builder.build()
    quads = tuple(sorted(builder.quads, key=str))
    return DocumentGraph(builder.doc.value, extraction.source, extraction.sha256, quads)


def text_literal(value: str) -> Literal:
    return Literal(value, datatype=STRING)


def nl(value: str) -> Literal:
    """A Dutch label, NFC-normalised: labels are compared across documents, quotes never are."""
    return Literal(unicodedata.normalize("NFC", " ".join(value.split())), language="nl")


class _Builder:
    def __init__(self, extraction: Extraction, mint: Minter) -> None:
        self.extraction = extraction
        self.mint = mint
        self.key = iris.document_key(extraction.source)
        self.doc = NamedNode(mint.document(self.key))
        self.run = NamedNode(mint.run(__version__, extraction.sha256, self.key))
        self.quads: set[Quad] = set()
        self.repeated_notes = Counter(e.number for e in extraction.entities if isinstance(e, Footnote))

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.add(Quad(s, p, o, self.doc))

    def build(self) -> None:
        self._document()
        self._run()
        handlers = {
            "kamerstuk": self._kamerstuk_entity, "footnote": self._footnote, "person": self._person,
            "office": self._office, "council": self._council, "meeting": self._meeting,
            "legislation": self._act, "motion": self._motion, "party": self._party,
            "organisation": self._organisation, "unresolved_citation": self._unresolved,
        }
        for entity in self.extraction.entities:
            handler = handlers.get(entity.type)
            if handler is not None:
                handler(entity)
        self._holdings()
        self._inbreng()

    # --- the document and the run ------------------------------------------------------------

    def _document(self) -> None:
        info, doc = self.extraction.document, self.doc
        self.add(doc, TYPE, term(PG, "SourceDocument"))
        self.add(doc, term(DCTERMS, "identifier"), text_literal(self.key))
        if self.extraction.sha256:
            self.add(doc, term(PG, "sha256"), text_literal(self.extraction.sha256))
        if info.date:
            self.add(doc, term(DCTERMS, "date"), Literal(info.date, datatype=DATE))
        kind = concept("document-kind", info.kind, DOCUMENT_KINDS)
        if kind is not None:
            self.add(doc, term(DCTERMS, "type"), kind)
        if info.title:
            self.add(doc, term(DCTERMS, "title"), nl(info.title))
        if info.self_id and iris.kamerstuk_key(info.self_id):
            self.add(doc, term(PG, "publishedAs"), self._kamerstuk(info.self_id))
        if info.dossier and info.dossier.isdigit():
            dossier = self._dossier(info.dossier)
            self.add(doc, term(PG, "dossier"), dossier)
            if info.dossier_title:
                self.add(dossier, term(DCTERMS, "title"), nl(info.dossier_title))

    def _run(self) -> None:
        agent = NamedNode(self.mint.agent(__version__))
        self.add(self.run, TYPE, term(PROV, "Activity"))
        self.add(self.run, term(PROV, "wasAssociatedWith"), agent)
        self.add(self.run, term(PROV, "used"), self.doc)
        # The agent is restated in every document graph so that each graph stands on its own.
        self.add(agent, TYPE, term(PROV, "SoftwareAgent"))
        self.add(agent, LABEL, text_literal("parlgraph"))
        self.add(agent, term(SCHEMA, "softwareVersion"), text_literal(__version__))

    def annotate(self, body: NamedNode, mention: Mention) -> None:
        if mention.end <= mention.start or not mention.text:
            return
        ann = NamedNode(self.mint.annotation(self.key, mention.start, mention.end, body.value))
        target, position, quote = (NamedNode(f"{ann.value}#{part}") for part in ("target", "position", "quote"))
        self.add(ann, TYPE, term(OA, "Annotation"))
        self.add(ann, term(OA, "hasBody"), body)
        self.add(ann, term(OA, "motivatedBy"), term(OA, "identifying"))
        self._evidence(ann, target, position, quote, mention)

    def _evidence(
        self, ann: NamedNode, target: NamedNode, position: NamedNode, quote: NamedNode, mention: Mention,
    ) -> None:
        self.add(ann, term(OA, "hasTarget"), target)
        self.add(ann, term(PROV, "wasGeneratedBy"), self.run)
        self.add(ann, term(PROV, "wasDerivedFrom"), self.doc)
        self.add(target, TYPE, term(OA, "SpecificResource"))
        self.add(target, term(OA, "hasSource"), self.doc)
        self.add(target, term(OA, "hasSelector"), position)
        self.add(target, term(OA, "hasSelector"), quote)
        self.add(position, TYPE, term(OA, "TextPositionSelector"))
        self.add(position, term(OA, "start"), Literal(str(mention.start), datatype=NON_NEGATIVE))
        self.add(position, term(OA, "end"), Literal(str(mention.end), datatype=NON_NEGATIVE))
        self.add(quote, TYPE, term(OA, "TextQuoteSelector"))
        self.add(quote, term(OA, "exact"), text_literal(mention.text))

    def mentioned(self, node: NamedNode, entity: Entity) -> NamedNode:
        """The document mentions ``node`` at each of the entity's spans."""
        self.add(self.doc, term(PG, "mentions"), node)
        for mention in entity.mentions:
            self.annotate(node, mention)
        return node

    def labelled(self, node: NamedNode, label: str, aliases: Iterable[str] = ()) -> None:
        if label.strip():
            self.add(node, LABEL, nl(label))
        folded = fold(label)
        for alias in aliases:
            if alias.strip() and fold(alias) != folded:
                self.add(node, ALT_LABEL, nl(alias))

    # --- Kamerstukken and footnotes -----------------------------------------------------------

    def _kamerstuk(self, kst_id: str, entity: Kamerstuk | None = None) -> NamedNode:
        """The Kamerstuk node with everything its id says; the entity adds what the text said."""
        node = NamedNode(self.mint.kamerstuk(kst_id))
        parts = KST_PARTS.fullmatch(kst_id)
        assert parts is not None, kst_id  # callers pass only ids that iris.kamerstuk_key accepted
        self.add(node, TYPE, term(PG, "Kamerstuk"))
        self.add(node, term(DCTERMS, "identifier"), text_literal(kst_id))
        self.add(node, LABEL, nl(kst_id))
        self.add(node, term(PG, "dossier"), self._dossier(parts["dossier"]))
        if parts["toevoeging"]:
            self.add(node, term(PG, "toevoeging"), text_literal(parts["toevoeging"]))
        self.add(node, term(PG, "ondernummer"), text_literal(parts["number"]))
        self.add(node, term(FOAF, "page"), NamedNode(f"{iris.KST_PAGE}{kst_id}"))
        if entity is not None:
            if entity.chamber in ("I", "II"):
                self.add(node, term(PG, "chamber"), text_literal(entity.chamber))
            if entity.vergaderjaar and re.fullmatch(r"[0-9]{4}-[0-9]{4}", entity.vergaderjaar):
                self.add(node, term(PG, "vergaderjaar"), text_literal(entity.vergaderjaar))
            for co in entity.co_dossiers:
                if co.isdigit() and co != parts["dossier"]:
                    self.add(node, term(PG, "coDossier"), self._dossier(co))
        return node

    def _dossier(self, number: str) -> NamedNode:
        node = NamedNode(self.mint.dossier(number))
        self.add(node, TYPE, term(PG, "Dossier"))
        self.add(node, term(DCTERMS, "identifier"), text_literal(number))
        self.add(node, LABEL, nl(number))
        return node

    def _kamerstuk_entity(self, entity: Entity) -> None:
        assert isinstance(entity, Kamerstuk)
        kst_id = iris.kamerstuk_key(entity.id)
        if kst_id is None:
            return
        node = self.mentioned(self._kamerstuk(kst_id, entity), entity)
        self.add(self.doc, term(ELI, "cites"), node)

    def _footnote(self, entity: Entity) -> None:
        assert isinstance(entity, Footnote)
        # Numbering restarts in papers with several parts; a repeated number takes where its note starts.
        repeated = self.repeated_notes.get(entity.number, 0) > 1 and entity.mentions
        number = f"{entity.number}at{min(m.start for m in entity.mentions)}" if repeated else entity.number
        node = NamedNode(self.mint.footnote(self.key, number))
        self.add(node, TYPE, term(PG, "Footnote"))
        self.add(node, term(DCTERMS, "isPartOf"), self.doc)
        self.add(node, term(DCTERMS, "identifier"), text_literal(entity.number))
        self.add(node, VALUE, text_literal(entity.text))
        for cited in entity.cites:
            if iris.kamerstuk_key(cited):
                kst = self._kamerstuk(cited)
                self.add(node, term(ELI, "cites"), kst)
                self.add(self.doc, term(ELI, "cites"), kst)
        for mention in entity.mentions:
            self.annotate(node, mention)

    def _unresolved(self, entity: Entity) -> None:
        assert isinstance(entity, UnresolvedCitation)
        for mention in entity.mentions:
            if mention.end <= mention.start or not mention.text:
                continue
            ann = NamedNode(self.mint.annotation(self.key, mention.start, mention.end, entity.id))
            self.add(ann, TYPE, term(OA, "Annotation"))
            self.add(ann, term(OA, "bodyValue"), text_literal(f"unresolved citation: {entity.reason}"))
            self.add(ann, term(OA, "motivatedBy"), term(OA, "commenting"))
            parts = (NamedNode(f"{ann.value}#{p}") for p in ("target", "position", "quote"))
            self._evidence(ann, *parts, mention)

    # --- people, posts, ministries ------------------------------------------------------------

    def _person_node(self, surname: str, name: str | None = None) -> NamedNode:
        node = NamedNode(self.mint.person(surname))
        surname = unicodedata.normalize("NFC", " ".join(surname.split()))
        self.add(node, TYPE, term(FOAF, "Person"))
        self.add(node, LABEL, nl(surname))
        self.add(node, term(FOAF, "familyName"), text_literal(surname))
        self.add(node, term(FOAF, "name"), text_literal(unicodedata.normalize("NFC", " ".join((name or surname).split()))))
        return node

    def _person(self, entity: Entity) -> None:
        assert isinstance(entity, Person)
        self.mentioned(self._person_node(entity.surname or entity.label, entity.name or entity.label), entity)

    def _post_node(self, label: str, office: Office | None = None) -> NamedNode:
        node = NamedNode(self.mint.post(label))
        self.add(node, TYPE, term(ORG, "Post"))
        self.labelled(node, label)
        self._role_and_ministry(node, label, office, term(ORG, "postIn"))
        if office is not None and office.portfolio:
            self.add(node, term(PG, "portfolio"), text_literal(office.portfolio))
        return node

    def _role_and_ministry(self, node: NamedNode, label: str, office: Office | None, to_ministry: NamedNode) -> None:
        """A post and a holding of it carry the same role, and the same ministry (through ``to_ministry``)."""
        role = concept("role", office.role if office else _role_of(label), ROLES)
        if role is not None:
            self.add(node, term(ORG, "role"), role)
        ministry = self._ministry(office)
        if ministry is not None:
            self.add(node, to_ministry, ministry)

    def _ministry(self, office: Office | None) -> NamedNode | None:
        if office is None or not office.tooi or not iris.TOOI_MINISTRY.fullmatch(office.tooi):
            return None
        node = NamedNode(office.tooi)
        self.add(node, TYPE, term(TOOIONT, "Ministerie"))
        self.add(node, TYPE, term(ORG, "Organization"))
        if office.ministry:
            self.add(node, LABEL, nl(f"Ministerie van {office.ministry}"))
        return node

    def _office(self, entity: Entity) -> None:
        assert isinstance(entity, Office)
        self.mentioned(self._post_node(entity.label, entity), entity)

    def _holdings(self) -> None:
        """A post holding per (person, office) the document shows, and a fractie membership per party."""
        offices = {fold(o.label): o for o in self.extraction.entities if isinstance(o, Office)}
        for person in (e for e in self.extraction.entities if isinstance(e, Person)):
            member = NamedNode(self.mint.person(person.surname or person.label))
            for label in person.offices:
                office = offices.get(fold(label))
                post = self._post_node(office.label if office else label, office)
                holding = NamedNode(self.mint.holding(member.value, post.value))
                self.add(holding, TYPE, term(PG, "PostHolding"))
                self.add(holding, TYPE, term(ORG, "Membership"))
                self.add(holding, term(ORG, "member"), member)
                self.add(holding, term(PG, "post"), post)
                self.add(holding, term(PROV, "wasDerivedFrom"), self.doc)
                self._role_and_ministry(holding, label, office, term(ORG, "organization"))
                if office is not None:
                    for mention in _closest_pair(office.mentions, person.mentions, HOLDING_REACH):
                        self.annotate(holding, mention)
            if person.party:
                fractie = self._fractie_node(person.party)
                membership = NamedNode(self.mint.membership(member.value, fractie.value))
                self.add(membership, TYPE, term(PG, "FractieMembership"))
                self.add(membership, TYPE, term(ORG, "Membership"))
                self.add(membership, term(ORG, "member"), member)
                self.add(membership, term(ORG, "organization"), fractie)
                self.add(membership, term(PROV, "wasDerivedFrom"), self.doc)

    # --- organisations, councils, meetings ----------------------------------------------------

    def _fractie_node(self, label: str, aliases: Iterable[str] = ()) -> NamedNode:
        node = NamedNode(self.mint.party(label))
        self.add(node, TYPE, term(PG, "Fractie"))
        self.labelled(node, label, aliases)
        return node

    def _party(self, entity: Entity) -> None:
        assert isinstance(entity, Party)
        self.mentioned(self._fractie_node(entity.label, entity.aliases), entity)

    def _organisation(self, entity: Entity) -> None:
        assert isinstance(entity, Organisation)
        node = NamedNode(self.mint.organisation(entity.label))
        self.add(node, TYPE, term(PG, "Organisation"))
        self.labelled(node, entity.label, entity.aliases)
        self.mentioned(node, entity)

    def _council_node(self, label: str, council: Council | None = None) -> NamedNode:
        node = NamedNode(self.mint.council(label))
        self.add(node, TYPE, term(PG, "Council"))
        self.labelled(node, label, council.aliases if council else ())
        if council is not None:
            if council.parent:
                self.add(node, term(ORG, "subOrganizationOf"), self._council_node(council.parent))
            if council.iri and council.iri.startswith(CORPORATE_BODY):
                self.add(node, EXACT_MATCH, NamedNode(council.iri))
        return node

    def _council(self, entity: Entity) -> None:
        assert isinstance(entity, Council)
        self.mentioned(self._council_node(entity.label, entity), entity)

    def _meeting(self, entity: Entity) -> None:
        assert isinstance(entity, Meeting)
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", entity.start):
            return
        node = NamedNode(self.mint.meeting(entity.council, entity.start))
        self.add(node, TYPE, term(PG, "Meeting"))
        self.labelled(node, entity.label)
        self.add(node, term(PG, "meetingOf"), self._council_node(entity.council))
        self.add(node, term(SCHEMA, "startDate"), Literal(entity.start, datatype=DATE))
        if entity.end and entity.end > entity.start and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", entity.end):
            self.add(node, term(SCHEMA, "endDate"), Literal(entity.end, datatype=DATE))
        self.add(node, term(PG, "informal"), Literal("true" if entity.informal else "false", datatype=BOOLEAN))
        self.mentioned(node, entity)

    # --- acts and motions ---------------------------------------------------------------------

    def _act(self, entity: Entity) -> None:
        assert isinstance(entity, Legislation)
        node = NamedNode(self.mint.act(entity))
        self.add(node, TYPE, term(ELI, "LegalResource"))
        self.labelled(node, entity.label, entity.aliases)
        kind = concept("act-kind", entity.kind, ACT_KINDS)
        if kind is not None:
            self.add(node, term(DCTERMS, "type"), kind)
        if entity.celex and iris.CELEX.fullmatch(entity.celex):
            self.add(node, term(PG, "celex"), text_literal(entity.celex))
            self.add(node, EXACT_MATCH, NamedNode(iris.EU_CELEX + entity.celex))
            eli = entity.eli if entity.eli and entity.eli.startswith(iris.EU_ELI) else iris.eli_of_celex(entity.celex)
            if eli:
                self.add(node, EXACT_MATCH, NamedNode(eli))
        if entity.proposal_celex and iris.CELEX.fullmatch(entity.proposal_celex):
            self.add(node, term(PG, "proposalCelex"), text_literal(entity.proposal_celex))
            self.add(node, RELATED_MATCH, NamedNode(iris.EU_CELEX + entity.proposal_celex))
        if entity.bwb and iris.BWB.fullmatch(entity.bwb):
            self.add(node, term(PG, "bwb"), text_literal(entity.bwb))
            self.add(node, term(FOAF, "page"), NamedNode(iris.BWB_PAGE + entity.bwb))
        if entity.com and re.match(r"(COM|JOIN|SEC|SWD)\([0-9]{4}\) ?[0-9]+", entity.com):
            self.add(node, term(PG, "comNumber"), text_literal(entity.com))
        self.mentioned(node, entity)

    def _motion(self, entity: Entity) -> None:
        assert isinstance(entity, Motion)
        node = NamedNode(self.mint.motion(entity))
        self.add(node, TYPE, term(OPENGOV, "Motion"))
        self.labelled(node, entity.label)
        for surname in entity.submitters:
            self.add(node, term(PG, "submitter"), self._person_node(surname))
        if entity.kamerstuk and iris.kamerstuk_key(entity.kamerstuk):
            self.add(node, term(PG, "publishedAs"), self._kamerstuk(entity.kamerstuk))
        status = concept("motion-status", entity.status, MOTION_STATUSES)
        if status is not None:
            self.add(node, term(PG, "status"), status)
        if entity.topic:
            self.add(node, term(DCTERMS, "description"), nl(entity.topic))
        self.mentioned(node, entity)

    def _inbreng(self) -> None:
        """Fracties listed right after an act: a pg:Inbreng node, evidenced by the act and each name."""
        parties = sorted((m, e) for e in self.extraction.entities if isinstance(e, Party) for m in e.mentions)
        if not parties:
            return
        starts = [m.start for m, _ in parties]
        for act in (e for e in self.extraction.entities if isinstance(e, Legislation)):
            act_iri = self.mint.act(act)
            for act_mention in act.mentions:
                chain = _list_after(act_mention, parties, bisect.bisect_left(starts, act_mention.end))
                if not chain:
                    continue
                node = NamedNode(self.mint.inbreng(self.key, act_iri))
                self.add(node, TYPE, term(PG, "Inbreng"))
                self.add(node, term(PG, "about"), NamedNode(act_iri))
                self.add(node, term(PROV, "wasDerivedFrom"), self.doc)
                self.annotate(node, act_mention)
                for mention, party in chain:
                    self.add(node, term(PG, "fractie"), NamedNode(self.mint.party(party.label)))
                    self.annotate(node, mention)


def _role_of(label: str) -> str | None:
    """The role a post label starts with, for a post known only by its label."""
    words = fold(label).split()
    if not words:
        return None
    return words[0] if words[0] in ROLES else None


def _closest_pair(first: list[Mention], second: list[Mention], reach: int) -> tuple[Mention, ...]:
    """The two mentions, one from each list, that stand closest together within ``reach``."""
    best: tuple[int, Mention, Mention] | None = None
    for a in first:
        for b in second:
            gap = max(a.start, b.start) - min(a.end, b.end)
            if 0 <= gap <= reach and (best is None or (gap, a, b) < best):
                best = (gap, a, b)
    return () if best is None else (best[1], best[2])


def _list_after(act: Mention, parties: list[tuple[Mention, Party]], first: int) -> list[tuple[Mention, Party]]:
    """The run of fractie mentions from index ``first`` that starts right after ``act``, each close to the last."""
    chain: list[tuple[Mention, Party]] = []
    end, reach = act.end, FIRST_FRACTIE_GAP
    for mention, party in parties[first:]:
        if mention.start - end > reach or mention.start < end:
            break
        chain.append((mention, party))
        end, reach = mention.end, NEXT_FRACTIE_GAP
    return chain
