"""The catalogue's tables. The schema itself is owned by the Alembic revisions in migrations/."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from museum.core.item_fields import ITEM_TEXT_FIELDS, KINDS

__all__ = ["ITEM_TEXT_FIELDS", "KINDS", "Cabinet", "Item", "ItemTag", "Photo", "Placement",
           "Tag", "utc_now"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Item(SQLModel, table=True):
    """One piece of memorabilia. `deleted_at` set means it is in the trash."""

    __tablename__ = "item"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    title: str
    description: str | None = None
    date: str | None = Field(default=None, index=True)  # partial ISO date; sorts as text
    season: str | None = Field(default=None, index=True)
    competition: str | None = Field(default=None, index=True)
    stage: str | None = None
    team: str | None = Field(default=None, index=True)
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
    location: str | None = Field(default=None, index=True)
    notes: str | None = None
    created: dt.datetime = Field(default_factory=utc_now)
    updated: dt.datetime = Field(default_factory=utc_now)
    deleted_at: dt.datetime | None = Field(default=None, index=True)


class Tag(SQLModel, table=True):
    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class ItemTag(SQLModel, table=True):
    __tablename__ = "item_tag"

    item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("item.id", ondelete="CASCADE"), primary_key=True)
    )
    tag_id: int = Field(
        sa_column=Column(Integer, ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    )


class Photo(SQLModel, table=True):
    """A picture of an item. The original lives in photos/ under its SHA-256 and never changes."""

    __tablename__ = "photo"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("item.id", ondelete="CASCADE"), index=True)
    )
    sha256: str = Field(index=True)
    filename: str
    format: str
    width: int
    height: int
    bytes: int
    taken_at: str | None = None
    caption: str | None = None
    position: int = 0
    is_primary: bool = False
    created: dt.datetime = Field(default_factory=utc_now)


class Cabinet(SQLModel, table=True):
    """A display cabinet in the trophy room, standing at `position` along the wall."""

    __tablename__ = "cabinet"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    position: int = 0
    shelf_count: int = 4
    width: int = 5  # how many items a shelf holds side by side


class Placement(SQLModel, table=True):
    """Where an item stands on display; an item without one is in storage."""

    __tablename__ = "placement"

    item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("item.id", ondelete="CASCADE"), primary_key=True)
    )
    cabinet_id: int = Field(
        sa_column=Column(Integer, ForeignKey("cabinet.id", ondelete="CASCADE"), index=True)
    )
    shelf: int = 1
    slot: int = 0
