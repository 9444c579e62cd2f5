"""Property tests over every HTTP route and parameter, through the Flask test client.

Hostile query strings (arbitrary Unicode, invalid UTF-8 bytes, NUL, bidi controls, huge values,
absurd numbers, repeated, missing and unknown parameters), hostile bodies (invalid UTF-8, lone
surrogates, wrong types, wrong content types) and every method. Invariants: never a 500, never a
traceback; a JSON route answers with a valid result or the documented error envelope
``{"error": {"status", "code", "message", "parameter"}}``; HTML carries the security headers.
"""
from __future__ import annotations

import json
import logging
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from test_fuzz_strategies import PLACE_BITS, absurd_number_text, hostile_text, json_values

OK = {200, 308, 400, 404, 405, 413, 414, 415}  # 308: Werkzeug merges double slashes
ENVELOPE_KEYS = {"status", "code", "message", "parameter"}


@pytest.fixture(scope="module")
def app(real_db, real_gz):
    from api import create_app

    app = create_app({"GAZETTEER_DB": real_db, "GAZETTEER_DATA_DIR": str(ROOT / "data")})
    app.extensions["gazetteer"] = real_gz  # share the session's loaded index
    return app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def mini_client(tmp_path_factory):
    """A client over the tiny dataset, for routes whose valid answers are big (exports)."""
    from api import create_app
    from conftest import write_dataset

    folder = tmp_path_factory.mktemp("fuzz-mini")
    data = write_dataset(folder / "data")
    app = create_app({"GAZETTEER_DB": f"sqlite:///{folder / 'gz.sqlite'}", "GAZETTEER_DATA_DIR": str(data)})
    return app.test_client()


@pytest.fixture(autouse=True)
def _no_server_errors(caplog):
    """A logged unhandled error is a failure even when the client saw a clean envelope."""
    with caplog.at_level(logging.ERROR, logger="gazetteer.api"):
        yield
    errors = [r for r in caplog.records if r.name == "gazetteer.api" and r.levelno >= logging.ERROR]
    assert not errors, errors[0].getMessage() + "\n" + (errors[0].exc_text or "")


def check(resp, *, json_route: bool = True, head: bool = False):
    """The invariants every answer keeps."""
    body = resp.get_data()  # consumes streamed bodies too: an error mid-stream raises here
    assert resp.status_code in OK, (resp.status_code, body[:500])
    assert b"Traceback" not in body and b'File "/' not in body
    if resp.mimetype == "text/html":
        assert resp.headers.get("X-Content-Type-Options") == "nosniff"
        assert "Content-Security-Policy" in resp.headers
    if head:
        assert not body
    elif json_route and resp.status_code >= 400:
        assert resp.mimetype == "application/json", (resp.status_code, resp.mimetype, body[:200])
        err = json.loads(body)["error"]
        assert set(err) == ENVELOPE_KEYS and err["status"] == resp.status_code
        assert isinstance(err["code"], str) and isinstance(err["message"], str) and err["message"]
        assert err["parameter"] is None or isinstance(err["parameter"], str)
    elif json_route and resp.mimetype == "application/json" and body:  # (HEAD has no body)
        json.loads(body)
    return resp


# -- query strings ----------------------------------------------------------------------------------
def _pct(value: str) -> str:
    """Percent-encode; lone surrogates become invalid UTF-8 bytes on the wire."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def value_for(name: str) -> st.SearchStrategy[str]:
    sensible = {
        "q": st.sampled_from(PLACE_BITS), "prefix": st.sampled_from(PLACE_BITS), "text": st.sampled_from(PLACE_BITS),
        "lang": st.sampled_from(["hy", "az-Latn", "ru", "en", "az", "xx", "hy-Latn"]),
        "from": st.sampled_from(["hy", "ru", "az-Cyrl", "Latn", "xx"]),
        "scheme": st.sampled_from(["hy-Latn-t-hy-m0-bgn", "ru-Latn-t-ru-m0-bgn", "nope", "a+b"]),
        "kind": st.sampled_from(["town", "village", "locality", "admin", "nope"]),
        "at": st.sampled_from(["1980", "-3000", "2100", "2101"]), "limit": st.sampled_from(["1", "10", "100", "0"]),
        "offset": st.sampled_from(["0", "5", "10000000"]), "cursor": st.sampled_from(["0", "10", "10001"]),
        "bbox": st.sampled_from(["39.7,46.7,39.8,46.8", "1,2,3", "90,180,-90,-180", "nan,nan,nan,nan"]),
        "country": st.sampled_from(["AZ", "AM", "az", "AZE"]),
        "parent": st.sampled_from(["nkao", "atlantis", "azerbaijan"]),
        "lat": st.sampled_from(["39.8", "-90", "90.0001"]), "lon": st.sampled_from(["46.7", "180", "-181"]),
        "radius": st.sampled_from(["0", "10", "1000", "1001"]),
        "id": st.sampled_from(["stepanakert", "nkao", "atlantis", ""]),
        "type": st.sampled_from(["village", "category:locality", "x"]),
        "format": st.sampled_from(["csv", "geojson", "lpf", "lp-tsv", "xml"]),
        "table": st.sampled_from(["places", "toponyms", "memberships", "x"]),
        "region": st.sampled_from(["shusha-district", "nkao", "atlantis"]),
        "callback": st.sampled_from(["cb", "jQuery123_456", "a.b", "alert(1)//", "1x"]),
        "convention": st.sampled_from(["en-dual", "az", "as-of:1980", "klingon"]),
        "by": st.sampled_from(["community", "language"]),
        "queries": st.sampled_from(['{"q0":{"query":"Şuşa"}}', '{"q0":{"query":"Şuşa","limit":NaN}}',
                                    '{"q0":{"query":"x","limit":Infinity}}', "[]", "{", "null"]),
        "extend": st.sampled_from(['{"ids":["nkao"],"properties":[{"id":"name:hy"}]}', '{"ids":[1]}', "0"]),
    }.get(name, st.text(max_size=5))
    return st.one_of(sensible, sensible, hostile_text(8), absurd_number_text(),
                     st.sampled_from(["", " ", "\x00", "x" * 201, "Ş" * 1001, "9" * 5000]))


def query_string(params: list[str]) -> st.SearchStrategy[str]:
    """Known parameters (some missing, some repeated), unknown ones, raw junk."""
    pair = st.one_of(*[st.tuples(st.just(p), value_for(p)) for p in params],
                     st.tuples(st.one_of(st.sampled_from(["x", "", "Q", "limit[]", "q ", "\u202eq"]),
                                         hostile_text(2)), hostile_text(3)))
    pairs = st.lists(pair, max_size=6).map(lambda ps: "&".join(f"{_pct(k)}={_pct(v)}" for k, v in ps))
    raw = st.binary(max_size=40).map(lambda b: "".join(f"%{x:02X}" if x > 0x7E or x < 0x21 or chr(x) in "%#"
                                                       else chr(x) for x in b))
    return st.one_of(pairs, pairs, pairs, raw, st.tuples(pairs, raw).map("&".join))


GET_ROUTES = {
    "/v1/resolve": ["q", "lang", "kind", "at", "limit"],
    "/v1/suggest": ["q", "lang", "kind", "limit"],
    "/v1/transliterate": ["text", "from", "scheme"],
    "/v1/places": ["kind", "parent", "bbox", "country", "offset", "limit"],
    "/v1/places/stepanakert": [],
    "/v1/health": [],
    "/v1/openapi.json": [],
    "/v1/nearby": ["lat", "lon", "radius", "kind", "limit"],
    "/reconcile": ["queries", "extend", "callback", "_"],
    "/reconcile/suggest/entity": ["prefix", "cursor", "limit", "callback"],
    "/reconcile/suggest/type": ["prefix", "cursor", "limit"],
    "/reconcile/suggest/property": ["prefix", "cursor", "limit"],
    "/reconcile/properties": ["type", "limit", "callback"],
    "/reconcile/preview": ["id"],
}


def _registered(app) -> set[str]:
    return {r.rule for r in app.url_map.iter_rules()}


@pytest.mark.parametrize("route", sorted(GET_ROUTES))
@given(data=st.data())
def test_every_get_route_survives_hostile_query_strings(client, route, data):
    rule = "/v1/places/<place_id>" if route.startswith("/v1/places/") else route
    if rule not in _registered(client.application) and not route.startswith("/reconcile/suggest/"):
        pytest.skip(f"{route} is not registered")
    qs = data.draw(query_string(GET_ROUTES[route]), label="query string")
    check(client.get(route, environ_overrides={"QUERY_STRING": qs}))


@given(query_string(["format", "region", "kind", "table"]))
def test_export_survives_hostile_query_strings(mini_client, qs):
    check(mini_client.get("/v1/export", environ_overrides={"QUERY_STRING": qs}))


@given(hostile_text(6), st.sampled_from(["/v1/places/", "/reconcile/preview?id=", "/v1/resolve?q="]))
def test_hostile_path_segments_and_values(client, text, prefix):
    check(client.get(prefix + _pct(text)))


@given(st.binary(max_size=64))
def test_raw_bytes_in_the_query_string(client, raw):
    # A WSGI server hands the raw bytes over latin-1 decoded: invalid UTF-8 must not upset anything.
    check(client.get("/v1/resolve", environ_overrides={"QUERY_STRING": raw.decode("latin-1")}))
    check(client.get("/reconcile/suggest/entity", environ_overrides={"QUERY_STRING": raw.decode("latin-1")}))


# -- bodies ---------------------------------------------------------------------------------------------
def tag_body() -> st.SearchStrategy[bytes]:
    fields = st.fixed_dictionaries({}, optional={
        "text": st.one_of(hostile_text(20), json_values(1)),
        "doc": st.one_of(st.none(), hostile_text(3), json_values(1)),
        "min_confidence": st.one_of(st.floats(0, 1), json_values(1)),
        "convention": st.one_of(st.sampled_from(["en-dual", "az", "hy", "ru", "id", "as-of:1980:ussr", "x"]),
                                json_values(1)),
        "extra": json_values(1)})
    as_json = st.one_of(fields, json_values(2)).map(
        lambda v: json.dumps(v, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass"))
    escaped = fields.map(lambda v: json.dumps(v, ensure_ascii=True, allow_nan=True).encode())  # \ud800 escapes
    return st.one_of(as_json, as_json, escaped, st.binary(max_size=64),
                     st.sampled_from([b"", b"{", b'{"text": "\xff\xfe"}', b'{"text": "\\ud800"}',
                                      b'{"text": "a", "text": 1}', b"[" * 5000, b'"Shusha"', b"null",
                                      b'{"text": "' + "Şuşa ".encode() * 20000 + b'"}']))


@pytest.mark.parametrize("route", ["/v1/tag", "/v1/normalize"])
@given(body=tag_body(), ctype=st.sampled_from(["application/json", "application/json; charset=latin-1", "text/plain",
                                               "application/x-www-form-urlencoded", "",
                                               "application/json; charset=utf-8"]))
def test_post_bodies(client, route, body, ctype):
    resp = check(client.post(route, data=body, headers={"Content-Type": ctype} if ctype else {}))
    if resp.status_code == 200:
        out = resp.get_json()
        sent = json.loads(body)
        if route == "/v1/tag":
            for m in out["mentions"]:
                assert sent["text"][m["start"]:m["end"]] == m["text"]
        else:
            assert isinstance(out["text"], str)


FORM_VALUE = st.one_of(st.sampled_from(['{"q0":{"query":"Şuşa"}}', '{"q0":{"query":"Şuşa","type":"town"}}',
                                        '{"ids":["nkao"],"properties":[{"id":"lat"}]}']),
                       json_values(3).map(lambda v: json.dumps(v, allow_nan=True)), hostile_text(5))


@given(st.dictionaries(st.sampled_from(["queries", "extend", "callback", "x"]), FORM_VALUE, max_size=3),
       st.sampled_from(["", "?callback=cb", "?queries=x", "?_=1"]))
def test_reconcile_post_forms(client, form, suffix):
    check(client.post("/reconcile" + suffix, data={k: v.encode("utf-8", "surrogatepass") for k, v in form.items()}))


@given(st.lists(json_values(2), max_size=3), st.integers(0, 150))
def test_reconcile_batches(client, extra, n):
    batch = {f"q{i}": {"query": PLACE_BITS[i % len(PLACE_BITS)]} for i in range(n)}
    for i, v in enumerate(extra):
        batch[f"x{i}"] = v
    resp = check(client.post("/reconcile", data={"queries": json.dumps(batch, allow_nan=True)}))
    if len(batch) > 100:
        assert resp.status_code == 413 or (extra and resp.status_code == 400)  # bad JSON may be found first


# -- methods and every registered rule ---------------------------------------------------------------
@given(st.data())
def test_every_rule_and_method(client, data):
    rules = sorted((r.rule, tuple(sorted(r.methods))) for r in client.application.url_map.iter_rules())
    rule, methods = data.draw(st.sampled_from(rules))
    path = rule
    for arg in ("<place_id>", "<path:filename>", "<any(entity, type, property):what>"):
        path = path.replace(arg, _pct(data.draw(st.one_of(st.sampled_from(["stepanakert", "entity", "web.css"]),
                                                            hostile_text(3)))))
    method = data.draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"]))
    qs = data.draw(query_string(["q", "id", "text", "convention", "limit"]))
    body = data.draw(st.one_of(st.just(b""), st.binary(max_size=32), tag_body()))
    resp = client.open(path, method=method, data=body, environ_overrides={"QUERY_STRING": qs})
    json_route = path.startswith(("/v1", "/reconcile")) and not path.startswith("/reconcile/preview")
    check(resp, json_route=json_route and resp.mimetype != "text/html", head=method == "HEAD")
    if method not in methods and method != "HEAD":
        assert resp.status_code in (404, 405)
