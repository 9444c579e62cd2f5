"""The controlled vocabularies in ``data/vocab/``: kinds, languages, authorities."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import DataError

NAME_TYPES = ("official", "endonym", "exonym", "historical", "colloquial", "variant", "abbreviation")
CERTAINTIES = ("certain", "probable", "uncertain")

# language[-Script][-REGION][-t-...] : enough of BCP 47 for our tags.
_TAG = re.compile(
    r"^(?P<lang>[a-z]{2,3})(?:-(?P<script>[A-Z][a-z]{3}))?(?:-(?P<region>[A-Z]{2}|\d{3}))?"
    r"(?P<ext>-[tx](?:-[a-z0-9]{1,8})+)?$"
)


@dataclass(frozen=True)
class Vocab:
    kinds: dict[str, dict]
    languages: dict[str, str]  # tag -> default script ('' = must be explicit)
    authorities: dict[str, str]
    # authority -> (from, to) years it existed; a name it used without years of its own was in
    # use at most then (Тертер "used by russia" is no name of 1970)
    authority_periods: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)

    def script_for(self, tag: str) -> str | None:
        """The script a BCP 47 ``tag`` asks for, or None when the tag is not acceptable."""
        m = _TAG.match(tag)
        if not m or m.group("lang") not in self.languages:
            return None
        return m.group("script") or self.languages[m.group("lang")] or None

    def kind_category(self, kind: str) -> str:
        return self.kinds[kind]["category"]

    def kind_rank(self, kind: str) -> int:
        return int(self.kinds.get(kind, {}).get("rank", 0))


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=8)
def load_vocab(data_dir: str) -> Vocab:
    base = Path(data_dir) / "vocab"
    try:
        kinds = {r["kind"]: r for r in _read(base / "kinds.csv")}
        langs = {r["tag"]: r["script"] for r in _read(base / "languages.csv")}
        rows = _read(base / "authorities.csv")
        auths = {r["id"]: r["label"] for r in rows}
        periods = {r["id"]: (int(r["from"]) if r.get("from") else None, int(r["to"]) if r.get("to") else None)
                   for r in rows if r.get("from") or r.get("to")}
    except (OSError, KeyError, ValueError) as exc:
        raise DataError([f"{base}: cannot read vocabulary: {exc}"]) from exc
    return Vocab(kinds, langs, auths, periods)


def lang_base(tag: str) -> str:
    """``hy-Latn-t-hy-m0-bgn`` -> ``hy``."""
    return tag.split("-", 1)[0]


def tag_script(tag: str) -> str | None:
    """Explicit script subtag of ``tag`` or None."""
    m = _TAG.match(tag)
    return m.group("script") if m else None
