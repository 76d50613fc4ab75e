"""Footnotes: each note the layout cleaner found, linked to its markers and the Kamerstukken it cites.

The link matters downstream: "motie van het lid Van Raan c.s.7" names a motion whose Kamerstuk
stands in footnote 7 ("Kamerstuk 26 643, nr. 885."). :func:`note_for_marker_near` answers "which
footnote does the marker at this body position point to?".

A document may bind several numbered series (a letter and its annex both start at 1): the first
series keeps ids "footnote:<n>", later ones become "footnote:<series>.<n>".
"""
from __future__ import annotations

from bisect import bisect_left

from parlgraph.extract.facts import DocFacts
from parlgraph.ingest.textview import NoteBlock, NoteMarker, TextView
from parlgraph.models import Footnote

MARKER_WINDOW = 12  # view characters between the end of a phrase and its marker ("c.s. 7", "c.s.7")


def _note_ids(notes: list[NoteBlock]) -> list[str]:
    ids, series, previous = [], 1, 0
    for note in notes:
        number = int(note.number) if note.number.isdigit() else 0
        if number <= previous:
            series += 1
        previous = number
        ids.append(f"footnote:{note.number}" if series == 1 else f"footnote:{series}.{note.number}")
    return ids


def _note_of_marker(view: TextView, notes: list[NoteBlock], starts: list[int], marker: NoteMarker) -> int | None:
    """Index of the note a marker points to: the first note with its number printed after it."""
    where = view.to_original(marker.start, marker.end)[0]
    for i in range(bisect_left(starts, where), len(notes)):
        if notes[i].number == marker.number:
            return i
    return None


def find_footnotes(facts: DocFacts) -> None:
    view = facts.view
    notes = sorted(view.notes, key=lambda n: view.to_original(n.start, n.start + 1)[0])
    if not notes:
        return
    ids = _note_ids(notes)
    starts = [view.to_original(n.start, n.start + 1)[0] for n in notes]
    markers_of: dict[int, list[NoteMarker]] = {}
    for marker in view.markers:
        i = _note_of_marker(view, notes, starts, marker)
        if i is not None:
            markers_of.setdefault(i, []).append(marker)
    kamerstukken = facts.located("kamerstuk")
    for i, note in enumerate(notes):
        text = " ".join(view.text[note.start : note.end].split())
        cites: list[str] = []
        for loc in kamerstukken:
            if note.start <= loc.start < note.end and loc.entity.id not in cites:
                cites.append(loc.entity.id)
        marks = markers_of.get(i, [])
        footnote = Footnote(
            id=ids[i],
            label=f"voetnoot {note.number}",
            mentions=[view.mention(note.start, note.end)] + [view.mention(m.start, m.end) for m in marks],
            number=note.number,
            text=text,
            cites=cites,
        )
        facts.add(footnote, note.start, note.end)
        for m in marks:
            facts.add(footnote, m.start, m.end)


def note_for_marker_near(facts: DocFacts, view_pos: int, window: int = MARKER_WINDOW) -> Footnote | None:
    """The footnote whose marker stands at or just after view position ``view_pos`` in the body.

    Call it with the end of a phrase ("c.s." in "motie van het lid Van Raan c.s.7"); a marker
    more than ``window`` characters further on belongs to something else.
    """
    for loc in facts.located("footnote"):
        if loc.start >= facts.view.body_end or loc.start > view_pos + window:
            return None
        if loc.start >= view_pos and isinstance(loc.entity, Footnote):
            return loc.entity
    return None
