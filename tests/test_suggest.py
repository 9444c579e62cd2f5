import json

import pytest

from api import create_app
from gazetteer import InvalidQuery
from gazetteer.cli import main


@pytest.mark.parametrize("prefix,first", [
    ("Şu", "shusha-town"), ("SHU", "shusha-town"), ("Шу", "shusha-town"), ("Շու", "shusha-town"),
    ("Xank", "stepanakert"), ("Степ", "stepanakert"), ("Stepan", "stepanakert"), ("Mir-B", "tartar-town"),
])
def test_prefix_in_any_script(gz, prefix, first):
    assert gz.suggest(prefix)[0]["id"] == first


def test_prefix_reaches_transliterations(gz):
    # only Cyrillic "Шуша" and Latin names are stored; Schusch is its German transliteration
    items = gz.suggest("Schusch")
    assert items and items[0]["id"] == "shusha-town"
    assert items[0]["matched"]["stage"] == "transliteration"


def test_complete_names_first_and_one_entry_per_place(gz):
    items = gz.suggest("Aghdam")
    assert [i["id"] for i in items] == ["aghdam-town", "aghdam-tovuz"]
    assert all(i["matched"]["complete"] for i in items)


def test_label_in_the_script_typed(gz):
    assert gz.suggest("Շու")[0]["name"] == "Շուշի"
    assert gz.suggest("Шу")[0]["name"] == "Шуша"
    assert gz.suggest("Şu", lang="hy")[0]["name"] == "Շուշի"


def test_kind_and_limit(gz):
    assert [i["id"] for i in gz.suggest("Agh", kind="village")] == ["aghdam-tovuz"]
    assert len(gz.suggest("a", limit=1)) == 1
    with pytest.raises(InvalidQuery):
        gz.suggest("")


def test_route(mini_data, mini_db):
    c = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)}).test_client()
    body = c.get("/v1/suggest?q=Xank").get_json()
    assert body["query"] == "Xank" and body["suggestions"][0]["id"] == "stepanakert"
    assert c.get("/v1/suggest?q=x&limit=51").get_json()["error"]["parameter"] == "limit"
    assert c.get("/v1/suggest").status_code == 400


@pytest.mark.parametrize("query,scheme,expected", [
    ("Շուշի", "hy-Latn-t-hy-m0-bgn", "Shushi"), ("Шуша", "de-Latn-t-ru-x0-duden", "Schuscha"),
    ("Kəlbəcər", "en-Latn-t-az-x0-press", "Kalbajar"),
])
def test_transliterate_route_one_scheme(mini_data, mini_db, query, scheme, expected):
    c = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)}).test_client()
    body = c.get("/v1/transliterate", query_string={"text": query, "scheme": scheme}).get_json()
    assert body["results"] == [{"scheme": scheme, "text": expected}]


def test_transliterate_route_every_scheme_and_errors(mini_data, mini_db):
    c = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data)}).test_client()
    body = c.get("/v1/transliterate?text=Шуша").get_json()
    assert body["from"] == "ru" and {"scheme": "fr-Latn-t-ru-x0-fr", "text": "Choucha"} in body["results"]
    err = c.get("/v1/transliterate?text=x&scheme=klingon").get_json()["error"]
    assert err["parameter"] == "scheme" and "hy-Latn-t-hy-m0-bgn" in err["message"]
    assert c.get("/v1/transliterate").status_code == 400


def test_cli(capsys, mini_data, mini_db, monkeypatch):
    monkeypatch.setenv("GAZETTEER_DATA_DIR", str(mini_data))
    monkeypatch.setenv("GAZETTEER_DB", mini_db)
    assert main(["suggest", "Xank", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suggestions"][0]["id"] == "stepanakert"
    assert main(["transliterate", "Շուշի", "--scheme", "hy-Latn-t-hy-x0-press"]) == 0
    assert capsys.readouterr().out.strip() == "Շուշի\thy-Latn-t-hy-x0-press\tShushi"
    assert main(["transliterate", "x", "--scheme", "nope"]) == 2
    assert "valid schemes" in capsys.readouterr().err
    assert main(["transliterate", "--list"]) == 0
    assert "ru-Latn-t-ru-m0-bgn" in capsys.readouterr().out


@pytest.mark.parametrize("text,scheme,expected", [
    ("Stepanakert", "ru-Cyrl-t-ru-latn-x0-search", "Степанакерт"),  # plain Latin: the reverse-search schemes
    ("مختاریه", "und-Latn-t-und-arab-x0-letters", "mkhtaryh"),  # Arabic script is told by its letters
    ("ქალაქი", "ka-Latn-t-ka-m0-bgn", "kalaki"),
    ("Həsənabad", "ru-Cyrl-t-az-x0-practical", "Гасанабад"),
])
def test_cli_transliterates_by_every_scheme_of_the_detected_script(capsys, text, scheme, expected):
    assert main(["transliterate", text]) == 0
    out, err = capsys.readouterr()
    assert f"{text}\t{scheme}\t{expected}" in out.splitlines() and err == ""


def test_cli_says_when_no_scheme_reads_a_text(capsys):
    assert main(["transliterate", "漢字", "Шуша"]) == 1  # one text no scheme reads: exit 1, the rest still out
    out, err = capsys.readouterr()
    assert "Шуша\tru-Latn-t-ru-m0-bgn\tShusha" in out.splitlines() and "漢字" not in out
    assert err.strip() == "gazetteer: no scheme reads '漢字'; give --from or --scheme (see --list)"
