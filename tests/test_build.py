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


# -- faults: damaged files, interrupted builds, bad rows (issue 7) ------------------------------------------
import signal
import subprocess
import sys
import time

from conftest import MINI_MEMBERSHIPS, MINI_PLACES, ROOT
from gazetteer.errors import DatabaseError


def test_pages_corrupted_inside_an_intact_header_are_detected_and_rebuilt(mini_data, tmp_path):
    path = tmp_path / "a.sqlite"
    url = f"sqlite:///{path}"
    build(mini_data, url)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data) - page, page * 2):  # scribble over every other page, keep page 1
        data[start + 100:start + 400] = os.urandom(300)
    path.write_bytes(bytes(data))
    ensure_built(url, mini_data)
    assert _count_names(path) == len(MINI_NAMES)
    assert Gazetteer(url, data_dir=mini_data).lookup("Шуша").id == "shusha-town"


def test_a_database_missing_a_table_is_rebuilt_not_served(mini_data, tmp_path):
    path = tmp_path / "a.sqlite"
    url = f"sqlite:///{path}"
    build(mini_data, url)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE names")
    gz = Gazetteer(url, data_dir=mini_data)
    assert gz.lookup("Шуша").id == "shusha-town"  # rebuilt on load
    assert _count_names(path) == len(MINI_NAMES)


def test_without_auto_build_a_missing_or_damaged_database_is_a_clear_error(mini_data, tmp_path):
    path = tmp_path / "none.sqlite"
    with pytest.raises(DatabaseError, match="cannot read the database"):
        Gazetteer(f"sqlite:///{path}", data_dir=mini_data, auto_build=False).lookup("Şuşa")
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseError):
        Gazetteer(f"sqlite:///{path}", data_dir=mini_data, auto_build=False).lookup("Şuşa")


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "gazetteer", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, **kw)


def test_cli_build_with_a_bad_row_names_file_and_line_and_changes_nothing(mini_data, tmp_path):
    db = tmp_path / "a.sqlite"
    assert _cli("--db", str(db), "--data-dir", str(mini_data), "build").returncode == 0
    before = db.read_bytes()
    with (mini_data / "memberships.csv").open("a", encoding="utf-8") as fh:
        fh.write("shusha-town,atlantis,ussr,1923,1991,,editorial,bad parent\n")
    with (mini_data / "places.csv").open("a", encoding="utf-8") as fh:
        fh.write("bad id!,town,91,46,AZ,,,,,,editorial,bad\n")
    res = _cli("--db", str(db), "--data-dir", str(mini_data), "build")
    assert res.returncode == 1
    assert f"memberships.csv:{len(MINI_MEMBERSHIPS) + 2}: unknown parent_id 'atlantis'" in res.stderr
    assert f"places.csv:{len(MINI_PLACES) + 2}: " in res.stderr and "Traceback" not in res.stderr
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def _big_dataset(folder, n_places: int):
    """The mini dataset plus n generated villages with three names each: a build of several seconds."""
    from conftest import write_dataset

    def word(i: int, alphabet: str) -> str:
        out = ""
        for _ in range(4):
            i, r = divmod(i, len(alphabet))
            out += alphabet[r]
        return out

    lat, cyr, arm = "abdefgiklmnoprstuvz", "абвгдежзиклмнопрсту", "աբգդեզէըթժիլխծկհձղճմ"
    places = list(MINI_PLACES) + [(f"gen-{i}", "village", 40.0 + i / 1e5, 46.0, "AZ", None) for i in range(n_places)]
    names = list(MINI_NAMES)
    for i in range(n_places):
        w = word(i, lat)
        names += [(f"gen-{i}", "Gen" + w, "az-Latn", "official", "azerbaijan", "", "", "1"),
                  (f"gen-{i}", "Ген" + word(i, cyr), "ru", "exonym", "", "", "", "1"),
                  (f"gen-{i}", "Գ" + word(i, arm), "hy", "official", "", "", "", "1")]
    return write_dataset(folder, places=places, names=names)


def test_kill_9_mid_build_leaves_the_previous_database_intact_and_usable(mini_data, tmp_path):
    db = tmp_path / "a.sqlite"
    url = f"sqlite:///{db}"
    build(mini_data, url)
    before = db.read_bytes()
    big = _big_dataset(tmp_path / "big", 5000)
    proc = subprocess.Popen([sys.executable, "-m", "gazetteer", "--db", str(db), "--data-dir", str(big), "build"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    tmp = db.with_name(f".{db.name}.{proc.pid}.tmp")
    while not (tmp.exists() and tmp.stat().st_size > 64 * 1024):  # the new database is being written
        assert proc.poll() is None, "the build ended before it could be killed: " + proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert db.read_bytes() == before
    gz = Gazetteer(url, data_dir=mini_data, auto_build=False)
    assert gz.lookup("Шуша").id == "shusha-town" and gz.data_version == data_version(mini_data)
    assert ensure_built(url, mini_data) == data_version(mini_data) and db.read_bytes() == before
    # The next build is not blocked by the dead one's lock and clears its temporary file.
    rep = build(mini_data, url)
    assert rep.names == len(MINI_NAMES)
    assert not list(tmp_path.glob(".*.tmp"))
