"""The tagger's cached key tables are rebuilt whenever anything they are made from changes."""
from pathlib import Path

import pytest

from gazetteer.tagging import cache


@pytest.mark.parametrize("name", ["keytable.py", "inflection.py", "textfold.py", "rules.toml", "ru.toml"])
def test_the_cache_key_follows_every_input_of_the_tables(monkeypatch, name):
    before = cache._tables_hash()
    real = Path.read_bytes

    def edited(self):
        data = real(self)
        return data + b"\n# edited" if self.name == name else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert cache._tables_hash() != before


@pytest.mark.parametrize("name", ["ru-Cyrl-t-ru-latn-x0-search.toml", "engine.py", "generic.toml", "generic.py"])
def test_the_transliteration_schemes_change_the_data_version_the_cache_is_keyed_by(monkeypatch, name):
    from gazetteer.build import _keys_version

    before = _keys_version()
    real = Path.read_bytes

    def edited(self):
        data = real(self)
        return data + b"\n# edited" if self.name == name else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert _keys_version() != before
