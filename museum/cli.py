"""The `museum` command: parses, opens the catalogue, calls core, prints. No logic of its own.

Every error a user can cause ends as one sentence on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from museum import __version__
from museum.commands import backup, demo, init, items, photos, room
from museum.commands.arguments import ParagraphFormatter
from museum.commands.opening import CREATES, NOTHING, READS, WRITES
from museum.core.catalogue import ENVIRONMENT_VARIABLE, Catalogue, default_catalogue_path
from museum.core.errors import (
    DamagedDatabaseError, LockedError, MuseumError, NoCatalogueError, OutdatedSchemaError,
)

EXIT_USER_ERROR = 2
COMMAND_GROUPS = (init, items, photos, demo, backup, room)


DESCRIPTION = """\
A catalogue of trophies, medals, shirts and other memorabilia, with photos and a trophy room.

`museum` alone, with no command, opens the app. No command opens it: every command below
does its work here, in the terminal, and commands that only read (list, show, room list,
backup, check…) run beside an open app. `museum COMMAND --help` tells more about each."""

EXAMPLES = """\
examples:
  museum init ~/Trophies                      make a new, empty catalogue
  export MUSEUM_CATALOGUE=~/Trophies          use it from now on (or --catalogue DIR)
  museum add --title "Cup final medal" --kind medal --date 2022-12-18 --season 2022/23
  museum list -q 'kind:medal season:2022/23'
  museum room poster --out room.png
  museum --catalogue /tmp/demo demo          a demo museum to try things on"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one sentence rather than a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"museum: {message[0].upper()}{message[1:]}. "
                                   f"See 'museum --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="museum", description=DESCRIPTION, epilog=EXAMPLES,
                     formatter_class=ParagraphFormatter)
    parser.add_argument("--version", action="version", version=f"museum {__version__}")
    parser.add_argument("--catalogue", type=Path, metavar="DIR",
                        help="the catalogue folder "
                             "(default: $MUSEUM_CATALOGUE or your data folder)")
    parser.add_argument("--read-only", action="store_true",
                        help="open the catalogue read-only: commands that change it are refused "
                             "(commands that only read always open it so)")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    problem = _text_that_is_not_utf8(parser, args)
    if problem:
        print(f"museum: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    chosen = args.catalogue or os.environ.get(ENVIRONMENT_VARIABLE) or None
    path = args.catalogue_path = chosen_catalogue_path(args)
    if not hasattr(args, "run"):
        from museum.gui.app import main as gui_main

        # Only the default catalogue is made unasked, on the app's first run.
        return gui_main(catalogue_path=path, create=chosen is None)
    try:
        opens = getattr(args, "opens", WRITES)
        opens = opens(args) if callable(opens) else opens
        if opens == NOTHING:
            return args.run(args, None)
        with _open(path, opens, read_only=args.read_only, is_default=chosen is None) as catalogue:
            return args.run(args, catalogue)
    except DamagedDatabaseError as error:
        print(f"museum: {error}{_backup_advice(error)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except NoCatalogueError as error:
        print(f"museum: {error} Check the path (--catalogue or ${ENVIRONMENT_VARIABLE}), or make "
              f"a new catalogue there with `museum init \"{path}\"`.", file=sys.stderr)
        return EXIT_USER_ERROR
    except LockedError as error:
        print(f"museum: {error} Commands that only read (list, show, room list, backup, check…) "
              "run beside it.", file=sys.stderr)
        return EXIT_USER_ERROR
    except MuseumError as error:
        print(f"museum: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("museum: Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) has gone; what we had to say no longer matters.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _text_that_is_not_utf8(parser: argparse.ArgumentParser,
                           args: argparse.Namespace) -> str | None:
    """A sentence naming the first text argument holding bytes that are not UTF-8, or None.

    Python hands such bytes over as lone surrogates, which SQLite cannot store. Paths are
    Path objects, not str, and may hold any bytes the file system allows.
    """
    for dest, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _encodes_as_utf8(text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                return (f"The {_argument_name(parser, dest)} value '{shown}' is not valid UTF-8 "
                        f"text; retype it, or set your terminal to UTF-8.")
    return None


def _encodes_as_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _argument_name(parser: argparse.ArgumentParser, dest: str) -> str:
    """How the user wrote the argument stored under dest: '--title', or 'TEXT'."""
    actions = list(parser._actions)
    while actions:
        action = actions.pop()
        if isinstance(action, argparse._SubParsersAction):
            actions.extend(a for sub in action.choices.values() for a in sub._actions)
        elif action.dest == dest:
            long_options = [o for o in action.option_strings if o.startswith("--")]
            return long_options[0] if long_options else str(action.metavar or dest.upper())
    return dest


def chosen_catalogue_path(args: argparse.Namespace) -> Path:
    """--catalogue, else $MUSEUM_CATALOGUE, else the default catalogue in the data folder."""
    return Path(args.catalogue).expanduser() if args.catalogue else default_catalogue_path()


def _open(path: Path, opens: str, *, read_only: bool, is_default: bool) -> Catalogue:
    """Open the catalogue as the command needs: reading commands read-only (so they run beside
    the app) and never create; writing ones create only the default catalogue."""
    if opens == READS:
        try:
            return Catalogue.open(path, read_only=True)
        except OutdatedSchemaError:
            if read_only:
                raise
            # A catalogue from an older Museum is updated once (a short write under the lock,
            # as any write would), then read as asked.
            Catalogue.open(path).close()
            return Catalogue.open(path, read_only=True)
    if read_only:
        raise MuseumError("This command changes the catalogue, which --read-only forbids.")
    return Catalogue.open(path, create=opens == CREATES or is_default)


def _backup_advice(error: DamagedDatabaseError) -> str:
    from museum.core.auto_backup import newest_backup

    backup = newest_backup(Path(str(error.catalogue_root))) if error.catalogue_root else None
    if backup is None:
        return " No backup was found in its backups folder."
    return (f" The newest good backup is {backup}; restore it with "
            f"`museum restore-backup \"{backup}\" --to NEW_FOLDER`.")
