"""Resolve latency on the full dataset, against a plain dict lookup measured in the same run.

    python benchmarks/resolve_speed.py [--queries N] [--db URL]

Prints: database build time, index load time, memory of the loaded index, and per-stage
latency percentiles (exact, folded, transliteration, skeleton, fuzzy, and the last-resort word
stage) with their ratio to a dict lookup of the same strings, the share of queries that found
something and the share whose best result came through the stage itself. Targets (issue 3): exact and folded p50 ≤ 50 µs, fuzzy p99 ≤ 5 ms.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import typo  # noqa: E402
from gazetteer import Gazetteer  # noqa: E402
from gazetteer.build import build  # noqa: E402
from gazetteer.paths import default_data_dir  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]




def timed(fn, queries) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter_ns()
        fn(q)
        out.append((time.perf_counter_ns() - t) / 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--db", help="database URL (default: a fresh SQLite file in a temp dir)")
    args = ap.parse_args()
    rnd = random.Random(7)

    tmp = tempfile.mkdtemp()
    url = args.db or f"sqlite:///{tmp}/bench.sqlite"
    t = time.perf_counter()
    rep = build(default_data_dir(), url)
    build_s = time.perf_counter() - t
    db_size = Path(tmp, "bench.sqlite").stat().st_size if not args.db else None

    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    gz = Gazetteer(url)
    idx = gz.index
    load_s = time.perf_counter() - t
    mem_index = tracemalloc.get_traced_memory()[0]
    t = time.perf_counter()
    _ = idx.fuzzy
    fuzzy_build_s = time.perf_counter() - t
    mem_total = tracemalloc.get_traced_memory()[0]
    t = time.perf_counter()
    _ = idx.words
    words_build_s = time.perf_counter() - t
    mem_words = tracemalloc.get_traced_memory()[0] - mem_total
    tracemalloc.stop()

    names = [n for n in idx.names if len(n.text) >= 5]
    sample = [rnd.choice(names) for _ in range(args.queries)]
    sets = {
        "exact": [n.text for n in sample],
        "folded": [n.text.upper() for n in sample],
        "transliteration": [],
        "skeleton": [],
        "fuzzy": [typo(n.text.lower(), rnd) for n in sample],
    }
    by_stage: dict[str, list[str]] = {"transliteration": [], "skeleton": []}
    for key, entries in idx.keys.items():
        for _, stage, scheme in entries:
            if stage in by_stage and len(by_stage[stage]) < args.queries * 5:
                by_stage[stage].append(key)
    sets["transliteration"] = rnd.sample(by_stage["transliteration"], min(args.queries, len(by_stage["transliteration"])))
    sets["skeleton"] = [k.lstrip("~") for k in rnd.sample(by_stage["skeleton"], min(args.queries, len(by_stage["skeleton"])))]
    # the last resort: a word of a stored name beside a made-up one, which no other stage finds
    # (a generator of its own, so the sets above stay those of earlier runs)
    wrnd = random.Random(7)
    sets["words"] = [wrnd.choice(n.text.split()) + " " + "".join(wrnd.choice("bdfgjkmptvz") for _ in range(7))
                     for n in wrnd.sample([n for n in names if " " in n.text], args.queries)]

    plain = {n.text: n.place_id for n in idx.names}
    dict_us = timed(plain.get, sets["exact"] * 5)
    dict_p50 = statistics.median(dict_us)

    print(f"data: {rep.places} places, {rep.names} names, {rep.search_keys} search keys")
    print(f"database build: {build_s:.2f} s" + (f"; SQLite file {db_size / 1e6:.1f} MB" if db_size else ""))
    print(f"index load: {load_s:.2f} s; typo index build (lazy): {fuzzy_build_s:.2f} s; "
          f"word index build (lazy): {words_build_s:.2f} s")
    print(f"memory (tracemalloc): index {mem_index / 1e6:.0f} MB, with typo index {mem_total / 1e6:.0f} MB, "
          f"word index {mem_words / 1e6:.0f} MB more")
    print(f"plain dict lookup: p50 {dict_p50:.2f} µs")
    print(f"{'stage':<16}{'n':>6}{'p50 µs':>10}{'p99 µs':>10}{'×dict p50':>11}{'found':>8}{'by it':>8}")
    for stage, queries in sets.items():
        for q in queries[:50]:  # warm caches the way a running server would have them
            gz.resolve(q)
        tops = [gz.resolve(q, limit=3) for q in queries]
        hits = sum(1 for r in tops if r)
        own = sum(1 for r in tops if r and r[0].stage == stage)  # the share the stage itself answers
        lat = timed(lambda q: gz.resolve(q, limit=10), queries)
        p50, p99 = statistics.median(lat), percentile(lat, 99)
        print(f"{stage:<16}{len(queries):>6}{p50:>10.1f}{p99:>10.1f}{p50 / dict_p50:>11.0f}{hits / max(len(queries), 1):>8.1%}{own / max(len(queries), 1):>8.1%}")

    # What `gazetteer serve` adds before forking: the option-less ranking of every stored spelling.
    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    gz.prepare_for_serving()
    prep_s = time.perf_counter() - t
    prep_mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"prepared for serving (precomputed rankings of {len(idx.plain_ranks)} keys): "
          f"{prep_s:.2f} s, {prep_mem / 1e6:.0f} MB more (with the autocomplete index)")
    for stage in ("exact", "folded", "fuzzy"):
        queries = sets[stage]
        for q in queries[:50]:
            gz.resolve(q)  # warm the display caches...
        idx.plain_results.clear()  # ...but not the kept results: time each query's first time
        lat = timed(lambda q: gz.resolve(q, limit=10), queries)
        p50, p99 = statistics.median(lat), percentile(lat, 99)
        print(f"{stage + ' (served)':<16}{len(queries):>6}{p50:>10.1f}{p99:>10.1f}{p50 / dict_p50:>11.0f}")
        if stage != "fuzzy":  # asked again: the kept results of option-less queries
            lat = timed(lambda q: gz.resolve(q, limit=10), queries)
            p50, p99 = statistics.median(lat), percentile(lat, 99)
            print(f"{stage + ' (again)':<16}{len(queries):>6}{p50:>10.1f}{p99:>10.1f}{p50 / dict_p50:>11.0f}")


if __name__ == "__main__":
    main()
