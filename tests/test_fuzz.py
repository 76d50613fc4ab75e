"""Property tests of the whole extraction pipeline on generated text (Hypothesis).

Whatever the text: no exception, every mention's offsets select exactly its text, the same
input gives the same output, and a document's extraction does not depend on its batch.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parlgraph.extract import extract_text, extract_texts
from parlgraph.models import Extraction

FAST = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What PDF text layers of parliamentary papers are made of, in random order and number.
PDF_PIECES = st.sampled_from([
    "Kamerstuk", "Kamerstukken II", "2023/24,", "32 317,", "36 200 VI", "nr.", "nr. ", "194", "21501-33",
    "motie", "het lid", "Van Nispen", "c.s.", "de minister van Justitie en Veiligheid", "9 oktober 2023",
    "JBZ-Raad", "Raad", "Wet", "artikel 3", "Richtlijn (EU) 2016/680", "VVD", "fractie", "(", ")", "-", "–",
    "\u00ad", ".", ",", ";", ":", "1", "12", "7", " ", "  ", "\n", "\n\n", "\f", "\n\f\n", "\t", "’", "“", "”",
])
PDF_LIKE = st.lists(PDF_PIECES, max_size=200).map("".join)
ANY_TEXT = st.text(max_size=300)
TEXTS = st.one_of(ANY_TEXT, PDF_LIKE)


def as_json(extraction: Extraction) -> str:
    return json.dumps(extraction.to_json(), sort_keys=True, ensure_ascii=False)


def assert_offsets_valid(text: str, extraction: Extraction) -> None:
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text), (entity.id, mention)
            assert text[mention.start:mention.end] == mention.text, (entity.id, mention)


@FAST
@given(TEXTS)
def test_no_exception_and_offsets_valid(text: str) -> None:
    assert_offsets_valid(text, extract_text(text))


@FAST
@given(PDF_LIKE)
def test_same_input_same_output(text: str) -> None:
    assert as_json(extract_text(text)) == as_json(extract_text(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, TEXTS)
def test_a_document_does_not_depend_on_its_batch(a: str, b: str) -> None:
    together = list(extract_texts([(a, "a"), (b, "b")]))
    assert [as_json(e) for e in together] == [as_json(extract_text(a, "a")), as_json(extract_text(b, "b"))]
