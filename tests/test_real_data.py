"""Resolution on the full dataset: the cases the issues name, through the CLI contract too."""
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("query", ["Şuşa", "Шуша", "Շուշի", "SHUSHA", "shusha", "Shushi", "Schuscha", "Choucha"])
def test_shusha(real_gz, query):
    assert real_gz.resolve(query)[0].place.id in {"shusha-town", "shusha-district"}
    assert "shusha-town" in [r.place.id for r in real_gz.resolve(query, limit=3)]


@pytest.mark.parametrize("query", ["Xankəndi", "XANKƏNDİ", "Xankendi", "Khankendi", "Stepanakert", "Ստեփանակերտ",
                                   "Степанакерт", "Ханкенди", "Stepanakret"])
def test_stepanakert(real_gz, query):
    assert real_gz.resolve(query)[0].place.id == "stepanakert"


@pytest.mark.parametrize("query", ["Kelbadjar", "Kalbajar", "Kəlbəcər", "Kelbecer", "Karvachar", "K'arvach'ar",
                                   "Qarvachar", "Кельбаджар", "Քարվաճառ"])
def test_kalbajar(real_gz, query):
    assert real_gz.resolve(query)[0].place.id in {"kalbajar-town", "kalbajar-district"}


@pytest.mark.parametrize("query", ["Dzhebrail", "Jebrail", "Jabrayil", "Cəbrayıl", "Djabraïl", "Джебраил"])
def test_jabrayil(real_gz, query):
    assert real_gz.resolve(query)[0].place.id in {"jabrayil-town", "jabrayil-district"}


@pytest.mark.parametrize("query", ["Khodjaly", "Xocalı", "Hocalı", "Khojaly", "Ходжалы"])
def test_khojaly(real_gz, query):
    assert real_gz.resolve(query)[0].place.id in {"khojaly-town", "khojaly-district"}


@pytest.mark.parametrize("query,place", [("Mir-Bashir", "tartar-town"), ("Kirovabad", "ganja"),
                                         ("Elisavetpol", "ganja"), ("Leninakan", "gyumri"),
                                         ("Kirovakan", "vanadzor"), ("Madagiz", "mataghis"),
                                         ("Karintak", "karintak"), ("Daşaltı", "karintak")])
def test_historical_and_unrelated_names(real_gz, query, place):
    assert real_gz.resolve(query)[0].place.id == place


def test_aghdam_town_before_the_village_in_tovuz(real_gz):
    ids = [r.place.id for r in real_gz.resolve("Aghdam", limit=10)]
    tovuz_villages = [i for i in ids if i.startswith(("wof-", "geonames-"))]
    assert ids.index("aghdam-town") < min((ids.index(i) for i in tovuz_villages), default=99)


def _cli(*args, stdin=None):
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "gazetteer", *args], capture_output=True, text=True,
                          input=stdin, env=env, timeout=300)


def test_cli_resolve_json_on_the_full_data(real_db):
    queries = ["Şuşa", "Шуша", "Շուշի", "SHUSHA", "shusha", "Xankəndi", "XANKƏNDİ"]
    p = _cli("--db", real_db, "resolve", "--json", "--limit", "3", stdin="\n".join(queries) + "\n")
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["query"] for x in lines] == queries
    want = {"Xankəndi": "stepanakert", "XANKƏNDİ": "stepanakert"}
    for x in lines:
        ids = [r["id"] for r in x["results"]]
        assert want.get(x["query"], "shusha-town") in ids


def _readme_cli_examples():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"<!-- example: cli -->\n```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        cmd, expected = lines[0].removeprefix("$ "), "\n".join(lines[1:])
        out.append((cmd, expected))
    return out


@pytest.mark.parametrize("cmd,expected", _readme_cli_examples())
def test_readme_cli_examples_print_what_the_readme_says(real_db, cmd, expected):
    import shlex

    argv = shlex.split(cmd)
    assert argv[0] == "gazetteer"
    p = _cli("--db", real_db, *argv[1:])
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == expected.strip()


def _readme_http_examples():
    """``curl -s --get URL [--data-urlencode K=V | -d K=V] ...`` lines and the JSON under them."""
    import shlex
    from urllib.parse import urlencode

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for cmd, body in re.findall(r"<!-- example: http -->\n```console\n\$ (curl [^\n]+)\n(.*?)\n```", text, re.S):
        argv = shlex.split(cmd)
        url = next(a for a in argv if a.startswith("http://127.0.0.1:8000"))
        params = [tuple(argv[i + 1].split("=", 1)) for i, a in enumerate(argv) if a in ("-d", "--data-urlencode")]
        path = url.removeprefix("http://127.0.0.1:8000") + ("?" + urlencode(params) if params else "")
        out.append((path, body))
    return out


def test_readme_has_http_examples():
    assert _readme_http_examples()


@pytest.mark.parametrize("path,expected", _readme_http_examples())
def test_readme_http_examples_answer_what_the_readme_says(real_db, path, expected):
    from api import create_app

    app = create_app({"GAZETTEER_DB": real_db, "GAZETTEER_DATA_DIR": str(ROOT / "data")})
    resp = app.test_client().get(path)
    assert resp.status_code == 200
    assert resp.get_json() == json.loads(expected)


def test_precomputed_ranking_equals_the_full_path_on_the_full_data(real_db):
    # A separate Gazetteer: the shared one must keep its full path for the other tests.
    import random

    from gazetteer import Gazetteer

    gz = Gazetteer(real_db, data_dir=ROOT / "data")
    rng = random.Random(5)
    texts = rng.sample(sorted(gz.index.exact), 3000)
    queries = texts + [t.lower() for t in texts[:500]] + [t.upper() for t in texts[500:1000]]

    def dump(q):
        return [(r.place.id, r.name, r.score, r.matched.text, r.stage, r.why) for r in gz.resolve(q, limit=10)]

    before = [dump(q) for q in queries]
    gz.prepare_for_serving()
    assert len(gz.index.plain_ranks) > 20_000
    assert [dump(q) for q in queries] == before
    assert [dump(q) for q in queries] == before  # again, from the kept results


@pytest.mark.parametrize("query,place", [
    ("Kalbajar-Lachin", "wof-1108808607"),  # known only as Кельбаджар-Лачинский экономический район
    ("Guba-Khachmaz", "wof-1108808623"),    # Губа-Хачмазский экономический район
])
def test_russian_place_adjectives_read_back_as_names(real_gz, query, place):
    assert place in [r.place.id for r in real_gz.resolve(query, limit=3)]


def test_a_generic_match_still_lets_typos_by_sound_in(real_gz):
    # Karyagin: the district by its adjective (Карягинский район), the town by sound (Karyagino)
    ids = [r.place.id for r in real_gz.resolve("Karyagin", limit=5)]
    assert "fuzuli-district" in ids and "fuzuli-town" in ids


@pytest.mark.parametrize("text,place", [
    ("Şuşa şəhərində muzey açılıb.", "shusha-town"),  # WOF's 'Şuşa Şəhəri' is the town's record
    ("Şuşa rayonunda", "shusha-district"),
    ("Гадрутский район был образован в 1930 году.", "hadrut-district"),  # the Soviet raion
    ("the valley of the Karkar river", None),  # a river the data lack; not the villages of Karkar
])
def test_tagging_the_full_data(real_gz, text, place):
    mentions = real_gz.tag(text)
    assert [m.id for m in mentions] == ([place] if place else [])
