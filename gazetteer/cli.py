"""The ``gazetteer`` command: parse arguments, call one library function, print the result.

Errors are one line on stderr and a non-zero exit, never a traceback:
exit 1 = bad data or nothing found, 2 = bad usage or input, 70 = internal error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterable, Sequence

from .errors import DataError, GazetteerError, InvalidQuery
from .serve import DEFAULT_THREADS, DEFAULT_WORKERS  # two constants: serve.py imports its server lazily


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2 (argparse prints usage by default)
        raise InvalidQuery(message)


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def _gz(args):
    from .core import Gazetteer

    return Gazetteer(args.db, data_dir=args.data_dir)


def _queries(items: Sequence[str]) -> Iterable[str]:
    if not items or list(items) == ["-"]:
        for line in sys.stdin:
            line = line.rstrip("\n")
            if line.strip():
                yield line
    else:
        yield from items


def cmd_resolve(args) -> int:
    gz = _gz(args)
    found_any = False
    for q in _queries(args.query):
        try:
            results = gz.resolve(q, lang=args.lang, kind=args.kind, at=args.at, limit=args.limit,
                                 near=_point(args.near))
        except InvalidQuery as exc:
            if args.json:  # in a pipe one bad line must not stop the batch
                print(_dump({"query": q, "error": str(exc), "results": []}))
                continue
            raise
        found_any = found_any or bool(results)
        if args.json:
            print(_dump({"query": q, "results": [r.to_dict() for r in results]}))
        else:
            if not results:
                print(f"{q}\t(no match)")
            for r in results:
                print(f"{q}\t{r.place.id}\t{r.name}\t{r.place.kind}\t{r.score:.3f}\t{r.why}")
    return 0 if found_any else 1


def cmd_suggest(args) -> int:
    gz = _gz(args)
    for q in _queries(args.prefix):
        items = gz.suggest(q, lang=args.lang, kind=args.kind, limit=args.limit)
        if args.json:
            print(_dump({"query": q, "suggestions": items}))
        else:
            for it in items:
                print(f"{q}\t{it['id']}\t{it['name']}\t{it['kind']}\t{it['matched']['text']} [{it['matched']['lang']}]")
    return 0


def cmd_transliterate(args) -> int:
    from .translit import schemes
    from .translit.table import transliteration_table

    if args.list:
        for s in schemes():
            print(f"{s.name}\t{s.source} -> {s.target}\t{s.standard}")
        return 0
    if not args.text:
        raise InvalidQuery("give a TEXT to transliterate, or --list")
    unread = 0
    for text in _queries(args.text):
        table = transliteration_table(text, source=args.source, scheme=args.scheme)
        if not table["results"]:  # letters of no script a scheme reads: say so, go on
            unread += 1
            print(f"gazetteer: no scheme reads {text!r}; give --from or --scheme (see --list)", file=sys.stderr)
        if args.json:
            print(_dump(table))
        else:
            for r in table["results"]:
                print(f"{text}\t{r['scheme']}\t{r['text']}")
    return 1 if unread else 0


def cmd_show(args) -> int:
    gz = _gz(args)
    for pid in args.id:
        d = gz.describe(pid)
        if args.json:
            print(_dump(d))
            continue
        print(f"{d['id']}  {d['name']}  ({d['kind']})  {d['lat']}, {d['lon']}")
        for n in d["names"]:
            years = f" {n['from'] or ''}–{n['to'] or ''}" if n["from"] or n["to"] else ""
            used = f" used by {', '.join(n['used_by'])}" if n["used_by"] else ""
            print(f"  {n['lang']:<22} {n['text']}  [{n['type']}{years}{used}]  {n['source']}")
        for m in d["parents"]:
            years = f" {m['from'] or ''}–{m['to'] or ''}" if m["from"] or m["to"] else ""
            print(f"  part of {m['id']} ({m['authority']}{years})")
    return 0


def _point(text: str | None):
    if text is None:
        return None
    try:
        lat, lon = (float(x) for x in text.split(","))
    except ValueError:
        raise InvalidQuery("--near must be LAT,LON in decimal degrees") from None
    return (lat, lon)


def _bbox(text: str | None):
    if text is None:
        return None
    try:
        s, w, n, e = (float(x) for x in text.split(","))
    except ValueError:
        raise InvalidQuery("--bbox must be S,W,N,E in decimal degrees") from None
    return (s, w, n, e)


def cmd_stats(args) -> int:
    gz = _gz(args)
    st = gz.stats(bbox=_bbox(args.bbox), country=args.country, within=args.within)
    if args.json:
        print(_dump(st))
    else:
        for k, v in st.items():
            print(f"{k}: {_dump(v) if isinstance(v, (dict, list)) else v}")
    return 0


def cmd_build(args) -> int:
    from .build import build

    rep = build(args.data_dir, args.db)
    print(f"built {rep.url}: {rep.places} places, {rep.names} names, {rep.memberships} memberships, "
          f"{rep.search_keys} search keys, data version {rep.data_version}, {rep.seconds:.1f} s")
    return 0


def cmd_check(args) -> int:
    from .build import check

    ds = check(args.data_dir)
    print(f"ok: {len(ds.places)} places, {len(ds.names)} names, {len(ds.memberships)} memberships")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    for opt, val, hi in (("--workers", args.workers, 256), ("--threads", args.threads, 256),
                         ("--port", args.port, 65535)):
        if not 1 <= val <= hi:
            raise InvalidQuery(f"{opt} must be from 1 to {hi}, not {val}")

    serve(host=args.host, port=args.port, workers=args.workers, threads=args.threads, db=args.db,
          data_dir=args.data_dir)
    return 0


def cmd_import(args) -> int:
    from .importers import run_import

    shared = Path(args.shared) if args.shared else None

    def pick(explicit, rel):
        if explicit:
            return Path(explicit)
        return shared / rel if shared else None

    rep = run_import(wof=pick(args.wof, "research-data/wof_admin_AZ_AM.tsv"),
                     geonames=pick(args.geonames, "sources/geonames_cities500_AZ_AM.tsv"),
                     iso=pick(args.iso, "sources/iso3166_2_AZ_AM.tsv"),
                     data_dir=Path(args.data_dir) if args.data_dir else _default_data())
    if not rep.ok:
        raise DataError(rep.problems)
    print(rep.summary())
    return 0


def _default_data() -> Path:
    from .paths import default_data_dir

    return default_data_dir()


COMMANDS: dict[str, str] = {}
# Modules that add subcommands: each defines ``register(add)`` where ``add(name, func, help)``
# returns the subparser. Keeps each area's CLI beside its library code.
PLUGINS: list[str] = ["gazetteer.cli_export", "gazetteer.cli_tagging"]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gazetteer", description="Multilingual gazetteer of the South Caucasus.")
    p.add_argument("--db", default=None, help="SQLAlchemy URL or SQLite path (default: $GAZETTEER_DB or the user data dir)")
    p.add_argument("--data-dir", default=None, help="folder of the data files (default: the bundled data/)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def add(name, func, help_):
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        COMMANDS[name] = help_
        return sp

    sp = add("resolve", cmd_resolve, "Resolve names (any script or spelling) to places.")
    sp.add_argument("query", nargs="*", help="names; '-' or none reads one per line from stdin")
    sp.add_argument("--lang", help="preferred language of the names (BCP 47: hy, az-Latn, ru, en…)")
    sp.add_argument("--kind", help="only places of this kind or category (comma-separated)")
    sp.add_argument("--at", type=int, help="prefer names in use in this year")
    sp.add_argument("--limit", type=int, default=10, help="results per query (1–100)")
    sp.add_argument("--near", help="LAT,LON: prefer places close to this point")
    sp.add_argument("--json", action="store_true", help="one JSON object per query per line")

    sp = add("suggest", cmd_suggest, "Autocomplete: places whose names begin with a prefix, any script.")
    sp.add_argument("prefix", nargs="*", help="prefixes; '-' or none reads one per line from stdin")
    sp.add_argument("--lang", help="show names in this language")
    sp.add_argument("--kind", help="only places of this kind or category")
    sp.add_argument("--limit", type=int, default=10, help="suggestions per prefix (1–100)")
    sp.add_argument("--json", action="store_true", help="one JSON object per prefix per line")

    sp = add("transliterate", cmd_transliterate, "Transliterate text by one scheme or by every scheme for its language.")
    sp.add_argument("text", nargs="*", help="texts; '-' reads one per line from stdin")
    sp.add_argument("--from", dest="source", help="BCP 47 tag of the text (default: detected from its letters)")
    sp.add_argument("--scheme", help="one scheme (see --list)")
    sp.add_argument("--list", action="store_true", help="list the schemes")
    sp.add_argument("--json", action="store_true", help="one JSON object per text per line")

    sp = add("show", cmd_show, "Show places with all their names and parents.")
    sp.add_argument("id", nargs="+")
    sp.add_argument("--json", action="store_true", help="one JSON object per place per line")

    sp = add("stats", cmd_stats, "Coverage figures: places, localities, names by language and type.")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--bbox", help="S,W,N,E: only places inside")
    sp.add_argument("--country", help="ISO 3166-1 alpha-2 code: only places in that country")
    sp.add_argument("--within", help="a place id: only places below it in the hierarchy (any authority, any period)")

    add("build", cmd_build, "Validate the data files and rebuild the database atomically.")
    add("check", cmd_check, "Validate the data files only; report every problem as FILE:LINE.")

    sp = add("serve", cmd_serve, "Serve the HTTP API on a production WSGI server.")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                    help=f"worker processes (POSIX; default: one per core, here {DEFAULT_WORKERS})")
    sp.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                    help=f"threads per worker (default {DEFAULT_THREADS}: the work is CPU-bound)")

    sp = add("import", cmd_import, "Regenerate data/ from the reference files and data/curation/.")
    sp.add_argument("--shared", help="folder holding research-data/ and sources/ (e.g. ../shared)")
    sp.add_argument("--wof", help="Who's On First TSV")
    sp.add_argument("--geonames", help="GeoNames cities500 TSV")
    sp.add_argument("--iso", help="ISO 3166-2 TSV")

    import importlib

    for mod in PLUGINS:
        importlib.import_module(mod).register(add)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        if args.db and "://" not in args.db:
            args.db = f"sqlite:///{Path(args.db).resolve()}"
        return args.func(args)
    except DataError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        print(f"gazetteer: error: {len(exc.problems)} problem(s) in the data; nothing was written", file=sys.stderr)
        return 1
    except InvalidQuery as exc:
        print(f"gazetteer: error: {exc}", file=sys.stderr)
        return 2
    except GazetteerError as exc:
        print(f"gazetteer: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("gazetteer: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"gazetteer: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for users; say what kind of failure it was
        print(f"gazetteer: internal error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
