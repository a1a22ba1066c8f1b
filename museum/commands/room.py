"""`museum room ...`: the trophy room's layout on the command line, and posters of it.

Only `room poster` needs Qt, and it imports it inside the command so that the rest of the
command line stays Qt-free. Likewise each command imports the core room modules (SQLAlchemy
and sqlmodel) when it runs, so that they do not slow down the start of every other command.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from museum.commands.arguments import ParagraphFormatter, whole_number
from museum.commands.opening import READS
from museum.commands.output import print_json, print_table
from museum.commands.terminal_text import visible
from museum.core.catalogue import Catalogue
from museum.core.item_fields import ARRANGE_RULES


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("room", help="the trophy room: cabinets, shelves, posters")
    sub = group.add_subparsers(title="room commands", metavar="ACTION", required=True,
                               parser_class=type(group))

    listing = sub.add_parser("list", help="cabinets, their shelves and what stands on each")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list, opens=READS)

    arrange = sub.add_parser("arrange", help="fill the room with cabinets by a rule "
                             "(replaces the current arrangement)")
    arrange.add_argument("--by", required=True, choices=ARRANGE_RULES)
    arrange.set_defaults(run=run_arrange)

    place = sub.add_parser("place", help="put an item on a shelf")
    place.add_argument("item_id", type=whole_number, metavar="ITEM_ID")
    place.add_argument("--cabinet", required=True, metavar="NAME")
    place.add_argument("--shelf", required=True, type=whole_number, metavar="N",
                       help="1 is the top shelf")
    place.add_argument("--index", type=whole_number, metavar="I",
                       help="place on the shelf from the left, 1 first (default: at the end)")
    place.set_defaults(run=run_place)

    remove = sub.add_parser("remove", help="take items off display, back to storage")
    remove.add_argument("item_ids", type=whole_number, nargs="+", metavar="ITEM_ID")
    remove.set_defaults(run=run_remove)

    poster = sub.add_parser(
        "poster", help="export the room or one cabinet as a PNG",
        description="Draw the trophy room — every cabinet, or just one — as a print-quality "
                    "PNG, each item painted at full size from its photo. No window opens (it "
                    "works over SSH) and it runs beside the app. The height follows the room's "
                    "shape; the file appears only when complete.",
        epilog="examples:\n  museum room poster --out room.png\n"
               "  museum room poster --out finals.png --cabinet \"Cup finals\" --width 2400",
        formatter_class=ParagraphFormatter)
    poster.add_argument("--out", required=True, type=Path, metavar="FILE.png",
                        help="the PNG file to write")
    poster.add_argument("--cabinet", metavar="NAME",
                        help="only this cabinet (default: the whole room)")
    poster.add_argument("--width", type=whole_number, default=4800, metavar="PX",
                        help="width in pixels, 200 to 20000 (default 4800)")
    poster.add_argument("--overwrite", action="store_true",
                        help="replace FILE.png if it already exists (otherwise refused)")
    poster.set_defaults(run=run_poster, opens=READS)

    _register_cabinet_commands(sub)


def _register_cabinet_commands(sub: argparse._SubParsersAction) -> None:
    cabinet = sub.add_parser("cabinet", help="add, rename, resize, move or remove a cabinet")
    actions = cabinet.add_subparsers(title="cabinet actions", metavar="ACTION", required=True,
                                     parser_class=type(cabinet))
    add = actions.add_parser("add", help="stand a new cabinet at the end of the wall")
    add.add_argument("name")
    add.add_argument("--shelves", type=whole_number, default=4)
    add.add_argument("--width", type=whole_number, default=5, help="items per shelf")
    add.set_defaults(run=run_cabinet_add)
    rename = actions.add_parser("rename", help="rename a cabinet")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(run=run_cabinet_rename)
    resize = actions.add_parser("resize", help="change shelves or width; misfits go to storage")
    resize.add_argument("name")
    resize.add_argument("--shelves", type=whole_number)
    resize.add_argument("--width", type=whole_number)
    resize.set_defaults(run=run_cabinet_resize)
    move = actions.add_parser("move", help="move a cabinet along the wall")
    move.add_argument("name")
    move.add_argument("--to", type=whole_number, required=True, metavar="POSITION",
                      help="1 is first")
    move.set_defaults(run=run_cabinet_move)
    remove = actions.add_parser("remove", help="remove a cabinet; its items go to storage")
    remove.add_argument("name")
    remove.set_defaults(run=run_cabinet_remove)


def listing_data(catalogue: Catalogue) -> dict:
    """The room as plain data: what `room list --json` prints."""
    from museum.core import room
    from museum.core.item_listing import get_records

    layout = room.room_layout(catalogue)
    titles = {r.id: r.title for r in get_records(catalogue, layout.displayed_ids)}
    return {
        "cabinets": [
            {"name": cabinet.name, "position": cabinet.position + 1,
             "shelf_count": cabinet.shelf_count, "width": cabinet.width,
             "shelves": [{"index": number,
                          "items": [{"id": i, "title": titles.get(i, "")} for i in shelf]}
                         for number, shelf in enumerate(cabinet.shelves, start=1)]}
            for cabinet in layout.cabinets],
        "storage": list(layout.storage),
    }


def run_list(args: argparse.Namespace, catalogue: Catalogue) -> int:
    data = listing_data(catalogue)
    if args.json:
        print_json(data)
        return 0
    for cabinet in data["cabinets"]:
        shape = f"{cabinet['shelf_count']} shelves × {cabinet['width']}"
        print(f"{visible(cabinet['name'])}  ({shape})")
        rows = [(f"  shelf {shelf['index']}", item["id"], item["title"])
                for shelf in cabinet["shelves"] for item in shelf["items"]]
        print_table(None, rows or [("  (empty)",)])
    print(f"{len(data['storage'])} in storage")
    return 0


def run_arrange(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room
    from museum.core.room_arrange import arrange_room

    arrange_room(catalogue, by=args.by)
    layout = room.room_layout(catalogue)
    print(f"Arranged {len(layout.displayed_ids)} items by {args.by} in "
          f"{len(layout.cabinets)} cabinets; {len(layout.storage)} in storage.")
    return 0


def run_place(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    index = None if args.index is None else max(0, args.index - 1)
    room.place_item(catalogue, item_id=args.item_id, cabinet=args.cabinet, shelf=args.shelf,
                    index=index)
    name, shelf, _ = room.room_layout(catalogue).where(args.item_id) or (args.cabinet, 0, 0)
    print(f"Item {args.item_id} stands on shelf {shelf} of '{name}'.")
    return 0


def run_remove(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    room.remove_from_display(catalogue, item_ids=args.item_ids)
    print(f"Moved {len(args.item_ids)} to storage.")
    return 0


def run_poster(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.gui.room.poster import render_poster_file  # Qt only for this one command

    size = render_poster_file(catalogue, out=args.out, cabinet=args.cabinet, width=args.width,
                              overwrite=args.overwrite)
    print(f"Wrote {args.out} ({size[0]} × {size[1]} px).")
    return 0


def run_cabinet_add(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    room.add_cabinet(catalogue, name=args.name, shelf_count=args.shelves, width=args.width)
    print(f"Added cabinet '{' '.join(args.name.split())}'.")
    return 0


def run_cabinet_rename(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    room.rename_cabinet(catalogue, name=args.name, new_name=args.new_name)
    print(f"Renamed '{args.name}' to '{' '.join(args.new_name.split())}'.")
    return 0


def run_cabinet_resize(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    before = set(room.room_layout(catalogue).storage)
    room.resize_cabinet(catalogue, name=args.name, shelf_count=args.shelves, width=args.width)
    stored = len(set(room.room_layout(catalogue).storage) - before)
    note = f"; {stored} item(s) no longer fit and went to storage" if stored else ""
    print(f"Resized '{args.name}'{note}.")
    return 0


def run_cabinet_move(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    room.move_cabinet(catalogue, name=args.name, position=args.to - 1)
    print(f"Moved '{args.name}' to position {args.to}.")
    return 0


def run_cabinet_remove(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core import room

    changes = room.remove_cabinet(catalogue, name=args.name)
    print(f"Removed '{args.name}'; {len(changes.item_ids)} item(s) went back to storage.")
    return 0

