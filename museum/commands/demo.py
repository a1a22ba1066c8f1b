"""`museum demo`: fill an empty catalogue with the demo museum."""

from __future__ import annotations

import argparse
import sys

from museum.commands.arguments import whole_number
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="fill an empty catalogue with a demo museum")
    demo.add_argument("--items", type=whole_number, default=0,
                      help="synthetic items to add for scale")
    demo.add_argument("--no-photos", dest="photos", action="store_false",
                      help="skip drawing photos (much faster for scale benchmarks)")
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace, catalogue: Catalogue) -> int:
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
