"""Fixtures shared by every test: real catalogue folders in tmp_path, never the user's data."""

from __future__ import annotations

import os
import shutil
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
    with Catalogue.open(tmp_path / "catalogue", create=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Drawing the demo's photos takes seconds; draw them once and give each test a copy.
    from museum.core.demo import fill_demo

    folder = tmp_path_factory.mktemp("demo-template") / "demo"
    with Catalogue.open(folder, create=True) as opened:
        fill_demo(opened, items=40)
    return folder


@pytest.fixture
def demo_catalogue(tmp_path: Path, _demo_template: Path) -> Iterator[Catalogue]:
    """A catalogue of its own holding the demo story plus 40 synthetic items, with photos."""
    folder = tmp_path / "demo"
    shutil.copytree(_demo_template, folder, ignore=shutil.ignore_patterns("museum.lock"))
    with Catalogue.open(folder) as opened:
        yield opened


@pytest.fixture
def plain_demo_catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    """The demo story plus 40 synthetic items, without photos: for tests that add their own."""
    from museum.core.demo import fill_demo

    with Catalogue.open(tmp_path / "plain-demo", create=True) as opened:
        fill_demo(opened, items=40, photos=False)
        yield opened
