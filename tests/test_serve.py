"""`gazetteer serve` runs the API on a real WSGI server (gunicorn on POSIX)."""
import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn is POSIX-only")
def test_serve_answers_on_a_production_server(mini_data, mini_db):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gazetteer", "--db", mini_db, "--data-dir", str(mini_data),
                             "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                    health = json.load(r)
                    server = r.headers.get("Server", "")
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None else "no answer")
                time.sleep(0.3)
        assert health["status"] == "ok" and health["places"] == 9
        assert "gunicorn" in server.lower()
        q = urllib.request.quote("Şuşa")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/resolve?q={q}", timeout=5) as r:
            assert json.load(r)["results"][0]["id"] == "shusha-town"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn is POSIX-only")
def test_serve_loads_everything_and_freezes_it_before_the_workers_fork(mini_data, mini_db, monkeypatch):
    import gc

    from gunicorn.app.base import BaseApplication

    from gazetteer.serve import serve

    seen = {}

    def fake_run(self):  # where gunicorn would fork its workers
        app = self.load()
        idx = app.extensions["gazetteer"].index
        seen.update(frozen=gc.get_freeze_count(), enabled=gc.isenabled(), fuzzy=idx._fuzzy is not None,
                    prefix=idx._prefix is not None, workers=self.cfg.workers, threads=self.cfg.threads)

    monkeypatch.setattr(BaseApplication, "run", fake_run)
    try:
        serve(db=mini_db, data_dir=str(mini_data), workers=3)
    finally:
        gc.unfreeze()
    assert seen["frozen"] > 0 and seen["enabled"]
    assert seen["fuzzy"] and seen["prefix"] and seen["workers"] == 3
    assert seen["threads"] == 1  # the default: CPU-bound work, threads only contend for the GIL
