"""Argument types shared by the subcommands, so that odd input is refused with a sentence."""

from __future__ import annotations

import argparse

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
