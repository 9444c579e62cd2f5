"""The one generic engine that applies any scheme's rule table.

A scheme's rules compile into two parts, built once:

* a regular expression holding every rule that is longer than one character
  or depends on context (word start, previous or next letter), ordered longest
  first so that ``ու`` wins over ``ո`` and word exceptions win over letters;
* a ``str.translate`` table for the context-free single letters, which runs in
  C over the stretches between regex matches (this keeps index builds fast).

Matching runs on a length-preserving lower-cased copy of the text, so case is
restored per rule from the original: a capital letter gives a capitalised
output (``Շ`` → ``Sh``) and an ALL-CAPS word gives upper-case output
(``ՇՈՒՇԻ`` → ``SHUSHI``, never ``ShUSHI``).
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

# A "letter" for word boundaries: any Unicode letter. Combining marks and
# apostrophes inside a word do not end it (K'arvach'ar is one word).
_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f]"  # combining diacritics continue the word they sit on
_WORD_START = rf"(?<!{_LETTER})(?<!{_MARK})"
_WORD_END = rf"(?!{_LETTER})(?!{_MARK})"
_APOSTROPHES = "'’ʻʼ`‘′"
_ALL_CAPS_WORD = re.compile(rf"{_LETTER}(?:{_LETTER}|[\u0300-\u036f{_APOSTROPHES}·])*")


@dataclass(frozen=True)
class Rule:
    """One source string and its outputs (first = default, others = alternatives)."""

    match: str
    outs: tuple[str, ...]
    costs: tuple[float, ...] = ()  # ranking cost of each alternative (default: its index)
    prev: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    whole_word: bool = False

    def cost(self, index: int) -> float:
        return self.costs[index] if index < len(self.costs) else float(index)

    @property
    def contextual(self) -> bool:
        return bool(self.prev or self.next or self.whole_word)


def _class_pattern(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _context(specs: tuple[str, ...], classes: dict[str, str], behind: bool) -> str:
    """Any-of context: '^'/'$' = word boundary, 'name' = class, '!name' = not class."""
    if not specs:
        return ""
    parts = []
    for spec in specs:
        if spec in ("^", "$"):
            parts.append(_WORD_START if behind else _WORD_END)
            continue
        negate = spec.startswith("!")
        body = _class_pattern(classes[spec.lstrip("!")])
        if behind:
            parts.append(f"(?<!{body})" if negate else f"(?<={body})")
        else:
            parts.append(f"(?!{body})" if negate else f"(?={body})")
    return "(?:" + "|".join(parts) + ")"


@dataclass
class CaseRules:
    """Per-scheme case exceptions: Turkic I/ı on input, İ and և on output."""

    fold: dict[str, str] = field(default_factory=dict)  # input char → lower/plain form
    upper: dict[str, str] = field(default_factory=dict)  # target lower → capital
    title: dict[str, str] = field(default_factory=dict)  # target lower → title form

    def capitalize(self, text: str) -> str:
        for i, ch in enumerate(text):
            if ch.lower() != ch.upper() or ch in self.title:
                cap = self.title.get(ch) or self.upper.get(ch) or ch.upper()
                return text[:i] + cap + text[i + 1:]
        return text

    def upper_all(self, text: str) -> str:
        return "".join(self.upper.get(ch) or ch.upper() for ch in text)


class Transliterator:
    """A compiled rule table. ``apply`` never raises; unknown characters pass through."""

    def __init__(self, rules: list[Rule], classes: dict[str, str], case: CaseRules):
        self.case = case
        # Longest first; at equal length whole words, then context rules, then plain.
        order = sorted(
            enumerate(rules),
            key=lambda ir: (-ir[1].whole_word, -len(ir[1].match), not ir[1].contextual, ir[0]),
        )
        regex_rules = [r for _, r in order if r.contextual or len(r.match) > 1]
        self._rules = regex_rules
        parts = []
        for rule in regex_rules:
            prev = _WORD_START if rule.whole_word else _context(rule.prev, classes, True)
            nxt = _WORD_END if rule.whole_word else _context(rule.next, classes, False)
            parts.append(f"{prev}({re.escape(rule.match)}){nxt}")
        self._regex = re.compile("|".join(parts)) if parts else None

        self._single_rules = {r.match: r for _, r in order if not r.contextual and len(r.match) == 1}
        singles = {m: r.outs for m, r in self._single_rules.items()}
        self._lower = {}
        for ch in {c for r in rules for c in r.match}:
            cap = ch.upper()
            if len(cap) == 1 and cap != ch:
                self._lower[ord(cap)] = ch
        for cap, low in case.fold.items():
            self._lower[ord(cap)] = low
        # Capitals map straight to capitalised output, so title case costs nothing.
        self._table = {ord(c): outs[0] for c, outs in singles.items()}
        for cap_ord, low in self._lower.items():
            if low in singles:
                out = singles[low][0]
                self._table[cap_ord] = case.capitalize(out) if chr(cap_ord).isupper() else out

    # -- fast path -------------------------------------------------------

    def apply(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        lowered = text.translate(self._lower)
        if lowered == text:
            return self._run(text, text)
        # ALL-CAPS words are transliterated in lower case, then upper-cased whole.
        out, pos = [], 0
        for m in _ALL_CAPS_WORD.finditer(text):
            word = m.group()
            low_word = lowered[m.start():m.end()]
            if sum(c.isupper() for c in word) < 2 or any(c.islower() for c in word):
                continue
            out.append(self._run(text[pos:m.start()], lowered[pos:m.start()]))
            out.append(self.case.upper_all(self._run(low_word, low_word)))
            pos = m.end()
        out.append(self._run(text[pos:], lowered[pos:]))
        return "".join(out)

    def _run(self, text: str, lowered: str) -> str:
        if self._regex is None:
            return text.translate(self._table)
        out, pos = [], 0
        for m in self._regex.finditer(lowered):
            start = m.start()
            if start > pos:
                out.append(text[pos:start].translate(self._table))
            rep = self._rules[m.lastindex - 1].outs[0]
            if text[start].isupper():
                rep = self.case.capitalize(rep)
            out.append(rep)
            pos = m.end()
            if pos == start:  # zero-width safety; rules are never empty
                pos += 1
        if pos < len(text):
            out.append(text[pos:].translate(self._table))
        return "".join(out)

    # -- alternatives ------------------------------------------------------

    def segments(self, text: str) -> list[tuple[tuple[str, ...], Rule | None]]:
        """The text cut into rule matches: (cased outputs, rule) — default output first."""
        text = unicodedata.normalize("NFC", text)
        lowered = text.translate(self._lower)
        segs: list[tuple[tuple[str, ...], Rule | None]] = []

        def cased(outs: tuple[str, ...], original: str) -> tuple[str, ...]:
            if original[:1].isupper():
                return tuple(self.case.capitalize(o) for o in outs)
            return outs

        def singles(a: int, b: int) -> None:
            for i in range(a, b):
                rule = self._single_rules.get(lowered[i])
                outs = rule.outs if rule else (text[i],)
                segs.append((cased(outs, text[i]), rule))

        pos = 0
        for m in self._regex.finditer(lowered) if self._regex else ():
            singles(pos, m.start())
            rule = self._rules[m.lastindex - 1]
            segs.append((cased(rule.outs, text[m.start():m.end()]), rule))
            pos = max(m.end(), m.start() + 1)
        singles(pos, len(text))
        return segs

    def candidates(self, text: str, limit: int = 8, max_departures: int = 3) -> list[str]:
        """Distinct outputs ranked by the summed cost of the alternatives chosen.

        Departures from the defaults are bounded (``max_departures``) so the search
        stays small on long strings; the default output always comes first.
        """
        segs = self.segments(text)
        points = [i for i, (outs, _) in enumerate(segs) if len(outs) > 1]
        scored: list[tuple[float, int, str]] = []
        serial = 0
        for departures in range(min(max_departures, len(points)) + 1):
            for chosen in itertools.combinations(points, departures):
                for picks in itertools.product(*(range(1, len(segs[i][0])) for i in chosen)):
                    pick = dict(zip(chosen, picks))
                    cost = sum(segs[i][1].cost(j) for i, j in pick.items())
                    word = "".join(outs[pick.get(i, 0)] for i, (outs, _) in enumerate(segs))
                    scored.append((cost, serial, word))
                    serial += 1
        results: list[str] = []
        for _, _, word in sorted(scored):
            if word not in results:
                results.append(word)
                if len(results) >= limit:
                    break
        return results
