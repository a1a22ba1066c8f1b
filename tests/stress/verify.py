"""After a kill: does the catalogue open with the `museum` command, and is what was saved there?

A baseline is read from a catalogue before the run (items and the originals of its photos). The
verdict opens the catalogue with the real CLI (`museum list --json`), compares its items with
the baseline, hashes every original the baseline had and every original a photo record names.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from museum.core.photo_paths import original_relpath

REPO = Path(__file__).resolve().parents[2]
CLI_TIMEOUT = 120


@dataclass(frozen=True)
class Baseline:
    """What a catalogue held before the run: item id -> title, original relpath -> SHA-256."""

    items: dict[int, str]
    originals: dict[str, str]


@dataclass
class Verdict:
    opened: bool
    items_lost: int = 0
    originals_lost: int = 0
    temporaries: int = 0
    messages: list[str] = field(default_factory=list)


EMPTY = Baseline(items={}, originals={})


def run_cli(catalogue: Path | None, *args: str | Path, timeout: float = CLI_TIMEOUT
            ) -> subprocess.CompletedProcess[str]:
    """`python -m museum [--catalogue DIR] ARGS` from this checkout, to completion."""
    return subprocess.run(museum_command(catalogue, *args), cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env=cli_environment())


def museum_command(catalogue: Path | None, *args: str | Path) -> list[str]:
    where = ["--catalogue", str(catalogue)] if catalogue is not None else []
    return [sys.executable, "-m", "museum", *where, *map(str, args)]


def cli_environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


def read_baseline(root: Path) -> Baseline:
    """Read a closed, healthy catalogue straight from its database file."""
    with _read_only(root) as connection:
        return Baseline(items=_items(connection), originals=_originals(connection))


def verdict(root: Path, baseline: Baseline) -> Verdict:
    """Open root with the CLI and count what of baseline is gone (see the module docstring)."""
    listing = run_cli(root, "list", "--json")
    if listing.returncode != 0 and "needs updating" in listing.stderr:
        # A killed upgrade leaves the old revision; a writer (the app, any edit) upgrades it.
        upgrade = run_cli(root, "trash")
        listing = run_cli(root, "list", "--json") if upgrade.returncode == 0 else upgrade
    result = Verdict(opened=listing.returncode == 0, temporaries=count_temporaries(root))
    if not result.opened:
        result.messages.append(listing.stderr.strip().splitlines()[-1:][0]
                               if listing.stderr.strip() else f"exit {listing.returncode}")
        items = _items_best_effort(root)
    else:
        items = {entry["id"]: entry["title"] for entry in json.loads(listing.stdout)}
    result.items_lost = sum(1 for item_id, title in baseline.items.items()
                            if items.get(item_id) != title)
    result.originals_lost = _originals_lost(root, baseline)
    return result


def _originals_lost(root: Path, baseline: Baseline) -> int:
    try:
        with _read_only(root) as connection:
            recorded = _originals(connection)
    except sqlite3.Error:
        recorded = {}
    # Every original the baseline had, and every one a record now names, must be whole.
    wanted = {**recorded, **baseline.originals}
    return sum(1 for relpath, sha256 in wanted.items() if file_sha256(root / relpath) != sha256)


def count_temporaries(root: Path) -> int:
    """Files and folders a finished process should not have left: *.tmp and restore staging."""
    if not root.exists():
        return 0
    return sum(1 for path in root.rglob("*")
               if path.name.endswith(".tmp") or ".restoring-" in path.name)


def file_sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


def _items_best_effort(root: Path) -> dict[int, str]:
    try:
        with _read_only(root) as connection:
            return _items(connection)
    except sqlite3.Error:
        return {}


class _read_only:
    """A read-only sqlite3 connection that is always closed (sqlite3's own `with` is not)."""

    def __init__(self, root: Path) -> None:
        self.connection = sqlite3.connect(f"{(root / 'museum.db').as_uri()}?mode=ro", uri=True)
        self.connection.text_factory = lambda data: data.decode("utf-8", "replace")

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()


def _items(connection: sqlite3.Connection) -> dict[int, str]:
    return dict(connection.execute("SELECT id, title FROM item WHERE deleted_at IS NULL"))


def _originals(connection: sqlite3.Connection) -> dict[str, str]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "photo" not in tables:
        return {}
    rows = connection.execute("SELECT DISTINCT sha256, format FROM photo")
    return {original_relpath(sha256, image_format).as_posix(): sha256
            for sha256, image_format in rows}
