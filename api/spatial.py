"""``GET /v1/nearby``: places nearest to a point, with distances."""
from __future__ import annotations

import math

from flask import Blueprint, jsonify

from gazetteer.spatial import MAX_RADIUS_KM

from .errors import BadParameter
from .v1 import Params, gz

bp = Blueprint("spatial", __name__, url_prefix="/v1")


def _coordinate(p: Params, name: str, lo: float, hi: float, default: float | None = None) -> float:
    raw = p.str(name, required=default is None, max_len=32)
    if raw is None:
        return default
    try:
        x = float(raw)
    except ValueError:
        raise BadParameter(name, f"parameter {name!r} must be a number") from None
    if math.isnan(x) or not lo <= x <= hi:
        raise BadParameter(name, f"parameter {name!r} must be from {lo:g} to {hi:g}")
    return x


@bp.get("/nearby")
def nearby():
    p = Params({"lat", "lon", "radius", "kind", "limit"})
    lat = _coordinate(p, "lat", -90, 90)
    lon = _coordinate(p, "lon", -180, 180)
    radius = _coordinate(p, "radius", 0, MAX_RADIUS_KM, default=10.0)
    g = gz()
    found = g.nearby(lat, lon, radius_km=radius, kind=p.str("kind", max_len=64), limit=p.int("limit", 10, 1, 100))
    items = [dict(n.to_dict(), name=g.display_name(n.place.id)) for n in found]
    return jsonify({"lat": lat, "lon": lon, "radius_km": radius, "results": items})
