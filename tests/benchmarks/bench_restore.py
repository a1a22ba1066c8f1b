"""Issue 11, point 17: restoring a backup with many members (20,000 photo originals).

The restore is timed beside a baseline measured in the same run: the member-by-member unpack
Museum used before (each file resolved, opened, written and fsynced on its own), over the same
archive into the same disk.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from sqlalchemy import insert

from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.items import add_item
from museum.core.models import Photo
from museum.core.photo_paths import original_relpath
from museum.core.restore import restore_backup
from tests.benchmarks.timing import print_table, timed

MEMBERS = 20_000


def run() -> None:
    folder = Path(tempfile.mkdtemp(prefix="museum-bench-restore-"))
    try:
        archive = build_archive(folder, MEMBERS)
        print(f"\n{MEMBERS:,} originals, archive {archive.stat().st_size / 1e6:.1f} MB")
        naive, _ = timed(lambda: naive_unpack(archive, folder / "naive"))
        fast, _ = timed(lambda: restore_backup(archive, destination=folder / "restored"))
        print_table(("restore (s)", "museum", "member by member", "ratio"),
                    [(f"{MEMBERS:,} members", fast, naive, naive / fast)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build_archive(folder: Path, count: int) -> Path:
    """A real backup of a catalogue holding `count` small distinct originals."""
    with Catalogue.open(folder / "source", create=True) as catalogue:
        item_id = add_item(catalogue, fields={"title": "Album", "kind": "other"}).created_ids[0]
        rows = []
        for number in range(count):
            data = f"original {number} ".encode() * 20
            sha256 = hashlib.sha256(data).hexdigest()
            path = catalogue.root / original_relpath(sha256, "PNG")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            rows.append({"item_id": item_id, "sha256": sha256, "filename": f"{number}.png",
                         "format": "PNG", "width": 1, "height": 1, "bytes": len(data)})
        with catalogue.session() as session:
            session.execute(insert(Photo), rows)
        return create_backup(catalogue, destination=folder / "big.zip").path


def naive_unpack(archive_path: Path, staging: Path) -> None:
    """The old way: every member on its own, resolved, written and fsynced one by one."""
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            target = staging.joinpath(*info.filename.split("/"))
            assert target.resolve().is_relative_to(staging.resolve())
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as reader, target.open("xb") as writer:
                digest = hashlib.sha256()
                while chunk := reader.read(1024 * 1024):
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
