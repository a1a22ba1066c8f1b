"""The small catalogues and files the kill loops start from, made once per run of the script.

Each kill works on a fresh copy of a template, so that one damaged run cannot spoil the next.
Photos are small JPEGs drawn here, so that the templates fit a 20 MB disk with room to spare.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from museum.core import db
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo
from museum.core.photos import import_photos
from tests.photo_samples import quadrants, write

SOURCE_PHOTOS = 16
LARGE_ITEMS = 4000


@dataclass(frozen=True)
class Templates:
    small: Path        # the demo story + 20 items, 12 photos: photo import, disk full
    photographed: Path  # `small` with 40 more photos: backup, restore-backup
    large: Path        # the demo story + 4000 items, no photos: room arrange
    old: Path          # `large` with 6 photos, taken back to schema revision 0002: upgrade
    repairable: Path   # `photographed` + unused files, a stale index: check --repair
    sources: list[Path]  # photo files to import


def make_templates(folder: Path) -> Templates:
    sources = _photo_files(folder / "camera", SOURCE_PHOTOS, width=1000)
    small = folder / "small"
    with Catalogue.open(small, create=True) as catalogue:
        fill_demo(catalogue, items=20, photos=False)
        for number, path in enumerate(_photo_files(folder / "own", 12, width=500)):
            import_photos(catalogue, item_id=1 + number % 6, paths=[path])
    photographed = folder / "photographed"
    _copy_catalogue(small, photographed)
    with Catalogue.open(photographed) as catalogue:
        more = _photo_files(folder / "more", 24, width=1200)
        for number, path in enumerate([*sources, *more]):
            import_photos(catalogue, item_id=7 + number % 6, paths=[path])
    large = folder / "large"
    with Catalogue.open(large, create=True) as catalogue:
        fill_demo(catalogue, items=LARGE_ITEMS, photos=False)
    old = folder / "old"
    with Catalogue.open(old, create=True) as catalogue:
        fill_demo(catalogue, items=LARGE_ITEMS, photos=False)
        for number, path in enumerate(_photo_files(folder / "old-own", 6, width=500)):
            import_photos(catalogue, item_id=1 + number, paths=[path])
    _take_back_to(old, "0002")
    repairable = folder / "repairable"
    _copy_catalogue(photographed, repairable)
    _make_work_for_repair(repairable)
    return Templates(small=small, photographed=photographed, large=large, old=old,
                     repairable=repairable, sources=sources)


def fresh_copy(template: Path, target: Path) -> Path:
    """A copy of template at target (which must not exist yet); returns target."""
    _copy_catalogue(template, target)
    return target


def _copy_catalogue(template: Path, target: Path) -> None:
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("museum.lock"))


def _photo_files(folder: Path, count: int, *, width: int) -> list[Path]:
    folder.mkdir(parents=True)
    # Each a different picture, so that each is a new original.
    return [write(folder / f"IMG_{number:04d}.jpg", quadrants(width + number, width * 3 // 4),
                  quality=90) for number in range(count)]


def _take_back_to(root: Path, revision: str) -> None:
    """Downgrade a closed catalogue's schema, as if an older Museum had made it."""
    from alembic import command
    from alembic.config import Config

    engine = db.make_engine(root / "museum.db")
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert stored == revision, stored
    finally:
        engine.dispose()


def _make_work_for_repair(root: Path) -> None:
    # Files no record uses (as an interrupted import leaves), and index rows gone missing.
    for number in range(100):
        stray = root / "photos" / f"{number:02x}" / f"stray-{number}.jpg"
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_bytes(bytes([number]) * 20_000)
    engine = db.make_engine(root / "museum.db")
    try:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM item_fts WHERE rowid % 2 = 0"))
    finally:
        engine.dispose()
