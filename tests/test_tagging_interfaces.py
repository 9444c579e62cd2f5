"""`gazetteer tag` / `gazetteer normalize` and POST /v1/tag, /v1/normalize, including failures."""
from __future__ import annotations

import io
import json
import sys

import pytest

from gazetteer.cli import main


@pytest.fixture
def run(gz, mini_db, mini_data, monkeypatch, capsys):
    def _run(*argv, stdin: bytes | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(["--db", mini_db, "--data-dir", str(mini_data), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


TEXT = "В Шуше и в Степанакерте.\r\n\r\nŞuşada, Xankəndidə İ Şuşa'nın.\nStepanakert's <mayor> & Aghdam\n"


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    return p


def test_jsonl_contract(run, doc):
    code, out, err = run("tag", str(doc))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 7
    for line in lines:
        rec = json.loads(line)
        assert list(rec)[:7] == ["doc", "start", "end", "text", "id", "candidates", "matched"]
        assert rec["doc"] == str(doc)
        assert TEXT[rec["start"]:rec["end"]] == rec["text"]  # code points of the file as read (\r\n kept)
        assert rec["candidates"][0] == rec["id"]
        assert {"text", "lang", "type"} <= set(rec["matched"])


def test_stdin_and_jobs_give_the_same_output(run, doc):
    _, one, _ = run("tag", str(doc))
    code, piped, err = run("tag", "-", "--jobs", "2", stdin=TEXT.encode("utf-8"))
    assert code == 0, err
    strip = [{k: v for k, v in json.loads(l).items() if k != "doc"} for l in one.splitlines()]
    assert strip == [{k: v for k, v in json.loads(l).items() if k != "doc"} for l in piped.splitlines()]


@pytest.mark.parametrize("fmt,needle", [("json", '"id":"shusha-town"'), ("csv", "doc,start,end,text,id"),
                                        ("html", '<span class="place" data-place="shusha-town"'),
                                        ("tei", '<placeName ref="#stepanakert"')])
def test_formats(run, doc, fmt, needle):
    code, out, err = run("tag", str(doc), "--format", fmt)
    assert code == 0, err
    assert needle in out
    if fmt == "json":
        assert len(json.loads(out)) == 7
    if fmt in ("html", "tei"):
        assert "&lt;mayor&gt; &amp;" in out
    if fmt == "tei":
        import xml.etree.ElementTree as ET
        ET.fromstring(out)


def test_normalize_streams_the_text_back(run, doc):
    code, out, err = run("normalize", str(doc), "--convention", "en-hy")
    assert code == 0, err
    assert out == TEXT.replace("Шуше", "Shushi").replace("Степанакерте", "Stepanakert").replace(
        "Şuşada", "Shushi'də").replace("Xankəndidə", "Stepanakert'də").replace("Şuşa'nın", "Shushi'nin")


@pytest.mark.parametrize("argv,stdin,message,code", [
    (("normalize", "--convention", "nope"), b"x", "valid: az, hy, ru", 2),
    (("tag", "-"), b"\xff\xfe bad", "not valid UTF-8", 2),
    (("tag", "/no/such/file.txt"), None, "No such file", 1),
    (("tag", "--format", "docx"), b"", "invalid choice", 2),
    (("tag", "--jobs", "0"), b"", "--jobs", 2),
])
def test_cli_errors_are_one_line(run, argv, stdin, message, code):
    rc, out, err = run(*argv, stdin=stdin)
    assert rc == code
    assert message in err and len(err.strip().splitlines()) == 1


# -- HTTP ---------------------------------------------------------------------------------------------------
@pytest.fixture
def client(mini_db, mini_data):
    from api import create_app

    app = create_app({"TESTING": True, "GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)})
    return app.test_client()


def test_post_tag(client):
    r = client.post("/v1/tag", json={"text": "Şuşada və Xankəndidə", "doc": "d1"})
    assert r.status_code == 200
    body = r.get_json()
    assert [(m["text"], m["id"], m["doc"]) for m in body["mentions"]] == [
        ("Şuşada", "shusha-town", "d1"), ("Xankəndidə", "stepanakert", "d1")]


def test_post_normalize(client):
    r = client.post("/v1/normalize", json={"text": "в Шуше", "convention": "az"})
    assert r.status_code == 200 and r.get_json()["text"] == "в Şuşa"


@pytest.mark.parametrize("kwargs,param", [
    ({"data": b"{not json", "content_type": "application/json"}, "body"),
    ({"data": b'{"text": "\xff"}', "content_type": "application/json"}, "body"),
    ({"data": b"text=x", "content_type": "application/x-www-form-urlencoded"}, "body"),
    ({"json": ["text"]}, "body"),
    ({"json": {}}, "text"),
    ({"json": {"text": 5}}, "text"),
    ({"json": {"text": "x", "extra": 1}}, "extra"),
    ({"json": {"text": "x", "min_confidence": "high"}}, "min_confidence"),
])
def test_post_tag_errors(client, kwargs, param):
    r = client.post("/v1/tag", **kwargs)
    assert r.status_code == 400
    err = r.get_json()["error"]
    assert err["code"] == "bad_parameter" and err["parameter"] == param and err["status"] == 400


@pytest.mark.parametrize("body,param", [({"text": "x"}, "convention"), ({"text": "x", "convention": "zz"}, "convention"),
                                        ({"text": "x", "convention": 3}, "convention")])
def test_post_normalize_errors(client, body, param):
    r = client.post("/v1/normalize", json=body)
    assert r.status_code == 400 and r.get_json()["error"]["parameter"] == param


def test_oversized_body_is_413(client):
    r = client.post("/v1/tag", json={"text": "Şuşa " * 300_000})
    assert r.status_code == 413 and r.get_json()["error"]["code"] == "too_large"


def test_get_is_405(client):
    assert client.get("/v1/tag").status_code == 405


def test_routes_in_openapi(client):
    paths = client.get("/v1/openapi.json").get_json()["paths"]
    assert "post" in paths["/v1/tag"] and "post" in paths["/v1/normalize"]


def test_build_writes_the_tagger_cache_so_starts_load_it(mini_data, tmp_path, monkeypatch):
    """``gazetteer build`` leaves the key tables beside the database: the first tagger() of a
    later start loads them and builds nothing."""
    from gazetteer import Gazetteer
    from gazetteer.build import build
    from gazetteer.tagging import cache

    monkeypatch.delenv("GAZETTEER_CACHE_DIR", raising=False)
    url = f"sqlite:///{tmp_path / 'built.sqlite'}"
    build(mini_data, url)
    assert list(tmp_path.glob("tagger-*.pickle"))

    def no_build(*a, **k):
        raise AssertionError("the key tables were built again")
    monkeypatch.setattr(cache, "build_keytable", no_build)
    gz = Gazetteer(url, data_dir=mini_data, auto_build=False)
    assert [m.id for m in gz.tag("в Шуше")] == ["shusha-town"]


@pytest.mark.parametrize("auto_build", [False, True])
def test_a_process_that_only_tags_never_loads_the_index(mini_data, tmp_path, monkeypatch, auto_build):
    """With the key tables of the current data cached, tagger() reads them alone: ``gazetteer
    tag`` starts without the index (half the time and memory on the full data)."""
    from gazetteer import Gazetteer
    from gazetteer.build import build
    from gazetteer.index import Index

    monkeypatch.delenv("GAZETTEER_CACHE_DIR", raising=False)
    url = f"sqlite:///{tmp_path / 'built.sqlite'}"
    build(mini_data, url)
    expected = [m.to_dict() for m in Gazetteer(url, data_dir=mini_data).tag("в Шуше и Şuşada")]

    def no_load(*a, **k):
        raise AssertionError("the index was loaded")
    monkeypatch.setattr(Index, "load", no_load)
    gz = Gazetteer(url, data_dir=mini_data, auto_build=auto_build)
    assert [m.to_dict() for m in gz.tag("в Шуше и Şuşada")] == expected
    assert gz._index is None


def test_cached_tables_of_other_data_are_not_read(mini_data, tmp_path, monkeypatch):
    """The cache file carries the data version it was built from: a file of other data under
    the expected name (copied, renamed) is ignored, and the tables are built from the index."""
    import pickle

    from gazetteer import Gazetteer
    from gazetteer.build import build
    from gazetteer.tagging import cache

    monkeypatch.delenv("GAZETTEER_CACHE_DIR", raising=False)
    url = f"sqlite:///{tmp_path / 'built.sqlite'}"
    build(mini_data, url)
    [path] = tmp_path.glob("tagger-*.pickle")
    table = pickle.loads(path.read_bytes())
    assert table.version and path.name.startswith(f"tagger-{table.version[:16]}-")
    table.version = "0" * 16
    path.write_bytes(pickle.dumps(table))
    assert cache.read_keytable(Gazetteer(url, data_dir=mini_data, auto_build=False)._current_version(), url) is None
    built = []
    real = cache.build_keytable
    monkeypatch.setattr(cache, "build_keytable", lambda index: built.append(1) or real(index))
    gz = Gazetteer(url, data_dir=mini_data, auto_build=False)
    assert [m.id for m in gz.tag("в Шуше")] == ["shusha-town"] and built == [1]


def test_reload_drops_the_tagger(mini_data, mini_db):
    from gazetteer import Gazetteer

    gz = Gazetteer(mini_db, data_dir=mini_data)
    first = gz.tagger()
    assert gz.tagger() is first
    gz.reload()
    assert gz.tagger() is not first
