"""`museum add | list | show | edit | delete | restore | trash`: items on the command line."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from museum.commands.arguments import ParagraphFormatter, whole_number
from museum.commands.opening import READS, WRITES
from museum.commands.output import print_item, print_item_list, print_json, print_json_list
from museum.core import item_listing
from museum.core.catalogue import Catalogue
from museum.core.errors import QueryError
from museum.core.fields import NORMALISERS
from museum.core.item_fields import KINDS
from museum.core.search import SORT_FIELDS

# Reading commands use item_listing (plain sqlite3); museum.core.items, which imports
# SQLAlchemy and sqlmodel (most of a reading command's start-up), only where a command writes.

_FIELD_OPTIONS = [name for name in NORMALISERS if name not in ("title", "kind")]


def register(commands: argparse._SubParsersAction) -> None:
    add = commands.add_parser(
        "add", help="add an item; prints its id", epilog=ADD_EPILOG,
        description="Add one item to the catalogue and print its id. Only --title and --kind "
                    "are needed; every other field can be given now or later with `edit`.",
        formatter_class=ParagraphFormatter)
    add.add_argument("--title", required=True, help="what the item is, as on a museum label")
    add.add_argument("--kind", required=True, metavar="KIND",
                     help=f"one of: {', '.join(KINDS)}")
    _add_field_options(add)
    add.add_argument("--photo", dest="photos", action="append", type=Path, metavar="FILE",
                     help="a photo file to import into the new item; repeat for more")
    add.set_defaults(run=run_add)

    listing = commands.add_parser("list", help="list items, optionally matching a query")
    listing.add_argument("--query", "-q", default="")
    listing.add_argument("--sort", default="date", help=f"one of {', '.join(SORT_FIELDS)}; "
                         "--sort=-date (or --desc) for descending")
    listing.add_argument("--desc", action="store_true", help="newest / highest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list, opens=READS)

    show = commands.add_parser("show", help="show one item")
    show.add_argument("id", type=whole_number)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show, opens=READS)

    edit = commands.add_parser("edit", help="change fields of an item")
    edit.add_argument("id", type=whole_number)
    edit.add_argument("--title")
    edit.add_argument("--kind")
    _add_field_options(edit)
    edit.set_defaults(run=run_edit)

    for name, helptext, run in (("delete", "move items to the trash", run_delete),
                                ("restore", "bring items back from the trash", run_restore)):
        command = commands.add_parser(name, help=helptext)
        command.add_argument("ids", type=whole_number, nargs="+", metavar="ID")
        command.set_defaults(run=run)

    trash = commands.add_parser("trash", help="list the trash, or empty it for good")
    trash.add_argument("--empty", action="store_true", help="delete everything in the trash")
    trash.add_argument("--json", action="store_true")
    trash.set_defaults(run=run_trash, opens=_reads_unless_emptying)


ADD_EPILOG = """\
  kinds:    """ + "\n            ".join(textwrap.wrap(", ".join(KINDS), 80)) + """
  dates:    2022, 2022-12 or 2022-12-18 (--date, --acquired-date; part of a date is fine)
  seasons:  2023/24 (or 2023-24, 2023/2024), or one year such as 2022
  value:    --value 250 --currency EUR (a value needs its currency)

example:
  museum add --title "World Cup winner's medal" --kind medal --date 2022-12-18 \\
             --season 2022 --competition "FIFA World Cup" --stage Final --team Argentina \\
             --tag favourite --photo front.jpg --photo back.heic"""

_FIELD_HELP = {
    "date": "when: 2022, 2022-12 or 2022-12-18",
    "season": "2023/24, or one year (2022)",
    "acquired_date": "when you got it: 2022, 2022-12 or 2022-12-18",
    "value": "what it is worth, a number (needs --currency)",
    "currency": "a three-letter code such as EUR, GBP, USD",
    "acquired_price": "what you paid, a number",
}


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    for name in _FIELD_OPTIONS:
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=_FIELD_HELP.get(name))
    parser.add_argument("--tag", dest="tags", action="append", metavar="TAG",
                        help="a tag; repeat for more (on edit, replaces the tags)")


def _given_fields(args: argparse.Namespace) -> dict[str, Any]:
    names = [*NORMALISERS, "tags"]
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}


def run_add(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import items

    changes = items.add_item(catalogue, fields=_given_fields(args))
    item_id = changes.created_ids[0]
    print(item_id, flush=True)
    if not args.photos:
        return 0
    from museum.commands.photos import import_and_report

    # The item is kept even if its photos fail: each failure is one line on stderr, exit 2.
    return import_and_report(catalogue, item_id, args.photos, summary=False)


def run_list(args: argparse.Namespace, catalogue: Catalogue) -> int:
    sort = f"-{args.sort.lstrip('-')}" if args.desc else args.sort
    try:
        found = _print_found(catalogue, query=args.query, sort=sort, as_json=args.json)
    except QueryError as error:
        suggestion = _suggestion(catalogue, args.query)
        raise QueryError(f"{error} Did you mean {suggestion}?" if suggestion
                         else str(error)) from None
    suggestion = _suggestion(catalogue, args.query) if not found else None
    if suggestion:
        print(f"Nothing matches {args.query}. Did you mean {suggestion}?", file=sys.stderr)
    return 0


def _suggestion(catalogue: Catalogue, query: str) -> str | None:
    # Only when nothing was found: the suggester needs SQLAlchemy, which a listing does not.
    from museum.core.search_suggest import suggest_query

    return suggest_query(catalogue, query=query)


def _print_found(catalogue: Catalogue, *, query: str, sort: str, as_json: bool) -> int:
    """Print the items the query finds (JSON streamed page by page); return how many."""
    if not as_json:
        records = item_listing.list_items(catalogue, query=query, sort=sort)
        print_item_list(records)
        return len(records)
    found = 0

    def counted():
        nonlocal found
        for record in item_listing.iter_items(catalogue, query=query, sort=sort):
            found += 1
            yield record.to_dict()
    print_json_list(counted())
    return found


def run_show(args: argparse.Namespace, catalogue: Catalogue) -> int:
    record = item_listing.get_item(catalogue, args.id)
    if args.json:
        print_json(record.to_dict())
    else:
        print_item(record)
    return 0


def run_edit(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import items

    fields = _given_fields(args)
    if not fields:
        print(f"Nothing to change; give at least one --FIELD VALUE for item {args.id}.")
        return 0
    items.update_item(catalogue, args.id, fields=fields)
    print(f"Saved item {args.id}.")
    return 0


def run_delete(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import items

    items.trash_items(catalogue, args.ids)
    print(f"Moved {_count(args.ids)} to the trash; `museum restore` brings it back.")
    return 0


def run_restore(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import items

    items.restore_items(catalogue, args.ids)
    print(f"Restored {_count(args.ids)} from the trash.")
    return 0


def run_trash(args: argparse.Namespace, catalogue: Catalogue) -> int:
    if args.empty:
        from museum.core import items

        changes = items.empty_trash(catalogue)
        print(f"Deleted {_count(changes.item_ids)} for good.")
        return 0
    if args.json:
        print_json_list(record.to_dict()
                        for record in item_listing.iter_items(catalogue, trash=True))
    else:
        print_item_list(item_listing.list_items(catalogue, trash=True))
    return 0


def _count(ids: Any) -> str:
    count = len(ids)
    return f"{count} item" if count == 1 else f"{count} items"


def _reads_unless_emptying(args: argparse.Namespace) -> str:
    return WRITES if args.empty else READS
