"""`museum init [DIR]`: make a new, empty catalogue — the one explicit way to create one."""

from __future__ import annotations

import argparse
from pathlib import Path

from museum.commands.opening import NOTHING
from museum.core.catalogue import DATABASE_NAME, Catalogue
from museum.core.errors import CatalogueError


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init", help="make a new, empty catalogue",
        description="Make a new, empty catalogue in DIR (or in --catalogue, $MUSEUM_CATALOGUE "
                    "or your data folder). DIR must be missing or empty. No other command "
                    "creates a catalogue, so that a mistyped path is reported, not made.")
    init.add_argument("dir", type=Path, nargs="?", metavar="DIR")
    init.set_defaults(run=run_init, opens=NOTHING)


def run_init(args: argparse.Namespace, _catalogue: None) -> int:
    if args.read_only:
        raise CatalogueError("`init` makes a catalogue, which --read-only forbids.")
    root = (args.dir or args.catalogue_path).expanduser().resolve()
    if (root / DATABASE_NAME).exists():
        raise CatalogueError(f"There already is a Museum catalogue at {root}.")
    with Catalogue.open(root, create=True) as catalogue:
        print(f"Made a new, empty catalogue at {catalogue.root}.")
    return 0
