"""EU and Dutch legislation: acts and proposals by name, number, CELEX, ELI, COM or BWB identifier.

Every way a paper can point at an act resolves to one entity per act: a gazetteer name or
abbreviation ("Crisis-verordening", "AMMR", "art. 1 Gw"), an official number ("Verordening (EU)
2024/1351", "richtlijn 2011/36/EU"), a CELEX or ELI, a COM number, or a BWB id. The entity id is
``act:<celex>`` when a CELEX is known, else ``act:bwb:<BWB id>``, else ``act:<slug of label>``; a
proposal the gazetteer knows to have been adopted shares the entity of the act it became.

Bare generic words ("de verordening", "het voorstel", "deze richtlijn") are anaphora and never an act;
names outside the gazetteer are taken only in forms that are clearly names: a capitalised compound
("Batterijverordening", "Meststoffenwet", "Activiteitenbesluit") or a Dutch title ("Wet toekomst pensioenen",
"Besluit kinderopvangtoeslag").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.text import fold, slugify
from parlgraph.gazetteers import load, split
from parlgraph.models import Legislation

# The last part of a compound act name; papers write it glued, hyphenated or spaced
# ("Crisisverordening", "Crisis-verordening", "mensenhandel richtlijn").
HEADS = ("verordening", "richtlijn", "verdrag", "code", "wet", "besluit")
# Heads a draft can be named by: "ontwerpverordening", "CSAM-ontwerpverordening".
DRAFT_HEADS = ("verordening", "richtlijn")
_HEAD_IN_COMPOUND = re.compile(rf"(?<=\w)[-\u2010\u2011]?(?=(?:{'|'.join(HEADS)})\b)", re.IGNORECASE)
_DRAFT = re.compile(rf"ontwerp-?(?=(?:{'|'.join(DRAFT_HEADS)}))")
_HEAD_SEP = r"[-\u2010\u2011 ]?"
_DRAFT_OPT = r"(?:ontwerp-?)?"

# "artikel 273g", "art. 1", "artikel 25bis, tweede lid, onder b, van de": just before an act's name.
_ARTICLE_BEFORE = re.compile(
    r"\bart(?:ikel|\.)?\s*(?P<art>\d{1,4}(?::\d{1,4})?[a-z]{0,6})"
    r"(?:,?\s+(?:lid\s+\d{1,2}|(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste)\s+lid"
    r"|onder\s+[a-z0-9]{1,3}|sub\s+[a-z0-9]{1,3}|aanhef\s+en\s+onder\s+[a-z0-9]{1,3})){0,3}"
    r",?\s+(?:(?:van|uit)\s+(?:de|het)\s+)?$",
    re.IGNORECASE,
)
_LOOKBACK = 80
# The first half of a coordinated compound: "Opvang- en " before "Procedurerichtlijn".
_ELLIPSIS_BEFORE = re.compile(r"(?<![\w-])(?P<part>[^\W\d_]{3,})[-\u2010]\s+(?:en|of|en/of)\s+(?:de\s+|het\s+)?$")

# "Verordening (EU) 2024/1351", "Richtlijn 2001/55/EG van de Raad", "Verordening (EG) nr. 767/2008",
# "Uitvoeringsbesluit (EU) 2022/382", "Council Directive 2001/55/EC", a bare "(EU) 2019/817": the number
# is found first (patterns that start with a literal scan fast; ASCII digits scan faster than \d), then what
# stands before it.
_NUMBER = re.compile(
    r"(?P<a>[0-9]{2,4})/(?P<b>[0-9]{1,4})(?:/(?P<suffix>EU|EG|EEG|EC|EEC|JBZ|JHA|GBVB|CFSP|Euratom))?(?![\w/])",
    re.IGNORECASE,
)
_NUMBER_PREFIX = re.compile(
    r"(?:(?<!\w)(?P<type>(?:gedelegeerde\s+|uitvoerings)?(?:verordening|richtlijn)(?:en)?|kaderbesluit(?:en)?"
    r"|(?:uitvoerings)?besluit(?:en)?|beschikking(?:en)?|(?:council\s+|commission\s+)?(?:implementing\s+|delegated\s+)?"
    r"(?:regulation|directive|decision)s?|framework\s+decisions?)\s+(?:van\s+de\s+(?:Raad|Commissie)\s+)?)?"
    r"(?:\((?P<org>EU|EG|EEG|EC|EEC|Euratom|EU,\s?Euratom|EG,\s?Euratom)\)\s*)?"
    r"(?:(?P<nr>nr\.?|no\.?|n°)\s*)?$",
    re.IGNORECASE,
)
_COORDINATION = {",", "en", "of", "en/of", "and", "or"}
_LETTER = {"verordening": "R", "regulation": "R", "richtlijn": "L", "directive": "L", "besluit": "D",
           "beschikking": "D", "decision": "D", "kaderbesluit": "F", "framework decision": "F"}
_LETTER_WORDS = sorted(_LETTER, key=len, reverse=True)  # "kaderbesluit" before "besluit"
_KIND = {"R": "verordening", "L": "richtlijn", "D": "besluit", "F": "besluit", "PC": "voorstel"}
_ELI_TYPE = {"R": "reg", "L": "dir", "D": "dec", "F": "dec_framw"}

# A CELEX number as written: "52021DC0780", "CELEX:52021PC0752", "32024R1351", "42000A0922(02)".
_CELEX = re.compile(r"[1-9CE](?<![\w/][1-9CE])(?:19|20)\d\d[A-Z]{1,2}\d{4}(?:\(\d\d\))?(?![\w/])")
_CELEX_PARTS = re.compile(r"(?P<sector>[1-9CE])(?P<year>\d{4})(?P<type>[A-Z]{1,2})(?P<number>\d{4})")
# An ELI of an EU act: "http://data.europa.eu/eli/reg/2024/1351/oj".
_ELI = re.compile(r"data\.europa\.eu/eli/(?P<type>reg|dir|dec)(?:_[a-z]{2,5})?/(?P<year>\d{4})/(?P<number>\d{1,4})(?!\d)")
# "COM(2022) 209 final", "COM (2020) 613", "COM/2021/890".
_COM = re.compile(r"C(?<!\wC)OM\s?(?:\(\s?(?P<y1>(?:19|20)\d\d)\s?\)\s?|/(?P<y2>(?:19|20)\d\d)/)(?P<number>\d{1,4})(?!\d)")
# What a COM document just before its number says it is: the nearer word wins.
_PROPOSAL_WORD = re.compile(r"voorstel|proposal|verordening|richtlijn|regulation|directive", re.IGNORECASE)
_COMMUNICATION_WORD = re.compile(
    r"mededeling|communication|strategie|strategy|actieplan|action plan|verslag|report|rapport|evaluatie|agenda"
    r"|pact|werkprogramma|work programme|witboek|white paper|groenboek|green paper",
    re.IGNORECASE,
)
_BWB = re.compile(r"B(?<!\wB)WB[RV]\d{7}(?!\w)")

# A capitalised compound act name outside the gazetteer: "Batterijverordening", "ETIAS-verordening",
# "Meststoffenwet", "Activiteitenbesluit".
_COMPOUND = re.compile(
    r"[A-Z](?<![\w-][A-Z])(?:[A-Z]+[A-Za-z0-9]*|[a-zà-ÿ]{2,})(?P<sep>[-\u2010]?)(?P<head>verordening|richtlijn|besluit|wet)"
    r"(?![\w-])"
)
# First parts that make a compound a kind of act or decision rather than the name of one.
_GENERIC_PREFIXES = frozenset({
    "ontwerp", "uitvoerings", "wijzigings", "kader", "basis", "eu", "eg", "eeg", "europese", "concept", "herschikkings",
    "herzienings", "implementatie", "raads", "commissie", "moeder", "dochter", "nieuwe", "deze", "die", "een",
    "voorstel", "compromis", "verzamel", "omnibus", "invoerings", "reparatie", "spoed", "nood", "aanpassings",
    "kabinets", "ministerraad", "ministerraads", "instemmings", "vaststellings", "aanwijzings", "benoemings",
    "delegatie", "machtigings", "meerderheids", "eind", "tussen", "principe", "tracé", "trace", "inpassings",
    "verkeers", "project", "subsidie", "besluit", "wet", "geen", "elk", "elke", "ieder", "iedere",
})
# A Dutch title: "Wet toekomst pensioenen", "Wet bescherming tegen discriminatie op de BES", "Besluit
# kinderopvangtoeslag". Words may wrap onto the next line but not across a blank line.
_TITLE_GAP = r"(?=\s)[^\S\n]*(?:\n[^\S\n]*)?"
_TITLE = re.compile(
    r"(?P<head>W(?<![\w-]W)et|B(?<![\w-]B)esluit)"
    rf"(?P<words>(?:{_TITLE_GAP}(?:[a-zà-ÿ][a-zà-ÿ'’-]*|[A-Z]{{2,}}[A-Za-z0-9]*|\d{{4}})(?![\w-])){{1,12}})"
)
_TITLE_STOP = frozenset({
    "is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had", "zal", "zullen", "kan", "kunnen",
    "moet", "moeten", "mag", "mogen", "regelt", "biedt", "die", "dat", "welke", "waarin", "waarmee", "waardoor",
    "om", "omdat", "als", "zoals", "maar", "niet", "ook", "nog", "al", "wel", "nu", "dan", "was", "vergt", "vraagt",
    "geldt", "gold", "bepaalt", "voorziet", "treedt", "trad", "genomen", "vastgesteld", "gepubliceerd", "gewijzigd",
    "ingetrokken", "aangenomen", "houdende", "inhoudende",
})
# Words that glue a title together but cannot end it, and the few a title can start with.
_TITLE_GLUE = frozenset({"de", "het", "een", "van", "op", "in", "voor", "tot", "ter", "met", "te", "tegen", "bij", "aan",
                         "en", "of"})
_FIRST_WORD_OK = frozenset({"op", "ter", "tot", "van"})
# After "en"/"of", words that start a new phrase rather than continue a title: "het Besluit
# kinderopvangtoeslag en enkele andere besluiten", "de Wet arbeidsmarkt in balans en de aanpassingen".
_PHRASE_STARTS = frozenset({
    "de", "het", "een", "die", "dat", "deze", "dit", "enkele", "andere", "diverse", "sommige", "alle", "meerdere",
    "verschillende", "overige", "enige", "twee", "drie", "vier",
})
# How many content words a title needs: a law's title names what it is about in two or more words
# ("Wet open overheid"), a decree's may be one ("Besluit inburgering"), which its first word must then be.
_TITLE_CONTENT = {"Wet": 2, "Besluit": 1}


@dataclass(frozen=True, slots=True)
class Act:
    """One act or proposal as the extractor knows it: a gazetteer row or an identifier read in the text."""

    label: str
    kind: str | None = None
    celex: str | None = None
    bwb: str | None = None
    proposals: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # recasts and amendments folded into this act

    @property
    def main_celex(self) -> str | None:
        return self.celex or (self.proposals[0] if self.proposals else None)

    @property
    def ident(self) -> str:
        if self.main_celex:
            return f"act:{self.main_celex}"
        if self.bwb:
            return f"act:bwb:{self.bwb}"
        return f"act:{slugify(self.label)}"


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    rank: int  # 0 identifier, 1 gazetteer name, 2 general pattern: the lower wins an overlap
    act: Act
    com: str | None = None


# A document names the same few acts over and over: folding each written form once is enough.
_fold = lru_cache(maxsize=4096)(fold)
_SPACES_AND_HYPHENS = re.compile(r"[\s-]+")


def name_key(text: str) -> str:
    """How names are compared: folded, without hyphens, spaces or a draft's "ontwerp"."""
    return _SPACES_AND_HYPHENS.sub("", _DRAFT.sub("", _fold(text)))


def _name_variants(alias: str) -> list[str]:
    """An alias and, for one that starts with a head ("Verordening ter ..."), its draft ("ontwerpverordening ter ...")."""
    if alias.lower().startswith(DRAFT_HEADS):
        return [alias, "ontwerp" + alias]
    return [alias]


def _name_atoms(alias: str) -> list[str]:
    """An alias as regex pieces: spaces stretch over line breaks, a compound's head may be split off."""
    atoms: list[str] = []
    for i, part in enumerate(_HEAD_IN_COMPOUND.split(alias.strip())):
        if i:
            atoms.append(_HEAD_SEP + (_DRAFT_OPT if part.lower().startswith(DRAFT_HEADS) else ""))
        for ch in part:
            if ch.isspace():
                if atoms[-1:] != [r"\s+"]:
                    atoms.append(r"\s+")
            elif ch in "-\u2010\u2011":
                atoms.append(r"[-\u2010\u2011]")
            else:
                atoms.append(re.escape(ch.lower()))
    return atoms


def _trie_pattern(sequences: Iterable[list[str]]) -> str:
    """One alternation over many sequences, factored by common prefix so matching stays fast."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: dict[str, Act]  # name_key -> act
    abbreviations: dict[str, Act]  # exact form -> act
    cited: dict[str, Act]  # exact form, only after an article -> act
    by_celex: dict[str, Act]
    by_number: dict[tuple[int, int], tuple[Act, ...]]  # (year, number) of adopted acts, for untyped numbers
    by_bwb: dict[str, Act]
    name_pattern: re.Pattern[str]  # over the lower-cased view: far faster than matching without case
    name_pattern_anycase: re.Pattern[str]  # for the rare text whose length lower-casing changes
    abbreviation_pattern: re.Pattern[str]


def _act_from_row(row: dict[str, str]) -> Act:
    aliases = tuple(dict.fromkeys(a for a in split(row["aliases"]) + split(row["abbreviations"]) if a != row["label"]))
    return Act(
        label=row["label"],
        kind=row["kind"] or None,
        celex=row["celex"] or None,
        bwb=row["bwb"] or None,
        proposals=tuple(split(row["proposal_celex"])),
        aliases=aliases,
        others=tuple(split(row["other_celex"])),
    )


def _claim(index: dict, key: object, act: Act, what: str) -> None:
    known = index.setdefault(key, act)
    if known is not act:
        raise ValueError(f"acts.csv: {what} {key!r} belongs to both {known.label!r} and {act.label!r}")


@cache
def gazetteer() -> _Gazetteer:
    """The acts gazetteer with its lookup tables and compiled patterns, built once per process."""
    names: dict[str, Act] = {}
    abbreviations: dict[str, Act] = {}
    cited: dict[str, Act] = {}
    by_celex: dict[str, Act] = {}
    by_number: dict[tuple[int, int], list[Act]] = {}
    by_bwb: dict[str, Act] = {}
    name_atoms: list[list[str]] = []
    for row in load("acts"):
        act = _act_from_row(row)
        for alias in dict.fromkeys([row["label"], *split(row["aliases"])]):
            _claim(names, name_key(alias), act, "name")
            name_atoms.extend(_name_atoms(variant) for variant in _name_variants(alias))
        for abbreviation in split(row["abbreviations"]):
            _claim(abbreviations, abbreviation, act, "abbreviation")
        for abbreviation in split(row["cited_abbreviations"]):
            _claim(cited, abbreviation, act, "abbreviation")
        for celex in filter(None, (act.celex, *act.proposals, *act.others)):
            _claim(by_celex, celex, act, "CELEX")
            parts = _CELEX_PARTS.fullmatch(celex)
            if parts and parts["sector"] == "3":
                by_number.setdefault((int(parts["year"]), int(parts["number"])), []).append(act)
        if act.bwb:
            _claim(by_bwb, act.bwb, act, "BWB id")
    forms = sorted({*abbreviations, *cited}, key=len, reverse=True)
    abbreviation_alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    names_alternation = rf"(?<!\w)(?:{_trie_pattern(name_atoms)})(?!\w)"
    return _Gazetteer(
        names=names,
        abbreviations=abbreviations,
        cited=cited,
        by_celex=by_celex,
        by_number={k: tuple(v) for k, v in by_number.items()},
        by_bwb=by_bwb,
        name_pattern=re.compile(names_alternation),
        name_pattern_anycase=re.compile(names_alternation, re.IGNORECASE),
        abbreviation_pattern=re.compile(rf"(?=[A-Z])(?<![\w-])(?:{abbreviation_alternation})(?![\w-])"),
    )


def eli_for(celex: str | None, type_words: str = "") -> str | None:
    """The ELI of an adopted EU act from its CELEX ("32024R1351" -> .../eli/reg/2024/1351/oj)."""
    parts = _CELEX_PARTS.fullmatch(celex or "")
    if not parts or parts["sector"] != "3" or parts["type"] not in _ELI_TYPE:
        return None
    kind = _ELI_TYPE[parts["type"]]
    words = type_words.lower()
    if kind != "dec_framw":
        if "uitvoerings" in words or "implementing" in words:
            kind += "_impl"
        elif "gedelegeerde" in words or "delegated" in words:
            kind += "_del"
    return f"http://data.europa.eu/eli/{kind}/{parts['year']}/{int(parts['number'])}/oj"


def com_for(celex: str | None) -> str | None:
    """The COM number of a Commission proposal from its CELEX ("52022PC0209" -> "COM(2022) 209")."""
    parts = _CELEX_PARTS.fullmatch(celex or "")
    if not parts or parts["sector"] != "5" or parts["type"] != "PC":
        return None
    return f"COM({parts['year']}) {int(parts['number'])}"


def _full_year(text: str) -> int | None:
    value = int(text)
    if len(text) == 2:
        return 1900 + value if value >= 50 else 2000 + value
    return value if len(text) == 4 and 1950 <= value <= 2035 else None


def year_and_number(a: str, b: str, letter: str, numbered: bool) -> tuple[int, int] | None:
    """Which part of "604/2013" or "2024/1351" is the year.

    Regulations were numbered "number/year" before 2015 and "year/number" from 2015; directives and
    decisions "year/number", except where written "nr. 1313/2013/EU".
    """
    year_a, year_b = _full_year(a), _full_year(b)
    if numbered and year_b:
        return year_b, int(a)
    if letter == "R" and year_a and year_a >= 2015 and len(a) == 4:
        return year_a, int(b)
    if year_a and (letter != "R" or not year_b):
        return year_a, int(b)
    if year_b:
        return year_b, int(a)
    return None


def celex_for(letter: str, year: int, number: int) -> str:
    return f"3{year}{letter}{number:04d}"


def _type_letter(type_words: str) -> str | None:
    words = re.sub(r"\s+", " ", type_words.lower())
    return next((_LETTER[word] for word in _LETTER_WORDS if word in words), None)


def _numbered_hits(text: str, gaz: _Gazetteer) -> Iterator[_Hit]:
    last_type, last_end = "", -1
    for m in _NUMBER.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/_"):
            continue
        before = _NUMBER_PREFIX.search(text, max(0, m.start() - 70), m.start())
        start = before.start() if before else m.start()
        type_words = (before and before["type"]) or ""
        org = before and before["org"]
        if not type_words and last_end >= 0 and text[last_end:start].strip().lower() in _COORDINATION:
            type_words = last_type
        if not (type_words or org or m["suffix"]):
            continue  # "2022/23" is a parliamentary year, not an act
        letter = _type_letter(type_words)
        parsed = year_and_number(m["a"], m["b"], letter or "R", bool(before and before["nr"]))
        if parsed is None:
            continue
        year, number = parsed
        written = re.sub(r"\s+", " ", text[start:m.end()])
        if letter:
            celex = celex_for(letter, year, number)
            act = gaz.by_celex.get(celex) or _numbered_act(written, type_words, celex, letter)
        else:
            known = gaz.by_number.get((year, number), ())
            if len(known) == 1:
                act = known[0]
            elif not known and org and not m["suffix"]:
                act = _numbered_act(written, "Verordening", celex_for("R", year, number), "R")
            else:
                continue
        last_type, last_end = type_words, m.end()
        yield _Hit(start, m.end(), 0, act)


def _numbered_act(written: str, type_words: str, celex: str, letter: str) -> Act:
    """An act known only by its number: labelled "Richtlijn 2011/36/EU" whatever the case it was written in."""
    head = re.sub(r"\s+", " ", type_words).strip()
    number = written[len(head):].strip() if written.lower().startswith(head.lower()) else written
    return Act(label=f"{head[:1].upper()}{head[1:]} {number}", kind=_KIND[letter], celex=celex)


def _identifier_hits(text: str, gaz: _Gazetteer) -> Iterator[_Hit]:
    for m in _CELEX.finditer(text):
        celex = m.group(0)
        parts = _CELEX_PARTS.match(celex)
        act = gaz.by_celex.get(celex) or Act(label=celex, kind=_KIND.get(parts["type"]) if parts else None, celex=celex)
        yield _Hit(m.start(), m.end(), 0, act)
    for m in _ELI.finditer(text):
        letter = {"reg": "R", "dir": "L", "dec": "D"}[m["type"]]
        celex = celex_for(letter, int(m["year"]), int(m["number"]))
        yield _Hit(m.start(), m.end(), 0, gaz.by_celex.get(celex) or Act(label=celex, kind=_KIND[letter], celex=celex))
    for m in _COM.finditer(text):
        year, number = m["y1"] or m["y2"], int(m["number"])
        celex = f"5{year}PC{number:04d}"
        com = f"COM({year}) {number}"
        act = gaz.by_celex.get(celex)
        if act is None:
            if _is_communication(text[max(0, m.start() - 120):m.start()]):
                continue
            act = Act(label=com, kind="voorstel", proposals=(celex,))
        yield _Hit(m.start(), m.end(), 0, act, com=com)
    for m in _BWB.finditer(text):
        yield _Hit(m.start(), m.end(), 0, gaz.by_bwb.get(m.group(0)) or Act(label=m.group(0), bwb=m.group(0)))


def _is_communication(before: str) -> bool:
    proposal = [m.end() for m in _PROPOSAL_WORD.finditer(before)]
    communication = [m.end() for m in _COMMUNICATION_WORD.finditer(before)]
    return bool(communication) and (not proposal or communication[-1] > proposal[-1])


def _name_matches(text: str, gaz: _Gazetteer) -> Iterator[re.Match[str]]:
    """Gazetteer names in any case; offsets are the text's own."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return gaz.name_pattern.finditer(lowered)
    return gaz.name_pattern_anycase.finditer(text)


def _name_hits(text: str, gaz: _Gazetteer) -> Iterator[_Hit]:
    for m in _name_matches(text, gaz):
        written = text[m.start():m.end()]
        act = gaz.names.get(name_key(written))
        if act is not None:
            yield _Hit(m.start(), m.end(), 1, act)
            yield from _ellipsis_hits(text, m.start(), written, gaz)
    for m in gaz.abbreviation_pattern.finditer(text):
        form = re.sub(r"\s+", " ", m.group(0))
        act = gaz.abbreviations.get(form)
        if act is None and _article_before(text, m.start()):
            act = gaz.cited.get(form)
        if act is not None:
            yield _Hit(m.start(), m.end(), 1, act)


def _ellipsis_hits(text: str, start: int, name: str, gaz: _Gazetteer) -> Iterator[_Hit]:
    """The first half of "Opvang- en Procedurerichtlijn" or "Screening- en Eurodac-verordening"."""
    offset = max(0, start - 50)
    head = next((h for h in HEADS if name.lower().endswith(h)), None)
    if head is None or "-" not in text[offset:start]:
        return
    m = _ELLIPSIS_BEFORE.search(text, offset, start)
    if m is None:
        return
    for candidate in (m["part"] + head, m["part"] + "s" + head):
        act = gaz.names.get(name_key(candidate))
        if act is not None:
            yield _Hit(m.start("part"), m.end("part") + 1, 1, act)
            return


def _general_hits(text: str) -> Iterator[_Hit]:
    for m in _COMPOUND.finditer(text):
        if m.group(0)[: m.start("sep") - m.start()].lower() in _GENERIC_PREFIXES:
            continue
        label = m.group(0)
        yield _Hit(m.start(), m.end(), 2, Act(label=label[:1].upper() + label[1:], kind=m["head"].lower()))
    for m in _TITLE.finditer(text):
        head = m["head"]
        words = _title_words(m["words"].split())
        content = [w for w in words if w.lower() not in _TITLE_GLUE]
        if len(content) < _TITLE_CONTENT[head] or not words:
            continue
        if words[0].lower() in _TITLE_GLUE and (head != "Wet" or words[0].lower() not in _FIRST_WORD_OK):
            continue
        end = m.start("words") + _span_of_words(m["words"], len(words))
        yield _Hit(m.start(), end, 2, Act(label=f"{head} {' '.join(words)}", kind=head.lower()))


def _title_words(words: list[str]) -> list[str]:
    """The words of a title: up to a verb or clause word, a year (which closes a title: "Wet
    inkomstenbelasting 2001") or a coordinated phrase ("en de ..."), without glue words at the end."""
    kept: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _TITLE_STOP or (lower in ("en", "of") and i + 1 < len(words) and words[i + 1] in _PHRASE_STARTS):
            break
        kept.append(word)
        if word.isdigit():
            break
    while kept and kept[-1].lower() in _TITLE_GLUE:
        kept.pop()
    return kept



def _span_of_words(words_text: str, count: int) -> int:
    """How far into ``words_text`` its first ``count`` words reach."""
    found = list(re.finditer(r"\S+", words_text))
    return found[count - 1].end() if count else 0


def _article_before(text: str, start: int) -> str | None:
    m = _ARTICLE_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    return m["art"] if m else None


def _resolve_overlaps(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep the best of overlapping hits: identifiers over names over general patterns, then longer."""
    kept_starts: list[int] = []
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.rank, h.start - h.end, h.start)):
        i = bisect_left(kept_starts, hit.start)
        if i > 0 and kept[i - 1].end > hit.start:
            continue
        if i < len(kept) and kept[i].start < hit.end:
            continue
        kept_starts.insert(i, hit.start)
        kept.insert(i, hit)
    return kept


@cache
def _folded_names(act: Act) -> frozenset[str]:
    return frozenset(_fold(name) for name in (act.label, *act.aliases))


def _entity(hit: _Hit, facts: DocFacts) -> Legislation:
    act = hit.act
    mention = facts.view.mention(hit.start, hit.end)
    surface = re.sub(r"\s+", " ", mention.text)
    aliases = list(act.aliases)
    if surface and _fold(surface) not in _folded_names(act):
        aliases.append(surface)
    article = _article_before(facts.view.text, hit.start)
    proposal = act.proposals[0] if act.proposals else None
    return Legislation(
        id=act.ident,
        label=act.label,
        mentions=[mention],
        aliases=aliases,
        kind=act.kind,
        celex=act.main_celex,
        eli=eli_for(act.celex, act.label + " " + surface),
        bwb=act.bwb,
        com=com_for(proposal) or hit.com,
        proposal_celex=proposal,
        articles=[article] if article else [],
    )


def find_legislation(facts: DocFacts) -> None:
    """Add every act or proposal the document refers to, one entity per act."""
    text = facts.view.text
    gaz = gazetteer()
    hits = [*_identifier_hits(text, gaz), *_numbered_hits(text, gaz), *_name_hits(text, gaz), *_general_hits(text)]
    for hit in _resolve_overlaps(hits):
        facts.add(_entity(hit, facts), hit.start, hit.end)
