"""Precision and recall of Gazetteer.tag() against the hand-annotated gold set.

    python benchmarks/tag_quality.py [--gold benchmarks/tag_gold] [--db URL] [--data-dir DIR] [--errors N]

Gold files ``<lang>-*.txt`` mark every mention inline as ``[[surface|id]]`` or
``[[surface|id1|id2]]``; the markup is stripped to get the plain text the tagger sees. A
predicted mention is correct when its span equals a gold span and its best candidate is one of
the gold ids. Prints P/R/F1 overall and per language, false positives on the mention-free
paragraphs, and (with --errors) the first misses and false alarms of each language. The rows
``half A`` / ``half B`` split the paragraphs by a hash of their text: rules are tuned looking at
A's errors only (``--errors`` shows A's), B is the held-out check.
Target: precision and recall ≥ 0.97.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MARK = re.compile(r"\[\[([^\[\]|]+)((?:\|[^\[\]|]+)+)\]\]")


def parse_gold(text: str) -> tuple[str, list[tuple[int, int, tuple[str, ...]]]]:
    """Plain text and gold spans ``(start, end, ids)`` in code points of the plain text."""
    out, spans, last, pos = [], [], 0, 0
    for m in MARK.finditer(text):
        out.append(text[last:m.start()])
        pos += m.start() - last
        surface = m.group(1)
        spans.append((pos, pos + len(surface), tuple(m.group(2)[1:].split("|"))))
        out.append(surface)
        pos += len(surface)
        last = m.end()
    out.append(text[last:])
    return "".join(out), spans


def mention_free_ranges(plain: str, spans) -> list[tuple[int, int]]:
    ranges, start = [], 0
    for para in plain.split("\n\n"):
        end = start + len(para)
        if para.strip() and not any(start <= s < end for s, _, _ in spans):
            ranges.append((start, end))
        start = end + 2
    return ranges


def half_of(plain: str, pos: int) -> str:
    """``A`` or ``B``: the held-out split, by a hash of the paragraph the offset lies in (tune
    rules on A, check on B; the split never changes with the tagger)."""
    a = plain.rfind("\n\n", 0, pos)
    b = plain.find("\n\n", pos)
    para = plain[a + 2 if a >= 0 else 0:b if b >= 0 else len(plain)]
    return "AB"[hashlib.sha1(para.encode("utf-8")).digest()[0] & 1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "tag_gold"))
    ap.add_argument("--db", default=None)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--errors", type=int, default=0, help="show this many errors per language (half A)")
    ap.add_argument("--all-halves", action="store_true", help="show errors of the held-out half B too")
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer

    gz = Gazetteer(args.db, data_dir=args.data_dir)
    t0 = time.perf_counter()
    gz.tagger()
    build = time.perf_counter() - t0

    stats = defaultdict(Counter)
    errors = defaultdict(list)
    files = sorted(Path(args.gold).glob("*-*.txt"))
    if not files:
        print(f"no gold files in {args.gold}", file=sys.stderr)
        return 1
    for path in files:
        lang = path.name.split("-", 1)[0]
        plain, gold = parse_gold(path.read_text(encoding="utf-8"))
        predicted = gz.tag(plain)
        gold_by_span = {(s, e): ids for s, e, ids in gold}
        hit_spans = set()
        for m in predicted:
            ids = gold_by_span.get((m.start, m.end))
            ok = ids is not None and m.id in ids
            for key in (lang, "all", "half " + half_of(plain, m.start)):
                stats[key]["predicted"] += 1
                stats[key]["correct"] += ok
            if ok:
                hit_spans.add((m.start, m.end))
            elif args.all_halves or half_of(plain, m.start) == "A":
                why = "wrong place" if ids else "false alarm"
                errors[lang].append(f"{why}: {m.text!r} -> {m.id} ({', '.join(m.candidates[:3])}) "
                                    f"[{path.name}:{m.start}] gold={ids}")
        for s, e, ids in gold:
            for key in (lang, "all", "half " + half_of(plain, s)):
                stats[key]["gold"] += 1
            if (s, e) not in hit_spans and (args.all_halves or half_of(plain, s) == "A"):
                over = [m for m in predicted if m.start < e and s < m.end]
                got = f" (tagged {over[0].text!r} -> {over[0].id})" if over else ""
                errors[lang].append(f"missed: {plain[s:e]!r} {ids}{got} [{path.name}:{s}]")
        for a, b in mention_free_ranges(plain, gold):
            fps = [m for m in predicted if a <= m.start < b]
            for key in (lang, "all"):
                stats[key]["free_paragraphs"] += 1
                stats[key]["free_false_alarms"] += len(fps)

    print(f"tagger built in {build:.2f} s; gold: {stats['all']['gold']} mentions in {len(files)} files")
    print(f"{'':6} {'gold':>6} {'pred':>6} {'right':>6} {'P':>7} {'R':>7} {'F1':>7}  false alarms in mention-free paragraphs")
    for key in sorted(k for k in stats if k != "all" and not k.startswith("half")) + ["all", "half A", "half B"]:
        c = stats[key]
        p = c["correct"] / c["predicted"] if c["predicted"] else 0.0
        r = c["correct"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:6} {c['gold']:6d} {c['predicted']:6d} {c['correct']:6d} {p:7.3f} {r:7.3f} {f:7.3f}  "
              f"{c['free_false_alarms']} in {c['free_paragraphs']}")
    if args.errors:
        for lang in sorted(errors):
            print(f"\n-- {lang}: {len(errors[lang])} errors")
            for line in errors[lang][:args.errors]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
