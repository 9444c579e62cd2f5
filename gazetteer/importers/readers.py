"""Readers for the reference files: Who's On First, GeoNames cities500, ISO 3166-2.

Each reader returns ``Record`` objects whose names are already classified by script
(see ``classify``); names no tag fits are reported, never silently dropped.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from .classify import HOMOGLYPH_NOTE, ROMAN_NOTE, classify, clean
from .model import Name, Record

WOF_LANGS = ("hye", "aze", "rus", "eng")
WOF_KINDS = ("preferred", "variant", "historical", "colloquial")
OFFICIAL_LANG = {"AZ": ("aze", "az-Latn", "azerbaijan"), "AM": ("hye", "hy", "armenia")}
COLUMN_LANG = {"hye": "hy", "aze": "az-Latn", "rus": "ru", "eng": "en"}
_TYPE = {"variant": "variant", "historical": "historical", "colloquial": "colloquial"}


class ReadError(Exception):
    pass


def _tsv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise ReadError(f"{path.name}:1: missing columns {', '.join(missing)}")
        out = []
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ReadError(f"{path.name}:{reader.line_num}: wrong number of cells")
            out.append((reader.line_num, row))
        return out


def _float(val: str, where: str, lo: float, hi: float) -> float | None:
    if not val:
        return None
    try:
        x = float(val)
    except ValueError:
        raise ReadError(f"{where}: not a number: {val!r}") from None
    if not lo <= x <= hi:
        raise ReadError(f"{where}: out of range: {val!r}")
    return x


def _int(val: str, where: str) -> int | None:
    if not val:
        return None
    try:
        return int(val)
    except ValueError:
        raise ReadError(f"{where}: not an integer: {val!r}") from None


def make_name(raw: str, hint: str | None, ntype: str, source: str, rank: int,
              unclassified: list[tuple[str, str]], **kw) -> Name | None:
    text, lang = classify(raw, hint)
    if not text:
        return None
    if lang is None:
        unclassified.append((source, raw))
        return None
    notes = []
    if text != clean(raw):
        notes.append(ROMAN_NOTE if any("\u2160" <= ch <= "\u216f" for ch in text) else HOMOGLYPH_NOTE)
        notes[-1] += f" (source has {clean(raw)!r})"
    note = kw.pop("note", None)
    if note:
        notes.insert(0, note)
    return Name(text, lang, ntype, source, note="; ".join(notes) or None, rank=rank, **kw)


def read_wof(path: Path, unclassified: list[tuple[str, str]],
             dropped: list[tuple[str, str, str]] | None = None) -> list[Record]:
    """Who's On First rows -> records. ``dropped`` collects the names the county-layer rule skips."""
    dropped = [] if dropped is None else dropped
    cols = ("wof_id", "country", "placetype", "wof_name", "latitude", "longitude", "parent_id",
            "is_current", "gn_id", "wd_id") + tuple(f"{l}_{k}" for l in WOF_LANGS for k in WOF_KINDS)
    out = []
    for line, row in _tsv(path, cols):
        where = f"{path.name}:{line}"
        wid = _int(row["wof_id"], where)
        ref = f"wof:{wid}"
        country = row["country"] or None
        official = OFFICIAL_LANG.get(country or "")
        current = row["is_current"]
        names: list[Name] = []
        for lang in WOF_LANGS:
            for kind in WOF_KINDS:
                for raw in row[f"{lang}_{kind}"].split("|"):
                    if not raw.strip():
                        continue
                    if row["placetype"] == "county" and kind == "variant" and raw.isupper():
                        dropped.append((ref, raw, "all-caps label in a WOF county-layer variant list "
                                                  "(the layer mixes in other units' labels)"))
                        continue
                    if kind == "preferred":
                        text, tag = classify(raw, lang)
                        if (official and lang == official[0] and tag == official[1] and current != "0"
                                and row["placetype"] != "county"):
                            nm = make_name(raw, lang, "official", ref, 2, unclassified,
                                           used_by=(official[2],), preferred=True)
                        else:
                            nm = make_name(raw, lang, "variant", ref, 2, unclassified,
                                           preferred=tag == COLUMN_LANG[lang])
                    else:
                        nm = make_name(raw, lang, _TYPE[kind], ref, 2, unclassified)
                    if nm:
                        names.append(nm)
        # an Armenian-script variant stands in as the preferred hy name when hye_preferred was Latin
        if not any(n.lang == "hy" and n.preferred for n in names):
            for n in names:
                if n.lang == "hy" and n.type in ("variant", "official"):
                    n.preferred = True
                    break
        label = clean(row["wof_name"])
        if label and label.casefold() not in {n.text.casefold() for n in names}:
            nm = make_name(label, None, "variant", ref, 2, unclassified, note="WOF record label (wof:name)")
            if nm:
                names.append(nm)
        gn = _int(row["gn_id"], where)
        wd = row["wd_id"] or None
        out.append(Record(
            ref=ref, origin="wof", placetype=row["placetype"], country=country,
            lat=_float(row["latitude"], where, -90, 90), lon=_float(row["longitude"], where, -180, 180),
            names=names, wof_id=wid, geonames_ids=(gn,) if gn and gn > 0 else (),
            wof_parent=_int(row["parent_id"], where), wikidata=wd if wd and re.match(r"^Q\d+$", wd) else None,
            is_current=current, label=label))
    return out


def read_geonames(path: Path, unclassified: list[tuple[str, str]]) -> list[Record]:
    cols = ("geonameid", "name", "latitude", "longitude", "countrycode", "admin1code", "population",
            "alternatenames")
    out = []
    for line, row in _tsv(path, cols):
        where = f"{path.name}:{line}"
        gid = _int(row["geonameid"], where)
        ref = f"geonames:{gid}"
        names: list[Name] = []
        seen = set()
        for raw in [row["name"]] + row["alternatenames"].split("|"):
            c = clean(raw)
            if not c or c in seen:
                continue
            seen.add(c)
            nm = make_name(raw, None, "variant", ref, 3, unclassified)
            if nm:
                names.append(nm)
        pop = _int(row["population"], where)
        cc = row["countrycode"] or None
        out.append(Record(
            ref=ref, origin="geonames", placetype="geonames", country=cc,
            lat=_float(row["latitude"], where, -90, 90), lon=_float(row["longitude"], where, -180, 180),
            names=names, geonames_ids=(gid,), admin1=f"{cc}.{row['admin1code']}" if row["admin1code"] else None,
            population=pop or None, label=clean(row["name"])))
    return out


ISO_NAME_COLUMNS = (("name_ru", "rus"), ("name_uk", "uk"), ("name_tr", "tr"), ("name_ka", None),
                    ("name_fr", "fr"), ("name_de", "de"), ("en_names_iso3166_2_db", "eng"))
_OTHER_LANG = {"eng": "eng", "aze": "aze", "hye": "hye", "rus": "rus"}
_OTHER_RE = re.compile(r"^(.*?)\s*\(([a-z]{3})\)$")


def read_iso(path: Path, unclassified: list[tuple[str, str]]) -> list[Record]:
    cols = ("code", "type", "parent_code", "name_iso", "name_ru", "local_other_name", "lat", "lng",
            "geonames_admin1_codes", "geonames_ids")
    out = []
    for line, row in _tsv(path, cols):
        where = f"{path.name}:{line}"
        code = row["code"]
        if not re.match(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", code):
            raise ReadError(f"{where}: bad ISO 3166-2 code {code!r}")
        ref = f"iso3166-2:{code}"
        cc = code[:2]
        names: list[Name] = []

        def add(raw, hint, ntype="variant", **kw):
            nm = make_name(raw, hint, ntype, ref, 1, unclassified, **kw)
            if nm and nm.key() not in {n.key() for n in names}:
                names.append(nm)

        if cc == "AZ":
            add(row["name_iso"], "aze", "official", used_by=("azerbaijan",), preferred=True)
        else:
            add(row["name_iso"], "hye", note="ISO 3166-2 romanization")
        for col, hint in ISO_NAME_COLUMNS:
            if row.get(col):
                add(row[col], hint, preferred=col == "name_ru")
        for part in filter(None, (p.strip() for p in row["local_other_name"].split(","))):
            m = _OTHER_RE.match(part)
            text, code3 = (m.group(1), m.group(2)) if m else (part, None)
            hint = _OTHER_LANG.get(code3 or "")
            if cc == "AM" and hint == "hye" and classify(text, hint)[1] == "hy":
                add(text, hint, "official", used_by=("armenia",), preferred=True)
            else:
                add(text, hint)
        gns = tuple(g for g in (_int(x, where) for x in re.split(r"[;|,]", row["geonames_ids"]) if x) if g)
        out.append(Record(
            ref=ref, origin="iso", placetype=row["type"], country=cc,
            lat=_float(row["lat"], where, -90, 90), lon=_float(row["lng"], where, -180, 180),
            names=names, geonames_ids=gns, iso=code, iso_parent=row["parent_code"] or None,
            admin1=row["geonames_admin1_codes"] or None, label=row["name_iso"]))
    return out
