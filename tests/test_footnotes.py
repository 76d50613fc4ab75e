"""Footnotes: notes, their markers in the body, the Kamerstukken they cite, and the marker lookup."""
from __future__ import annotations

import pytest

from parlgraph.extract.citations import find_kamerstukken
from parlgraph.extract.facts import DocFacts
from parlgraph.extract.footnotes import find_footnotes, note_for_marker_near
from parlgraph.ingest.layout import clean
from parlgraph.models import Footnote

AGENDA = (
    "De Kamer heeft verschillende moties aangenomen die verdere richting \n"
    "geven aan dit standpunt: motie van het lid Van Raan c.s.7 motie van het lid \n"
    "Van Ginneken c.s.8 en de motie Van Weerdenburg c.s.9 In reactie daarop \n"
    "is de Kamer geïnformeerd.\n"
    "\n"
    "7 Kamerstuk 26 643, nr. 885.\n"
    "8 Kamerstuk 26 643, nr. 1011.\n"
    "9 Kamerstukken II 2022/23, 26 643, nrs. 1047 en 1043; Kamerstuk 32 317, nr. 848.\n"
    " De volgende pagina begint hier.\n"
)
# A letter and its annex, each numbering its notes from 1.
TWO_SERIES = (
    "Hierbij bieden wij uw Kamer het verslag aan.1 Zie ook de bijlage.\n"
    "\n"
    "1 Kamerstuk 32 317, nr. 853.\n"
    " Verslag van de Raad\n"
    "De Raad sprak over het pact.1 Daarna over Schengen.2\n"
    "\n"
    "1 https://ec.europa.eu/commission/presscorner/detail/en/FS_23_3205\n"
    "2 Kamerstukken II, 2016-2017, 22 112, Nr. 2190, 26 augustus 2016.\n"
)


def run(text: str) -> DocFacts:
    facts = DocFacts(clean(text))
    find_kamerstukken(facts)
    find_footnotes(facts)
    return facts


def footnotes(facts: DocFacts) -> dict[str, Footnote]:
    return {e.id: e for e in facts.entities("footnote") if isinstance(e, Footnote)}


@pytest.mark.parametrize(
    ("ident", "number", "cites"),
    [
        ("footnote:7", "7", ["kst-26643-885"]),
        ("footnote:8", "8", ["kst-26643-1011"]),
        ("footnote:9", "9", ["kst-26643-1047", "kst-26643-1043", "kst-32317-848"]),
    ],
)
def test_notes_cite_their_kamerstukken(ident: str, number: str, cites: list[str]) -> None:
    note = footnotes(run(AGENDA))[ident]
    assert note.number == number and note.cites == cites


def test_note_text_and_marker_mentions() -> None:
    note = footnotes(run(AGENDA))["footnote:7"]
    assert note.text == "Kamerstuk 26 643, nr. 885."
    assert note.mentions[0].text == "Kamerstuk 26 643, nr. 885."
    marker = note.mentions[1]
    assert marker.text == "7" and AGENDA[marker.start - 4 : marker.end] == "c.s.7"


@pytest.mark.parametrize(("phrase", "expected"), [("Van Raan c.s.", "footnote:7"), ("Van Ginneken c.s.", "footnote:8"), ("Weerdenburg c.s.", "footnote:9")])
def test_marker_lookup_after_a_phrase(phrase: str, expected: str) -> None:
    facts = run(AGENDA)
    pos = facts.view.text.index(phrase) + len(phrase)
    note = note_for_marker_near(facts, pos)
    assert note is not None and note.id == expected


def test_marker_lookup_finds_nothing_far_away() -> None:
    facts = run(AGENDA)
    assert note_for_marker_near(facts, facts.view.text.index("De Kamer heeft")) is None


def test_restarted_numbering_gets_unique_ids() -> None:
    notes = footnotes(run(TWO_SERIES))
    assert sorted(notes) == ["footnote:1", "footnote:2.1", "footnote:2.2"]
    assert notes["footnote:1"].cites == ["kst-32317-853"]
    assert notes["footnote:2.1"].cites == [] and notes["footnote:2.2"].cites == ["kst-22112-2190"]
    for note in notes.values():
        for m in note.mentions:
            assert TWO_SERIES[m.start : m.end] == m.text


def test_numbered_list_is_no_footnote() -> None:
    text = (
        "De conclusies ten aanzien van de volgende onderwerpen zijn vastgesteld: \n"
        "1 Informele bijeenkomst ministers van Volkshuisvesting d.d. 13 \n"
        "en 14 november 2023 \n"
        "2 Raad Buitenlandse Zaken d.d. 13 november 2023 \n"
        "2.1 Russische agressie tegen Oekraïne \n"
    )
    assert footnotes(run(text)) == {}
