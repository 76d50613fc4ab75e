"""Persons and the government posts (offices) a document names.

Offices are found as a title followed by a ministry or portfolio from the gazetteers ("Minister van
BZK", "de ministers van Justitie en Veiligheid en voor Rechtsbescherming"), resolved to canonical
labels. Persons are found only behind cues: signature blocks, committee signatures, titles ("de heer",
"het lid", "premier", ...), motion names, and names the gazetteers know; capitals alone never make a
person. A signature block or an apposition ("De Minister van X,\\n\\nD. Surname") is the evidence that
the person holds the post.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.text import fold, person_id, slugify
from parlgraph.gazetteers import load, split
from parlgraph.models import Office, Person

# Dutch name particles; a capitalised one only starts a name that has no initials or given name.
PARTICLES = frozenset(
    "van de der den het ter ten te 't in op von zu du da di le la des del della dos el al bin".split()
)
# Capitalised words that follow person cues but are not names: institutions, places, sentence openers.
NOT_NAMES = frozenset(
    """
    de het een en in op met zie dit deze die dat wij ik u uw zij hij hierbij namens naar over voor bij
    kamer tweede eerste raad commissie europese europees europa staten staat regering kabinet nederland
    nederlandse groep fractie justitie veiligheid minister ministers staatssecretaris ministerie president
    voorzitter voorzitterschap griffier koninkrijk unie parlement lidstaten lidstaat brussel luxemburg
    januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag pvda groenlinks christenunie volt denk pvdd forum
    belgie duitsland frankrijk tunesie egypte turkije oekraine rusland italie spanje amerika afrika
    binnenlandse buitenlandse zaken financien defensie onderwijs sociale volksgezondheid algemene
    economische infrastructuur landbouw asiel klimaat volkshuisvesting rechtsbescherming migratie
    kamerstuk kamerbrief motie moties amendement artikel wet antwoord vraag vragen
    """.split()
)
# Particles that may open a name in lower case, as in sloppy "het lid van Weerdenburg".
LOWER_STARTS = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "von"})
INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){1,5}")
# A token of a name: a word (with inner hyphens, apostrophes) or a slash between coordinated names.
TOKEN = re.compile(r"[^\s/(),;:?!\"“”]+|[/(),;:?!\"“”]")
# Letters may carry combining marks: PDF text often writes "ş" as "s" + U+0327.
WORD = re.compile(r"[^\W\d_][\w'’\u0300-\u036f]*(?:-[^\W\d_][\w'’\u0300-\u036f]*)*\.?")

# Cues after which a single surname is enough. Title cues need a capitalised name start;
# member cues also accept a lower-case particle ("het lid van Weerdenburg").
# Each cue pattern opens with a lookahead on its possible first letters: it lets the scan skip ahead fast.
TITLE_CUE = re.compile(
    r"(?=[DdMmSsPpEeBbKkWwRrHhVvCcFf])\b(?:[Dd]e\s+heer|[Mm]evrouw|[Mm]w\.|[Dd]hr\.|[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|[Pp]remier"
    r"|[Pp]resident|(?:[Ee]uro|EU-)?[Cc]ommissaris|(?:[Bb]onds)?[Kk]anselier|[Kk]oning(?:in)?|[Dd]ictator"
    r"|[Bb]urgemeester|[Ww]ethouder|[Rr]apporteur|[Hh]oogleraar|[Pp]rofessor|[Ss]ecretaris-[Gg]eneraal"
    r"|(?:[Cc]ommissie|[Ff]ractie|[Pp]artij|[Rr]aads)?[Vv]oorzitter)"
    r"(?=[ \t]*\n?[ \t]*[^\W\d_])\s+"
)
MEMBER_CUE = re.compile(
    r"(?=[HhDdKlMmAa])\b(?:(?:[Hh]et\s+|[Dd]e\s+)?(?:Kamer)?(?P<lid>lid|leden)|[Mm]otie(?:s)?|[Aa]mendement(?:en)?)"
    r"(?:-|\s+(?:(?P<of>van\s+(?:het\s+lid|de\s+leden))\s+)?)(?=\S)"
)
# Weak cues ("Hollywoodster Ashton Kutcher", "directeur Jan Jansen") need a given name or initials too.
# The "-ster" compounds are searched from the literal suffix, which keeps the scan fast.
STAR_CUE = re.compile(r"ster\b(?<=[\w-]{3}ster)(?<![Mm]inister)(?<![Rr]egister)(?<![Kk]looster)\s+")
PROFESSION_CUE = re.compile(
    r"\b(?:acteur|actrice|zangeres|zanger|schrijver|journalist|ondernemer|directeur|topman|topvrouw|advocaat"
    r"|ambassadeur|oprichter|activist|blogger)\s+"
)
# Academic and legal titles ("mr. A.J. van der Veen", "prof. dr. Jan Jansen") precede a full name.
ACADEMIC_CUE = re.compile(r"(?<![\w.])(?:[Mm]r|[Dd]rs?|[Ii]r|[Pp]rof)\.[ \t]*(?=[A-Z])")
COMMITTEE_SIGNATURE = re.compile(
    r"^[ \t]*(?:[Dd]e\s+)?(?P<role>[Vv]oorzitter|[Oo]ndervoorzitter|(?:[Aa]djunct-|[Ww]aarnemend\s+)?[Gg]riffier)"
    r"\s+van\s+de\s+(?:vaste\s+|algemene\s+|tijdelijke\s+|bijzondere\s+)?commissie[^\n,]{0,80},[ \t]*\n"
    r"(?:[ \t]*\n){0,3}[ \t]*(?P<line>[^\n]{2,60}?)[ \t]*$",
    re.MULTILINE,
)
# After an office: the signature name on a later line, or an apposition on the same line.
SIGNATURE_TAIL = re.compile(r"[ \t]*,[ \t]*\n(?:[ \t]*\n){0,6}[ \t]*(?P<line>[^\n]{2,60}?)[ \t]*$", re.MULTILINE)
APPOSITION_TAIL = re.compile(r",?[ \t]+(?:(?:de\s+heer|mevrouw)\s+)?(?=[A-Z])")
FOREIGN_ADJECTIVE = re.compile(r"\b(?P<adj>[^\W\d_]+(?:se|sche))\s+$")
# "De Minister van Financiën van Polen, Andrzej Domański": the country, then the holder's full name.
FOREIGN_APPOSITION = re.compile(
    r"\s+(?:van|uit)\s+(?:(?:de|het)\s+)?[A-Z][\w-]{1,30}(?:\s+[A-Z][\w-]{1,30})?,[ \t]*\n?[ \t]*(?=[A-Z])"
)
FOREIGN_AFTER = re.compile(r"\s+(?:van|uit)\s+(?:(?:de|het)\s+)?(?:[A-Z]|lidstaten\b|andere\b|een\s+aantal\b)")
PLURAL_ROLE = re.compile(r"ministers|staatssecre-?tarissen")
COORDINATION = re.compile(r"\s*(?:,|/|\ben\b)\s*")


@dataclass(frozen=True, slots=True)
class Post:
    label: str
    role: str
    ministry: str | None
    portfolio: str | None
    tooi: str | None
    start: str
    end: str
    prep: str  # "van" for a ministry's own post, "voor" for a minister without portfolio


@dataclass(slots=True)
class ParsedName:
    text: str  # as written: "D. Yeşilgöz-Zegerius"
    surname: str  # "Yeşilgöz-Zegerius", particle lower case at the start: "van der Burg"
    end: int  # offset in the scanned string just after the name
    full: bool  # initials or a given name were written


@cache
def _ministries() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in load("ministries")}


@cache
def _post_index() -> dict[tuple[str, str], tuple[Post, ...]]:
    """(role, folded name or abbreviation) -> the posts it can denote."""
    index: dict[tuple[str, str], list[Post]] = {}

    def put(role: str, names: list[str], post: Post) -> None:
        for name in names:
            bucket = index.setdefault((role, fold(name)), [])
            if post not in bucket:
                bucket.append(post)

    for name, row in _ministries().items():
        names = [name, *split(row["abbreviations"])]
        for role, title in (("minister", "Minister"), ("staatssecretaris", "Staatssecretaris")):
            post = Post(f"{title} van {name}", role, name, None, row["tooi"] or None, row["start"], row["end"], "van")
            put(role, names, post)
    for row in load("posts"):
        if not row["portfolio"]:
            continue
        ministry = _ministries().get(row["ministry"], {})
        post = Post(
            row["label"], row["role"], row["ministry"] or None, row["portfolio"], ministry.get("tooi") or None,
            min((r["start"] for r in load("posts") if r["label"] == row["label"] and r["start"]), default=""),
            max((r["end"] for r in load("posts") if r["label"] == row["label"] and r["end"]), default=""),
            "voor",
        )
        put(row["role"], [row["portfolio"], *split(row["abbreviations"])], post)
    return {key: tuple(posts) for key, posts in index.items()}


def _names_pattern(names: list[str], flags: str) -> str:
    parts = [r"\s+".join(map(re.escape, name.split())) for name in sorted(set(names), key=len, reverse=True)]
    return f"(?{flags}:{'|'.join(parts)})" if parts else "(?!)"


@cache
def _office_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The head of an office mention and the continuation of a coordinated one."""
    full, abbreviations = [], []
    for row in _ministries().values():
        full.append(row["name"])
        abbreviations.extend(split(row["abbreviations"]))
    for row in load("posts"):
        if row["portfolio"]:
            full.append(row["portfolio"])
            abbreviations.extend(split(row["abbreviations"]))
    names = f"(?P<name>{_names_pattern(full, 'i')}|{_names_pattern(abbreviations, '')})(?![\\w&-])"
    role = r"(?:minister|staatssecre-?taris)"
    head = re.compile(
        rf"\b(?P<roles>(?i:{role}(?:s|sen)?(?:\s+en\s+{role}(?:s|sen)?)?))"
        rf"\s+(?P<prep>(?i:van|voor))\s+{names}"
        r"|\b(?P<pm>(?i:minister-president|premier))\b"
    )
    cont = re.compile(
        rf"\s*(?:,\s*(?:(?i:en)\s+)?|\s+(?i:en)\s+)(?:(?i:de|het)\s+)?(?:(?P<role>(?i:{role}))(?i:s|sen)?\s+)?"
        rf"(?P<prep>(?i:van|voor))\s+{names}"
    )
    return head, cont


def _pick(posts: tuple[Post, ...], prep: str, date: str | None) -> Post:
    """The post a name denotes at the document's date, else the one the preposition fits."""
    if date and len(posts) > 1:
        current = [p for p in posts if (not p.start or p.start <= date) and (not p.end or date <= p.end)]
        if len(current) == 1:
            return current[0]
    return next((p for p in posts if p.prep == prep), posts[0])


def _role_of(word: str) -> str:
    return "staatssecretaris" if fold(word).startswith("staatssecre") else "minister"


def _minister_president() -> Post:
    row = _ministries().get("Algemene Zaken", {})
    return Post("Minister-president", "minister-president", "Algemene Zaken", None, row.get("tooi") or None, "", "", "van")


@cache
def _dutch_premiers() -> frozenset[str]:
    return frozenset(fold(r["surname"]) for r in load("posts") if r["role"] == "minister-president")


def _premiers_at(date: str | None) -> frozenset[str]:
    """The Dutch premier(s) in office at a date: "Minister-president Rutte" in 2025 names a former one."""
    if not date:
        return _dutch_premiers()
    return frozenset(
        fold(r["surname"]) for r in load("posts")
        if r["role"] == "minister-president" and (not r["start"] or r["start"] <= date) and (not r["end"] or date <= r["end"])
    )


def _compounded(text: str, start: int) -> bool:
    """"JBZ-ministers", "vice-minister", "oud-premier": not a Dutch post held now."""
    return start > 0 and text[start - 1] == "-"


def _is_foreign(text: str, start: int, end: int) -> bool:
    """An adjective of nationality before ("de Tunesische minister"), or a country after ("... van Egypte")."""
    before = FOREIGN_ADJECTIVE.search(text, max(0, start - 40), start)
    if before and fold(before.group("adj")) != "nederlandse":
        return True
    return FOREIGN_AFTER.match(text, end) is not None


def _parse_name(
    text: str, start: int, *, lower_particle: bool, need_full: bool, limit: int | None = None
) -> ParsedName | None:
    """A person's name at ``start`` (before ``limit``): [initials] [given names] [particles] Surname, or None."""
    tokens = list(TOKEN.finditer(text, start, min(len(text), start + 90, limit or len(text))))
    parts: list[tuple[str, str, int, int]] = []  # (kind, word, start, end)
    open_compound = False  # "Faber-van": a double surname whose second part follows
    for tok in tokens:
        word = tok.group()
        if tok.start() != start and text[start:tok.start()].count("\n") > 1:
            break
        stripped = word.rstrip(".")
        kind = ""
        if INITIALS.fullmatch(word) and not parts:
            kind = "init"
        elif fold(word) in PARTICLES and (word.islower() or not any(k in ("given", "name") for k, *_ in parts)):
            kind = "particle"
        elif WORD.fullmatch(word) and word[0].isupper() and any(c.islower() for c in stripped):
            if fold(stripped) in NOT_NAMES or "fractie" in fold(stripped):
                break
            kind = "name"
        if not kind:
            break
        parts.append((kind, word, tok.start(), tok.end()))
        start = tok.end()
        if kind == "name" and not open_compound and _opens_compound(word):
            open_compound = True
            continue
        if kind == "name" and (word.endswith(".") or parts[0][0] == "init" or open_compound):
            break  # initials go with one surname: "E. van der Burg", never more capitals after it
        if sum(k == "name" for k, *_ in parts) == 3:
            break
    while parts and parts[-1][0] != "name":
        parts.pop()
    if not parts:
        return None
    first = parts[0]
    if first[0] == "particle" and first[1].islower() and not (lower_particle and first[1] in LOWER_STARTS):
        return None
    last_name = max(i for i, p in enumerate(parts) if p[0] == "name")
    surname_from = last_name
    while surname_from > 0 and (
        parts[surname_from - 1][0] == "particle"
        or parts[surname_from - 1][0] == "name" and _opens_compound(parts[surname_from - 1][1])
    ):
        surname_from -= 1
    surname_parts = [p[1].rstrip(".") if i == last_name else p[1] for i, p in enumerate(parts) if surname_from <= i <= last_name]
    if surname_from == 0 and surname_parts[0].lower() in PARTICLES:
        surname_parts[0] = surname_parts[0].lower()
    full = surname_from > 0
    if need_full and not full:
        return None
    end = parts[last_name][3] - (1 if parts[last_name][1].endswith(".") else 0)
    return ParsedName(" ".join(text[first[2]:end].split()), " ".join(surname_parts), end, full)


def _opens_compound(word: str) -> bool:
    """"Faber-van" in "Faber-van de Klashorst": a surname joined to a particle that opens the next one."""
    head, dash, tail = word.rpartition("-")
    return bool(head and dash) and tail in PARTICLES


class _Collector:
    """Gathers a document's persons first, so each keeps the fullest form of its name."""

    def __init__(self, facts: DocFacts) -> None:
        self.facts = facts
        self.persons: dict[str, tuple[Person, list[tuple[int, int]]]] = {}
        self.taken: list[tuple[int, int]] = []

    def office(self, post: Post, start: int, end: int) -> None:
        office = Office(
            id=f"office:{slugify(post.label)}", label=post.label, role=post.role, ministry=post.ministry,
            tooi=post.tooi, portfolio=post.portfolio, mentions=[self.facts.view.mention(start, end)],
        )
        self.facts.add(office, start, end)

    def person(self, name: ParsedName, start: int, role: str | None = None, offices: list[str] | None = None) -> None:
        pid = person_id(name.surname)
        if pid == "person:":
            return
        entity = Person(
            id=pid, label=name.text, name=name.text, surname=name.surname, offices=list(offices or []),
            roles=[role] if role else [], mentions=[self.facts.view.mention(start, name.end)],
        )
        known = self.persons.get(pid)
        if known is None:
            self.persons[pid] = (entity, [(start, name.end)])
            return
        person, spans = known
        if len(entity.name) > len(person.name):
            person.name = person.label = entity.name
        person.absorb(entity)
        spans.append((start, name.end))

    def flush(self) -> None:
        for person, spans in self.persons.values():
            for start, end in spans:
                self.facts.add(person, start, end)


def _find_offices(facts: DocFacts, out: _Collector) -> list[tuple[int, int, list[Post]]]:
    """Every Dutch office mention; returns the chains (start, end, posts) for holders to attach to."""
    text, date = facts.view.text, facts.info.date
    head, cont = _office_patterns()
    index = _post_index()
    chains: list[tuple[int, int, list[Post]]] = []
    for m in head.finditer(text):
        if chains and m.start() < chains[-1][1]:
            continue  # a title inside the coordinated mention just read
        if m.group("pm"):
            if _compounded(text, m.start()) or _is_foreign(text, m.start(), m.end()):
                continue
            name = _parse_name(text, m.end() + 1, lower_particle=False, need_full=False) if m.end() < len(text) else None
            if fold(m.group("pm")) == "premier" and name and fold(name.surname) not in _dutch_premiers():
                continue
            out.office(_minister_president(), m.start(), m.end())
            chains.append((m.start(), m.end(), [_minister_president()]))
            continue
        roles = [_role_of(r) for r in re.split(r"\s+en\s+", m.group("roles"), flags=re.IGNORECASE)]
        segments = [(m.start(), m.end(), roles, m.group("prep"), m.group("name"))]
        end = m.end()
        while c := cont.match(text, end):
            roles = [_role_of(c.group("role"))] if c.group("role") else roles
            segments.append((c.start("prep") if not c.group("role") else c.start("role"), c.end(), roles, c.group("prep"), c.group("name")))
            end = c.end()
        plural = PLURAL_ROLE.fullmatch(fold(m.group("roles"))) is not None
        if _compounded(text, m.start()) or (plural and len(segments) == 1):
            continue
        if _is_foreign(text, m.start(), end):
            _foreign_holder(text, end, out)
            continue
        posts: list[Post] = []
        for s, e, seg_roles, prep, name in segments:
            for role in seg_roles:
                candidates = index.get((role, fold(name)))
                if candidates:
                    post = _pick(candidates, fold(prep), date)
                    out.office(post, s, e)
                    posts.append(post)
        out.taken.append((m.start(), end))
        chains.append((m.start(), end, posts))
    return chains


def _foreign_holder(text: str, end: int, out: _Collector) -> None:
    """The named holder of a foreign post is a person, holding no Dutch office."""
    app = FOREIGN_APPOSITION.match(text, end)
    if app and (name := _parse_name(text, app.end(), lower_particle=False, need_full=True)):
        out.person(name, app.end())


def _holders(facts: DocFacts, out: _Collector, chains: list[tuple[int, int, list[Post]]]) -> None:
    """Signature blocks and appositions: the person named right after an office holds it."""
    text = facts.view.text
    for start, end, posts in chains:
        if not posts:
            continue
        sig = SIGNATURE_TAIL.match(text, end)
        if sig:
            name = _parse_name(text, sig.start("line"), lower_particle=False, need_full=False, limit=sig.end("line"))
            if name and name.end == sig.end("line"):
                out.person(name, sig.start("line"), posts[0].role, [p.label for p in posts])
            continue
        app = APPOSITION_TAIL.match(text, end)
        if app and (posts[0].role != "minister-president" or fold(text[start:end]) == "minister-president"):
            name = _parse_name(text, app.end(), lower_particle=False, need_full=False)
            if name and (posts[0].role != "minister-president" or fold(name.surname) in _premiers_at(facts.info.date)):
                out.person(name, app.end(), posts[0].role, [p.label for p in posts])


def _committee(facts: DocFacts, out: _Collector) -> None:
    text = facts.view.text
    for m in COMMITTEE_SIGNATURE.finditer(text):
        name = _parse_name(text, m.start("line"), lower_particle=False, need_full=False, limit=m.end("line"))
        if name and name.end == m.end("line"):
            role = "voorzitter" if "voorzitter" in fold(m.group("role")) else "griffier"
            out.person(name, m.start("line"), role)


def _overlaps_office(out: _Collector, start: int) -> bool:
    return any(s <= start < e for s, e in out.taken)


def _cued(facts: DocFacts, out: _Collector) -> None:
    text = facts.view.text
    for m in TITLE_CUE.finditer(text):
        name = _parse_name(text, m.end(), lower_particle=False, need_full=False)
        if name and not _overlaps_office(out, m.end()):
            cue = fold(m.group()).split()[0]
            role = cue if cue in ("minister", "staatssecretaris", "voorzitter", "premier") else None
            out.person(name, m.end(), role)
    for m in MEMBER_CUE.finditer(text):
        pos = m.end()
        for _ in range(6):
            name = _parse_name(text, pos, lower_particle=bool(m.group("lid") or m.group("of")), need_full=False)
            if not name:
                break
            out.person(name, pos, "lid")
            more = COORDINATION.match(text, name.end)
            if not more or not m.group("lid") and not more.group().strip() in (",", "/", "en"):
                break
            pos = more.end()
            if m.group("lid") == "lid" and more.group().strip() != "/":
                break
    for m in (*STAR_CUE.finditer(text), *PROFESSION_CUE.finditer(text), *ACADEMIC_CUE.finditer(text)):
        name = _parse_name(text, m.end(), lower_particle=False, need_full=True)
        if name:
            out.person(name, m.end())


@cache
def _known_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Full names from the gazetteers, and the given names they contain."""
    full = [r["name"] for r in load("persons")] + [r["holder"] for r in load("posts") if r["holder"]]
    given = {n.split()[0] for n in full}
    return (
        re.compile(rf"(?=[A-ZÀ-ÖØ-Þ])(?<![\w-]){_names_pattern(full, '')}(?![\w-])"),
        re.compile(rf"(?=[A-ZÀ-ÖØ-Þ])(?<![\w.-]){_names_pattern(sorted(given), '')}\s+(?=[^\W\d_])"),
    )


def _known(facts: DocFacts, out: _Collector) -> None:
    text = facts.view.text
    full, given = _known_patterns()
    for m in full.finditer(text):
        name = _parse_name(text, m.start(), lower_particle=False, need_full=False)
        if name:
            out.person(name, m.start())
    for m in given.finditer(text):
        name = _parse_name(text, m.start(), lower_particle=False, need_full=True)
        if name:
            out.person(name, m.start())


def find_people(facts: DocFacts) -> None:
    out = _Collector(facts)
    chains = _find_offices(facts, out)
    _holders(facts, out, chains)
    _committee(facts, out)
    _cued(facts, out)
    _known(facts, out)
    out.flush()
