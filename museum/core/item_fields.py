"""An item's kinds and its text columns: plain names, importable without the ORM."""

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
