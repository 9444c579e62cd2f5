"""Reconciliation (W3C Reconciliation Service API 0.2) over a ``Gazetteer``, without any web framework.

``Reconciler`` turns parsed JSON into JSON: query batches into candidate lists, prefixes into
suggestions, data extension queries into rows. The Flask blueprint in ``api/reconcile.py`` only
reads parameters and writes responses.

Types are our place kinds (``village``) with their category as broader type (``category:locality``).
A candidate is a ``match`` only when it is unambiguous: a name match of at least ``MATCH_SCORE``
with no other candidate within ``MATCH_MARGIN`` points.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from .errors import InvalidQuery
from .export import descendants, title_of
from .fold import fold
from .records import Name, Place
from .spatial import MAX_RADIUS_KM, haversine_km

if TYPE_CHECKING:
    from .core import Gazetteer

MAX_BATCH = 100          # queries per batch (announced as the manifest's batchSize)
MAX_EXTEND_IDS = 500
MAX_LIMIT = 100
DEFAULT_LIMIT = 10
DEFAULT_RADIUS_KM = 25.0
MATCH_SCORE = 85.0       # exact, folded and compact name matches score at least this
MATCH_MARGIN = 10.0      # ... and the runner-up must trail by this much
MAIN_LANGS = ("hy", "az-Latn", "ru", "en")
CATEGORY_PREFIX = "category:"

QUERY_PROPERTIES = {
    "lang": ("Language of the name", "BCP 47 tag of the names in the column: hy, az-Latn, az-Cyrl, ru, en…"),
    "kind": ("Kind of place", "a kind (village, town, district…) or a category (locality, admin…)"),
    "country": ("Country code", "ISO 3166-1 alpha-2 code of the country the source places it in (AZ, AM…)"),
    "parent": ("Part of", "id of a place the candidate lies in (any authority, any period)"),
    "at": ("Year", "year the name was in use; names valid then rank first"),
    "lat": ("Latitude", "WGS84 decimal degrees; with lon keeps candidates within radius km"),
    "lon": ("Longitude", "WGS84 decimal degrees"),
    "radius": ("Radius (km)", f"search radius around lat/lon in km (default {DEFAULT_RADIUS_KM:g})"),
}


class BatchTooLarge(InvalidQuery):
    """More queries or ids in one request than the service takes (HTTP 413)."""


@dataclass(frozen=True)
class ReconQuery:
    text: str | None
    kinds: tuple[str, ...] = ()     # type ids and kind property values, resolved to kinds/categories
    limit: int = DEFAULT_LIMIT
    lang: str | None = None
    countries: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    at: int | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float = DEFAULT_RADIUS_KM


# -- parsing -----------------------------------------------------------------------------------
def _values(v: Any) -> list:
    """A property's values: one or many; reconciled entities count by id."""
    items = v if isinstance(v, list) else [v]
    out = []
    for item in items:
        if isinstance(item, dict):
            if not isinstance(item.get("id"), str):
                raise InvalidQuery("an entity property value needs a string id")
            item = item["id"]
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise InvalidQuery(f"unsupported property value {item!r}")
        if isinstance(item, str):
            item = item.strip()
        if item != "":
            out.append(item)
    return out


def _number(pid: str, vals: list, lo: float, hi: float) -> float | None:
    if not vals:
        return None
    if len(vals) > 1:
        raise InvalidQuery(f"property {pid!r} takes one value")
    try:
        x = float(vals[0])
    except ValueError:
        raise InvalidQuery(f"property {pid!r} must be a number") from None
    if math.isnan(x) or not lo <= x <= hi:
        raise InvalidQuery(f"property {pid!r} must be from {lo:g} to {hi:g}")
    return x


class Reconciler:
    """Reconciliation, suggest and data extension for one ``Gazetteer``; caches follow its index."""

    def __init__(self, gz: "Gazetteer"):
        self.gz = gz
        self._prefix: tuple[object, list[tuple[str, str, int]]] | None = None

    # -- vocabulary --------------------------------------------------------------------------
    def _categories(self) -> dict[str, str]:
        self.gz.index  # the vocabularies load with the index
        return self.gz._categories

    def kind_labels(self) -> dict[str, str]:
        from .vocab import load_vocab

        self.gz.index
        return {k: v["label"] for k, v in load_vocab(str(self.gz.data_dir.resolve())).kinds.items()}

    def types(self) -> list[dict]:
        """Every kind as a type, with its category as broader type."""
        cats = self._categories()
        labels = self.kind_labels()
        return [{"id": k, "name": labels.get(k, k),
                 "broader": [{"id": CATEGORY_PREFIX + cats[k], "name": cats[k].capitalize() + " (any kind)"}]}
                for k in cats]

    def category_types(self) -> list[dict]:
        return [{"id": CATEGORY_PREFIX + c, "name": c.capitalize() + " (any kind)"}
                for c in dict.fromkeys(self._categories().values())]

    def _is_type(self, type_id: str) -> bool:
        cats = self._categories()
        name = type_id.removeprefix(CATEGORY_PREFIX)
        return name in cats or name in set(cats.values())

    def _kind_filter(self, type_ids: Iterable[str]) -> tuple[str, ...]:
        cats = self._categories()
        out = []
        for t in type_ids:
            if not isinstance(t, str):
                raise InvalidQuery("type must be a string or a list of strings")
            name = t[len(CATEGORY_PREFIX):] if t.startswith(CATEGORY_PREFIX) else t
            if name not in cats and name not in set(cats.values()):
                raise InvalidQuery(f"unknown type {t!r}; use a kind such as village or a category such as "
                                   f"{CATEGORY_PREFIX}locality (see defaultTypes in the manifest)")
            out.append(t)
        return tuple(out)

    def _keeps_kind(self, place: Place, kinds: tuple[str, ...]) -> bool:
        cat = self._categories().get(place.kind)
        return any(place.kind == k or k == CATEGORY_PREFIX + str(cat) or (k == cat and k not in self._categories())
                   for k in kinds)

    # -- query batches -----------------------------------------------------------------------
    def parse_batch(self, batch: Any) -> dict[str, ReconQuery]:
        """Check a reconciliation query batch (the spec's schema plus our bounds)."""
        if not isinstance(batch, dict):
            raise InvalidQuery("queries must be a JSON object of query id -> query")
        if len(batch) > MAX_BATCH:
            raise BatchTooLarge(f"at most {MAX_BATCH} queries per batch; got {len(batch)}")
        return {str(key): self.parse_query(key, q) for key, q in batch.items()}

    def parse_query(self, key: str, q: Any) -> ReconQuery:
        if not isinstance(q, dict):
            raise InvalidQuery(f"query {key!r} must be an object")
        unknown = set(q) - {"query", "type", "limit", "properties", "type_strict"}
        if unknown:
            raise InvalidQuery(f"query {key!r}: unknown field(s) {', '.join(sorted(unknown))}")
        text = q.get("query")
        if text is not None and (not isinstance(text, str) or not text.strip()):
            raise InvalidQuery(f"query {key!r}: 'query' must be a non-empty string")
        props = q.get("properties", [])
        if not isinstance(props, list):
            raise InvalidQuery(f"query {key!r}: 'properties' must be a list")
        if text is None and not props:
            raise InvalidQuery(f"query {key!r} needs a 'query' string or at least one property")
        limit = q.get("limit", DEFAULT_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not math.isfinite(limit) \
                or limit != int(limit) or not 1 <= limit <= MAX_LIMIT:
            raise InvalidQuery(f"query {key!r}: limit must be an integer from 1 to {MAX_LIMIT}")
        if q.get("type_strict") not in (None, "any", "should", "all"):
            raise InvalidQuery(f"query {key!r}: type_strict must be any, should or all")
        types = q.get("type")
        if not (types is None or isinstance(types, str)
                or (isinstance(types, list) and all(isinstance(t, str) for t in types))):
            raise InvalidQuery(f"query {key!r}: type must be a string or a list of strings")
        # Types we do not have do not filter (the spec lets a service return other types).
        kinds = [t for t in ([types] if isinstance(types, str) else (types or [])) if self._is_type(t)]
        fields: dict[str, list] = {}
        for prop in props:
            if not isinstance(prop, dict) or set(prop) != {"pid", "v"} or not isinstance(prop["pid"], str):
                raise InvalidQuery(f"query {key!r}: each property is an object with 'pid' and 'v'")
            if prop["pid"] in QUERY_PROPERTIES:  # others are ignored: the spec leaves their use to us
                fields.setdefault(prop["pid"], []).extend(_values(prop["v"]))
        kinds += self._kind_filter(str(v) for v in fields.get("kind", []))
        langs = [str(v) for v in fields.get("lang", [])]
        if len(langs) > 1:
            raise InvalidQuery(f"query {key!r}: property 'lang' takes one value")
        parents = tuple(str(v) for v in fields.get("parent", []))
        for pid in parents:
            self.gz.place(pid)  # PlaceNotFound names the bad id
        at = _number("at", fields.get("at", []), -3000, 2100)
        lat = _number("lat", fields.get("lat", []), -90, 90)
        lon = _number("lon", fields.get("lon", []), -180, 180)
        if (lat is None) != (lon is None):
            raise InvalidQuery(f"query {key!r}: give both lat and lon, or neither")
        radius = _number("radius", fields.get("radius", []), 0, MAX_RADIUS_KM)
        return ReconQuery(text.strip() if text else None, tuple(kinds), int(limit), langs[0] if langs else None,
                          tuple(str(v).upper() for v in fields.get("country", [])), parents,
                          int(at) if at is not None else None, lat, lon,
                          DEFAULT_RADIUS_KM if radius is None else radius)

    def reconcile_batch(self, batch: Any) -> dict[str, dict]:
        """A result batch: ``{query id: {"result": [candidates]}}``."""
        parsed = self.parse_batch(batch)
        return {key: {"result": self.reconcile(q)} for key, q in parsed.items()}

    def reconcile(self, q: ReconQuery) -> list[dict]:
        gz = self.gz
        inside = [descendants(gz, p) for p in q.parents]
        scored: list[tuple[float, Place, dict]] = []  # (score 0..100, place, features)

        def keep(p: Place) -> bool:
            return ((not q.kinds or self._keeps_kind(p, q.kinds))
                    and (not q.countries or p.country in q.countries)
                    and all(p.id in s for s in inside))

        if q.text is not None:
            by_id = gz.get(q.text)
            if by_id is not None and keep(by_id):  # an id as query finds that place (spec 0.2)
                scored.append((100.0, by_id, {"id_match": True}))
            kinds = tuple(k.removeprefix(CATEGORY_PREFIX) for k in q.kinds) or None
            for r in gz.resolve(q.text, lang=q.lang, kind=kinds, at=q.at, limit=MAX_LIMIT):
                if keep(r.place) and r.place is not by_id:
                    scored.append((round(r.score * 100, 2), r.place,
                                   {"name_score": r.score, "stage": r.stage, "matched": r.matched}))
        elif q.lat is not None:
            for n in gz.nearby(q.lat, q.lon, radius_km=q.radius_km, limit=1000):
                if keep(n.place):
                    scored.append((round(100 * (1 - n.distance_km / max(q.radius_km, 1e-9)) / 2, 2), n.place, {}))
        else:
            pool = set.intersection(*inside) if inside else set()
            for pid in gz.index.place_order:
                if pid in pool and pid not in q.parents and keep(gz.index.places[pid]):
                    scored.append((50.0, gz.index.places[pid], {}))

        if q.lat is not None:
            near = []
            for score, p, feats in scored:
                if p.lat is None:
                    continue
                d = haversine_km(q.lat, q.lon, p.lat, p.lon)
                if d <= q.radius_km:
                    near.append((score, p, dict(feats, distance_km=round(d, 3))))
            scored = near
        scored.sort(key=lambda t: (-t[0], -gz.index.importance.get(t[1].id, 0), t[1].id))
        scored = scored[:q.limit]
        return [self._candidate(q, i, scored) for i in range(len(scored))]

    def _candidate(self, q: ReconQuery, i: int, scored: list) -> dict:
        score, place, feats = scored[i]
        matched: Name | None = feats.get("matched")
        name = (self.gz.display_name(place.id, lang=q.lang or (matched.lang if matched else "en"), at=q.at)
                if q.lang or matched else title_of(self.gz, place.id))
        features = [{"id": k, "value": v} for k, v in feats.items() if isinstance(v, (bool, int, float))]
        if "stage" in feats:
            features.append({"id": "stage_" + feats["stage"], "value": True})
        unambiguous = (len(scored) == 1 or scored[1][0] <= score - MATCH_MARGIN) if i == 0 else False
        return {"id": place.id, "name": name, "description": self.description(place.id, q.lang),
                "score": score, "features": features,
                "match": bool(unambiguous and score >= MATCH_SCORE and ("stage" in feats or "id_match" in feats)),
                "type": [self.type_of(place)]}

    def type_of(self, place: Place) -> dict:
        return {"id": place.kind, "name": self.kind_labels().get(place.kind, place.kind)}

    # -- descriptions ------------------------------------------------------------------------
    def main_names(self, place_id: str) -> list[tuple[str, str]]:
        """(lang, names) for each of hy, az-Latn, ru, en the place has a name in: every current
        preferred name (Khankendi / Stepanakert: competing usages are both shown), else the best one."""
        out = []
        names = self.gz.index.names_of(place_id)
        for lang in MAIN_LANGS:
            mine = [n for n in names if n.lang == lang]
            if not mine:
                continue
            current = [n.text for n in mine if n.preferred and n.to_year is None
                       and n.type in ("official", "endonym", "exonym")]
            if not current:
                current = [min(mine, key=lambda n: (n.type == "historical" or n.to_year is not None,
                                                    not n.preferred)).text]
            out.append((lang, " / ".join(list(dict.fromkeys(current))[:3])))
        return out

    def description(self, place_id: str, lang: str | None = None) -> str:
        """Kind, current parents per authority, and the main names: enough to tell namesakes apart."""
        gz = self.gz
        place = gz.place(place_id)
        parts = [self.kind_labels().get(place.kind, place.kind)]
        current = [m for m in gz.index.parents.get(place_id, ()) if m.to_year is None] \
            or list(gz.index.parents.get(place_id, ()))
        if current:
            parts.append("in " + "; ".join(
                f"{gz.display_name(m.parent_id, lang=lang) if lang else title_of(gz, m.parent_id)} "
                f"({gz.authority_label(m.authority)})"
                for m in current))
        parts += [f"{lg}: {text}" for lg, text in self.main_names(place_id)]
        return " · ".join(parts)

    # -- suggest -----------------------------------------------------------------------------
    def _prefix_index(self) -> list[tuple[str, str, int]]:
        idx = self.gz.index
        if self._prefix is None or self._prefix[0] is not idx:
            keys = sorted((fold(n.text), n.place_id, i) for i, n in enumerate(idx.names))
            self._prefix = (idx, keys)
        return self._prefix[1]

    def suggest_entities(self, prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT) -> dict:
        """Places with a name starting with ``prefix`` (folded), exact names and important places first."""
        gz, key = self.gz, fold(prefix)
        keys = self._prefix_index()
        found: dict[str, tuple[bool, int]] = {}
        if gz.get(prefix.strip()) is not None:
            found[prefix.strip()] = (True, -1)
        if key:
            start = bisect.bisect_left(keys, (key,))
            for k, pid, i in keys[start:start + 5000]:  # bounded scan for one-letter prefixes
                if not k.startswith(key):
                    break
                exact = k == key
                if pid not in found or (exact and not found[pid][0]):
                    found[pid] = (exact, i)
        ranked = sorted(found.items(), key=lambda kv: (not kv[1][0], -gz.index.importance.get(kv[0], 0), kv[0]))
        out = []
        for pid, (_, i) in ranked[cursor:cursor + limit]:
            place = gz.index.places[pid]
            name = gz.index.names[i].text if i >= 0 else title_of(gz, pid)
            out.append({"id": pid, "name": name, "description": self.description(pid),
                        "notable": [self.type_of(place)]})
        return {"result": out}

    def suggest_types(self, prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT) -> dict:
        key = fold(prefix)
        every = self.types() + self.category_types()
        hits = [t for t in every if key in fold(t["id"].replace("_", " ")) or key in fold(t["name"])]
        return {"result": hits[cursor:cursor + limit]}

    def suggest_properties(self, prefix: str, cursor: int = 0, limit: int = DEFAULT_LIMIT) -> dict:
        key = fold(prefix)
        every = [{"id": pid, "name": name, "description": desc} for pid, (name, desc) in QUERY_PROPERTIES.items()]
        seen = {p["id"] for p in every}
        every += [p for p in self.extension_properties() if p["id"] not in seen]
        hits = [p for p in every if key in fold(p["id"]) or key in fold(p["name"])]
        return {"result": hits[cursor:cursor + limit]}

    # -- data extension ----------------------------------------------------------------------
    def extension_properties(self) -> list[dict]:
        """Properties a data extension can fetch: names by language and by user, coordinates,
        reference ids, parents per authority, historical names."""
        gz = self.gz
        langs = sorted({n.lang for n in gz.index.names}, key=lambda t: (t not in MAIN_LANGS,
                       MAIN_LANGS.index(t) if t in MAIN_LANGS else 0, t))
        props = [{"id": f"name:{lg}", "name": f"Names in {lg}", "description": f"every name tagged {lg}"}
                 for lg in langs]
        gz.index
        auths = dict(gz._authorities)
        props += [{"id": f"used_by:{a}", "name": f"Names used by {label}",
                   "description": f"names {label} uses or decreed"} for a, label in auths.items()]
        props += [{"id": f"convention:{c}", "name": f"Name by convention: {label}",
                   "description": f"the name the {c!r} naming convention writes"}
                  for c, label in conventions().items()]
        props += [
            {"id": "historical", "name": "Historical names", "description": "names no longer in use, with years"},
            {"id": "lat", "name": "Latitude"}, {"id": "lon", "name": "Longitude"},
            {"id": "coordinates", "name": "Coordinates", "description": "lat,lon"},
            {"id": "kind", "name": "Kind"}, {"id": "country", "name": "Country code"},
            {"id": "geonames_id", "name": "GeoNames id"}, {"id": "wof_id", "name": "Who's On First id"},
            {"id": "wikidata", "name": "Wikidata id"}, {"id": "iso3166_2", "name": "ISO 3166-2 code"},
            {"id": "population", "name": "Population"},
            {"id": "parent", "name": "Part of (any authority)", "description": "parent places, any authority"},
        ]
        props += [{"id": f"parent:{a}", "name": f"Part of, according to {label}"} for a, label in auths.items()]
        return props

    def propose_properties(self, type_id: str, limit: int | None = None) -> dict:
        if type_id:
            self._kind_filter([type_id])
        props = self.extension_properties()
        out: dict = {"type": type_id, "properties": props[:limit] if limit else props}
        if limit:
            out["limit"] = limit
        return out

    def extend(self, query: Any) -> dict:
        """A data extension response: ``{"meta": [...], "rows": {id: {property: [values]}}}``."""
        if not isinstance(query, dict) or not isinstance(query.get("ids"), list) \
                or not isinstance(query.get("properties"), list):
            raise InvalidQuery("extend must be an object with 'ids' and 'properties' lists")
        ids, props = query["ids"], query["properties"]
        if len(ids) > MAX_EXTEND_IDS:
            raise BatchTooLarge(f"at most {MAX_EXTEND_IDS} ids per data extension; got {len(ids)}")
        if not all(isinstance(i, str) for i in ids):
            raise InvalidQuery("extend ids must be strings")
        known = {p["id"]: p for p in self.extension_properties()}
        meta, wanted = [], []
        for p in props:
            if not isinstance(p, dict) or not isinstance(p.get("id"), str):
                raise InvalidQuery("each extend property is an object with an 'id'")
            if p["id"] not in known:
                raise InvalidQuery(f"unknown property {p['id']!r}; see the property proposals at /reconcile/properties")
            settings = p.get("settings") or {}
            if not isinstance(settings, dict):
                raise InvalidQuery("property settings must be an object")
            wanted.append((p["id"], _settings(settings)))
            meta.append({"id": p["id"], "name": known[p["id"]]["name"]})
        rows = {}
        for pid in ids:
            place = self.gz.get(pid)
            rows[pid] = {prop: (self._values(place, prop, st) if place else []) for prop, st in wanted}
        return {"meta": meta, "rows": rows}

    def _values(self, place: Place, prop: str, st: dict) -> list[dict]:
        gz, at = self.gz, st["at"]
        kind, _, arg = prop.partition(":")

        def named(names: Iterable[Name]) -> list[dict]:
            return [{"str": _name_text(n, st["details"])} for n in names if at is None or n.valid_at(at)]

        names = gz.index.names_of(place.id)
        if kind == "name":
            vals = named(n for n in names if n.lang == arg)
        elif kind == "used_by":
            vals = named(n for n in names if arg in n.used_by)
        elif kind == "convention":
            got = convention_name(arg, names)
            vals = [{"str": got}] if got else []
        elif kind == "historical":
            vals = [{"str": _name_text(n, True)} for n in names if n.type == "historical" or n.to_year is not None]
        elif kind == "parent":
            vals = [{"id": m.parent_id, "name": title_of(gz, m.parent_id)}
                    for m in gz.parents(place.id, at=at) if not arg or m.authority == arg]
            vals = list({v["id"]: v for v in vals}.values())
        elif prop in ("lat", "lon"):
            val = getattr(place, prop)
            vals = [] if val is None else [{"float": val}]
        elif prop == "coordinates":
            vals = [] if place.lat is None else [{"str": f"{place.lat},{place.lon}"}]
        elif prop == "geonames_id":
            vals = [{"int": g} for g in place.geonames_ids]
        elif prop == "wof_id":
            vals = [{"int": w} for w in place.wof_ids]
        elif prop == "population":
            vals = [] if place.population is None else [{"int": place.population}]
        else:  # kind, country, wikidata, iso3166_2
            val = getattr(place, prop)
            vals = [] if val is None else [{"str": str(val)}]
        return vals[:st["limit"]] if st["limit"] else vals


def conventions() -> dict[str, str]:
    """The naming conventions of gazetteer.tagging (name -> label), when that module is present."""
    try:
        from .tagging.conventions import convention_names, get_convention
    except ImportError:  # tagging is optional for reconciliation
        return {}
    # parametric (as-of:YEAR…) and markup conventions do not name a place by themselves
    return {c: get_convention(c).label for c in convention_names()
            if ":" not in c and get_convention(c).markup is None}


def convention_name(convention: str, names: list[Name]) -> str | None:
    """The name a naming convention writes for a place with these names."""
    from .tagging.conventions import get_convention

    rows = [(i, (0, n.text, n.lang, n.type, None, n.used_by, n.from_year, n.to_year, n.preferred))
            for i, n in enumerate(names)]  # the tuple layout of tagging.KeyTable.names
    got = get_convention(convention).choose(rows)
    return got[0] if got else None


def _name_text(n: Name, details: bool) -> str:
    if not details:
        return n.text
    bits = [n.lang, n.type]
    if n.used_by:
        bits.append("used by " + ", ".join(n.used_by))
    if n.from_year is not None or n.to_year is not None:
        bits.append(f"{'' if n.from_year is None else n.from_year}–{'' if n.to_year is None else n.to_year}")
    return f"{n.text} ({'; '.join(bits)})"


def _settings(raw: dict) -> dict:
    """Property settings arrive as strings from OpenRefine (``{"limit": "5"}``)."""
    def number(key: str, lo: int, hi: int) -> int | None:
        val = raw.get(key)
        if val in (None, "", 0, "0") and key == "limit":
            return None
        if val in (None, ""):
            return None
        try:
            n = int(str(val).strip())
        except ValueError:
            raise InvalidQuery(f"setting {key!r} must be an integer") from None
        if not lo <= n <= hi:
            raise InvalidQuery(f"setting {key!r} must be from {lo} to {hi}")
        return n

    details = raw.get("details", False)
    return {"limit": number("limit", 0, 1000), "at": number("at", -3000, 2100),
            "details": details in (True, "true", "on", "1", 1)}


PROPERTY_SETTINGS = [
    {"name": "limit", "label": "Limit", "type": "number", "default": 0,
     "help_text": "Maximum number of values per cell (0 for all)"},
    {"name": "at", "label": "Year", "type": "text", "default": "",
     "help_text": "Only names and parents valid in this year (empty for all)"},
    {"name": "details", "label": "Details", "type": "checkbox", "default": False,
     "help_text": "Add language, type, users and years to each name"},
]
