"""Routes under ``/v1``: each parses parameters, calls one library method, returns JSON."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from gazetteer import Gazetteer

from .errors import BadParameter
from .openapi import spec

bp = Blueprint("v1", __name__, url_prefix="/v1")

MAX_PAGE = 500


def gz() -> Gazetteer:
    return current_app.extensions["gazetteer"]


class Params:
    """Typed access to the query string: unknown, repeated and malformed parameters are 400s."""

    def __init__(self, allowed: set[str]):
        # One pass into a plain dict: MultiDict.get raises and catches a KeyError per absent
        # parameter, a measurable share of a cheap request.
        args: dict[str, str] = {}
        for key, values in request.args.lists():
            if key not in allowed:
                raise BadParameter(key, f"unknown parameter {key!r}; allowed: {', '.join(sorted(allowed))}")
            if len(values) > 1:
                raise BadParameter(key, f"parameter {key!r} given more than once")
            args[key] = values[0]
        self.args = args

    def str(self, name: str, *, required: bool = False, max_len: int = 200) -> str | None:
        val = self.args.get(name)
        if val is None or val == "":
            if required:
                raise BadParameter(name, f"parameter {name!r} is required")
            return None
        if len(val) > max_len:
            raise BadParameter(name, f"parameter {name!r} is longer than {max_len} characters")
        return val

    def int(self, name: str, default: int | None, lo: int, hi: int) -> int | None:
        val = self.args.get(name)
        if val is None or val == "":
            return default
        try:
            n = int(val.strip())
        except ValueError:
            raise BadParameter(name, f"parameter {name!r} must be an integer") from None
        if not lo <= n <= hi:
            raise BadParameter(name, f"parameter {name!r} must be from {lo} to {hi}")
        return n

    def point(self, name: str):
        val = self.str(name, max_len=64)
        if val is None:
            return None
        try:
            lat, lon = (float(x) for x in val.split(","))
        except ValueError:
            raise BadParameter(name, f"{name} must be lat,lon in decimal degrees") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadParameter(name, f"{name} must be a latitude in -90..90 and a longitude in -180..180")
        return (lat, lon)

    def bbox(self, name: str = "bbox"):
        val = self.str(name)
        if val is None:
            return None
        try:
            s, w, n, e = (float(x) for x in val.split(","))
        except ValueError:
            raise BadParameter(name, "bbox must be south,west,north,east in decimal degrees") from None
        if not (-90 <= s <= n <= 90 and -180 <= w <= e <= 180):
            raise BadParameter(name, "bbox must be south,west,north,east with south ≤ north and west ≤ east")
        return (s, w, n, e)


@bp.get("/resolve")
def resolve():
    p = Params({"q", "lang", "kind", "at", "limit", "near"})
    q = p.str("q", required=True)
    results = gz().resolve(q, lang=p.str("lang", max_len=64), kind=p.str("kind"),
                           at=p.int("at", None, -3000, 2100), limit=p.int("limit", 10, 1, 100), near=p.point("near"))
    return jsonify({"query": q, "results": [r.to_dict() for r in results]})


@bp.get("/suggest")
def suggest():
    p = Params({"q", "lang", "kind", "limit"})
    q = p.str("q", required=True)
    items = gz().suggest(q, lang=p.str("lang", max_len=64), kind=p.str("kind"), limit=p.int("limit", 10, 1, 50))
    return jsonify({"query": q, "suggestions": items})


@bp.get("/transliterate")
def transliterate():
    from gazetteer.translit.table import transliteration_table
    from gazetteer.errors import UnknownScheme

    p = Params({"text", "from", "scheme"})
    try:
        table = transliteration_table(p.str("text", required=True, max_len=1000), source=p.str("from", max_len=64),
                                      scheme=p.str("scheme", max_len=128))
    except UnknownScheme as exc:
        raise BadParameter("scheme", str(exc)) from None
    return jsonify(table)


@bp.get("/places/<place_id>")
def place(place_id: str):
    Params(set())
    return jsonify(gz().describe(place_id))


@bp.get("/places")
def places():
    p = Params({"kind", "parent", "bbox", "country", "offset", "limit"})
    limit = p.int("limit", 100, 1, MAX_PAGE)
    offset = p.int("offset", 0, 0, 10**7)
    g = gz()
    page, total = g.places(kind=p.str("kind"), parent=p.str("parent"), bbox=p.bbox(),
                           country=p.str("country", max_len=2), offset=offset, limit=limit)
    items = [dict(pl.to_dict(), name=g.display_name(pl.id)) for pl in page]
    nxt = offset + limit if offset + limit < total else None
    return jsonify({"total": total, "offset": offset, "limit": limit, "next_offset": nxt, "items": items})


@bp.get("/health")
def health():
    Params(set())
    g = gz()
    idx = g.index
    return jsonify({"status": "ok", "data_version": g.data_version, "places": len(idx.places),
                    "names": len(idx.names)})


@bp.get("/openapi.json")
def openapi():
    Params(set())
    return jsonify(spec(current_app))
