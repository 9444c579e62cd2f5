"""An open, multilingual gazetteer of the South Caucasus.

>>> from gazetteer import Gazetteer
>>> gz = Gazetteer()                                  # doctest: +SKIP
>>> gz.resolve("Şuşa")[0].place.id                    # doctest: +SKIP
'shusha-town'
"""
from .core import Gazetteer
from .errors import DatabaseError, DataError, GazetteerError, InvalidQuery, PlaceNotFound, UnknownScheme
from .fold import fold
from .records import Membership, Name, Place, Result

__all__ = ["Gazetteer", "GazetteerError", "PlaceNotFound", "InvalidQuery", "UnknownScheme", "DataError",
           "DatabaseError", "Place", "Name", "Membership", "Result", "fold"]
__version__ = "0.1.0"
