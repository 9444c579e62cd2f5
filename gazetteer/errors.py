"""One exception root for the whole library.

Every error the library raises on purpose derives from :class:`GazetteerError`,
mixed with the built-in it behaves like, so callers may catch either.
"""
from __future__ import annotations


class GazetteerError(Exception):
    """Base class of every error raised on purpose by the gazetteer."""


class PlaceNotFound(GazetteerError, LookupError):
    """No place has that id or name."""


class InvalidQuery(GazetteerError, ValueError):
    """A query or parameter is malformed or out of bounds."""


class UnknownScheme(InvalidQuery):
    """A transliteration scheme or naming convention name is not registered."""


class DataError(GazetteerError, ValueError):
    """Data files failed validation; ``problems`` holds every ``FILE:LINE: message``."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = self.problems[0] if self.problems else "invalid data"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(head + more)


class DatabaseError(GazetteerError, RuntimeError):
    """The database is missing, corrupt or of another data version."""
