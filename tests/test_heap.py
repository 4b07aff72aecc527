"""bot/serve.py freezes what start-up built (gc.freeze), so that full collections under load do not walk the
data again and again; a data reload unfreezes first, so that the data it replaced can still be collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from bot.serve import settle_heap


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()


def test_frozen_objects_are_out_of_the_collectors_sight_until_the_next_settle() -> None:
    node = _Node()
    ref = weakref.ref(node)
    settle_heap()
    assert gc.get_freeze_count() > 0
    del node
    gc.collect()
    assert ref() is not None  # frozen: what start-up built is never walked
    settle_heap()  # what a data reload does: unfreeze, collect, freeze again
    assert ref() is None
