"""Run the API on a production WSGI server: gunicorn on POSIX, waitress elsewhere.

The index is loaded once in the parent before workers fork, so workers share its memory.
"""
from __future__ import annotations

import gc
import os

# One single-threaded worker process per core. Resolve, suggest and tag are CPU-bound Python:
# threads in one worker only take turns at the GIL, and the hand-offs cost throughput and
# latency (benchmarks/load.py, README "Production configuration"). Slow clients are the
# reverse proxy's job (it buffers requests), not threads'.
DEFAULT_WORKERS = max(2, os.cpu_count() or 2)
DEFAULT_THREADS = 1


def serve(*, host: str = "127.0.0.1", port: int = 8000, workers: int = DEFAULT_WORKERS,
          threads: int = DEFAULT_THREADS, db: str | None = None, data_dir: str | None = None,
          timeout: int = 30) -> None:
    from api import create_app

    # The loaded gazetteer (a million long-lived objects) never becomes garbage. Load it with the
    # cyclic collector off, then freeze it before forking (the recipe of the ``gc.freeze`` docs):
    # workers' collections then never walk it, and never dirty its shared pages.
    gc.disable()
    try:
        app = create_app({"GAZETTEER_DB": db, "GAZETTEER_DATA_DIR": data_dir})
        app.debug = False  # whatever FLASK_DEBUG says: no debugger, no reloading, no exceptions propagated
        app.config.update(PROPAGATE_EXCEPTIONS=False, TESTING=False)
        gz = app.extensions["gazetteer"]
        gz.index  # build if needed and load before forking
        gz.tagger()  # and the tagger's tables: no worker pays for them on its first tag
        gz.prepare_for_serving()  # and the typo, autocomplete and ranking tables, shared by all workers
        gc.freeze()
    finally:
        gc.enable()
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # Windows: no fork
        from waitress import serve as wserve

        wserve(app, host=host, port=port, threads=max(threads, 1) * max(workers, 1))
        return

    class _App(BaseApplication):
        def load_config(self):
            for k, v in {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                         "timeout": timeout, "graceful_timeout": 10, "worker_class": "gthread",
                         "limit_request_line": 8190, "limit_request_fields": 100,
                         "accesslog": os.environ.get("GAZETTEER_ACCESS_LOG"), "errorlog": "-",
                         "loglevel": "warning"}.items():
                self.cfg.set(k, v)

        def load(self):
            return app

    _App().run()
