"""Embedding the library: importing is cheap (no Flask, no data), and the public API is typed."""
import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_loads_no_flask_and_no_data():
    code = ("import sys, gazetteer\n"
            "assert 'flask' not in sys.modules, 'flask imported'\n"
            "gz = gazetteer.Gazetteer('sqlite:////nonexistent/never.sqlite')\n"
            "assert gz._index is None\n"
            "import gazetteer.export, gazetteer.spatial, gazetteer.reconcile\n"
            "assert 'flask' not in sys.modules, 'flask imported by an embedding module'\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_py_typed_ships_with_the_package():
    assert (ROOT / "gazetteer" / "py.typed").exists()
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    assert "py.typed" in cfg["options.package_data"]["gazetteer"]


def test_public_api_is_annotated():
    import inspect

    import gazetteer

    for name in ("get", "place", "lookup", "resolve", "names", "parents", "children", "places", "nearby",
                 "export", "describe"):
        sig = inspect.signature(getattr(gazetteer.Gazetteer, name))
        assert sig.return_annotation is not inspect.Signature.empty, name
    for name in ("Gazetteer", "Place", "Name", "Membership", "Result", "GazetteerError", "PlaceNotFound",
                 "InvalidQuery"):
        assert name in gazetteer.__all__
