"""Nearest places to a point: a grid of latitude/longitude cells, searched ring by ring.

Places are bucketed once into cells of ``CELL_DEG`` degrees; a query visits only the cells that
the search circle's bounding box touches, so its cost follows the number of places nearby, not
the size of the gazetteer.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import InvalidQuery
from .records import Place

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
KM_PER_DEG_LAT = math.pi * EARTH_RADIUS_KM / 180
CELL_DEG = 0.1  # ~11 km north-south: a village-scale query touches a handful of cells
MAX_RADIUS_KM = 1000.0
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Nearby:
    """One answer of ``Gazetteer.nearby``: a place and its great-circle distance in km."""
    place: Place
    distance_km: float

    def to_dict(self) -> dict:
        return dict(self.place.to_dict(), distance_km=round(self.distance_km, 3))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a spherical Earth (error < 0.5 % against the ellipsoid)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


class SpatialIndex:
    """Places with coordinates, bucketed by grid cell."""

    def __init__(self, places: Iterable[Place]):
        self.cells: dict[tuple[int, int], list[Place]] = defaultdict(list)
        for p in places:
            if p.lat is not None and p.lon is not None:
                self.cells[_cell(p.lat, p.lon)].append(p)
        self.cells = dict(self.cells)

    def __len__(self) -> int:
        return sum(len(v) for v in self.cells.values())

    def _cells_near(self, lat: float, lon: float, radius_km: float) -> Iterable[list[Place]]:
        dlat = radius_km / KM_PER_DEG_LAT
        # Longitude degrees shrink with latitude; use the circle's widest latitude.
        widest = min(89.9, abs(lat) + dlat)
        dlon = min(180.0, radius_km / (KM_PER_DEG_LAT * math.cos(math.radians(widest))))
        (i0, j0), (i1, j1) = _cell(lat - dlat, lon - dlon), _cell(lat + dlat, lon + dlon)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(self.cells):  # a huge circle: walk the occupied cells
            return (v for (i, j), v in self.cells.items() if i0 <= i <= i1 and j0 <= j <= j1)
        return (self.cells[(i, j)] for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)
                if (i, j) in self.cells)

    def nearby(self, lat: float, lon: float, radius_km: float, limit: int,
               keep: Callable[[Place], bool] | None = None) -> list[Nearby]:
        """Places within ``radius_km`` of the point, nearest first (ties by id)."""
        found = []
        for bucket in self._cells_near(lat, lon, radius_km):
            for p in bucket:
                d = haversine_km(lat, lon, p.lat, p.lon)
                if d <= radius_km and (keep is None or keep(p)):
                    found.append(Nearby(p, d))
        found.sort(key=lambda n: (n.distance_km, n.place.id))
        return found[:limit]


def check_point(lat, lon, radius_km, limit) -> None:
    """Raise InvalidQuery naming the first bad parameter."""
    for name, val, lo, hi in (("lat", lat, -90, 90), ("lon", lon, -180, 180),
                              ("radius_km", radius_km, 0, MAX_RADIUS_KM)):
        if isinstance(val, bool) or not isinstance(val, (int, float)) or not lo <= val <= hi \
                or math.isnan(val):
            raise InvalidQuery(f"{name} must be a number from {lo} to {hi}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidQuery(f"limit must be an integer from 1 to {MAX_LIMIT}")
