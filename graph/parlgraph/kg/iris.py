"""Deterministic IRIs: every node's IRI is a pure function of a normalised key and the base.

Two documents that name the same Kamerstuk, person, act, council or motion mint the same IRI,
which is all cross-document resolution needs. Keys follow ontology/README.md, "Identifiers".
Vocabulary terms (pg:, dockind:, role: ...) live under a fixed namespace and do not move with
the base; only instance data does.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

from parlgraph.extract.text import slugify
from parlgraph.models import Legislation, Motion

KST_ID = re.compile(r"kst-[0-9]+(?:-[A-Za-z0-9]+)?-[A-Za-z0-9]+")
CELEX = re.compile(r"[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()]+")
BWB = re.compile(r"BWB[RV][0-9]{7}")
TOOI_MINISTRY = re.compile(r"https://identifier\.overheid\.nl/tooi/id/ministerie/mnre[0-9]{4}")
# The CELEX sector-3 type letter and the ELI type segment it corresponds to.
ELI_TYPES = {"R": "reg", "L": "dir", "D": "dec"}
CELEX_ACT = re.compile(r"3(?P<year>[0-9]{4})(?P<type>[RLD])(?P<number>[0-9]{4})")

EU_CELEX = "http://publications.europa.eu/resource/celex/"
EU_ELI = "http://data.europa.eu/eli/"
KST_PAGE = "https://zoek.officielebekendmakingen.nl/"
BWB_PAGE = "https://wetten.overheid.nl/"


def document_key(source: str) -> str:
    """The key of a source document: its file name without extension, made IRI-safe."""
    stem = PurePath(source).stem
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "document"


def kamerstuk_key(ident: str) -> str | None:
    return ident if KST_ID.fullmatch(ident) else None


def eli_of_celex(celex: str) -> str | None:
    """The ELI of an adopted EU regulation, directive or decision: 32024R1351 -> .../reg/2024/1351/oj."""
    match = CELEX_ACT.fullmatch(celex)
    if match is None:
        return None
    number = str(int(match["number"]))
    return f"{EU_ELI}{ELI_TYPES[match['type']]}/{match['year']}/{number}/oj"


def act_key(act: Legislation) -> str:
    """CELEX, else BWB id, else proposal CELEX, else the slug of the label: the most stable key the act has."""
    if act.celex and CELEX.fullmatch(act.celex):
        return act.celex
    if act.bwb and BWB.fullmatch(act.bwb):
        return act.bwb
    if act.proposal_celex and CELEX.fullmatch(act.proposal_celex):
        return act.proposal_celex
    return slug(act.label)


def motion_key(motion: Motion) -> str:
    """The kst id of the paper carrying the motion, else the first submitter and the topic."""
    if motion.kamerstuk and KST_ID.fullmatch(motion.kamerstuk):
        return motion.kamerstuk
    first = slug(motion.submitters[0] if motion.submitters else motion.label)
    topic = f"-{short_hash(slugify(motion.topic))}" if motion.topic else ""
    return f"{first}{topic}"


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=1 << 14)  # names recur across documents; folding is the costly part
def slug(text: str) -> str:
    """The slug of a label; a hash for a label with no letters or digits, so no IRI ends in "/"."""
    return slugify(text) or f"x{short_hash(text)}"


@dataclass(frozen=True, slots=True)
class Minter:
    """The IRIs of one build, under one base (ending in "/")."""

    base: str

    def document(self, key: str) -> str:
        return f"{self.base}document/{key}"

    def footnote(self, doc_key: str, number: str) -> str:
        return f"{self.document(doc_key)}/footnote/{re.sub(r'[^A-Za-z0-9]+', '', number) or '0'}"

    def inbreng(self, doc_key: str, act_iri: str) -> str:
        return f"{self.document(doc_key)}/inbreng/{act_iri.rsplit('/', 1)[-1]}"

    def kamerstuk(self, kst_id: str) -> str:
        return f"{self.base}kamerstuk/{kst_id}"

    def dossier(self, number: str) -> str:
        return f"{self.base}dossier/{number}"

    def person(self, surname: str) -> str:
        return f"{self.base}person/{slug(surname)}"

    def post(self, label: str) -> str:
        return f"{self.base}post/{slug(label)}"

    def council(self, label: str) -> str:
        return f"{self.base}council/{slug(label)}"

    def meeting(self, council_label: str, start: str) -> str:
        return f"{self.base}meeting/{slug(council_label)}/{start}"

    def act(self, act: Legislation) -> str:
        return f"{self.base}act/{act_key(act)}"

    def motion(self, motion: Motion) -> str:
        return f"{self.base}motion/{motion_key(motion)}"

    def party(self, label: str) -> str:
        return f"{self.base}party/{slug(label)}"

    def organisation(self, label: str) -> str:
        return f"{self.base}organisation/{slug(label)}"

    def holding(self, person_iri: str, post_iri: str) -> str:
        return f"{self.base}holding/{_tail(person_iri)}/{_tail(post_iri)}"

    def membership(self, person_iri: str, party_iri: str) -> str:
        return f"{self.base}membership/{_tail(person_iri)}/{_tail(party_iri)}"

    def annotation(self, doc_key: str, start: int, end: int, body: str) -> str:
        return f"{self.base}annotation/{doc_key}/{start}-{end}-{short_hash(body)}"

    def owned_by(self, document_iri: str) -> tuple[str, ...]:
        """The prefixes of every IRI minted for this document alone, besides its own: its footnotes and
        inbreng, its annotations and their parts. No other document's graph says anything about those."""
        key = document_iri.removeprefix(self.document(""))
        return (f"{document_iri}/", f"{self.base}annotation/{key}/")

    def run(self, version: str, sha256: str | None, doc_key: str) -> str:
        """One extraction run per (parlgraph version, exact text): no clock, no randomness."""
        return f"{self.base}run/{version}-{sha256 or short_hash(doc_key)}"

    def agent(self, version: str) -> str:
        return f"{self.base}agent/parlgraph/{version}"

    def graph(self, name: str) -> str:
        return f"{self.base}graph/{name}"


def _tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]
