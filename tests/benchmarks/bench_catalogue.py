"""Issue 2: catalogue creation, listing everything, and search latency at 10k and 100k items.

Each figure stands beside a naive baseline measured in the same run: ORM entities one by one
for creation and listing, LIKE '%word%' over the text columns for search.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import or_, select
from sqlmodel import Session

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo, synthetic_item
from museum.core.fields import normalise_fields
from museum.core.models import Item
from museum.core.search import parse_query, sort_order
from tests.benchmarks.timing import median_seconds, percentile, print_table, timed

SIZES = (10_000, 100_000)
QUERIES = (
    "liverpool", '"world cup"', "kind:medal", "final winner", "mac", "bernabeu",
    'competition:"champions league"', "season:2019/20", "year:2015..2018",
    "team:boca -kind:shirt", "wembley final", "location:safe", "medal liverpool", "programme",
    '"fa cup"', "argentina copa", "player of the match", "ball -friendly", "runner-up",
    "kind:trophy year:2020..2024",
)
_LIKE_COLUMNS = ("title", "description", "competition", "stage", "team", "opponent", "venue",
                 "achievement", "location", "notes")


def run() -> None:
    for size in SIZES:
        folder = Path(tempfile.mkdtemp(prefix="museum-bench-"))
        try:
            _bench_size(folder, size)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _bench_size(folder: Path, size: int) -> None:
    print(f"\n{size:,} items")
    with Catalogue.open(folder / "fast", create=True) as catalogue:
        create_seconds, _ = timed(lambda: fill_demo(catalogue, items=size, **_NO_PHOTOS))
        naive_create = _naive_create(folder / "naive", size)
        list_seconds = median_seconds(lambda: items.list_items(catalogue), repeats=3)
        naive_list = median_seconds(lambda: _naive_list(catalogue), repeats=3)
        fast = [_latency(lambda q=q: items.find_item_ids(catalogue, query=q)) for q in QUERIES]
        naive = [_latency(lambda q=q: _naive_search(catalogue, q)) for q in QUERIES]
    rows = [
        ("create catalogue (s)", create_seconds, naive_create, naive_create / create_seconds),
        ("list everything (s)", list_seconds, naive_list, naive_list / list_seconds),
        ("search p50 (ms)", percentile(fast, 0.5) * 1e3, percentile(naive, 0.5) * 1e3,
         percentile(naive, 0.5) / percentile(fast, 0.5)),
        ("search p95 (ms)", percentile(fast, 0.95) * 1e3, percentile(naive, 0.95) * 1e3,
         percentile(naive, 0.95) / percentile(fast, 0.95)),
    ]
    print_table(("measure", "museum", "naive baseline", "speed-up ×"), rows)
    target = 20 if size <= 10_000 else 100
    print(f"target: search p95 under {target} ms -> "
          f"{'met' if percentile(fast, 0.95) * 1e3 < target else 'NOT met'}")


_NO_PHOTOS: dict[str, bool] = {"photos": False}


def _latency(fn) -> float:
    return median_seconds(fn, repeats=5)


def _naive_create(folder: Path, size: int) -> float:
    # One ORM object at a time, the way a first version would write it.
    with Catalogue.open(folder, create=True) as catalogue:
        rng = random.Random(2022)
        rows = [normalise_fields(synthetic_item(rng), complete=True) for _ in range(size)]

        def insert_all() -> None:
            with Session(catalogue.engine) as session:
                for row in rows:
                    session.add(Item(**row))
                session.commit()

        return timed(insert_all)[0]


def _naive_list(catalogue: Catalogue) -> list[Item]:
    with Session(catalogue.engine) as session:
        return list(session.execute(select(Item).where(Item.deleted_at.is_(None))).scalars())


def _naive_search(catalogue: Catalogue, query: str) -> list[int]:
    conditions = [Item.deleted_at.is_(None)]
    for term in parse_query(query):
        columns = [term.field] if term.field in _LIKE_COLUMNS else list(_LIKE_COLUMNS)
        if term.field in ("kind", "season", "year"):
            columns = (["kind"] if term.field == "kind"
                       else ["season" if term.field == "season" else "date"])
        value = term.value.split("..")[0]
        match = or_(*(getattr(Item, column).ilike(f"%{value}%") for column in columns))
        conditions.append(~match if term.negated else match)
    statement = select(Item.id).where(*conditions).order_by(*sort_order("date"))
    with Session(catalogue.engine) as session:
        return list(session.execute(statement).scalars())
