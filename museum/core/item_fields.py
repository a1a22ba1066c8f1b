"""An item's kinds, its text columns and the fields the room can be arranged by: plain names,
importable without the ORM (the command line builds its help from them)."""

from __future__ import annotations

KINDS: tuple[str, ...] = (
    "medal", "trophy", "replica", "shirt", "boots", "ball", "cap", "pennant",
    "certificate", "ticket", "programme", "photograph", "other",
)

ITEM_TEXT_FIELDS: tuple[str, ...] = (
    "title", "description", "season", "competition", "stage", "team", "opponent", "score",
    "venue", "achievement", "acquired_how", "acquired_from", "provenance", "condition",
    "currency", "location", "notes",
)

ARRANGE_RULES: tuple[str, ...] = ("competition", "season", "team", "kind")
