"""How an item's drawn silhouette is coloured: team colours for cloth, the metal for medals."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from museum.core.records import ItemRecord

# (main colour, second colour, pattern) for teams we know; others get a steady colour of their
# own from the name, so a team always looks the same.
TEAM_COLOURS: dict[str, tuple[str, str, str]] = {
    "argentina": ("#75aadb", "#f7f7f7", "stripes"),
    "liverpool": ("#c8102e", "#f2f2f2", "plain"),
    "chelsea": ("#034694", "#f2f2f2", "plain"),
    "real madrid": ("#f4f4f4", "#c9a14f", "plain"),
    "manchester city": ("#6cabdd", "#1c2c5b", "plain"),
    "arsenal": ("#db0007", "#f7f7f7", "sleeves"),
    "river plate": ("#f7f7f7", "#d5001c", "sash"),
    "boca juniors": ("#103f79", "#f3b229", "band"),
    "brighton & hove albion": ("#0057b8", "#f7f7f7", "stripes"),
    "argentinos juniors": ("#e2231a", "#f7f7f7", "plain"),
}
_FALLBACK = (("#2a6f3e", "#f2f2f2", "plain"), ("#6a1b9a", "#f2f2f2", "plain"),
             ("#f2c200", "#1b1b1b", "stripes"), ("#1b1b1b", "#f2f2f2", "stripes"),
             ("#e65100", "#1b1b1b", "plain"), ("#00695c", "#f2f2f2", "hoops"))


_CLOTH_KINDS = frozenset({"shirt", "medal", "cap", "pennant", "boots", "ticket", "programme"})


@dataclass(frozen=True)
class Variant:
    """Everything that makes one drawn item differ from another of its kind."""

    kind: str
    primary: str
    secondary: str
    pattern: str
    metal: str
    number: int


def variant_for(record: ItemRecord) -> Variant:
    team = (record.team or "").casefold()
    primary, secondary, pattern = TEAM_COLOURS.get(team) or _FALLBACK[
        zlib.crc32(team.encode()) % len(_FALLBACK)]
    achievement = (record.achievement or "").casefold()
    metal = "gold" if achievement in ("winner", "champion", "") else \
        "silver" if "runner" in achievement else "bronze" if "third" in achievement else "gold"
    if record.kind == "replica":
        metal = "gold"
    number = 1 + zlib.crc32(str(record.id).encode()) % 23
    if record.kind == "shirt":
        digits = "".join(ch for ch in record.title if ch.isdigit())
        number = int(digits[-2:]) if digits else number
    if record.kind not in _CLOTH_KINDS:  # these look alike whatever the team, so share pictures
        primary = secondary = pattern = ""
    if record.kind != "shirt":
        number = 0
    if record.kind not in ("medal", "trophy", "other"):
        metal = "gold"
    return Variant(kind=record.kind, primary=primary, secondary=secondary, pattern=pattern,
                   metal=metal, number=number)
