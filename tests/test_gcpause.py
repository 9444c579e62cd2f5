"""gc_paused: the collector is off inside and as it was after, errors included."""
from __future__ import annotations

import gc

import pytest

from gazetteer.gcpause import gc_paused


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("fail", [False, True])
def test_the_collector_is_restored_as_it_was(enabled, fail):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError) if fail else _nothing():
            with gc_paused():
                assert not gc.isenabled()
                if fail:
                    raise RuntimeError("boom")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
