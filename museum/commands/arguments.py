"""Argument types shared by the subcommands, so that odd input is refused with a sentence."""

from __future__ import annotations

import argparse
import textwrap

_LIMIT = 2**63  # SQLite's integers are 64-bit; a larger id cannot exist


def whole_number(text: str) -> int:
    """An argparse type: a whole number that fits the catalogue's ids and counts."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not -_LIMIT < value < _LIMIT:
        raise argparse.ArgumentTypeError(f"'{text}' is too large")
    return value


class ParagraphFormatter(argparse.HelpFormatter):
    """Help text in paragraphs: prose is wrapped to the terminal, indented lines (examples)
    are kept exactly as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line.startswith(" ") for line in lines):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(textwrap.fill(" ".join(lines), width, initial_indent=indent,
                                                subsequent_indent=indent))
        return "\n\n".join(paragraphs)
