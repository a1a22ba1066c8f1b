"""`museum backup | restore-backup | check`: keeping the catalogue safe from the command line.

`backup` and `check` (like every command that only reads) open the catalogue read-only and may
run beside a writer (the app): SQLite's WAL lets readers take consistent snapshots while one
process writes. `check --repair` takes the writer lock, as it changes the catalogue.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from museum.commands.opening import NOTHING, READS, WRITES
from museum.commands.progress import ProgressLine
from museum.core.catalogue import Catalogue

EXIT_PROBLEMS = 1


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser("backup", help="write a backup of the whole catalogue")
    backup.add_argument("--to", type=Path, metavar="FILE",
                        help="where to write it (default: a new file in the catalogue's backups/)")
    backup.set_defaults(run=run_backup, opens=READS)

    restore = commands.add_parser("restore-backup",
                                  help="verify a backup and restore it into a new folder")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--to", type=Path, metavar="DIR", required=True,
                         help="a new (or empty) folder for the restored catalogue")
    restore.set_defaults(run=run_restore, opens=NOTHING)

    check = commands.add_parser("check", help="check the catalogue; exits 1 if anything is wrong")
    check.add_argument("--repair", action="store_true",
                       help="rebuild the search index and thumbnails, set unused files aside")
    check.set_defaults(run=run_check, opens=_reads_unless_repairing)


def _reads_unless_repairing(args: argparse.Namespace) -> str:
    return WRITES if args.repair else READS


def run_backup(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core.backup import create_backup

    result = create_backup(catalogue, destination=args.to)
    manifest = result.manifest
    print(f"Backed up {manifest.items} items and {manifest.photos} photos to {result.path} "
          f"({result.bytes / 1e6:.1f} MB).")
    for problem in result.problems:
        print(f"Warning: {problem}")
    return EXIT_PROBLEMS if result.problems else 0


def run_restore(args: argparse.Namespace, _catalogue: None) -> int:
    from museum.core.restore import restore_backup

    result = restore_backup(args.file, destination=args.to,
                            progress=ProgressLine("Restoring"))
    manifest = result.manifest
    print(f"Verified and restored {manifest.items} items and {manifest.photos} photos "
          f"(backed up {manifest.created}) into {result.root}.")
    if result.left_out:
        print(f"Note: {len(result.left_out)} file(s) in the backup that no photo uses were left "
              "out.")
    for missing in manifest.missing:
        print(f"Warning: {missing} was not in this backup (it was missing or damaged when the "
              "backup was made).")
    return EXIT_PROBLEMS if manifest.missing else 0


def run_check(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core.check import check_catalogue

    report = check_catalogue(catalogue, repair=args.repair)
    for line in report.repaired:
        print(f"Repaired: {line}")
    for line in report.problems:
        print(f"Problem: {line}")
    for line in report.notes:
        print(f"Note: {line}")
    if report.ok:
        print(f"All is well: database intact, {report.photos_checked} photo originals verified.")
        return 0
    print(f"Found {len(report.problems)} problem(s).")
    return EXIT_PROBLEMS
