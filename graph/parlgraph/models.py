"""The facts parlgraph extracts: plain dataclasses that are the JSON contract of `parlgraph extract`.

Every entity has a ``type``, a document-stable ``id``, a ``label`` and ``mentions``. Mention
offsets always index the ORIGINAL text of the document (``text[m.start:m.end] == m.text``); the
extractors read a cleaned view and map back with :meth:`parlgraph.ingest.textview.TextView.mention`.

One document's mentions of the same thing become one entity: :meth:`Entity.absorb` merges a
later sighting into the first one.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A stretch of text that supports a fact: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class DocumentInfo:
    """What a document says about itself."""

    date: str | None = None  # ISO date: "Den Haag, 18 september 2023"
    kind: str | None = None  # brief, geannoteerde agenda, verslag, verslag schriftelijk overleg, besluitenlijst, ...
    self_id: str | None = None  # its own Kamerstuk id, "kst-32317-OG"; "self" in JSON
    title: str | None = None
    dossier: str | None = None  # the dossier it belongs to, "32317"
    dossier_title: str | None = None  # "JBZ-Raad"

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "kind": self.kind,
            "self": self.self_id,
            "title": self.title,
            "dossier": self.dossier,
            "dossier_title": self.dossier_title,
        }


@dataclass(slots=True, kw_only=True)
class Entity:
    """Something a document refers to. Subclasses add typed fields and set ``type``."""

    type: ClassVar[str] = "entity"
    id: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    def absorb(self, other: Entity) -> None:
        """Take another sighting of the same thing: its mentions, and any field still empty here."""
        seen = set(self.mentions)
        self.mentions.extend(m for m in other.mentions if m not in seen)
        self.merge_fields(other)

    def merge_fields(self, other: Entity) -> None:
        """Fill this entity's empty fields from another sighting, and extend its lists."""
        for f in dataclasses.fields(self):
            if f.name in ("id", "label", "mentions"):
                continue
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, list):
                mine.extend(x for x in theirs if x not in mine)
            elif mine in (None, "", False) and theirs not in (None, "", False):
                setattr(self, f.name, theirs)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "mentions":
                value = [{"start": m.start, "end": m.end, "text": m.text} for m in sorted(value)]
            out[f.name] = value
        return out


@dataclass(slots=True, kw_only=True)
class Kamerstuk(Entity):
    """A cited parliamentary paper, normalised to ``kst-{dossier}[-{toevoeging}]-{number}``."""

    type: ClassVar[str] = "kamerstuk"
    dossier: str
    toevoeging: str | None = None  # begroting chapter or sub-dossier: "VI", "A", "02"
    number: str  # ondernummer; Eerste Kamer letters ("B", "OC") too
    chamber: str | None = None  # "I" or "II" when written
    vergaderjaar: str | None = None  # "2022-2023" when written
    co_dossiers: list[str] = field(default_factory=list)  # "26643/34843": the 34843


@dataclass(slots=True, kw_only=True)
class UnresolvedCitation(Entity):
    """Text that looks like a citation but cannot be normalised: reported, never dropped."""

    type: ClassVar[str] = "unresolved_citation"
    reason: str


@dataclass(slots=True, kw_only=True)
class Footnote(Entity):
    """A footnote: its number, its text, where the body points to it, and what it cites.

    ``mentions`` holds the note's own text first, then each marker in the body.
    """

    type: ClassVar[str] = "footnote"
    number: str
    text: str
    cites: list[str] = field(default_factory=list)  # kst ids cited in the note


@dataclass(slots=True, kw_only=True)
class Person(Entity):
    type: ClassVar[str] = "person"
    name: str  # the fullest form seen: "D. Yeşilgöz-Zegerius"
    surname: str  # with tussenvoegsel: "van der Burg"
    offices: list[str] = field(default_factory=list)  # labels of posts the document shows them holding
    roles: list[str] = field(default_factory=list)  # "lid", "voorzitter", "griffier", ...
    party: str | None = None


@dataclass(slots=True, kw_only=True)
class Office(Entity):
    """A government post, with its canonical label: "Minister van Justitie en Veiligheid"."""

    type: ClassVar[str] = "office"
    role: str  # "minister", "staatssecretaris", "minister-president"
    ministry: str | None = None  # "Justitie en Veiligheid"
    tooi: str | None = None  # the ministry's TOOI IRI
    portfolio: str | None = None  # a minister without a ministry: "Rechtsbescherming"


@dataclass(slots=True, kw_only=True)
class Council(Entity):
    type: ClassVar[str] = "council"
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # "Raad van de Europese Unie" for its configurations
    iri: str | None = None  # an authority IRI when one exists


@dataclass(slots=True, kw_only=True)
class Meeting(Entity):
    type: ClassVar[str] = "meeting"
    council: str  # the council's label
    start: str  # ISO date
    end: str | None = None
    informal: bool = False


@dataclass(slots=True, kw_only=True)
class Legislation(Entity):
    """An EU or Dutch act or proposal; a proposal the gazetteer knows is merged with the act it became."""

    type: ClassVar[str] = "legislation"
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None  # verordening, richtlijn, besluit, wet, verdrag, voorstel
    celex: str | None = None
    eli: str | None = None
    bwb: str | None = None
    com: str | None = None  # "COM(2022) 209"
    proposal_celex: str | None = None  # the CELEX of the proposal an adopted act came from
    articles: list[str] = field(default_factory=list)  # "273g" from "artikel 273g Wetboek van Strafrecht"


@dataclass(slots=True, kw_only=True)
class Motion(Entity):
    type: ClassVar[str] = "motion"
    submitters: list[str]  # surnames, in order
    kamerstuk: str | None = None
    status: str | None = None  # aangenomen, verworpen, aangehouden, niet uitvoeren, uitgevoerd, gewijzigd
    topic: str | None = None  # "over het onmogelijk maken van verdergaande chatcontrol"


@dataclass(slots=True, kw_only=True)
class Party(Entity):
    type: ClassVar[str] = "party"
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Organisation(Entity):
    type: ClassVar[str] = "organisation"
    aliases: list[str] = field(default_factory=list)


ENTITY_TYPES: dict[str, type[Entity]] = {
    cls.type: cls
    for cls in (
        Kamerstuk, UnresolvedCitation, Footnote, Person, Office, Council, Meeting, Legislation, Motion, Party,
        Organisation,
    )
}


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document: one line of ``parlgraph extract --format jsonl``."""

    source: str
    document: DocumentInfo
    entities: list[Entity]
    sha256: str | None = None  # of the document's text, for provenance and incremental builds

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "document": self.document.to_json(),
            "entities": [e.to_json() for e in self.entities],
        }

    def of_type(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.type == kind]
