"""The notebooks in notebooks/ run from top to bottom on a fresh sample graph, and are committed clean."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = ROOT / "notebooks"


def outputs_of(notebook) -> list[dict]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def text_of(outputs: list[dict]) -> str:
    parts = []
    for output in outputs:
        parts.append(output.get("text", ""))
        parts.extend(str(value) for key, value in output.get("data", {}).items() if key.startswith("text/"))
    return "\n".join(parts)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebooks_are_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_kernel_python3_is_this_environment() -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    program = KernelSpecManager().get_kernel_spec("python3").argv[0]
    # "python" in a kernel spec is replaced by the Python running the client: this one.
    assert program in {"python", "python3", sys.executable}, program


@pytest.mark.slow
@pytest.mark.parametrize("name, expected", [
    ("competency-questions", ["documents-citing-kamerstuk", "Yeşilgöz-Zegerius", "kst-26643-1011", "Crisisverordening"]),
    ("explore-graph", ["nodes and", "srcdoc=", "betweenness", "Kamerstuk"]),
])
def test_notebook_runs_top_to_bottom(name: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLGRAPH_NOTEBOOK_OUT", str(tmp_path))  # the kernel inherits it: no files in the tree
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = outputs_of(notebook)
    assert not [o for o in outputs if o.output_type == "error"]
    text = text_of(outputs)
    assert all(needle in text for needle in expected), [n for n in expected if n not in text]
    assert (tmp_path / "sample.trig").stat().st_size > 0
    if name == "explore-graph":
        assert sum("image/png" in o.get("data", {}) for o in outputs) == 2
