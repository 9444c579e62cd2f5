import pytest

from gazetteer.errors import DataError
from gazetteer.schema import load_dataset
from conftest import MINI_NAMES, MINI_PLACES, write_dataset


def test_mini_dataset_is_valid(mini_data):
    ds = load_dataset(mini_data)
    assert len(ds.places) == len(MINI_PLACES) and len(ds.names) == len(MINI_NAMES)


BAD_NAMES = [
    (("shusha-town", "Shusha", "hy", "official", "", "", "", "1"), "script of 'Shusha' is Latn, but 'hy' says Armn"),
    (("shusha-town", "Шуша", "az", "official", "", "", "", "1"), "unknown or incomplete language tag 'az'"),
    (("shusha-town", "Şuşa", "az-Latn", "official", "", "1990", "1980", "1"), "from 1990 is after to 1980"),
    (("nowhere", "X", "en", "variant", "", "", "", "0"), "unknown place_id 'nowhere'"),
    (("shusha-town", "X", "en", "nickname", "", "", "", "0"), "unknown type 'nickname'"),
    (("shusha-town", "X", "en", "variant", "martians", "", "", "0"), "unknown authority 'martians'"),
    (("shusha-town", "X", "en", "variant", "", "abc", "", "0"), "from is not an integer: 'abc'"),
    (("shusha-town", " X", "en", "variant", "", "", "", "0"), "text has leading or trailing space"),
    (("shusha-town", "Şuşa", "az-Latn", "official", "azerbaijan", "", "", "1"), "duplicate name 'Şuşa'"),
]


@pytest.mark.parametrize("row,message", BAD_NAMES)
def test_bad_name_row_is_reported_with_file_and_line(tmp_path, row, message):
    data = write_dataset(tmp_path / "d", names=MINI_NAMES + [row])
    with pytest.raises(DataError) as exc:
        load_dataset(data)
    line = len(MINI_NAMES) + 2  # header + 1-based
    assert any(p.startswith(f"toponyms.csv:{line}: ") and message in p for p in exc.value.problems), exc.value.problems


def test_all_problems_reported_at_once(tmp_path):
    rows = MINI_NAMES + [r for r, _ in BAD_NAMES[:4]]
    places = MINI_PLACES + [("bad id!", "town", "", "", "", None), ("x", "planet", 95, 10, "", None)]
    data = write_dataset(tmp_path / "d", places=places, names=rows)
    with pytest.raises(DataError) as exc:
        load_dataset(data)
    text = "\n".join(exc.value.problems)
    for needle in ("bad id 'bad id!'", "unknown kind 'planet'", "lat out of range", "script of 'Shusha'",
                   "unknown place_id 'nowhere'", "place 'x' has no name"):
        assert needle in text


def test_editorial_source_needs_a_note(tmp_path):
    data = write_dataset(tmp_path / "d")
    p = data / "toponyms.csv"
    p.write_text(p.read_text(encoding="utf-8").replace(",test fixture\n", ",\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_dataset(data)
    assert any("needs a note" in x for x in exc.value.problems)


@pytest.mark.parametrize("content,message", [
    (b"\xff\xfe garbage", "not UTF-8"),
    ("id,kind\nx,town\n".encode(), "header must be"),
])
def test_unreadable_places_file(tmp_path, content, message):
    data = write_dataset(tmp_path / "d")
    (data / "places.csv").write_bytes(content)
    with pytest.raises(DataError) as exc:
        load_dataset(data)
    assert any(p.startswith("places.csv:") and message in p for p in exc.value.problems)


def test_membership_must_point_at_existing_places(tmp_path):
    data = write_dataset(tmp_path / "d", memberships=[("shusha-town", "atlantis", "azerbaijan", "", "")])
    with pytest.raises(DataError) as exc:
        load_dataset(data)
    assert exc.value.problems == ["memberships.csv:2: unknown parent_id 'atlantis'"]
