"""Tagging throughput against the peers, on a generated mixed-script corpus and the full gazetteer.

    python benchmarks/tag_speed.py [--mb 50] [--repeat 3] [--db URL] [--data-dir DIR]

The corpus (≥ 50 MB of UTF-8 by default) is generated from the real data: paragraphs in
English, Russian, Azerbaijani and Armenian prose with place names of every language dropped in,
inflected (в Шуше, Şuşada, Şuşa'nın, Ստեփանակերտում, Stepanakert's), in capitals, and with
no place at all. In the same run it times:

- the tagger (``Tagger.iter_tag``: exact offsets, inflection, ranking), streaming, counting mentions
  (one fresh tagger for all runs: the first fills its caches — per member set, per ranking — and
  every run's speed is printed);
- pyahocorasick over ``casefold()``-ed text with a Python word-boundary check per hit, every
  stored name as a key, no inflection (the baseline line);
- flashtext (``KeywordProcessor``, case-insensitive, every stored name).

It prints MB/s (median of --repeat runs) and the ratios, the tagger's peak memory above the
input during the run (RSS sampled every 5 ms), and the index build time: the key tables built
from the loaded index (cold; ``gazetteer build`` does this once and caches them beside the
database) and the start (warm: the cached tables loaded and the scan's trie made, as every start
after a build). Targets: ≥ 0.6× the pyahocorasick line, ≥ 3× flashtext, peak memory above input
≤ 50 MB, start ≤ 1 s.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILLER = {
    "en": ("the of and in to a was for on that with by from at as after its report said officials new road "
           "water school people village district region border week year government talks ceasefire market "
           "museum carpet festival farmers harvest grain winter rain").split(),
    "ru": ("и в на с по из что был была город район село дорога школа жители власти заявили сообщили года "
           "неделе границы переговоры рынок музей ковёр фестиваль урожай зерно зима дождь после около").split(),
    "az": ("və bu bir ilə üçün olan oldu şəhər kənd rayon yol məktəb sakinlər hökumət bildirib il həftə sərhəd "
           "danışıqlar bazar muzey xalça festival məhsul taxıl qış yağış sonra yaxın").split(),
    "hy": ("և որ է էր մի հետ համար քաղաք գյուղ շրջան ճանապարհ դպրոց բնակիչներ կառավարություն հայտնել տարի "
           "շաբաթ սահման բանակցություններ շուկա թանգարան գորգ փառատոն բերք հացահատիկ ձմեռ անձրև").split(),
}
PREPOSITION = {"ru": ["в", "из", "под", "у", "к"], "en": ["in", "near", "from", "to"], "az": [""], "hy": [""]}


def names_by_language(index) -> dict[str, list[tuple[str, str]]]:
    from gazetteer.vocab import lang_base

    out: dict[str, list[tuple[str, str]]] = {"en": [], "ru": [], "az": [], "hy": []}
    for n in index.names:
        base = lang_base(n.lang)
        key = {"az": "az" if "Latn" in n.lang else None, "hy": "hy" if n.lang == "hy" else None,
               "ru": "ru", "en": "en"}.get(base)
        if key and len(n.text) >= 3:
            out[key].append((n.text, n.lang))
    return out


def generate(index, megabytes: float, seed: int = 4) -> str:
    """A mixed-script corpus of about ``megabytes`` MB of UTF-8."""
    from gazetteer.tagging.inflection import forms

    rnd = random.Random(seed)
    names = names_by_language(index)
    inflected = {lang: [] for lang in names}
    for lang, items in names.items():
        for text, tag in rnd.sample(items, min(len(items), 3000)):
            inflected[lang].extend(f for f, _ in forms(text, tag, old_spellings=False))  # today's prose
    paragraphs, size, target = [], 0, int(megabytes * 1e6)
    while size < target:
        lang = rnd.choice(("en", "ru", "az", "hy"))
        words = []
        for _ in range(rnd.randint(40, 120)):
            r = rnd.random()
            if r < 0.02:  # about one word in fifty is a place name, as in news wires
                other = lang if rnd.random() < 0.8 else rnd.choice(("en", "ru", "az", "hy"))
                name = rnd.choice(inflected[other])
                words.append(name.upper() if rnd.random() < 0.03 else name)
            else:
                w = rnd.choice(FILLER[lang])
                words.append(w.capitalize() if rnd.random() < 0.08 else w)
        para = " ".join(words) + "."
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 1e6


class PeakRss:
    """Samples RSS in a thread; ``peak`` is the highest value seen."""

    def __enter__(self):
        self.peak = rss_mb()
        self._stop = False
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _run(self):
        while not self._stop:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self._stop = True
        self._t.join()
        self.peak = max(self.peak, rss_mb())


def timed(fn, repeat: int, times: list[float] | None = None) -> tuple[float, int]:
    """Median seconds of ``repeat`` runs and the last result; every run's seconds go to ``times``."""
    times = [] if times is None else times
    result = 0
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def peer_pyahocorasick(all_names: list[str]):
    import ahocorasick

    a = ahocorasick.Automaton()
    for text in all_names:
        key = text.casefold()
        a.add_word(key, len(key))
    a.make_automaton()

    def run(corpus: str) -> int:
        s = corpus.casefold()
        n, count = len(s), 0
        for end, klen in a.iter(s):
            start = end - klen + 1
            if (start == 0 or not s[start - 1].isalnum()) and (end + 1 == n or not s[end + 1].isalnum()):
                count += 1
        return count
    return run


def peer_flashtext(all_names: list[str]):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for text in all_names:
        kp.add_keyword(text)
    return lambda corpus: len(kp.extract_keywords(corpus, span_info=True))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of UTF-8 (default 50)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", default=None)
    ap.add_argument("--data-dir", default=None)
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from gazetteer.tagging import Tagger, build_keytable
    from gazetteer.tagging.cache import load_keytable

    gz = Gazetteer(args.db, data_dir=args.data_dir)
    index = gz.index
    t = time.perf_counter()
    cold = Tagger(build_keytable(index))
    cold_s = time.perf_counter() - t
    load_keytable(index, gz.data_version, gz.url)  # make sure the cache exists
    t = time.perf_counter()
    tagger = Tagger(load_keytable(index, gz.data_version, gz.url))
    warm_s = time.perf_counter() - t
    del cold
    print(f"gazetteer: {len(index.places)} places, {len(index.names)} names; tagger: "
          f"{len(tagger.table.keys)} stems, {len(tagger.table.tails)} tail sets")
    print(f"index build: {cold_s:.2f} s cold (key tables from the loaded index: done by `gazetteer build`), "
          f"{warm_s:.2f} s warm (every start: cached tables loaded, scan keys made)")

    t = time.perf_counter()
    corpus = generate(index, args.mb)
    mb = len(corpus.encode("utf-8")) / 1e6
    print(f"corpus: {mb:.1f} MB UTF-8, {len(corpus):,} code points, generated in {time.perf_counter() - t:.1f} s")

    all_names = [n.text for n in index.names]
    gc.collect()
    base = rss_mb()
    with PeakRss() as peak:
        tag_runs: list[float] = []
        tag_s, tag_n = timed(lambda: sum(1 for _ in tagger.iter_tag(corpus)), args.repeat, tag_runs)
    above = peak.peak - base
    aho_s, aho_n = timed(lambda run=peer_pyahocorasick(all_names): run(corpus), args.repeat)
    fl_s, fl_n = timed(lambda run=peer_flashtext(all_names): run(corpus), 1)

    rows = [("tagger (inflection, exact offsets, ranking)", tag_s, tag_n),
            ("pyahocorasick + boundary check (no inflection)", aho_s, aho_n),
            ("flashtext (ASCII boundaries)", fl_s, fl_n)]
    print(f"\n{'method':50} {'MB/s':>8} {'mentions':>10}")
    for name, secs, count in rows:
        print(f"{name:50} {mb / secs:8.1f} {count:10,d}")
    # The tagger keeps what it computed per member set and per ranking: its first run over a
    # corpus starts with those caches empty, the later ones find them filled.
    print("tagger per run: " + ", ".join(f"{mb / s:.1f}" for s in tag_runs) + " MB/s (the first with empty caches)")
    print(f"\ntagger / pyahocorasick line: {aho_s / tag_s:.2f}x  (target >= 0.6)")
    print(f"tagger / flashtext:          {fl_s / tag_s:.2f}x  (target >= 3)")
    print(f"peak memory above the input during tagging: {above:.1f} MB  (target <= 50)")
    print(f"index build: start {warm_s:.2f} s (target <= 1); key tables {cold_s:.2f} s, once, in `gazetteer build`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
