"""The key tables cached on disk: building them from 35k names takes seconds in Python, loading
them a tenth of a second. The cache is keyed by the data version and a hash of the tagging
tables (inflection, rules, context), so editing either rebuilds it; it is written atomically.

Location: ``$GAZETTEER_CACHE_DIR``, else beside a SQLite database file, else the user cache dir.
``gazetteer build`` writes it (``prepare``), so every later start only loads it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .keytable import KeyTable, build_keytable

HERE = Path(__file__).parent
FORMAT = 5  # bump when KeyTable changes shape


def _tables_hash() -> str:
    h = hashlib.sha256(str(FORMAT).encode())
    # everything the tables are made from besides the index: rules, inflection tables and code,
    # the scan fold (the transliteration schemes are in the data version, the other half of the key)
    files = (list(HERE.glob("*.toml")) + list(HERE.glob("inflection/*.toml"))
             + [HERE / "keytable.py", HERE / "inflection.py", HERE / "textfold.py", HERE / "context.py"])
    for p in sorted(files):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_dir(db_url: str | None) -> Path | None:
    env = os.environ.get("GAZETTEER_CACHE_DIR")
    if env:
        return Path(env)
    if db_url and db_url.startswith("sqlite:///") and ":memory:" not in db_url:
        return Path(db_url[len("sqlite:///"):].split("?", 1)[0]).parent
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("caucasus-gazetteer"))
    except Exception:  # no cache at all is fine
        return None


def _path(data_version: str | None, db_url: str | None) -> Path | None:
    folder = cache_dir(db_url) if data_version else None
    return folder / f"tagger-{data_version[:16]}-{_tables_hash()}.pickle" if folder is not None else None


def read_keytable(data_version: str | None, db_url: str | None) -> KeyTable | None:
    """The cached key tables of a data version, or None when there are none (yet): what a
    process that only tags reads, without loading the index (``Gazetteer.tagger``)."""
    path = _path(data_version, db_url)
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
    except Exception:  # missing, truncated, foreign or corrupt (pickle raises many kinds)
        return None
    return table if isinstance(table, KeyTable) and table.version == data_version else None


def load_keytable(index, data_version: str | None, db_url: str | None) -> KeyTable:
    table = read_keytable(data_version, db_url)
    if table is not None and len(table.names) == len(index.names):
        return table
    table = build_keytable(index)
    table.version = data_version or ""
    path = _path(data_version, db_url)
    if path is None:
        return table
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tagger-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only location: build every time
    return table


def prepare(db_url: str, data_dir) -> bool:
    """Build and write the key-table cache of a freshly built database (called at the end of
    ``gazetteer.build.build``), so that no later start pays for building it. Never fails the
    build: a cache that cannot be written is built at the first start instead."""
    try:
        from ..core import Gazetteer

        gz = Gazetteer(db_url, data_dir=data_dir, auto_build=False)
        index = gz.index
        if not gz.data_version or cache_dir(db_url) is None:
            return False
        load_keytable(index, gz.data_version, db_url)
        return True
    except Exception:  # the cache is an optimisation only
        return False
