"""CPU time of the tagger over one corpus, to compare two versions of the code on a shared machine.

    python benchmarks/tag_cpu.py CORPUS [--passes 5] [--db URL] [--data-dir DIR]

Tags CORPUS (a UTF-8 file, e.g. the one ``tag_equiv.py --corpus`` caches) with ``Tagger.iter_tag``
``--passes`` times in one process and prints the CPU seconds of the first pass (the tagger's
caches empty) and the fastest of the others. CPU time, not wall time: the machine is shared.
To compare versions, run it from each version's tree (a ``git worktree``), alternating.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--db", default=None)
    ap.add_argument("--data-dir", default=None)
    args = ap.parse_args(argv)
    if args.passes < 2:
        ap.error("--passes must be at least 2 (the first pass fills the caches)")

    from gazetteer import Gazetteer

    tagger = Gazetteer(args.db, data_dir=args.data_dir).tagger()
    text = args.corpus.read_text(encoding="utf-8")
    seconds, count = [], 0
    for _ in range(args.passes):
        gc.collect()
        t = time.process_time()
        count = sum(1 for _ in tagger.iter_tag(text))
        seconds.append(time.process_time() - t)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{ROOT.name}: {mb:.1f} MB, {count:,} mentions; CPU s: first pass {seconds[0]:.3f}, "
          f"fastest later pass {min(seconds[1:]):.3f} ({mb / min(seconds[1:]):.1f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
