"""A catalogue folder may be called anything a file manager allows: the database must live in
that folder, under that name, whatever the punctuation or script."""

from __future__ import annotations

import os
import string

import pytest

from museum.cli import main
from museum.core.catalogue import Catalogue
from museum.core.items import add_item, list_items

NAMES = [f"q{mark}x" for mark in string.punctuation if mark != "/"] + [
    "%41", "%2F%3F", "?", "#", "a%b?c#d&e=f", "two  words ", " leading space", "line\nbreak",
    "tab\there", "Ελληνικά", "Русский", "日本語の棚", "العربية", "हिन्दी", "trophy 🏆",
    "".join(mark for mark in string.punctuation if mark != "/"),
    "nested/q?x/h#x",
]


@pytest.mark.parametrize("name", NAMES, ids=[repr(name) for name in NAMES])
def test_a_catalogue_lives_in_the_folder_it_is_named(tmp_path, name):
    parent = tmp_path / "parent"
    parent.mkdir()
    with Catalogue.open(parent / name, create=True) as catalogue:
        add_item(catalogue, fields={"title": "Kept here", "kind": "medal"})
    assert (parent / name / "museum.db").is_file()
    assert os.listdir(parent) == [name.split("/")[0]]  # nothing made beside it
    with Catalogue.open(parent / name, read_only=True) as reader:
        assert [record.title for record in list_items(reader)] == ["Kept here"]
    with Catalogue.open(parent / name, create=True) as catalogue:
        assert [record.title for record in list_items(catalogue)] == ["Kept here"]


@pytest.mark.parametrize("name", ["q?x", "h#x", "%41", "line\nbreak", "日本語の棚"])
def test_every_command_finds_a_catalogue_so_named(tmp_path, capsys, name):
    root = tmp_path / name
    assert main(["init", str(root)]) == 0
    assert main(["--catalogue", str(root), "add", "--title", "Cup", "--kind", "trophy"]) == 0
    assert main(["--catalogue", str(root), "list"]) == 0
    assert "Cup" in capsys.readouterr().out
    assert main(["--catalogue", str(root), "check"]) == 0
    assert main(["--catalogue", str(root), "backup"]) == 0
    assert sorted(os.listdir(tmp_path)) == [name]
