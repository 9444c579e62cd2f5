import os
import sqlite3

import pytest

from gazetteer import Gazetteer
from gazetteer.build import build, data_version, ensure_built
from gazetteer.errors import DataError
from conftest import MINI_NAMES, write_dataset


def _count_names(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("select count(*) from names").fetchone()[0]


def test_build_writes_every_table(mini_data, tmp_path):
    rep = build(mini_data, f"sqlite:///{tmp_path / 'a.sqlite'}")
    assert rep.names == len(MINI_NAMES) and rep.search_keys >= rep.names
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        meta = dict(conn.execute("select key, value from meta"))
    assert meta["data_version"] == data_version(mini_data)


def test_bad_row_leaves_the_previous_database_intact(mini_data, tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    build(mini_data, url)
    before = (tmp_path / "a.sqlite").read_bytes()
    with (mini_data / "toponyms.csv").open("a", encoding="utf-8") as fh:
        fh.write("shusha-town,Shusha,hy,official,,,,,,editorial,,bad script\n")
    with pytest.raises(DataError) as exc:
        build(mini_data, url)
    assert exc.value.problems[0].startswith(f"toponyms.csv:{len(MINI_NAMES) + 2}: ")
    assert (tmp_path / "a.sqlite").read_bytes() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_failure_while_writing_keeps_the_old_database(mini_data, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    build(mini_data, url)
    before = (tmp_path / "a.sqlite").read_bytes()
    import gazetteer.build as b

    def boom(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(b, "_fill", boom)
    with pytest.raises(RuntimeError):
        build(mini_data, url)
    assert (tmp_path / "a.sqlite").read_bytes() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_auto_build_on_first_use_and_rebuild_when_data_changes(mini_data, mini_db, tmp_path):
    gz = Gazetteer(mini_db, data_dir=mini_data)
    assert gz.lookup("Şuşa").id == "shusha-town"
    v1 = gz.data_version
    with (mini_data / "toponyms.csv").open("a", encoding="utf-8") as fh:
        fh.write("shusha-town,Schuscha,de,exonym,,,,,0,editorial,,German press\n")
    gz2 = Gazetteer(mini_db, data_dir=mini_data)
    assert gz2.lookup("Schuscha").id == "shusha-town"
    assert gz2.data_version != v1


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100])
def test_corrupt_or_empty_database_is_rebuilt(mini_data, tmp_path, damage):
    path = tmp_path / "a.sqlite"
    url = f"sqlite:///{path}"
    build(mini_data, url)
    path.write_bytes(damage)
    ensure_built(url, mini_data)
    assert _count_names(path) == len(MINI_NAMES)


def test_truncated_database_is_rebuilt(mini_data, tmp_path):
    path = tmp_path / "a.sqlite"
    url = f"sqlite:///{path}"
    build(mini_data, url)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    ensure_built(url, mini_data)
    assert _count_names(path) == len(MINI_NAMES)


def test_data_version_changes_with_content(tmp_path):
    a = write_dataset(tmp_path / "a")
    b = write_dataset(tmp_path / "b")
    assert data_version(a) == data_version(b)
    with (b / "places.csv").open("a") as fh:
        fh.write("\n")
    assert data_version(a) != data_version(b)
