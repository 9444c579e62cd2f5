"""The scanning fold: fast, length-preserving where possible, with a map back to the caller's offsets.

Folding the whole text with ``str.translate`` runs at ~28 MB/s in CPython; ``str.lower`` at
~220 MB/s. So the scan text is built from C-speed steps only, each length-preserving:
``İ`` → ``i`` (the one letter whose ``lower()`` grows), the turned e ``ǝ`` → ``ə``, apostrophe and dash variants → ``'`` and
``-``, white space → `` ``, then ``lower()``. Diacritics, ``ə``/``e``, ``ı``/``i`` and ``և``/``եվ``
are not folded here: the key table holds those spellings as separate keys instead. Where the
optional C extension was built, one compiled pass does all of this for a block of common
characters (``fast_fold_tables``; the steps here are then the fallback, and tests hold the two
equal).

Line breaks (``break_lines``): one is a space, a blank line a paragraph break, whatever the
system's line end.

Three rarer cases change length and get an offset map: decomposed (non-NFC) input, runs of
white space (collapsed so that a two-word name still matches across a line break or a double
space), and a word hyphenated at a line end (``Степана-⏎керт``, joined: ``fold_block``). Mixed-script words (``Shushа`` with a Cyrillic ``а``) are repaired in place,
length-preserving, only in the blocks where the fold (or ``has_mixed``) finds one (see ``fix_homoglyphs``).
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from functools import lru_cache

from ..fold import APOSTROPHES
from .compiled import HITS

APOSTROPHE = "'"
HYPHEN = "-"
# Every replacement keeps the length: one character for one character.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("İ", "i"),  # lower() would make it two characters: i + combining dot
    ("ǝ", "ə"), ("Ǝ", "Ə"),  # turned e (U+01DD, U+018E) stands in for the schwa in some sources
    # Russian letters dropped in 1918 (Шушѣ, губерніи): read as the letters that replaced them
    ("ѣ", "е"), ("Ѣ", "Е"), ("і", "и"), ("І", "И"), ("ѳ", "ф"), ("Ѳ", "Ф"), ("ѵ", "и"), ("Ѵ", "И"),
    *((a, APOSTROPHE) for a in sorted(APOSTROPHES) if a != APOSTROPHE),
    *((d, HYPHEN) for d in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u058a\u05be\ufe63\uff0d"),
    *((w, " ") for w in "\t\x0b\x0c\xa0\u2007\u202f\u2009\u200a\u3000\u1680\u2028\u2029"),
)
_SPACE_RUN = re.compile(r" {2,}")
# Zero-width characters that may sit inside a word: dropped in the slow path.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


_TABLE = str.maketrans(dict(_REPLACEMENTS))

# the common case of fold_block in one compiled pass (the optional C extension, _hits.c); built
# without a C compiler, the Python steps below do it all
_fold_fast = HITS.fold_fast if HITS is not None else None

FAST_FOLD_SIZE = 0x3000  # the compiled pass knows the characters below this: every script of the region
_UNFOLDED = 0xFFFFFFFF
_MARK = 0x80000000  # | the canonical combining class


@lru_cache(maxsize=1)
def fast_fold_tables() -> tuple[bytes, frozenset[int]]:
    """What the compiled pass (``_hits.fold_fast``) folds with: per code point below
    FAST_FOLD_SIZE, what ``fold_chars`` makes of it (with, from bit 21, the combining class its
    decomposition ends with, and in bits 29 and 30 whether the fold is one of the Latin or
    Cyrillic letters of ``has_mixed``), _MARK | its class for a combining mark, or
    _UNFOLDED for a character it leaves to the Python path: one that NFC changes or that may
    compose with the character before it, a zero-width one, one whose ``lower()`` grows or
    depends on the next letter (Σ), and the line ends ``\r`` and NUL that ``break_lines`` reads
    in context; and the pairs (letter << 21 | mark) that compose. A text whose marks follow
    their letters in canonical order and compose with none of them is NFC, and its scan text is
    these characters' folds, line breaks aside (the marks stay, as ``fold_chars`` leaves them)."""
    composed_second, pairs = set(range(0x1160, 0x1200)), set()  # Hangul vowels and finals compose algorithmically
    for c in range(FAST_FOLD_SIZE):
        parts = unicodedata.decomposition(chr(c)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = int(parts[0], 16), int(parts[1], 16)
            composed_second.add(second)
            pairs.add(first << 21 | second)
    table = array("I", [_UNFOLDED]) * FAST_FOLD_SIZE
    for c in range(FAST_FOLD_SIZE):
        ch = chr(c)
        if ch in "\r\x00\u03a3" or ch in _INVISIBLE or unicodedata.normalize("NFC", ch) != ch:
            continue
        if unicodedata.combining(ch):
            if ch.translate(_TABLE).lower() == ch:
                table[c] = _MARK | unicodedata.combining(ch)
            continue
        if c in composed_second:
            continue
        folded = ch.translate(_TABLE).lower()
        if len(folded) == 1:
            # and the class its decomposition ends with: Ö + dot below is not NFC (Ọ̈ is), and
            # whether the fold is a letter has_mixed looks for
            script = 1 if folded in LATIN_LOWER else 2 if folded in CYRILLIC_LOWER else 0
            table[c] = ord(folded) | unicodedata.combining(unicodedata.normalize("NFD", ch)[-1]) << 21 | script << 29
    return table.tobytes(), frozenset(pairs)


def fold_chars(text: str) -> str:
    """The length-preserving part of the fold, for keys and text alike (see ``break_lines``)."""
    return _fold_letters(break_lines(text))


def break_lines(text: str) -> str:
    """Line breaks, length-preserving: a single line break is a space (a two-word name may
    wrap), a blank line stays a paragraph break (``\n\n``). Windows line ends count as one
    break: a lone ``\r\n`` is two spaces, ``\r\n\r\n`` four newlines; a lone ``\r`` (old Mac
    files) is a ``\n``."""
    if "\r" in text:
        text = text.replace("\r\n\r\n", "\n\n\n\n").replace("\r\n", "  ").replace("\r", "\n")
    if "\n" in text:
        if "\x00" in text:
            text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
        else:
            text = text.replace("\n\n", "\x00\x00").replace("\n", " ").replace("\x00", "\n")
    return text


def _fold_letters(text: str) -> str:
    if len(text) < 4096:  # keys and short texts: one translate beats twenty scans
        text = text.translate(_TABLE)
    else:
        for old, new in _REPLACEMENTS:
            if old in text:
                text = text.replace(old, new)
    return text.lower()


class Folded:
    """The scan text of a block and the way back to the block's own offsets."""

    __slots__ = ("text", "_points", "_deltas", "_starts", "_ends", "mixed")

    def __init__(self, text: str, points=None, deltas=None, starts=None, ends=None, mixed: bool | None = None):
        self.text = text
        self.mixed = mixed  # whether text has a Latin letter beside a Cyrillic one, when the fold saw it
        self._points = points  # scan offsets where the shift to the original changes
        self._deltas = deltas
        self._starts = starts  # per scan character: first and past-last original index (slow path)
        self._ends = ends

    def is_identity(self) -> bool:
        """True when scan offsets are the block's own offsets."""
        return self._points is None and self._starts is None

    def start_of(self, pos: int) -> int:
        """Original offset of the scan character at ``pos``."""
        if self._starts is not None:
            return self._starts[pos]
        if self._points is None:
            return pos
        return pos + self._deltas[bisect_right(self._points, pos) - 1]

    def end_of(self, pos: int) -> int:
        """Original offset just past the scan character at ``pos - 1`` (a span's end)."""
        if self._ends is not None:
            return self._ends[pos - 1]
        return self.start_of(pos - 1) + 1


# A word hyphenated at a line end, as in OCR'd newspapers (``Степана-\nкерт``): see fold_block.
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?:\r\n|\r|\n)[ \t]*(?=[^\W\d_])")


def fold_block(block: str) -> Folded:
    fast = _fold_fast(block, *fast_fold_tables()) if _fold_fast is not None else None
    mixed = None  # not known: _hits looks (has_mixed)
    if fast is not None:
        text, hyphen, spaces, mixed = fast
    else:
        if not unicodedata.is_normalized("NFC", block) or any(c in block for c in _INVISIBLE):
            return _fold_slow(block)
        text = fold_chars(block)
        hyphen = "-\n" in block or "-\r" in block  # the cheap test first (~1 ms/MB): an ASCII hyphen just before the break
        spaces = "  " in text
    # Scan characters cut out, as (start, end): a hyphen and its line break where the next line
    # goes on in lower case (one word: Степана-⏎керт is Степанакерт), the line break alone
    # before a capital (a hyphenated name: Nagorno-⏎Karabakh, Şuşa-⏎Xankəndi); and runs of
    # spaces but their first (a two-word name matches across a line break or a double space).
    cuts = []
    if hyphen:
        for m in _LINE_END_HYPHEN.finditer(block):
            cuts.append((m.start(), m.end()) if block[m.end()].islower() else (m.start() + 1, m.end()))
    if spaces:
        cuts += [(m.start() + 1, m.end()) for m in _SPACE_RUN.finditer(text)]
    if not cuts:
        return Folded(text, mixed=mixed)  # cut text may join letters: then _hits looks
    cuts.sort()
    pieces, points, deltas = [], [0], [0]
    last, removed = 0, 0
    for a, b in cuts:
        if a < last:  # inside the cut before (the spaces of a hyphen's line break)
            if b <= last:
                continue
            a = last
        pieces.append(text[last:a])
        removed += b - a
        last = b
        points.append(last - removed)
        deltas.append(removed)
    pieces.append(text[last:])
    return Folded("".join(pieces), points, deltas)


def _fold_slow(block: str) -> Folded:
    """Per-character path for decomposed input: compose each base letter with its marks."""
    block = break_lines(block)  # on the whole block: a cluster alone cannot tell a blank line
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(block)
    prev_space = False
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(block[j]) or block[j] in _INVISIBLE):
            j += 1
        if block[i] in _INVISIBLE:
            i = j
            continue
        cluster = "".join(c for c in block[i:j] if c not in _INVISIBLE)
        for ch in _fold_letters(unicodedata.normalize("NFC", cluster)):
            if ch == " " and prev_space:
                ends[-1] = j
                continue
            prev_space = ch == " "
            chars.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Folded("".join(chars), starts=starts, ends=ends)
# -- mixed-script words ----------------------------------------------------------------------
LATIN_LOWER = "abcdefghijklmnopqrstuvwxyzçğıöşüəáàâãäåèéêëìíîïñòóôõùúûýÿ"
CYRILLIC_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғҝҹһјөүіїєў"
# Lower-case lookalikes; the minority letters of a mixed word go to its majority script.
_CYR_TO_LAT = dict(zip("аеорсухкіјһ", "aeopcyxkijh"))
_LAT_TO_CYR = {v: k for k, v in _CYR_TO_LAT.items()}
_WORD = re.compile(r"[^\W\d_]+")


# A Latin lower-case letter beside a Cyrillic one: a mixed-script word (``shushа``), the sign
# that fix_homoglyphs has work to do (the scan text is lower case).
_MIXED = re.compile(f"[{LATIN_LOWER}][{CYRILLIC_LOWER}]|[{CYRILLIC_LOWER}][{LATIN_LOWER}]")


def has_mixed(text: str) -> bool:
    """True when the scan text has a Latin letter beside a Cyrillic one (see fix_homoglyphs)."""
    return _MIXED.search(text) is not None


def fix_homoglyphs(text: str) -> str:
    """Move the lookalike letters of mixed Latin/Cyrillic words into the word's main script."""
    def repair(m: re.Match) -> str:
        w = m.group()
        lat = sum(1 for c in w if c in LATIN_LOWER)
        cyr = sum(1 for c in w if c in CYRILLIC_LOWER)
        if not lat or not cyr:
            return w
        table = _CYR_TO_LAT if lat >= cyr else _LAT_TO_CYR
        return "".join(table.get(c, c) for c in w)

    return _WORD.sub(repair, text)
