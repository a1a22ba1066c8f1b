"""`museum photo add | list | remove | primary | caption | move`: an item's photos.

Positions are 1-based, as `photo list` shows them. An import reports each file that failed as one
line on stderr and exits with 2 if any did; the other files are imported all the same.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from museum.commands.arguments import whole_number
from museum.commands.opening import READS
from museum.commands.output import print_json, print_table
from museum.core.catalogue import Catalogue
from museum.core.photo_records import ImportReport, PhotoRecord

EXIT_SOME_FAILED = 2


def register(commands: argparse._SubParsersAction) -> None:
    photo = commands.add_parser("photo", help="add, list, order and remove an item's photos")
    actions = photo.add_subparsers(title="photo commands", metavar="ACTION", required=True,
                                   parser_class=type(photo))

    add = actions.add_parser("add", help="import photo files into an item")
    add.add_argument("item_id", type=whole_number, metavar="ID")
    add.add_argument("files", type=Path, nargs="+", metavar="FILE")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="list an item's photos in order")
    listing.add_argument("item_id", type=whole_number, metavar="ID")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list, opens=READS)

    remove = actions.add_parser("remove", help="remove a photo from its item")
    remove.add_argument("photo_id", type=whole_number, metavar="PHOTO_ID")
    remove.set_defaults(run=run_remove)

    primary = actions.add_parser("primary", help="make a photo its item's main photo")
    primary.add_argument("photo_id", type=whole_number, metavar="PHOTO_ID")
    primary.set_defaults(run=run_primary)

    caption = actions.add_parser("caption", help="set a photo's caption ('' removes it)")
    caption.add_argument("photo_id", type=whole_number, metavar="PHOTO_ID")
    caption.add_argument("text", metavar="TEXT")
    caption.set_defaults(run=run_caption)

    move = actions.add_parser("move", help="move a photo to a position (1 = first)")
    move.add_argument("photo_id", type=whole_number, metavar="PHOTO_ID")
    move.add_argument("position", type=whole_number, metavar="POSITION")
    move.set_defaults(run=run_move)


def _photos() -> ModuleType:
    # Pillow and the photo library load only for the photo commands: `list` stays quick.
    from museum.core import photos

    return photos


def import_and_report(catalogue: Catalogue, item_id: int, files: Sequence[Path], *,
                      summary: bool = True) -> int:
    """Import files into the item and print what happened (the summary on stdout, problems on
    stderr, one line each); the exit code: 2 if any file failed, else 0."""
    report = _photos().import_photos(catalogue, item_id=item_id, paths=files)
    if summary:
        count = len(report.photo_ids)
        print(f"Added {count} photo{'s' if count != 1 else ''} to item {item_id}.")
    print_problems(report, item_id)
    return EXIT_SOME_FAILED if report.failures else 0


def print_problems(report: ImportReport, item_id: int) -> None:
    for path in report.duplicates:
        print(f"museum: {Path(path).name} is already a photo of item {item_id}; skipped.",
              file=sys.stderr)
    for _path, sentence in report.failures:
        print(f"museum: {sentence}", file=sys.stderr)


def run_add(args: argparse.Namespace, catalogue: Catalogue) -> int:
    return import_and_report(catalogue, args.item_id, args.files)


def run_list(args: argparse.Namespace, catalogue: Catalogue) -> int:
    records = _photos().list_photos(catalogue, item_id=_existing_item(catalogue, args.item_id))
    if args.json:
        print_json([record.to_dict() for record in records])
        return 0
    print_table(("ID", "POS", "", "SIZE", "FORMAT", "TAKEN", "FILE", "CAPTION"),
                [_row(record) for record in records])
    print(f"{len(records)} photo{'s' if len(records) != 1 else ''}")
    return 0


def _row(record: PhotoRecord) -> tuple[object, ...]:
    return (record.id, record.position, "primary" if record.primary else "",
            f"{record.width}×{record.height}", record.format, record.taken_at or "",
            record.filename, record.caption or "")


def _existing_item(catalogue: Catalogue, item_id: int) -> int:
    from museum.core.items import get_item

    return get_item(catalogue, item_id).id  # NotFoundError: one sentence, exit 2


def run_remove(args: argparse.Namespace, catalogue: Catalogue) -> int:
    record = _photos().get_photo(catalogue, photo_id=args.photo_id)
    _photos().remove_photo(catalogue, photo_id=args.photo_id)
    print(f"Removed photo {args.photo_id} ({record.filename}) from item {record.item_id}.")
    return 0


def run_primary(args: argparse.Namespace, catalogue: Catalogue) -> int:
    _photos().set_primary(catalogue, photo_id=args.photo_id)
    record = _photos().get_photo(catalogue, photo_id=args.photo_id)
    print(f"Photo {args.photo_id} is now the main photo of item {record.item_id}.")
    return 0


def run_caption(args: argparse.Namespace, catalogue: Catalogue) -> int:
    _photos().set_caption(catalogue, photo_id=args.photo_id, caption=args.text)
    print(f"Saved the caption of photo {args.photo_id}.")
    return 0


def run_move(args: argparse.Namespace, catalogue: Catalogue) -> int:
    _photos().move_photo(catalogue, photo_id=args.photo_id, position=args.position)
    print(f"Moved photo {args.photo_id} to position {args.position}.")
    return 0
