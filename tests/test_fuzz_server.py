"""Limits and faults against a real ``gazetteer serve`` (gunicorn, two workers) on 127.0.0.1.

Over-limit requests are answered quickly (413, 414, 400), the served data version is the one
the health route reports, debug mode stays off whatever FLASK_DEBUG says, and the server runs
from a read-only database. Every request here goes to loopback and is bounded in count and time.
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from gazetteer.build import data_version
from conftest import ROOT, write_dataset

TIMEOUT = 10  # seconds for any one request


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, port: int, proc: subprocess.Popen, data_dir, db_path):
        self.port, self.proc, self.data_dir, self.db_path = port, proc, data_dir, db_path

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                chunks: list[bytes] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            t0 = time.perf_counter()
            if chunks is not None:
                conn.putrequest(method, path)
                for k, v in (headers or {}).items():
                    conn.putheader(k, v)
                conn.putheader("Transfer-Encoding", "chunked")
                conn.endheaders()
                try:
                    for c in chunks:
                        conn.send(b"%x\r\n%s\r\n" % (len(c), c))
                    conn.send(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the server may answer and close before the whole body is sent
            else:
                conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, dict(resp.getheaders()), data, time.perf_counter() - t0
        finally:
            conn.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    data = write_dataset(folder / "data")
    db = folder / "gz.sqlite"
    port = _free_port()
    env = dict(os.environ, FLASK_DEBUG="1", GAZETTEER_CACHE_DIR=str(folder / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "gazetteer", "--db", str(db), "--data-dir", str(data), "serve",
                             "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--threads", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    srv = Served(port, proc, data, db)
    deadline = time.monotonic() + 60
    while True:
        try:
            if srv.request("GET", "/v1/health")[0] == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("gazetteer serve did not start: " + proc.stderr.read().decode(errors="replace")[-2000:])
        time.sleep(0.2)
    yield srv
    os.killpg(proc.pid, signal.SIGTERM)  # the gunicorn master and its workers (our own session)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    proc.stderr.close()


def _envelope(status, data, want):
    assert status == want, data[:300]
    err = json.loads(data)["error"]
    assert set(err) == {"status", "code", "message", "parameter"} and err["status"] == want
    return err


def test_health_reports_the_data_version_served(served):
    status, headers, data, _ = served.request("GET", "/v1/health")
    body = json.loads(data)
    assert status == 200 and body["status"] == "ok"
    assert body["data_version"] == data_version(served.data_dir) and body["places"] == 9


def test_debug_mode_is_off_whatever_flask_debug_says(served):
    # FLASK_DEBUG=1 is set for the server: in debug mode Flask pretty-prints JSON and propagates errors.
    data = served.request("GET", "/v1/health")[2]
    assert b"\n " not in data
    status, _, data, _ = served.request("GET", "/v1/resolve?q=" + "x" * 300)
    assert b"Traceback" not in data and _envelope(status, data, 400)["parameter"] == "q"


def test_bodies_over_one_mib_are_413_quickly(served):
    big = b'{"text": "' + b"a" * (1024 * 1024) + b'"}'
    for route in ("/v1/tag", "/v1/normalize", "/reconcile"):
        status, _, data, secs = served.request("POST", route, big, {"Content-Type": "application/json"})
        _envelope(status, data, 413)
        assert secs < 5


def test_chunked_bodies_over_one_mib_are_413(served):
    chunks = [b'{"text": "'] + [b"a" * 65536] * 20 + [b'"}']
    status, _, data, secs = served.request("POST", "/v1/tag", headers={"Content-Type": "application/json"},
                                           chunks=chunks)
    _envelope(status, data, 413)
    assert secs < 5


def test_long_request_lines_and_headers_are_refused(served):
    status, _, _, secs = served.request("GET", "/v1/resolve?q=" + "a" * 9000)
    assert status == 414 and secs < 5  # gunicorn: request line over 8190 bytes
    status, _, _, _ = served.request("GET", "/v1/health", headers={f"X-H{i}": "1" for i in range(120)})
    assert status in (400, 431)  # gunicorn: more than 100 header fields
    status, _, data, _ = served.request("GET", "/v1/resolve?q=" + "%C5%9E" * 1000)
    assert "longer than" in _envelope(status, data, 400)["message"]


def test_invalid_utf8_on_the_wire_is_a_400(served):
    with socket.create_connection(("127.0.0.1", served.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"GET /v1/resolve?q=\xff\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.split()[1] == b"400", head  # gunicorn refuses the request line itself; other servers pass
    # the bytes on and the app answers with the envelope (tests/test_fuzz_regressions.py)


def test_batches_and_limits_are_bounded(served):
    batch = json.dumps({f"q{i}": {"query": "Şuşa"} for i in range(101)})
    from urllib.parse import urlencode

    status, _, data, _ = served.request("POST", "/reconcile", urlencode({"queries": batch}).encode(),
                                        {"Content-Type": "application/x-www-form-urlencoded"})
    _envelope(status, data, 413)
    for path in ("/v1/resolve?q=a&limit=101", "/v1/places?limit=501", "/v1/nearby?lat=1&lon=1&limit=101",
                 "/v1/nearby?lat=1&lon=1&radius=1001", "/reconcile/suggest/entity?prefix=a&limit=101",
                 "/reconcile/suggest/entity?prefix=a&cursor=10001", "/v1/places?offset=10000001"):
        status, _, data, _ = served.request("GET", path)
        _envelope(status, data, 400)


def test_html_has_security_headers(served):
    status, headers, _, _ = served.request("GET", "/reconcile/preview?id=stepanakert")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in headers
    assert headers["Referrer-Policy"] == "no-referrer"


def test_the_database_served_is_not_written(served):
    # The served process keeps no write handle (it opens the file with mode=ro; see
    # test_fuzz_limits.py): the file does not change while it serves.
    before = served.db_path.read_bytes()
    for q in ("Shusha", "%D0%A8%D1%83%D1%88%D0%B0", "Stepanakert"):
        assert served.request("GET", "/v1/resolve?q=" + q)[0] == 200
    assert served.db_path.read_bytes() == before
