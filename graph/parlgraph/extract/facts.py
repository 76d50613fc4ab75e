"""The per-document blackboard that the extraction components read and write.

Each component reads the cleaned view (``facts.view.text``), the document's metadata and what
earlier components found, and adds entities with the view span where it found them. Adding an
entity whose (type, id) is already known merges it into the first one, so a document's mentions
of the same thing become one entity.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from parlgraph.ingest.textview import TextView
from parlgraph.models import DocumentInfo, Entity, Mention


@dataclass(frozen=True, slots=True)
class Located:
    """Where in the VIEW an entity was seen: later components relate things by position."""

    start: int
    end: int
    entity: Entity


@dataclass(slots=True)
class DocFacts:
    view: TextView
    info: DocumentInfo = field(default_factory=DocumentInfo)
    _by_key: dict[tuple[str, str], Entity] = field(default_factory=dict)
    # Per entity, the mentions it already has: a long document mentions one thing thousands of times.
    _mentions: dict[tuple[str, str], set[Mention]] = field(default_factory=dict)
    _located: dict[str, list[Located]] = field(default_factory=dict)

    def add(self, entity: Entity, start: int | None = None, end: int | None = None) -> Entity:
        """Record an entity (seen at view span [start, end) when given); returns the merged entity."""
        key = (entity.type, entity.id)
        known = self._by_key.get(key)
        if known is None:
            self._by_key[key] = known = entity
            self._mentions[key] = set(entity.mentions)
        elif known is not entity:
            seen = self._mentions[key]
            for mention in entity.mentions:
                if mention not in seen:
                    seen.add(mention)
                    known.mentions.append(mention)
            known.merge_fields(entity)
        if start is not None and end is not None:
            self._located.setdefault(entity.type, []).append(Located(start, end, known))
        return known

    def get(self, kind: str, ident: str) -> Entity | None:
        return self._by_key.get((kind, ident))

    def entities(self, kind: str | None = None) -> list[Entity]:
        return [e for (t, _), e in self._by_key.items() if kind is None or t == kind]

    def located(self, kind: str) -> list[Located]:
        """Every sighting of entities of one type, in view order."""
        return sorted(self._located.get(kind, []), key=lambda loc: (loc.start, loc.end))

    def remove(self, kind: str, ident: str) -> None:
        self._by_key.pop((kind, ident), None)
        self._mentions.pop((kind, ident), None)
        if kind in self._located:
            self._located[kind] = [loc for loc in self._located[kind] if loc.entity.id != ident]

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_key.values())
