"""Test helpers for the safety tests: real photo files and rows, real archives to tamper with."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from museum.core.atomic import atomic_write_bytes
from museum.core.catalogue import Catalogue
from museum.core.models import Photo
from museum.core.photo_paths import original_relpath


def png_bytes(seed: int, size: int = 24) -> bytes:
    """A small real PNG whose pixels depend on seed, so every seed gives a distinct file."""
    image = Image.new("RGB", (size, size), ((seed * 37) % 256, (seed * 91) % 256, seed % 256))
    image.putpixel((seed % size, (seed // size) % size), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def add_photo(catalogue: Catalogue, item_id: int, seed: int) -> tuple[int, Path]:
    """Store a photo the way the photo store does: file first (atomically), row second."""
    data = png_bytes(seed)
    sha256 = hashlib.sha256(data).hexdigest()
    path = catalogue.root / original_relpath(sha256, "PNG")
    atomic_write_bytes(path, data)
    with catalogue.session() as session:
        photo = Photo(item_id=item_id, sha256=sha256, filename=f"photo{seed}.png", format="PNG",
                      width=24, height=24, bytes=len(data))
        session.add(photo)
        session.flush()
        photo_id = photo.id
    return photo_id, path


def rewrite_archive(source: Path, target: Path, *, drop: set[str] = frozenset(),
                    replace: dict[str, bytes] | None = None,
                    extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (),
                    manifest_extra: list[dict] = ()) -> Path:
    """Copy a backup archive, changing members, to build damaged or hostile archives."""
    replace = replace or {}
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename in drop:
                continue
            data = original.read(info)
            if info.filename == "museum-backup.json" and manifest_extra:
                manifest = json.loads(data)
                manifest["files"].extend(manifest_extra)
                data = json.dumps(manifest).encode()
            copy.writestr(info, replace.get(info.filename, data))
        for info, data in extra:
            copy.writestr(info, data)
    return target


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def small_disk(folder: Path, *, megabytes: int = 20) -> Iterator[Path]:
    """A real, small tmpfs mounted at folder for disk-full tests; skips where it cannot be."""
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs a small tmpfs, and mounting one needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs",
                              str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, *, leave: int = 0) -> Path:
    """Fill the filesystem holding folder with one file, then give back `leave` bytes."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for block in (1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * block)
        os.ftruncate(descriptor, max(0, os.fstat(descriptor).st_size - leave))
    finally:
        os.close(descriptor)
    return filler


def make_first_revision_catalogue(folder: Path, *, items: int, journal_mode: str = "wal") -> Path:
    """A catalogue as the first release left it (schema 0001): items rows, one tag, the index.

    journal_mode "delete" is a database as a backup snapshot or an old release leaves it, which
    the first open switches to WAL.
    """
    from museum.core import db

    folder.mkdir(parents=True)
    engine = db.make_engine(folder / "museum.db")
    db.migrate(engine, target="0001")
    engine.dispose()
    connection = sqlite3.connect(folder / "museum.db")
    try:
        connection.executemany(
            "INSERT INTO item (id, kind, title, date, season, created, updated) VALUES "
            "(?, 'medal', ?, '2022-12-18', '2022', '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
            [(number, f"Medal {number}") for number in range(1, items + 1)])
        connection.execute("INSERT INTO tag (id, name) VALUES (1, 'gold')")
        connection.execute("INSERT INTO item_tag (item_id, tag_id) VALUES (1, 1)")
        connection.execute("INSERT INTO item_fts(rowid, title) SELECT id, title FROM item")
        connection.commit()
        connection.execute(f"PRAGMA journal_mode = {journal_mode}")
    finally:
        connection.close()
    return folder


def first_revision_rows_are_all_there(folder: Path, *, items: int) -> None:
    """Assert the catalogue opens at the newest schema with every row of the old one."""
    from sqlalchemy import text

    from museum.core import db
    from museum.core.items import count_items, list_items

    with Catalogue.open(folder) as catalogue:
        with catalogue.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            titles = connection.execute(text("SELECT id, title FROM item ORDER BY id")).all()
        assert revision == db.HEAD_REVISION
        assert titles == [(number, f"Medal {number}") for number in range(1, items + 1)]
        assert count_items(catalogue) == items
        assert [record.id for record in list_items(catalogue, query="tag:gold")] == [1]
        assert len(list_items(catalogue, query=f'"Medal {items}"')) == 1


def small_catalogue_with_photo(tmp_path: Path) -> Path:
    """A catalogue folder holding one medal with one photo."""
    from museum.core.items import add_item

    root = tmp_path / "cat"
    with Catalogue.open(root, create=True) as catalogue:
        add_item(catalogue, fields={"title": "Medal", "kind": "medal"})
        add_photo(catalogue, item_id=1, seed=3)
    return root
