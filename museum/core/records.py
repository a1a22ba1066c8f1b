"""Plain, session-free views of items that faces can keep, print and serialise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

RECORD_FIELDS: tuple[str, ...] = (
    "id", "kind", "title", "description", "date", "season", "competition", "stage", "team",
    "opponent", "score", "venue", "achievement", "acquired_how", "acquired_date", "acquired_from",
    "acquired_price", "provenance", "condition", "value", "currency", "location", "notes",
    "created", "updated", "deleted_at",
)


@dataclass
class ItemRecord:
    """Everything known about one item, detached from any database session."""

    id: int
    kind: str
    title: str
    description: str | None = None
    date: str | None = None
    season: str | None = None
    competition: str | None = None
    stage: str | None = None
    team: str | None = None
    opponent: str | None = None
    score: str | None = None
    venue: str | None = None
    achievement: str | None = None
    acquired_how: str | None = None
    acquired_date: str | None = None
    acquired_from: str | None = None
    acquired_price: float | None = None
    provenance: str | None = None
    condition: str | None = None
    value: float | None = None
    currency: str | None = None
    location: str | None = None
    notes: str | None = None
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    deleted_at: dt.datetime | None = None
    tags: list[str] = field(default_factory=list)
    primary_photo_id: int | None = None
    photo_count: int = 0

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict keyed by field name; timestamps as ISO 8601 text."""
        # Not dataclasses.asdict: its deep copy of every value was most of `list --json`'s time.
        data = {name: getattr(self, name) for name in _ITEM_RECORD_KEYS}
        data["tags"] = list(self.tags)
        for key in ("created", "updated", "deleted_at"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


_ITEM_RECORD_KEYS = tuple(item.name for item in fields(ItemRecord))
