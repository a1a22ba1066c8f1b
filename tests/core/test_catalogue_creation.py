"""A catalogue is made only when asked (`create=True`); a path holding none is reported."""

from __future__ import annotations

import pytest

from museum.core.catalogue import Catalogue
from museum.core.errors import CatalogueError, NoCatalogueError


@pytest.mark.parametrize("read_only", [False, True])
def test_opening_a_missing_folder_says_there_is_no_catalogue_and_makes_nothing(tmp_path,
                                                                              read_only):
    with pytest.raises(NoCatalogueError, match="There is no Museum catalogue at"):
        Catalogue.open(tmp_path / "typo", read_only=read_only)
    assert not (tmp_path / "typo").exists()


def test_an_empty_folder_becomes_a_catalogue_only_when_asked(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(NoCatalogueError):
        Catalogue.open(folder)
    assert list(folder.iterdir()) == []
    with Catalogue.open(folder, create=True) as catalogue:
        assert catalogue.db_path.is_file()
    with Catalogue.open(folder) as again:  # from now on it is simply opened
        assert again.db_path.is_file()


@pytest.mark.parametrize("hidden", [".git", ".DS_Store", ".config"])
def test_a_folder_holding_only_hidden_files_is_not_taken_over(tmp_path, hidden):
    folder = tmp_path / "someones"
    folder.mkdir()
    (folder / hidden).write_bytes(b"theirs")
    with pytest.raises(CatalogueError, match="not a Museum catalogue"):
        Catalogue.open(folder, create=True)
    assert [p.name for p in folder.iterdir()] == [hidden]
