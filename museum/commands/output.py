"""How the command line prints records: aligned plain text, or JSON."""

from __future__ import annotations

import json
import json.encoder
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from museum.commands.terminal_text import json_safe, visible
from museum.core.dates import format_partial_date
from museum.core.records import ItemRecord

_LABELS = {
    "acquired_how": "Acquired how", "acquired_date": "Acquired on",
    "acquired_from": "Acquired from", "acquired_price": "Price paid",
    "deleted_at": "In trash since",
}


def print_json(data: Any) -> None:
    print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))


def print_json_list(values: Iterable[Any]) -> None:
    """Print a JSON array one element at a time, exactly as print_json would print the list,
    so that a long list is never held whole in memory (as objects or as text)."""
    first = True
    for value in values:
        sys.stdout.write(("[\n  " if first else ",\n  ") + json_safe(_indented(value, 1)))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


_encode_compact = json.JSONEncoder(ensure_ascii=False).encode
_encode_text = json.encoder.encode_basestring  # json's own C function for a string


def _indented(value: Any, depth: int) -> str:
    """json.dumps(value, indent=2, ensure_ascii=False) for a value nested `depth` deep.

    json's indenting encoder is pure Python and was most of `list --json`'s time; here text
    and whole numbers, nearly every leaf of an item, are encoded directly.
    """
    if isinstance(value, str):
        return _encode_text(value)
    if value is None:
        return "null"
    if isinstance(value, dict) and value:
        inner = "  " * (depth + 1)
        members = ",\n".join(f"{inner}{_encode_text(str(key))}: {_indented(item, depth + 1)}"
                             for key, item in value.items())
        return "{\n" + members + "\n" + "  " * depth + "}"
    if isinstance(value, (list, tuple)) and value:
        inner = "  " * (depth + 1)
        members = ",\n".join(inner + _indented(item, depth + 1) for item in value)
        return "[\n" + members + "\n" + "  " * depth + "]"
    return _encode_compact(value)  # numbers, booleans, empty containers: json's own rules


def print_table(headers: Sequence[str] | None, rows: Iterable[Sequence[Any]]) -> None:
    """Columns padded to their widest cell; the last column is never padded. Control
    characters in a cell are printed as visible escapes (see terminal_text)."""
    table = [["" if cell is None else visible(str(cell)) for cell in row] for row in rows]
    if headers:
        table.insert(0, list(headers))
    if not table:
        return
    widths = [max(len(row[index]) for row in table) for index in range(len(table[0]))]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths)] + [row[-1]]
        print("  ".join(cells).rstrip())


def print_item_list(records: Sequence[ItemRecord]) -> None:
    rows = ((r.id, r.kind, r.date or "", r.season or "", r.competition or "", r.title)
            for r in records)
    print_table(("ID", "KIND", "DATE", "SEASON", "COMPETITION", "TITLE"), rows)
    print(f"{len(records)} item{'s' if len(records) != 1 else ''}")


def print_item(record: ItemRecord) -> None:
    """Every filled field, labelled, like a museum label."""
    values = record.to_dict()
    values["date"] = format_partial_date(record.date) or None
    values["tags"] = ", ".join(record.tags) or None
    if record.value is not None:
        values["value"] = f"{record.value:,.2f} {record.currency or ''}".strip()
        values["currency"] = None
    skip = {"primary_photo_id", "photo_count"}
    rows = [(_LABELS.get(key, key.replace("_", " ").capitalize()) + ":", value)
            for key, value in values.items() if value not in (None, "") and key not in skip]
    rows.append(("Photos:", record.photo_count))
    print_table(None, rows)
