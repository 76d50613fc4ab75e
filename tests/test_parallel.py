"""Extraction gives the same output whichever way it is run: one process, a pool, or Dask tasks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS
from parlgraph.corpus import BatchReport, extract_paths


def _lines(paths: list[Path], **how: object) -> tuple[list[str], BatchReport]:
    report = BatchReport()
    out = [json.dumps(e.to_json(), ensure_ascii=False) for e in extract_paths(paths, report, **how)]
    return out, report


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample corpus plus one bad file, so failures are reported the same way too."""
    bad = tmp_path_factory.mktemp("bad") / "leeg.txt"
    bad.write_text("", encoding="utf-8")
    return [CORPUS, bad]


@pytest.fixture(scope="module")
def serial(batch: list[Path]) -> tuple[list[str], BatchReport]:
    return _lines(batch)


def test_two_worker_processes_give_the_serial_output(batch: list[Path], serial: tuple[list[str], BatchReport]) -> None:
    lines, report = _lines(batch, workers=2)
    assert lines == serial[0]
    assert report.done == serial[1].done == 5
    assert report.failed == serial[1].failed and len(report.failed) == 1


def test_dask_tasks_give_the_serial_output(batch: list[Path], serial: tuple[list[str], BatchReport]) -> None:
    lines, report = _lines(batch, workers=2, scheduler="local")
    assert lines == serial[0]
    assert report.failed == serial[1].failed


def test_dask_build_writes_the_same_quads_as_one_process(tmp_path: Path) -> None:
    import subprocess

    from conftest import PARLGRAPH

    serial, dask = tmp_path / "serial.nq", tmp_path / "dask.nq"
    for out, extra in ((serial, []), (dask, ["--executor", "dask", "--workers", "2"])):
        result = subprocess.run(
            [*PARLGRAPH, "build", str(CORPUS), "-o", str(out), "--quiet", *extra],
            capture_output=True, text=True, timeout=600, check=False,
        )
        assert result.returncode == 0, result.stderr
    assert serial.read_bytes() == dask.read_bytes()
    assert serial.stat().st_size > 100_000


def test_a_scheduler_with_the_process_executor_is_a_usage_error(tmp_path: Path) -> None:
    import subprocess

    from conftest import PARLGRAPH

    result = subprocess.run(
        [*PARLGRAPH, "build", str(CORPUS), "-o", str(tmp_path / "g.nq"), "--executor", "processes",
         "--scheduler", "tcp://127.0.0.1:8786"], capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2 and "Invalid value for --scheduler" in result.stderr
    assert not (tmp_path / "g.nq").exists()
