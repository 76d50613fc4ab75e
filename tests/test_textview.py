"""The cleaned view maps every character back to the original text, whatever the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parlgraph.ingest import clean

PAGE = (
    "De Kamer heeft verschillende moties aangenomen: motie van het lid Van Raan c.s.7 en de huma-\n"
    "nitaire inzet.\n"
    "7 Kamerstuk 26 643, nr. 885.\n"
    " Eerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5\n"
    " Vervolg van de tekst.\n"
)

# Text shaped like PDF output: words, numbers, hyphens, line breaks, the odd control character.
pdfish = st.lists(
    st.one_of(
        st.sampled_from(["Kamerstuk", "nr.", "motie", "c.s.", "huma-", "nitaire", "Pact.", "\n", " ", "\f", "-", "–"]),
        st.integers(0, 40).map(str),
        st.text(max_size=6),
    ),
    max_size=60,
).map("".join)


def _check_mapping(text: str) -> None:
    view = clean(text)
    for i, ch in enumerate(view.text):
        start, end = view.to_original(i, i + 1)
        assert 0 <= start <= end <= len(text)
        if ch not in " \n":  # blanked markers and inserted line breaks have no character of their own
            assert text[start:end] == ch
    for s in range(0, len(view.text), 7):
        m = view.mention(s, min(len(view.text), s + 11))
        assert text[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(pdfish)
def test_every_view_character_comes_from_the_original(text: str) -> None:
    _check_mapping(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_view(text: str) -> None:
    _check_mapping(text)


def test_sample_page_is_cleaned_with_offsets_kept() -> None:
    view = clean(PAGE)
    assert "humanitaire" in view.text
    assert "OG 5" not in view.text[: view.body_end]
    assert [n.number for n in view.notes] == ["7"]
    note = view.notes[0]
    assert view.text[note.start : note.end].strip() == "Kamerstuk 26 643, nr. 885."
    marker = view.markers[0]
    assert PAGE[slice(*view.to_original(marker.start, marker.end))] == "7"
    start = view.text.index("Kamerstuk 26 643")
    m = view.mention(start, start + len("Kamerstuk 26 643, nr. 885"))
    assert m.text == "Kamerstuk 26 643, nr. 885" and PAGE[m.start : m.end] == m.text
