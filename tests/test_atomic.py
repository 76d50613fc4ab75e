"""Interrupted runs lose nothing: output files are replaced whole or not at all, stores hold whole graphs.

Each test starts a real ``parlgraph`` process on a generated corpus, kills it with SIGKILL while
it is writing (no clean-up code can run), and checks what is left behind.
"""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import Store

from benchmarks.generate import generate
from conftest import PARLGRAPH
from test_store import assert_default_graph_is_the_merge
from parlgraph.cli.app import atomic_output

OLD = "the previous good output\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(300, out, seed=11)
    return out


def kill_when(process: subprocess.Popen, ready: Callable[[], bool], limit: float = 60) -> None:
    """SIGKILL ``process`` as soon as ``ready()``; fails if it ends or the limit passes first."""
    deadline = time.monotonic() + limit
    while not ready():
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "the run never reached the point to interrupt"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def partial_files(directory: Path, name: str) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".part")]


def is_writing(directory: Path, name: str) -> Callable[[], bool]:
    return lambda: any(p.stat().st_size > 0 for p in partial_files(directory, name))


@pytest.mark.parametrize(
    ("command", "name"),
    [(["extract", "-f", "jsonl"], "out.jsonl"), (["build", "-f", "nquads"], "out.nq")],
)
def test_killed_mid_write_leaves_the_old_file_intact(
    corpus: Path, tmp_path: Path, command: list[str], name: str
) -> None:
    out = tmp_path / name
    out.write_text(OLD, encoding="utf-8")
    process = subprocess.Popen([*PARLGRAPH, *command, str(corpus), "-o", str(out), "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(process, is_writing(tmp_path, name))
    assert out.read_text(encoding="utf-8") == OLD
    # What is left is hidden and says what it is; the output's name only ever holds a whole file.
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [name]


def test_a_finished_run_replaces_the_file_keeping_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(OLD, encoding="utf-8")
    out.chmod(0o640)
    with atomic_output(out) as fh:
        fh.write("new\n")
    assert out.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert partial_files(tmp_path, "out.jsonl") == []


def test_a_new_output_file_gets_the_usual_permissions_not_private_ones(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "new.jsonl") as fh:
            fh.write("x\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o644


def test_a_failed_run_leaves_neither_output_nor_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(OLD, encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("half")
        raise RuntimeError("stopped")
    assert out.read_text(encoding="utf-8") == OLD
    assert partial_files(tmp_path, "out.jsonl") == []


def test_a_device_as_output_is_written_not_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    with atomic_output(Path("/dev/null")) as fh:
        fh.write("weg\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def _store_command(corpus: Path, store: Path) -> list[str]:
    return [*PARLGRAPH, "build", str(corpus), "--store", str(store), "-q"]


def _store_state(store_dir: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Per document: the triples its record promises, and the quads its graph holds."""
    from parlgraph.store.local import bookkeeping_graph, open_store

    with open_store(store_dir) as store:
        promised = {r.graph: r.triples for r in store.records()}
        shared = {bookkeeping_graph(store.base), store.base + "graph/ontology", store.base + "graph/consolidated"}
        held = {g.value: sum(1 for _ in store.store.quads_for_pattern(None, None, None, g))
                for g in store.store.named_graphs() if g.value not in shared}
    return promised, held


def test_a_killed_store_build_holds_only_whole_graphs_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    generate(200, corpus, seed=5)
    # An empty file sorted after the second batch (64 documents each): its error line on stderr
    # means the first batch has been stored (the second is handed to the writer only once the
    # first is written), the second may be being written, and the third is being read. That is
    # when to kill.
    bad = corpus / "gen_5_000135_leeg.txt"
    bad.write_text("", encoding="utf-8")
    process = subprocess.Popen(_store_command(corpus, store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    assert process.stderr is not None
    kill_when(process, lambda: "error:" in process.stderr.readline())
    promised, held = _store_state(store)
    assert 64 <= len(promised) < 200
    assert held == promised  # every graph has its record, and holds exactly what the record says
    assert_default_graph_is_the_merge(Store(str(store)))
    rerun = subprocess.run(_store_command(corpus, store), capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 3 and [line for line in rerun.stderr.splitlines() if "error" in line] == [
        f"error: {bad}: empty document: no text to read"]
    promised, held = _store_state(store)
    assert len(promised) == 200 and held == promised
