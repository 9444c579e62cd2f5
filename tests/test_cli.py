import json
import subprocess
import sys

import pytest

from gazetteer.cli import main


@pytest.fixture
def env(mini_data, mini_db, monkeypatch):
    monkeypatch.setenv("GAZETTEER_DATA_DIR", str(mini_data))
    monkeypatch.setenv("GAZETTEER_DB", mini_db)
    return mini_data


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("query", ["Şuşa", "Шуша", "Շուշի", "SHUSHA", "shusha"])
def test_resolve_json_contract(env, capsys, query):
    code, out, err = run(capsys, "resolve", query, "--json")
    assert code == 0 and err == ""
    obj = json.loads(out)
    assert obj["query"] == query
    r = obj["results"][0]
    assert r["id"] == "shusha-town"
    assert set(r) >= {"id", "name", "kind", "score", "matched", "lat", "lon"}
    assert set(r["matched"]) >= {"text", "lang", "type"}


def test_resolve_reads_stdin_one_query_per_line(env, capsys, monkeypatch):
    code, out, _ = run(capsys, "resolve", "--json", "--limit", "1", stdin="Xankəndi\nXANKƏNDİ\n\nAtlantis\n",
                       monkeypatch=monkeypatch)
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["query"] for x in lines] == ["Xankəndi", "XANKƏNDİ", "Atlantis"]
    assert [x["results"][0]["id"] if x["results"] else None for x in lines] == ["stepanakert", "stepanakert", None]
    assert code == 0


def test_resolve_json_bad_line_does_not_stop_the_batch(env, capsys, monkeypatch):
    code, out, _ = run(capsys, "resolve", "--json", stdin="Şuşa\n" + "x" * 300 + "\nTərtər\n", monkeypatch=monkeypatch)
    lines = [json.loads(x) for x in out.splitlines()]
    assert "error" in lines[1] and lines[2]["results"][0]["id"] == "tartar-town"


def test_resolve_options(env, capsys):
    code, out, _ = run(capsys, "resolve", "Aghdam", "--kind", "village", "--json")
    assert [r["id"] for r in json.loads(out)["results"]] == ["aghdam-tovuz"]
    code, out, _ = run(capsys, "resolve", "Mir-Bashir", "--at", "1960", "--lang", "az-Latn", "--json")
    assert json.loads(out)["results"][0]["name"] == "Mir-Bəşir"


def test_show_json_contract(env, capsys):
    code, out, _ = run(capsys, "show", "shusha-town", "stepanakert", "--json")
    objs = [json.loads(x) for x in out.splitlines()]
    assert [o["id"] for o in objs] == ["shusha-town", "stepanakert"]
    o = objs[0]
    assert set(o) >= {"id", "kind", "lat", "lon", "names", "parents"}
    assert set(o["names"][0]) >= {"text", "lang", "type", "used_by", "from", "to", "source"}
    assert {p["id"] for p in o["parents"]} == {"shusha-district", "nkao"}


def test_show_text(env, capsys):
    code, out, _ = run(capsys, "show", "stepanakert")
    assert code == 0 and "Ստեփանակերտ" in out and "part of nkao (ussr 1923–1991)" in out


def test_build_and_check(env, capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("ok: 9 places")
    code, out, _ = run(capsys, "build")
    assert code == 0 and "24 names" in out


def test_check_reports_every_problem_and_exits_non_zero(env, capsys):
    with (env / "toponyms.csv").open("a", encoding="utf-8") as fh:
        fh.write("shusha-town,Shusha,hy,official,,,,,,editorial,,x\nnowhere,X,en,variant,,,,,,editorial,,x\n")
    code, out, err = run(capsys, "check")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith("toponyms.csv:26: ") and lines[1].startswith("toponyms.csv:27: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("argv,code,needle", [
    (["show", "atlantis"], 1, "no place with id 'atlantis'"),
    (["resolve", "x", "--limit", "0"], 2, "limit must be"),
    (["resolve", "x", "--at", "year"], 2, "invalid int value"),
    (["frobnicate"], 2, "invalid choice"),
    (["stats", "--bbox", "1,2,3"], 2, "--bbox must be"),
    (["serve", "--workers", "0"], 2, "--workers must be from 1"),
    (["serve", "--threads", "-1"], 2, "--threads must be from 1"),
    (["serve", "--port", "70000"], 2, "--port must be from 1"),
])
def test_errors_are_one_line_without_traceback(env, capsys, argv, code, needle):
    got, out, err = run(capsys, *argv)
    assert got == code
    assert len(err.strip().splitlines()) == 1 and needle in err and "Traceback" not in err


def test_no_match_exits_1(env, capsys):
    code, out, _ = run(capsys, "resolve", "Atlantis")
    assert code == 1 and "(no match)" in out


def test_console_script_and_module_entry_point(env):
    for cmd in (["gazetteer", "resolve", "Şuşa", "--json"], [sys.executable, "-m", "gazetteer", "resolve", "Şuşa", "--json"]):
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["results"][0]["id"] == "shusha-town"


def test_stats_json_within_a_unit(env, capsys):
    code, out, _ = run(capsys, "stats", "--json", "--within", "nkao")
    st = json.loads(out)
    assert code == 0 and st["places"] == 2 and st["localities"] == 2
    assert st["with_hy"] == 2 and st["with_az_latn"] == 2 and st["with_ru"] == 2
    assert st["share_names_with_source"] == 1.0


def test_stats_json_whole_dataset(env, capsys):
    code, out, _ = run(capsys, "stats", "--json")
    st = json.loads(out)
    assert st["places"] == 9 and st["names"] == 24 and st["historical_names"] == 5
    assert st["historical_names_dated"] == 5 and st["share_historical_names_dated"] == 1.0
