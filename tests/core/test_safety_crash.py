"""Crash safety: a real process is killed with SIGKILL in the middle of work, then we look.

Afterwards the catalogue must open, pass `check`, keep every transaction that committed, and
have no record pointing at a missing or half-written photo.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from museum.core.auto_backup import list_backups
from museum.core.backup import create_backup
from museum.core.backup_leftovers import STALE_SECONDS as STALE_TEMPORARY_SECONDS
from museum.core.catalogue import Catalogue
from museum.core.check import check_catalogue
from museum.core.items import count_items, get_records
from museum.core.restore import verify_backup
from tests.core.safety_support import add_photo, png_bytes

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 12


def _run_until(code: str, *, stop_at: int) -> list[str]:
    """Run code in a new interpreter; SIGKILL it once it has printed stop_at lines."""
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        while len(lines) < stop_at:
            line = process.stdout.readline()
            if not line:
                pytest.fail(f"the worker ended early: {process.stderr.read()}")
            lines.append(line.strip())
        os.kill(process.pid, signal.SIGKILL)
        process.wait(TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    return lines


def _opens_and_passes_check(root: Path) -> Catalogue:
    catalogue = Catalogue.open(root)
    report = check_catalogue(catalogue)
    assert report.ok, report.problems
    return catalogue


@pytest.fixture
def thousand_items(tmp_path: Path) -> Path:
    from museum.core.demo import fill_demo

    with Catalogue.open(tmp_path / "big", create=True) as catalogue:
        fill_demo(catalogue, items=993)
        assert count_items(catalogue) == 1000
    return tmp_path / "big"


def test_killed_during_a_bulk_edit_of_1000_items_every_committed_edit_survives(thousand_items):
    lines = _run_until(f"""
        from museum.core.catalogue import Catalogue
        from museum.core.items import update_item
        catalogue = Catalogue.open({str(thousand_items)!r})
        for item_id in range(1, 1001):
            update_item(catalogue, item_id,
                        fields={{"notes": f"edit {{item_id}}", "tags": ["edited"]}})
            print(item_id, flush=True)  # printed only after the commit returned
    """, stop_at=400)
    committed = {int(line) for line in lines}
    with _opens_and_passes_check(thousand_items) as catalogue:
        records = get_records(catalogue, range(1, 1001))
        edited = {r.id for r in records if r.notes == f"edit {r.id}" and r.tags == ["edited"]}
        assert committed <= edited  # every committed edit is there...
        assert len(edited - committed) <= 1  # ...and at most the one in flight besides
        assert edited == set(range(1, len(edited) + 1))


def test_killed_inside_one_big_transaction_nothing_of_it_is_kept(thousand_items):
    _run_until(f"""
        import time
        from sqlalchemy import update
        from museum.core.catalogue import Catalogue
        from museum.core.models import Item
        catalogue = Catalogue.open({str(thousand_items)!r})
        with catalogue.session() as session:
            for item_id in range(1, 1001):
                session.execute(update(Item).where(Item.id == item_id).values(notes="bulk"))
                if item_id == 600:
                    session.flush()
                    print("halfway", flush=True)
                    time.sleep(30)
    """, stop_at=1)
    with _opens_and_passes_check(thousand_items) as catalogue:
        assert not [r for r in get_records(catalogue, range(1, 1001)) if r.notes == "bulk"]


def test_killed_during_a_backup_leaves_no_backup_and_a_sound_catalogue(plain_demo_catalogue):
    for seed in range(120):
        add_photo(plain_demo_catalogue, item_id=1 + seed % 40, seed=seed)
    root = plain_demo_catalogue.root
    plain_demo_catalogue.close()
    _run_until(f"""
        import time
        from museum.core.backup import create_backup
        from museum.core.catalogue import Catalogue
        catalogue = Catalogue.open({str(root)!r})
        def progress(done, total):
            print(done, flush=True)
            time.sleep(0.01)
        create_backup(catalogue, progress=progress)
    """, stop_at=60)
    leftovers = [p for p in (root / "backups").iterdir() if p.name.endswith(".tmp")]
    assert leftovers  # killed mid-way
    assert list_backups(root / "backups") == []
    # A read-only backup may be running beside the writer, so only old temporaries are cleared.
    hours_ago = time.time() - STALE_TEMPORARY_SECONDS - 60
    for leftover in leftovers:
        for path in [leftover, *(leftover.rglob("*") if leftover.is_dir() else [])]:
            os.utime(path, (hours_ago, hours_ago))
    with _opens_and_passes_check(root) as catalogue:
        assert list((root / "backups").iterdir()) == []  # the dead temporaries are cleared
        result = create_backup(catalogue)
        assert verify_backup(result.path).photos == 120


def test_killed_during_a_restore_leaves_no_folder(plain_demo_catalogue, tmp_path):
    for seed in range(80):
        add_photo(plain_demo_catalogue, item_id=1 + seed % 40, seed=seed)
    archive = create_backup(plain_demo_catalogue, destination=tmp_path / "b.zip").path
    _run_until(f"""
        import time
        from pathlib import Path
        from museum.core.restore import restore_backup
        def progress(done, total):
            print(done, flush=True)
            time.sleep(0.01)
        restore_backup(Path({str(archive)!r}), destination=Path({str(tmp_path / 'r')!r}),
                       progress=progress)
    """, stop_at=40)
    assert not (tmp_path / "r").exists()


def test_killed_during_a_200_photo_import_no_record_points_at_a_bad_file(catalogue, tmp_path):
    pytest.importorskip("museum.core.photos", reason="needs the photo library (photos branch)")
    sources = tmp_path / "camera"
    sources.mkdir()
    for seed in range(200):
        (sources / f"IMG_{seed:04d}.png").write_bytes(png_bytes(seed, size=64))
    from museum.core.items import add_item

    item_id = add_item(catalogue, fields={"title": "Shirt", "kind": "shirt"}).created_ids[0]
    root = catalogue.root
    catalogue.close()
    lines = _run_until(f"""
        from pathlib import Path
        from museum.core.catalogue import Catalogue
        from museum.core.photos import import_photos
        catalogue = Catalogue.open({str(root)!r})
        paths = sorted(Path({str(sources)!r}).iterdir())
        import_photos(catalogue, item_id={item_id}, paths=paths,
                      progress=lambda done, total: print(done, flush=True))
    """, stop_at=100)
    with _opens_and_passes_check(root) as reopened:  # check verifies every original's hash
        stored = get_records(reopened, [item_id])[0].photo_count
        assert stored <= int(lines[-1])  # never a record for a file not yet fully prepared
        from museum.core.photos import import_photos

        import_photos(reopened, item_id=item_id, paths=sorted(sources.iterdir()))
        report = check_catalogue(reopened)
        # Complete originals left by the crash are used now; only a half-written temporary
        # file can remain, and repair sets it aside.
        assert report.ok and all(".tmp " in note for note in report.notes)
        assert get_records(reopened, [item_id])[0].photo_count == 200
        repaired = check_catalogue(reopened, repair=True)
        assert repaired.ok and not repaired.notes
