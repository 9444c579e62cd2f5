"""Small SVG maps drawn from our own coordinates: no tile server, no external request.

The base map is the places themselves: every place with coordinates is a dot, so settled
valleys and plains show their shape. No borders are drawn — they are contested and not ours to
draw — only points, a scale and, on a place page, the place and its nearest neighbours.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from gazetteer import Gazetteer
from gazetteer.records import Place
from gazetteer.spatial import KM_PER_DEG_LAT

from .webview import Label

REGION_WIDTH = 800
LOCAL_WIDTH, LOCAL_HEIGHT = 640, 400
INSET_WIDTH = 150
MAX_NEIGHBOURS = 8
MAX_DOTS = 4000
LABEL_CHAR_PX = 7  # rough width of a label character at the map's font size, to avoid overlaps


@dataclass(frozen=True)
class Projection:
    """Equirectangular, longitudes shrunk by cos(mid-latitude): true enough at this scale."""
    south: float
    west: float
    north: float
    east: float
    width: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:  # pixels per degree of latitude
        return self.width / ((self.east - self.west) * self.kx)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return round((lon - self.west) * self.kx * self.scale, 1), round((self.north - lat) * self.scale, 1)

    def px_per_km(self) -> float:
        return self.scale / KM_PER_DEG_LAT


def region_bounds(gz: Gazetteer, pad: float = 0.1) -> tuple[float, float, float, float]:
    """South, west, north, east of every place with coordinates, padded; cached per loaded index."""
    cached = gz.__dict__.get("_web_region")
    if cached and cached[0] is gz.index:
        return cached[1]
    pts = [(p.lat, p.lon) for p in gz.index.places.values() if p.lat is not None and p.lon is not None]
    lats, lons = [a for a, _ in pts], [b for _, b in pts]
    bounds = (min(lats) - pad, min(lons) - pad, max(lats) + pad, max(lons) + pad)
    gz.__dict__["_web_region"] = (gz.index, bounds)
    return bounds


@dataclass(frozen=True)
class RegionMap:
    width: float
    height: float
    dots_path: str  # one path of zero-length segments: ~10 bytes a place instead of a <circle>


def region_map(gz: Gazetteer) -> RegionMap:
    proj = Projection(*region_bounds(gz), REGION_WIDTH)
    parts = []
    for p in gz.index.places.values():
        if p.lat is not None and p.lon is not None:
            x, y = proj.xy(p.lat, p.lon)
            parts.append(f"M{x:g} {y:g}h0")
    return RegionMap(proj.width, round(proj.height, 1), "".join(parts))


@dataclass(frozen=True)
class MapPoint:
    id: str
    x: float
    y: float
    label: Label
    anchor: str = "start"  # text-anchor of the label
    distance_km: float = 0.0
    show_label: bool = True  # False where the label would overlap one already drawn


@dataclass(frozen=True)
class LocalMap:
    width: int
    height: int
    point: MapPoint
    neighbours: list[MapPoint]
    dots: list[tuple[float, float]]
    scale_px: float
    scale_km: float
    inset: tuple[float, float, float, float]  # x, y, width, height of the region overview
    inset_point: tuple[float, float]


def _neighbour_radius(gz: Gazetteer, place: Place, category: str) -> list:
    """Nearest places of the same category, widening the circle until a few are found."""
    radius = 8.0 if category == "locality" else 30.0
    while True:
        found = [n for n in gz.nearby(place.lat, place.lon, radius_km=radius, kind=category, limit=MAX_NEIGHBOURS + 1)
                 if n.place.id != place.id]
        if len(found) >= 4 or radius >= 400:
            return found[:MAX_NEIGHBOURS]
        radius *= 2


def _nice_km(km: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ not above ``km``: a round scale-bar length."""
    step = 10 ** math.floor(math.log10(km))
    return max(m * step for m in (1, 2, 5) if m * step <= km)


def local_map(gz: Gazetteer, place: Place, category: str, labeller: Callable[[str], Label]) -> LocalMap | None:
    """The place, its nearest neighbours (labelled in the reader's convention) and every other
    place in view as a faint dot, with a scale bar and a region overview inset."""
    if place.lat is None or place.lon is None:
        return None
    near = _neighbour_radius(gz, place, category)
    reach_km = max([n.distance_km for n in near] + [2.0]) * 1.25
    dlat = reach_km / KM_PER_DEG_LAT
    aspect = LOCAL_HEIGHT / LOCAL_WIDTH
    dlon = dlat / aspect / math.cos(math.radians(place.lat))
    proj = Projection(place.lat - dlat, place.lon - dlon, place.lat + dlat, place.lon + dlon, LOCAL_WIDTH)
    px, py = proj.xy(place.lat, place.lon)
    point = MapPoint(place.id, px, py, labeller(place.id), "middle")
    neighbours, taken = [], [_box(point)]
    for n in near:
        x, y = proj.xy(n.place.lat, n.place.lon)
        preferred = ("end", "start") if x > LOCAL_WIDTH * 0.6 else ("start", "end")
        options = [MapPoint(n.place.id, x, y, labeller(n.place.id), anchor, round(n.distance_km, 1))
                   for anchor in preferred]
        free = next((o for o in options if not any(_overlap(_box(o), t) for t in taken)), None)
        if free is None:  # both sides taken: a dot without a label (the caption lists it)
            free = MapPoint(n.place.id, x, y, options[0].label, options[0].anchor, options[0].distance_km, False)
        else:
            taken.append(_box(free))
        neighbours.append(free)
    shown = {place.id} | {n.place.id for n in near}
    dots = [proj.xy(p.lat, p.lon) for p in _places_in(gz, proj) if p.id not in shown]
    scale_km = _nice_km(LOCAL_WIDTH / 4 / proj.px_per_km())
    region = Projection(*region_bounds(gz), INSET_WIDTH)
    ix, iy = region.xy(place.lat, place.lon)
    return LocalMap(LOCAL_WIDTH, LOCAL_HEIGHT, point, neighbours, dots, round(scale_km * proj.px_per_km(), 1),
                    scale_km, (LOCAL_WIDTH - INSET_WIDTH - 6, 6, INSET_WIDTH, round(region.height, 1)), (ix, iy))


def _places_in(gz: Gazetteer, proj: Projection) -> list[Place]:
    """Every place inside the map's frame, up to MAX_DOTS (a country-sized view stays light)."""
    bbox = (max(proj.south, -90), max(proj.west, -180), min(proj.north, 90), min(proj.east, 180))
    out: list[Place] = []
    while len(out) < MAX_DOTS:
        page, total = gz.places(bbox=bbox, offset=len(out), limit=1000)
        out += page
        if not page or len(out) >= total:
            break
    return out[:MAX_DOTS]


def _box(p: MapPoint) -> tuple[float, float, float, float]:
    width = len(p.label.text) * LABEL_CHAR_PX
    x0 = p.x - width if p.anchor == "end" else p.x - width / 2 if p.anchor == "middle" else p.x
    return x0 - 4, p.y - 16, x0 + width + 8, p.y + 4


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
