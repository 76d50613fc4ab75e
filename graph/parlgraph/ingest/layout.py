"""Undo the page layout of text taken from parliamentary PDFs.

What the PDF text layer gives (see data/corpus): page headers and footers between the lines of a
sentence, words hyphenated at line ends, and footnotes printed at the foot of each page with their
markers glued to words in the body ("c.s.7", "Pact.4"). :func:`clean` turns that into a
:class:`TextView`: body first, without furniture, with hyphenated words joined and markers blanked;
then the footnotes. Nothing is lost: every view character maps back to the original.

Footnotes are recognised by evidence on both sides: a line at the foot of the text that starts
with the number the sequence expects next, AND a marker with that number glued to a word in the
body since the previous note. A numbered list in the body ("2 Raad Buitenlandse Zaken d.d. ...")
has no such marker and stays body text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from parlgraph.ingest.textview import NoteBlock, NoteMarker, TextView, TextViewBuilder

# Whole lines (stripped) that are page furniture rather than text. Each is anchored and bounded.
FURNITURE = tuple(
    re.compile(p)
    for p in (
        # "Eerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5" / "Tweede Kamer, vergaderjaar 2023–2024, 32 317, nr. 867 3"
        r"(?:Eerste|Tweede) Kamer, vergaderjaar \d{4}\s?[-–/]\s?\d{2,4}, [^\n]{1,60}",
        # "Tweede Kamer der Staten-Generaal 2" at the top of a page
        r"(?:Eerste|Tweede) Kamer der Staten-Generaal \d{1,4}",
        # " - 3 - MR 10 november 2023"
        r"-\s?\d{1,4}\s?-[^\n]{0,80}",
        # a lone page number
        r"\d{1,4}",
        r"(?:[Pp]agina|[Bb]lad) \d{1,4}(?: van \d{1,4})?",
    )
)

NOTE_LINE = re.compile(r"[ \t]{0,2}(\d{1,3})[ \t]+(?=\S)")
# A footnote marker: one to three digits glued to the end of a word or to closing punctuation.
MARKER = re.compile(r"(?<=[^\s\d(\[/\-–−€$§#+*=<>&])(\d{1,3})(?=[\s,.;:)\]]|$)")
# A marker the text layer set apart: "gecommuniceerd. 2" at the end of a line, after a word and
# the punctuation that closes a sentence or clause.
DETACHED_MARKER = re.compile(r"(?<=[^\W\d_]{3}[.;:?!)\u201d\u2019]) (\d{1,3})(?=[ \t]*$)", re.MULTILINE)
# A page starts with one space in these text layers; a footnote's continuation lines never do.
SECTION_NUMBER = re.compile(r"(?:^|\s)\d{1,2}\.$")
PAGE_START = re.compile(r" \S")
HYPHENATED = re.compile(r"[^\W\d_]-[ \t]*$")
# A hyphen before these words is part of "asiel- en migratiebeleid", not a broken word.
KEEP_HYPHEN_BEFORE = frozenset({"en", "of", "tot", "dan", "noch", "als", "and", "or"})
MAX_NOTE_LINES = 12
MAX_MARKER_TRIES = 32
FIRST_NOTE_REACH = 6000  # how far above its note the marker of an excerpt's first note may stand


@dataclass(slots=True)
class _Line:
    start: int  # original offset of the first character
    end: int  # original offset after the last character, before the newline
    kind: str = "body"  # body, furniture, note
    note: str | None = None  # the footnote number, on a note's first line


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for chunk in text.splitlines(keepends=True):
        content = chunk.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        out.append(_Line(pos, pos + len(content)))
        pos += len(chunk)
    return out


def _is_furniture(stripped: str) -> bool:
    return bool(stripped) and len(stripped) < 120 and any(p.fullmatch(stripped) for p in FURNITURE)


def _marker_index(text: str) -> dict[str, list[int]]:
    """Positions of every possible marker, by number ("07" counts as "7")."""
    index: dict[str, list[int]] = {}
    for m in MARKER.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        if before.endswith(("nr.", "nrs.", "Nr.", "art.")):
            continue
        if before.endswith(",") and len(before) > 1 and before[-2].isdigit():  # decimal comma: "3,6 miljoen"
            continue
        if SECTION_NUMBER.search(text, max(0, m.start() - 5), m.start()):  # "1.2 Stedelijke ontwikkeling"
            continue
        index.setdefault(str(int(m.group(1))), []).append(m.start())
    for m in DETACHED_MARKER.finditer(text):
        index.setdefault(str(int(m.group(1))), []).append(m.start(1))
    for positions in index.values():
        positions.sort()
    return index


def _classify(text: str, lines: list[_Line]) -> list[NoteMarker]:
    """Mark furniture and footnote lines; return the body markers (ORIGINAL offsets) of the notes found."""
    markers_at = _marker_index(text)
    markers: list[NoteMarker] = []
    expected, search_from = 1, 0
    i = 0
    while i < len(lines):
        line = lines[i]
        raw = text[line.start : line.end]
        stripped = raw.strip()
        if _is_furniture(stripped):
            line.kind = "furniture"
            i += 1
            continue
        m = NOTE_LINE.match(raw)
        if m:
            number = int(m.group(1))
            restart = number == 1 and expected > 1  # a second document bound in starts again at 1
            # An excerpt may start mid-sequence: the first note may have any number, if its marker is near.
            first = expected == 1 and number > 1
            if number in (expected, expected + 1) or restart or first:
                lo = max(0, line.start - FIRST_NOTE_REACH) if first else 0 if restart else search_from
                pos = _find_marker(lines, markers_at.get(str(number), []), lo, line.start, restart)
                if pos is not None:
                    end = pos
                    while end < len(text) and text[end].isdigit():
                        end += 1
                    markers.append(NoteMarker(str(number), pos, end))
                    if number == expected + 1:
                        _adopt_unmarked(text, lines, i, str(expected))
                    search_from, expected = end, number + 1
                    line.kind, line.note = "note", str(number)
                    i = _take_continuation(text, lines, i + 1, expected)
                    continue
                if number == expected and _follows_note(text, lines, i):
                    # the next note in a run of notes at the foot of a page, its marker lost
                    # ("PAcCTO 2.09"): the run is evidence enough
                    line.kind, line.note = "note", str(number)
                    expected = number + 1
                    i = _take_continuation(text, lines, i + 1, expected)
                    continue
        i += 1
    return markers


def _follows_note(text: str, lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` starts flush left right under a footnote line."""
    return i > 0 and lines[i - 1].kind == "note" and not text[lines[i].start : lines[i].end][:1].isspace()


def _adopt_unmarked(text: str, lines: list[_Line], i: int, number: str) -> None:
    """Take the note printed just above line ``i`` whose marker the text layer lost ("2" before "3")."""
    for k in range(i - 1, max(-1, i - 1 - MAX_NOTE_LINES), -1):
        raw = text[lines[k].start : lines[k].end]
        if lines[k].kind != "body" or not raw.strip() or PAGE_START.match(raw):
            return
        m = NOTE_LINE.match(raw)
        if m and str(int(m.group(1))) == number:
            for line in lines[k:i]:
                line.kind = "note"
            lines[k].note = number
            return


def _find_marker(lines: list[_Line], positions: list[int], lo: int, hi: int, last: bool) -> int | None:
    """The body marker in [lo, hi) for a note: the first one, or with ``last`` the one nearest the note."""
    first, stop = bisect_left(positions, lo), bisect_left(positions, hi)
    candidates = range(stop - 1, first - 1, -1) if last else range(first, stop)
    for k in candidates[:MAX_MARKER_TRIES]:  # bounded: a note's own lines rarely hold many look-alikes
        if not _inside_note(lines, positions[k]):
            return positions[k]
    return None


def _inside_note(lines: list[_Line], pos: int) -> bool:
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid].end < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(lines) and lines[lo].kind == "note" and lines[lo].start <= pos


def _take_continuation(text: str, lines: list[_Line], i: int, expected: int) -> int:
    """Mark the lines that continue the note just found; return the index of the first that does not."""
    taken = 0
    while i < len(lines) and taken < MAX_NOTE_LINES:
        raw = text[lines[i].start : lines[i].end]
        stripped = raw.strip()
        if not stripped or PAGE_START.match(raw) or _is_furniture(stripped):
            break
        m = NOTE_LINE.match(raw)
        if m and int(m.group(1)) == expected:
            break
        lines[i].kind = "note"
        taken += 1
        i += 1
    return i


def _keeps_hyphen(before: str, after: str) -> bool:
    """Whether a line-end hyphen belongs to the word: "EU-\nContraterrorisme", "Latijns-\nAmerika".

    A lower-case continuation is a broken word; so is a long capitalised one in an all-caps heading
    ("STAATSSECRE-\nTARIS"), where a short stem is an abbreviation ("JBZ-\nRAAD").
    """
    if after[0].islower():
        return False
    stem = re.search(r"[^\W\d_]+$", before)
    return not (after.isupper() and stem is not None and len(stem.group(0)) >= 5 and stem.group(0).isupper())


class _Emitter:
    """Copies original lines into the view, blanking markers and joining hyphenated words."""

    def __init__(self, text: str, markers: list[NoteMarker]) -> None:
        self.text = text
        self.out = TextViewBuilder(text)
        self.markers = markers
        self.marker_starts = [m.start for m in markers]
        self.view_markers: list[NoteMarker] = []

    def copy(self, start: int, end: int) -> None:
        j = bisect_left(self.marker_starts, start)
        while j < len(self.markers) and self.markers[j].start < end:
            mk = self.markers[j]
            self.out.copy(start, mk.start)
            view_start = self.out.length
            self.out.put(" " * (mk.end - mk.start), mk.start)
            self.view_markers.append(NoteMarker(mk.number, view_start, self.out.length))
            start = mk.end
            j += 1
        self.out.copy(start, end)

    def lines(self, lines: list[_Line], first_skip: int = 0) -> None:
        """Emit lines as one flow: line breaks kept, except inside a hyphenated word."""
        text = self.text
        join_from: int | None = None
        for n, line in enumerate(lines):
            start = line.start + (first_skip if n == 0 else 0)
            if join_from is not None:
                start = max(start, join_from)
            end = line.end
            nxt = lines[n + 1] if n + 1 < len(lines) else None
            join_from = None
            hy = HYPHENATED.search(text, start, end) if nxt is not None else None
            if hy:
                following = text[nxt.start : nxt.end].lstrip()
                word = re.match(r"[^\W\d_]+", following)
                if word and word.group(0) not in KEEP_HYPHEN_BEFORE:
                    keep_hyphen = _keeps_hyphen(text[start : hy.start() + 1], word.group(0))
                    self.copy(start, hy.start() + 1 + keep_hyphen)
                    join_from = nxt.end - len(following)
                    continue
            self.copy(start, end)
            self.out.put("\n", end)


def clean(text: str) -> TextView:
    """The cleaned view of a document's original text."""
    lines = _lines(text)
    markers = _classify(text, lines)
    emit = _Emitter(text, markers)
    emit.lines([ln for ln in lines if ln.kind == "body"])
    body_end = emit.out.length

    notes: list[NoteBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].note is None:
            i += 1
            continue
        block = [lines[i]]
        i += 1
        while i < len(lines) and lines[i].kind == "note" and lines[i].note is None:
            block.append(lines[i])
            i += 1
        head = NOTE_LINE.match(text, block[0].start)
        emit.out.put("\n", block[0].start)
        start = emit.out.length
        emit.lines(block, first_skip=head.end() - block[0].start if head else 0)
        notes.append(NoteBlock(block[0].note or "", start, emit.out.length))

    furniture = [(ln.start, ln.end) for ln in lines if ln.kind == "furniture"]
    return emit.out.build(body_end, notes, emit.view_markers, furniture)
