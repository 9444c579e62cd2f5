"""Regression tests for the failures the fuzz tests found (each was a 500 with a traceback in the log)."""
from __future__ import annotations

import pytest

from api import create_app


@pytest.fixture
def client(mini_data, mini_db):
    return create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)}).test_client()


def _envelope(resp, status=400):
    assert resp.status_code == status, resp.data
    err = resp.get_json()["error"]
    assert set(err) == {"status", "code", "message", "parameter"} and err["status"] == status
    return err


@pytest.mark.parametrize("path", ["/v1/resolve", "/v1/health", "/reconcile/suggest/entity", "/reconcile"])
@pytest.mark.parametrize("raw", [b"\x80", b"q=\xff\xfe", b"q=\xed\xa0\x80", b"prefix=%C3\xc3"])
def test_invalid_utf8_bytes_in_the_query_string_are_a_400(client, path, raw):
    # A WSGI server passes raw query bytes on (latin-1 decoded); Werkzeug's request.args raised on them.
    resp = client.get(path, environ_overrides={"QUERY_STRING": raw.decode("latin-1")})
    err = _envelope(resp)
    assert err["code"] == "bad_parameter" and "UTF-8" in err["message"]


@pytest.mark.parametrize("route", ["/v1/tag", "/v1/normalize"])
def test_deeply_nested_json_body_is_a_400(client, route):
    # json.loads raised RecursionError (not a ValueError) on 5,000 open brackets.
    err = _envelope(client.post(route, data=b"[" * 5000, content_type="application/json"))
    assert err["parameter"] == "body"


@pytest.mark.parametrize("field", ["queries", "extend"])
def test_deeply_nested_json_in_reconcile_is_a_400(client, field):
    err = _envelope(client.post("/reconcile", data={field: "[" * 5000}))
    assert err["parameter"] == field
    err = _envelope(client.get("/reconcile", query_string={field: "{\"a\":" * 3000}))
    assert err["parameter"] == field


@pytest.mark.parametrize("text", ["ΐ", "ΰ", "ǰ", "ẖ", "ẗ", "ẘ", "ẙ", "ŉ", "Aǰ-ΐ"])
def test_fold_is_idempotent_where_casefold_spells_out_marks(text):
    # casefold("ΐ") is ι + U+0308 + U+0301: the marks survived the first fold and went in the second.
    from gazetteer.fold import fold, fold_map

    assert fold(fold(text)) == fold(text) and fold_map(text)[0] == fold(text)


@pytest.mark.parametrize("limit", ["Infinity", "-Infinity", "NaN", "1e400"])
def test_reconcile_infinite_or_nan_limit_is_a_400(client, limit):
    # json.loads reads Infinity and NaN; int(inf) raised OverflowError, int(nan) ValueError.
    resp = client.post("/reconcile", data={"queries": '{"q0": {"query": "Şuşa", "limit": %s}}' % limit})
    assert "limit" in _envelope(resp)["message"]


@pytest.mark.parametrize("junk", [b"\x80\x09xx", b"", b"\x80\x05garbage", b"(lp0\nI1\na."])
def test_a_corrupt_tagger_cache_is_rebuilt(mini_data, mini_db, tmp_path, junk):
    # A cache file starting with an unknown pickle protocol raised ValueError on every tag call.
    from gazetteer import Gazetteer

    assert Gazetteer(mini_db, data_dir=mini_data).tag("Şuşa")
    [cache] = tmp_path.glob("tagger-*.pickle")
    cache.write_bytes(junk)
    assert [m.id for m in Gazetteer(mini_db, data_dir=mini_data).tag("Şuşa")] == ["shusha-town"]
    assert cache.read_bytes() != junk


def _streamed(client, body: bytes, route="/v1/tag"):
    import io

    return client.post(route, input_stream=io.BytesIO(body), content_type="application/json",
                       environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""})


def test_a_streamed_body_over_the_limit_is_413_not_cut_short(client):
    # Werkzeug cut a chunked (no Content-Length) body at MAX_CONTENT_LENGTH without an error, so the
    # route saw a truncated body: here invalid JSON (400), for a form possibly a different request.
    body = b'{"text": "' + b"a" * (1024 * 1024) + b'"}'
    assert _envelope(_streamed(client, body), 413)["code"] == "too_large"


def test_a_streamed_body_under_the_limit_is_read_whole(client):
    body = '{"text": "в Шуше и Şuşada ' + "x" * 500_000 + ' Şuşa"}'
    resp = _streamed(client, body.encode())
    assert resp.status_code == 200
    assert [m["id"] for m in resp.get_json()["mentions"]] == ["shusha-town"] * 3


@pytest.mark.parametrize("route,body", [
    ("/v1/tag", '{"text": "Şuşa", "doc": "\\ud800"}'),
    ("/v1/tag", '{"text": "Şuşa", "\\udfff": 1}'),
    ("/v1/normalize", '{"text": "Şuşa", "convention": "\\ud800"}'),
])
def test_lone_surrogates_in_json_bodies_are_a_400(client, route, body):
    # The answer echoed them (doc, an unknown field's name, a convention) and could not be encoded.
    err = _envelope(client.post(route, data=body, content_type="application/json"))
    assert err["code"] == "bad_parameter"


@pytest.mark.parametrize("form", [
    {"queries": '{"x0": {"\\ud800": null}}'}, {"queries": '{"\\ud800": {"query": "Şuşa"}}'},
    {"extend": '{"ids": ["\\udfff"], "properties": [{"id": "lat"}]}'},
])
def test_lone_surrogates_in_reconcile_json_are_a_400(client, form):
    _envelope(client.post("/reconcile", data=form))
