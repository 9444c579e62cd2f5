import pytest

from api import create_app


@pytest.fixture
def client(mini_data, mini_db):
    app = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data), "TESTING": True})
    return app.test_client()


def test_resolve(client):
    r = client.get("/v1/resolve", query_string={"q": "XANKƏNDİ"})
    assert r.status_code == 200
    body = r.get_json()
    assert body["results"][0]["id"] == "stepanakert"
    assert body["results"][0]["matched"]["text"] == "Xankəndi"
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_resolve_parameters(client):
    body = client.get("/v1/resolve?q=Aghdam&kind=village&limit=5").get_json()
    assert [x["id"] for x in body["results"]] == ["aghdam-tovuz"]
    body = client.get("/v1/resolve?q=Şuşa&lang=hy").get_json()
    assert body["results"][0]["name"] == "Շուշի"
    body = client.get("/v1/resolve?q=Mir Bashir&at=1960&lang=ru").get_json()
    assert body["results"][0]["id"] == "tartar-town"


def test_place(client):
    body = client.get("/v1/places/stepanakert").get_json()
    assert body["id"] == "stepanakert"
    assert {n["text"] for n in body["names_by_lang"]["hy"]} == {"Ստեփանակերտ"}
    hist = [n for n in body["names"] if n["type"] == "historical"]
    assert {(n["text"], n["from"], n["to"]) for n in hist} == {("Степанакерт", 1923, 1991), ("Khankendi", None, 1923)}
    assert body["parents"][0]["authority"] == "ussr"


def test_places_list_and_pagination(client):
    body = client.get("/v1/places?kind=town&limit=2").get_json()
    assert body["total"] == 4 and len(body["items"]) == 2 and body["next_offset"] == 2
    body = client.get("/v1/places?kind=town&limit=2&offset=2").get_json()
    assert len(body["items"]) == 2 and body["next_offset"] is None
    body = client.get("/v1/places?parent=nkao").get_json()
    assert {x["id"] for x in body["items"]} == {"shusha-town", "stepanakert"}
    body = client.get("/v1/places?bbox=39.7,46.7,39.8,46.8").get_json()
    assert {x["id"] for x in body["items"]} == {"shusha-town", "shusha-district"}


def test_health_reports_data_version(client):
    body = client.get("/v1/health").get_json()
    assert body["status"] == "ok" and len(body["data_version"]) == 16 and body["places"] == 9


def test_openapi_names_every_route(client):
    spec = client.get("/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    app = client.application
    routes = {r.rule.replace("<", "{").replace(">", "}") for r in app.url_map.iter_rules()
              if r.rule.startswith("/v1/")}
    assert routes <= set(spec["paths"]), routes - set(spec["paths"])


FAILURES = [
    ("get", "/v1/resolve", {}, 400, "bad_parameter", "q"),
    ("get", "/v1/resolve?q=", {}, 400, "bad_parameter", "q"),
    ("get", "/v1/resolve?q=" + "x" * 300, {}, 400, "bad_parameter", "q"),
    ("get", "/v1/resolve?q=a&limit=0", {}, 400, "bad_parameter", "limit"),
    ("get", "/v1/resolve?q=a&limit=1000", {}, 400, "bad_parameter", "limit"),
    ("get", "/v1/resolve?q=a&limit=ten", {}, 400, "bad_parameter", "limit"),
    ("get", "/v1/resolve?q=a&at=1e9", {}, 400, "bad_parameter", "at"),
    ("get", "/v1/resolve?q=a&q=b", {}, 400, "bad_parameter", "q"),
    ("get", "/v1/resolve?q=a&colour=red", {}, 400, "bad_parameter", "colour"),
    ("get", "/v1/resolve?q=a%00b", {}, 400, "bad_parameter", None),
    ("get", "/v1/places?limit=100000", {}, 400, "bad_parameter", "limit"),
    ("get", "/v1/places?offset=-1", {}, 400, "bad_parameter", "offset"),
    ("get", "/v1/places?bbox=1,2,3", {}, 400, "bad_parameter", "bbox"),
    ("get", "/v1/places?bbox=50,2,3,4", {}, 400, "bad_parameter", "bbox"),
    ("get", "/v1/places?parent=atlantis", {}, 404, "not_found", None),
    ("get", "/v1/places/atlantis", {}, 404, "not_found", None),
    ("get", "/v1/no-such-route", {}, 404, "not_found", None),
    ("post", "/v1/resolve?q=a", {}, 405, "method_not_allowed", None),
    ("delete", "/v1/places/shusha-town", {}, 405, "method_not_allowed", None),
    ("post", "/v1/health", {"data": b"x" * (2 * 1024 * 1024)}, 413, "too_large", None),
]


@pytest.mark.parametrize("method,url,kw,status,code,param", FAILURES)
def test_every_failure_uses_the_error_envelope(client, method, url, kw, status, code, param):
    r = getattr(client, method)(url, **kw)
    assert r.status_code == status
    body = r.get_json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["code"] == code and err["message"]
    if param:
        assert err["parameter"] == param
    assert "Traceback" not in r.get_data(as_text=True)


def test_internal_error_is_an_envelope_without_traceback(client, monkeypatch):
    gz = client.application.extensions["gazetteer"]
    monkeypatch.setattr(type(gz), "resolve", lambda *a, **k: 1 / 0)
    r = client.get("/v1/resolve?q=Şuşa")
    assert r.status_code == 500
    assert r.get_json()["error"]["code"] == "internal_error"
    assert "ZeroDivision" not in r.get_data(as_text=True)


def test_resolve_near(client):
    body = client.get("/v1/resolve?q=Aghdam&near=40.99,45.63").get_json()
    assert body["results"][0]["id"] == "aghdam-tovuz"
    err = client.get("/v1/resolve?q=Aghdam&near=north").get_json()["error"]
    assert err["parameter"] == "near"
