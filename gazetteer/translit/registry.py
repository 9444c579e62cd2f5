"""The registry of schemes: one TOML file each in ``schemes/``, loaded once, lazily."""
from __future__ import annotations

import threading
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.errors import UnknownScheme
from gazetteer.translit.engine import CaseRules, Rule, Transliterator

SCHEME_DIR = Path(__file__).parent / "schemes"
CHAIN = "+"  # "a+b" applies scheme a, then scheme b


@dataclass(frozen=True)
class Scheme:
    """A named transliteration scheme, as read from its data file."""

    name: str
    source: str  # BCP 47 language(-script) the scheme reads: hy, ru, az-Cyrl, az-Latn, Latn
    target: str  # what it writes: hy-Latn, en-Latn, Armn, Cyrl, az-Latn, …
    standard: str  # the published standard, or "house convention"
    description: str
    limits: str
    samples: tuple[tuple[str, str], ...]
    path: Path = field(repr=False, compare=False)
    engine: Transliterator = field(repr=False, compare=False)
    # False when the output must not be read by the sound skeleton: German ch/j/w, or a
    # reverse-search guess (Kecud → Кекуд): their skeletons equate names that sound apart
    sound_keys: bool = True
    # False when running text does not spell names this way (a search-only, vowel-less
    # romanization): the tagger does not look for its output
    tagging: bool = True

    def transliterate(self, text: str) -> str:
        return self.engine.apply(text)

    def candidates(self, text: str, limit: int = 8) -> list[str]:
        """Plausible outputs when the scheme lists alternatives, best first."""
        return self.engine.candidates(text, limit)


def _rule(match: str, value: str | list[str] | dict, **context) -> Rule:
    """A rule from a data value: "out", ["out", "alt", …] or {out = [...], cost = [...]}."""
    costs: tuple[float, ...] = ()
    if isinstance(value, dict):
        costs = tuple(float(c) for c in value.get("cost", ()))
        value = value["out"]
    outs = (value,) if isinstance(value, str) else tuple(value)
    outs = tuple(unicodedata.normalize("NFC", o) for o in outs)
    return Rule(unicodedata.normalize("NFC", match), outs, costs, **context)


def _tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def load_scheme(path: Path) -> Scheme:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    try:
        classes = dict(data.get("classes", {}))
        rules = [_rule(k, v) for k, v in data.get("map", {}).items()]
        for r in data.get("rules", []):
            value = {"out": r["out"], "cost": r.get("cost", ())}
            rules.append(_rule(r["match"], value, prev=_tuple(r.get("prev")), next=_tuple(r.get("next"))))
        rules += [_rule(k, v, whole_word=True) for k, v in data.get("exceptions", {}).items()]
        for rule in rules:
            for spec in rule.prev + rule.next:
                if spec.lstrip("!") not in classes and spec not in ("^", "$"):
                    raise ValueError(f"rule {rule.match!r}: unknown class {spec!r}")
        case = data.get("case", {})
        engine = Transliterator(
            rules, classes, CaseRules(case.get("fold", {}), case.get("upper", {}), case.get("title", {}))
        )
        return Scheme(
            name=data["name"],
            source=data["source"],
            target=data["target"],
            standard=data["standard"],
            description=data["description"].strip(),
            limits=data.get("limits", "").strip(),
            samples=tuple((a, b) for a, b in data.get("samples", [])),
            path=path,
            engine=engine,
            sound_keys=bool(data.get("sound_keys", True)),
            tagging=bool(data.get("tagging", True)),
        )
    except (KeyError, ValueError) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc


class _Registry:
    """Loads every scheme file on first use; thread-safe, then read-only."""

    def __init__(self, directory: Path):
        self._dir = directory
        self._lock = threading.Lock()
        self._by_name: dict[str, Scheme] | None = None

    def by_name(self) -> dict[str, Scheme]:
        if self._by_name is None:
            with self._lock:
                if self._by_name is None:
                    loaded = [load_scheme(p) for p in sorted(self._dir.glob("*.toml"))]
                    by_name = {s.name: s for s in loaded}
                    if len(by_name) != len(loaded):
                        raise ValueError("two scheme files share a name")
                    self._by_name = dict(sorted(by_name.items()))
        return self._by_name


REGISTRY = _Registry(SCHEME_DIR)


def schemes() -> list[Scheme]:
    """Every registered scheme, sorted by name."""
    return list(REGISTRY.by_name().values())


def get_scheme(name: str) -> Scheme:
    """The scheme called ``name``; raises UnknownScheme listing the valid names."""
    found = REGISTRY.by_name().get(name)
    if found is None:
        valid = ", ".join(REGISTRY.by_name())
        raise UnknownScheme(f"unknown transliteration scheme {name!r}; valid schemes: {valid}")
    return found


def transliterate(text: str, scheme: str) -> str:
    """``text`` through ``scheme`` (or a chain ``a+b``). Never raises on the text."""
    steps = [get_scheme(part) for part in scheme.split(CHAIN)]
    for step in steps:
        text = step.transliterate(text)
    return text


def candidates(text: str, scheme: str, limit: int = 8) -> list[str]:
    """Several plausible outputs of an ambiguous (reverse) scheme, best first."""
    *first, last = scheme.split(CHAIN)
    for part in first:
        text = get_scheme(part).transliterate(text)
    return get_scheme(last).candidates(text, limit)
