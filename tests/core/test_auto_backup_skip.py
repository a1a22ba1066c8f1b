"""The backup on close is skipped when the newest backup already holds every change."""

from __future__ import annotations

from museum.core.auto_backup import backup_on_close, list_backups
from museum.core.backup import create_backup
from museum.core.items import update_item


def test_no_second_identical_backup_after_back_up_now(plain_demo_catalogue):
    catalogue = plain_demo_catalogue
    update_item(catalogue, 3, fields={"notes": "changed this session"})
    first = create_backup(catalogue)  # File → Back up now
    assert backup_on_close(catalogue) is None
    assert list_backups(catalogue.backups_dir) == [first.path]


def test_a_change_after_the_last_backup_is_backed_up_on_close(plain_demo_catalogue):
    catalogue = plain_demo_catalogue
    update_item(catalogue, 3, fields={"notes": "before"})
    create_backup(catalogue)
    update_item(catalogue, 3, fields={"notes": "after the backup"})
    result = backup_on_close(catalogue)
    assert result is not None and len(list_backups(catalogue.backups_dir)) == 2


def test_a_damaged_newest_backup_does_not_count_as_holding_the_changes(plain_demo_catalogue):
    catalogue = plain_demo_catalogue
    update_item(catalogue, 3, fields={"notes": "changed"})
    first = create_backup(catalogue).path
    data = bytearray(first.read_bytes())
    middle = len(data) // 3
    data[middle:middle + 64] = bytes(64)  # inside the database member: its hash no longer holds
    first.write_bytes(bytes(data))
    result = backup_on_close(catalogue)
    assert result is not None and result.path != first
    assert len(list_backups(catalogue.backups_dir)) == 2
