"""sioc.common.memory: big indexes leave the cyclic collector's scans, small ones stay."""

import gc

from sioc.common import memory


def test_small_indexes_are_left_alone():
    before = gc.get_freeze_count()
    assert memory.settle(memory.FREEZE_FROM - 1) is False
    assert gc.get_freeze_count() == before


def test_big_indexes_are_frozen_after_one_collection():
    gc.unfreeze()
    try:
        assert memory.settle(memory.FREEZE_FROM) is True
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
