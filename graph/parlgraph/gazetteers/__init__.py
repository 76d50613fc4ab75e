"""Gazetteers: data files of posts, ministries, councils, acts and parties, each row with its source.

They are CSV files in this folder (UTF-8, a header row, a ``source`` column saying where the row's
facts come from). Multi-valued cells separate their values with ``|``.
"""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``{name}.csv``, read once per process."""
    with resources.files(__package__).joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        rows = tuple(
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(line for line in fh if not line.startswith("#"))
        )
    for row in rows:
        if not row.get("source"):
            raise ValueError(f"gazetteer {name}.csv: a row without a source: {row}")
    return rows


def split(cell: str) -> list[str]:
    """A multi-valued cell as a list."""
    return [v.strip() for v in cell.split("|") if v.strip()]
