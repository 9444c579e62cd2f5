"""Load test: `gazetteer serve` (gunicorn, several workers) driven by wrk on loopback.

    python benchmarks/load.py [--duration 60] [--connections 16,64,256] [--workers N] [--threads N]
                              [--routes health,resolve,suggest,tag] [--slices 4] [--json FILE]

Starts its own server on 127.0.0.1 (a free port; the full data unless --data-dir), warms every
route up, then runs wrk against each route at each concurrency for --duration seconds (as
--slices interleaved slices, so that the shared machine's drift weighs on every route alike), and
prints requests/s, p50/p99 latency and errors (socket errors, timeouts and non-2xx answers) per run, and
the ratio of /v1/resolve throughput to the trivial /v1/health at each concurrency (target ≥ 0.8,
zero errors). Requests vary: resolve takes names of the data in every script, typo the same
names with a letter dropped (/v1/resolve through the typo stage), suggest their prefixes, tag
POSTs paragraphs of the tagging gold set. The server is stopped at the end, also
on Ctrl-C or error. Only loopback is ever targeted; every wrk run is bounded by --duration.

Needs wrk (Debian: `apt-get install wrk`).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.serve import DEFAULT_THREADS, DEFAULT_WORKERS  # noqa: E402  (what `gazetteer serve` runs)
HOST = "127.0.0.1"  # loopback only, by design: no option changes it
ROUTES = ("health", "resolve", "typo", "suggest", "tag")


def lua_string(data: bytes) -> str:
    """A Lua string literal for any bytes (every non-plain byte as a decimal escape)."""
    out = []
    for b in data:
        c = chr(b)
        out.append(c if (c.isalnum() or c in " -_.,:/?=&%+()[]{}") and b < 128 else f"\\{b:03d}")
    return '"' + "".join(out) + '"'


def samples(data_dir: Path, n: int, seed: int = 7) -> tuple[list[str], list[str], list[bytes]]:
    """Resolve paths, suggest paths and tag bodies."""
    rng = random.Random(seed)
    with (data_dir / "toponyms.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["text"] for row in csv.DictReader(fh)]
    picked = rng.sample(names, min(n, len(names)))
    resolve = ["/v1/resolve?" + urllib.parse.urlencode({"q": t, "limit": 5}) for t in picked]
    prefixes = [t[: rng.randint(2, max(2, min(6, len(t))))] for t in picked]
    suggest = ["/v1/suggest?" + urllib.parse.urlencode({"q": p, "limit": 10}) for p in prefixes]
    paragraphs = []
    for f in sorted((ROOT / "benchmarks" / "tag_gold").glob("*.txt")):
        for para in f.read_text(encoding="utf-8").split("\n\n"):
            plain = re.sub(r"\[\[([^|\]]+)\|[^\]]*\]\]", r"\1", para).strip()
            if plain:
                paragraphs.append(plain)
    rng.shuffle(paragraphs)
    bodies = [json.dumps({"text": p}, ensure_ascii=False).encode() for p in paragraphs[:n]]
    return resolve, suggest, bodies


def typo_paths(resolve: list[str], seed: int = 7) -> list[str]:
    """The resolve requests with one letter of each name dropped: spellings no index stores,
    so every one takes the typo stage (the slow path; reported, not part of the target)."""
    rng = random.Random(seed)
    out = []
    for path in resolve:
        q = urllib.parse.parse_qs(path.split("?", 1)[1])["q"][0]
        if len(q) > 3:
            k = rng.randrange(1, len(q) - 1)
            q = q[:k] + q[k + 1:]
        out.append("/v1/resolve?" + urllib.parse.urlencode({"q": q, "limit": 5}))
    return out


def wrk_script(route: str, resolve: list[str], suggest: list[str], bodies: list[bytes]) -> str:
    if route == "health":
        pick = 'local paths = {"/v1/health"}\n'
        req = "return wrk.format('GET', paths[math.random(#paths)])"
    elif route in ("resolve", "typo", "suggest"):
        paths = {"resolve": resolve, "typo": typo_paths(resolve), "suggest": suggest}[route]
        pick = "local paths = {" + ",".join(lua_string(p.encode()) for p in paths) + "}\n"
        req = "return wrk.format('GET', paths[math.random(#paths)])"
    else:
        pick = "local bodies = {" + ",".join(lua_string(b) for b in bodies) + "}\n"
        req = ("return wrk.format('POST', '/v1/tag', {['Content-Type'] = 'application/json'}, "
               "bodies[math.random(#bodies)])")
    return pick + f"""
math.randomseed(os.time())
request = function()
  {req}
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, "max_us": %d}}\\n', summary.requests,
    summary.duration, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50),
    latency:percentile(99), latency.max))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(port: int, path: str, timeout: float = 5.0) -> int:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


class Server:
    """`gazetteer serve` in its own process group, stopped on exit whatever happens."""

    def __init__(self, args):
        self.port = free_port()
        cmd = [sys.executable, "-m", "gazetteer"]
        if args.db:
            cmd += ["--db", args.db]
        if args.data_dir:
            cmd += ["--data-dir", args.data_dir]
        cmd += ["serve", "--host", HOST, "--port", str(self.port), "--workers", str(args.workers),
                "--threads", str(args.threads)]
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if get(self.port, "/v1/health", 2) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.log.seek(0)
        raise SystemExit("load: the server did not start:\n" + self.log.read().decode(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def run_wrk(port: int, script: Path, connections: int, duration: int, threads: int) -> dict:
    cmd = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
           "-s", str(script), f"http://{HOST}:{port}"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    line = next((ln for ln in res.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise SystemExit(f"load: wrk failed ({res.returncode}):\n{res.stdout}\n{res.stderr}")
    r = json.loads(line[len("WRKJSON "):])
    secs = r["duration_us"] / 1e6
    errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    return {"connections": connections, "requests": r["requests"], "rps": round(r["requests"] / secs, 1),
            "p50_ms": round(r["p50_us"] / 1000, 2), "p99_ms": round(r["p99_us"] / 1000, 2),
            "max_ms": round(r["max_us"] / 1000, 2), "errors": errors, "non_2xx": r["status"],
            "timeouts": r["timeout"], "socket_errors": r["connect"] + r["read"] + r["write"]}


def combine(parts: list[dict]) -> dict:
    """One route's slices as one run: requests and errors summed, throughput over the summed
    time, p50 the median of the slices' and p99 and max the worst slice's (conservative)."""
    if len(parts) == 1:
        return parts[0]
    secs = sum(p["requests"] / p["rps"] for p in parts if p["rps"])
    out = {"connections": parts[0]["connections"], "slices": len(parts)}
    for key in ("requests", "errors", "non_2xx", "timeouts", "socket_errors"):
        out[key] = sum(p[key] for p in parts)
    out["rps"] = round(out["requests"] / secs, 1) if secs else 0.0
    out["p50_ms"] = sorted(p["p50_ms"] for p in parts)[len(parts) // 2]
    out["p99_ms"] = max(p["p99_ms"] for p in parts)
    out["max_ms"] = max(p["max_ms"] for p in parts)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=60, help="seconds per route and concurrency (default 60)")
    ap.add_argument("--connections", default="16,64,256", help="concurrency levels (default 16,64,256)")
    ap.add_argument("--routes", default=",".join(ROUTES), help=f"of {', '.join(ROUTES)}")
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                    help=f"gunicorn workers (default: gazetteer serve's, one per core: {DEFAULT_WORKERS})")
    ap.add_argument("--threads", type=int, default=DEFAULT_THREADS,
                    help=f"threads per worker (default: gazetteer serve's, {DEFAULT_THREADS})")
    ap.add_argument("--slices", type=int, default=4,
                    help="run each route's --duration as this many interleaved slices (default 4): a "
                         "drift of the shared machine then weighs on every route alike")
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--samples", type=int, default=2000, help="distinct requests per route")
    ap.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per route")
    ap.add_argument("--db", help="database URL or SQLite path (default: the usual default)")
    ap.add_argument("--data-dir", help="data files (default: the bundled data/)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("load: needs wrk (Debian: apt-get install wrk)")
    levels = [int(c) for c in args.connections.split(",")]
    routes = [r for r in args.routes.split(",") if r]
    if bad := set(routes) - set(ROUTES) or any(not 1 <= c <= 1024 for c in levels) or not 1 <= args.duration <= 600:
        raise SystemExit(f"load: bad --routes/--connections/--duration {bad or ''}")
    data_dir = Path(args.data_dir) if args.data_dir else ROOT / "data"
    resolve, suggest, bodies = samples(data_dir, args.samples)

    server = Server(args)
    results: dict = {"workers": args.workers, "threads": args.threads, "duration_s": args.duration, "runs": {}}
    try:
        server.wait_ready(300)
        if "suggest" in routes and get(server.port, "/v1/suggest?q=Sh") == 404:  # older servers
            suggest = [p.replace("/v1/suggest?", "/reconcile/suggest/entity?").replace("q=", "prefix=")
                       for p in suggest]
        with tempfile.TemporaryDirectory() as tmp:
            scripts = {}
            for route in routes:
                scripts[route] = Path(tmp) / f"{route}.lua"
                scripts[route].write_text(wrk_script(route, resolve, suggest, bodies), encoding="utf-8")
                if args.warmup:  # every worker loads its tagger and caches before measuring
                    run_wrk(server.port, scripts[route], 16, args.warmup, args.wrk_threads)
            slices = max(1, min(args.slices, args.duration))
            for c in levels:
                parts: dict[str, list[dict]] = {route: [] for route in routes}
                for k in range(slices):  # health, resolve, …, health, resolve, …: interleaved
                    secs = args.duration // slices + (1 if k < args.duration % slices else 0)
                    for route in routes:
                        parts[route].append(run_wrk(server.port, scripts[route], c, secs, args.wrk_threads))
                for route in routes:
                    r = combine(parts[route])
                    results["runs"].setdefault(route, []).append(r)
                    print(f"{route:8} c={c:<4} {r['rps']:>9.1f} req/s  p50 {r['p50_ms']:>8.2f} ms  "
                          f"p99 {r['p99_ms']:>8.2f} ms  errors {r['errors']}", flush=True)
    finally:
        server.stop()

    if "resolve" in results["runs"] and "health" in results["runs"]:
        results["resolve_to_health"] = {
            str(h["connections"]): round(r["rps"] / h["rps"], 3)
            for h, r in zip(results["runs"]["health"], results["runs"]["resolve"])}
        print("resolve/health throughput: " + ", ".join(
            f"c={c}: {x:.2f}" for c, x in results["resolve_to_health"].items()) + " (target ≥ 0.8)")
    total_errors = sum(r["errors"] for runs in results["runs"].values() for r in runs)
    print(f"errors in all runs: {total_errors}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0 if total_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
