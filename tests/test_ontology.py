"""The ontology folder checks itself (ontology/check.py): shapes bite, queries answer, files parse."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ontology_self_check_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "ontology" / "check.py")], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
