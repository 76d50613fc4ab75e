"""Fracties (parliamentary parties) and organisations named in a document.

Both come from gazetteers (``parties.csv``, ``organisations.csv``) whose names are matched
case-sensitively: "DENK" the party is written in capitals, "denk" is a verb. Names that are also
ordinary words or codes ("Volt", "SP", "CU", "BBB"; "Commissie", "EP") are *weak*: a weak party
name counts only in a fractie context ("SP-fractie", "de fractie van de SP", "de leden van de SP")
or in a parenthesised list that holds nothing but party names ("(SP, Volt, VVD, PvDA en
GroenLinks, CU)"); a weak organisation name counts only in a document about the EU.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from parlgraph.extract.facts import DocFacts
from parlgraph.gazetteers import load, split
from parlgraph.models import Entity, Organisation, Party

# A name stands alone: no letter or digit glued to it; a hyphen after it is fine ("SP-fractie"), one
# before it is not ("GroenLinks-PvdA" is one party, not a PvdA).
_GLUED_BEFORE = r"[\w\-/]"
_AFTER = r"(?![\w])"
# Before a weak party name: "fractie(s) van (de|het)", "leden van de", "namens (de)", "lid ... van de".
_PARTY_CUE_BEFORE = re.compile(
    r"\b(?:(?:[Ff]racties?|[Ll]eden|[Ll]id)\s+van\s+(?:de\s+|het\s+)?|[Nn]amens\s+(?:de\s+|het\s+)?)$"
)
# After a weak party name: "-fractie", "-Kamerlid", a suspended hyphen ("SP- en Volt-fractie").
_PARTY_CUE_AFTER = re.compile(r"(?:[-\s]?(?:[Ff]ractie|Kamerleden|Kamerlid|leden|woordvoerder)\b|-\s+(?:en|of)\s|-,)")
# The text between two names in a party list: "fracties van GroenLinks en PvdA", "(D66, CDA, SP & Groep Van Haga)".
_LIST_GLUE = re.compile(r"-?(?:\s*,\s*|\s+en\s+|\s*&\s*|\s*/\s*|\s+of\s+)")
_EU_CONTEXT = re.compile(r"\b(?:EU|Europese Unie|Europese Commissie|lidstaten|JBZ-[Rr]aad)\b")
# An acronym between words in capitals is part of a heading or shouted text: "VERZOEK OM INFORMATIE".
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
# A weak organisation name must not be the head of a longer name: "de Commissie voor Justitie en Veiligheid".
_WEAK_ORG_TAIL = re.compile(r"\s+(?:voor|van|inzake|[A-Z])")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    pattern: re.Pattern[str]
    by_name: dict[str, tuple[str, str, tuple[str, ...]]]  # written name -> (id, label, aliases)
    weak: frozenset[str]


def _build(name: str, prefix: str) -> _Gazetteer:
    by_name: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    weak: set[str] = set()
    for row in load(name):
        aliases, weak_names = split(row["aliases"]), split(row["weak"])
        entry = (f"{prefix}:{row['slug']}", row["label"], tuple(n for n in aliases + weak_names if n != row["label"]))
        for written in [row["label"], *aliases, *weak_names]:
            by_name[written] = entry
        weak.update(weak_names)  # a label listed as weak too ("Volt") stays weak
    return _Gazetteer(re.compile(rf"(?:{_alternation(by_name)}){_AFTER}"), by_name, frozenset(weak))


def _alternation(names: Iterable[str]) -> str:
    """One branch per first letter, that letter before the look-behind: a pattern whose branches start with a
    literal lets the scan skip most positions without trying them. Longer names first within a branch."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    branches = []
    for first, group in by_first.items():
        # Names may break across lines in the view: any run of white space stands between their words.
        rests = "|".join(r"\s+".join(map(re.escape, re.split(r"\s+", name[1:]))) for name in group)
        branches.append(rf"{re.escape(first)}(?<!{_GLUED_BEFORE}{re.escape(first)})(?:{rests})")
    return "|".join(branches)


@cache
def _parties() -> _Gazetteer:
    return _build("parties", "party")


@cache
def _organisations() -> _Gazetteer:
    return _build("organisations", "org")


def find_parties(facts: DocFacts) -> None:
    _find_party_names(facts)
    _find_organisations(facts)


def _find_party_names(facts: DocFacts) -> None:
    gaz = _parties()
    text = facts.view.text
    matches = list(gaz.pattern.finditer(text))
    accepted = [_written(m) not in gaz.weak or _party_context(text, m) for m in matches]
    # Names joined into one list share their context: "de fracties van GroenLinks en SP", "(SP, Volt)".
    group_start = 0
    for i in range(1, len(matches) + 1):
        if i < len(matches) and _LIST_GLUE.fullmatch(text, matches[i - 1].end(), matches[i].start()):
            continue
        if any(accepted[group_start:i]):
            accepted[group_start:i] = [True] * (i - group_start)
        group_start = i
    _record(facts, gaz, Party, [m for m, ok in zip(matches, accepted) if ok])


def _party_context(text: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    return bool(
        _PARTY_CUE_BEFORE.search(text, max(0, start - 40), start)
        or _PARTY_CUE_AFTER.match(text, end, end + 20)
        or _in_party_list(text, start, end)
    )


def _in_party_list(text: str, start: int, end: int) -> bool:
    """Whether [start, end) stands in parentheses that hold nothing but party names."""
    open_at = text.rfind("(", max(0, start - 120), start)
    close_at = text.find(")", end, end + 120)
    if open_at < 0 or close_at < 0 or ")" in text[open_at:start] or "(" in text[end:close_at]:
        return False
    return _only_party_names(text[open_at + 1:close_at])


@lru_cache(maxsize=1024)
def _only_party_names(inside: str) -> bool:
    """Whether a parenthesis holds a list of party names and nothing else; every name in it asks the same."""
    rest = _parties().pattern.sub("", inside)
    return _LIST_GLUE.sub("", rest).strip(" -") == ""


def _find_organisations(facts: DocFacts) -> None:
    gaz = _organisations()
    text = facts.view.text
    eu = _EU_CONTEXT.search(text) is not None
    matches = [
        m for m in gaz.pattern.finditer(text)
        if (_written(m) not in gaz.weak or (eu and not _WEAK_ORG_TAIL.match(text, m.end()))) and not _shouted(text, m)
    ]
    _record(facts, gaz, Organisation, matches)


def _shouted(text: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    return match.group().isupper() and bool(
        _CAPS_BEFORE.search(text, max(0, start - 30), start) or _CAPS_AFTER.match(text, end, end + 30)
    )


def _written(match: re.Match[str]) -> str:
    return " ".join(match.group().split())


def _record(facts: DocFacts, gaz: _Gazetteer, make: type[Party] | type[Organisation], matches: list[re.Match[str]]) -> None:
    """One entity per gazetteer row, with every match as a mention (built once, not merged per match)."""
    known: dict[str, Entity] = {}
    for match in matches:
        ident, label, aliases = gaz.by_name[_written(match)]
        mention = facts.view.mention(*match.span())
        entity = known.get(ident)
        if entity is None:
            known[ident] = facts.add(make(id=ident, label=label, aliases=list(aliases), mentions=[mention]), *match.span())
        else:
            entity.mentions.append(mention)
            facts.add(entity, *match.span())
