"""The PDF-layout cleaner: furniture, hyphenation, footnotes and markers, and offsets back to the original."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parlgraph.ingest.layout import clean


@pytest.mark.parametrize(
    ("text", "view_has", "view_lacks"),
    [
        ("bestaande \nEerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5\n\n\n\nopvangvoorzieningen.\n", "bestaande", "vergaderjaar"),
        ("de Raad \nTweede Kamer, vergaderjaar 2023–2024, 32 317, nr. 867 3\nsprak over\n", "sprak over", "nr. 867"),
        ("\nEerste Kamer der Staten-Generaal 1\nVergaderjaar 2023–2024 \n", "Vergaderjaar", "Staten-Generaal 1"),
        ("de brief \n\n - 3 - MR 10 november 2023  \nAangenomen.\n", "Aangenomen.", "- 3 -"),
        ("onderwerp\n\n11 \n \nHet kabinet\n", "Het kabinet", "11"),
    ],
)
def test_page_furniture_leaves_the_view(text: str, view_has: str, view_lacks: str) -> None:
    view = clean(text)
    assert view_has in view.text and view_lacks not in view.text
    for start, end in view.furniture:
        assert view_lacks in text[start:end] or text[start:end].strip().isdigit()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("het EU hervestiging- en humani-\ntaire toelatingsprogramma", "het EU hervestiging- en humanitaire toelatingsprogramma"),
        ("asiel- en migratiebeleid", "asiel- en migratiebeleid"),
        ("voor asiel-\nen migratiebeleid", "voor asiel-\nen migratiebeleid"),
        ("samenwerking met Latijns-\nAmerika", "samenwerking met Latijns-Amerika"),
        ("de EU-\nContraterrorismecoördinator", "de EU-Contraterrorismecoördinator"),
        ("DE STAATSSECRE-\nTARIS VAN JUSTITIE", "DE STAATSSECRETARIS VAN JUSTITIE"),
        ("DE JBZ-\nRAAD", "DE JBZ-RAAD"),
        ("de Staatssecretaris en het Voorzitter-\nschap", "de Staatssecretaris en het Voorzitterschap"),
    ],
)
def test_hyphenation(text: str, expected: str) -> None:
    assert clean(text).text.rstrip("\n") == expected


NOTES = (
    "geven aan dit standpunt: motie van het lid Van Raan c.s.1 en de motie over het \n"
    "Pact.2 De Raad vergaderde in Luxemburg3 en in de periode 2024–2025.4 Het BNC-fiche \n"
    "is gestuurd. 5 \n"
    "\n"
    "1 Kamerstuk 32 317, nr. 772.\n"
    "2 Kamerstuk 19 637, nr. 2992.\n"
    "3 Kamerstuk 22 112, nr. 3455.\n"
    "4 Kamerstuk 26 643, nr. 885.\n"
    "5 Kamerstuk 26 643, nr. 886.\n"
)


@pytest.mark.parametrize(
    ("number", "glued_to"),
    [("1", "c.s."), ("2", "Pact."), ("3", "Luxemburg"), ("4", "2024–2025."), ("5", "gestuurd. ")],
)
def test_glued_markers_are_found(number: str, glued_to: str) -> None:
    view = clean(NOTES)
    (marker,) = [m for m in view.markers if m.number == number]
    start, end = view.to_original(marker.start, marker.end)
    assert NOTES[start:end] == number and NOTES[:start].endswith(glued_to)
    assert view.text[marker.start : marker.end].strip() == ""


def test_notes_follow_the_body() -> None:
    view = clean(NOTES)
    assert [n.number for n in view.notes] == ["1", "2", "3", "4", "5"]
    first = view.notes[0]
    assert first.start >= view.body_end
    assert view.text[first.start : first.end].strip() == "Kamerstuk 32 317, nr. 772."
    assert "Kamerstuk 32 317" not in view.text[: view.body_end]


def test_numbered_list_is_not_a_footnote() -> None:
    text = (
        "a. Conclusies van de coördinatiecommissie d.d. 7 november 2023, \nnr.41 (Minister van BZ) \n"
        "1 Informele bijeenkomst ministers van Volkshuisvesting d.d. 13 \nen 14 november 2023 \n"
        "1.1 Huisvesting  \n2 Raad Buitenlandse Zaken d.d. 13 november 2023 \n2.1 Russische agressie \n"
        "3 Raad Buitenlandse Zaken (Defensie) d.d. 14 november 2023 \n"
    )
    view = clean(text)
    assert view.notes == [] and view.markers == []
    assert "2 Raad Buitenlandse Zaken d.d. 13 november 2023" in view.text


@pytest.mark.parametrize("phrase", ["Van Raan c.s.", "humanitaire", "Kamerstuk 26 643, nr. 885.", "Luxemburg", "gestuurd."])
def test_mentions_map_back_to_the_original(phrase: str) -> None:
    text = NOTES.replace("het \nPact", "het humani-\ntaire Pact")
    view = clean(text)
    start = view.text.index(phrase)
    mention = view.mention(start, start + len(phrase))
    assert text[mention.start : mention.end] == mention.text
    assert mention.text.replace("-\n", "") == phrase


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 2\n.-–,7Kamerstuk()\u00a0\f")) | st.characters(), max_size=400))
def test_any_text_maps_back(text: str) -> None:
    view = clean(text)
    for start in range(0, len(view.text), 7):
        m = view.mention(start, min(len(view.text), start + 5))
        assert text[m.start : m.end] == m.text


def test_linear_on_long_input() -> None:
    import time

    text = ("woord1 " * 30000) + "\n" + ("1 x\n" * 30000) + ("a-\n" * 30000)
    began = time.perf_counter()
    clean(text)
    assert time.perf_counter() - began < 3
