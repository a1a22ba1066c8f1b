from __future__ import annotations

import pytest

from museum.core import items
from museum.core.errors import NotFoundError, ValidationError
from museum.core.models import KINDS

WORLD_CUP_MEDAL = dict(
    kind="medal", title="World Cup winner's medal", date="2022-12-18", season="2022",
    competition="FIFA World Cup", stage="Final", team="Argentina", opponent="France",
    score="3–3", venue="Lusail Stadium", achievement="Winner", location="Safe",
    tags=["favourite", "world cup"], value="25,000", currency="eur",
    acquired_how="Awarded", acquired_date="2022-12-18", provenance="Presented on the pitch",
    condition="Mint", notes="Look at it every day",
)


def _add(catalogue, **fields):
    return items.add_item(catalogue, fields=fields).created_ids[0]


def test_every_field_round_trips_through_a_real_database(catalogue):
    item_id = _add(catalogue, **WORLD_CUP_MEDAL)
    record = items.get_item(catalogue, item_id)
    assert record.title == "World Cup winner's medal"
    assert record.value == 25000.0 and record.currency == "EUR"
    assert record.tags == ["favourite", "world cup"]
    assert (record.date, record.season, record.venue) == ("2022-12-18", "2022", "Lusail Stadium")
    assert record.created is not None and record.updated is not None
    data = record.to_dict()
    for key in ("id", "kind", "title", "date", "season", "competition", "stage", "team",
                "opponent", "score", "venue", "achievement", "location", "tags", "value",
                "currency", "notes", "created", "updated"):
        assert key in data


def test_records_read_the_times_as_the_tables_store_them(catalogue):
    # Records are read with plain sqlite3; their times must be the models' own: aware, in UTC.
    from museum.core.models import Item

    item_id = _add(catalogue, title="Cup", kind="trophy")
    items.trash_items(catalogue, [item_id])
    record = items.get_item(catalogue, item_id)
    with catalogue.session() as session:
        stored = session.get(Item, item_id)
        expected = (stored.created, stored.updated, stored.deleted_at)
    assert (record.created, record.updated, record.deleted_at) == expected
    assert record.deleted_at.utcoffset() is not None
    assert record.to_dict()["deleted_at"] == expected[2].isoformat()


@pytest.mark.parametrize(("fields", "message"), [
    (dict(title="  ", kind="medal"), "needs a title"),
    (dict(title="Cup", kind="spaceship"), "not a kind"),
    (dict(title="Cup", kind="medal", date="2023-02-30"), "no day 30"),
    (dict(title="Cup", kind="medal", season="2023/25"), "season"),
    (dict(title="Cup", kind="medal", value="lots", currency="EUR"), "not a number"),
    (dict(title="Cup", kind="medal", value="100"), "needs a currency"),
    (dict(title="Cup", kind="medal", colour="gold"), "'colour' is not a field"),
])
def test_bad_input_is_refused_and_nothing_is_stored(catalogue, fields, message):
    with pytest.raises(ValidationError, match=message):
        items.add_item(catalogue, fields=fields)
    assert items.count_items(catalogue) == 0


def test_every_kind_is_accepted_whatever_its_case(catalogue):
    for kind in KINDS:
        _add(catalogue, title=f"A {kind}", kind=kind.upper())
    assert sorted(r.kind for r in items.list_items(catalogue)) == sorted(KINDS)


def test_edit_changes_only_the_given_fields_and_the_update_time(catalogue):
    item_id = _add(catalogue, **WORLD_CUP_MEDAL)
    before = items.get_item(catalogue, item_id)
    items.update_item(catalogue, item_id, fields={"location": "Cabinet 1 / shelf 2", "notes": ""})
    after = items.get_item(catalogue, item_id)
    assert after.location == "Cabinet 1 / shelf 2" and after.notes is None
    assert after.title == before.title and after.tags == before.tags
    assert after.updated >= before.updated


def test_a_failed_edit_leaves_the_item_as_it_was(catalogue):
    item_id = _add(catalogue, **WORLD_CUP_MEDAL)
    with pytest.raises(ValidationError):
        items.update_item(catalogue, item_id, fields={"location": "Shelf", "date": "2022-02-31"})
    assert items.get_item(catalogue, item_id).location == "Safe"


def test_unknown_ids_are_reported(catalogue):
    with pytest.raises(NotFoundError, match="no item with id 99"):
        items.get_item(catalogue, 99)
    with pytest.raises(NotFoundError):
        items.update_item(catalogue, 99, fields={"title": "x"})
    with pytest.raises(NotFoundError):
        items.trash_items(catalogue, [99])


def test_trash_and_restore_bring_an_item_back_unchanged(catalogue):
    item_id = _add(catalogue, **WORLD_CUP_MEDAL)
    before = items.get_item(catalogue, item_id)
    items.trash_items(catalogue, [item_id])
    assert items.count_items(catalogue) == 0
    assert [r.id for r in items.list_items(catalogue, trash=True)] == [item_id]
    assert items.list_items(catalogue, query="world") == []
    items.restore_items(catalogue, [item_id])
    after = items.get_item(catalogue, item_id)
    assert after.to_dict() == before.to_dict()
    assert [r.id for r in items.list_items(catalogue, query="world")] == [item_id]


def test_purge_is_the_only_real_delete_and_only_from_the_trash(catalogue):
    keep, purge = _add(catalogue, title="Keep", kind="ball"), _add(catalogue, **WORLD_CUP_MEDAL)
    with pytest.raises(ValidationError, match="not in the trash"):
        items.purge_items(catalogue, [purge])
    items.trash_items(catalogue, [purge])
    items.empty_trash(catalogue)
    with pytest.raises(NotFoundError):
        items.get_item(catalogue, purge)
    assert items.list_items(catalogue, query="world") == []
    assert [r.id for r in items.list_items(catalogue)] == [keep]


def test_tags_are_shared_case_insensitively_and_offered_for_completion(catalogue):
    _add(catalogue, title="One", kind="ball", tags=["Signed", "signed", "match-worn"])
    _add(catalogue, title="Two", kind="ball", tags="SIGNED, gift")
    assert items.get_item(catalogue, 1).tags == ["Signed", "match-worn"]
    assert items.all_values(catalogue, "tags") == ["gift", "match-worn", "Signed"]
    assert items.all_values(catalogue, "kind") == ["ball"]


@pytest.mark.parametrize(("typed", "stored"), [
    ("1250", 1250.0), ("1,250.50", 1250.5), ("1 250", 1250.0), ("12,5", 12.5),
    ("1.250,00", 1250.0), ("25,000", 25000.0), ("0.5", 0.5),
])
def test_amounts_are_read_the_way_people_write_them(catalogue, typed, stored):
    item_id = _add(catalogue, title="Cup", kind="trophy", value=typed, currency="EUR")
    assert items.get_item(catalogue, item_id).value == stored


@pytest.mark.parametrize("typed", ["1,2,3", "-5", "nan", "inf", "12 euros"])
def test_amounts_that_are_not_amounts_are_refused(catalogue, typed):
    with pytest.raises(ValidationError):
        items.add_item(catalogue,
                       fields=dict(title="Cup", kind="trophy", value=typed, currency="EUR"))
