"""The saved competency questions: ``ontology/queries/NAME.rq``, each documented in its header.

The first ``# `` line of a file is its one-line description; ``# param: name — meaning`` lines
declare the parameters a caller binds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import parlgraph

PARAM = re.compile(r"#\s*param:\s*(\w+)\s*(?:[—–:-]+\s*)?(.*)")
EXAMPLE = re.compile(r"""e\.g\.\s*("[^"\n]*"|<[^>\s]*>)|\("([^"\n]*)"\)""")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    meaning: str

    @property
    def example(self) -> str | None:
        """The example value the meaning gives (``e.g. "x"`` or ``e.g. <iri>``), as a ``--param`` value."""
        match = EXAMPLE.search(self.meaning)
        if match is None:
            return None
        return match.group(2) if match.group(1) is None else match.group(1).strip('"')


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    path: Path
    description: str
    params: tuple[Param, ...]

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def default_queries_dir() -> Path | None:
    """ontology/queries beside the package (an installed copy) or at the root of the source tree."""
    package = Path(parlgraph.__file__).resolve().parent
    for root in (package, package.parent, package.parent.parent, Path.cwd()):
        candidate = root / "ontology" / "queries"
        if candidate.is_dir():
            return candidate
    return None


def load(path: Path) -> SavedQuery:
    description = ""
    params: list[Param] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break  # the header ends where the query starts
            continue
        match = PARAM.match(line)
        if match:
            params.append(Param(match.group(1), match.group(2).strip()))
        elif not description and line.startswith("# "):
            description = line[2:].strip()
    return SavedQuery(path.stem, path, description, tuple(params))


def saved_queries(directory: Path) -> list[SavedQuery]:
    return [load(p) for p in sorted(directory.glob("*.rq"))]


def find(name: str, directory: Path) -> SavedQuery | None:
    path = directory / f"{name.removesuffix('.rq')}.rq"
    return load(path) if path.is_file() and path.parent == directory else None
