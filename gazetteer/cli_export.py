"""``gazetteer export`` and ``gazetteer nearby``: thin commands over gazetteer.export and Gazetteer.nearby."""
from __future__ import annotations

import json
import sys


def cmd_export(args) -> int:
    from .cli import _gz
    from .export import DEFAULT_BASE_URI, write_export

    written = write_export(_gz(args), args.format, args.output, region=args.region, kind=args.kind,
                           base_uri=args.base_uri or DEFAULT_BASE_URI)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_nearby(args) -> int:
    from .cli import _gz

    found = _gz(args).nearby(args.lat, args.lon, radius_km=args.radius, kind=args.kind, limit=args.limit)
    for n in found:
        if args.json:
            print(json.dumps(n.to_dict(), ensure_ascii=False))
        else:
            print(f"{n.place.id}\t{n.place.kind}\t{n.distance_km:.3f} km")
    return 0 if found else 1


def register(add) -> None:
    sp = add("export", cmd_export, "Export places as our CSV files, GeoJSON, Linked Places (lpf) or LP-TSV.")
    sp.add_argument("--format", required=True, choices=("csv", "geojson", "lpf", "lp-tsv"))
    sp.add_argument("--region", help="only this place and everything under it (any authority, any period)")
    sp.add_argument("--kind", help="only places of this kind or category")
    sp.add_argument("--output", help="csv: folder for the three files (default: .); others: file or "
                                     "folder (default: stdout)")
    sp.add_argument("--base-uri", help="prefix of place URIs in lpf/lp-tsv (default: the local server's "
                                       "/v1/places/)")

    sp = add("nearby", cmd_nearby, "Places nearest to a point, with distances.")
    sp.add_argument("lat", type=float)
    sp.add_argument("lon", type=float)
    sp.add_argument("--radius", type=float, default=10.0, help="search radius in km (default 10, max 1000)")
    sp.add_argument("--kind", help="only places of this kind or category")
    sp.add_argument("--limit", type=int, default=10)
    sp.add_argument("--json", action="store_true", help="one JSON object per place per line")
