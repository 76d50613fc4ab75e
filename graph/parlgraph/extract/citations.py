"""Kamerstuk citations: "Kamerstukken II 2022/23, 36 200 VI, nr. 23" -> ``kst-36200-VI-23``.

Three steps, after eyecite:

1. *Candidates*: one combined regular expression over the view finds every stretch built from
   the parts of a citation (an optional "Kamerstuk(ken) II 2022/23," prefix, a dossier number,
   an optional co-dossier and toevoeging, and the ondernummers). The parts are the data tables
   below; the expression is assembled from them once.
2. *Parsing*: each candidate's groups become a :class:`Citation` (dossier, toevoeging, numbers,
   chamber, vergaderjaar). The precision rules live here: without the word "Kamerstuk" a bare
   "28 638, nr. 194" needs a five-digit dossier AND "nr."/"nrs.", an Eerste Kamer letter or a
   toevoeging, so "artikel 5, lid 2", amounts and years never qualify.
3. *Resolution*: a citation becomes one :class:`Kamerstuk` per number, or an
   :class:`UnresolvedCitation` when it has the shape of a citation but no usable number.

A written identifier ("kst-36200-VI-23", also inside an officielebekendmakingen URL) is one too.
What is not a citation: other numbers inside URLs, internal register numbers ("nr.3786735"), dates
after a citation ("nr. 2190, 26 augustus 2016" stops before "26"), and the document's own
identity (its header and page footers are metadata; the cleaner moves footers out of the view).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.text import MONTH_PATTERN, slugify
from parlgraph.models import Kamerstuk, UnresolvedCitation

# --- the citation forms, as data -------------------------------------------------------------

# Words that introduce a citation, with the chamber they imply (None: read it from "I"/"II").
KEYWORDS: tuple[tuple[str, str | None], ...] = (
    (r"[Kk]amerstuk(?:ken|nummer)?", None),
    (r"Kst\.", None),
    (r"Tweede\s+Kamer,\s{0,3}vergaderjaar", "II"),
    (r"Eerste\s+Kamer,\s{0,3}vergaderjaar", "I"),
    (r"Tweede\s+Kamer,\s{0,3}zitting", "II"),
    (r"Eerste\s+Kamer,\s{0,3}zitting", "I"),
)
# A vergaderjaar as written: "2022/23", "2022-2023", "2021–2022", "1999/2000".
YEAR = r"(?:19|20)\d\d\s?[-–/]\s?(?:19|20)?\d\d"
# A dossier: five digits, whole, with an optional thousands space or dot ("32 317", "32.317").
DOSSIER = r"\d{2}[ .\u00a0]?\d{3}(?![\d]|[.,]\d)"
# Toevoegingen: a begroting chapter ("VI", "IXB", "hoofdstuk XV"), a letter ("35300-A"), a
# sub-dossier ("21 501-02"), a rijkswet number ("(R2064)", kept out of the id).
CHAPTER = r"(?:hoofdstuk\s)?[IVXL]{1,6}[AB]?"
TOEVOEGING = (
    rf"(?:[-–\s]{{1,2}}(?P<toev>{CHAPTER}|[A-Z])(?![\w-])"
    r"|[-–](?P<sub>\d{2})(?=\s?,?\s{0,3}(?:[Nn]rs?\b|-\d)))"
)
RIJKSWET = r"(?:\s?\(R\s?\d{3,4}\))"
# One ondernummer: digits not running on into a date, a decimal or a longer number; or an
# Eerste Kamer letter code ("B", "OC").
NUMBER = rf"\d{{1,5}}(?![\d])(?![.,]\d)(?![ \u00a0]\d{{3}}(?!\d))(?!\s{{0,3}}(?:{MONTH_PATTERN})\b)"
LETTERS = r"[A-Z]{1,2}(?![\w-])"
# "nrs. 900–903", "nrs. 900 t/m 903" and "nrs. 900 tot en met 903" are ranges.
RANGE = r"(?:\s?[-–]\s?|\s{1,3}(?:t/m|tot\s+en\s+met)\s{1,3})"
ITEM = rf"(?:{NUMBER}(?:{RANGE}{NUMBER})?|{LETTERS})"
LIST_SEPARATOR = r"\s{0,2}(?:,|\ben\b)\s{0,3}"
NR = r"[Nn]rs?\b\.?"

CANDIDATE = re.compile(
    rf"""
    (?:
        \b(?P<kw>{"|".join(f"(?P<kw{i}>{p})" for i, (p, _) in enumerate(KEYWORDS))})
        (?:\s{{1,3}}(?P<chamber>II|I)(?![\w]))?
        (?:,?\s{{1,3}}(?P<year>{YEAR})(?![\d]))?
        ,?\s{{1,4}}
        (?:(?P<nrfirst>{NR})\s{{0,3}})?
    )?
    (?<![\w%./,=-])(?P<dossier>{DOSSIER})
    (?:\s?/\s?(?P<co>{DOSSIER}))?
    {TOEVOEGING}?
    {RIJKSWET}?
    (?:
        (?P<sep>\s?,\s{{0,4}}|\s{{1,3}}|-)
        (?P<nr>{NR}\s{{0,3}})?
        (?P<items>{ITEM}(?:{LIST_SEPARATOR}{ITEM}){{0,12}})
    )?
    """,
    re.VERBOSE,
)
ITEM_RE = re.compile(rf"(?P<first>{NUMBER})(?:{RANGE}(?P<last>{NUMBER}))?|(?P<letters>{LETTERS})")
# The identifier officielebekendmakingen.nl gives a Kamerstuk, written as such or inside its URL:
# "kst-36200-VI-23", "kst-21501-02-3021", "kst-32317-OG".
KST_ID = re.compile(
    r"(?<![\w-])kst-(?P<dossier>\d{5})(?:-(?P<toev>[IVXL]{1,6}[AB]?|[A-Z]|\d{2}))?-(?P<number>\d{1,5}|[A-Z]{1,2})(?![\w-])"
)
URL = re.compile(r"(?:https?|file|ftp)://\S{1,2000}|www\.\S{1,2000}", re.IGNORECASE)
MAX_RANGE = 25  # "nrs. 1–3" is expanded; a wider "range" is more likely a misreading


@dataclass(frozen=True, slots=True)
class Number:
    """One ondernummer of a citation, with the view offset where its text ends."""

    value: str
    end: int


@dataclass(frozen=True, slots=True)
class Citation:
    """A parsed candidate, before it becomes entities."""

    start: int
    end: int
    dossier: str
    toevoeging: str | None
    numbers: tuple[Number, ...]
    chamber: str | None
    vergaderjaar: str | None
    co_dossiers: tuple[str, ...]
    problem: str | None = None  # why it cannot be normalised


# --- step 2: parsing --------------------------------------------------------------------------


def vergaderjaar(text: str | None) -> str | None:
    """ "2022/23" -> "2022-2023"."""
    if not text:
        return None
    first, second = re.split(r"\s?[-–/]\s?", text, maxsplit=1)
    if len(second) == 2:
        century = int(first[:2]) + (1 if second < first[2:] else 0)
        second = f"{century}{second}"
    return f"{first}-{second}"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _chamber(m: re.Match[str]) -> str | None:
    if m.group("chamber"):
        return m.group("chamber")
    for i, (_, implied) in enumerate(KEYWORDS):
        if m.group(f"kw{i}"):
            return implied
    return None


def _numbers(m: re.Match[str], singular: bool) -> tuple[tuple[Number, ...], str | None]:
    """The ondernummers of a candidate, and a problem when a range cannot be expanded."""
    items = m.group("items")
    if not items:
        return (), None
    base = m.start("items")
    out: list[Number] = []
    for k, it in enumerate(ITEM_RE.finditer(items)):
        if k and singular and "," in items[: it.start()]:
            break  # "nr. 3455, 22 ..." : a singular "nr." takes a second number only with "en"
        end = base + it.end()
        if it.group("letters"):
            out.append(Number(it.group("letters"), end))
            continue
        first, last = int(it.group("first")), int(it.group("last") or it.group("first"))
        if last < first or last - first > MAX_RANGE:
            return tuple(out), f"range {it.group(0)!r} cannot be expanded"
        out.extend(Number(str(n), end) for n in range(first, last + 1))
    return tuple(out), None


def parse(m: re.Match[str]) -> Citation | None:
    """A candidate as a citation, or None when it is just numbers (the precision rules)."""
    keyword = m.group("kw") is not None
    nr = m.group("nr") or m.group("nrfirst")
    sep = m.group("sep") or ""
    toevoeging = m.group("toev") or m.group("sub")
    if toevoeging:
        toevoeging = toevoeging.removeprefix("hoofdstuk").strip()
    items = m.group("items") or ""
    letters_only = bool(items) and items[0].isalpha()
    if letters_only and not (nr or "," in sep):
        items = ""  # "32 317 JBZ": a title, not an Eerste Kamer letter
    if m.group("nrfirst") and m.group("nr"):
        return None
    if not keyword:
        # A bare dossier must say "nr."/"nrs.", carry an Eerste Kamer letter after a comma, or
        # carry a toevoeging; a dossier-less "32317-849" or "32 317, 2023" is too ambiguous.
        if not items or not (nr or (letters_only and "," in sep) or toevoeging):
            return None
    elif items and not (nr or letters_only or toevoeging or "," in sep or sep == "-"):
        items = ""  # a bare space before the number needs "36200 VI 33" or "nr. 32317 793"
    end = m.end("items") if items else max(m.end(g) for g in ("dossier", "co", "toev", "sub"))
    numbers, problem = _numbers(m, singular=bool(nr) and not nr.lower().startswith("nrs")) if items else ((), None)
    if not numbers and problem is None:
        problem = "dossier without an ondernummer"
    co = (_digits(m.group("co")),) if m.group("co") else ()
    return Citation(
        start=m.start(),
        end=end,
        dossier=_digits(m.group("dossier")),
        toevoeging=toevoeging.upper() if toevoeging and not toevoeging.isdigit() else toevoeging,
        numbers=numbers,
        chamber=_chamber(m),
        vergaderjaar=vergaderjaar(m.group("year")),
        co_dossiers=co,
        problem=problem,
    )


def find_citations(text: str) -> list[Citation]:
    """Every citation in a text (a view), in order; numbers inside URLs are skipped."""
    urls = [(u.start(), u.end()) for u in URL.finditer(text)]
    out: list[Citation] = []
    u = 0
    for m in CANDIDATE.finditer(text):
        while u < len(urls) and urls[u][1] <= m.start():
            u += 1
        if u < len(urls) and urls[u][0] < m.end() and m.start("dossier") < urls[u][1]:
            continue
        citation = parse(m)
        if citation is None:
            continue
        if citation.problem and m.group("kw") is None:
            continue  # without the keyword, only a complete citation is one
        out.append(citation)
    out.extend(_identifier(m) for m in KST_ID.finditer(text))
    return sorted(out, key=lambda c: c.start)


def _identifier(m: re.Match[str]) -> Citation:
    """A written "kst-..." identifier; unlike a bare citation it also counts inside a URL."""
    return Citation(
        start=m.start(),
        end=m.end(),
        dossier=m.group("dossier"),
        toevoeging=m.group("toev"),
        numbers=(Number(m.group("number"), m.end()),),
        chamber=None,
        vergaderjaar=None,
        co_dossiers=(),
    )


# --- step 3: resolution -----------------------------------------------------------------------


def kamerstuk_id(dossier: str, toevoeging: str | None, number: str) -> str:
    return f"kst-{dossier}-{toevoeging}-{number}" if toevoeging else f"kst-{dossier}-{number}"


def resolve(facts: DocFacts, citation: Citation, seen: dict[str, Kamerstuk]) -> None:
    """Record a citation's entities; ``seen`` keeps this document's Kamerstukken so that a
    Kamerstuk cited a thousand times gains mentions without being merged a thousand times."""
    view = facts.view
    if citation.problem:
        text = view.mention(citation.start, citation.end)
        slug = slugify(text.text)[:60] or hashlib.sha1(text.text.encode()).hexdigest()[:10]
        facts.add(
            UnresolvedCitation(id=f"unresolved:{slug}", label=text.text, mentions=[text], reason=citation.problem),
            citation.start,
            citation.end,
        )
        return
    for number in citation.numbers:
        ident = kamerstuk_id(citation.dossier, citation.toevoeging, number.value)
        if ident == facts.info.self_id:
            continue  # the document naming itself is metadata, not a citation
        mention = view.mention(citation.start, number.end)
        known = seen.get(ident)
        if known is None:
            entity = Kamerstuk(
                id=ident,
                label=_label(citation, number.value),
                mentions=[mention],
                dossier=citation.dossier,
                toevoeging=citation.toevoeging,
                number=number.value,
                chamber=citation.chamber,
                vergaderjaar=citation.vergaderjaar,
                co_dossiers=list(citation.co_dossiers),
            )
            added = facts.add(entity, citation.start, number.end)
            seen[ident] = added if isinstance(added, Kamerstuk) else entity
            continue
        known.mentions.append(mention)
        known.chamber = known.chamber or citation.chamber
        known.vergaderjaar = known.vergaderjaar or citation.vergaderjaar
        known.co_dossiers.extend(d for d in citation.co_dossiers if d not in known.co_dossiers)
        facts.add(known, citation.start, number.end)


def _label(citation: Citation, number: str) -> str:
    dossier = f"{citation.dossier[:2]} {citation.dossier[2:]}"
    if citation.toevoeging:
        dossier += f"-{citation.toevoeging}" if citation.toevoeging.isdigit() else f" {citation.toevoeging}"
    head = "Kamerstukken"
    if citation.chamber:
        head += f" {citation.chamber}"
    if citation.vergaderjaar:
        head += f" {citation.vergaderjaar}"
    nr = number if number.isalpha() else f"nr. {number}"
    return f"{head}, {dossier}, {nr}"


def find_kamerstukken(facts: DocFacts) -> None:
    seen: dict[str, Kamerstuk] = {}
    for citation in find_citations(facts.view.text):
        resolve(facts, citation, seen)
