"""Where the data files and the default database live."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "caucasus-gazetteer"


def default_data_dir() -> Path:
    """``$GAZETTEER_DATA_DIR``, else the checkout's ``data/``, else the installed copy."""
    env = os.environ.get("GAZETTEER_DATA_DIR")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / "toponyms.csv").exists():
        return checkout
    return Path(sys.prefix) / "share" / APP_NAME / "data"


def default_db_url() -> str:
    """``$GAZETTEER_DB``, else a SQLite file in the user's data directory."""
    env = os.environ.get("GAZETTEER_DB")
    if env:
        return env if "://" in env else f"sqlite:///{Path(env).resolve()}"
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir(APP_NAME)) / 'gazetteer.sqlite'}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases and memory."""
    if not url.startswith("sqlite:///"):
        return None
    rest = url[len("sqlite:///"):].split("?", 1)[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest.removeprefix("file:"))
