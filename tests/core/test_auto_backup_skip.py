"""The backup on close is skipped when the newest backup already holds every change."""

from __future__ import annotations

from museum.core.auto_backup import backup_on_close, list_backups
from museum.core.backup import create_backup
from museum.core.items import update_item


def test_the_backup_on_close_is_skipped_only_when_the_newest_backup_holds_every_change(
        plain_demo_catalogue):
    catalogue = plain_demo_catalogue
    update_item(catalogue, 3, fields={"notes": "changed this session"})
    first = create_backup(catalogue).path  # File → Back up now, then quit: nothing new
    assert backup_on_close(catalogue) is None
    assert list_backups(catalogue.backups_dir) == [first]

    data = bytearray(first.read_bytes())
    middle = len(data) // 3
    data[middle:middle + 64] = bytes(64)  # inside the database member: its hash no longer holds
    first.write_bytes(bytes(data))
    second = backup_on_close(catalogue)  # a damaged backup holds nothing
    assert second is not None and second.path != first

    update_item(catalogue, 3, fields={"notes": "changed after the backup"})
    third = backup_on_close(catalogue)
    assert third is not None and len(list_backups(catalogue.backups_dir)) == 3
