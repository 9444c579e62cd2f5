"""Exports: CSV round trip, Linked Places against the spec's rules, GeoJSON, LP-TSV, CLI and HTTP."""
import csv
import io
import json
import re
import shutil

import pytest

from conftest import ROOT

from gazetteer import Gazetteer, InvalidQuery, PlaceNotFound
from gazetteer.cli import main
from gazetteer.export import LP_TSV_COLUMNS, write_export

# -- a validator written from the Linked Places README (v1.1) -----------------------------------
ISO_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?[~?%]?$")
LINK_TYPES = {"closeMatch", "exactMatch", "primaryTopicOf", "subjectOf", "seeAlso"}
GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection"}


def geojson_problems(doc) -> list[str]:
    """RFC 7946 structure: a FeatureCollection of Features with geometry objects or null."""
    out = []
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return ["not a FeatureCollection with a features list"]
    for i, f in enumerate(doc["features"]):
        if f.get("type") != "Feature" or "geometry" not in f or not isinstance(f.get("properties"), (dict, type(None))):
            out.append(f"feature {i}: needs type Feature, geometry and properties")
        out += [f"feature {i}: {p}" for p in _geometry_problems(f.get("geometry"))]
    return out


def _geometry_problems(g) -> list[str]:
    if g is None:
        return []
    if not isinstance(g, dict) or g.get("type") not in GEOMETRY_TYPES:
        return [f"bad geometry {g!r}"]
    if g["type"] == "GeometryCollection":
        return [p for sub in g.get("geometries", [None]) for p in (_geometry_problems(sub) if sub is not None
                                                                    else ["null inside geometries"])]
    if g["type"] == "Point":
        c = g.get("coordinates")
        if not (isinstance(c, list) and len(c) == 2 and -180 <= c[0] <= 180 and -90 <= c[1] <= 90):
            return [f"bad Point coordinates {c!r}"]
    return []


def _when_problems(when, where) -> list[str]:
    if not isinstance(when, dict) or not (when.get("timespans") or when.get("periods")):
        return [f"{where}: when needs timespans or periods"]
    out = []
    for ts in when.get("timespans", []):
        if "start" not in ts:
            out.append(f"{where}: timespan without start")
        for end in ("start", "end"):
            for key, val in ts.get(end, {}).items():
                if key not in ("in", "earliest", "latest") or not ISO_DATE.match(str(val)):
                    out.append(f"{where}: bad {end}.{key} {val!r}")
    return out


def lpf_problems(doc) -> list[str]:
    """The Linked Places rules: required keys, at least one cited name per place, timespan syntax."""
    out = geojson_problems(doc)
    if not doc.get("@context"):
        out.append("no @context")
    for f in doc.get("features", []):
        pid = f.get("@id", "?")
        if not f.get("@id"):
            out.append("feature without @id")
        if not isinstance(f.get("properties", {}).get("title"), str):
            out.append(f"{pid}: properties.title required")
        if not all(re.match(r"^[A-Z]{2}$", c) for c in f.get("properties", {}).get("ccodes", [])):
            out.append(f"{pid}: ccodes must be ISO 3166-1 alpha-2")
        names = f.get("names") or []
        if not names:
            out.append(f"{pid}: names required")
        if not any(n.get("citations") for n in names):
            out.append(f"{pid}: no name has a citation")
        for n in names:
            if not isinstance(n.get("toponym"), str) or not n["toponym"] or not isinstance(n.get("lang"), str):
                out.append(f"{pid}: name needs toponym and lang")
            if any(not c.get("label") for c in n.get("citations", [])):
                out.append(f"{pid}: citation without label")
            if "when" in n:
                out += _when_problems(n["when"], f"{pid} name {n.get('toponym')}")
        for r in f.get("relations", []):
            if not r.get("relationType") or not r.get("relationTo"):
                out.append(f"{pid}: relation needs relationType and relationTo")
            if "when" in r:
                out += _when_problems(r["when"], f"{pid} relation")
        for link in f.get("links", []):
            if link.get("type") not in LINK_TYPES or not link.get("identifier"):
                out.append(f"{pid}: bad link {link!r}")
    return out


def test_validator_catches_broken_records():
    bad = {"type": "FeatureCollection", "features": [{
        "@id": "x", "type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 0]},
        "properties": {"title": "X", "ccodes": ["AZE"]},
        "names": [{"toponym": "X", "lang": "en", "when": {"timespans": [{"end": {"in": "1990s"}}]}}],
        "links": [{"type": "sameAs", "identifier": "gn:1"}]}]}
    problems = "\n".join(lpf_problems(bad))
    for expected in ("no @context", "bad Point", "ccodes", "no name has a citation", "timespan without start",
                     "bad end.in", "bad link"):
        assert expected in problems


# -- Linked Places ------------------------------------------------------------------------------------
def test_lpf_export_follows_the_spec(gz):
    doc = json.loads("".join(gz.export("lpf", base_uri="https://example.org/place/")))
    assert lpf_problems(doc) == []
    f = {x["@id"].rsplit("/", 1)[1]: x for x in doc["features"]}
    step = f["stepanakert"]
    assert step["properties"] == {"title": "Stepanakert", "ccodes": ["AZ"]}
    names = {(n["toponym"], n["lang"]): n for n in step["names"]}
    assert names[("Xankəndi", "az-Latn")]["when"] == {"timespans": [{"start": {"in": "1991"}}]}
    assert names[("Степанакерт", "ru")]["when"]["timespans"] == [{"start": {"in": "1923"}, "end": {"in": "1991"}}]
    assert names[("Khankendi", "en")]["when"]["timespans"] == [{"start": {"latest": "1923"}, "end": {"in": "1923"}}]
    assert all(n["citations"] for n in step["names"])
    rel = step["relations"][0]
    assert rel["relationType"] == "gvp:broaderPartitive" and rel["relationTo"] == "https://example.org/place/nkao"
    assert rel["when"]["timespans"] == [{"start": {"in": "1923"}, "end": {"in": "1991"}}]
    assert step["types"][0]["identifier"] == "aat:300008389"
    assert f["tartar-town"]["properties"]["title"] == "Tərtər"  # a current name, not the Soviet Mir-Bashir


def test_lpf_links_and_bce_years(tmp_path):
    from conftest import write_dataset

    data = write_dataset(tmp_path / "d", [("old", "archaeological_site", 40.0, 45.0, "AM", None)],
                         [("old", "Artashat", "en", "historical", "scholarly", "-185", "-100", "1")], [])
    rows = list(csv.reader(open(data / "places.csv", encoding="utf-8")))
    rows[1][5], rows[1][6], rows[1][8] = "585;586", "85632773", "Q1"  # geonames, wof, wikidata
    with open(data / "places.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    gz = Gazetteer(f"sqlite:///{tmp_path / 'x.sqlite'}", data_dir=data)
    doc = json.loads("".join(gz.export("lpf")))
    assert lpf_problems(doc) == []
    feat = doc["features"][0]
    assert feat["names"][0]["when"]["timespans"] == [{"start": {"in": "-0185"}, "end": {"in": "-0100"}}]
    assert [link["identifier"] for link in feat["links"]] == [
        "gn:585", "gn:586", "https://spelunker.whosonfirst.org/id/85632773", "wd:Q1"]
    assert {link["type"] for link in feat["links"]} == {"closeMatch"}


def test_geojson_export(gz):
    doc = json.loads("".join(gz.export("geojson")))
    assert geojson_problems(doc) == []
    assert len(doc["features"]) == 9
    shusha = next(x for x in doc["features"] if x["id"] == "shusha-town")
    assert shusha["geometry"] == {"type": "Point", "coordinates": [46.7484, 39.7583]}
    assert {n["text"] for n in shusha["properties"]["names"]} >= {"Şuşa", "Шуша", "Շուշի"}


# -- selection ------------------------------------------------------------------------------------------
def test_region_and_kind_select_places(gz):
    doc = json.loads("".join(gz.export("geojson", region="nkao")))
    assert {x["id"] for x in doc["features"]} == {"nkao", "shusha-town", "stepanakert"}
    doc = json.loads("".join(gz.export("geojson", kind="locality")))
    assert len(doc["features"]) == 6
    members = list(csv.reader(io.StringIO("".join(gz.export("csv", region="nkao", table="memberships")))))
    assert {(r[0], r[1]) for r in members[1:]} == {("shusha-town", "nkao"), ("stepanakert", "nkao")}
    with pytest.raises(PlaceNotFound):
        list(gz.export("lpf", region="atlantis"))
    with pytest.raises(InvalidQuery):
        list(gz.export("lpf", kind="spaceport"))
    with pytest.raises(InvalidQuery):
        list(gz.export("kml"))


# -- CSV round trip -----------------------------------------------------------------------------------
def test_csv_export_build_export_is_identical(gz, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_export(gz, "csv", first)
    shutil.copytree(ROOT / "data" / "vocab", first / "vocab")
    rebuilt = Gazetteer(f"sqlite:///{tmp_path / 'rebuilt.sqlite'}", data_dir=first)
    write_export(rebuilt, "csv", second)
    for name in ("places.csv", "toponyms.csv", "memberships.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "toponyms.csv").read_text(encoding="utf-8").count("\n") == 1 + 24


def test_csv_export_keeps_the_data_files_order(gz, mini_data, tmp_path):
    write_export(gz, "csv", tmp_path / "out")
    for name in ("places.csv", "toponyms.csv", "memberships.csv"):
        mine = [r[:2] for r in csv.reader(open(tmp_path / "out" / name, encoding="utf-8"))]
        theirs = [r[:2] for r in csv.reader(open(mini_data / name, encoding="utf-8"))]
        assert mine == theirs, name


# -- LP-TSV ------------------------------------------------------------------------------------------
def test_lp_tsv_has_the_required_fields(gz):
    lines = "".join(gz.export("lp-tsv")).splitlines()
    assert tuple(lines[0].split("\t")) == LP_TSV_COLUMNS
    rows = [dict(zip(LP_TSV_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == 9 and all(len(line.split("\t")) == len(LP_TSV_COLUMNS) for line in lines)
    for r in rows:
        assert r["id"] and r["title"] and r["title_source"]
        assert r["fclasses"] or r["aat_types"]
        assert r["start"] or r["attestation_year"]
        assert all(re.match(r"^.+@[a-z]{2,3}(-[A-Za-z0-9]+)*$", v) for v in filter(None, r["variants"].split(";")))
    shusha = next(r for r in rows if r["id"] == "shusha-town")
    assert "Շուշի@hy" in shusha["variants"].split(";") and shusha["fclasses"] == "P"
    assert shusha["parent_name"] == "Şuşa rayonu"


# -- CLI and HTTP -------------------------------------------------------------------------------------
def test_cli_export(mini_data, mini_db, tmp_path, capsys):
    out = tmp_path / "nkao.lpf.json"
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "export", "--format", "lpf", "--region", "nkao",
                 "--output", str(out)]) == 0
    assert lpf_problems(json.loads(out.read_text(encoding="utf-8"))) == []
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "export", "--format", "csv", "--kind", "town",
                 "--output", str(tmp_path / "csv")]) == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["memberships.csv", "places.csv", "toponyms.csv"]
    capsys.readouterr()
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "export", "--format", "geojson"]) == 0
    assert len(json.loads(capsys.readouterr().out)["features"]) == 9
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "export", "--format", "lpf", "--region", "x"]) == 1


@pytest.fixture
def client(mini_data, mini_db):
    from api import create_app

    return create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data), "TESTING": True}).test_client()


def test_export_route_streams(client):
    r = client.get("/v1/export?format=lpf&region=nkao")
    assert r.status_code == 200 and r.is_streamed and r.mimetype == "application/ld+json"
    doc = json.loads(r.get_data(as_text=True))
    assert lpf_problems(doc) == [] and doc["features"][0]["@id"] == "http://localhost/v1/places/nkao"
    r = client.get("/v1/export?format=csv&table=toponyms&kind=city")
    assert r.mimetype == "text/csv" and 'filename="toponyms.csv"' in r.headers["Content-Disposition"]
    assert r.get_data(as_text=True).splitlines()[1].startswith("stepanakert,")


@pytest.mark.parametrize("query,status", [("", 400), ("format=kml", 400), ("format=csv&table=x", 400),
                                          ("format=lpf&region=atlantis", 404), ("format=lpf&kind=spaceport", 400),
                                          ("format=lpf&colour=red", 400)])
def test_export_route_errors(client, query, status):
    r = client.get("/v1/export?" + query)
    assert r.status_code == status and r.get_json()["error"]["status"] == status
