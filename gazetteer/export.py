"""Exports of the loaded gazetteer: our CSV data files, GeoJSON, Linked Places (LPF) and LP-TSV.

Every exporter yields text chunks, so the HTTP API can stream them and the CLI can write them
without holding a whole export in memory. Places come in data order; ``region`` keeps a place and
everything under it (any authority, any period), ``kind`` keeps one kind or category.

Linked Places follows the LinkedPasts/linked-places-format README (v1.1) and LP-TSV its
``tsv_0.5.md``. Places without coordinates get ``"geometry": null`` (valid GeoJSON; LPF's
``["null"]`` placeholder is not).
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import sys
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .errors import InvalidQuery
from .records import Membership, Name, Place
from .schema import MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS, membership_cells, name_cells, place_cells

if TYPE_CHECKING:
    from .core import Gazetteer

FORMATS = ("csv", "geojson", "lpf", "lp-tsv")
CSV_TABLES = {"places": "places.csv", "toponyms": "toponyms.csv", "memberships": "memberships.csv"}
LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
# Where ``gazetteer serve`` publishes a place by default; the API passes its own address instead.
DEFAULT_BASE_URI = "http://127.0.0.1:8000/v1/places/"
MAIN_LANGS = ("hy", "az-Latn", "ru", "en")

# kind -> (Getty AAT id from WHG's place-type subset, GeoNames feature class)
KIND_TYPES: dict[str, tuple[str | None, str]] = {
    "country": ("300232420", "A"), "de_facto_state": ("300417385", "A"),
    "autonomous_republic": ("300387107", "A"), "former_autonomous_oblast": ("300387107", "A"),
    "province": ("300000774", "A"), "region": ("300182722", "L"), "economic_region": ("300182722", "A"),
    "historical_state": ("300417385", "A"), "former_governorate": ("300000774", "A"),
    "former_province": ("300000774", "A"), "historical_region": ("300387178", "L"),
    "district": ("300000705", "A"), "former_district": ("300000705", "A"),
    "municipality": ("300232418", "A"), "city": ("300008389", "P"), "town": ("300008375", "P"),
    "village": ("300008372", "P"), "locality": ("300008347", "P"), "neighbourhood": ("300000745", "P"),
    "sea": ("300008694", "H"), "lake": ("300008680", "H"), "reservoir": ("300006191", "H"),
    "river": ("300008707", "H"), "mountain_range": ("300386831", "T"), "mountain": ("300008795", "T"),
    "mountain_pass": ("300259572", "T"), "plain": ("300008805", "T"), "valley": ("300008761", "T"),
    "corridor": ("300265365", "R"), "boundary_line": (None, "L"), "airport": ("300000681", "S"),
    "square": ("300008304", "S"), "monastery": ("300263741", "S"), "cathedral": ("300007501", "S"),
    "church": ("300007486", "S"), "mosque": ("300007544", "S"), "fortress": ("300006888", "S"),
    "archaeological_site": ("300000810", "S"),
}
CATEGORY_FCLASS = {"admin": "A", "locality": "P", "region": "L", "natural": "T", "heritage": "S",
                   "infrastructure": "S"}
LPF_CERTAINTY = {"certain": "certain", "probable": "less-certain", "uncertain": "uncertain"}


# -- selection ---------------------------------------------------------------------------------
def select_places(gz: "Gazetteer", *, region: str | None = None, kind: str | None = None) -> list[Place]:
    """The places to export, in data order."""
    idx = gz.index
    ids: Iterable[str] = idx.place_order
    if region is not None:
        gz.place(region)  # raises PlaceNotFound
        inside = descendants(gz, region)
        ids = [pid for pid in idx.place_order if pid in inside]
    if kind is not None:
        cats = gz._categories
        if kind not in cats and kind not in set(cats.values()):
            raise InvalidQuery(f"unknown kind {kind!r}; use a kind or a category of data/vocab/kinds.csv")
        ids = [pid for pid in ids if idx.places[pid].kind == kind or cats.get(idx.places[pid].kind) == kind]
    return [idx.places[pid] for pid in ids]


def descendants(gz: "Gazetteer", root: str) -> set[str]:
    """``root`` and every place under it through memberships of any authority and period."""
    seen, todo = {root}, deque([root])
    while todo:
        for m in gz.index.children.get(todo.popleft(), ()):
            if m.child_id not in seen:
                seen.add(m.child_id)
                todo.append(m.child_id)
    return seen


# -- CSV: our own data files ------------------------------------------------------------------
def _csv_chunks(columns: tuple[str, ...], rows: Iterable[list[str]], chunk: int = 1 << 16) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow(row)
        if buf.tell() >= chunk:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def csv_table(gz: "Gazetteer", places: list[Place], table: str) -> Iterator[str]:
    """One data file (``places``, ``toponyms`` or ``memberships``) for the selected places, rows in
    the order of the files the database was built from.

    Memberships are kept only when both ends are selected, so an exported subset builds on its own.
    """
    idx = gz.index
    keep = {p.id for p in places}
    if table == "places":
        return _csv_chunks(PLACE_COLUMNS, (place_cells(p) for p in places))
    if table == "toponyms":
        return _csv_chunks(NAME_COLUMNS, (name_cells(n) for n in idx.names if n.place_id in keep))
    if table == "memberships":
        return _csv_chunks(MEMBERSHIP_COLUMNS, (membership_cells(m) for m in memberships_in_file_order(gz)
                                                if m.child_id in keep and m.parent_id in keep))
    raise InvalidQuery(f"unknown table {table!r}; one of {', '.join(CSV_TABLES)}")


def memberships_in_file_order(gz: "Gazetteer") -> list[Membership]:
    """Every membership in memberships.csv order (the index keeps them per place only)."""
    from sqlalchemy import create_engine, select

    from .build import serving_url
    from .models import MembershipModel

    gz.index  # builds the database when needed
    engine = create_engine(serving_url(gz.url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(MembershipModel).order_by(MembershipModel.id)).mappings().all()
    finally:
        engine.dispose()
    return [Membership(r["child_id"], r["parent_id"], r["authority"], r["from_year"], r["to_year"],
                       r["certainty"], r["source"], r["note"]) for r in rows]


# -- GeoJSON and Linked Places ----------------------------------------------------------------
_TYPE_RANK = {t: i for i, t in enumerate(("official", "endonym", "exonym", "variant", "colloquial",
                                          "abbreviation", "historical"))}


def title_of(gz: "Gazetteer", place_id: str) -> str:
    """A record title: a name in use today, English first, then the preferred official name in
    data order; a historical name only when the place has nothing else."""
    names = gz.index.names_of(place_id)
    if not names:
        return place_id
    return min(names, key=lambda n: (n.type == "historical" or n.to_year is not None, n.lang != "en",
                                     not n.preferred, _TYPE_RANK.get(n.type, 9))).text


def _point(p: Place) -> dict | None:
    if p.lat is None or p.lon is None:
        return None
    return {"type": "Point", "coordinates": [p.lon, p.lat]}


def _collection(features: Iterable[dict], head: dict) -> Iterator[str]:
    """A FeatureCollection written feature by feature."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [\n'
    for i, f in enumerate(features):
        yield ("" if i == 0 else ",\n") + json.dumps(f, ensure_ascii=False)
    yield "\n]}\n"


def geojson_feature(gz: "Gazetteer", p: Place) -> dict:
    props = {k: v for k, v in p.to_dict().items() if k not in ("lat", "lon")}
    props["name"] = title_of(gz, p.id)
    props["names"] = [n.to_dict() for n in gz.index.names_of(p.id)]
    props["parents"] = [m.to_dict() for m in gz.index.parents.get(p.id, ())]
    return {"type": "Feature", "id": p.id, "geometry": _point(p), "properties": props}


def lpf_year(year: int) -> str:
    """ISO 8601 year as LPF writes it: four digits, a minus sign before BCE years."""
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def lpf_when(from_year: int | None, to_year: int | None) -> dict | None:
    """A ``when`` with one timespan; LPF needs a start, so a span known only by its end gets
    ``start.latest`` = that end."""
    if from_year is None and to_year is None:
        return None
    span: dict = {"start": {"in": lpf_year(from_year)} if from_year is not None else {"latest": lpf_year(to_year)}}
    if to_year is not None:
        span["end"] = {"in": lpf_year(to_year)}
    return {"timespans": [span]}


def citation(part: str, note: str | None = None) -> dict:
    """One of our ``source`` items as an LPF citation."""
    kind, _, value = part.partition(":")
    if kind == "wof":
        return {"label": f"Who's On First {value}", "@id": f"https://spelunker.whosonfirst.org/id/{value}"}
    if kind == "geonames":
        return {"label": f"GeoNames {value}", "@id": f"https://www.geonames.org/{value}"}
    if kind == "iso3166-2":
        return {"label": f"ISO 3166-2 {value}", "@id": f"https://www.iso.org/obp/ui/#iso:code:3166:{value}"}
    if kind == "seed":
        return {"label": f"Caucasus gazetteer reviewed checklist ({value})"}
    if kind == "cite":
        return {"label": value}
    return {"label": f"editorial: {note}" if note else "editorial"}


def _citations(source: str, note: str | None) -> list[dict]:
    return [citation(s, note) for s in source.split(";") if s]


def links(p: Place) -> list[dict]:
    out = [{"type": "closeMatch", "identifier": f"gn:{g}"} for g in p.geonames_ids]
    out += [{"type": "closeMatch", "identifier": f"https://spelunker.whosonfirst.org/id/{w}"} for w in p.wof_ids]
    if p.wikidata:
        out.append({"type": "closeMatch", "identifier": f"wd:{p.wikidata}"})
    return out


def lpf_name(n: Name) -> dict:
    d: dict = {"toponym": n.text, "lang": n.lang, "citations": _citations(n.source, n.note)}
    when = lpf_when(n.from_year, n.to_year)
    if when:
        d["when"] = when
    return d


def lpf_feature(gz: "Gazetteer", p: Place, base_uri: str) -> dict:
    aat, _ = KIND_TYPES.get(p.kind, (None, ""))
    ptype: dict = {"label": p.kind, "sourceLabels": [{"label": p.kind.replace("_", " "), "lang": "en"}]}
    if aat:
        ptype["identifier"] = f"aat:{aat}"
    relations = []
    for m in gz.index.parents.get(p.id, ()):
        rel = {"relationType": "gvp:broaderPartitive", "relationTo": base_uri + m.parent_id,
               "label": f"part of {title_of(gz, m.parent_id)} "
                        f"according to {gz.authority_label(m.authority)}",
               "citations": _citations(m.source, m.note), "certainty": LPF_CERTAINTY.get(m.certainty, "certain")}
        when = lpf_when(m.from_year, m.to_year)
        if when:
            rel["when"] = when
        relations.append(rel)
    point = _point(p)
    feature = {
        "@id": base_uri + p.id,
        "type": "Feature",
        "properties": {"title": title_of(gz, p.id), "ccodes": [p.country] if p.country else []},
        "geometry": {"type": "GeometryCollection", "geometries": [point]} if point else None,
        "names": [lpf_name(n) for n in gz.index.names_of(p.id)],
        "types": [ptype],
        "links": links(p),
        "relations": relations,
    }
    return feature


# -- LP-TSV ------------------------------------------------------------------------------------
LP_TSV_COLUMNS = ("id", "title", "title_source", "title_uri", "fclasses", "aat_types", "start", "end",
                  "attestation_year", "ccodes", "matches", "variants", "types", "parent_name", "parent_id",
                  "lon", "lat", "geo_source", "geo_id", "description")


def _tsv_cell(text: str) -> str:
    # LP-TSV has no quoting: keep cells on one line and out of the tab and ';' separators.
    return " ".join(str(text).replace(";", ",").split())


def lp_tsv_row(gz: "Gazetteer", p: Place, base_uri: str, year: int) -> list[str]:
    names = gz.index.names_of(p.id)
    title = title_of(gz, p.id)
    title_name = next((n for n in names if n.text == title), names[0] if names else None)
    cite = citation(title_name.source.split(";")[0], title_name.note) if title_name else {"label": ""}
    aat, fclass = KIND_TYPES.get(p.kind, (None, CATEGORY_FCLASS.get(gz._categories.get(p.kind, ""), "")))
    current = [m for m in gz.index.parents.get(p.id, ()) if m.to_year is None]
    parent_ids = list(dict.fromkeys(m.parent_id for m in current))
    cells = {
        "id": p.id, "title": title, "title_source": cite["label"], "title_uri": cite.get("@id", ""),
        "fclasses": fclass, "aat_types": aat or "",
        "start": lpf_year(title_name.from_year) if title_name and title_name.from_year is not None else "",
        "end": lpf_year(title_name.to_year) if title_name and title_name.to_year is not None else "",
        # the year our data attests the title: this export's year (the sources are current)
        "attestation_year": str(year),
        "ccodes": p.country or "",
        "matches": ";".join(link["identifier"] for link in links(p)),
        "variants": ";".join(f"{_tsv_cell(n.text)}@{n.lang}" for n in names if n.text != title),
        "types": p.kind,
        "parent_name": ";".join(_tsv_cell(title_of(gz, pid)) for pid in parent_ids),
        "parent_id": ";".join(base_uri + pid for pid in parent_ids),
        "lon": "" if p.lon is None else f"{p.lon}", "lat": "" if p.lat is None else f"{p.lat}",
        "geo_source": citation(p.source.split(";")[0], p.note)["label"] if p.lat is not None else "",
        "geo_id": citation(p.source.split(";")[0], p.note).get("@id", "") if p.lat is not None else "",
        "description": "",
    }
    return [_tsv_cell(cells[c]) if c not in ("matches", "variants", "parent_name", "parent_id") else cells[c]
            for c in LP_TSV_COLUMNS]


def _tsv_chunks(rows: Iterable[list[str]]) -> Iterator[str]:
    yield "\t".join(LP_TSV_COLUMNS) + "\n"
    for row in rows:
        yield "\t".join(row) + "\n"


# -- entry points ------------------------------------------------------------------------------
def export(gz: "Gazetteer", fmt: str, *, region: str | None = None, kind: str | None = None,
           table: str = "places", base_uri: str = DEFAULT_BASE_URI) -> Iterator[str]:
    """Text chunks of one export. ``table`` picks the CSV file; ``base_uri`` + id is a place's URI."""
    if fmt not in FORMATS:
        raise InvalidQuery(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "csv" and table not in CSV_TABLES:
        raise InvalidQuery(f"unknown table {table!r}; one of {', '.join(CSV_TABLES)}")
    places = select_places(gz, region=region, kind=kind)
    if fmt == "csv":
        return csv_table(gz, places, table)
    if fmt == "geojson":
        return _collection((geojson_feature(gz, p) for p in places), {"type": "FeatureCollection"})
    if fmt == "lpf":
        return _collection((lpf_feature(gz, p, base_uri) for p in places),
                           {"@context": LPF_CONTEXT, "type": "FeatureCollection"})
    year = datetime.date.today().year
    return _tsv_chunks(lp_tsv_row(gz, p, base_uri, year) for p in places)


SUFFIX = {"geojson": ".geojson", "lpf": ".lpf.json", "lp-tsv": ".tsv"}
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
               "lpf": "application/ld+json", "lp-tsv": "text/tab-separated-values; charset=utf-8"}


def write_export(gz: "Gazetteer", fmt: str, output: str | Path | None, *, region: str | None = None,
                 kind: str | None = None, base_uri: str = DEFAULT_BASE_URI,
                 stdout: Callable[[str], object] | None = None) -> list[Path]:
    """Write an export to files; return the paths written.

    CSV writes ``places.csv``, ``toponyms.csv`` and ``memberships.csv`` into the folder
    ``output`` (default: the current folder). Other formats write one file: ``output`` (a folder
    gets ``export`` + suffix inside), or ``stdout`` when output is None.
    """
    if fmt not in FORMATS:
        raise InvalidQuery(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    written = []
    if fmt == "csv":
        folder = Path(output or ".")
        folder.mkdir(parents=True, exist_ok=True)
        places = select_places(gz, region=region, kind=kind)
        for table, fname in CSV_TABLES.items():
            written.append(_write(folder / fname, csv_table(gz, places, table)))
        return written
    chunks = export(gz, fmt, region=region, kind=kind, base_uri=base_uri)
    if output is None:
        for c in chunks:
            (stdout or sys.stdout.write)(c)
        return []
    path = Path(output)
    if path.is_dir():
        path = path / ("export" + SUFFIX[fmt])
    return [_write(path, chunks)]


def _write(path: Path, chunks: Iterable[str]) -> Path:
    """Write atomically: a failed export never leaves half a file behind."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for c in chunks:
            fh.write(c)
    tmp.replace(path)
    return path
