"""What the web pages show, computed from ``Gazetteer`` calls: name columns, parents per
authority, labels in a naming convention, citations, tagged-text segments.

Templates only lay these out; every choice of *which* name to show is made here, once, so that
no page can quietly promote one community's name to "the" name.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from gazetteer import Gazetteer
from gazetteer.reconcile import conventions as naming_conventions
from gazetteer.reconcile import convention_name
from gazetteer.records import Name, Place
from gazetteer.vocab import Vocab, lang_base, load_vocab, tag_script

DEFAULT_CONVENTION = "en"  # the page is in English: label places with their international English names
# Columns of their own on a place page, ordered by their English label (no language comes first
# because of who speaks it); every other language and romanization goes under "Other".
MAIN_LANGUAGES = {"az": "Azerbaijani", "en": "English", "hy": "Armenian", "ru": "Russian"}
NATIVE_SCRIPTS = {"az": ("Latn", "Cyrl"), "en": ("Latn",), "hy": ("Armn",), "ru": ("Cyrl",)}
SCRIPTS = {"Latn": "Latin", "Cyrl": "Cyrillic", "Armn": "Armenian", "Arab": "Arabic", "Grek": "Greek",
           "Geor": "Georgian"}
CURRENT_TYPES = ("official", "endonym", "exonym", "colloquial", "abbreviation", "variant")


def display_conventions() -> dict[str, str]:
    """Naming conventions a reader can pick to label places (those of gazetteer.tagging)."""
    return naming_conventions()


def pick_convention(requested: str | None) -> str:
    return requested if requested in display_conventions() else DEFAULT_CONVENTION


# -- labels -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Label:
    text: str
    lang: str | None  # BCP 47 tag for the ``lang`` attribute; None when unknown


def label(gz: Gazetteer, place_id: str, convention: str) -> Label:
    """A place's name in a naming convention, with its language; falls back to the best name
    the place has at all (some places have no name in some conventions)."""
    names = gz.names(place_id)
    text = convention_name(convention, names)
    if text is None:
        text = gz.display_name(place_id)
    lang = next((n.lang for n in names if n.text == text), None)
    return Label(text, lang)


def script_lang(text: str) -> str:
    """``und-Armn``/``und-Cyrl``/``und-Latn``: a language tag naming only the script, for text
    whose language we do not know (user input) but whose script picks the font."""
    from gazetteer.scripts import script_of

    script = script_of(text)
    return f"und-{script}" if script in SCRIPTS else "und"


# -- names of a place -------------------------------------------------------------------------
@dataclass
class NameColumn:
    key: str
    title: str
    current: list[Name] = field(default_factory=list)
    historical: list[Name] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.current) + len(self.historical)


def vocab(gz: Gazetteer) -> Vocab:
    return load_vocab(str(gz.data_dir.resolve()))


@lru_cache(maxsize=4)
def _language_labels(data_dir: str) -> dict[str, str]:
    with (Path(data_dir) / "vocab" / "languages.csv").open(encoding="utf-8", newline="") as fh:
        return {row["tag"]: row["label"] for row in csv.DictReader(fh)}


def language_label(gz: Gazetteer, tag: str) -> str:
    """``hy-Latn-t-hy-m0-bgn`` -> ``Armenian, Latin script (romanization)``."""
    base = lang_base(tag)
    label_ = _language_labels(str(gz.data_dir)).get(base, base)
    if base == "und":
        label_ = "Language not recorded"
    script = tag_script(tag)
    if script:
        label_ += f", {SCRIPTS.get(script, script)} script"
    if "-t-" in tag:
        label_ += " (romanization)"
    return label_


def is_historical(n: Name) -> bool:
    return n.type == "historical" or n.to_year is not None


def _chronological(names: Iterable[Name]) -> list[Name]:
    return sorted(names, key=lambda n: (n.from_year if n.from_year is not None else -10_000,
                                        n.to_year if n.to_year is not None else 10_000))


def _by_type(names: Iterable[Name]) -> list[Name]:
    order = {t: i for i, t in enumerate(CURRENT_TYPES)}
    return sorted(names, key=lambda n: (not n.preferred, order.get(n.type, 9), bool(n.derived_from)))


def _fill(columns: dict[str, NameColumn], key: str, title: str, n: Name) -> None:
    col = columns.setdefault(key, NameColumn(key, title))
    (col.historical if is_historical(n) else col.current).append(n)


def name_columns(gz: Gazetteer, place_id: str, by: str = "language") -> tuple[list[NameColumn], list[NameColumn]]:
    """The place's names as ``(main columns, other columns)``: by language (Armenian,
    Azerbaijani, English, Russian; the rest under other) or by community (who uses the name).
    In each column current names come first, preferred first; then historical names by date."""
    columns: dict[str, NameColumn] = {}
    for n in gz.names(place_id):
        if by == "community":
            for user in n.used_by or ("",):
                title = gz.authority_label(user) if user else "Users not recorded"
                _fill(columns, user or "~", title, n)
        else:
            base = lang_base(n.lang)
            main = (base in MAIN_LANGUAGES and "-t-" not in n.lang
                    and (tag_script(n.lang) or NATIVE_SCRIPTS[base][0]) in NATIVE_SCRIPTS[base])
            key = base if main else n.lang
            _fill(columns, key, MAIN_LANGUAGES[base] if main else language_label(gz, n.lang), n)
    for col in columns.values():
        col.current = _by_type(col.current)
        col.historical = _chronological(col.historical)
    ordered = sorted(columns.values(), key=lambda c: (c.key == "~", c.title))
    if by == "community":
        return ordered, []
    return [c for c in ordered if c.key in MAIN_LANGUAGES], [c for c in ordered if c.key not in MAIN_LANGUAGES]


def years(from_year: int | None, to_year: int | None) -> str:
    """``1923–1991``, ``since 1991``, ``until 1923`` or ``""``."""
    if from_year is None and to_year is None:
        return ""
    if to_year is None:
        return f"since {from_year}"
    if from_year is None:
        return f"until {to_year}"
    return f"{from_year}–{to_year}" if from_year != to_year else str(from_year)


def side_by_side(gz: Gazetteer, place_id: str) -> list[Label]:
    """The current preferred names in each main language, side by side (competing usages of one
    language both shown): the heading of a place, which names it in no one convention."""
    from .reconcile import reconciler

    out = []
    by_language_label = sorted(reconciler().main_names(place_id), key=lambda lt: MAIN_LANGUAGES.get(lang_base(lt[0]), ""))
    for lang, texts in by_language_label:
        out += [Label(t, lang) for t in texts.split(" / ")]
    return list(dict.fromkeys(out)) or [Label(gz.display_name(place_id), None)]


# -- sources and links ------------------------------------------------------------------------
SOURCE_LINKS = {"geonames": "https://www.geonames.org/{}",
                "wof": "https://spelunker.whosonfirst.org/id/{}/",
                "wikidata": "https://www.wikidata.org/wiki/{}"}
SOURCE_LABELS = {"seed": "project checklist", "wof": "Who's On First", "geonames": "GeoNames",
                 "iso3166-2": "ISO 3166-2", "cite": "", "editorial": "editorial"}


@dataclass(frozen=True)
class SourceRef:
    text: str
    href: str | None = None


def sources(source: str) -> list[SourceRef]:
    """``seed:x;wof:123;cite:Law…`` -> readable references, linked where the source has a page."""
    out = []
    for part in filter(None, (s.strip() for s in source.split(";"))):
        scheme, _, value = part.partition(":")
        href = SOURCE_LINKS[scheme].format(value) if scheme in SOURCE_LINKS and value else None
        prefix = SOURCE_LABELS.get(scheme, scheme)
        if scheme == "seed":
            value = ""  # the checklist key is our own id: the label says enough
        out.append(SourceRef(f"{prefix} {value}".strip() if prefix else value, href))
    return out


def external_links(place: Place) -> list[SourceRef]:
    links = [SourceRef(f"GeoNames {i}", SOURCE_LINKS["geonames"].format(i)) for i in place.geonames_ids]
    links += [SourceRef(f"Who's On First {i}", SOURCE_LINKS["wof"].format(i)) for i in place.wof_ids]
    if place.wikidata:
        links.append(SourceRef(f"Wikidata {place.wikidata}", SOURCE_LINKS["wikidata"].format(place.wikidata)))
    return links


# -- parents ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParentLink:
    id: str
    label: Label
    years: str
    certainty: str


def parents_by_authority(gz: Gazetteer, place_id: str, convention: str) -> list[tuple[str, list[ParentLink]]]:
    """``[(authority label, [parent, …])]``, authorities in alphabetical order of their labels,
    each authority's parents newest first."""
    grouped: dict[str, list[ParentLink]] = {}
    for m in sorted(gz.parents(place_id), key=lambda m: -(m.from_year or -10_000)):
        grouped.setdefault(gz.authority_label(m.authority), []).append(
            ParentLink(m.parent_id, label(gz, m.parent_id, convention), years(m.from_year, m.to_year), m.certainty))
    return sorted(grouped.items())


# -- citation ---------------------------------------------------------------------------------
def citation(gz: Gazetteer, place: Place, names: list[Label], url: str) -> str:
    shown = " / ".join(n.text for n in names)
    version = f", data version {gz.data_version[:12]}" if gz.data_version else ""
    return f"“{shown}” ({place.kind}, id {place.id}). Caucasus toponym gazetteer{version}. {url}"


# -- tagged text ------------------------------------------------------------------------------
AMBIGUOUS_MARGIN = 0.1  # candidates whose ranking scores are this close: the tagger could not tell


def ambiguity(mention) -> str:
    """``single`` (one candidate), ``ranked`` (several, a clear first: Шуша the town before the
    district named after it) or ``ambiguous`` (the first two scored within AMBIGUOUS_MARGIN)."""
    if len(mention.candidates) < 2:
        return "single"
    scores = mention.scores
    if len(scores) >= 2 and scores[0] - scores[1] >= AMBIGUOUS_MARGIN:
        return "ranked"
    return "ambiguous"


def match_reason(why: str) -> str:
    """The reason part of a result's ``why`` (``matched 'X' [en exonym]: exact spelling`` ->
    ``exact spelling``): the page shows the matched name itself with its language."""
    return why.split("]: ", 1)[-1]


def segments(text: str, mentions: Iterable) -> Iterator[tuple[str, object]]:
    """``("text", str)`` and ``("mention", Mention)`` in order, covering ``text`` exactly."""
    last = 0
    for m in mentions:
        if m.start < last:  # overlapping mentions are not produced by the tagger; never show text twice
            continue
        if m.start > last:
            yield "text", text[last:m.start]
        yield "mention", m
        last = m.end
    if last < len(text):
        yield "text", text[last:]
