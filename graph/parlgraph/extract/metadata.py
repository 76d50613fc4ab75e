"""What a document says about itself: its date, its kind, its own Kamerstuk id, dossier and title.

Parliamentary papers announce themselves in a few fixed places: the dossier line and the
ondernummer or Eerste Kamer letter above the title ("32 317 JBZ-Raad" / "OG  BRIEF VAN DE
MINISTER ..."), the page footers ("Eerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5"), the
place and date of a letter ("Den Haag, 18 september 2023"), a ministry letterhead ("Datum",
"Onderwerp"), or the heading of a genre ("BESLUITENLIJST", "Verslag van een schriftelijk
overleg"). The kind is the document's own genre, read from its headings and, for a letter,
from what the letter says it offers ("Hierbij bieden wij uw Kamer de geannoteerde agenda aan").
"""
from __future__ import annotations

import re

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.text import DATE_PATTERN, iso_date

OPENING = 1500  # view characters in which a genre heading is the document's own title
HEAD = 8000  # view characters in which the annex headings and the letterhead are looked for

# Where a document's date stands, most telling first. Each pattern embeds DATE_PATTERN.
DATE_PLACES = tuple(
    re.compile(p + DATE_PATTERN, re.IGNORECASE)
    for p in (
        r"(?:Den\s+Haag|'s-Gravenhage|Brussel|Luxemburg),?\s{1,4}",
        r"\bDatum\s{0,4}:?\s{1,6}",
        r"\bvergadering\s+gehouden\s+op\s+",
        r"\bvergaderdatum\s{0,4}:?\s{1,6}",
    )
)
NUMERIC_DATE = re.compile(r"\bDatum\s{0,4}:?\s{1,6}([0-3]?\d)[-./]([01]?\d)[-./]((?:19|20)\d\d)\b", re.IGNORECASE)
# A dated page header or footer: "- 3 - MR 10 november 2023".
DATED_FURNITURE = re.compile(DATE_PATTERN, re.IGNORECASE)

# Genre headings at the start of a line, optionally after the document's own number ("Nr. 12",
# "OG"): (kind, pattern). Case-sensitive on purpose: a heading, not a mention in a sentence.
GENRES: tuple[tuple[str, str], ...] = (
    ("besluitenlijst", r"BESLUITENLIJST\b|Besluitenlijst\s+van\s+de\s+vergadering"),
    ("verslag schriftelijk overleg", r"(?:Verslag|VERSLAG)\s+(?:van|VAN)\s+(?:een|EEN)\s+(?:schriftelijk|SCHRIFTELIJK)\s+(?:overleg|OVERLEG)"),
    ("lijst van vragen en antwoorden", r"LIJST\s+VAN\s+VRAGEN\s+EN\s+ANTWOORDEN|Lijst\s+van\s+vragen\s+en\s+antwoorden"),
    ("verslag", r"VERSLAG(?:\s+VAN\s+EEN\s+[A-Z]{4,30}(?:\s+OVERLEG)?)?[ \t]*$|Verslag\s+van\s+een\s+(?:commissiedebat|notaoverleg|wetgevingsoverleg|algemeen\s+overleg)"),
    ("motie", r"(?:GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)"),
    ("amendement", r"(?:GEWIJZIGD\s+)?AMENDEMENT\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)"),
    ("nota van wijziging", r"(?:[A-Z]{4,8}\s+)?NOTA\s+VAN\s+WIJZIGING"),
    ("nota naar aanleiding van het verslag", r"NOTA\s+NAAR\s+AANLEIDING\s+VAN\s+HET\s+(?:NADER\s+)?VERSLAG"),
    ("memorie van toelichting", r"MEMORIE\s+VAN\s+TOELICHTING"),
    ("memorie van antwoord", r"MEMORIE\s+VAN\s+ANTWOORD"),
    ("voorstel van wet", r"VOORSTEL\s+VAN\s+WET"),
    ("advies raad van state", r"ADVIES\s+(?:AFDELING\s+ADVISERING\s+)?RAAD\s+VAN\s+STATE"),
    ("geannoteerde agenda", r"GEANNOTEERDE\s+AGENDA|Geannoteerde\s+agenda\b"),
    ("antwoord", r"Antwoord\s+van\s+(?:de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)"),
    ("schriftelijke vragen", r"Vragen\s+van\s+(?:het\s+lid|de\s+leden)\b"),
    ("brief", r"BRIEF\s+VAN\b"),
)
OWN_NUMBER = r"(?:Nr\.\s?(?P<nr>\d{1,5})|(?P<letter>[A-Z]{1,3}))"
HEADING = re.compile(
    rf"^[ \t]{{0,4}}(?:{OWN_NUMBER}[ \t]{{1,6}})?(?:{'|'.join(f'(?P<g{i}>{p})' for i, (_, p) in enumerate(GENRES))})",
    re.MULTILINE,
)
# Signs that the document is a letter: a salutation to the chair, a place and date, a letterhead.
LETTER = re.compile(r"Aan\s+de\s+[Vv]oorzitter\s+van\s+de|^[ \t]*Onderwerp\b|^[ \t]*Den\s+Haag,", re.MULTILINE)
# What a cover letter offers: the document is then of that kind.
OFFERS_AGENDA = re.compile(r"\b(?:Hierbij|Bijgaand|Hiermee)\b[^.]{0,200}?\bgeannoteerde\s+agenda\b", re.IGNORECASE)

DOSSIER_NUMBER = r"(?P<dossier>\d{2}[ .\u00a0]?\d{3})(?:[- ](?P<toev>[IVXL]{1,6}[AB]?|[A-Z]|\d{2}))?"
# "32 317 JBZ-Raad" on a line of its own, above the document's title.
DOSSIER_LINE = re.compile(rf"^[ \t]{{0,4}}{DOSSIER_NUMBER}[ \t]{{1,6}}(?P<title>[A-Z(][^\n]{{1,150}}?)[ \t]*$", re.MULTILINE)
DOSSIER_TO_HEADING = 300  # the title follows the dossier line closely
# A page footer: "Eerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5".
FOOTER = re.compile(
    rf"(?:Eerste|Tweede)\s+Kamer,\s+vergaderjaar\s+\d{{4}}\s?[-–/]\s?\d{{2,4}},\s+{DOSSIER_NUMBER},\s+"
    rf"(?:nr\.\s?(?P<nr>\d{{1,5}})|(?P<letter>[A-Z]{{1,3}}))\s+\d{{1,4}}\s*$"
)
# The dossier title without the occasion: "JBZ-Raad op 19 en 20 oktober (Algemeen deel)" -> "JBZ-Raad".
OCCASION = re.compile(r"\s+(?:op|van|d\.d\.)\s+\d.*$|\s*\(.*$")
SUBJECT = re.compile(r"^[ \t]*Onderwerp[ \t:]+(?P<subject>[^\n]{3,200})", re.MULTILINE)


def _date(facts: DocFacts) -> str | None:
    head = facts.view.text[: min(HEAD, facts.view.body_end)]
    for place in DATE_PLACES:
        for m in place.finditer(head):
            found = iso_date(m.group("day"), m.group("month"), m.group("year"))
            if found:
                return found
    m = NUMERIC_DATE.search(head)
    if m:
        found = iso_date(m.group(1), int(m.group(2)), m.group(3))
        if found:
            return found
    original = facts.view.original
    for start, end in facts.view.furniture:
        m = DATED_FURNITURE.search(original, start, end)
        if m and (found := iso_date(m.group("day"), m.group("month"), m.group("year"))):
            return found
    return None


def _genre(m: re.Match[str]) -> str:
    return next(kind for i, (kind, _) in enumerate(GENRES) if m.group(f"g{i}"))


def _kind(head: str, headings: list[re.Match[str]]) -> tuple[str | None, re.Match[str] | None]:
    """The document's own kind and the heading that shows it."""
    own = next((h for h in headings if h.start() < OPENING and _genre(h) != "brief"), None)
    if own:
        return _genre(own), own
    letter = next((h for h in headings if _genre(h) == "brief"), None)
    if letter or LETTER.search(head, 0, OPENING * 2):
        for kind in ("verslag schriftelijk overleg", "geannoteerde agenda"):
            shown = next((h for h in headings if _genre(h) == kind), None)
            if kind == "verslag schriftelijk overleg" and shown:
                return kind, shown
            if kind == "geannoteerde agenda" and OFFERS_AGENDA.search(head):
                return kind, shown
        return "brief", letter
    first = headings[0] if headings else None
    return (_genre(first), first) if first else (None, None)


def _heading_text(head: str, heading: re.Match[str]) -> str:
    """A heading's text: its lines up to the next blank line, without the own number."""
    start = heading.start(f"g{next(i for i in range(len(GENRES)) if heading.group(f'g{i}'))}")
    block = re.split(r"\n[ \t]*\n", head[start : start + 600], maxsplit=1)[0]
    text = " ".join(block.split())
    if text.isupper() and " " not in text:
        # "BESLUITENLIJST" alone: the sentence under it says which one
        rest = head[start + len(block) :]
        nxt = re.match(r"\s*(?P<line>[^\n]+)", rest)
        if nxt and nxt.group("line").lower().startswith(text.lower()):
            return " ".join(nxt.group("line").split())
    return text


def _self(facts: DocFacts, head: str, headings: list[re.Match[str]]) -> None:
    """Own id and dossier: a page footer says it most plainly, the dossier line above the title too."""
    original = facts.view.original
    footer = next(
        (m for start, end in facts.view.furniture if (m := FOOTER.search(original[start:end].strip()))), None
    )
    for line in DOSSIER_LINE.finditer(head):
        below = next((h for h in headings if line.end() < h.start() <= line.end() + DOSSIER_TO_HEADING), None)
        if below is not None:
            facts.info.dossier_title = OCCASION.sub("", line.group("title")).strip() or None
            if footer is None:
                _set_identity(facts, line, below.group("nr") or below.group("letter"))
            break
    if footer is not None:
        _set_identity(facts, footer, footer.group("nr") or footer.group("letter"))


def _set_identity(facts: DocFacts, m: re.Match[str], number: str | None) -> None:
    info = facts.info
    info.dossier = re.sub(r"\D", "", m.group("dossier"))
    toev = m.group("toev")
    if number:
        parts = [info.dossier] + ([toev.upper()] if toev else []) + [number]
        info.self_id = "kst-" + "-".join(parts)


def find_metadata(facts: DocFacts) -> None:
    view = facts.view
    head = view.text[: min(HEAD, view.body_end)]
    headings = list(HEADING.finditer(head))
    facts.info.date = _date(facts)
    kind, shown = _kind(head, headings)
    facts.info.kind = kind
    _self(facts, head, headings)
    if shown is not None:
        facts.info.title = _heading_text(head, shown)
    elif (subject := SUBJECT.search(head)) is not None:
        facts.info.title = " ".join(subject.group("subject").split())
