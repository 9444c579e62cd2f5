"""Integrity checks on the seed curation files (data/curation/seed_{places,names,memberships}.csv).

The checks against the checklist itself need the shared folder beside the project
(``../shared/seed-places.tsv``); they skip cleanly when it is absent.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from gazetteer.schema import parse_memberships, parse_names, parse_places, read_text
from gazetteer.vocab import load_vocab

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CUR = DATA / "curation"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed-places.tsv"

COLUMN_LANG = {"armenian_script": "hy", "azerbaijani_latin": "az-Latn", "russian_cyrillic": "ru"}

# Checklist "historical names" that are not names of the place itself (a membership, a wider or
# neighbouring unit, a fact): reviewed and deliberately not turned into name rows.
NOT_NAMES = {
    ("aghdam-district", "Askeran/Martakert provinces"),
    ("jabrayil-district", "part of Hadrut Province"),
    ("lachin-district", "Kashatagh Province"),
    ("kalbajar-district", "part of Shahumyan Province"),
    ("qubadli-district", "part of Kashatagh Province"),
    ("zangilan-district", "part of Kashatagh Province"),
    ("batumi", "Batum Oblast"),
    ("kars", "centre of Kars Oblast"),
}


@pytest.fixture(scope="module")
def parsed():
    vocab = load_vocab(str(DATA.resolve()))
    problems: list[str] = []
    places = parse_places(read_text(CUR / "seed_places.csv", problems), vocab, problems, "seed_places.csv")
    ids = {p.id for p in places}
    names = parse_names(read_text(CUR / "seed_names.csv", problems), vocab, ids, problems, "seed_names.csv")
    members = parse_memberships(read_text(CUR / "seed_memberships.csv", problems), vocab, ids, problems,
                                "seed_memberships.csv")
    return places, names, members, problems


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("shared checklist (../shared/seed-places.tsv) not available")
    with SEED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).strip()


def _split(cell: str) -> list[str]:
    """Split a checklist cell on ``;`` outside square brackets."""
    out, depth, cur = [], 0, ""
    for ch in cell:
        depth += ch == "["
        depth -= ch == "]"
        if ch == ";" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [_nfc(x) for x in out if _nfc(x)]


def _years(entry: str):
    for b in re.findall(r"\[([^\]]*)\]", entry):
        b = b.strip()
        m = re.fullmatch(r"(?:c\.)?(\d{3,4})?\s*-\s*(\d{3,4})?", b)
        if m and (m.group(1) or m.group(2)):
            return (int(m.group(1)) if m.group(1) else None, int(m.group(2)) if m.group(2) else None)
        m = re.fullmatch(r"(\d{3,4})( BC)?", b)
        if m:
            y = -int(m.group(1)) if m.group(2) else int(m.group(1))
            return (y, y)
    return None


# ---- the files on their own ---------------------------------------------------------------------
def test_files_validate(parsed):
    places, names, members, problems = parsed
    assert problems == []
    assert places and names and members


def test_every_place_has_a_name(parsed):
    places, names, _, _ = parsed
    named = {n.place_id for n in names}
    assert sorted(p.id for p in places if p.id not in named) == []


def test_every_place_has_a_source_and_names_cite_the_checklist(parsed):
    places, names, _, _ = parsed
    for p in places:
        assert f"seed:{p.id}" in p.source.split(";")
    for n in names:
        assert f"seed:{n.place_id}" in n.source.split(";"), n


def test_no_question_marks_left(parsed):
    places, names, _, _ = parsed
    assert [n.text for n in names if n.text.endswith("?")] == []


def test_one_preferred_per_lang_and_authority(parsed):
    _, names, _, _ = parsed
    pref = defaultdict(list)
    for n in names:
        if n.preferred:
            for a in n.used_by or ("",):
                pref[(n.place_id, n.lang, a)].append(n.text)
    # a group whose only names are uncertain (marked ? in the checklist) has no preferred name
    groups = {(n.place_id, n.lang, a) for n in names if n.certainty != "uncertain" for a in (n.used_by or ("",))}
    assert sorted(g for g in groups if not pref.get(g)) == []


def test_disputed_names_kept_with_their_users(parsed):
    _, names, _, _ = parsed
    by = defaultdict(set)
    for n in names:
        by[(n.place_id, n.text, n.lang)] |= set(n.used_by)
    assert {"azerbaijan"} <= by[("stepanakert", "Xankəndi", "az-Latn")]
    assert {"armenia", "artsakh"} <= by[("stepanakert", "Ստեփանակերտ", "hy")]
    assert {"ussr", "azssr"} <= by[("stepanakert", "Ստեփանակերտ", "hy")] | by[("stepanakert", "Степанакерт", "ru")]
    assert {"azerbaijan"} <= by[("shusha-town", "Şuşa", "az-Latn")]
    assert {"armenia", "artsakh"} <= by[("shusha-town", "Շուշի", "hy")]
    for pid, text in (("stepanakert", "Stepanakert"), ("stepanakert", "Khankendi"), ("shusha-town", "Shusha"),
                      ("shusha-town", "Shushi"), ("kalbajar-town", "Kalbajar"), ("kalbajar-town", "Karvachar")):
        assert by[(pid, text, "en")], (pid, text)


def test_dated_renamings(parsed):
    _, names, _, _ = parsed
    dated = {(n.place_id, n.text, n.from_year, n.to_year) for n in names}
    for row in (("tartar-town", "Mir-Bashir", 1949, 1991), ("ganja", "Elizavetpol", 1804, 1918),
                ("ganja", "Kirovabad", 1935, 1989), ("fuzuli-town", "Karyagino", None, 1959),
                ("vanadzor", "Kirovakan", 1935, 1993), ("gyumri", "Leninakan", 1924, 1990),
                ("stepanakert", "Khankendi", None, 1923)):
        assert row in dated, row


def test_memberships_reference_known_places_and_no_self_links(parsed):
    places, _, members, _ = parsed
    ids = {p.id for p in places}
    for m in members:
        assert m.child_id in ids and m.parent_id in ids and m.child_id != m.parent_id


# ---- against the checklist ----------------------------------------------------------------------
def test_every_seed_key_present(parsed, seed):
    ids = {p.id for p in parsed[0]}
    assert sorted({r["key"] for r in seed} - ids) == []
    kinds = {p.id: p.kind for p in parsed[0]}
    assert [r["key"] for r in seed if kinds.get(r["key"]) != r["kind"]] == []


def test_confirmed_hy_az_ru_names_present(parsed, seed):
    _, names, _, _ = parsed
    have = {(n.place_id, n.text, n.lang) for n in names}
    missing = []
    for r in seed:
        for col, lang in COLUMN_LANG.items():
            for val in _split(r[col]):
                if not val.endswith("?") and (r["key"], val, lang) not in have:
                    missing.append((r["key"], lang, val))
    assert missing == []


def test_uncertain_values_kept_as_uncertain_variants(parsed, seed):
    """A name the checklist marks with ? is kept (a user may paste it), but as an uncertain,
    never preferred variant with a note; an uncertain coordinate is left out."""
    _, names, _, _ = parsed
    by_key = {(n.place_id, n.text, n.lang): n for n in names}
    places = {p.id: p for p in parsed[0]}
    checked = 0
    for r in seed:
        for col, lang in COLUMN_LANG.items():
            for val in _split(r[col]):
                if val.endswith("?"):
                    n = by_key.get((r["key"], _nfc(val.rstrip("?").strip()), lang))
                    assert n is not None, (r["key"], val)
                    assert (n.certainty, n.type, n.preferred) == ("uncertain", "variant", False), (r["key"], val)
                    assert "uncertain (?)" in (n.note or "")
                    checked += 1
        if r["lat"].strip().endswith("?"):
            assert places[r["key"]].lat is None
    assert checked > 0


def test_historical_names_present_with_years(parsed, seed):
    _, names, _, _ = parsed
    by_place = defaultdict(set)
    for n in names:
        by_place[n.place_id].add((n.text, n.from_year, n.to_year))
    missing = []
    for r in seed:
        for entry in _split(r["historical_names"]):
            if entry.endswith("?"):
                continue
            part = _nfc(entry.split("[", 1)[0])
            if (r["key"], part) in NOT_NAMES:
                continue
            main = _nfc(part.split("(", 1)[0].split(" / ", 1)[0]).strip("'")
            texts = {t for t, _, _ in by_place[r["key"]]}
            yrs = _years(entry)
            if yrs is None:
                if main not in texts:
                    missing.append((r["key"], entry))
            elif (main, *yrs) not in by_place[r["key"]]:
                missing.append((r["key"], entry, yrs))
    assert missing == []
