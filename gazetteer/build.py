"""Validate the data files and build the database from them, atomically.

SQLite: the new database is written to a temporary file beside the old one and renamed into
place, so a failed or killed build never damages the database being served. Other databases
(PostgreSQL): one transaction drops and refills the tables (DDL is transactional there).
"""
from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, insert, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from .errors import DatabaseError, DataError
from .keys import keys_for
from .models import Base, MembershipModel, MetaModel, NameModel, PlaceModel, SearchKeyModel
from .paths import default_data_dir, default_db_url, sqlite_path
from .schema import Dataset, load_dataset

SCHEMA_VERSION = "1"
DATA_FILES = ("places.csv", "toponyms.csv", "memberships.csv", "vocab/kinds.csv",
              "vocab/languages.csv", "vocab/authorities.csv")


@dataclass
class BuildReport:
    url: str
    data_version: str
    places: int
    names: int
    memberships: int
    search_keys: int
    seconds: float


def data_version(data_dir: Path | str | None = None) -> str:
    """Content hash of the data files and of the index code version."""
    data_dir = Path(data_dir or default_data_dir())
    h = hashlib.sha256(f"schema {SCHEMA_VERSION} keys {_keys_version()}\n".encode())
    for name in DATA_FILES:
        p = data_dir / name
        h.update(name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()[:16]


def _keys_version() -> str:
    """Hash of the code and tables that make search keys: changing a scheme rebuilds the index."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = [pkg / "keys.py", pkg / "fold.py", pkg / "generic.py", pkg / "generic.toml"] + \
        sorted((pkg / "translit").rglob("*.py")) + \
        sorted((pkg / "translit").rglob("*.toml"))
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def check(data_dir: Path | str | None = None) -> Dataset:
    """Validate every data file; raise DataError with every ``FILE:LINE: message``."""
    return load_dataset(data_dir or default_data_dir())


def _rows(ds: Dataset):
    places = [dict(id=p.id, kind=p.kind, lat=p.lat, lon=p.lon, country=p.country,
                   geonames_ids=";".join(map(str, p.geonames_ids)) or None,
                   wof_ids=";".join(map(str, p.wof_ids)) or None, iso3166_2=p.iso3166_2,
                   wikidata=p.wikidata, population=p.population, source=p.source, note=p.note, row=i)
              for i, p in enumerate(ds.places)]
    names, keys = [], []
    for i, n in enumerate(ds.names, start=1):
        names.append(dict(id=i, place_id=n.place_id, text=n.text, lang=n.lang, type=n.type,
                          used_by=";".join(n.used_by) or None, from_year=n.from_year, to_year=n.to_year,
                          certainty=n.certainty, preferred=n.preferred, source=n.source,
                          derived_from=n.derived_from, note=n.note))
        for key, stage, scheme in keys_for(n.text, n.lang):
            keys.append(dict(key=key, name_id=i, stage=stage, scheme=scheme))
    members = [dict(id=i, child_id=m.child_id, parent_id=m.parent_id, authority=m.authority,
                    from_year=m.from_year, to_year=m.to_year, certainty=m.certainty, source=m.source,
                    note=m.note) for i, m in enumerate(ds.memberships, start=1)]
    return places, names, members, keys


def _fill(conn, ds: Dataset, version: str) -> tuple[int, int]:
    places, names, members, keys = _rows(ds)
    for model, rows in ((PlaceModel, places), (NameModel, names), (MembershipModel, members),
                        (SearchKeyModel, keys)):
        for i in range(0, len(rows), 20000):
            conn.execute(insert(model), rows[i:i + 20000])
    meta = {"data_version": version, "schema_version": SCHEMA_VERSION,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "places": str(len(places)), "names": str(len(names))}
    conn.execute(insert(MetaModel), [{"key": k, "value": v} for k, v in meta.items()])
    return len(names), len(keys)


@contextlib.contextmanager
def _lock(path: Path):
    """Serialize builds of one SQLite file across processes (POSIX advisory lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path.with_name(path.name + ".lock"), "a+")
    try:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - non-POSIX: best effort
            pass
        yield
    finally:
        fh.close()


def build(data_dir: Path | str | None = None, url: str | None = None) -> BuildReport:
    """Validate the data and (re)build the database at ``url``. Writes nothing on bad data."""
    t0 = time.perf_counter()
    data_dir = Path(data_dir or default_data_dir())
    url = url or default_db_url()
    version = data_version(data_dir)
    ds = check(data_dir)
    path = sqlite_path(url)
    if path is not None:
        with _lock(path):
            for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):  # left by a killed build (we hold the lock)
                stale.unlink(missing_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            engine = create_engine(f"sqlite:///{tmp}")
            try:
                with engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA journal_mode=OFF")
                    conn.exec_driver_sql("PRAGMA synchronous=OFF")
                    Base.metadata.create_all(conn)
                    n_names, n_keys = _fill(conn, ds, version)
                engine.dispose()
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException:
                engine.dispose()
                tmp.unlink(missing_ok=True)
                raise
    else:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                Base.metadata.drop_all(conn)
                Base.metadata.create_all(conn)
                n_names, n_keys = _fill(conn, ds, version)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot build {_safe(url)}: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}") from exc
        finally:
            engine.dispose()
    _prepare_tagger(url, data_dir)
    return BuildReport(_safe(url), version, len(ds.places), n_names, len(ds.memberships), n_keys,
                       round(time.perf_counter() - t0, 3))


def _prepare_tagger(url: str, data_dir: Path) -> None:
    """The tagger's key tables, cached beside the database now so that no start builds them
    (seconds on the full data; see gazetteer/tagging/cache.py). Never fails the build."""
    from .tagging.cache import prepare

    prepare(url, data_dir)


def read_meta(engine: Engine) -> dict[str, str] | None:
    """The build metadata, or None when the database has none (missing, empty, foreign)."""
    try:
        if not inspect(engine).has_table("meta"):
            return None
        with engine.connect() as conn:
            return {k: v for k, v in conn.execute(select(MetaModel.key, MetaModel.value))}
    except SQLAlchemyError:
        return None


def _sqlite_ok(path: Path) -> dict[str, str] | None:
    """Meta of a readable, uncorrupted SQLite file, else None."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            if conn.execute(text("PRAGMA quick_check")).scalar() != "ok":
                return None
        if not set(Base.metadata.tables) <= set(inspect(engine).get_table_names()):
            return None  # a table is missing: rebuild rather than fail on load
        return read_meta(engine)
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def ensure_built(url: str | None = None, data_dir: Path | str | None = None) -> str:
    """Build the database when it is missing, corrupt or older than the data; return its version."""
    url = url or default_db_url()
    data_dir = Path(data_dir or default_data_dir())
    want = data_version(data_dir)
    path = sqlite_path(url)
    if path is not None:
        meta = _sqlite_ok(path)
        if meta and meta.get("data_version") == want:
            return want
        with _lock(path):  # another process may have built it while we waited
            meta = _sqlite_ok(path)
            if meta and meta.get("data_version") == want:
                return want
        build(data_dir, url)
        return want
    engine = create_engine(url)
    try:
        meta = read_meta(engine)
    finally:
        engine.dispose()
    if not meta or meta.get("data_version") != want:
        build(data_dir, url)
    return want


def serving_url(url: str) -> str:
    """The read-only form of a SQLite URL (other URLs unchanged)."""
    path = sqlite_path(url)
    if path is None:
        return url
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _safe(url: str) -> str:
    """A URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


__all__ = ["BuildReport", "build", "check", "data_version", "ensure_built", "read_meta", "serving_url",
           "DataError"]
