"""The importer on tiny fixture files written here (never reading ../shared)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gazetteer.importers import classify, run_import
from gazetteer.schema import load_dataset

ROOT = Path(__file__).resolve().parents[1]
WOF_COLS = ["wof_id", "country", "placetype", "wof_name", "latitude", "longitude", "parent_id", "is_current",
            "gn_id", "wd_id", "wk_page", "geom_type"] + [f"{l}_{k}" for l in ("hye", "aze", "rus", "eng")
                                                         for k in ("preferred", "variant", "historical", "colloquial")]
GN_COLS = ["geonameid", "name", "latitude", "longitude", "countrycode", "admin1code", "population", "timezone",
           "alternatenames"]
ISO_COLS = ["code", "type", "parent_code", "name_iso", "name_ru", "name_uk", "name_tr", "name_ka", "name_fr",
            "name_de", "local_other_name", "lat", "lng", "geonames_admin1_codes", "geonames_ids",
            "en_names_iso3166_2_db", "wikipedia"]


def tsv(path: Path, cols: list[str], rows: list[dict]) -> Path:
    lines = ["\t".join(cols)] + ["\t".join(r.get(c, "") for c in cols) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def wof_row(wid, name, lat, lon, **kw):
    base = {"wof_id": str(wid), "country": "AZ", "placetype": "locality", "wof_name": name, "latitude": str(lat),
            "longitude": str(lon), "parent_id": "85668643", "is_current": "-1", "geom_type": "Point"}
    base.update(kw)
    return base


@pytest.fixture
def env(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "vocab", data / "vocab")
    (data / "curation").mkdir()
    wof = tsv(tmp_path / "wof.tsv", WOF_COLS, [
        wof_row(85632717, "Azerbaijan", 40.29, 47.52, placetype="country", parent_id="102191569",
                aze_preferred="Azərbaycan", eng_preferred="Azerbaijan"),
        wof_row(85668643, "Şuşa", 39.70, 46.67, placetype="region", parent_id="85632717", gn_id="409419",
                aze_preferred="Şuşa rayonu", hye_preferred="Շուշիի շրջան"),
        # Shusha town, twice (duplicate WOF records sharing a GeoNames id)
        wof_row(101, "Shusha", 39.7583, 46.7483, gn_id="409418", hye_preferred="Shushi", hye_variant="Շուշի",
                aze_preferred="Şuşa", rus_preferred="Шуша", eng_preferred="Shusha"),
        wof_row(205, "Shusha", 39.7590, 46.7490, gn_id="409418", rus_variant="Шуши"),
        # same name within 2 km, no GeoNames id
        wof_row(300, "Dashalty", 39.72, 46.70, aze_preferred="Daşaltı", rus_preferred="Дашалты"),
        wof_row(301, "Dashalty", 39.725, 46.705, hye_preferred="Քարինտակ", aze_variant="Daşaltı"),
        # same name 30 km away: a different village
        wof_row(302, "Dashalty", 39.95, 46.95, aze_preferred="Daşaltı"),
        # Azerbaijani Cyrillic and a mixed-alphabet name
        wof_row(400, "Cəbrayıl", 39.40, 47.03, aze_preferred="Cəbrayıl", aze_variant="Ҹәбрајыл",
                rus_preferred="Джебраил", rus_variant="Bil’gyakh"),
    ])
    gn = tsv(tmp_path / "gn.tsv", GN_COLS, [
        {"geonameid": "409418", "name": "Shusha", "latitude": "39.7583", "longitude": "46.7483",
         "countrycode": "AZ", "admin1code": "55", "population": "4064",
         "alternatenames": "Shushi|Şuşa|Шуша|Շուշի|შუშა"},
        {"geonameid": "999", "name": "Qırmızı Bazar", "latitude": "39.60", "longitude": "46.90",
         "countrycode": "AZ", "admin1code": "55", "population": "600", "alternatenames": "Krasnyy Bazar|Красный Базар"},
    ])
    iso = tsv(tmp_path / "iso.tsv", ISO_COLS, [
        {"code": "AZ-SUS", "type": "Rayon", "name_iso": "Şuşa", "name_ru": "Шушинский район",
         "local_other_name": "Shusha (eng)", "lat": "39.70", "lng": "46.67", "geonames_admin1_codes": "AZ.55",
         "geonames_ids": "409419"},
    ])
    return {"wof": wof, "geonames": gn, "iso": iso, "data_dir": data}


def load(env):
    return load_dataset(env["data_dir"])


def names_of(ds, pid):
    return {(n.text, n.lang) for n in ds.names if n.place_id == pid}


@pytest.mark.parametrize("text,hint,want", [
    ("Շուշի", "hye", "hy"), ("Shushi", "hye", "hy-Latn"), ("Şuşa", "aze", "az-Latn"),
    ("Kevdadykh", "aze", "und-Latn"), ("Шуша", "rus", "ru"), ("Ҹәбрајыл", "aze", "az-Cyrl"),
    ("Ҹәбрајыл", None, "az-Cyrl"), ("Шуша", None, "ru"), ("Bil’gyakh", "rus", "ru-Latn"),
    ("Şuşa", None, "az-Latn"), ("Shusha", None, "und-Latn"), ("Shusha", "eng", "en"), ("შუშა", None, "ka"),
    ("نخچیوان", "aze", "az-Arab"), ("Київ", None, "uk"),
])
def test_classify_by_script_not_column(text, hint, want):
    assert classify(text, hint)[1] == want


def test_classify_fixes_homoglyphs_and_roman_numerals():
    assert classify("Шушa", "rus") == ("Шуша", "ru")
    assert classify("Թիղիկ-II", "hye") == ("Թիղիկ-Ⅱ", "hy")


def test_import_writes_valid_data(env):
    rep = run_import(**env)
    assert rep.ok, rep.problems
    assert rep.written
    ds = load(env)
    assert {p.id for p in ds.places} >= {"az-sus", "wof-101", "wof-300", "wof-302", "wof-400", "geonames-999"}
    assert all(n.source for n in ds.names)


def test_duplicates_merge_and_keep_every_name_and_id(env):
    run_import(**env)
    ds = load(env)
    shusha = next(p for p in ds.places if p.id == "wof-101")
    assert shusha.wof_ids == (101, 205) and shusha.geonames_ids == (409418,)
    got = names_of(ds, "wof-101")
    assert {("Shushi", "hy-Latn"), ("Շուշի", "hy"), ("Şuşa", "az-Latn"), ("Шуша", "ru"), ("Шуши", "ru"),
            ("შუშა", "ka")} <= got
    assert not any(p.id == "wof-205" for p in ds.places)
    # same names within 2 km merge; 30 km away they do not
    assert ("Քարինտակ", "hy") in names_of(ds, "wof-300")
    assert any(p.id == "wof-302" for p in ds.places)
    # the WOF region joins its ISO 3166-2 rayon
    sus = next(p for p in ds.places if p.id == "az-sus")
    assert sus.wof_ids == (85668643,) and sus.kind == "district"
    assert ("Şuşa rayonu", "az-Latn") in names_of(ds, "az-sus")
    # the locality is linked to its rayon by Azerbaijan
    assert any(m.child_id == "wof-101" and m.parent_id == "az-sus" and m.authority == "azerbaijan"
               for m in ds.memberships)
    # GeoNames-only record linked through its admin1 code
    assert any(m.child_id == "geonames-999" and m.parent_id == "az-sus" for m in ds.memberships)


def test_language_by_script(env):
    run_import(**env)
    got = names_of(load(env), "wof-400")
    assert {("Ҹәбрајыл", "az-Cyrl"), ("Джебраил", "ru"), ("Bil’gyakh", "ru-Latn"), ("Cəbrayıl", "az-Latn")} <= got


def test_seed_place_absorbs_matching_records(env):
    cur = env["data_dir"] / "curation"
    (cur / "seed_places.csv").write_text(
        "id,kind,lat,lon,country,geonames_id,wof_id,iso3166_2,wikidata,population,source,note\n"
        "shusha-town,town,39.7583,46.7483,AZ,409418,101,,,,seed:shusha-town,\n", encoding="utf-8")
    (cur / "seed_names.csv").write_text(
        "place_id,text,lang,type,used_by,from,to,certainty,preferred,source,derived_from,note\n"
        "shusha-town,Шуши,ru,variant,,,,,0,seed:shusha-town,,\n"
        "shusha-town,Շուշի,hy,official,artsakh,1991,2023,,1,seed:shusha-town,,\n", encoding="utf-8")
    (cur / "seed_memberships.csv").write_text(
        "child_id,parent_id,authority,from,to,certainty,source,note\n"
        "wof-300,shusha-town,local,,,,editorial,test link through an alias id\n", encoding="utf-8")
    rep = run_import(**env)
    assert rep.ok, rep.problems
    ds = load(env)
    ids = {p.id for p in ds.places}
    assert "shusha-town" in ids and "wof-101" not in ids
    p = next(p for p in ds.places if p.id == "shusha-town")
    assert p.wof_ids == (101, 205) and p.kind == "town"
    got = names_of(ds, "shusha-town")
    assert {("Shushi", "hy-Latn"), ("Şuşa", "az-Latn"), ("Шуша", "ru"), ("Шуши", "ru")} <= got
    rows = [n for n in ds.names if n.place_id == "shusha-town" and n.text == "Шуши"]
    assert len(rows) == 1 and "seed:shusha-town" in rows[0].source and "wof:205" in rows[0].source


def test_overrides_are_applied(env):
    (env["data_dir"] / "curation" / "overrides.csv").write_text(
        "action,target,text,lang,field,value,source,note\n"
        "merge,wof:302,,,,wof:300,,same village (test)\n"
        "exclude,geonames:999,,,,,,not a settlement (test)\n"
        "set,wof-400,,,kind,town,,rayon centre\n"
        "name_set,wof:101,Shushi,hy-Latn,type,exonym,,test correction\n"
        "name_add,wof:400,Jabrayil,en,,variant,cite:test source,\n", encoding="utf-8")
    rep = run_import(**env)
    assert rep.ok, rep.problems
    ds = load(env)
    ids = {p.id for p in ds.places}
    assert "wof-302" not in ids and "geonames-999" not in ids
    assert ("geonames:999", "not a settlement (test)") in rep.excluded
    assert next(p for p in ds.places if p.id == "wof-400").kind == "town"
    shushi = [n for n in ds.names if n.place_id == "wof-101" and n.text == "Shushi" and n.lang == "hy-Latn"]
    assert [n.type for n in shushi] == ["exonym"]
    assert any(n.text == "Jabrayil" and n.source == "cite:test source" for n in ds.names)


def test_import_is_deterministic(env):
    run_import(**env)
    first = {f: (env["data_dir"] / f).read_bytes() for f in ("places.csv", "toponyms.csv", "memberships.csv")}
    run_import(**env)
    assert first == {f: (env["data_dir"] / f).read_bytes() for f in first}


def test_bad_curated_row_writes_nothing(env):
    assert run_import(**env).written
    before = {f: (env["data_dir"] / f).read_bytes() for f in ("places.csv", "toponyms.csv", "memberships.csv")}
    (env["data_dir"] / "curation" / "x_names.csv").write_text(
        "place_id,text,lang,type,used_by,from,to,certainty,preferred,source,derived_from,note\n"
        "wof-101,Shusha,hy,variant,,,,,0,wof:101,,\n", encoding="utf-8")  # Latin text tagged hy
    rep = run_import(**env)
    assert not rep.ok and not rep.written
    assert any("x_names.csv:2" in p for p in rep.problems)
    assert before == {f: (env["data_dir"] / f).read_bytes() for f in before}


def test_bad_reference_row_writes_nothing(env, tmp_path):
    bad = tsv(tmp_path / "gn_bad.tsv", GN_COLS, [{"geonameid": "x1", "name": "Broken", "latitude": "39.7",
                                                   "longitude": "46.7", "countrycode": "AZ"}])
    rep = run_import(**{**env, "geonames": bad})
    assert not rep.ok and not rep.written
    assert not (env["data_dir"] / "places.csv").exists()


def test_bad_override_writes_nothing(env):
    (env["data_dir"] / "curation" / "overrides.csv").write_text(
        "action,target,text,lang,field,value,source,note\nexclude,wof:300,,,,,,\n", encoding="utf-8")
    rep = run_import(**env)
    assert not rep.written and any("overrides.csv:2" in p for p in rep.problems)


def test_a_label_that_runs_several_names_together_is_split(env, tmp_path):
    gn = tsv(tmp_path / "gn_blob.tsv", GN_COLS, [
        {"geonameid": "616599", "name": "Gavar", "latitude": "40.35", "longitude": "45.12", "countrycode": "AM",
         "population": "20000", "alternatenames": "Nor Bayazet Novo Bayazet|Гавар"}])
    (env["data_dir"] / "curation" / "overrides.csv").write_text(
        "action,target,text,lang,field,value,source,note\n"
        "name_split,geonames:616599,Nor Bayazet Novo Bayazet,und-Latn,,Nor Bayazet|Novo Bayazet,,two names (test)\n",
        encoding="utf-8")
    rep = run_import(**{**env, "geonames": gn})
    assert rep.ok and not rep.warnings, (rep.problems, rep.warnings)
    ds = load(env)
    got = {n.text: n for n in ds.names if n.place_id == "geonames-616599"}
    assert "Nor Bayazet Novo Bayazet" not in got
    for part in ("Nor Bayazet", "Novo Bayazet"):  # each a name of its own, with the label's source
        assert got[part].lang == "und-Latn" and got[part].source == "geonames:616599"
        assert "split from the label 'Nor Bayazet Novo Bayazet': two names (test)" in got[part].note
    assert "Гавар" in got


@pytest.mark.parametrize("value,problem", [
    ("Nor Bayazet|Novo Bayazed", "may only cut the label"),  # a letter changed: not a split
    ("Nor Bayazet Novo Bayazet", "two or more names"),
    ("Nor Bayazet||Novo Bayazet", "two or more names"),
])
def test_a_split_may_only_cut_the_label(env, value, problem):
    (env["data_dir"] / "curation" / "overrides.csv").write_text(
        "action,target,text,lang,field,value,source,note\n"
        f"name_split,wof:101,Nor Bayazet Novo Bayazet,und-Latn,,{value},,test\n", encoding="utf-8")
    rep = run_import(**env)
    assert not rep.written and any("overrides.csv:2" in p and problem in p for p in rep.problems), rep.problems
