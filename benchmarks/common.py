"""Shared by the benchmarks: one-edit typos, made the same way everywhere."""
from __future__ import annotations

import random


def typo(s: str, rnd: random.Random) -> str:
    """Delete, substitute (with a letter of the word) or transpose one inner character."""
    i = rnd.randrange(1, len(s) - 2)
    op = rnd.choice("dst")
    if op == "d":
        return s[:i] + s[i + 1:]
    if op == "s":
        letters = [c for c in s if c.isalpha()] or ["a"]
        return s[:i] + rnd.choice(letters) + s[i + 1:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]
