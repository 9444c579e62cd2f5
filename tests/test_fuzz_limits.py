"""Server-side limits, through the Flask test client: sizes, batches, pages, time, read-only data,
no debug output, security headers. (Limits on the wire, against gunicorn: test_fuzz_server.py.)"""
from __future__ import annotations

import json
import os
import time

import pytest

from api import create_app
from conftest import ROOT

MIB = 1024 * 1024
HUGE = "Ş" * (MIB // 2)  # a 1 MiB value once UTF-8 encoded


@pytest.fixture(scope="module")
def client(real_db, real_gz):
    app = create_app({"GAZETTEER_DB": real_db, "GAZETTEER_DATA_DIR": str(ROOT / "data")})
    app.extensions["gazetteer"] = real_gz
    real_gz.tagger()  # built once: the timings below are per request, not the first load
    client = app.test_client()
    client.get("/reconcile")
    return client


def _envelope(resp, status):
    assert resp.status_code == status, resp.get_data()[:300]
    err = json.loads(resp.get_data())["error"]
    assert set(err) == {"status", "code", "message", "parameter"} and err["status"] == status
    return err


@pytest.mark.parametrize("path,param", [
    ("/v1/resolve", "q"), ("/v1/resolve", "lang"), ("/v1/resolve", "at"), ("/v1/suggest", "q"),
    ("/v1/transliterate", "text"), ("/v1/places", "kind"), ("/v1/places", "bbox"), ("/v1/places", "offset"),
    ("/v1/nearby", "lat"), ("/v1/export", "format"), ("/reconcile/suggest/entity", "prefix"),
    ("/reconcile/suggest/entity", "cursor"), ("/reconcile/properties", "limit"), ("/reconcile", "callback"),
])
def test_one_mib_query_values_are_refused_quickly(client, path, param):
    if path == "/v1/suggest" and "/v1/suggest" not in {r.rule for r in client.application.url_map.iter_rules()}:
        pytest.skip("no /v1/suggest")
    from werkzeug.test import EnvironBuilder, run_wsgi_app

    environ = EnvironBuilder(path=path, query_string={param: HUGE}).get_environ()
    t0 = time.perf_counter()
    _, status, _ = run_wsgi_app(client.application, environ, buffered=True)
    assert time.perf_counter() - t0 < 2
    assert status.startswith("400"), status


def test_reconcile_queries_are_bounded_in_count_and_length(client):
    over = json.dumps({f"q{i}": {"query": "Şuşa"} for i in range(101)})
    _envelope(client.post("/reconcile", data={"queries": over}), 413)
    long = json.dumps({"q0": {"query": "Ş" * 201}})
    _envelope(client.post("/reconcile", data={"queries": long}), 400)
    many = json.dumps({"ids": ["nkao"] * 501, "properties": [{"id": "lat"}]})
    _envelope(client.post("/reconcile", data={"extend": many}), 413)


@pytest.mark.parametrize("path", ["/v1/resolve?q=a&limit=101", "/v1/resolve?q=a&limit=0", "/v1/places?limit=501",
                                  "/v1/places?offset=-1", "/v1/nearby?lat=1&lon=1&limit=101",
                                  "/v1/nearby?lat=1&lon=1&radius=1000.1",
                                  "/reconcile/suggest/entity?prefix=a&limit=101",
                                  "/reconcile/suggest/entity?prefix=a&cursor=10001",
                                  "/reconcile/properties?limit=1001"])
def test_limits_and_pages_are_bounded(client, path):
    _envelope(client.get(path), 400)


NIGHTLY = os.environ.get("HYPOTHESIS_PROFILE") == "nightly"
# Cheap 1 MiB texts run every time; texts dense with mentions are the slow worst case (several
# seconds a route at 1 MiB), so the default run sends a quarter of it and the nightly run all of it.
DENSE = MIB if NIGHTLY else MIB // 4
BIG_TEXTS = {"letters": "a" * (MIB - 64), "spaces": " " * (MIB - 64), "newlines": "\n" * (MIB // 2 - 64),
             "combining": "a\u0301" * (DENSE // 4), "dense-az": "Şuşa " * (DENSE // 12),
             "dense-ru": "в Шуше, " * (DENSE // 16)}


@pytest.mark.parametrize("kind", sorted(BIG_TEXTS))
def test_the_biggest_bodies_are_answered_in_bounded_time(client, kind):
    """1 MiB is the most a body may hold; the densest 1 MiB texts take a few seconds a route on one
    core, far below the 30 s worker timeout of ``gazetteer serve`` (README, Production)."""
    text = BIG_TEXTS[kind]
    for route, extra in (("/v1/tag", {}), ("/v1/normalize", {"convention": "en-dual"})):
        body = json.dumps({"text": text, **extra}, ensure_ascii=False).encode()
        assert len(body) <= MIB
        t0 = time.perf_counter()
        resp = client.post(route, data=body, content_type="application/json")
        secs = time.perf_counter() - t0
        assert resp.status_code == 200 and secs < 20, (route, secs)


def test_tag_answers_slice_back_even_for_big_inputs(client):
    text = ("Xankəndidə və Şuşada, в Шуше и Степанакерте; Stepanakert's " * 2000)
    resp = client.post("/v1/tag", json={"text": text})
    mentions = resp.get_json()["mentions"]
    assert len(mentions) >= 8000
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)


def test_the_database_is_opened_read_only_when_serving(mini_data, mini_db, monkeypatch):
    """The index is read through a ``mode=ro`` URL: the serving process can not write the file."""
    import sqlalchemy

    from gazetteer import Gazetteer
    from gazetteer import core
    from gazetteer.build import serving_url

    seen = []
    real = core.create_engine

    def spy(url, *a, **kw):
        seen.append(str(url))
        return real(url, *a, **kw)

    monkeypatch.setattr(core, "create_engine", spy)
    app = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)})
    assert app.test_client().get("/v1/health").status_code == 200
    assert seen and all("mode=ro" in u for u in seen)
    engine = sqlalchemy.create_engine(serving_url(mini_db))
    with pytest.raises(sqlalchemy.exc.OperationalError, match="readonly"):
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM names")
    engine.dispose()
    assert Gazetteer(mini_db, data_dir=mini_data).lookup("Şuşa").id == "shusha-town"


def test_errors_never_show_a_traceback_even_with_flask_debug(mini_data, mini_db, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)})

    @app.get("/v1/_boom")
    def boom():
        raise RuntimeError("secret path /etc/gazetteer")

    resp = app.test_client().get("/v1/_boom")
    err = _envelope(resp, 500)
    assert err["code"] == "internal_error" and b"secret" not in resp.data and b"Traceback" not in resp.data


def test_an_unreadable_database_is_a_503_envelope(tmp_path, mini_data):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)
    from gazetteer import Gazetteer

    app = create_app({"GAZETTEER_DB": str(bad), "GAZETTEER_DATA_DIR": str(mini_data)})
    app.extensions["gazetteer"] = Gazetteer(f"sqlite:///{bad}", data_dir=mini_data, auto_build=False)
    err = _envelope(app.test_client().get("/v1/resolve?q=Shusha"), 503)
    assert err["code"] == "unavailable" and "not a database" not in err["message"]


def _html_routes(app):
    rules = {r.rule for r in app.url_map.iter_rules()}
    paths = ["/reconcile/preview?id=stepanakert", "/reconcile/preview?id=atlantis"]
    paths += [p for p, rule in (("/", "/"), ("/search?q=Shusha", "/search"), ("/place/stepanakert", "/place/<place_id>"),
                                ("/place/atlantis", "/place/<place_id>"), ("/tag", "/tag")) if rule in rules]
    return paths


def test_html_responses_carry_security_headers(client):
    for path in _html_routes(client.application):
        resp = client.get(path)
        assert resp.status_code < 500, path
        if resp.mimetype != "text/html":
            continue
        h = resp.headers
        assert h["X-Content-Type-Options"] == "nosniff", path
        assert h["Referrer-Policy"] == "no-referrer", path
        assert "default-src" in h["Content-Security-Policy"], path
        if not path.startswith("/reconcile/preview"):  # OpenRefine frames the preview card
            assert h["X-Frame-Options"] == "DENY", path


def test_jsonp_is_script_with_nosniff_and_a_safe_callback(client):
    resp = client.get("/reconcile?callback=cb")
    assert resp.mimetype == "application/javascript" and resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.get_data(as_text=True).startswith("/**/cb(")
    _envelope(client.get("/reconcile?callback=alert(1)//"), 400)
