"""The demo museum: the first user's story, plus as many plausible items as asked for scale."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, select

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import ValidationError
from museum.core.fields import normalise_fields
from museum.core.items import add_item, count_items
from museum.core.models import Item, utc_now
from museum.core.room_arrange import arrange_room
from museum.core.search_index import rebuild_index

SAFE = "Home safe (for now)"

STORY: tuple[dict[str, Any], ...] = (
    dict(kind="medal", title="FIFA World Cup winner's medal", date="2022-12-18", season="2022",
         competition="FIFA World Cup", stage="Final", team="Argentina", opponent="France",
         score="3–3 (4–2 on penalties)", venue="Lusail Stadium, Lusail", achievement="Winner",
         location=SAFE, tags=["world cup", "favourite"], acquired_how="Awarded",
         acquired_date="2022-12-18", condition="Mint",
         description="The medal I look at every day. Presented on the pitch after the final.",
         notes="Keep it where I can see it once the museum room is ready."),
    dict(kind="replica", title="FIFA World Cup trophy replica", date="2022-12", season="2022",
         competition="FIFA World Cup", team="Argentina", achievement="Winner", location=SAFE,
         tags=["world cup"], acquired_how="Gift from the federation", condition="Mint",
         description="Full-size replica presented to each member of the winning squad."),
    dict(kind="medal", title="Carabao Cup winner's medal", date="2024-02-25", season="2023/24",
         competition="Carabao Cup", stage="Final", team="Liverpool", opponent="Chelsea",
         score="1–0 (a.e.t.)", venue="Wembley Stadium, London", achievement="Winner",
         location=SAFE, tags=["league cup"], acquired_how="Awarded", condition="Mint"),
    dict(kind="shirt", title="World Cup final match shirt", date="2022-12-18", season="2022",
         competition="FIFA World Cup", stage="Final", team="Argentina", opponent="France",
         venue="Lusail Stadium, Lusail", location=SAFE, tags=["match-worn", "world cup"],
         condition="Unwashed, grass stains", description="Worn for the whole final."),
    dict(kind="shirt", title="Carabao Cup final shirt", date="2024-02-25", season="2023/24",
         competition="Carabao Cup", stage="Final", team="Liverpool", opponent="Chelsea",
         venue="Wembley Stadium, London", location=SAFE, tags=["match-worn"],
         condition="Washed"),
    dict(kind="boots", title="World Cup final boots", date="2022-12-18", season="2022",
         competition="FIFA World Cup", stage="Final", team="Argentina", opponent="France",
         location=SAFE, tags=["match-worn", "world cup"], condition="Worn"),
    dict(kind="ball", title="World Cup final match ball", date="2022-12-18", season="2022",
         competition="FIFA World Cup", stage="Final", team="Argentina", opponent="France",
         location=SAFE, tags=["signed", "world cup"], condition="Signed by the squad"),
)

_COMPETITIONS = (
    ("Premier League", "League"), ("FA Cup", "Cup"), ("Carabao Cup", "Cup"),
    ("UEFA Champions League", "Europe"), ("UEFA Europa League", "Europe"),
    ("Copa América", "International"), ("FIFA World Cup", "International"),
    ("Primera División", "League"), ("Copa Libertadores", "Continental"),
    ("Community Shield", "Cup"), ("Friendly", "Friendly"),
)
_TEAMS = ("Liverpool", "Brighton & Hove Albion", "Boca Juniors", "Argentina", "Argentinos Juniors",
          "Chelsea", "Real Madrid", "Manchester City", "Arsenal", "River Plate")
_VENUES = ("Anfield, Liverpool", "Wembley Stadium, London", "Estadio Santiago Bernabéu, Madrid",
           "La Bombonera, Buenos Aires", "Amex Stadium, Brighton", "Maracanã, Rio de Janeiro",
           "Stade de France, Saint-Denis", "Old Trafford, Manchester")
_STAGES = ("Final", "Semi-final", "Quarter-final", "Group stage", "Matchday 12", "Round of 16")
_ACHIEVEMENTS = ("Winner", "Runner-up", "Player of the Match", "Top scorer", "Participant")
_KIND_TITLES = {
    "medal": "{achievement} medal", "trophy": "{achievement} trophy", "replica": "Trophy replica",
    "shirt": "Match shirt #{number}", "boots": "Match boots", "ball": "Match ball",
    "cap": "International cap", "pennant": "Exchanged pennant", "certificate": "Award certificate",
    "ticket": "Match ticket", "programme": "Matchday programme", "photograph": "Team photograph",
    "other": "Memento",
}
_LOCATIONS = ("Safe", "Cabinet 1 / shelf 1", "Cabinet 1 / shelf 2", "Cabinet 2 / shelf 1",
              "Storage box A", "Storage box B", "Framed, hallway", "On loan to club museum")


def synthetic_item(rng: random.Random) -> dict[str, Any]:
    """One plausible item drawn from rng; the same rng state gives the same item."""
    kind = rng.choice(tuple(_KIND_TITLES))
    competition, level = rng.choice(_COMPETITIONS)
    team, opponent = rng.sample(_TEAMS, 2)
    year, month = rng.randint(2008, 2025), rng.randint(1, 12)
    # Club seasons start in summer; national-team tournaments take the calendar year.
    season_start = year if month >= 7 else year - 1
    season = (str(year) if level == "International"
              else f"{season_start}/{(season_start + 1) % 100:02d}")
    achievement = rng.choice(_ACHIEVEMENTS)
    title = _KIND_TITLES[kind].format(achievement=achievement, number=rng.randint(1, 30))
    return dict(
        kind=kind, title=f"{competition} {title}",
        date=f"{year}-{month:02d}-{rng.randint(1, 28):02d}", season=season, competition=competition,
        stage=rng.choice(_STAGES), team=team, opponent=opponent,
        score=f"{rng.randint(0, 4)}–{rng.randint(0, 4)}", venue=rng.choice(_VENUES),
        achievement=achievement, location=rng.choice(_LOCATIONS),
        condition=rng.choice(("Mint", "Very good", "Good", "Worn")),
        value=round(rng.uniform(50, 5000), -1), currency=rng.choice(("EUR", "GBP", "USD")),
    )


def fill_demo(
    catalogue: Catalogue, *, items: int = 0, seed: int = 2022, photos: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Changes:
    """Fill an empty catalogue with the story items and `items` synthetic ones, each with
    photos drawn for it unless `photos` is False (scale benchmarks skip them).
    progress(done, total) reports the photos as they are imported. The trophy room is
    arranged by competition.

    Refuses a catalogue that already has items, so that a user's own records never mix with
    made-up ones.
    """
    existing = count_items(catalogue) + count_items(catalogue, trash=True)
    if existing:
        raise ValidationError(
            f"This catalogue already has {existing} items; the demo needs an empty one "
            "(choose a new folder with --catalogue)."
        )
    changes = Changes()
    for fields in STORY:
        changes |= add_item(catalogue, fields=fields)
    story = list(zip(changes.created_ids, STORY))
    synthetic: list[tuple[int, str]] = []
    if items > 0:
        bulk, synthetic = _bulk_insert(catalogue, items, random.Random(seed))
        changes |= bulk
    if photos:
        from museum.core.demo_photos import import_demo_shots, story_shots, synthetic_shots

        shots = story_shots(story, seed) + synthetic_shots(synthetic, seed)
        changes |= import_demo_shots(catalogue, shots, progress=progress)
    return changes | arrange_room(catalogue, by="competition")


def _bulk_insert(
    catalogue: Catalogue, count: int, rng: random.Random
) -> tuple[Changes, list[tuple[int, str]]]:
    # Core executemany is ~15x faster than ORM objects for thousands of rows.
    now = utc_now()
    rows = []
    for _ in range(count):
        row = normalise_fields(synthetic_item(rng), complete=True)
        rows.append({**row, "created": now, "updated": now})
    with catalogue.session() as session:
        first_new = (session.execute(select(Item.id).order_by(Item.id.desc())).scalar() or 0) + 1
        session.execute(insert(Item), rows)
        rebuild_index(session)
    ids = range(first_new, first_new + count)
    kinds = [(item_id, row["kind"]) for item_id, row in zip(ids, rows)]
    return Changes(item_ids=frozenset(ids), reset=True), kinds
