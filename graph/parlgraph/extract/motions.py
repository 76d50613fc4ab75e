"""Motions (moties) and who submitted them, linked to their Kamerstuk.

A motion is named by its submitters: "de motie van het lid Van Raan c.s.", "de motie Van Nispen en
Simons", "de motie-Van Aalst/Remco Dijkstra", "de moties Ceder". Its Kamerstuk is found where the
text puts it: in the footnote whose marker stands right after the name ("c.s.7"), or in the first
citation later in the same sentence ("(Kamerstuk 26643, nr. 1011)"), unless another paper
("brief", "verslag", ...) is named in between.

Resolution works like a citator's short-form pass: every sighting is collected first, then a
sighting without a Kamerstuk ("de motie Van Ginneken") joins the motion with the same first
submitter that the document cites most recently before it (or the only one it cites at all).
"deze motie" and other bare mentions join the motion named just before them in the same paragraph;
a bare "de motie" that resolves to nothing is not a motion of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from parlgraph.extract.facts import DocFacts, Located
from parlgraph.extract.footnotes import note_for_marker_near
from parlgraph.extract.text import fold, person_id, slugify
from parlgraph.models import Entity, Footnote, Motion, Person

# White space within a motion's name may wrap onto the next line but never cross a blank line: a
# heading ("Uitvoering moties") is not named by the paragraph under it ("De motie van ...").
_GAP = r"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?"
_OPT_GAP = r"[^\S\n]*(?:\n[^\S\n]*)?"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f'\u2019"
# Tussenvoegsels, longest first so "van der" wins over "van".
_TUSSEN = (
    rf"(?:[Vv]an{_GAP}(?:der|den|de|het|'t)|[Ii]n{_GAP}'t|[Oo]p{_GAP}den?|[Uu]it{_GAP}den?"
    r"|[Vv]an|[Dd]e[nr]?|[Tt]e[nr]?|'t|[Vv]on|[Ee]l|[Ll][ae]|[Dd]u)"
)
# A tussenvoegsel or article standing alone, capitalised at a sentence start, is never a surname ("De").
_PARTICLE = r"(?:De|Den|Der|Het|Van|Te|Ten|Ter|Op|In|Uit|Von|El|La|Le|Du)"
# Capitalised words after "motie" that are not names: sentence starts and the nouns around motions.
_NOT_NAME = (
    r"(?!(?:Kamer|Kamerstuk|Kamerstukken|Kamerlid|Kamerleden|Tweede|Eerste|Het|Een|Deze|Dit|Die|Dat|Daarnaast|Ook|"
    r"Zie|Nederland|Europese|Europees|Regering|Kabinet|Staten|Minister|Staatssecretaris|Commissie|Raad|Verordening|"
    r"Richtlijn|Wet|Motie|Moties|Antwoord|Vraag|Vragen)(?![{low}]))(?!{particle}(?![{low}-]))"
).format(low=_LOW, particle=_PARTICLE)
_WORD = rf"{_NOT_NAME}(?:IJ|[{_UP}])[{_LOW}]+(?:-(?:IJ|[{_UP}])?[{_LOW}]+)*(?![{_UP}{_LOW}\d])"
# A first name is written only to tell two members apart ("Jasper van Dijk", "Remco Dijkstra").
_FIRST = rf"(?!{_TUSSEN}\s)(?P<first>{_WORD}){_GAP}(?=(?:{_TUSSEN}{_GAP})?{_WORD})"
_NAME = rf"(?:{_FIRST})?(?P<surname>(?:{_TUSSEN}{_GAP})?{_WORD})"
NAME = re.compile(_NAME)
_ANY_NAME = re.sub(r"\(\?P<\w+>", "(?:", _NAME)
_NAMES = rf"{_ANY_NAME}(?:(?:{_OPT_GAP}[,/&]{_OPT_GAP}|{_GAP}en{_GAP}){_ANY_NAME}){{0,8}}"

MOTION = re.compile(
    # The first letter comes first and the look-behind after it: a pattern that starts with a letter scans fast.
    rf"(?P<head>[Mm](?<![\w-][Mm])oties?)"
    rf"(?:-|{_GAP}(?P<intro>(?:ingediend{_GAP})?(?:van|door){_GAP}(?:het{_GAP}|de{_GAP})?(?:[Kk]amer)?(?:lid|leden){_GAP})?)"
    rf"(?P<names>{_NAMES})(?P<cs>{_GAP}c\.\s?s\.?|{_GAP}cs\b)?"
    rf"(?P<topic>\s+over\s+[^.,;:?!()]{{1,200}})?"
)
# "de aangenomen motie ...": read backwards from "motie", which is what the scan looks for.
ADJECTIVE = re.compile(r"\b(aangenomen|verworpen|aangehouden|ingetrokken|gewijzigde|uitgevoerde)\s+$")
# A motion named without submitters: only ever a further mention of one named just before.
ANAPHOR = re.compile(r"(?P<head>m(?<![\w-]m)otie)\b(?!-|\s+(?:van|over|door|ingediend)\b)")
DETERMINER = re.compile(r"\b(?:[Dd]eze|[Dd]ie|[Dd]e)(?:\s+(?P<adjective>aangenomen|genoemde|gewijzigde))?\s+$")
_ADJECTIVE_STATUS = {
    "aangenomen": "aangenomen", "verworpen": "verworpen", "aangehouden": "aangehouden", "ingetrokken": "ingetrokken",
    "gewijzigde": "gewijzigd", "uitgevoerde": "uitgevoerd",
}
# What the rest of the sentence says happened to the motion.
STATUS_AFTER = re.compile(
    r"\b(?:(?P<niet>niet\s+(?:uit\s+te\s+voeren|uitvoeren|(?:zal\s+)?(?:wordt\s+|worden\s+)?uitgevoerd))"
    r"|(?P<zal>zal\s+worden\s+uitgevoerd|uit\s+te\s+voeren)"
    r"|(?:is|wordt|werd|zijn|werden|heeft|hebben)\s+"
    r"(?P<done>aangenomen|verworpen|aangehouden|ingetrokken|uitgevoerd|gewijzigd))\b"
)
# Where a sentence or paragraph ends, or another paper is named: a citation beyond it is not the motion's.
BARRIER = re.compile(
    r"[.?!;]\s+(?=[{up}])|\n\s*\n|\bmoties?\b|\b(?:[Kk]amer)?[Bb]rie(?:f|ven)\b|\b(?:[Vv]erslag|[Aa]ntwoord(?:en)?|"
    r"[Bb]eantwoording|[Rr]eactie|[Ff]iche|[Nn]ota|[Nn]otitie|[Rr]apport|[Ww]etsvoorstel|[Bb]esluit)\b".format(up=_UP)
)
PARAGRAPH = re.compile(r"\n[ \t]*\n")
# Between citations of several motions at once: "(Kamerstuk 36 200 VI, nr. 33 en Kamerstuk 32 317, nr. 781)".
_CITATION_GLUE = re.compile(r"[\s,;]*(?:en\s+)?")
# Submitters' names recur throughout a document: fold each written form once.
_fold = lru_cache(maxsize=4096)(fold)
SENTENCE_REACH = 250  # view characters from a motion's name to a citation in the same sentence
PARAGRAPH_REACH = 400  # view characters from a named motion to "deze motie"
MARKER_REACH = 3  # a footnote marker this close after the name or topic is the motion's


@dataclass(slots=True)
class _Sighting:
    start: int
    end: int  # of the name and "c.s.": the mention
    reach: int  # of the topic too: where a citation or status may follow
    submitters: list[tuple[str, str, int, int]]  # (surname, written name, view start, view end)
    plural: bool
    kamerstukken: list[str] = field(default_factory=list)
    status: str | None = None
    topic: str | None = None
    key: str = ""  # the first submitter, folded: what short forms are resolved by

    def __post_init__(self) -> None:
        self.key = _fold(self.submitters[0][0])


def find_motions(facts: DocFacts) -> None:
    text = facts.view.text
    sightings = [s for m in MOTION.finditer(text) if (s := _sighting(text, m))]
    citations = facts.located("kamerstuk")
    citation_starts = [loc.start for loc in citations]
    for i, s in enumerate(sightings):
        limit = sightings[i + 1].start if i + 1 < len(sightings) else len(text)
        s.kamerstukken = _from_footnote(facts, s) or _from_sentence(text, s, citations, citation_starts, limit)
        s.status = s.status or _status_after(text, s.reach, limit)
    motions: dict[str, Motion] = {}
    members: dict[str, Entity] = {}
    seen: set[tuple[str, int, int]] = set()  # (id, view span): a motion or member mentioned there already
    resolve = _resolver(sightings)
    for s in sightings:
        for ident in resolve(s):
            motion = motions.get(ident) or motions.setdefault(ident, _new_motion(ident))
            _absorb(motion, s)
            if (ident, s.start, s.end) not in seen:
                seen.add((ident, s.start, s.end))
                motion.mentions.append(facts.view.mention(s.start, s.end))
                facts.add(motion, s.start, s.end)
        for surname, written, start, end in s.submitters:
            ident = person_id(surname)
            mention = facts.view.mention(start, end)
            if ident not in members:
                person = Person(id=ident, label=surname, name=written, surname=surname, roles=["lid"], mentions=[mention])
                members[ident] = facts.add(person, start, end)  # people.py may know them already
            elif (ident, start, end) not in seen:
                members[ident].mentions.append(mention)
                facts.add(members[ident], start, end)
            seen.add((ident, start, end))
    _anaphora(facts, text, {s.start for s in sightings})


def _sighting(text: str, m: re.Match[str]) -> _Sighting | None:
    base = m.start("names")
    submitters = []
    for n in NAME.finditer(m.group("names")):
        # Without "van het lid" a lower-case "van"/"de" is the preposition or article: "de motie van de Kamer",
        # "de motie Kuik en de Nederlandse regering". The names end there.
        if not m.group("intro") and n.group()[0].islower():
            break
        submitters.append((" ".join(n.group("surname").split()), " ".join(n.group().split()), base + n.start(), base + n.end()))
    if not submitters:
        return None
    complete = submitters[-1][3] == m.end("names")
    end = m.end("cs") if m.group("cs") and complete else submitters[-1][3]
    topic = m.group("topic") if complete else None
    reach = m.start("topic") + len(topic.rstrip()) if topic else end
    if topic:
        topic = " ".join(re.split(r"\n\s*\n", topic)[0].split())
    adjective = ADJECTIVE.search(text, max(0, m.start() - 20), m.start())
    return _Sighting(
        start=m.start("head"), end=end, reach=reach, submitters=submitters, plural=m.group("head").lower() == "moties",
        status=_ADJECTIVE_STATUS[adjective.group(1)] if adjective else None, topic=topic or None,
    )


def _from_footnote(facts: DocFacts, s: _Sighting) -> list[str]:
    for pos in dict.fromkeys((s.end, s.reach)):
        note = note_for_marker_near(facts, pos, MARKER_REACH)
        if isinstance(note, Footnote) and note.cites:
            return note.cites if s.plural else note.cites[:1]
    return []


def _from_sentence(text: str, s: _Sighting, citations: list[Located], starts: list[int], limit: int) -> list[str]:
    i = bisect_left(starts, s.reach)
    if i == len(citations):
        return []
    first = citations[i]
    if first.start > min(limit, s.reach + SENTENCE_REACH) or BARRIER.search(text, s.reach, first.start):
        return []
    found = [first.entity.id]
    previous = first
    for loc in citations[i + 1:] if s.plural else ():
        if loc.start < previous.end:  # one citation read as several ("nrs. 845 en 848")
            found.append(loc.entity.id)
        elif loc.start <= limit and _CITATION_GLUE.fullmatch(text, previous.end, loc.start):
            found.append(loc.entity.id)
        else:
            break
        previous = loc
    return list(dict.fromkeys(found))


def _status_after(text: str, start: int, limit: int) -> str | None:
    stop = min(limit, start + SENTENCE_REACH)
    barrier = BARRIER.search(text, start, stop)
    m = STATUS_AFTER.search(text, start, barrier.start() if barrier else stop)
    if m is None:
        return None
    if m.group("niet"):
        return "niet uitvoeren"
    return "uitvoeren" if m.group("zal") else m.group("done")


def _resolver(sightings: list[_Sighting]) -> Callable[[_Sighting], list[str]]:
    """Resolves a sighting to the ids of the motions it is about: by its own citations, else by its first submitter."""
    cited: dict[str, list[_Sighting]] = {}
    for s in sightings:
        if s.kamerstukken:
            cited.setdefault(s.key, []).append(s)
    cited_starts = {key: [o.start for o in group] for key, group in cited.items()}

    def resolve(s: _Sighting) -> list[str]:
        if s.kamerstukken:
            return [f"motion:{k}" for k in s.kamerstukken]
        group = cited.get(s.key, [])
        before = bisect_left(cited_starts.get(s.key, []), s.start)
        if before:
            return [f"motion:{group[before - 1].kamerstukken[0]}"]
        if len({k for o in group for k in o.kamerstukken}) == 1:
            return [f"motion:{group[0].kamerstukken[0]}"]
        return [f"motion:{slugify(s.submitters[0][0])}"]

    return resolve


def _new_motion(ident: str) -> Motion:
    kamerstuk = ident.removeprefix("motion:") if ident.startswith("motion:kst-") else None
    return Motion(id=ident, label="", submitters=[], kamerstuk=kamerstuk)


def _absorb(motion: Motion, s: _Sighting) -> None:
    """Take what a sighting says about a motion: submitters it did not list yet, a status, a topic."""
    known = {_fold(name) for name in motion.submitters}
    added = [surname for surname, *_ in s.submitters if _fold(surname) not in known]
    if added or not motion.label:
        motion.submitters.extend(added)
        motion.label = f"motie {' en '.join(motion.submitters)}" + (f" ({motion.kamerstuk})" if motion.kamerstuk else "")
    motion.status = motion.status or s.status
    motion.topic = motion.topic or s.topic


def _anaphora(facts: DocFacts, text: str, named: set[int]) -> None:
    """Join "deze motie" to the one motion named just before it, with whatever status the sentence gives."""
    located = facts.located("motion")
    starts = [loc.start for loc in located]
    for m in ANAPHOR.finditer(text):
        det = DETERMINER.search(text, max(0, m.start() - 25), m.start())
        i = bisect_left(starts, m.start()) - 1
        if det is None or i < 0 or m.start() in named:
            continue
        antecedent = located[i]
        if not 0 <= det.start() - antecedent.end <= PARAGRAPH_REACH or PARAGRAPH.search(text, antecedent.end, det.start()):
            continue
        if i > 0 and located[i - 1].start == antecedent.start:
            continue  # "de moties Ceder" named two: "deze motie" is neither for sure
        motion = antecedent.entity
        assert isinstance(motion, Motion)
        status = _status_after(text, m.end(), len(text))
        if det.group("adjective") in _ADJECTIVE_STATUS:
            status = status or _ADJECTIVE_STATUS[det.group("adjective")]
        motion.status = motion.status or status
        motion.mentions.append(facts.view.mention(det.start(), m.end()))
        facts.add(motion, det.start(), m.end())
