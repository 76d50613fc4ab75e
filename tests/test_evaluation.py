"""Extraction on the sample corpus, scored by the project's scorer (shared/eval/score.py).

The thresholds are the acceptance bar of the extraction issues; the scorer is run as a separate
program on the JSONL that `parlgraph extract` writes, exactly as a user would.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, GOLD, SCORER, score_extraction

# type -> minimum F1 on data/corpus
MIN_F1 = {
    "kamerstukken": 0.98,
    "motions": 0.80,
    "persons": 0.80,
    "holds": 0.80,
    "offices": 0.80,
    "councils": 0.80,
    "meetings": 0.80,
    "legislation": 0.80,
    "parties": 0.80,
}
MIN_OVERALL_F1 = 0.90


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return score_extraction(CORPUS, GOLD, tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("kind", sorted(MIN_F1))
def test_each_type_meets_its_bar(scores: dict[str, object], kind: str) -> None:
    assert kind in scores, f"the scorer printed no line for {kind}"
    assert scores[kind] >= MIN_F1[kind], f"{kind} F1 {scores[kind]} < {MIN_F1[kind]}"


def test_overall_micro_f1(scores: dict[str, object]) -> None:
    assert scores["overall"] >= MIN_OVERALL_F1


def test_every_mention_offset_matches_the_text(scores: dict[str, object]) -> None:
    good, total = scores["offsets"]
    assert total > 0 and good == total


def test_every_motion_links_to_its_kamerstuk(scores: dict[str, object]) -> None:
    right, total = scores["links"]
    assert total > 0 and right == total


def test_scorer_is_the_shared_one_when_available() -> None:
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
    if shared.exists():
        assert SCORER == shared
        copy = Path(__file__).resolve().parent.parent / "data" / "gold" / "score.py"
        assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8"), "data/gold/score.py is stale"
