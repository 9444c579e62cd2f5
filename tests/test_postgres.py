"""The same library over a real PostgreSQL (GAZETTEER_TEST_PG_URL; .ci/run starts one)."""
import os

import pytest
from sqlalchemy import create_engine, text

from gazetteer import Gazetteer
from gazetteer.build import build
from gazetteer.errors import DataError
from conftest import MINI_NAMES

PG = os.environ.get("GAZETTEER_TEST_PG_URL")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG, reason="GAZETTEER_TEST_PG_URL not set")]


def _names_in_pg():
    engine = create_engine(PG)
    try:
        with engine.connect() as conn:
            return conn.execute(text("select count(*) from names")).scalar()
    finally:
        engine.dispose()


@pytest.mark.parametrize("query,place", [("Şuşa", "shusha-town"), ("ШУША", "shusha-town"), ("XANKƏNDİ", "stepanakert"),
                                         ("Շուշի", "shusha-town"), ("mir bashir", "tartar-town")])
def test_resolve_on_postgres(mini_data, query, place):
    gz = Gazetteer(PG, data_dir=mini_data)
    assert gz.resolve(query)[0].place.id == place
    assert _names_in_pg() == len(MINI_NAMES)


def test_failed_build_leaves_postgres_intact(mini_data):
    build(mini_data, PG)
    with (mini_data / "toponyms.csv").open("a", encoding="utf-8") as fh:
        fh.write("shusha-town,Shusha,hy,official,,,,,,editorial,,bad\n")
    with pytest.raises(DataError):
        build(mini_data, PG)
    assert _names_in_pg() == len(MINI_NAMES)


def test_failure_mid_write_rolls_back(mini_data, monkeypatch):
    build(mini_data, PG)
    import gazetteer.build as b
    real = b._fill

    def half(conn, ds, version):
        real(conn, ds, version)
        raise RuntimeError("connection lost")
    monkeypatch.setattr(b, "_fill", half)
    with pytest.raises(RuntimeError):
        build(mini_data, PG)
    assert _names_in_pg() == len(MINI_NAMES)
