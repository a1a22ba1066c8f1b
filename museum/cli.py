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
from museum.commands import backup, demo, items, photos, room
from museum.core.catalogue import DATABASE_NAME, Catalogue, default_catalogue_path
from museum.core.errors import DamagedDatabaseError, MuseumError

EXIT_USER_ERROR = 2
COMMAND_GROUPS = (items, photos, demo, backup, room)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one sentence rather than a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"museum: {message[0].upper()}{message[1:]}. "
                                   f"See 'museum --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="museum", description="A catalogue of trophies and memorabilia.")
    parser.add_argument("--version", action="version", version=f"museum {__version__}")
    parser.add_argument("--catalogue", type=Path, metavar="DIR",
                        help="the catalogue folder "
                             "(default: $MUSEUM_CATALOGUE or your data folder)")
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
    path = args.catalogue or default_catalogue_path()
    if not hasattr(args, "run"):
        from museum.gui.app import main as gui_main

        return gui_main(catalogue_path=path)
    try:
        if not getattr(args, "needs_catalogue", True):
            return args.run(args, None)
        # Read-only commands run beside a writer; on a catalogue not yet made they make it.
        exists = (Path(path).expanduser() / DATABASE_NAME).exists()
        read_only = getattr(args, "read_only", False) and exists
        with Catalogue.open(path, read_only=read_only) as catalogue:
            return args.run(args, catalogue)
    except DamagedDatabaseError as error:
        print(f"museum: {error}{_backup_advice(error)}", file=sys.stderr)
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


def _backup_advice(error: DamagedDatabaseError) -> str:
    from museum.core.auto_backup import newest_backup

    backup = newest_backup(Path(str(error.catalogue_root))) if error.catalogue_root else None
    if backup is None:
        return " No backup was found in its backups folder."
    return (f" The newest good backup is {backup}; restore it with "
            f"`museum restore-backup \"{backup}\" --to NEW_FOLDER`.")
