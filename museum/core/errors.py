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


class LockedError(CatalogueError):
    """Another Museum process is writing to the catalogue."""
