"""Shared fixtures: the sample corpus, the scorer, and real PDFs made on the fly."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "data" / "gold" / "gold-seeds.json"
# CI has the shared folder beside the checkout; the copy in data/gold is the same scorer.
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SCORER = SHARED_SCORER if SHARED_SCORER.exists() else ROOT / "data" / "gold" / "score.py"
PARLGRAPH = [sys.executable, "-m", "parlgraph"]


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


def make_pdf(path: Path, pages: list[str], encrypt_with: str | None = None) -> Path:
    """Write a real PDF with a text layer, one string per page (Latin-1 text: core fonts)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    if encrypt_with is not None:
        pdf.set_encryption(owner_password="owner", user_password=encrypt_with)
    pdf.output(str(path))
    return path


def make_image_only_pdf(path: Path) -> Path:
    """A PDF whose only page is a drawing: no text layer, like a scan."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path
