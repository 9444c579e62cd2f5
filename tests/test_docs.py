"""The README must document every CLI command and every API route."""
import re
from pathlib import Path

from gazetteer.cli import COMMANDS, build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].startswith("pip install -e . && gazetteer serve")
    assert block[1].startswith("pip install -e '.[test]' && python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "pip install -e '.[test]' && python -m pytest" in ci


def test_every_cli_command_is_in_the_readme():
    build_parser()
    missing = [c for c in COMMANDS if f"`gazetteer {c}" not in README]
    assert not missing, missing


def test_every_route_is_in_the_readme():
    from api import create_app

    app = create_app({"TESTING": True})
    rules = {re.sub(r"<[^>]+>", "<>", r.rule) for r in app.url_map.iter_rules() if r.endpoint != "static"}
    documented = re.sub(r"<[^>]+>", "<>", README)
    missing = [r for r in rules if r not in documented]
    assert not missing, missing
