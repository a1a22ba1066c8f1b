"""A catalogue is a folder: museum.db, photos/, cache/ and backups/. This is its one handle."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from museum.core import db
from museum.core.errors import CatalogueError

DATABASE_NAME = "museum.db"
SUBFOLDERS = ("photos", "cache", "backups")
ENVIRONMENT_VARIABLE = "MUSEUM_CATALOGUE"


def default_catalogue_path() -> Path:
    """Where the user's catalogue lives unless told otherwise: $MUSEUM_CATALOGUE or the data folder."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Museum", appauthor=False) / "Catalogue"


class Catalogue:
    """An open catalogue folder. Use `Catalogue.open(path)`; close it (or use `with`)."""

    def __init__(self, root: Path, engine: Engine) -> None:
        self.root = root
        self.engine = engine

    @classmethod
    def open(cls, path: Path | str) -> Catalogue:
        """Open the catalogue at path, creating it if the folder is missing or empty."""
        root = Path(path).expanduser().resolve()
        _prepare_folder(root)
        db.check_database_is_ours(root / DATABASE_NAME)
        engine = db.make_engine(root / DATABASE_NAME)
        try:
            db.migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(root, engine)

    @property
    def db_path(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def photos_dir(self) -> Path:
        return self.root / "photos"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work on this catalogue; commits at the end, rolls back on error."""
        with db.session_scope(self.engine) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _prepare_folder(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise CatalogueError(f"{root} is a file, not a catalogue folder.")
    if root.is_dir() and not (root / DATABASE_NAME).exists() and _has_foreign_files(root):
        raise CatalogueError(
            f"{root} is not a Museum catalogue: it has other files but no {DATABASE_NAME}."
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name in SUBFOLDERS:
            (root / name).mkdir(exist_ok=True)
    except OSError as error:
        raise CatalogueError(f"Cannot create the catalogue at {root}: {error.strerror}.") from None


def _has_foreign_files(root: Path) -> bool:
    return any(entry.name not in SUBFOLDERS and not entry.name.startswith(".")
               for entry in root.iterdir())
