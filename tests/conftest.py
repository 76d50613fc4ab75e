"""Shared fixtures: the sample corpus, the scorer, and real PDFs made on the fly."""
from __future__ import annotations

import re
import subprocess
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


def score_extraction(corpus: Path, gold: Path, workdir: Path) -> dict[str, object]:
    """Run `parlgraph extract` on corpus and the scorer on its output: F1 per type, links, offsets, overall."""
    pred = workdir / "pred.jsonl"
    extract = subprocess.run(
        [*PARLGRAPH, "extract", str(corpus), "--format", "jsonl", "--quiet", "-o", str(pred)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert extract.returncode == 0, extract.stderr
    scored = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--corpus", str(corpus)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return parse_scores(scored.stdout)


def parse_scores(report: str) -> dict[str, object]:
    """The scorer's printed table as numbers."""
    out: dict[str, object] = {}
    for line in report.splitlines():
        row = re.match(r"(\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", line.strip())
        if row:
            out[row.group(1)] = float(row.group(7))
        links = re.match(r"motion->kamerstuk links right: (\d+)/(\d+)", line)
        if links:
            out["links"] = (int(links.group(1)), int(links.group(2)))
        offsets = re.match(r"mention offsets that match the text: (\d+)/(\d+)", line)
        if offsets:
            out["offsets"] = (int(offsets.group(1)), int(offsets.group(2)))
        overall = re.match(r"overall micro P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", line)
        if overall:
            out["overall"] = float(overall.group(3))
    return out
