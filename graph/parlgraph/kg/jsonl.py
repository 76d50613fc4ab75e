"""Reading back what ``parlgraph extract -f jsonl`` wrote, so a graph can be built without re-extracting."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parlgraph.models import ENTITY_TYPES, DocumentInfo, Entity, Extraction, Mention


class JsonlError(ValueError):
    """A line that is not an extraction; the message names file and line."""


def read_extractions(path: Path) -> Iterator[Extraction]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield extraction_from_json(json.loads(line))
            except (ValueError, KeyError, TypeError) as err:
                raise JsonlError(f"{path}:{number}: not an extraction ({err})") from err


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    info = data["document"]
    document = DocumentInfo(
        date=info.get("date"), kind=info.get("kind"), self_id=info.get("self"), title=info.get("title"),
        dossier=info.get("dossier"), dossier_title=info.get("dossier_title"),
    )
    entities = [_entity(e) for e in data["entities"] if e.get("type") in ENTITY_TYPES]
    return Extraction(data["source"], document, entities, data.get("sha256"))


def _entity(data: dict[str, Any]) -> Entity:
    cls = ENTITY_TYPES[data["type"]]
    known = {f.name for f in dataclasses.fields(cls)}
    fields = {k: v for k, v in data.items() if k in known and k != "mentions"}
    mentions = [Mention(m["start"], m["end"], m["text"]) for m in data.get("mentions", ())]
    return cls(**fields, mentions=mentions)
