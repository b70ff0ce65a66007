"""Keep big in-process indexes out of the cyclic garbage collector's way.

The catalogue's facet index and the matching index hold hundreds of thousands of objects for a
large catalogue. Every full pass of Python's cyclic collector walks every tracked object, so with
such an index in memory one request in twenty paid 60–150 ms for a pass it did not cause.
``settle`` runs one collection and then freezes what is alive (``gc.freeze``): those objects stay
in memory and are still freed by reference counting, but later passes skip them. Only worth it
for big indexes: small ones are walked in no time.
"""

import gc

FREEZE_FROM = 10_000  # index entries


def settle(size: int) -> bool:
    """After building an index of ``size`` entries: collect once and freeze the survivors."""
    if size < FREEZE_FROM:
        return False
    gc.collect()
    gc.freeze()
    return True
