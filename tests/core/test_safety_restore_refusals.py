"""Damaged and hostile archives: each is refused with a sentence, and nothing is written."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from museum.core.backup import create_backup
from museum.core.catalogue import Catalogue
from museum.core.errors import BackupError
from museum.core.restore import restore_backup
from tests.core.safety_support import add_photo, rewrite_archive


@pytest.fixture
def good_archive(plain_demo_catalogue: Catalogue, tmp_path: Path) -> Path:
    add_photo(plain_demo_catalogue, item_id=1, seed=7)
    return create_backup(plain_demo_catalogue, destination=tmp_path / "good.zip").path


def _photo_member(archive: Path) -> str:
    with zipfile.ZipFile(archive) as opened:
        return next(name for name in opened.namelist() if name.startswith("photos/"))


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _entry(path: str, data: bytes) -> dict:
    import hashlib
    return {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _manifest_with(archive: Path, change) -> bytes:
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("museum-backup.json"))
    change(manifest)
    return json.dumps(manifest).encode()


def _build(case: str, good: Path, out: Path) -> Path:
    photo = _photo_member(good)
    if case == "dot-dot path":
        return rewrite_archive(good, out, extra=[("photos/../../escaped.txt", b"x")],
                               manifest_extra=[_entry("photos/../../escaped.txt", b"x")])
    if case == "absolute path":
        return rewrite_archive(good, out, extra=[("/tmp/museum-escaped.txt", b"x")],
                               manifest_extra=[_entry("/tmp/museum-escaped.txt", b"x")])
    if case == "symbolic link":
        return rewrite_archive(good, out, extra=[(_link("photos/link"), b"/etc/passwd")],
                               manifest_extra=[_entry("photos/link", b"/etc/passwd")])
    if case == "file not in the manifest":
        return rewrite_archive(good, out, extra=[("photos/ab/extra.png", b"sneaky")])
    if case == "file in the manifest but missing":
        return rewrite_archive(good, out, drop={photo})
    if case == "photo hash mismatch":
        return rewrite_archive(good, out, replace={photo: b"not the photo at all"})
    if case == "database hash mismatch":
        data = zipfile.ZipFile(good).read("museum.db")
        return rewrite_archive(good, out, replace={"museum.db": data[:-1] + b"\x01"})
    if case == "truncated archive":
        data = good.read_bytes()
        out.write_bytes(data[: len(data) * 2 // 3])
        return out
    if case == "random bytes":
        out.write_bytes(bytes(range(256)) * 50)
        return out
    if case == "a zip that is not ours":
        with zipfile.ZipFile(out, "w") as other:
            other.writestr("holiday.jpg", b"jpeg")
        return out
    if case == "manifest of another format":
        return rewrite_archive(good, out, replace={
            "museum-backup.json": _manifest_with(good, lambda m: m.update(format="other"))})
    if case == "manifest from a newer Museum":
        return rewrite_archive(good, out, replace={
            "museum-backup.json": _manifest_with(good, lambda m: m.update(format_version=99))})
    if case == "manifest not JSON":
        return rewrite_archive(good, out, replace={"museum-backup.json": b"{nope"})
    if case == "no database in it":
        return rewrite_archive(good, out, drop={"museum.db"}, replace={
            "museum-backup.json": _manifest_with(good, lambda m: m.update(
                files=[f for f in m["files"] if f["path"] != "museum.db"]))})
    if case == "duplicate member":
        return rewrite_archive(good, out, extra=[(photo, b"second copy")])
    if case == "database is not a Museum database":
        import sqlite3
        import tempfile
        with tempfile.TemporaryDirectory() as folder:
            foreign = Path(folder) / "x.db"
            connection = sqlite3.connect(foreign)
            connection.execute("CREATE TABLE invoices (id INTEGER)")
            connection.commit()
            connection.close()
            data = foreign.read_bytes()
        manifest = _manifest_with(good, lambda m: [f.update(_entry("museum.db", data))
                                                   for f in m["files"] if f["path"] == "museum.db"])
        return rewrite_archive(good, out,
                               replace={"museum.db": data, "museum-backup.json": manifest})
    raise AssertionError(case)


HOSTILE_CASES = [
    ("dot-dot path", "unsafe path"),
    ("absolute path", "unsafe path"),
    ("symbolic link", "link"),
    ("file not in the manifest", "does not list"),
    ("file in the manifest but missing", "incomplete"),
    ("photo hash mismatch", "does not match"),
    ("database hash mismatch", "does not match"),
    ("truncated archive", "damaged or cut short"),
    ("random bytes", "not a Museum backup"),
    ("a zip that is not ours", "not a Museum backup"),
    ("manifest of another format", "not a Museum backup"),
    ("manifest from a newer Museum", "newer version"),
    ("manifest not JSON", "not a Museum backup"),
    ("no database in it", "no catalogue database"),
    ("duplicate member", "twice"),
    ("database is not a Museum database", "not made by Museum"),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("case", "message"), HOSTILE_CASES, ids=[c for c, _ in HOSTILE_CASES])
def test_a_bad_archive_is_refused_and_nothing_is_written(good_archive, tmp_path, case, message):
    bad = _build(case, good_archive, tmp_path / "bad.zip")
    destination = tmp_path / "restored"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BackupError, match=message):
        restore_backup(bad, destination=destination)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (tmp_path.parent / "escaped.txt").exists()
    assert not Path("/tmp/museum-escaped.txt").exists()


def test_a_missing_backup_file_and_a_non_empty_destination_are_refused(good_archive, tmp_path):
    with pytest.raises(BackupError, match="no backup file"):
        restore_backup(tmp_path / "nope.zip", destination=tmp_path / "r")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.txt").write_text("keep me")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(good_archive, destination=tmp_path / "busy")
    assert (tmp_path / "busy" / "mine.txt").read_text() == "keep me"
