"""Dump every mention the tagger finds on a fixed corpus, to diff tagger versions.

    python benchmarks/tag_equiv.py OUT [--db URL] [--data-dir DIR] [--mb 50] [--corpus FILE]

Tags the generated mixed-script corpus of ``tag_speed.py`` (cached in ``--corpus`` when given)
block by block (``iter_tag``), the gold texts of ``tag_quality.py`` whole (``tag``) and a
``normalize`` of each gold text in every convention, and writes one JSON line per mention
(every field, scores included). Two runs before and after a change must give identical files.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--db", default=None)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--corpus", default=None, help="cache file for the generated corpus")
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from tag_quality import parse_gold
    from tag_speed import generate

    gz = Gazetteer(args.db, data_dir=args.data_dir)
    tagger = gz.tagger()
    corpus_path = Path(args.corpus) if args.corpus else None
    if corpus_path and corpus_path.exists():
        corpus = corpus_path.read_text(encoding="utf-8")
    else:
        corpus = generate(gz.index, args.mb)
        if corpus_path:
            corpus_path.write_text(corpus, encoding="utf-8")
    h = hashlib.sha256()
    with open(args.out, "w", encoding="utf-8") as out:
        def emit(doc, m):
            d = m.to_dict(doc)
            d["scores"] = list(m.scores)
            line = json.dumps(d, ensure_ascii=False, sort_keys=True)
            h.update(line.encode())
            out.write(line + "\n")
        n = 0
        for m in tagger.iter_tag(corpus):
            emit("corpus", m)
            n += 1
        for path in sorted((ROOT / "benchmarks" / "tag_gold").glob("*.txt")):
            plain, _ = parse_gold(path.read_text(encoding="utf-8"))
            for m in tagger.tag(plain):
                emit(path.name, m)
                n += 1
            for conv in ("az", "hy", "ru", "en", "en-az", "en-hy", "en-dual", "id", "as-of:1980"):
                line = json.dumps({"doc": path.name, "normalize": conv, "text": tagger.normalize(plain, conv)},
                                  ensure_ascii=False)
                h.update(line.encode())
                out.write(line + "\n")
    print(f"{n} mentions, sha256 {h.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
