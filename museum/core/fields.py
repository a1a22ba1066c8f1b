"""The item fields a user can set, and how each is checked and normalised before it is stored."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from museum.core.dates import parse_partial_date, parse_season
from museum.core.errors import ValidationError
from museum.core.item_fields import KINDS

_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "CHF": "CHF"}


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _title(value: Any) -> str:
    text = _text(value)
    if text is None:
        raise ValidationError("An item needs a title.")
    return text


def _kind(value: Any) -> str:
    text = (_text(value) or "").lower()
    if text not in KINDS:
        shown = f"'{value}'" if _text(value) else "An empty kind"
        raise ValidationError(f"{shown} is not a kind of item; choose one of: {', '.join(KINDS)}.")
    return text


def parse_amount(value: Any, *, what: str = "value") -> float | None:
    """A money amount from '1250', '1,250.50', '1 250', '12,5' or '1.250,00'; None when blank.

    The last of '.' and ',' is the decimal mark when both appear; a lone ',' is a thousands
    separator only in groups of three ('1,250'), otherwise the decimal mark ('12,5').
    """
    text = _text(value)
    if text is None:
        return None
    cleaned = re.sub(r"[\s_'  ]", "", text)
    try:
        amount = float(_decimal_point_form(cleaned))
    except ValueError:
        raise ValidationError(f"The {what} '{text}' is not a number.") from None
    if not math.isfinite(amount) or amount < 0:
        raise ValidationError(f"The {what} '{text}' must be a positive number.")
    return amount


def _decimal_point_form(text: str) -> str:
    if "," in text and "." in text:
        thousands = "," if text.rfind(".") > text.rfind(",") else "."
        text = text.replace(thousands, "")
        return text.replace(",", ".")
    if "," in text:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
            return text.replace(",", "")
        return text.replace(",", ".") if text.count(",") == 1 else "not a number"
    return text


def _currency(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    code = _CURRENCY_SYMBOLS.get(text, text.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValidationError(f"'{text}' is not a currency; use a three-letter code such as EUR.")
    return code


def _date(value: Any) -> str | None:
    return parse_partial_date(_text(value))


def _season(value: Any) -> str | None:
    return parse_season(_text(value))


NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "kind": _kind,
    "title": _title,
    "date": _date,
    "season": _season,
    "value": parse_amount,
    "currency": _currency,
    "acquired_date": _date,
    "acquired_price": lambda value: parse_amount(value, what="price"),
    **{name: _text for name in (
        "description", "competition", "stage", "team", "opponent", "score", "venue",
        "achievement", "acquired_how", "acquired_from", "provenance", "condition", "location",
        "notes",
    )},
}
EDITABLE_FIELDS: tuple[str, ...] = (*NORMALISERS, "tags")


def normalise_tags(value: Any) -> list[str]:
    """Tags as a list of distinct, trimmed names in the order given ('a, b' or ['a', 'b'])."""
    raw = value.split(",") if isinstance(value, str) else list(value or [])
    tags: list[str] = []
    for name in (str(tag).strip() for tag in raw):
        if name and name.casefold() not in {tag.casefold() for tag in tags}:
            tags.append(name)
    return tags


def normalise_fields(raw: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
    """Checked, normalised values for the given fields; `complete` demands kind and title.

    Raises ValidationError naming the first field that is unknown or wrong.
    """
    unknown = [name for name in raw if name not in EDITABLE_FIELDS]
    if unknown:
        raise ValidationError(
            f"'{unknown[0]}' is not a field of an item; fields are: {', '.join(EDITABLE_FIELDS)}."
        )
    if complete:
        raw = {"kind": None, "title": None, **raw}
    clean = {name: NORMALISERS[name](value) for name, value in raw.items() if name != "tags"}
    if "tags" in raw:
        clean["tags"] = normalise_tags(raw["tags"])
    return clean
