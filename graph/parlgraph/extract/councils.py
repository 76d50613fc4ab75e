"""Councils (JBZ-Raad, Coreper, Ministerraad, ...) and the meetings of them that a document names.

A council is only ever created from its explicit name in the gazetteer: "de Raad" on its own is
anaphoric and ambiguous (the Council of the EU, the council just named, a co-legislator in an act's
title), so it yields nothing. A meeting is a council name directly followed by a date or date range
("JBZ-Raad van 19 en 20 oktober 2023", "Coreper van 25 juli jl.", "Raad Buitenlandse Zaken d.d.
13 november 2023"), plus, in a Ministerraad besluitenlijst, the meetings it records ("vergadering
gehouden op 10 november 2023", "Zie MR 3 november 2023"). A date without a year takes the year that
puts it nearest the document's date, or before it when marked "jl.", after it when marked "a.s.".
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TypeVar, cast

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.text import DATE, MONTH_PATTERN, MONTHS, fold, slugify
from parlgraph.gazetteers import load, split
from parlgraph.models import Council, Meeting, Mention

_DAY = r"[0-3]?\d"
_YEAR = r"(?:19|20)\d\d"
_RANGE_SEP = r"(?:\s*[-\u2010\u2011\u2013\u2014/]\s*|\s+(?:en|tot\s+en\s+met|t/m)\s+)"
# "19 en 20 oktober 2023", "20–21 juli", "30 november en 1 december", "28 september 2023 jl.": one
# date or a range; the first date has its own month only in a range that crosses months.
DATE_RANGE = (
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{MONTH_PATTERN})\.?(?:\s+(?P<y1>{_YEAR}))?(?={_RANGE_SEP}{_DAY}\s))?"
    rf"(?:{_RANGE_SEP}(?P<d2>{_DAY}))?\s+(?P<m2>{MONTH_PATTERN})\b\.?(?:\s+(?P<y2>{_YEAR})\b)?"
    r"(?:\s+(?:(?P<past>jl\b\.?)|(?P<next>a\.s\.)))?"
)
# What may stand between a council's name and its meeting's date.
_TAIL = re.compile(
    r"(?:\s*\([A-Z][\w&/ -]{0,30}\))?"  # "(JBZ)", "(Defensie)", "(JBZ-Raad)"
    r"(?:\s+(?:Handel|Defensie|Ontwikkelingssamenwerking|Cohesie)\b)?"  # a formation of the council
    r"(?:\s*,\s*|\s+\(?(?:(?:van|op|d\.\s?d\.|dd\.?|gehouden\s+op|die\s+(?:op|van)|"
    r"(?:die\s+)?(?:plaatsvindt|plaatsvond|zal\s+plaatsvinden)\s+op|(?:vindt|vond)\s+plaats\s+op"
    r"|(?:die\s+)?(?:wordt|werd)\s+gehouden\s+op)\s+)?)"
    + DATE_RANGE,
    re.IGNORECASE,
)
# In a Ministerraad besluitenlijst: the meeting it records and the earlier meetings it refers to.
_MR_MEETING = re.compile(
    r"(?:\bvergadering(?:\s+gehouden)?\s+(?:op|van)|(?<![\w-])(?-i:MR))\s+" + DATE_RANGE, re.IGNORECASE
)
_MR_HEAD = 1500  # a besluitenlijst says what it is in its first lines
# The Ministerraad as a heading line of its own: a committee's "besluitenlijst procedurevergadering" that
# merely mentions the Ministerraad records no meeting of it.
_MR_DOC = re.compile(r"^[ \t]*ministerraad[ \t]*$", re.IGNORECASE | re.MULTILINE)
_RECORD_DOC = re.compile(r"\b(?:besluitenlijst|notulen)\b", re.IGNORECASE)
# "informele JBZ-Raad", "informele bijeenkomst van de Raad Justitie en Binnenlandse Zaken"
_INFORMAL = re.compile(r"\binformele?\s+(?:bijeenkomst\s+van\s+de\s+)?$", re.IGNORECASE)
# "vaste commissie voor Immigratie en Asiel / JBZ-Raad": a parliamentary committee, not the council.
_COMMITTEE = re.compile(r"\bcommissie\b[^.\n]{0,60}/\s*$", re.IGNORECASE)
# "het commissiedebat Landbouw- en Visserijraad van 4 december": the date is the debate's, whose name
# is the council's; "het debat over de JBZ-Raad van 19 oktober" dates the council itself.
_DEBATE = re.compile(r"\b\w*(?:debat|overleg)\s+$", re.IGNORECASE)
# "de Eurogroep en de Ecofinraad van 20 en 21 januari": two councils that share the date after the last.
_COORDINATED = re.compile(r"\s+en\s+(?:de\s+|het\s+)?", re.IGNORECASE)
# "Europese Raad voor Vluchtelingen en Ballingen": another body named after the council.
_OTHER_BODY = re.compile(r"\s+voor\s+[A-Z]")
# "Op 4 oktober jl. agendeerde het Voorzitterschap een compromisvoorstel voor het Comité van Permanente
# Vertegenwoordigers": a sentence that opens with a date and then, in the same clause, names a council
# (without a date of its own) dates a meeting of that council.
_DATED_OPENING = re.compile(r"(?:^|(?<=[.!?]\s))[ \t]*Op\s+" + DATE_RANGE, re.IGNORECASE | re.MULTILINE)
_MAX_CLAUSE = 120
# What ends the date's clause, or makes the council a mere time marker ("voorafgaand aan de JBZ-Raad").
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?()]|\n\s*\n|\b(?:dat|die|omdat|nadat|zodat|wanneer|waar\w*|voorafgaand\w*|na|afloop|aanloop"
    r"|voorbereiding|sinds|vóór)\b",
    re.IGNORECASE,
)
_LOOKBEHIND = 80
_MAX_MEETING_DAYS = 5  # a longer "range" is two dates, not one meeting


@dataclass(frozen=True, slots=True)
class CouncilInfo:
    label: str
    aliases: tuple[str, ...]
    parent: str | None
    iri: str | None
    meets: bool


def _key(text: str) -> str:
    """How a written name is looked up: folded, letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


def _alias_pattern(alias: str) -> str:
    """A regex for a written name: spaces match any white space, a hyphen also a space."""
    out = []
    for part in re.split(r"(\s*[-,]\s*|\s+)", alias):
        if not part.strip():
            out.append(r"\s+" if part else "")
        elif part.strip() == ",":
            out.append(r"\s*,\s*")
        elif part.strip() == "-":
            out.append(r"[-\u2010\u2011]\s+" if part != part.rstrip() else r"(?:[-\u2010\u2011]\s*|\s+)")
        else:
            out.append(re.escape(part))
    return "".join(out)


@cache
def _gazetteer() -> tuple[dict[str, CouncilInfo], re.Pattern[str]]:
    """Councils by the key of each written name, and one regex matching any of the names."""
    by_key: dict[str, CouncilInfo] = {}
    forms: list[tuple[str, bool]] = []
    for row in load("councils"):
        aliases, acronyms = split(row["aliases"]), split(row["acronyms"])
        info = CouncilInfo(
            label=row["label"],
            aliases=tuple(aliases + acronyms),
            parent=row["parent"] or None,
            iri=row["iri"] or None,
            meets=row["meets"] == "yes",
        )
        for name in (row["label"], *aliases, *acronyms):
            by_key[_key(name)] = info
        forms += [(a, False) for a in [row["label"], *aliases]] + [(a, True) for a in acronyms]
    forms.sort(key=lambda f: len(f[0]), reverse=True)
    alternatives = (_alias_pattern(a) if exact else f"(?i:{_alias_pattern(a)})" for a, exact in dict(forms).items())
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?!\w)")
    return by_key, pattern


def _reference_date(facts: DocFacts) -> dt.date | None:
    """The document's date, or else the first full date it contains."""
    if facts.info.date:
        try:
            return dt.date.fromisoformat(facts.info.date[:10])
        except ValueError:
            pass
    for m in DATE.finditer(facts.view.text):
        if m.group("year"):
            if found := _safe_date(int(m.group("year")), _month(m.group("month")), int(m.group("day"))):
                return found
    return None


def _month(name: str) -> int:
    """The number of a month name the DATE patterns matched (folded: IGNORECASE also matches "ſept")."""
    return MONTHS.get(fold(name).rstrip("."), 0)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (month 0 included)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: dt.date, past: bool, upcoming: bool) -> dt.date | None:
    """A year-less date placed relative to the document's date."""
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if past:
        candidates = [d for d in candidates if d <= ref] or candidates
    elif upcoming:
        candidates = [d for d in candidates if d >= ref] or candidates
    return min(candidates, key=lambda d: abs((d - ref).days), default=None)


def _dates(m: re.Match[str], ref: dt.date | None) -> tuple[dt.date, dt.date | None] | None:
    """(start, end) of a DATE_RANGE match, or None when it is no real date or its year is unknown."""
    month2 = _month(m.group("m2"))
    month1 = _month(m.group("m1")) if m.group("m1") else month2
    y1, y2 = m.group("y1"), m.group("y2")
    day1, day2 = int(m.group("d1")), int(m.group("d2")) if m.group("d2") else None
    if y1 or y2:
        start = _safe_date(int(y1 or y2), month1, day1)
        if start and not y1 and day2 and month1 > month2:  # "30 december en 1 januari 2024"
            start = _safe_date(start.year - 1, month1, day1)
    elif ref:
        start = _year_for(month1, day1, ref, bool(m.group("past")), bool(m.group("next")))
    else:
        return None
    if start is None:
        return None
    end = None
    if day2 is not None:
        end = _safe_date(int(y2) if y2 else start.year, month2, day2)
        if end and end < start and not y2:
            end = _safe_date(start.year + 1, month2, day2)
        if end is None or not 0 < (end - start).days <= _MAX_MEETING_DAYS:
            end = None
    return start, end


_E = TypeVar("_E", Council, Meeting)


class _Recorder:
    """Adds councils and meetings to the facts, extending the entity already made for a repeated sighting.

    Handing the blackboard the same object again records the sighting without a merge, which keeps a
    document with thousands of mentions of one council linear.
    """

    def __init__(self, facts: DocFacts) -> None:
        self.facts = facts
        self.known: dict[str, tuple[Council | Meeting, set[Mention]]] = {}

    def _record(self, entity: _E, start: int, end: int) -> _E:
        mention = self.facts.view.mention(start, end)
        if entity.id not in self.known:
            entity.mentions.append(mention)
            self.facts.add(entity, start, end)
            self.known[entity.id] = (entity, {mention})
            return entity
        _, seen = self.known[entity.id]
        if mention not in seen:
            seen.add(mention)
            entity.mentions.append(mention)
        self.facts.add(entity, start, end)
        return entity

    def _council(self, info: CouncilInfo) -> Council:
        ident = f"council:{slugify(info.label)}"
        if ident in self.known:
            return cast(Council, self.known[ident][0])
        return Council(id=ident, label=info.label, aliases=list(info.aliases), parent=info.parent, iri=info.iri)

    def council(self, info: CouncilInfo, start: int, end: int) -> None:
        self._record(self._council(info), start, end)

    def implied_council(self, info: CouncilInfo) -> None:
        """A council known only from a meeting of it: an entity with no sighting of its own."""
        council = self._council(info)
        if council.id not in self.known:
            self.facts.add(council)
            self.known[council.id] = (council, set())

    def meeting(
        self, info: CouncilInfo, dates: tuple[dt.date, dt.date | None], informal: bool, start: int, end: int
    ) -> None:
        first, last = dates
        ident = f"meeting:{slugify(info.label)}:{first.isoformat()}"
        entity = cast(Meeting, self.known[ident][0]) if ident in self.known else Meeting(
            id=ident,
            label=f"{info.label} {first.isoformat()}" + (f"/{last.isoformat()}" if last else ""),
            council=info.label,
            start=first.isoformat(),
            end=last.isoformat() if last else None,
        )
        meeting = self._record(entity, start, end)
        meeting.informal = meeting.informal or informal
        meeting.end = meeting.end or (last.isoformat() if last else None)


def _is_minutes_of_ministerraad(facts: DocFacts) -> bool:
    head = facts.view.text[:_MR_HEAD]
    kind = (facts.info.kind or "").lower()
    return bool(_MR_DOC.search(head)) and (kind == "besluitenlijst" or bool(_RECORD_DOC.search(head)))


def _dated_opening(
    openings: list[re.Match[str]], ends: list[int], text: str, at: int
) -> re.Match[str] | None:
    """The "Op <date>" that opens the clause in which a council is named at ``at``, if any."""
    i = bisect_right(ends, at) - 1
    if i < 0 or at - ends[i] > _MAX_CLAUSE or _CLAUSE_BREAK.search(text, ends[i], at):
        return None
    return openings[i]


def _shared_tail(text: str, sightings: list[re.Match[str]], i: int) -> re.Match[str] | None:
    """The date after the next council name when this one is coordinated with it ("X en de Y van <date>")."""
    if i + 1 == len(sightings):
        return None
    link = _COORDINATED.match(text, sightings[i].end())
    if not link or link.end() != sightings[i + 1].start():
        return None
    return _TAIL.match(text, sightings[i + 1].end())


def find_councils(facts: DocFacts) -> None:
    by_key, names = _gazetteer()
    text = facts.view.text
    ref = _reference_date(facts)
    record = _Recorder(facts)
    openings = list(_DATED_OPENING.finditer(text))
    opening_ends = [o.end() for o in openings]
    sightings = list(names.finditer(text))
    for i, m in enumerate(sightings):
        before = text[max(0, m.start() - _LOOKBEHIND):m.start()]
        if _COMMITTEE.search(before) or _OTHER_BODY.match(text, m.end()):
            continue
        info = by_key.get(_key(m.group()))
        if info is None:  # a case-insensitive match of an exotic letter that folds to no known name
            continue
        record.council(info, m.start(), m.end())
        if not info.meets or _DEBATE.search(before):
            continue
        informal = bool(_INFORMAL.search(before))
        tail = _TAIL.match(text, m.end()) or _shared_tail(text, sightings, i)
        if tail:
            if dates := _dates(tail, ref):
                record.meeting(info, dates, informal, m.start(), tail.end())
        elif opening := _dated_opening(openings, opening_ends, text, m.start()):
            if dates := _dates(opening, ref):
                record.meeting(info, dates, informal, opening.start(), m.end())
    if _is_minutes_of_ministerraad(facts):
        ministerraad = by_key[_key("Ministerraad")]
        for m in _MR_MEETING.finditer(text):
            if dates := _dates(m, ref):
                record.implied_council(ministerraad)
                record.meeting(ministerraad, dates, False, m.start(), m.end())
