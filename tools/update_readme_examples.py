"""Re-run the README's CLI and HTTP examples on the full data and write their real output back.

    python tools/update_readme_examples.py

tests/test_real_data.py fails when the README and the real output differ; run this after a
change that moves scores or names, and read the diff before committing it.
"""
from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from api import create_app
    from gazetteer.build import build

    db = f"sqlite:///{tempfile.mkdtemp()}/readme.sqlite"
    build(ROOT / "data", db)
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")

    def cli(m: re.Match) -> str:
        cmd = m.group(1)
        argv = shlex.split(cmd)
        out = subprocess.run([sys.executable, "-m", "gazetteer", "--db", db, *argv[1:]], capture_output=True,
                             text=True, check=True).stdout.strip()
        return f"<!-- example: cli -->\n```console\n$ {cmd}\n{out}\n```"

    def http(m: re.Match) -> str:
        cmd = m.group(1)
        argv = shlex.split(cmd)
        url = next(a for a in argv if a.startswith("http://127.0.0.1:8000"))
        params = [tuple(argv[i + 1].split("=", 1)) for i, a in enumerate(argv) if a in ("-d", "--data-urlencode")]
        path = url.removeprefix("http://127.0.0.1:8000") + ("?" + urlencode(params) if params else "")
        body = create_app({"GAZETTEER_DB": db, "GAZETTEER_DATA_DIR": str(ROOT / "data")}).test_client().get(path)
        return f"<!-- example: http -->\n```console\n$ {cmd}\n{json.dumps(body.get_json(), ensure_ascii=False)}\n```"

    text = re.sub(r"<!-- example: cli -->\n```console\n\$ (gazetteer [^\n]+)\n.*?\n```", cli, text, flags=re.S)
    text = re.sub(r"<!-- example: http -->\n```console\n\$ (curl [^\n]+)\n.*?\n```", http, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
