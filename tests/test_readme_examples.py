"""The README's Python examples are executed: every ```python block holding ``>>>`` lines is a doctest.

They run against the tiny fixture dataset and against the full data (the session's one build).
"""
import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = [m.group(1) for m in re.finditer(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
          if ">>>" in m.group(1)]


def _run(block: str, name: str) -> None:
    test = doctest.DocTestParser().get_doctest(block, {}, name, str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)


def test_readme_has_python_examples():
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("i", range(len(BLOCKS)))
def test_readme_example_on_fixture(i, mini_data, monkeypatch):
    monkeypatch.setenv("GAZETTEER_DATA_DIR", str(mini_data))  # Gazetteer() reads the fixture
    _run(BLOCKS[i], f"README python block {i + 1}")


@pytest.mark.parametrize("i", range(len(BLOCKS)))
def test_readme_example_on_real_data(i, monkeypatch, real_db):
    monkeypatch.setenv("GAZETTEER_DB", real_db)  # the session's one build of the full data
    _run(BLOCKS[i], f"README python block {i + 1}")
