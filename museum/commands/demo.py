"""`museum demo`: fill an empty catalogue with the demo museum."""

from __future__ import annotations

import argparse

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
    changes = fill_demo(catalogue, items=max(0, args.items), photos=args.photos)
    print(f"Made a demo museum of {len(changes.item_ids)} items in {catalogue.root}.")
    return 0
