"""Gazetteer.nearby and GET /v1/nearby: right answers, in order, without scanning every place."""
import math
import random

import pytest

from gazetteer import InvalidQuery
from gazetteer.records import Place
from gazetteer import spatial
from gazetteer.spatial import SpatialIndex, haversine_km


def test_haversine_known_distances():
    assert haversine_km(40, 45, 41, 45) == pytest.approx(111.195, abs=0.01)  # one degree of latitude
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * spatial.EARTH_RADIUS_KM)
    assert haversine_km(39.8177, 46.7528, 39.8177, 46.7528) == 0


def _random_places(n, seed=7):
    rnd = random.Random(seed)
    return [Place(f"p{i}", "village", round(rnd.uniform(38.3, 41.9), 5), round(rnd.uniform(43.4, 50.4), 5))
            for i in range(n)] + [Place("nowhere", "village", None, None)]


def test_grid_agrees_with_a_full_scan():
    places = _random_places(3000)
    grid = SpatialIndex(places)
    assert len(grid) == 3000
    rnd = random.Random(1)
    for _ in range(50):
        lat, lon, radius = rnd.uniform(38, 42), rnd.uniform(43, 51), rnd.choice([0.5, 5, 30, 200, 1000])
        want = sorted(((haversine_km(lat, lon, p.lat, p.lon), p.id) for p in places if p.lat is not None),
                      key=lambda t: (t[0], t[1]))
        want = [pid for d, pid in want if d <= radius][:25]
        assert [n.place.id for n in grid.nearby(lat, lon, radius, 25)] == want


def test_a_query_visits_only_nearby_places(monkeypatch):
    grid = SpatialIndex(_random_places(20000))
    calls = []
    real = spatial.haversine_km
    monkeypatch.setattr(spatial, "haversine_km", lambda *a: calls.append(1) or real(*a))
    found = grid.nearby(40.0, 46.5, 5, 10)
    assert found and len(calls) < 200  # a full scan would be 20,000


def test_gazetteer_nearby(gz):
    found = gz.nearby(39.76, 46.75, radius_km=20)
    assert [n.place.id for n in found] == ["shusha-district", "shusha-town", "stepanakert", "nkao"]
    assert found[1].distance_km == pytest.approx(0.233, abs=0.001)
    assert [n.place.id for n in gz.nearby(39.76, 46.75, radius_km=20, kind="locality")] == ["shusha-town",
                                                                                              "stepanakert"]
    assert [n.place.id for n in gz.nearby(39.76, 46.75, radius_km=20, kind="city")] == ["stepanakert"]
    assert len(gz.nearby(39.76, 46.75, radius_km=1000, limit=3)) == 3
    assert gz.nearby(0, 0, radius_km=100) == []


@pytest.mark.parametrize("kw", [dict(lat=91, lon=0), dict(lat=0, lon=181), dict(lat=0, lon=0, radius_km=-1),
                                dict(lat=0, lon=0, radius_km=5000), dict(lat=0, lon=0, limit=0),
                                dict(lat=float("nan"), lon=0), dict(lat="40", lon=46)])
def test_nearby_rejects_bad_input(gz, kw):
    lat, lon = kw.pop("lat"), kw.pop("lon")
    with pytest.raises(InvalidQuery):
        gz.nearby(lat, lon, **kw)


@pytest.fixture
def client(mini_data, mini_db):
    from api import create_app

    return create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data), "TESTING": True}).test_client()


def test_nearby_route(client):
    body = client.get("/v1/nearby?lat=39.76&lon=46.75&radius=10&kind=locality&limit=5").get_json()
    assert [(x["id"], x["distance_km"]) for x in body["results"]] == [("shusha-town", 0.233), ("stepanakert", 6.42)]
    assert body["results"][0]["name"]


@pytest.mark.parametrize("query,param", [("lon=46", "lat"), ("lat=x&lon=46", "lat"), ("lat=40&lon=200", "lon"),
                                         ("lat=40&lon=46&radius=5000", "radius"), ("lat=40&lon=46&limit=0", "limit"),
                                         ("lat=40&lon=46&lat=41", "lat"), ("lat=40&lon=46&colour=red", "colour")])
def test_nearby_route_errors(client, query, param):
    r = client.get("/v1/nearby?" + query)
    assert r.status_code == 400
    assert r.get_json()["error"]["parameter"] == param


def test_nearby_command(mini_data, mini_db, capsys):
    from gazetteer.cli import main

    assert main(["--db", mini_db, "--data-dir", str(mini_data), "nearby", "39.76", "46.75", "--kind", "city"]) == 0
    assert capsys.readouterr().out == "stepanakert\tcity\t6.420 km\n"
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "nearby", "0", "0"]) == 1
    assert main(["--db", mini_db, "--data-dir", str(mini_data), "nearby", "0", "0", "--radius", "5000"]) == 2
