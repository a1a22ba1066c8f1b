"""`museum demo`: fill an empty catalogue with the demo museum."""

from __future__ import annotations

import argparse
import sys

from museum.commands.arguments import ParagraphFormatter, whole_number
from museum.commands.opening import CREATES
from museum.core.catalogue import Catalogue


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser(
        "demo", help="fill an empty catalogue with a demo museum",
        description="Fill an empty catalogue with the demo museum: a footballer's story in "
                    "medals, shirts and trophies, each with photos drawn for it, arranged in the "
                    "trophy room by competition. Like `init`, it makes the catalogue if there "
                    "is none at --catalogue; it refuses one that already has items, so that "
                    "made-up records never mix with yours.",
        epilog="examples:\n  museum --catalogue /tmp/demo demo\n"
               "  museum --catalogue /tmp/big demo --items 100000 --no-photos   (for scale)",
        formatter_class=ParagraphFormatter)
    demo.add_argument("--items", type=whole_number, default=0, metavar="N",
                      help="also add N made-up items, to try Museum at scale (default 0)")
    demo.add_argument("--no-photos", dest="photos", action="store_false",
                      help="skip drawing photos (much faster for scale benchmarks)")
    demo.set_defaults(run=run_demo, opens=CREATES)


def run_demo(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from museum.core.demo import fill_demo  # Pillow and the drawings: only for this command

    progress = _show_progress if sys.stderr.isatty() else None
    changes = fill_demo(catalogue, items=max(0, args.items), photos=args.photos,
                        progress=progress)
    if progress:
        print(file=sys.stderr)
    print(f"Made a demo museum of {len(changes.item_ids)} items in {catalogue.root}.")
    return 0


def _show_progress(done: int, total: int) -> None:
    # Drawing photos takes a while; a terminal user should see it moving.
    print(f"\rDrawing demo photos: {done} of {total}", end="", file=sys.stderr, flush=True)
