"""``Gazetteer``: the public entry point of the library."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from . import resolve as _resolve
from .build import ensure_built, serving_url
from .errors import DatabaseError, InvalidQuery, PlaceNotFound
from .gcpause import gc_paused
from .index import Index
from .paths import default_data_dir, default_db_url
from .records import Membership, Name, Place, Result
from .vocab import load_vocab

if TYPE_CHECKING:
    from .spatial import Nearby

_T = object()  # sentinel: "no default given"


class Gazetteer:
    """Places of the South Caucasus with all their names.

    ``Gazetteer()`` uses the bundled data and a SQLite database in the user's data directory,
    built on first use; ``Gazetteer(url)`` takes any SQLAlchemy URL. Nothing is read until the
    first call that needs the data; loading is thread-safe and happens once.
    """

    def __init__(self, url: str | None = None, *, data_dir: str | Path | None = None, auto_build: bool = True):
        self.url = url or default_db_url()
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.auto_build = auto_build
        self._index: Index | None = None
        self._lock = threading.Lock()
        self._tagger_lock = threading.Lock()  # apart from _lock: making the tagger may load the index
        self.data_version: str | None = None

    # -- loading -------------------------------------------------------------------------
    @property
    def index(self) -> Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._load()
        return self._index

    def _load(self) -> Index:
        if self.auto_build:
            self.data_version = ensure_built(self.url, self.data_dir)
        engine = create_engine(serving_url(self.url))
        try:
            vocab = load_vocab(str(self.data_dir.resolve()))
            self._categories = {k: v["category"] for k, v in vocab.kinds.items()}
            self._authorities = dict(vocab.authorities)
            with gc_paused():  # (see gcpause.py)
                idx = Index.load(engine, {k: int(v["rank"]) for k, v in vocab.kinds.items()}, vocab.authority_periods)
            idx.default_scripts = {k: v for k, v in vocab.languages.items() if v}
            if self.data_version is None:
                from .build import read_meta

                self.data_version = (read_meta(engine) or {}).get("data_version")
            return idx
        except SQLAlchemyError as exc:
            raise DatabaseError(f"cannot read the database: {exc.__class__.__name__}") from exc
        finally:
            engine.dispose()

    def reload(self) -> None:
        """Drop the loaded index and tagger; the next call loads (and if needed rebuilds) again."""
        with self._tagger_lock, self._lock:
            self._index = None
            self.__dict__.pop("_tagger", None)

    # -- look-up vocabulary ----------------------------------------------------------------
    def get(self, place_id: str, default=None) -> Place | None:
        """The place with this id, or ``default``."""
        return self.index.places.get(place_id, default)

    def place(self, place_id: str) -> Place:
        """The place with this id; raises PlaceNotFound."""
        p = self.index.places.get(place_id)
        if p is None:
            raise PlaceNotFound(f"no place with id {place_id!r}")
        return p

    def lookup(self, name: str, **kw) -> Place:
        """The best place for a name; raises PlaceNotFound when nothing matches."""
        results = self.resolve(name, limit=1, **kw)
        if not results:
            raise PlaceNotFound(f"no place is called {name!r}")
        return results[0].place

    def resolve(self, query: str, *, lang: str | None = None, kind: str | Iterable[str] | None = None,
                at: int | None = None, limit: int = 10, near: tuple[float, float] | None = None) -> list[Result]:
        """Ranked places for a name in any script or spelling; each result says how it matched.
        ``near=(lat, lon)`` prefers places close to a point (two villages of one name)."""
        q = _resolve.make_query(query, lang=lang, kind=kind, at=at, limit=limit, near=near)
        idx = self.index
        return _resolve.resolve(idx, q, self._categories,
                                display=lambda pid, lg, yr: _resolve.display_name(idx, pid, lg, yr))

    def prepare_for_serving(self) -> None:
        """Build now what a long-running process would otherwise build on first use: the typo,
        word and autocomplete indexes and the option-less ranking of every stored spelling (4.4 s and
        43 MB on the full data in the latest benchmark run, the autocomplete index included; see
        ``resolve.build_plain_ranks``). Results do not change."""
        idx = self.index
        idx.fuzzy, idx.words, idx.prefixes  # noqa: B018 - built on access
        if idx.plain_ranks is None:
            idx.plain_ranks = _resolve.build_plain_ranks(idx)

    def suggest(self, prefix: str, *, lang: str | None = None, kind: str | Iterable[str] | None = None,
                limit: int = 10) -> list[dict]:
        """Autocomplete: places whose names (or their transliterations or sound) begin with
        ``prefix``, complete names first, then by importance. Each item says which name matched."""
        q = _resolve.make_query(prefix, lang=lang, kind=kind, limit=limit)
        idx = self.index
        out = []
        for s in idx.prefixes.search(q.text, idx.names, idx.places, idx.importance, limit=q.limit, kinds=q.kind,
                                     categories=self._categories):
            n = idx.names[s.name_index]
            p = idx.places[s.place_id]
            shown = _resolve.suggestion_name(idx, p.id, n, q)
            out.append({"id": p.id, "name": shown, "kind": p.kind, "lat": p.lat, "lon": p.lon,
                        "country": p.country,
                        "matched": {"text": n.text, "lang": n.lang, "type": n.type, "stage": s.stage,
                                    "scheme": s.scheme, "complete": s.complete}})
        return out

    def names(self, place_id: str, *, lang: str | None = None, at: int | None = None,
              used_by: str | None = None) -> list[Name]:
        """Every name of a place, optionally only in a language, in use in a year, or by an authority."""
        self.place(place_id)
        out = []
        for n in self.index.names_of(place_id):
            if lang and not _resolve._lang_matches(n, lang, self.index.default_scripts):
                continue
            if at is not None and not n.valid_at(at):
                continue
            if used_by and used_by not in n.used_by:
                continue
            out.append(n)
        return out

    def display_name(self, place_id: str, *, lang: str | None = None, at: int | None = None) -> str:
        self.place(place_id)
        return _resolve.display_name(self.index, place_id, lang, at) or place_id

    def parents(self, place_id: str, *, at: int | None = None, authority: str | None = None) -> list[Membership]:
        """Part-of links of a place, per authority, optionally only those valid in a year."""
        self.place(place_id)
        return [m for m in self.index.parents.get(place_id, ())
                if (at is None or m.valid_at(at)) and (authority is None or m.authority == authority)]

    def children(self, place_id: str, *, at: int | None = None) -> list[Membership]:
        self.place(place_id)
        return [m for m in self.index.children.get(place_id, ()) if at is None or m.valid_at(at)]

    def places(self, *, kind: str | None = None, parent: str | None = None,
               bbox: tuple[float, float, float, float] | None = None, country: str | None = None,
               offset: int = 0, limit: int = 100) -> tuple[list[Place], int]:
        """Places filtered by kind, parent (any authority, any period), bbox (S, W, N, E) and
        country, in data order; returns one page and the total count."""
        if offset < 0 or not 1 <= limit <= 1000:
            raise InvalidQuery("offset must be ≥ 0 and limit from 1 to 1000")
        idx = self.index
        if parent is not None:
            self.place(parent)
            ids = list(dict.fromkeys(m.child_id for m in idx.children.get(parent, ())))
        else:
            ids = idx.place_order
        if bbox is not None:
            s, w, n, e = bbox
            if not (-90 <= s <= n <= 90 and -180 <= w <= e <= 180):
                raise InvalidQuery("bbox must be south,west,north,east with south ≤ north and west ≤ east")
        out = []
        for pid in ids:
            p = idx.places[pid]
            if kind and p.kind != kind and self._categories.get(p.kind) != kind:
                continue
            if country and p.country != country:
                continue
            if bbox is not None and (p.lat is None or not (s <= p.lat <= n and w <= p.lon <= e)):
                continue
            out.append(p)
        return out[offset:offset + limit], len(out)

    def authority_label(self, authority: str) -> str:
        self.index
        return self._authorities.get(authority, authority)

    def describe(self, place_id: str, *, lang: str | None = None) -> dict:
        """A place with all its names (flat and grouped by language) and its parents per
        authority, as plain data (the CLI's and API's ``show``). ``name`` is the display name
        in ``lang`` (default English)."""
        p = self.place(place_id)
        d = p.to_dict()
        d["name"] = self.display_name(place_id, lang=lang or "en")
        names = self.names(place_id)
        d["names"] = [n.to_dict() for n in names]
        grouped: dict[str, list[dict]] = {}
        for n, nd in zip(names, d["names"]):
            grouped.setdefault(n.lang, []).append(nd)
        d["names_by_lang"] = grouped
        d["parents"] = [m.to_dict() for m in self.parents(place_id)]
        return d

    def stats(self, *, bbox=None, country: str | None = None, within: str | None = None) -> dict:
        """Coverage figures over the data files (see gazetteer.stats)."""
        from .schema import load_dataset
        from .stats import compute_stats

        return compute_stats(load_dataset(self.data_dir), bbox=bbox, country=country, within=within,
                             data_dir=self.data_dir)

    def __repr__(self) -> str:
        return f"Gazetteer({self.url!r})"

    # -- embedding: spatial look-up and exports (gazetteer.spatial, gazetteer.export) ------------
    def nearby(self, lat: float, lon: float, *, radius_km: float = 10.0, kind: str | None = None,
               limit: int = 10) -> list[Nearby]:
        """Places within ``radius_km`` of a point, nearest first, each with its distance in km;
        ``kind`` keeps one kind or category. Uses a grid index built once per loaded index."""
        from .spatial import SpatialIndex, check_point

        check_point(lat, lon, radius_km, limit)
        idx = self.index
        cached = getattr(self, "_spatial", None)
        if cached is None or cached[0] is not idx:
            cached = (idx, SpatialIndex(idx.places[pid] for pid in idx.place_order))
            self._spatial = cached
        keep = None
        if kind is not None:
            cats = self._categories
            keep = lambda p: p.kind == kind or cats.get(p.kind) == kind  # noqa: E731
        return cached[1].nearby(float(lat), float(lon), float(radius_km), limit, keep)

    def export(self, fmt: str, *, region: str | None = None, kind: str | None = None,
               **options) -> Iterator[str]:
        """Text chunks of an export in ``fmt`` (csv, geojson, lpf, lp-tsv); see gazetteer.export."""
        from .export import export

        return export(self, fmt, region=region, kind=kind, **options)

    # -- text tagging (gazetteer.tagging; docs/TAGGING.md) ---------------------------------------
    def tagger(self):
        """The text tagger over this gazetteer's names, made once. It pickles small (key tables,
        not the Gazetteer): ship it to worker processes. When the key tables of the current data
        are cached (``gazetteer build`` writes them), a process that only tags never loads the
        index: ``gazetteer tag`` starts in about half the time and memory."""
        tagger = self.__dict__.get("_tagger")
        if tagger is not None:
            return tagger
        with self._tagger_lock:
            tagger = self.__dict__.get("_tagger")
            if tagger is None:
                from .tagging import Tagger
                from .tagging.cache import load_keytable, read_keytable

                table = read_keytable(self._current_version(), self.url) if self._index is None else None
                if table is None:
                    table = load_keytable(self.index, self.data_version, self.url)
                tagger = self.__dict__["_tagger"] = Tagger(table)
        return tagger

    def _current_version(self) -> str | None:
        """The data version of the database, built first if it is missing or stale (as loading
        the index would), without loading the index."""
        if self.auto_build:
            self.data_version = ensure_built(self.url, self.data_dir)
            return self.data_version
        from .build import read_meta

        engine = create_engine(serving_url(self.url))
        try:
            return (read_meta(engine) or {}).get("data_version")
        finally:
            engine.dispose()

    def tag(self, text: str, *, min_confidence: float = 0.0) -> list:
        """Every place mention in ``text``: exact code-point offsets into ``text``, surface, stem
        and suffix, the place id and ranked candidates, the name matched and a confidence."""
        if not isinstance(text, str):
            raise InvalidQuery("text must be a string")
        if not 0.0 <= min_confidence <= 1.0:
            raise InvalidQuery("min_confidence must be from 0 to 1")
        return [m for m in self.tagger().tag(text) if m.confidence >= min_confidence]

    def normalize(self, text: str, convention: str = "en", **opts) -> str:
        """``text`` with every place mention rewritten in a naming convention (``az``, ``hy``,
        ``ru``, ``en``, ``en-az``, ``en-hy``, ``en-dual``, ``id``, ``as-of:YEAR[:AUTHORITY[:LANG]]``)."""
        if not isinstance(text, str):
            raise InvalidQuery("text must be a string")
        if opts:
            raise InvalidQuery(f"unknown option(s): {', '.join(sorted(opts))}")
        return self.tagger().normalize(text, convention)
