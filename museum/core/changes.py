"""What a write changed, so that every face refreshes only that."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Returned by every write. `created_ids` are the items the write added, in order."""

    item_ids: frozenset[int] = frozenset()
    created_ids: tuple[int, ...] = ()
    photo_ids: frozenset[int] = frozenset()
    tags: bool = False
    room: bool = False
    reset: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            item_ids=self.item_ids | other.item_ids,
            created_ids=self.created_ids + other.created_ids,
            photo_ids=self.photo_ids | other.photo_ids,
            tags=self.tags or other.tags,
            room=self.room or other.room,
            reset=self.reset or other.reset,
        )

    @property
    def empty(self) -> bool:
        return not (self.item_ids or self.photo_ids or self.tags or self.room or self.reset)
