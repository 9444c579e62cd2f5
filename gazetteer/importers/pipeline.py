"""The import: reference records + curated files + overrides -> places, toponyms, memberships."""
from __future__ import annotations

import csv
import difflib
import io
import math
import os
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..errors import DataError
from ..schema import (MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS, MembershipRow, NameRow, PlaceRow,
                      membership_cells, name_cells, parse_memberships, parse_names, parse_places, place_cells)
from ..vocab import load_vocab
from .curation import SPLIT, Override, read_curated_places, read_curated_texts, read_overrides
from .derive import derive_names
from .model import TYPE_ORDER, ImportReport, Name, Record
from .readers import ReadError, read_geonames, read_iso, read_wof

COUNTRIES = ("AZ", "AM")
AUTHORITY = {"AZ": "azerbaijan", "AM": "armenia"}
COUNTRY_WOF = {"AZ": 85632717, "AM": 85632773}
# south, west, north, east of the two countries together (Nakhchivan included), with a margin
BOX = (38.3, 43.4, 41.95, 50.9)
MERGE_KM = 2.0
WOF_KIND = {"country": "country", "macroregion": "economic_region", "region": "district", "county": "district",
            "localadmin": "municipality", "locality": "locality", "neighbourhood": "neighbourhood"}
WOF_RANK = {"country": 0, "macroregion": 1, "region": 2, "county": 3, "localadmin": 4, "locality": 5,
            "neighbourhood": 6}
ISO_KIND = {"Rayon": "district", "Municipality": "municipality", "City": "municipality", "Region": "province",
            "Autonomous republic": "autonomous_republic"}
CITY_POP, TOWN_POP = 50_000, 5_000
LOCALITY_TYPES = ("locality", "neighbourhood", "geonames")
_ORIGIN_ORDER = {"iso": 0, "wof": 1, "geonames": 2}
_UNIT_WORDS = re.compile(r"\b(rayonu|rayon|raion|district|şəhəri|sheheri|city|province|region|marz|"
                         r"район|город|область|марз)\b")


def fold(text: str) -> str:
    """Matching key for merges: case, diacritics, apostrophes and hyphens ignored."""
    t = text.replace("ı", "i").replace("İ", "i").replace("ə", "a").replace("Ə", "a").casefold()
    t = "".join(ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch))
    t = re.sub(r"['’ʼʻ`‘]", "", t)
    return re.sub(r"[\s\-‐–—]+", " ", t).strip()


def unit_key(text: str) -> str:
    return re.sub(r"\s+", " ", _UNIT_WORDS.sub(" ", fold(text))).strip()


def km(a: Record, b: Record) -> float:
    if a.lat is None or b.lat is None:
        return math.inf
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


class Groups:
    """Union-find over node keys ('place:ID' for curated places, record refs) with guards."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.info: dict[str, dict] = {}

    def add(self, node: str, curated=None, iso=None, gns=(), country=None):
        self.parent[node] = node
        self.info[node] = {"curated": {curated} if curated else set(), "iso": {iso} if iso else set(),
                           "gns": set(gns), "country": {country} if country else set()}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: str, b: str, strict: bool) -> str | None:
        ia, ib = self.info[self.find(a)], self.info[self.find(b)]
        if ia["curated"] and ib["curated"]:
            return "two curated places"
        if ia["iso"] and ib["iso"] and ia["iso"] != ib["iso"]:
            return "two ISO 3166-2 codes"
        if ia["country"] and ib["country"] and ia["country"] != ib["country"]:
            return "two countries"
        if strict and ia["gns"] and ib["gns"] and not ia["gns"] & ib["gns"]:
            return "different GeoNames ids"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        for k in ("curated", "iso", "gns", "country"):
            self.info[ra][k] |= self.info[rb][k]


def _auto_exclusion(r: Record) -> str | None:
    if r.country not in COUNTRIES:
        return f"country {r.country!r} is neither AZ nor AM"
    if r.origin == "wof" and r.placetype not in WOF_KIND:
        return f"WOF placetype {r.placetype!r} is not imported"
    if r.lat is not None and not (BOX[0] <= r.lat <= BOX[2] and BOX[1] <= r.lon <= BOX[3]):
        return f"coordinates {r.lat},{r.lon} lie outside Azerbaijan and Armenia"
    if not r.names:
        return "no usable name"
    if r.label == "No Data" and all(n.text == "No Data" for n in r.names):
        return "placeholder record ('No Data')"
    return None


def run_import(*, wof: Path | None, geonames: Path | None, iso: Path | None, data_dir: Path) -> ImportReport:
    """Regenerate data/places.csv, toponyms.csv and memberships.csv from the reference files, every
    ``data/curation/*_{places,names,memberships}.csv`` and ``data/curation/overrides.csv``.
    Writes nothing unless the whole result validates; the report lists every problem."""
    t0 = time.perf_counter()
    rep = ImportReport()
    try:
        _run(rep, wof, geonames, iso, Path(data_dir))
    except DataError as exc:
        rep.problems.extend(exc.problems)
    rep.seconds = time.perf_counter() - t0
    return rep


def _run(rep: ImportReport, wof, geonames, iso, data_dir: Path) -> None:
    problems = rep.problems
    vocab = load_vocab(str(data_dir.resolve()))
    cur_dir = data_dir / "curation"
    curated = read_curated_places(cur_dir, vocab, problems)
    name_texts = read_curated_texts(cur_dir, "_names.csv", problems)
    member_texts = read_curated_texts(cur_dir, "_memberships.csv", problems)
    overrides = read_overrides(cur_dir / "overrides.csv", vocab, problems)

    records: list[Record] = []
    readers = ((wof, lambda p, u: read_wof(p, u, rep.dropped_names), "wof"),
               (geonames, read_geonames, "geonames"), (iso, read_iso, "iso"))
    for path, reader, origin in readers:
        if path is None:
            continue
        try:
            recs = reader(Path(path), rep.unclassified)
        except (OSError, ReadError, UnicodeDecodeError) as exc:
            problems.append(f"{Path(path).name}:0: {exc}")
            continue
        rep.records[origin] = len(recs)
        records += recs
    if problems:
        return

    # ---- exclusions -------------------------------------------------------------------------
    excl = {o.target: o.note for o in overrides if o.action == "exclude"}
    kept: list[Record] = []
    for r in records:
        reason = excl.pop(r.ref, None) or _auto_exclusion(r)
        if reason:
            rep.excluded.append((r.ref, reason))
        else:
            kept.append(r)
    for ref in sorted(excl):
        rep.warnings.append(f"overrides: exclude {ref}: no such record (stale override?)")
    recs = {r.ref: r for r in kept}

    # ---- grouping -----------------------------------------------------------------------------
    g = Groups()
    cur_by_id = {p.id: p for p in curated}
    for p in curated:
        g.add(f"place:{p.id}", curated=p.id, iso=p.iso3166_2, gns=p.geonames_ids, country=p.country)
    for r in kept:
        g.add(r.ref, iso=r.iso, gns=r.geonames_ids if r.origin != "iso" else (), country=r.country)
    by_gn: dict[int, list[str]] = defaultdict(list)
    iso_by_code: dict[str, Record] = {}
    for r in kept:
        if r.origin == "iso":
            iso_by_code[r.iso] = r
        else:
            for gid in r.geonames_ids:
                by_gn[gid].append(r.ref)

    def join(a: str, b: str, why: str, strict: bool = False) -> bool:
        if g.find(a) == g.find(b):
            return True
        bad = g.conflict(a, b, strict)
        if bad:
            if not strict:
                rep.warnings.append(f"not merged {a} + {b} ({why}): {bad}")
            return False
        g.union(a, b)
        merge_log.append((a, b, why))
        return True

    merge_log: list[tuple[str, str, str]] = []
    # curated places absorb the records that carry their ids
    for p in curated:
        node = f"place:{p.id}"
        for w in p.wof_ids:
            if f"wof:{w}" in recs:
                join(node, f"wof:{w}", "curated wof_id")
        for gid in p.geonames_ids:
            for ref in by_gn.get(gid, ()):
                join(node, ref, "curated geonames_id")
        if p.iso3166_2 and f"iso3166-2:{p.iso3166_2}" in recs:
            join(node, f"iso3166-2:{p.iso3166_2}", "curated iso3166_2")
    # same GeoNames id
    for gid in sorted(by_gn):
        refs = sorted(by_gn[gid])
        for ref in refs[1:]:
            join(refs[0], ref, f"same GeoNames id {gid}")
    # WOF admin records <-> ISO 3166-2 (by GeoNames id, then by name)
    _crosswalk_admin(kept, iso_by_code, join, rep, {o.target for o in overrides if o.action == "merge"})
    # override merges
    alias = _alias_fn(g, recs, cur_by_id)
    for o in overrides:
        if o.action != "merge":
            continue
        a, b = alias(o.target), alias(o.value)
        if a is None or b is None:
            rep.warnings.append(f"overrides.csv:{o.line}: merge {o.target} -> {o.value}: unknown place or record")
            continue
        if g.find(a) != g.find(b):
            bad = g.conflict(a, b, False)
            if bad == "two curated places":
                problems.append(f"curation/overrides.csv:{o.line}: cannot merge two curated places ({o.target}, {o.value})")
                continue
            g.union(a, b)
            merge_log.append((a, b, f"override line {o.line}"))
    # same names within MERGE_KM (localities only)
    _merge_by_name(kept, join)

    # ---- assemble places ----------------------------------------------------------------------
    members: dict[str, list[Record]] = defaultdict(list)
    cur_of: dict[str, PlaceRow] = {}
    for p in curated:
        cur_of[g.find(f"place:{p.id}")] = p
    for r in kept:
        members[g.find(r.ref)].append(r)
    roots = sorted(set(members) | set(cur_of))
    pid_of: dict[str, str] = {}
    for root in roots:
        rs = sorted(members.get(root, []), key=lambda r: (_ORIGIN_ORDER[r.origin], r.wof_id or 0, r.ref))
        members[root] = rs
        if root in cur_of:
            pid = cur_of[root].id
        elif any(r.origin == "iso" for r in rs):
            pid = next(r.iso for r in rs if r.origin == "iso").lower()
        elif any(r.wof_id for r in rs):
            pid = f"wof-{min(r.wof_id for r in rs if r.wof_id)}"
        else:
            pid = f"geonames-{min(gid for r in rs for gid in r.geonames_ids)}"
        pid_of[root] = pid
    alias = _alias_fn(g, recs, cur_by_id)

    def place_of(node_or_alias: str) -> str | None:
        node = alias(node_or_alias)
        return pid_of.get(g.find(node)) if node else None

    for a, b, why in merge_log:
        pass
    merged_groups = [root for root in roots if len(members.get(root, [])) + (root in cur_of) > 1]
    for root in merged_groups:
        refs = [r.ref for r in members[root]]
        rep.merged.append((pid_of[root], "+".join(([f"curated:{cur_of[root].id}"] if root in cur_of else []) + refs)))

    places: dict[str, dict] = {}
    for root in roots:
        places[pid_of[root]] = _place_fields(pid_of[root], cur_of.get(root), members[root])

    # ---- memberships --------------------------------------------------------------------------
    memberships = _memberships(kept, recs, g, pid_of, iso_by_code, places)

    # ---- kinds of localities ------------------------------------------------------------------
    _locality_kinds(places, members, pid_of, roots, iso_by_code, memberships, g, recs)

    # ---- names --------------------------------------------------------------------------------
    names: dict[str, list[Name]] = defaultdict(list)
    for root in roots:
        for r in members[root]:
            names[pid_of[root]].extend(r.names)
    known_ids = set(places) | set(_all_aliases(recs, g, pid_of, cur_by_id))
    for fname, text in name_texts:
        for n in parse_names(text, vocab, known_ids, problems, fname=fname):
            pid = place_of(n.place_id) or n.place_id
            names[pid].append(Name(n.text, n.lang, n.type, n.source, n.used_by, n.from_year, n.to_year,
                                   n.certainty, n.preferred, n.derived_from, n.note, rank=0))
    cur_members: list[MembershipRow] = []
    for fname, text in member_texts:
        for m in parse_memberships(text, vocab, known_ids, problems, fname=fname):
            cur_members.append(MembershipRow(place_of(m.child_id) or m.child_id, place_of(m.parent_id) or m.parent_id,
                                             m.authority, m.from_year, m.to_year, m.certainty, m.source, m.note))

    # ---- overrides on places and names --------------------------------------------------------
    _apply_overrides(overrides, places, names, place_of, vocab, rep)

    # ---- derived forms, dedupe, preferred -----------------------------------------------------
    for pid in sorted(names):
        names[pid].extend(derive_names(names[pid]))
        names[pid] = _dedupe(names[pid])

    # an open-ended curated membership wins over the computed (current) one for that child and authority
    cur_pairs = {(m.child_id, m.authority) for m in cur_members if m.to_year is None}
    all_members = [m for m in memberships if (m.child_id, m.authority) not in cur_pairs] + cur_members

    _write(rep, data_dir, vocab, places, names, all_members)


def _alias_fn(g: Groups, recs: dict[str, Record], cur_by_id: dict[str, PlaceRow]):
    """Map a place id, alias id or record ref to a node key."""
    def alias(x: str) -> str | None:
        if x in recs:
            return x
        if x in cur_by_id:
            return f"place:{x}"
        m = re.match(r"^wof-(\d+)$", x)
        if m and f"wof:{m.group(1)}" in recs:
            return f"wof:{m.group(1)}"
        m = re.match(r"^geonames-(\d+)$", x)
        if m and f"geonames:{m.group(1)}" in recs:
            return f"geonames:{m.group(1)}"
        m = re.match(r"^([a-z]{2})-([a-z0-9]{1,3})$", x)
        if m and f"iso3166-2:{x.upper()}" in recs:
            return f"iso3166-2:{x.upper()}"
        return None
    return alias


def _all_aliases(recs, g, pid_of, cur_by_id) -> list[str]:
    out = list(cur_by_id)
    for ref, r in recs.items():
        if r.wof_id:
            out.append(f"wof-{r.wof_id}")
        if r.origin == "geonames":
            out.append(f"geonames-{r.geonames_ids[0]}")
        if r.iso:
            out.append(r.iso.lower())
    return out


def _crosswalk_admin(kept, iso_by_code, join, rep, overridden: set[str]) -> None:
    iso_gn: dict[int, str] = {}
    iso_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, r in sorted(iso_by_code.items()):
        for gid in r.geonames_ids:
            iso_gn[gid] = code
        for n in r.names:
            k = unit_key(n.text)
            if k:
                iso_names[(r.country, k)].add(code)
    for r in kept:
        if r.origin != "wof" or r.placetype not in ("region", "county") or r.ref in overridden:
            continue
        code = next((iso_gn[x] for x in r.geonames_ids if x in iso_gn), None)
        how = "GeoNames id"
        if code is None:
            cands: set[str] = set()
            # only the record's own label and preferred names: the county layer's variants are muddled
            for n in [n for n in r.names if n.preferred or n.type == "official" or n.text == r.label]:
                cands |= iso_names.get((r.country, unit_key(n.text)), set())
            if len(cands) > 1:
                texts = " ".join(fold(n.text) for n in r.names)
                want = "Municipality" if re.search(r"şəhəri|sheheri|\bcity\b|город", texts) else "Rayon"
                cands = {c for c in cands if iso_by_code[c].placetype == want} if re.search(
                    r"rayon|district|район|şəhəri|\bcity\b|город", texts) else cands
            if len(cands) == 1:
                code, how = next(iter(cands)), "name"
            elif len(cands) > 1:
                rep.warnings.append(f"{r.ref} ({r.label}): several ISO 3166-2 candidates {sorted(cands)}; "
                                    f"add a merge override")
                continue
            else:
                best, score = None, 0.0
                for c, ir in sorted(iso_by_code.items()):
                    if ir.country != r.country or km(r, ir) > 40:
                        continue
                    for a in r.names:
                        for b in ir.names:
                            s = difflib.SequenceMatcher(None, unit_key(a.text), unit_key(b.text)).ratio()
                            if s > score:
                                best, score = c, s
                if best and score >= 0.75:
                    code, how = best, f"similar name within 40 km ({score:.2f})"
        if code:
            join(r.ref, f"iso3166-2:{code}", f"admin crosswalk by {how}")


def _merge_by_name(kept: list[Record], join) -> None:
    cell = 0.02
    grid: dict[tuple[int, int], list[tuple[Record, set[str]]]] = defaultdict(list)
    for r in kept:
        if r.placetype not in LOCALITY_TYPES or r.lat is None:
            continue
        keys = {fold(n.text) for n in r.names} - {""}
        grid[(int(r.lat // cell), int(r.lon // cell))].append((r, keys))
    for (i, j) in sorted(grid):
        for r, keys in grid[(i, j)]:
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    for r2, keys2 in grid.get((i + di, j + dj), ()):
                        if r2.ref <= r.ref or not keys & keys2:
                            continue
                        if km(r, r2) <= MERGE_KM:
                            join(r.ref, r2.ref, f"same name within {MERGE_KM:g} km", strict=True)


def _place_fields(pid: str, cur: PlaceRow | None, rs: list[Record]) -> dict:
    def first(attr, order=("geonames", "wof", "iso")):
        for o in order:
            for r in rs:
                if r.origin == o and getattr(r, attr) is not None:
                    return r
        return None

    kind = cur.kind if cur else None
    if kind is None:
        isos = [r for r in rs if r.origin == "iso"]
        wofs = sorted((r for r in rs if r.origin == "wof"), key=lambda r: (WOF_RANK[r.placetype], r.wof_id))
        if isos:
            kind = ISO_KIND.get(isos[0].placetype, "district")
        elif wofs:
            kind = WOF_KIND[wofs[0].placetype]
            if wofs[0].placetype == "region" and wofs[0].country == "AM":
                kind = "province"
            elif wofs[0].placetype == "county" and wofs[0].country == "AM" and wofs[0].is_current != "1":
                kind = "former_district"  # the Armenian SSR raions (before 1995)
        else:
            kind = "locality"
    coord = first("lat")
    lat, lon = (cur.lat, cur.lon) if cur and cur.lat is not None else ((coord.lat, coord.lon) if coord else (None, None))
    pops = [r.population for r in rs if r.population]
    wd = next((r.wikidata for r in sorted(rs, key=lambda r: r.wof_id or 0) if r.wikidata), None)
    gns = sorted(set(cur.geonames_ids if cur else ()) | {x for r in rs if r.origin != "iso" for x in r.geonames_ids})
    wofs = sorted(set(cur.wof_ids if cur else ()) | {r.wof_id for r in rs if r.wof_id})
    refs = [r.ref for r in rs]
    source = ";".join(([cur.source] if cur else []) + [x for x in refs if not cur or x not in cur.source.split(";")])
    notes = [cur.note] if cur and cur.note else []
    county_only = all(r.origin == "wof" and r.placetype == "county" for r in rs) and rs and not cur
    if county_only and rs[0].country == "AM" and kind == "former_district":
        notes.append("raion of the Armenian SSR, from the WOF county layer (dates not given by the source)")
    elif county_only:
        notes.append("WOF county layer record not matched to an ISO 3166-2 unit (the layer is unreliable)")
    return {
        "id": pid, "kind": kind, "lat": lat, "lon": lon,
        "country": (cur.country if cur and cur.country else next((r.country for r in rs if r.country), None)),
        "geonames_id": tuple(gns), "wof_id": tuple(wofs),
        "iso3166_2": (cur.iso3166_2 if cur and cur.iso3166_2 else next((r.iso for r in rs if r.iso), None)),
        "wikidata": cur.wikidata if cur and cur.wikidata else wd,
        "population": cur.population if cur and cur.population is not None else (max(pops) if pops else None),
        "source": source, "note": "; ".join(notes) or None, "curated_kind": bool(cur),
    }


def _memberships(kept, recs, g, pid_of, iso_by_code, places) -> list[MembershipRow]:
    out: list[MembershipRow] = []
    pid = lambda ref: pid_of[g.find(ref)]
    has_iso = {g.find(f"iso3166-2:{c}") for c in iso_by_code}
    admin1_iso: dict[str, str] = {}
    for c, r in sorted(iso_by_code.items()):
        for a in (r.admin1 or "").split("|"):
            if a:
                admin1_iso[a] = c
    done: set[str] = set()
    # ISO units: parent code, else the country
    for c, r in sorted(iso_by_code.items()):
        root = g.find(r.ref)
        parent = None
        if r.iso_parent and f"iso3166-2:{r.iso_parent}" in recs:
            parent = pid(f"iso3166-2:{r.iso_parent}")
        elif f"wof:{COUNTRY_WOF[r.country]}" in recs:
            parent = pid(f"wof:{COUNTRY_WOF[r.country]}")
        done.add(root)
        if parent and parent != pid_of[root]:
            out.append(MembershipRow(pid_of[root], parent, AUTHORITY[r.country], None, None, "certain", r.ref, None))
    for r in sorted(kept, key=lambda r: (_ORIGIN_ORDER[r.origin], r.wof_id or 0, r.ref)):
        root = g.find(r.ref)
        if root in done or r.origin == "iso" or r.placetype in ("country", "macroregion"):
            continue
        parent = None
        if r.origin == "wof":
            p, steps = r.wof_parent, 0
            while p and f"wof:{p}" in recs and steps < 6:
                proot = g.find(f"wof:{p}")
                if proot in has_iso and proot != root:
                    parent = pid_of[proot]
                    break
                p, steps = recs[f"wof:{p}"].wof_parent, steps + 1
        elif r.admin1 in admin1_iso:
            proot = g.find(f"iso3166-2:{admin1_iso[r.admin1]}")
            if proot != root:
                parent = pid_of[proot]
        if parent:
            done.add(root)
            out.append(MembershipRow(pid_of[root], parent, AUTHORITY[r.country], None, None, "certain", r.ref, None))
    return out


def _locality_kinds(places, members, pid_of, roots, iso_by_code, memberships, g, recs) -> None:
    """locality -> city / town / village (see data/README.md)."""
    parent_of = {m.child_id: m.parent_id for m in memberships}
    unit_names: dict[str, set[str]] = defaultdict(set)
    city_units = []
    for c, r in iso_by_code.items():
        pid = pid_of[g.find(r.ref)]
        for n in r.names:
            unit_names[pid].add(unit_key(n.text))
        if r.placetype in ("Municipality", "City"):
            city_units.append(r)
    city_unit_ids = {pid_of[g.find(u.ref)]: u for u in city_units}
    for root in roots:
        p = places[pid_of[root]]
        if p["kind"] != "locality" or p["curated_kind"]:
            continue
        keys = {fold(n.text) for r in members[root] for n in r.names}
        pop = p["population"] or 0
        here = Record("", "", "", None, p["lat"], p["lon"])
        unit = city_unit_ids.get(parent_of.get(p["id"], ""))
        is_the_city = any(km(here, u) <= 15 and keys & {unit_key(n.text) for n in u.names} for u in city_units)
        if unit is not None and not is_the_city:
            # inside a city-level unit: Yerevan's districts are neighbourhoods; Baku's settlements towns
            p["kind"] = "neighbourhood" if unit.placetype == "City" else ("town" if pop >= TOWN_POP else "village")
        elif pop >= CITY_POP or is_the_city:
            p["kind"] = "city"
        elif pop >= TOWN_POP or keys & unit_names.get(parent_of.get(p["id"], ""), set()):
            p["kind"] = "town"
        else:
            p["kind"] = "village"


def _apply_overrides(overrides: list[Override], places, names, place_of, vocab, rep) -> None:
    for o in overrides:
        if o.action not in ("set", "name_set", "name_add", "name_split"):
            continue
        pid = place_of(o.target)
        if pid is None or pid not in places:
            rep.warnings.append(f"overrides.csv:{o.line}: {o.action} on unknown place {o.target!r} (stale override?)")
            continue
        if o.action == "set":
            val = o.value or None
            if o.field in ("lat", "lon"):
                val = float(val) if val else None
            elif o.field == "population":
                val = int(val) if val else None
            places[pid][o.field] = val
            if o.field == "kind":
                places[pid]["curated_kind"] = True
        elif o.action == "name_add":
            names[pid].append(Name(o.text, o.lang, o.value or "variant", o.source, note=o.note or None, rank=0))
        elif o.action == "name_split":
            # a label that runs several names together (GeoNames' Armenian alternate names): each
            # name becomes a row of its own, with the label's language, type and sources
            hits = [n for n in names[pid] if n.text == o.text and (not o.lang or n.lang == o.lang)]
            keep = [n for n in names[pid] if all(n is not h for h in hits)]
            if not hits:
                rep.warnings.append(f"overrides.csv:{o.line}: name_split: {o.text!r} not found on {pid} (stale override?)")
            split_note = f"split from the label {o.text!r}: {o.note}"
            names[pid] = keep + [replace(n, text=part, note="; ".join(filter(None, [n.note, split_note])))
                                 for n in hits for part in (p.strip() for p in o.value.split(SPLIT))]
        else:
            hits = [n for n in names[pid] if n.text == o.text and (not o.lang or n.lang == o.lang)]
            if not hits:
                rep.warnings.append(f"overrides.csv:{o.line}: name_set: {o.text!r} not found on {pid} (stale override?)")
            for n in hits:
                v = o.value
                if o.field == "text":
                    n.text = v
                elif o.field == "lang":
                    n.lang = v
                elif o.field == "type":
                    n.type = v
                elif o.field == "used_by":
                    n.used_by = tuple(filter(None, v.split(";")))
                elif o.field in ("from", "to"):
                    setattr(n, f"{o.field}_year", int(v) if v else None)
                elif o.field == "certainty":
                    n.certainty = v or "certain"
                elif o.field == "preferred":
                    n.preferred = v == "1"
                if o.field != "note":
                    n.note = "; ".join(filter(None, [n.note, f"corrected ({o.field}): {o.note}"]))
                else:
                    n.note = v or None
                n.rank = min(n.rank, 0)


def _join_sources(a: str, b: str) -> str:
    parts = []
    for s in a.split(";") + b.split(";"):
        if s and s not in parts:
            parts.append(s)
    return ";".join(parts)


_LATIN_DEFAULT = ("en", "tr", "de", "fr", "la", "ku")


def _dedupe(ns: list[Name]) -> list[Name]:
    """One row per (text, lang, type, from, to); undated variants fold into a stronger type of the
    same text and language, and an undated ``und-Latn`` variant into a row that tags the same text
    with a Latin-script language; at most one preferred per (lang, used_by)."""
    ns = sorted(ns, key=lambda n: (n.rank, TYPE_ORDER.index(n.type) if n.type in TYPE_ORDER else 9, n.text, n.lang))
    by_key: dict[tuple, Name] = {}
    for n in ns:
        k = n.key()
        if k in by_key:
            m = by_key[k]
            m.source = _join_sources(m.source, n.source)
            m.used_by = tuple(sorted(set(m.used_by) | set(n.used_by)))
            m.preferred = m.preferred or n.preferred
            if n.note and n.note not in (m.note or ""):
                m.note = "; ".join(filter(None, [m.note, n.note]))
        else:
            by_key[k] = Name(**{**n.__dict__})
    out = list(by_key.values())
    strong = {}
    for n in out:
        if n.type not in ("variant", "historical") and n.from_year is None and n.to_year is None:
            strong.setdefault((n.text, n.lang), n)
    latin = {}
    for n in out:
        if n.lang != "und-Latn" and (n.lang.endswith("-Latn") or "-Latn-" in n.lang or n.lang in _LATIN_DEFAULT):
            latin.setdefault(n.text, n)
    final = []
    for n in out:
        s = strong.get((n.text, n.lang))
        if n.lang == "und-Latn" and n.type == "variant" and n.from_year is None and n.to_year is None:
            s = latin.get(n.text, s)  # an untagged Latin form already tagged on this place
        if n.type == "variant" and n.from_year is None and n.to_year is None and s is not None:
            s.source = _join_sources(s.source, n.source)
            s.preferred = s.preferred or n.preferred
            continue
        final.append(n)
    seen_pref = set()
    for n in sorted(final, key=lambda n: (n.rank, TYPE_ORDER.index(n.type) if n.type in TYPE_ORDER else 9, n.text)):
        if n.preferred:
            k = (n.lang, tuple(sorted(n.used_by)))
            if k in seen_pref:
                n.preferred = False
            seen_pref.add(k)
    return final


def _csv_text(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue()


def _write(rep, data_dir: Path, vocab, places: dict, names: dict, members: list[MembershipRow]) -> None:
    problems = rep.problems
    prow = []
    for pid in sorted(places):
        p = places[pid]
        prow.append(PlaceRow(pid, p["kind"], p["lat"], p["lon"], p["country"], p["geonames_id"], p["wof_id"],
                             p["iso3166_2"], p["wikidata"], p["population"], p["source"], p["note"]))
    nrow = []
    for pid in sorted(names):
        for n in names[pid]:
            nrow.append(NameRow(pid, n.text, n.lang, n.type, tuple(n.used_by), n.from_year, n.to_year,
                                n.certainty, n.preferred, n.source, n.derived_from, n.note))
    nrow.sort(key=lambda n: (n.place_id, n.lang, n.type, n.text, n.from_year or -9999, n.to_year or 9999))
    mset = {}
    for m in members:
        mset.setdefault((m.child_id, m.parent_id, m.authority, m.from_year, m.to_year), m)
    mrow = [mset[k] for k in sorted(mset, key=lambda k: (k[0], k[2], k[1], k[3] or -9999, k[4] or 9999))]
    texts = {
        "places.csv": _csv_text(PLACE_COLUMNS, (place_cells(p) for p in prow)),
        "toponyms.csv": _csv_text(NAME_COLUMNS, (name_cells(n) for n in nrow)),
        "memberships.csv": _csv_text(MEMBERSHIP_COLUMNS, (membership_cells(m) for m in mrow)),
    }
    parsed = parse_places(texts["places.csv"], vocab, problems)
    ids = {p.id for p in parsed}
    parsed_names = parse_names(texts["toponyms.csv"], vocab, ids, problems)
    parse_memberships(texts["memberships.csv"], vocab, ids, problems)
    named = {n.place_id for n in parsed_names}
    for p in parsed:
        if p.id not in named:
            problems.append(f"places.csv:0: place {p.id!r} has no name")
    gn_seen: dict[int, str] = {}
    for p in parsed:
        for gid in p.geonames_ids:
            if gid in gn_seen:
                problems.append(f"places.csv:0: GeoNames id {gid} on both {gn_seen[gid]!r} and {p.id!r}")
            gn_seen.setdefault(gid, p.id)
    rep.places, rep.names, rep.memberships = len(prow), len(nrow), len(mrow)
    if problems:
        return
    tmps = []
    try:
        for fname, text in texts.items():
            tmp = data_dir / f".{fname}.tmp"
            tmp.write_bytes(text.encode("utf-8"))
            tmps.append((tmp, data_dir / fname))
        for tmp, final in tmps:
            os.replace(tmp, final)
    finally:
        for tmp, _ in tmps:
            if tmp.exists():
                tmp.unlink()
    rep.written = True
