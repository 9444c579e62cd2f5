"""Qualified names: "Aghdam, Tovuz", "Aghdam (Tovuz)" rank the Aghdam that lies in Tovuz first."""
from __future__ import annotations

import pytest

from conftest import gazetteer_of

PLACES = [
    ("azerbaijan", "country", 40.3, 47.5, "AZ", None),
    ("aghdam-town", "town", 39.99, 46.93, "AZ", 0),
    ("tovuz-district", "district", 40.99, 45.62, "AZ", None),
    ("aghdam-tovuz", "village", 41.15, 45.35, "AZ", 800),  # part of Tovuz district, 40 km from Qovlar
    ("qovlar", "town", 40.94, 45.74, "AZ", 8000),
    ("aghdam-qovlar", "village", 40.95, 45.76, "AZ", 300),  # no link, 2 km from Qovlar
    ("khojaly-district", "district", 39.93, 46.8, "AZ", None),
    ("khojaly-town", "town", 39.91, 46.79, "AZ", 6000),
]
NAMES = [
    ("azerbaijan", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("aghdam-town", "Aghdam", "en", "exonym", "international", "", "", "1"),
    ("aghdam-tovuz", "Aghdam", "en", "variant", "", "", "", "1"),
    ("aghdam-qovlar", "Aghdam", "en", "variant", "", "", "", "1"),
    ("tovuz-district", "Tovuz", "en", "exonym", "international", "", "", "1"),
    ("qovlar", "Qovlar", "en", "exonym", "international", "", "", "1"),
    ("khojaly-town", "Khojaly", "en", "exonym", "international", "", "", "1"),
    ("khojaly-district", "Khojaly (Nagorno-Karabakh)", "en", "variant", "", "", "", "1"),
]
MEMBERSHIPS = [
    ("aghdam-tovuz", "tovuz-district", "azerbaijan", "1991", ""),
    ("tovuz-district", "azerbaijan", "azerbaijan", "1991", ""),
    ("aghdam-town", "azerbaijan", "azerbaijan", "1991", ""),
]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "qualified", PLACES, NAMES, MEMBERSHIPS)


def ids(gz, query, limit=3):
    return [r.place.id for r in gz.resolve(query, limit=limit)]


def test_a_bare_name_ranks_the_town_first(gz):
    assert ids(gz, "Aghdam")[0] == "aghdam-town"


@pytest.mark.parametrize("query", ["Aghdam, Tovuz", "Aghdam (Tovuz)", "Aghdam ,  Tovuz", "aghdam, tovuz", "Aghdam, Tovuz, Azerbaijan",
                                   "Aghdam\u060c Tovuz", "Aghdam\uff0cTovuz"])  # the Arabic-script and full-width commas
def test_the_place_in_the_qualifier_comes_first(gz, query):
    results = gz.resolve(query, limit=3)
    assert results[0].place.id == "aghdam-tovuz"
    assert "(part of tovuz-district)" in results[0].why
    assert "aghdam-town" in [r.place.id for r in results]  # the others stay, after it
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


def test_a_qualifier_close_by_counts_without_a_link(gz):
    results = gz.resolve("Aghdam (Qovlar)", limit=3)
    assert results[0].place.id == "aghdam-qovlar" and "km from qovlar" in results[0].why


def test_a_stored_spelling_with_its_qualifier_wins_as_it_is(gz):
    assert ids(gz, "Khojaly (Nagorno-Karabakh)")[0] == "khojaly-district"


@pytest.mark.parametrize("query", ["Aghdam, Nowhere", "Aghdam (Nowhere)", "Aghdam (", "Aghdam,"])
def test_without_a_qualifying_place_the_ranking_is_the_names(gz, query):
    results = gz.resolve(query, limit=3)
    assert [r.place.id for r in results][:1] == ["aghdam-town"] and "; in " not in results[0].why


def test_every_place_of_the_country_is_in_it(gz):
    results = gz.resolve("Aghdam, Azerbaijan", limit=3)
    assert [r.place.id for r in results][:2] == ["aghdam-town", "aghdam-tovuz"]  # both part of it, in name order


def test_a_long_list_is_no_qualified_name(gz):
    # four qualifiers: a list of names; each qualifier would cost one more resolve
    results = gz.resolve("Aghdam, Tovuz, Tovuz, Tovuz, Azerbaijan", limit=3)
    assert all("; in " not in r.why for r in results)


def test_reconciliation_orders_a_qualified_name_the_same_way(gz):
    import json

    from api import create_app

    client = create_app({"GAZETTEER_DB": gz.url, "GAZETTEER_DATA_DIR": str(gz.data_dir)}).test_client()
    resp = client.get("/reconcile", query_string={"queries": json.dumps({"q0": {"query": "Aghdam, Tovuz", "limit": 3}})})
    assert resp.status_code == 200
    assert [c["id"] for c in resp.get_json()["q0"]["result"]][0] == "aghdam-tovuz"
