"""Shared fixtures: a tiny dataset written fresh for each test, and a Gazetteer over it."""
from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from gazetteer.schema import MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# A handful of places that exercise the hard cases: scripts, Turkic i, ə, renamings, homonyms.
MINI_PLACES = [
    # id, kind, lat, lon, country, population
    ("azerbaijan", "country", 40.295, 47.528, "AZ", None),
    ("nkao", "former_autonomous_oblast", 39.9, 46.7, None, None),
    ("shusha-district", "district", 39.76, 46.75, "AZ", None),
    ("shusha-town", "town", 39.7583, 46.7484, "AZ", 4000),
    ("stepanakert", "city", 39.8177, 46.7528, "AZ", 55000),
    ("aghdam-town", "town", 39.9911, 46.9297, "AZ", 0),
    ("aghdam-tovuz", "village", 40.9167, 45.6333, "AZ", 800),
    ("tartar-town", "town", 40.3418, 46.9320, "AZ", 18000),
    ("qubadli-town", "town", 39.3444, 46.5818, "AZ", None),
]
MINI_NAMES = [
    # place, text, lang, type, used_by, from, to, preferred
    ("azerbaijan", "Azərbaycan", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("azerbaijan", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("nkao", "Nagorno-Karabakh Autonomous Oblast", "en", "historical", "ussr", "1923", "1991", "1"),
    ("nkao", "NKAO", "en", "abbreviation", "", "1923", "1991", "0"),
    ("shusha-district", "Şuşa rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("shusha-town", "Şuşa", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("shusha-town", "Шуша", "ru", "exonym", "russia;ussr", "", "", "1"),
    ("shusha-town", "Շուշի", "hy", "official", "armenia;artsakh", "", "", "1"),
    ("shusha-town", "Shusha", "en", "exonym", "international", "", "", "1"),
    ("shusha-town", "Shushi", "en", "exonym", "international", "", "", "0"),
    ("stepanakert", "Xankəndi", "az-Latn", "official", "azerbaijan", "1991", "", "1"),
    ("stepanakert", "Ստեփանակերտ", "hy", "official", "armenia;artsakh", "", "", "1"),
    ("stepanakert", "Степанакерт", "ru", "historical", "ussr", "1923", "1991", "1"),
    ("stepanakert", "Stepanakert", "en", "exonym", "international", "", "", "1"),
    ("stepanakert", "Khankendi", "en", "historical", "russian-empire", "", "1923", "0"),
    ("aghdam-town", "Ağdam", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("aghdam-town", "Aghdam", "en", "exonym", "international", "", "", "1"),
    ("aghdam-tovuz", "Ağdam", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("aghdam-tovuz", "Aghdam", "en", "exonym", "international", "", "", "1"),
    ("tartar-town", "Tərtər", "az-Latn", "official", "azerbaijan", "1991", "", "1"),
    ("tartar-town", "Mir-Bəşir", "az-Latn", "historical", "azssr", "1949", "1991", "0"),
    ("tartar-town", "Mir-Bashir", "en", "historical", "ussr", "1949", "1991", "0"),
    ("tartar-town", "Тертер", "ru", "exonym", "russia", "", "", "1"),
    ("qubadli-town", "Qubadlı", "az-Latn", "official", "azerbaijan", "", "", "1"),
]
MINI_MEMBERSHIPS = [
    ("shusha-town", "shusha-district", "azerbaijan", "1991", ""),
    ("shusha-town", "nkao", "ussr", "1923", "1991"),
    ("stepanakert", "nkao", "ussr", "1923", "1991"),
    ("shusha-district", "azerbaijan", "azerbaijan", "1991", ""),
]


def write_dataset(folder: Path, places=MINI_PLACES, names=MINI_NAMES, memberships=MINI_MEMBERSHIPS) -> Path:
    """Write a dataset (our column layout) into ``folder`` with the real vocabularies."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data" / "vocab", folder / "vocab", dirs_exist_ok=True)
    with (folder / "places.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(PLACE_COLUMNS)
        for pid, kind, lat, lon, cc, pop in places:
            w.writerow([pid, kind, lat, lon, cc or "", "", "", "", "", pop if pop is not None else "", "editorial",
                        "test fixture"])
    with (folder / "toponyms.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(NAME_COLUMNS)
        for pid, text, lang, typ, used, a, b, pref in names:
            w.writerow([pid, text, lang, typ, used, a, b, "", pref, "editorial", "", "test fixture"])
    with (folder / "memberships.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(MEMBERSHIP_COLUMNS)
        for child, parent, auth, a, b in memberships:
            w.writerow([child, parent, auth, a, b, "", "editorial", "test fixture"])
    return folder



def gazetteer_of(tmp_path_factory, label: str, places, names, memberships=()):
    """A Gazetteer over a tiny dataset of a test module's own (for a module-scoped fixture)."""
    from gazetteer import Gazetteer

    base = tmp_path_factory.mktemp(label)
    data = write_dataset(base / "data", places, names, list(memberships))
    return Gazetteer(f"sqlite:///{base / 'gz.sqlite'}", data_dir=data)

@pytest.fixture
def mini_data(tmp_path) -> Path:
    return write_dataset(tmp_path / "data")


@pytest.fixture
def mini_db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'gz.sqlite'}"


@pytest.fixture
def gz(mini_data, mini_db):
    from gazetteer import Gazetteer

    return Gazetteer(mini_db, data_dir=mini_data)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Tests never touch the user's real database."""
    monkeypatch.setenv("GAZETTEER_DB", f"sqlite:///{tmp_path / 'default.sqlite'}")
    monkeypatch.delenv("GAZETTEER_DATA_DIR", raising=False)


def pytest_report_header(config):
    return [f"postgres: {'GAZETTEER_TEST_PG_URL set' if os.environ.get('GAZETTEER_TEST_PG_URL') else 'not set (postgres tests skipped)'}"]


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> str:
    """One database of the full data/ for the whole run (built once, ~8 s)."""
    if not (ROOT / "data" / "places.csv").exists():
        pytest.skip("data/ has not been generated")
    from gazetteer.build import build

    url = f"sqlite:///{tmp_path_factory.getbasetemp() / 'real.sqlite'}"
    build(ROOT / "data", url)
    return url


@pytest.fixture(scope="session")
def real_gz(real_db):
    from gazetteer import Gazetteer

    return Gazetteer(real_db, data_dir=ROOT / "data")


# -- Hypothesis profiles, and a count of the inputs the property tests tried ------------------------------
# `ci` (default) keeps every run fast; `HYPOTHESIS_PROFILE=nightly python -m pytest` sizes the property
# tests that take their size from the profile (tests/test_fuzz_*.py) to well over 100,000 inputs.
# The summary line at the end of a run says how many inputs were tried.
import collections
import functools

from hypothesis import HealthCheck, settings as _hsettings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
_hsettings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=_SLOW_OK,
                            print_blob=True)
_hsettings.register_profile("nightly", max_examples=4000, deadline=None, suppress_health_check=_SLOW_OK,
                            print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_hsettings.load_profile(HYPOTHESIS_PROFILE)

INPUTS_TRIED: collections.Counter = collections.Counter()


def pytest_collection_modifyitems(items):
    for item in items:
        handle = getattr(getattr(item, "obj", None), "hypothesis", None)
        if handle is None or getattr(handle.inner_test, "_counted", False):
            continue
        inner, key = handle.inner_test, item.nodeid.split("::")[0]

        @functools.wraps(inner)
        def counted(*args, __inner=inner, __key=key, **kwargs):
            INPUTS_TRIED[__key] += 1
            return __inner(*args, **kwargs)

        counted._counted = True
        handle.inner_test = counted


def pytest_terminal_summary(terminalreporter):
    if INPUTS_TRIED:
        fuzz = sum(n for k, n in INPUTS_TRIED.items() if "test_fuzz_" in k)
        terminalreporter.write_line(
            f"hypothesis ({HYPOTHESIS_PROFILE}): {sum(INPUTS_TRIED.values())} inputs tried by property "
            f"tests, {fuzz} of them in tests/test_fuzz_*.py")
