"""Fixtures shared by every test: real catalogue folders in tmp_path, never the user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from museum.core.catalogue import Catalogue  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    # No test may touch the real user's catalogue or settings.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("MUSEUM_CATALOGUE", raising=False)


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    """A new, empty catalogue in its own folder."""
    with Catalogue.open(tmp_path / "catalogue") as opened:
        yield opened


@pytest.fixture
def demo_catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    """A catalogue holding the demo story plus 40 synthetic items."""
    from museum.core.demo import fill_demo

    with Catalogue.open(tmp_path / "demo") as opened:
        fill_demo(opened, items=40)
        yield opened
