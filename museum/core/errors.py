"""The few exception types a face (GUI or CLI) turns into one readable sentence."""

from __future__ import annotations


class MuseumError(Exception):
    """Base for every error meant for a user; str(error) is the sentence to show."""


class ValidationError(MuseumError):
    """A value the user gave cannot be stored as it is."""


class NotFoundError(MuseumError):
    """An id or name the user gave matches nothing."""


class QueryError(MuseumError):
    """A search query cannot be understood."""


class CatalogueError(MuseumError):
    """A catalogue folder or its database cannot be opened or used."""


class PhotoError(MuseumError):
    """A photo cannot be imported, read or stored."""


class BackupError(MuseumError):
    """A backup cannot be written, verified or restored."""


class NoCatalogueError(CatalogueError):
    """There is no catalogue at the path given (and none was to be created there)."""


class OutdatedSchemaError(CatalogueError):
    """The catalogue was made by an older Museum and must be updated before it can be read."""


class LockedError(CatalogueError):
    """Another Museum process is writing to the catalogue."""


class DamagedDatabaseError(CatalogueError):
    """The catalogue's database file is damaged or not a database; it has been left untouched.

    `catalogue_root` is the folder, so that a face can offer the newest backup in it.
    """

    def __init__(self, message: str, *, catalogue_root: object = None) -> None:
        super().__init__(message)
        self.catalogue_root = catalogue_root
