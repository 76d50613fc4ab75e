"""A cleaned view of a document's text that remembers where every character came from.

Extractors read ``TextView.text``: page furniture removed, words hyphenated at line ends joined,
footnote markers lifted off the words they were glued to, and the footnotes gathered after the
body. Every mention they find is mapped back with :meth:`TextView.to_original`, so offsets in the
output always index the ORIGINAL text.

The mapping is a list of segments, each a run of view characters copied from one run of original
characters. Segments are in view order; their original positions need not be increasing (the
footnotes are moved to the end), which is why a span that straddles two segments is mapped by its
first character's segment when the two disagree.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from parlgraph.models import Mention


@dataclass(frozen=True, slots=True)
class NoteBlock:
    """A footnote as laid out at the foot of a page: its number and its text, in view offsets."""

    number: str
    start: int  # where the note's text starts in the view (after the number)
    end: int


@dataclass(frozen=True, slots=True)
class NoteMarker:
    """A footnote marker that was glued to a word in the body ("c.s.7"), in view offsets.

    In the view the marker's digits are replaced by spaces; ``start``/``end`` is where they stood.
    """

    number: str
    start: int
    end: int


@dataclass(slots=True)
class TextView:
    original: str
    text: str
    _view_starts: list[int]
    _orig_starts: list[int]
    body_end: int  # the footnotes, if any, follow the body in the view
    notes: list[NoteBlock] = field(default_factory=list)
    markers: list[NoteMarker] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # page headers/footers, ORIGINAL offsets

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the view span [start, end)."""
        if end <= start:
            pos = self._point(start)
            return pos, pos
        first = self._point(start)
        last = self._point(end - 1) + 1
        if last < first:  # the span crosses a moved block: keep the part in the first segment
            seg = bisect_right(self._view_starts, start) - 1
            seg_end = self._view_starts[seg + 1] if seg + 1 < len(self._view_starts) else len(self.text)
            last = self._orig_starts[seg] + (seg_end - self._view_starts[seg])
        return first, min(max(first, last), len(self.original))

    def _point(self, i: int) -> int:
        seg = bisect_right(self._view_starts, i) - 1
        if seg < 0:
            return 0
        return min(self._orig_starts[seg] + (i - self._view_starts[seg]), len(self.original))

    def mention(self, start: int, end: int) -> Mention:
        """A mention in ORIGINAL coordinates for the view span [start, end), trimmed of white space."""
        s, e = self.to_original(start, end)
        while s < e and self.original[s].isspace():
            s += 1
        while e > s and self.original[e - 1].isspace():
            e -= 1
        return Mention(s, e, self.original[s:e])

    def in_notes(self, pos: int) -> bool:
        return pos >= self.body_end

    def note_at(self, pos: int) -> NoteBlock | None:
        """The footnote whose text contains view position ``pos``."""
        for note in self.notes:
            if note.start <= pos < note.end:
                return note
        return None


class TextViewBuilder:
    """Builds a :class:`TextView` from runs of the original text, in the order the view wants them."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._view_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def copy(self, start: int, end: int) -> None:
        """Append original[start:end] unchanged."""
        if end <= start:
            return
        self._segment(start)
        self._parts.append(self.original[start:end])
        self._length += end - start

    def put(self, text: str, at: int) -> None:
        """Append text that replaces or joins the original around position ``at`` (e.g. spaces for a marker)."""
        if not text:
            return
        self._segment(at)
        self._parts.append(text)
        self._length += len(text)

    def _segment(self, orig_start: int) -> None:
        # Adjacent runs that continue each other share a segment; that keeps the table short.
        if self._view_starts:
            prev_view, prev_orig = self._view_starts[-1], self._orig_starts[-1]
            if prev_orig + (self._length - prev_view) == orig_start:
                return
        self._view_starts.append(self._length)
        self._orig_starts.append(orig_start)

    def build(
        self, body_end: int, notes: list[NoteBlock], markers: list[NoteMarker], furniture: list[tuple[int, int]]
    ) -> TextView:
        return TextView(
            original=self.original,
            text="".join(self._parts),
            _view_starts=self._view_starts,
            _orig_starts=self._orig_starts,
            body_end=body_end,
            notes=notes,
            markers=markers,
            furniture=furniture,
        )
