"""The command line: output formats, one-line errors naming the file, and exit codes."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import CORPUS, PARLGRAPH


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PARLGRAPH, *args], capture_output=True, text=True, timeout=300, check=False)


def test_extract_writes_one_json_object_per_document() -> None:
    result = run("extract", str(CORPUS), "--format", "jsonl", "--quiet")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]).name for d in lines] == sorted(p.name for p in CORPUS.glob("*.txt"))
    for doc in lines:
        assert set(doc) >= {"source", "document", "entities"}
        assert set(doc["document"]) >= {"date", "kind", "self", "title"}
        for ent in doc["entities"]:
            assert {"type", "id", "label", "mentions"} <= set(ent)


def test_bad_files_are_reported_one_line_each_and_the_rest_is_done(tmp_path: Path) -> None:
    good = tmp_path / "goed.txt"
    good.write_text("Zie Kamerstuk 32 317, nr. 772.\n", encoding="utf-8")
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    (tmp_path / "binair.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path), str(tmp_path / "weg.pdf"), "-o", str(out))
    assert result.returncode == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("leeg.txt" in e and "empty" in e for e in errors)
    assert any("binair.txt" in e and "binary" in e for e in errors)
    assert any("weg.pdf" in e and "no such file" in e for e in errors)
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(d["source"]).name for d in docs] == ["goed.txt"]


def test_nothing_readable_is_its_own_exit_code(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "ontbreekt.txt"))
    assert result.returncode == 4
    assert "ontbreekt.txt" in result.stderr


def test_table_format_lists_entities(tmp_path: Path) -> None:
    result = run("extract", str(CORPUS / "001_35f14d6b58e23d0b.txt"), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "kst-32317-772" in result.stdout


def test_usage_error_exit_code() -> None:
    assert run("extract", "--format", "xml", str(CORPUS)).returncode == 2
