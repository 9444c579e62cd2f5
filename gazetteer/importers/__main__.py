"""python -m gazetteer.importers --wof P --geonames P --iso P --data-dir data"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import run_import


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gazetteer.importers", description=__doc__)
    ap.add_argument("--wof", type=Path, help="Who's On First TSV (wof_admin_AZ_AM.tsv)")
    ap.add_argument("--geonames", type=Path, help="GeoNames cities500 TSV")
    ap.add_argument("--iso", type=Path, help="ISO 3166-2 TSV")
    ap.add_argument("--data-dir", type=Path, default=Path("data"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list exclusions, warnings, merges")
    a = ap.parse_args(argv)
    rep = run_import(wof=a.wof, geonames=a.geonames, iso=a.iso, data_dir=a.data_dir)
    if a.verbose:
        for ref, why in rep.excluded:
            print(f"excluded {ref}: {why}")
        for w in rep.warnings:
            print(f"warning: {w}")
        for pid, how in rep.merged:
            print(f"merged {pid}: {how}")
    print(rep.summary())
    return 0 if rep.ok else 1


if __name__ == "__main__":
    sys.exit(main())
