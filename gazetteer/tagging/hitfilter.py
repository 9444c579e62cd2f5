"""The first filter of the automaton's hits (see ``Tagger._hits``): the scan where the optional C
extension ``_hits`` was not built. With it, the extension's trie finds the same hits at once
(``trie_c``, ``scan_c``; tests/test_hitfilter.py holds the two equal).

``prefilter(s, found, special, tail_heads, known_tails)`` takes the scan text and the
automaton's ``(key, start, end)`` hits, and keeps, in order, those that start a word:
``(key, start, end, tail)`` for a hit whose tail (the rest of the word after it: an optional
apostrophe or hyphen, then letters and digits) is empty, starts with an apostrophe or a hyphen,
or is a known tail; and ``(key, start, end, None)`` for any other hit on a ``special`` key (cue
words are read whatever ending they have). Most hits are a stem inside a word, or at the start
of a longer word that goes on with two letters no tail starts with (``tail_heads``).
"""
from __future__ import annotations

import re

_TAIL = re.compile(r"['-]?[^\W_]*")  # see keytable._TAIL_OK


def prefilter(s: str, found: list[tuple[int, int, int]], special, tail_heads, known_tails) -> list[tuple]:
    n = len(s)
    out = []
    append = out.append
    tail_match = _TAIL.match
    for key, start, e in found:
        if start and s[start - 1].isalnum():
            continue
        if e < n:
            c = s[e]
            if c.isalnum():
                if e + 1 < n and s[e + 1].isalnum() and s[e:e + 2] not in tail_heads:
                    tail = None
                else:
                    tail = tail_match(s, e).group()
                    if tail not in known_tails:
                        tail = None
            elif c == "'" or c == "-":
                tail = tail_match(s, e).group()
            else:
                tail = ""
        else:
            tail = ""
        if tail is not None or key in special:
            append((key, start, e, tail))
    return out


from .compiled import HITS

spans_c = HITS.spans if HITS is not None else None
trie_c = HITS.trie if HITS is not None else None
scan_c = HITS.scan if HITS is not None else None
COMPILED = HITS is not None
