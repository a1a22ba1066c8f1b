"""What a Museum backup archive is: a zip of museum.db, photo originals and a manifest.

The manifest (museum-backup.json, written last) lists every other member with its SHA-256 and
size, plus the schema revision of the database. Anything in an archive that the manifest does
not vouch for, or that could write outside the folder it is restored into, is refused.
"""

from __future__ import annotations

import json
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from museum.core.errors import BackupError

MANIFEST_NAME = "museum-backup.json"
FORMAT_NAME = "museum-backup"
FORMAT_VERSION = 1
DATABASE_MEMBER = "museum.db"
BACKUP_PREFIX = "museum-backup-"
BACKUP_SUFFIX = ".zip"
_MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    bytes: int


@dataclass
class Manifest:
    """What a backup promises to hold."""

    schema_revision: str
    created: str
    museum_version: str
    items: int = 0
    photos: int = 0
    files: list[ManifestEntry] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # originals the database needs but lacks

    @property
    def complete(self) -> bool:
        """Whether every photo original the database refers to is in the backup."""
        return not self.missing

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "format": FORMAT_NAME, "format_version": FORMAT_VERSION,
            "schema_revision": self.schema_revision, "created": self.created,
            "museum_version": self.museum_version, "items": self.items, "photos": self.photos,
            "files": [{"path": e.path, "sha256": e.sha256, "bytes": e.bytes} for e in self.files],
            "missing": self.missing,
        }
        return json.dumps(data, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        """Parse a manifest, or raise BackupError if it is not one of ours."""
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT_NAME:
                raise ValueError("wrong format")
            if int(data["format_version"]) > FORMAT_VERSION:
                raise BackupError("This backup was made by a newer version of Museum.")
            files = [ManifestEntry(str(f["path"]), str(f["sha256"]).lower(), int(f["bytes"]))
                     for f in data["files"]]
            return cls(schema_revision=str(data["schema_revision"]), created=str(data["created"]),
                       museum_version=str(data.get("museum_version", "")),
                       items=int(data.get("items", 0)), photos=int(data.get("photos", 0)),
                       files=files, missing=[str(path) for path in data.get("missing", [])])
        except BackupError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise BackupError(
                "This file is not a Museum backup (its manifest is not ours).") from None


def check_member_name(name: str) -> None:
    """BackupError unless name is a plain relative path: no '..', '.', empty part, drive,
    backslash or NUL (string checks: 100,000 names are checked in milliseconds)."""
    parts = name.split("/")
    if (not name or "\\" in name or "\x00" in name or ":" in parts[0]
            or any(part in ("", ".", "..") for part in parts)):
        raise BackupError(f"This backup holds an unsafe path ({name!r}); it was not restored.")


def is_link(info: zipfile.ZipInfo) -> bool:
    """Whether a member is stored as a symbolic link (Unix mode in the high bits)."""
    return stat.S_ISLNK(info.external_attr >> 16)


def read_manifest(archive: zipfile.ZipFile) -> Manifest:
    """The archive's manifest, checked against the members actually present."""
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise BackupError("This file is not a Museum backup (it has no manifest).") from None
    if info.file_size > _MAX_MANIFEST_BYTES:
        raise BackupError("This file is not a Museum backup (its manifest is too large).")
    manifest = Manifest.from_json(archive.read(info))
    _check_members(archive, manifest)
    return manifest


def _check_members(archive: zipfile.ZipFile, manifest: Manifest) -> None:
    listed = {entry.path for entry in manifest.files}
    if len(listed) != len(manifest.files):
        raise BackupError("This backup's manifest lists a file twice; it was not restored.")
    if DATABASE_MEMBER not in listed:
        raise BackupError("This backup has no catalogue database in it.")
    seen: set[str] = set()
    for info in archive.infolist():
        if info.filename in seen:
            raise BackupError(f"This backup holds {info.filename!r} twice; it was not restored.")
        seen.add(info.filename)
        check_member_name(info.filename)
        if is_link(info):
            raise BackupError(f"This backup holds a link ({info.filename}); it was not restored.")
        if info.flag_bits & 0x1:
            raise BackupError("This backup is encrypted, which Museum never does; not restored.")
        if info.filename != MANIFEST_NAME and info.filename not in listed:
            raise BackupError(f"This backup holds a file its manifest does not list "
                              f"({info.filename}); it was not restored.")
    for path in sorted(listed):
        check_member_name(path)
        if path not in seen:
            raise BackupError(f"This backup is incomplete: {path} is missing from it.")
    for entry in manifest.files:
        if entry.path.startswith("photos/") and not _named_by_its_hash(entry):
            raise BackupError(f"This backup holds {entry.path} with content that does not match "
                              "its name; it is damaged and was not restored.")



def _named_by_its_hash(entry: ManifestEntry) -> bool:
    # Originals are content-addressed: the name is the promise, the manifest hash the proof.
    return PurePosixPath(entry.path).name.split(".", 1)[0] == entry.sha256
