"""Build data/curation/karabakh_{places,names,memberships}.csv (issue 8, items 2 and 3).

Dev-time helper: it reads the reference files in ../shared (never shipped) and writes the
reviewed curation files, which are committed. Re-run it after changing a rule, then review the
diff. Nothing in the project imports this module at run time.

    python tools/karabakh_curation.py [--shared ../shared] [--report]

Method (docs/KARABAKH.md has the long form):

* Localities = WOF ``locality`` records. Duplicates with the same GeoNames id, or with the same
  name within 2 km, are one place whose id is ``wof-<lowest wof id>``; a record matching a seed
  place (by WOF or GeoNames id) takes the seed key.
* The current Azerbaijani rayon of a locality is its WOF parent region (the mislabelled records
  are mapped by their Azerbaijani name); localities parented to the country or to nothing get
  the majority rayon of their 5 nearest neighbours.
* Former NKAO = inside a hand-drawn polygon (``NKAO``, 61 vertices) OR current rayon Şuşa,
  Xocalı or Xocavənd (rayons formed wholly from the NKAO in 1991). Soviet raion: Şuşa -> Shusha;
  Xocalı -> Askeran; Xocavənd -> Martuni north of 39.64° N, Hadrut south of it; anything else
  inside the polygon -> Martakert north of 40.03° N, else the raion of the nearest localities
  already assigned. Soviet Shahumyan raion = inside the hand-drawn ``SHAHUMYAN`` polygon.
* Artsakh province: the NKAO raion's successor (1991-2023, claimed to the end); the Shahumyan
  raion -> Shahumyan province (1991-2023, claimed); outside those, 1993-2020 (held): Kəlbəcər ->
  Shahumyan, Laçın/Qubadlı/Zəngilan -> Kashatagh, Cəbrayıl -> Hadrut, and the parts of Ağdam and
  Füzuli west of a hand-drawn line of contact (``LOC_HELD``) -> Martakert/Askeran (Ağdam, north/
  south of 40.03° N) or Martuni/Hadrut (Füzuli, north/south of 39.65° N).
* Names: the Armenian-script form of a WOF ``hye`` romanization (BGN/PCGN style), derived by the
  reverse table below, for places with no Armenian-script name in WOF, GeoNames or the seed;
  Azerbaijani-alphabet values from WOF non-``aze`` columns as ``az-Latn`` when the place has no
  ``aze`` Latin name.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CUR = ROOT / "data" / "curation"
sys.path.insert(0, str(ROOT))

BOX = (39.0, 45.6, 40.45, 47.3)  # S, W, N, E
WIDE = (38.95, 45.55, 40.75, 47.35)  # box plus the Shahumyan / Getashen area

# --- hand-drawn polygons, (lat, lon), from the Soviet 1:200 000 sheets as remembered; see KARABAKH.md
NKAO = [
    (40.160, 46.360), (40.205, 46.365), (40.245, 46.380), (40.275, 46.450), (40.300, 46.520),
    (40.315, 46.575), (40.325, 46.605), (40.345, 46.645), (40.372, 46.675), (40.400, 46.730),
    (40.395, 46.790), (40.370, 46.850), (40.350, 46.895), (40.320, 46.925), (40.285, 46.945),
    (40.265, 46.975), (40.255, 47.005), (40.240, 46.995), (40.240, 46.950), (40.205, 46.930),
    (40.180, 46.905), (40.165, 46.835), (40.125, 46.832), (40.100, 46.800), (40.060, 46.805), (40.045, 46.790),
    (40.025, 46.825), (39.995, 46.855), (39.955, 46.862), (39.915, 46.890), (39.880, 46.910),
    (39.855, 46.930), (39.850, 46.990), (39.860, 47.060), (39.855, 47.170), (39.790, 47.205),
    (39.740, 47.215), (39.690, 47.175), (39.640, 47.120), (39.570, 47.150), (39.510, 47.135),
    (39.460, 47.090), (39.400, 47.035), (39.395, 46.950), (39.430, 46.870), (39.480, 46.800),
    (39.520, 46.720), (39.580, 46.640), (39.615, 46.565), (39.665, 46.545), (39.720, 46.545),
    (39.770, 46.560), (39.810, 46.585), (39.860, 46.585), (39.910, 46.605), (39.955, 46.560),
    (39.995, 46.490), (40.020, 46.450), (40.060, 46.410), (40.100, 46.375), (40.135, 46.362),
]
SHAHUMYAN = [
    (40.330, 46.400), (40.385, 46.385), (40.450, 46.400), (40.520, 46.420), (40.580, 46.470),
    (40.590, 46.560), (40.560, 46.640), (40.500, 46.690), (40.450, 46.700), (40.410, 46.690),
    (40.375, 46.660), (40.350, 46.620), (40.330, 46.560), (40.320, 46.480),
]
# Armenian-held 1993-2020 in Ağdam and Füzuli: west of this line (closed to the west).
LOC_HELD = [
    (40.200, 46.900), (40.200, 47.000), (40.120, 47.000), (40.020, 47.010), (39.940, 47.000),
    (39.860, 47.060), (39.800, 47.180), (39.700, 47.240), (39.600, 47.230), (39.500, 47.160),
    (39.400, 47.080), (39.350, 47.000), (39.350, 46.600), (40.200, 46.600),
]
MARTUNI_HADRUT_SPLIT = 39.64   # latitude: Martuni raion north, Hadrut raion south (within Xocavənd)
ASKERAN_MARTAKERT_SPLIT = 40.03

# WOF region id -> our place id of the current rayon (mislabelled records mapped by aze name)
WOF_RAYON = {
    "85668643": "shusha-district", "85668711": "shusha-district",
    "85668657": "khojaly-district", "85668691": "khojaly-district",
    "85668611": "khojavend-district", "85668653": "tartar-district", "85668221": "kalbajar-district",
    "85668621": "lachin-district", "85668629": "qubadli-district", "85668659": "zangilan-district",
    "85668323": "jabrayil-district", "85668351": "fuzuli-district", "85668257": "aghdam-district",
    "85668215": "goranboy-district", "85668693": "goranboy-district", "85668303": "barda-district",
    "85668519": "aghjabadi-district", "85668313": "beylagan-district", "85668211": "goygol-district",
    "85668199": "dashkasan-district", "85668205": "gadabay-district",
    "85668677": "nakhchivan", "85668665": "nakhchivan", "85668683": "nakhchivan", "85668673": "nakhchivan",
}
KARABAKH_RAYONS = {"shusha-district", "khojaly-district", "khojavend-district", "tartar-district",
                   "kalbajar-district", "lachin-district", "qubadli-district", "zangilan-district",
                   "jabrayil-district", "fuzuli-district", "aghdam-district", "goranboy-district",
                   "goygol-district"}
NKAO_RAYONS = {"shusha-district", "khojaly-district", "khojavend-district"}

SOVIET = {"askeran": "askeran-district", "hadrut": "hadrut-district", "martakert": "martakert-district",
          "martuni": "martuni-district", "shusha": "nkao-shusha-raion"}
ARTSAKH = {"askeran": "artsakh-askeran-province", "hadrut": "artsakh-hadrut-province",
           "martakert": "artsakh-martakert-province", "martuni": "artsakh-martuni-province",
           "shusha": "artsakh-shushi-province", "shahumyan": "artsakh-shahumyan-province",
           "kashatagh": "kashatagh-province"}
# centres and well-known villages whose raion is certain (seed keys or WOF ids)
CERTAIN_RAION = {"askeran-town": "askeran", "hadrut-town": "hadrut", "martakert-town": "martakert",
                 "martuni-town": "martuni", "shusha-town": "shusha", "khojaly-town": "askeran",
                 "karintak": "shusha", "maraga": "martakert", "talish": "martakert",
                 "mataghis": "martakert", "mets-tagher": "hadrut"}

NOTE_RAION = ("geometric rule: hand-drawn NKAO polygon + current rayon (WOF parent) -> Soviet raion; "
              "see docs/KARABAKH.md")
NOTE_ARTSAKH = "province by the Soviet raion it lay in; see docs/KARABAKH.md"
LAW_1998 = ("cite:Law of the Nagorno-Karabakh Republic «On the administrative-territorial division "
            "of the Nagorno-Karabakh Republic», 1998")


def inside(poly, lat, lon):
    """Ray casting on (lat, lon) vertices."""
    hit = False
    j = len(poly) - 1
    for i in range(len(poly)):
        yi, xi = poly[i]
        yj, xj = poly[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def km(a, b):
    (la1, lo1), (la2, lo2) = a, b
    x = math.radians(lo2 - lo1) * math.cos(math.radians((la1 + la2) / 2))
    y = math.radians(la2 - la1)
    return 6371 * math.hypot(x, y)


# --- Latin (BGN/PCGN 1981 style) -> Armenian script, for WOF hye romanizations -----------------
_APOS = "’'ʼʻ`‘"
_MULTI = [("ch’", "չ"), ("ts’", "ց"), ("t’", "թ"), ("p’", "փ"), ("k’", "ք"), ("zh", "ժ"), ("kh", "խ"),
          ("gh", "ղ"), ("sh", "շ"), ("ch", "ճ"), ("ts", "ծ"), ("dz", "ձ"), ("rr", "ռ")]
_SINGLE = {"a": "ա", "b": "բ", "g": "գ", "d": "դ", "z": "զ", "i": "ի", "l": "լ", "k": "կ", "h": "հ",
           "m": "մ", "n": "ն", "p": "պ", "j": "ջ", "s": "ս", "v": "վ", "t": "տ", "r": "ր", "f": "ֆ"}
_VOWELS = set("aeiouə")


def latin_to_armenian(text: str) -> str | None:
    """Reverse of the BGN/PCGN 1981 Armenian romanization, word by word; None when unsure."""
    t = unicodedata.normalize("NFC", text)
    for a in _APOS:
        t = t.replace(a, "’")
    out_words = []
    for word in re.split(r"([ \-])", t):
        if word in (" ", "-", ""):
            out_words.append(word)
            continue
        w = word.lower()
        if not re.fullmatch(r"[a-z’]+", w) or re.search(r"[qwx]|c(?!h)", w):
            return None
        res, i = [], 0
        while i < len(w):
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if i == 0 and w.startswith("yev"):
                res.append("եվ"); i += 3; continue
            if i == 0 and w.startswith("ye"):
                res.append("ե"); i += 2; continue
            if i == 0 and w.startswith("vo"):
                res.append("ո"); i += 2; continue
            if w.startswith("ev", i) and i > 0 and prev not in _VOWELS:
                res.append("և"); i += 2; continue
            m = next(((s, a) for s, a in _MULTI if w.startswith(s, i)), None)
            if m:
                res.append(m[1]); i += len(m[0]); continue
            c = w[i]
            if c == "u":
                res.append("ու")
            elif c == "o":
                res.append("օ" if i == 0 else "ո")
            elif c == "e":
                res.append("է" if i == 0 else "ե")
            elif c == "y":
                res.append("յ" if (prev in _VOWELS or nxt in _VOWELS) else "ը")
            elif c in _SINGLE:
                res.append(_SINGLE[c])
            else:
                return None
            i += 1
        arm = "".join(res)
        out_words.append(arm[:1].upper() + arm[1:])
    return "".join(out_words)


def is_armenian(s):
    return any("\u0531" <= c <= "\u058f" for c in s)


def is_latin(s):
    return any(c.isalpha() and c.isascii() or c in "əğışçöüƏĞŞÇÖÜİ’" for c in s) and not is_armenian(s) \
        and not any("\u0400" <= c <= "\u04ff" for c in s)


AZ_SPECIAL = set("əğışçöüƏĞŞÇÖÜİ")
AZ_ALPHA = set("abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ -")


def fold_latin(s):
    s = unicodedata.normalize("NFD", s.lower().replace("ı", "i").replace("ə", "a"))
    return re.sub(r"[^a-z]", "", "".join(c for c in s if not unicodedata.combining(c)))


def vals(r, col):
    return [v.strip() for v in (r.get(col) or "").split("|") if v.strip()]


NAME_COLS = [f"{l}_{k}" for l in ("hye", "aze", "rus", "eng")
             for k in ("preferred", "variant", "historical", "colloquial")]


def load(shared: Path):
    wof = list(csv.DictReader((shared / "research-data/wof_admin_AZ_AM.tsv").open(encoding="utf-8"),
                              delimiter="\t"))
    seed = list(csv.DictReader((shared / "seed-places.tsv").open(encoding="utf-8"), delimiter="\t"))
    gn = {r["geonameid"]: r for r in csv.DictReader(
        (shared / "sources/geonames_cities500_AZ_AM.tsv").open(encoding="utf-8"), delimiter="\t")}
    return wof, seed, gn


def build(shared: Path):
    wof, seed, gn = load(shared)
    byid = {r["wof_id"]: r for r in wof}
    seed_by_wof = {s["wof_id"]: s["key"] for s in seed if s["wof_id"]}
    seed_by_gn = {s["geonames_id"]: s["key"] for s in seed if s["geonames_id"]}
    seed_rows = {s["key"]: s for s in seed}

    locs = [r for r in wof if r["placetype"] == "locality" and r["country"] == "AZ" and r["latitude"]
            and WIDE[0] <= float(r["latitude"]) <= WIDE[2] and WIDE[1] <= float(r["longitude"]) <= WIDE[3]]
    # --- duplicate groups: same GeoNames id, or same folded name within 2 km (union-find)
    parent = {r["wof_id"]: r["wof_id"] for r in locs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=int)] = min(ra, rb, key=int)

    by_gn = defaultdict(list)
    for r in locs:
        if r["gn_id"]:
            by_gn[r["gn_id"]].append(r["wof_id"])
    for ids in by_gn.values():
        for x in ids[1:]:
            union(ids[0], x)
    keyed = defaultdict(list)
    for r in locs:
        for nm in {fold_latin(r["wof_name"])} | {fold_latin(v) for v in vals(r, "aze_preferred")}:
            if nm:
                keyed[nm].append(r)
    for rs in keyed.values():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if km((float(a["latitude"]), float(a["longitude"])),
                      (float(b["latitude"]), float(b["longitude"]))) <= 2.0:
                    union(a["wof_id"], b["wof_id"])
    groups = defaultdict(list)
    for r in locs:
        groups[find(r["wof_id"])].append(r)

    places = {}  # pid -> dict(recs, lat, lon)
    for root, recs in groups.items():
        recs.sort(key=lambda r: int(r["wof_id"]))
        pid = None
        for r in recs:
            pid = pid or seed_by_wof.get(r["wof_id"]) or seed_by_gn.get(r["gn_id"])
        pid = pid or f"wof-{recs[0]['wof_id']}"
        if pid in places:  # two groups matched one seed place: keep them together
            places[pid]["recs"].extend(recs)
            continue
        r0 = recs[0]
        places[pid] = {"recs": recs, "lat": float(r0["latitude"]), "lon": float(r0["longitude"])}

    # --- current rayon
    rayon = {}
    for pid, p in places.items():
        for r in p["recs"]:
            if r["parent_id"] in WOF_RAYON:
                rayon[pid] = WOF_RAYON[r["parent_id"]]
                break
    known = [(p["lat"], p["lon"], rayon[pid]) for pid, p in places.items() if pid in rayon]
    rayon_guessed = set()
    for pid, p in places.items():
        if pid not in rayon:
            near = sorted(known, key=lambda k: km((p["lat"], p["lon"]), k[:2]))[:5]
            rayon[pid] = Counter(k[2] for k in near).most_common(1)[0][0]
            rayon_guessed.add(pid)

    def in_box(p):
        return BOX[0] <= p["lat"] <= BOX[2] and BOX[1] <= p["lon"] <= BOX[3]

    # --- Soviet raion
    raion = {}
    for pid, p in places.items():
        if pid == "stepanakert":
            continue
        ry = rayon[pid]
        geo_in = inside(NKAO, p["lat"], p["lon"])
        if ry in NKAO_RAYONS and pid not in rayon_guessed:
            if ry == "shusha-district":
                raion[pid] = "shusha"
            elif ry == "khojaly-district":
                raion[pid] = "askeran"
            else:
                raion[pid] = "martuni" if p["lat"] >= MARTUNI_HADRUT_SPLIT else "hadrut"
        elif geo_in:
            raion[pid] = None  # decided below
    for pid in list(raion):
        if raion[pid] is None and places[pid]["lat"] >= ASKERAN_MARTAKERT_SPLIT:
            raion[pid] = "martakert"
    anchors = [(places[q]["lat"], places[q]["lon"], r) for q, r in raion.items() if r]
    for pid in [q for q, r in raion.items() if r is None]:
        p = places[pid]
        near = sorted(anchors, key=lambda k: km((p["lat"], p["lon"]), k[:2]))[:5]
        raion[pid] = Counter(k[2] for k in near).most_common(1)[0][0]
    for pid, r in CERTAIN_RAION.items():
        if pid in places:
            raion[pid] = r
    shahumyan = {pid for pid, p in places.items()
                 if inside(SHAHUMYAN, p["lat"], p["lon"]) and pid not in raion}
    return dict(places=places, rayon=rayon, rayon_guessed=rayon_guessed, raion=raion,
                shahumyan=shahumyan, seed_rows=seed_rows, gn=gn, in_box=in_box, byid=byid)


# --- admin units ------------------------------------------------------------------------------
UNITS = [
    # id, kind, lat, lon, note
    ("nkao-shusha-raion", "former_district", 39.7600, 46.7490,
     "Shusha raion of the NKAO (Azerbaijan SSR), 1930-1991; continued by Azerbaijan's Şuşa rayonu "
     "(shusha-district) and the NKR's Shushi province. Coordinates of its centre, Shusha."),
    ("artsakh-askeran-province", "former_province", 39.9360, 46.8320,
     "Province (shrjan) of the Nagorno-Karabakh Republic / Republic of Artsakh, 1991-2023; the Soviet "
     "Askeran raion plus, 1993-2020, the western part of Ağdam district. Centre Askeran."),
    ("artsakh-hadrut-province", "former_province", 39.5200, 47.0310,
     "Province of the NKR / Artsakh, 1991-2023 (held until October 2020); the Soviet Hadrut raion plus, "
     "1993-2020, Cəbrayıl district and part of Füzuli district. Centre Hadrut."),
    ("artsakh-martakert-province", "former_province", 40.2100, 46.8200,
     "Province of the NKR / Artsakh, 1991-2023; the Soviet Martakert (Mardakert) raion plus, 1993-2020, "
     "the north-western part of Ağdam district. Centre Martakert."),
    ("artsakh-martuni-province", "former_province", 39.7950, 47.1090,
     "Province of the NKR / Artsakh, 1991-2023; the Soviet Martuni raion plus, 1993-2020, parts of "
     "Ağdam and Füzuli districts. Centre Martuni."),
    ("artsakh-shahumyan-province", "former_province", 40.0810, 46.0370,
     "Province of the NKR / Artsakh: claimed over the Soviet Shahumyan raion 1991-2023 (held 1991-1992), "
     "and covering Kəlbəcər district 1993-2020, with its centre at Karvachar (Kəlbəcər town), "
     "whose coordinates are given."),
    ("artsakh-shushi-province", "former_province", 39.7600, 46.7490,
     "Province of the NKR / Artsakh over the Soviet Shusha raion, 1991-2023 (held May 1992-November "
     "2020). Centre Shushi (Shusha)."),
]

E = "editorial"
# place_id, text, lang, type, used_by, from, to, certainty, preferred, source, derived_from, note
UNIT_NAMES = [
    ("nkao-shusha-raion", "Шушинский район", "ru", "official", "azssr;nkao", 1930, 1991, "probable", 1, E, "",
     "Soviet official Russian name of the raion"),
    ("nkao-shusha-raion", "Şuşa rayonu", "az-Latn", "official", "azssr", 1930, 1991, "probable", 1, E, "",
     "Azerbaijani name of the Soviet raion (written in Cyrillic until 1991; modern Latin spelling)"),
    ("nkao-shusha-raion", "Шуша району", "az-Cyrl", "official", "azssr", 1958, 1991, "probable", 1, E, "",
     "Azerbaijani Cyrillic name of the Soviet raion"),
    ("nkao-shusha-raion", "Շուշիի շրջան", "hy", "official", "nkao;armenian-community", 1930, 1991, "probable", 1,
     E, "", "Armenian name of the Soviet raion (NKAO Armenian-language press)"),
    ("nkao-shusha-raion", "Shusha District", "en", "exonym", "international", 1930, 1991, "probable", 1, E, "",
     "English name of the Soviet raion"),
    ("nkao-shusha-raion", "Shusha raion", "en", "variant", "scholarly", 1930, 1991, "probable", 0, E, "",
     "English scholarly form of the Soviet raion's name"),

    ("artsakh-askeran-province", "Ասկերանի շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-askeran-province", "Askeran Province", "en", "exonym", "international", 1991, 2023, "certain", 1,
     E, "", "usual English name of the NKR province"),
    ("artsakh-askeran-province", "Askeran Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-askeran-province", "Аскеранский район", "ru", "official", "artsakh", 1991, 2023, "certain", 1,
     E, "", "Russian name used by NKR / Artsakh authorities"),
    ("artsakh-askeran-province", "Əsgəran rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani rendering of the unit's name; Azerbaijan did not recognise the unit "
     "(its area is Xocalı rayonu)"),

    ("artsakh-hadrut-province", "Հադրութի շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-hadrut-province", "Hadrut Province", "en", "exonym", "international", 1991, 2023, "certain", 1,
     E, "", "usual English name of the NKR province"),
    ("artsakh-hadrut-province", "Hadrut Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-hadrut-province", "Гадрутский район", "ru", "official", "artsakh", 1991, 2023, "certain", 1,
     E, "", "Russian name used by NKR / Artsakh authorities"),
    ("artsakh-hadrut-province", "Hadrut rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani rendering of the unit's name; Azerbaijan did not recognise the unit "
     "(its area is in Xocavənd, Cəbrayıl and Füzuli rayons)"),

    ("artsakh-martakert-province", "Մարտակերտի շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-martakert-province", "Martakert Province", "en", "exonym", "international", 1991, 2023, "certain",
     1, E, "", "usual English name of the NKR province"),
    ("artsakh-martakert-province", "Martakert Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-martakert-province", "Мартакертский район", "ru", "official", "artsakh", 1991, 2023, "certain",
     1, E, "", "Russian name used by NKR / Artsakh authorities (Soviet spelling was Мардакертский)"),
    ("artsakh-martakert-province", "Мардакертский район", "ru", "variant", "russia", 1991, 2023, "probable",
     0, E, "", "Soviet spelling still current in Russian media"),
    ("artsakh-martakert-province", "Ağdərə rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani usage for the area; Azerbaijan did not recognise the unit "
     "(its area is in Tərtər, Kəlbəcər and Ağdam rayons)"),
    ("artsakh-martakert-province", "Martakert rayonu", "az-Latn", "variant", "azerbaijani-community", 1991,
     2023, "uncertain", 0, E, "", "Azerbaijani rendering of the Armenian name"),

    ("artsakh-martuni-province", "Մարտունու շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-martuni-province", "Martuni Province", "en", "exonym", "international", 1991, 2023, "certain", 1,
     E, "", "usual English name of the NKR province"),
    ("artsakh-martuni-province", "Martuni Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-martuni-province", "Мартунинский район", "ru", "official", "artsakh", 1991, 2023, "certain", 1,
     E, "", "Russian name used by NKR / Artsakh authorities"),
    ("artsakh-martuni-province", "Martuni rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani rendering of the unit's name; Azerbaijan did not recognise the unit "
     "(its area is in Xocavənd, Ağdam and Füzuli rayons)"),

    ("artsakh-shahumyan-province", "Շահումյանի շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-shahumyan-province", "Shahumyan Province", "en", "exonym", "international", 1991, 2023,
     "certain", 1, E, "", "usual English name of the NKR province"),
    ("artsakh-shahumyan-province", "Shahumyan Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-shahumyan-province", "Шаумяновский район", "ru", "official", "artsakh", 1991, 2023, "certain", 1,
     E, "", "Russian name used by NKR / Artsakh authorities"),
    ("artsakh-shahumyan-province", "Şaumyan rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani rendering of the unit's name; Azerbaijan did not recognise the unit "
     "(its area is in Goranboy and Kəlbəcər rayons)"),

    ("artsakh-shushi-province", "Շուշիի շրջան", "hy", "official", "artsakh", 1991, 2023, "certain", 1,
     LAW_1998, "", ""),
    ("artsakh-shushi-province", "Shushi Province", "en", "exonym", "international", 1991, 2023, "certain", 1,
     E, "", "usual English name of the NKR province"),
    ("artsakh-shushi-province", "Shushi Region", "en", "variant", "artsakh", 1991, 2023, "certain", 0,
     E, "", "English form used by NKR / Artsakh authorities"),
    ("artsakh-shushi-province", "Шушинский район", "ru", "official", "artsakh", 1991, 2023, "certain", 1,
     E, "", "Russian name used by NKR / Artsakh authorities"),
    ("artsakh-shushi-province", "Şuşa rayonu", "az-Latn", "exonym", "azerbaijani-community", 1991, 2023,
     "probable", 1, E, "", "Azerbaijani name of the area; Azerbaijan did not recognise the unit "
     "(its area is Şuşa rayonu, shusha-district)"),

    # renaming of the Soviet Askeran raion (seed place askeran-district)
    ("askeran-district", "Степанакертский район", "ru", "historical", "azssr;nkao", 1930, 1978, "probable", 0,
     E, "", "name of the raion while its centre was Stepanakert; renamed Askeran raion in 1978"),
    ("askeran-district", "Stepanakert District", "en", "historical", "scholarly", 1930, 1978, "probable", 0,
     E, "", "English form of the raion's name before 1978"),
    ("askeran-district", "Ստեփանակերտի շրջան", "hy", "historical", "nkao", 1930, 1978, "probable", 0,
     E, "", "Armenian name of the raion before 1978"),
]

UNIT_MEMBERS = [
    # child, parent, authority, from, to, certainty, source, note
    ("nkao", "azerbaijan", "azssr", 1923, 1991, "certain", E,
     "autonomous oblast within the Azerbaijan SSR from 7 July 1923; abolished by Azerbaijan 26 November 1991"),
    ("askeran-district", "nkao", "azssr", 1930, 1991, "probable", E,
     "raion of the NKAO (Stepanakert raion until 1978); raions replaced the uezds in 1930"),
    ("hadrut-district", "nkao", "azssr", 1930, 1991, "probable", E, "raion of the NKAO from the 1930 reform"),
    ("martakert-district", "nkao", "azssr", 1930, 1991, "probable", E, "raion of the NKAO from the 1930 reform"),
    ("martuni-district", "nkao", "azssr", 1930, 1991, "probable", E, "raion of the NKAO from the 1930 reform"),
    ("nkao-shusha-raion", "nkao", "azssr", 1930, 1991, "probable", E, "raion of the NKAO from the 1930 reform"),
    ("stepanakert", "nkao", "azssr", 1923, 1991, "certain", E,
     "centre of the oblast; a city of oblast subordination, in no raion"),
    ("shahumyan-district", "azerbaijan", "azssr", 1930, 1991, "probable", E,
     "raion of the Azerbaijan SSR outside the NKAO; merged into Goranboy (Kasum-Ismailov) rayon in 1991"),
    ("martakert-district", "azerbaijan", "azerbaijan", 1991, 1992, "certain", E,
     "after the NKAO was abolished, Azerbaijan kept the raion as Ağdərə rayonu; abolished October 1992 and "
     "divided among Tərtər, Kəlbəcər and Ağdam rayons"),
    ("artsakh-askeran-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998, ""),
    ("artsakh-hadrut-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998,
     "held until October 2020, claimed until the dissolution"),
    ("artsakh-martakert-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998, ""),
    ("artsakh-martuni-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998, ""),
    ("artsakh-shahumyan-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998,
     "the Soviet Shahumyan raion was held 1991-1992 only; Kəlbəcər district 1993-2020"),
    ("artsakh-shushi-province", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998,
     "held May 1992-November 2020, claimed until the dissolution"),
    ("kashatagh-province", "nagorno-karabakh-republic", "artsakh", 1993, 2020, "probable", E,
     "NKR province over Laçın, Qubadlı and Zəngilan districts while held, 1993-2020"),
    ("stepanakert", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", LAW_1998,
     "the capital was a first-level unit of the NKR in its own right (no province)"),
]


def memberships(b):
    out = []
    places, raion, rayon, in_box = b["places"], b["raion"], b["rayon"], b["in_box"]
    for pid in sorted(places, key=lambda q: (q.startswith("wof-"), q)):
        p = places[pid]
        if not in_box(p) and pid not in b["shahumyan"]:
            continue
        cert = "certain" if pid in CERTAIN_RAION else "probable"
        r = raion.get(pid)
        if r:
            out.append((pid, SOVIET[r], "azssr", 1930, 1991, cert, E, NOTE_RAION))
            if r == "martakert":
                out.append((pid, "martakert-district", "azerbaijan", 1991, 1992, cert, E,
                            "Ağdərə rayonu, the Azerbaijani successor of the Martakert raion (1991-1992); "
                            + NOTE_RAION))
            out.append((pid, ARTSAKH[r], "artsakh", 1991, 2023, cert, E, NOTE_ARTSAKH))
            continue
        if pid in b["shahumyan"]:
            out.append((pid, "shahumyan-district", "azssr", 1930, 1991, "probable", E,
                        "inside the hand-drawn polygon of the Soviet Shahumyan raion; see docs/KARABAKH.md"))
            out.append((pid, ARTSAKH["shahumyan"], "artsakh", 1991, 2023, "probable", E,
                        "claimed by the NKR as part of Shahumyan province (held 1991-1992 only)"))
            continue
        ry = rayon[pid]
        held = {"kalbajar-district": "shahumyan", "lachin-district": "kashatagh",
                "qubadli-district": "kashatagh", "zangilan-district": "kashatagh",
                "jabrayil-district": "hadrut"}.get(ry)
        cert2 = "uncertain" if pid in b["rayon_guessed"] else "probable"
        note = f"held 1993-2020; current rayon {ry} -> NKR province; see docs/KARABAKH.md"
        if not held and ry in ("aghdam-district", "fuzuli-district") and inside(LOC_HELD, p["lat"], p["lon"]):
            cert2 = "uncertain"
            if ry == "aghdam-district":
                held = "martakert" if p["lat"] >= ASKERAN_MARTAKERT_SPLIT else "askeran"
            else:
                held = "martuni" if p["lat"] >= 39.65 else "hadrut"
            note = ("west of the approximate 1994-2020 line of contact (hand-drawn); held 1993-2020; "
                    "see docs/KARABAKH.md")
        if held:
            out.append((pid, ARTSAKH[held], "artsakh", 1993, 2020, cert2, E, note))
    return out


def karabakh_scope(b, pid):
    """Localities of the former NKAO, the seven districts and the Shahumyan / Getashen area."""
    p = b["places"][pid]
    if pid in b["raion"] or pid in b["shahumyan"] or pid == "stepanakert":
        return True
    ry = b["rayon"][pid]
    if ry in ("kalbajar-district", "lachin-district", "qubadli-district", "zangilan-district",
              "jabrayil-district", "fuzuli-district", "aghdam-district") and b["in_box"](p):
        return True
    return ry in ("goranboy-district", "goygol-district", "tartar-district") and p["lat"] <= 40.75


def attested(b, pid):
    """Every (text, column, wof_id) the reference data gives for a place, plus seed and GeoNames."""
    out = []
    for r in b["places"][pid]["recs"]:
        for col in NAME_COLS:
            for v in vals(r, col):
                out.append((v, col, f"wof:{r['wof_id']}"))
        g = b["gn"].get(r["gn_id"])
        if g:
            for v in (g["alternatenames"] or "").split("|"):
                if v.strip():
                    out.append((v.strip(), "gn", f"geonames:{g['geonameid']}"))
    s = b["seed_rows"].get(pid)
    if s:
        for col in ("armenian_script", "azerbaijani_latin", "historical_names"):
            for v in (s[col] or "").split(";"):
                if v.strip():
                    out.append((v.strip(), "seed_" + col, f"seed:{pid}"))
    return out


# Armenian names that WOF gives only in an Azerbaijani-alphabet spelling (aze column); the
# Armenian-script form is ours (derived), written from knowledge of the name, not generated.
EXTRA_HY = {
    "1209140031": ("Ծաղկաձոր", "Tsaxkadzor"),
    "1293919331": ("Երեք Մանկունք", "Yerek-Mankunk"),
    "1309835375": ("Նորագյուղ", "Noragüğ"),
    "1344093827": ("Թուխնակալ", "Tukhnakal"),
}


def names(b):
    rows, stats = [], Counter()
    for pid in sorted(b["places"], key=lambda q: (q.startswith("wof-"), q)):
        if not karabakh_scope(b, pid) or pid in b["seed_rows"]:
            continue
        att = attested(b, pid)
        has_hy = any(is_armenian(t) for t, _, _ in att)
        has_az = any(c.startswith("aze") and is_latin(t) and set(t) <= AZ_ALPHA | {"'", "’"}
                     for t, c, _ in att)
        seen = set()
        if not has_hy:
            for t, col, src in att:
                if col.startswith("hye") and is_latin(t):
                    arm = latin_to_armenian(t)
                    if arm and arm not in seen:
                        seen.add(arm)
                        ntype = "historical" if col.endswith("historical") else (
                            "colloquial" if col.endswith("colloquial") else "variant")
                        rows.append((pid, arm, "hy", ntype, "", "", "", "probable",
                                     0, src, t, "derived by reverse BGN/PCGN 1981 Armenian romanization "
                                     "(tools/karabakh_curation.py latin_to_armenian) from WOF " + col))
            w = next((r["wof_id"] for r in b["places"][pid]["recs"] if r["wof_id"] in EXTRA_HY), None)
            if not seen and w:
                arm, src_text = EXTRA_HY[w]
                seen.add(arm)
                rows.append((pid, arm, "hy", "variant", "", "", "", "probable", 0, f"wof:{w}", src_text,
                             "Armenian name attested by WOF only in Azerbaijani-alphabet spelling; "
                             "Armenian-script form written by the curator (editorial transliteration)"))
            stats["hy_derived"] += bool(seen)
        if not has_az:
            for t, col, src in att:
                if not col.startswith("aze") and col != "gn" and not col.startswith("seed") and is_latin(t) \
                        and set(t) & AZ_SPECIAL and set(t) <= AZ_ALPHA and t not in seen:
                    seen.add(t)
                    rows.append((pid, t, "az-Latn", "variant", "", "", "", "probable", 0, src, "",
                                 f"Azerbaijani-alphabet spelling found in WOF {col}"))
                    stats["az_added"] += 1
    return rows, stats


def coverage(b, name_rows):
    """Share of NKAO localities with an Armenian-script / az-Latn name (reference + our rows)."""
    ours = defaultdict(set)
    for r in name_rows:
        ours[r[0]].add(r[2])
    res = {}
    for label, ids in (("nkao", [q for q in b["raion"]] + ["stepanakert"]),
                       ("box_az", [q for q, p in b["places"].items() if b["in_box"](p)])):
        hy = az = 0
        for pid in ids:
            att = attested(b, pid)
            if any(is_armenian(t) for t, _, _ in att) or "hy" in ours[pid]:
                hy += 1
            if any((c.startswith("aze") or c == "seed_azerbaijani_latin") and is_latin(t) for t, c, _ in att) \
                    or "az-Latn" in ours[pid]:
                az += 1
        res[label] = (len(ids), hy, az)
    return res


def write(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args(argv)
    b = build(Path(a.shared))
    CUR.mkdir(parents=True, exist_ok=True)
    from gazetteer.schema import MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS
    write(CUR / "karabakh_places.csv", PLACE_COLUMNS,
          [(i, k, f"{la:.4f}", f"{lo:.4f}", "", "", "", "", "", "", E, n) for i, k, la, lo, n in UNITS])
    nrows, stats = names(b)
    write(CUR / "karabakh_names.csv", NAME_COLUMNS, UNIT_NAMES + nrows)
    mrows = memberships(b)
    write(CUR / "karabakh_memberships.csv", MEMBERSHIP_COLUMNS, UNIT_MEMBERS + mrows)
    print(f"places {len(UNITS)}, names {len(UNIT_NAMES) + len(nrows)}, memberships "
          f"{len(UNIT_MEMBERS) + len(mrows)}; {dict(stats)}")
    print("raions:", Counter(b["raion"].values()), "shahumyan:", len(b["shahumyan"]))
    for k, (n, hy, az) in coverage(b, nrows).items():
        print(f"coverage {k}: {n} places, hy {hy} ({100 * hy / n:.1f} %), az-Latn {az} ({100 * az / n:.1f} %)")
    if a.report:
        for pid, r in sorted(b["raion"].items(), key=lambda kv: (kv[1], -b["places"][kv[0]]["lat"])):
            p = b["places"][pid]
            r0 = p["recs"][0]
            print(r, pid, f"{p['lat']:.3f} {p['lon']:.3f}", b["rayon"][pid], r0["wof_name"], r0["hye_preferred"])
        for pid in sorted(b["shahumyan"]):
            r0 = b["places"][pid]["recs"][0]
            print("shahumyan", pid, r0["wof_name"], r0["hye_preferred"])


if __name__ == "__main__":
    main()
