"""The reconciliation service against the W3C 0.2 JSON Schemas and example queries in ../shared/specs."""
import json
from pathlib import Path

import pytest

from api import create_app

SPEC = Path(__file__).resolve().parents[1].parent / "shared" / "specs" / "reconciliation-api-0.2"
needs_spec = pytest.mark.skipif(not (SPEC / "schemas").is_dir(), reason="../shared/specs/reconciliation-api-0.2 absent")


@pytest.fixture
def client(mini_data, mini_db):
    app = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data), "TESTING": True})
    return app.test_client()


@pytest.fixture(scope="module")
def validate():
    """validate(document, schema file name): raise on a schema violation (draft 7, refs resolved locally)."""
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    if not (SPEC / "schemas").is_dir():
        pytest.skip("../shared/specs/reconciliation-api-0.2 absent")
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (SPEC / "schemas").glob("*.json")}
    registry = Registry().with_resources(
        (s["$id"].rstrip("#"), Resource.from_contents(s, default_specification=DRAFT7)) for s in schemas.values())

    def check(doc, name):
        jsonschema.Draft7Validator(schemas[name], registry=registry).validate(doc)
    return check


def recon(client, batch, method="post"):
    payload = {"queries": json.dumps(batch)}
    r = client.post("/reconcile", data=payload) if method == "post" else client.get("/reconcile", query_string=payload)
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()


# -- every kind of response validates -------------------------------------------------------------
def test_manifest(client, validate):
    m = client.get("/reconcile").get_json()
    validate(m, "manifest.json")
    assert m["versions"] == ["0.2"] and m["batchSize"] == 100
    kinds = {t["id"] for t in m["defaultTypes"]}
    assert {"village", "town", "district"} <= kinds
    assert m["view"]["url"].endswith("/v1/places/{{id}}")
    assert m["extend"]["property_settings"]


def test_result_batch_get_and_post(client, validate):
    batch = {"q0": {"query": "Aghdam"}, "q1": {"query": "Şuşa", "limit": 3}, "q2": {"query": "nowhere-xyz"}}
    for method in ("get", "post"):
        body = recon(client, batch, method)
        validate(body, "reconciliation-result-batch.json")
        assert set(body) == {"q0", "q1", "q2"} and body["q2"]["result"] == []


def test_suggest_responses(client, validate):
    ent = client.get("/reconcile/suggest/entity?prefix=Шуш").get_json()
    validate(ent, "suggest-entities-response.json")
    assert ent["result"][0]["id"] == "shusha-town"
    typ = client.get("/reconcile/suggest/type?prefix=vill").get_json()
    validate(typ, "suggest-types-response.json")
    assert typ["result"][0]["id"] == "village"
    prop = client.get("/reconcile/suggest/property?prefix=lat").get_json()
    validate(prop, "suggest-properties-response.json")
    assert "lat" in {p["id"] for p in prop["result"]}


def test_property_proposal_and_extension(client, validate):
    limited = client.get("/reconcile/properties?type=town&limit=3").get_json()
    validate(limited, "data-extension-property-proposal.json")
    assert limited["limit"] == 3 and [p["id"] for p in limited["properties"]] == ["name:hy", "name:az-Latn", "name:ru"]
    proposal = client.get("/reconcile/properties?type=town").get_json()
    validate(proposal, "data-extension-property-proposal.json")
    ids = {p["id"] for p in proposal["properties"]}
    assert {"name:hy", "name:az-Latn", "name:ru", "name:en", "coordinates", "geonames_id", "wof_id",
            "parent:ussr", "historical", "used_by:azerbaijan"} <= ids
    query = {"ids": ["stepanakert", "no-such-place"],
             "properties": [{"id": "name:hy"}, {"id": "historical"}, {"id": "parent:ussr"}, {"id": "lat"},
                            {"id": "used_by:azerbaijan", "settings": {"details": "true"}},
                            {"id": "name:ru", "settings": {"at": "2000"}}]}
    validate(query, "data-extension-query.json")
    body = client.post("/reconcile", data={"extend": json.dumps(query)}).get_json()
    validate(body, "data-extension-response.json")
    row = body["rows"]["stepanakert"]
    assert row["name:hy"] == [{"str": "Ստեփանակերտ"}]
    assert {v["str"] for v in row["historical"]} == {"Степанакерт (ru; historical; used by ussr; 1923–1991)",
                                                     "Khankendi (en; historical; used by russian-empire; –1923)"}
    assert row["parent:ussr"] == [{"id": "nkao", "name": "Nagorno-Karabakh Autonomous Oblast"}]
    assert row["lat"] == [{"float": 39.8177}]
    assert row["used_by:azerbaijan"] == [{"str": "Xankəndi (az-Latn; official; used by azerbaijan; 1991–)"}]
    assert row["name:ru"] == []  # Степанакерт was the Russian name until 1991 only
    assert all(v == [] for v in body["rows"]["no-such-place"].values())


def test_extension_by_naming_convention(client):
    from gazetteer.reconcile import conventions

    if "en-hy" not in conventions():
        pytest.skip("gazetteer.tagging conventions not available")
    query = {"ids": ["stepanakert"], "properties": [{"id": "convention:en-hy"}, {"id": "convention:en-az"},
                                                    {"id": "convention:az"}, {"id": "convention:hy"}]}
    row = client.post("/reconcile", data={"extend": json.dumps(query)}).get_json()["rows"]["stepanakert"]
    assert row == {"convention:en-hy": [{"str": "Stepanakert"}], "convention:en-az": [{"str": "Khankendi"}],
                   "convention:az": [{"str": "Xankəndi"}], "convention:hy": [{"str": "Ստեփանակերտ"}]}


# -- candidates ------------------------------------------------------------------------------------
def test_candidates_carry_type_description_and_match(client):
    body = recon(client, {"q": {"query": "Şuşa"}})
    c = body["q"]["result"][0]
    assert c["id"] == "shusha-town" and c["match"] is True and 0 <= c["score"] <= 100
    assert c["type"] == [{"id": "town", "name": "Town"}]
    for text in ("Town", "Շուշի", "Şuşa", "Шуша", "Shusha", "Şuşa rayonu"):
        assert text in c["description"]


def test_match_only_when_unambiguous(client):
    body = recon(client, {"both": {"query": "Aghdam"}, "village": {"query": "Aghdam", "type": "village"},
                          "by-category": {"query": "Aghdam", "type": "category:locality"}})
    assert [c["match"] for c in body["both"]["result"]] == [False, False]
    assert [(c["id"], c["match"]) for c in body["village"]["result"]] == [("aghdam-tovuz", True)]
    assert len(body["by-category"]["result"]) == 2


def test_query_properties(client):
    near_tovuz = [{"pid": "lat", "v": 40.9}, {"pid": "lon", "v": 45.6}, {"pid": "radius", "v": 20}]
    body = recon(client, {
        "spatial": {"query": "Aghdam", "properties": near_tovuz},
        "parent": {"query": "Şuşa", "properties": [{"pid": "parent", "v": {"id": "nkao", "name": "NKAO"}}]},
        "country": {"query": "Aghdam", "properties": [{"pid": "country", "v": "AM"}]},
        "lang": {"query": "Shusha", "properties": [{"pid": "lang", "v": "hy"}]},
        "at": {"query": "Mir-Bashir", "properties": [{"pid": "at", "v": 1960}, {"pid": "kind", "v": "town"}]},
        "no-query": {"properties": [{"pid": "parent", "v": "nkao"}]},
        "id": {"query": "stepanakert"},
    })
    assert [c["id"] for c in body["spatial"]["result"]] == ["aghdam-tovuz"]
    assert body["spatial"]["result"][0]["match"] is True
    assert {f["id"] for f in body["spatial"]["result"][0]["features"]} >= {"distance_km", "name_score"}
    assert [c["id"] for c in body["parent"]["result"]] == ["shusha-town"]
    assert body["country"]["result"] == []
    assert body["lang"]["result"][0]["name"] == "Շուշի"
    assert body["at"]["result"][0]["id"] == "tartar-town"
    assert {c["id"] for c in body["no-query"]["result"]} == {"shusha-town", "stepanakert"}
    assert body["id"]["result"][0] == {**body["id"]["result"][0], "id": "stepanakert", "score": 100.0, "match": True}


# -- the spec's example queries ---------------------------------------------------------------------
def _examples(kind, validity):
    folder = SPEC / "examples" / kind / validity
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@needs_spec
@pytest.mark.parametrize("path", _examples("reconciliation-query-batch", "valid"), ids=lambda p: p.name)
def test_valid_example_queries_get_valid_results(client, validate, path):
    batch = json.loads(path.read_text(encoding="utf-8"))
    validate(batch, "reconciliation-query-batch.json")
    body = recon(client, batch)
    validate(body, "reconciliation-result-batch.json")
    assert set(body) == set(batch)


@needs_spec
@pytest.mark.parametrize("path", _examples("reconciliation-query-batch", "invalid"), ids=lambda p: p.name)
def test_invalid_example_queries_are_400(client, path):
    r = client.post("/reconcile", data={"queries": path.read_text(encoding="utf-8")})
    assert r.status_code == 400
    assert r.get_json()["error"]["code"] == "bad_parameter"


@needs_spec
@pytest.mark.parametrize("kind,schema", [("manifest", "manifest.json"),
                                         ("reconciliation-result-batch", "reconciliation-result-batch.json"),
                                         ("data-extension-response", "data-extension-response.json")])
def test_schemas_tell_the_spec_examples_apart(validate, kind, schema):
    """Guards the validator set-up: the spec's own valid examples pass, its invalid ones fail."""
    import jsonschema

    for path in _examples(kind, "valid"):
        validate(json.loads(path.read_text(encoding="utf-8")), schema)
    for path in _examples(kind, "invalid"):
        with pytest.raises(jsonschema.ValidationError):
            validate(json.loads(path.read_text(encoding="utf-8")), schema)


# -- transport: CORS, JSONP, preview, errors ------------------------------------------------------
def test_cors_and_preflight(client):
    assert client.get("/reconcile").headers["Access-Control-Allow-Origin"] == "*"
    r = client.options("/reconcile", headers={"Origin": "http://localhost:3333",
                                              "Access-Control-Request-Method": "POST"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]


def test_jsonp(client):
    r = client.get("/reconcile", query_string={"callback": "jQuery123_456", "_": "1700000000"})
    text = r.get_data(as_text=True)
    assert r.mimetype == "application/javascript"
    assert text.startswith("/**/jQuery123_456(") and text.endswith(");")
    assert json.loads(text[len("/**/jQuery123_456("):-2])["versions"] == ["0.2"]
    for bad in ("alert(1)", "a;b", "x" * 400, "<script>"):
        r = client.get("/reconcile", query_string={"callback": bad})
        assert r.status_code == 400 and r.get_json()["error"]["parameter"] == "callback"


def test_preview_escapes_and_may_be_framed(mini_data, mini_db, tmp_path):
    from conftest import MINI_NAMES, MINI_PLACES, write_dataset

    data = write_dataset(tmp_path / "evil", MINI_PLACES, MINI_NAMES + [
        ("shusha-town", "<script>alert(1)</script>", "en", "variant", "", "", "", "0")])
    app = create_app({"GAZETTEER_DB": f"sqlite:///{tmp_path / 'evil.sqlite'}", "GAZETTEER_DATA_DIR": str(data),
                      "TESTING": True})
    r = app.test_client().get("/reconcile/preview?id=shusha-town")
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Շուշի" in page and "USSR" in page
    assert "X-Frame-Options" not in r.headers
    assert "frame-ancestors *" in r.headers["Content-Security-Policy"]


FAILURES = [
    ("get", "/reconcile?queries=not-json", 400, "queries"),
    ("get", '/reconcile?queries=["q"]', 400, None),
    ("get", '/reconcile?queries={"q":{"query":""}}', 400, None),
    ("get", '/reconcile?queries={"q":{"query":"a","limit":0}}', 400, None),
    ("get", '/reconcile?queries={"q":{"query":"a","properties":[{"pid":"lat","v":"north"},{"pid":"lon","v":1}]}}', 400, None),
    ("get", '/reconcile?queries={"q":{"query":"a","properties":[{"pid":"lat","v":40}]}}', 400, None),
    ("get", '/reconcile?queries={"q":{"query":"a","properties":[{"pid":"parent","v":"atlantis"}]}}', 404, None),
    ("get", '/reconcile?queries={}&extend={}', 400, "extend"),
    ("get", "/reconcile?colour=red", 400, "colour"),
    ("post", "/reconcile", 400, "queries"),
    ("get", '/reconcile?extend={"ids":["a"],"properties":[{"id":"shoe_size"}]}', 400, None),
    ("get", "/reconcile/preview?id=atlantis", 404, None),
    ("get", "/reconcile/preview", 400, "id"),
    ("get", "/reconcile/suggest/entity?prefix=a&cursor=-1", 400, "cursor"),
    ("get", "/reconcile/suggest/animal?prefix=a", 404, None),
    ("delete", "/reconcile", 405, None),
]


@pytest.mark.parametrize("method,url,status,param", FAILURES)
def test_failures_use_the_error_envelope(client, method, url, status, param):
    r = getattr(client, method)(url)
    assert r.status_code == status, r.get_data(as_text=True)
    err = r.get_json()["error"]
    assert err["status"] == status and err["message"]
    if param:
        assert err["parameter"] == param


def test_batch_size_is_bounded(client):
    batch = {f"q{i}": {"query": "Şuşa"} for i in range(101)}
    r = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert r.status_code == 413 and r.get_json()["error"]["code"] == "too_large"
    ids = {"ids": [f"p{i}" for i in range(501)], "properties": [{"id": "lat"}]}
    assert client.post("/reconcile", data={"extend": json.dumps(ids)}).status_code == 413
