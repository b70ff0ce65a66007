"""The catalogue's text index: an inverted index of our own, the same on SQLite and PostgreSQL.

One row of ``offers_offer_posting`` per (token, block of 1,024 offer ids) holds the offers of
that block whose search document has the token:

- *dense* (64 offers or more): a 128-byte bitmap, bit ``o`` = offer ``block * 1024 + o``;
- *sparse*: the offsets as little-endian 16-bit numbers (at most 126 bytes).

A search reads the rows of the few tokens its words expand to through the primary key
(``token, block``; a prefix is a key range) and combines them in Python as bitmaps: «agua
potable», found in 22,000 of 100,000 offers, is a few hundred short rows instead of 13,000 table
pages visited by a PostgreSQL GIN scan (docs/busqueda.md has the measurements).

``update`` keeps the rows in step inside the transaction of every change; ``search.index_offers``
gives it the tokens each offer gained and lost.
"""

import json
import struct
from collections import defaultdict
from functools import reduce
from operator import and_, or_

from django.db import connections

TABLE = "offers_offer_posting"
BLOCK = 1024
DENSE_BYTES = BLOCK // 8
DENSE_FROM = 64  # offers per block from which the bitmap is smaller than the offsets
WHOLE_BLOCK_FROM = 500  # tokens changed in a block from which its rows are read whole
PREFIX_END = "{"  # sorts after every token character ([a-z0-9]) in byte order


def encode(bits: int) -> bytes:
    """The stored form of one block's bitmap (bit ``o`` = offset ``o``)."""
    count = bits.bit_count()
    if count >= DENSE_FROM:
        return bits.to_bytes(DENSE_BYTES, "little")
    offsets, text = [], bin(bits)[:1:-1]
    i = text.find("1")
    while i >= 0:
        offsets.append(i)
        i = text.find("1", i + 1)
    return struct.pack(f"<{count}H", *offsets)


def decode(stored) -> int:
    """One block's bitmap from its stored form."""
    stored = bytes(stored)
    if len(stored) == DENSE_BYTES:
        return int.from_bytes(stored, "little")
    bits = 0
    for (offset,) in struct.iter_unpack("<H", stored):
        bits |= 1 << offset
    return bits


def _in_list(vendor):
    """SQL for «column in this list», the list being one parameter."""
    if vendor == "postgresql":
        return "= ANY(%s)"
    return "IN (SELECT value FROM json_each(%s))"


def _list_param(vendor, values):
    return list(values) if vendor == "postgresql" else json.dumps(list(values))


def update(connection, changes) -> None:
    """Apply ``{(token, block): (added bits, removed bits)}`` to the stored rows.

    The caller holds the index's write lock (``search.index_offers``), so the read-modify-write
    of a row cannot interleave with another transaction's."""
    if not changes:
        return
    vendor = connection.vendor
    tokens_by_block = defaultdict(list)
    for token, block in changes:
        tokens_by_block[block].append(token)
    stored = {}
    with connection.cursor() as cursor:
        for block, tokens in tokens_by_block.items():
            if len(tokens) > WHOLE_BLOCK_FROM:  # cheaper than sending thousands of tokens
                cursor.execute(f"SELECT token, bits FROM {TABLE} WHERE block = %s", [block])
            else:
                cursor.execute(
                    f"SELECT token, bits FROM {TABLE} WHERE block = %s AND token {_in_list(vendor)}",
                    [block, _list_param(vendor, tokens)],
                )
            wanted = set(tokens)
            for token, bits in cursor.fetchall():
                if token in wanted:
                    stored[(token, block)] = decode(bits)
        upserts, deletes = [], []
        for key, (added, removed) in changes.items():
            bits = (stored.get(key, 0) | added) & ~removed
            if bits:
                upserts.append((key[0], key[1], encode(bits)))
            elif key in stored:
                deletes.append(key)
        if upserts:
            from sioc.offers.search import insert_rows

            insert_rows(
                cursor,
                f"INSERT INTO {TABLE} (token, block, bits) VALUES",
                upserts,
                " ON CONFLICT (token, block) DO UPDATE SET bits = excluded.bits",
            )
        if deletes:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE token = %s AND block = %s", deletes)


def changes_for(old: dict, new: dict) -> dict:
    """``{(token, block): (added, removed)}`` from the token sets before and after, per offer id."""
    changes = {}
    for pk in old.keys() | new.keys():
        before, after = old.get(pk, frozenset()), new.get(pk, frozenset())
        block, offset = divmod(pk, BLOCK)
        bit = 1 << offset
        for token in after - before:
            added, removed = changes.get((token, block), (0, 0))
            changes[(token, block)] = (added | bit, removed)
        for token in before - after:
            added, removed = changes.get((token, block), (0, 0))
            changes[(token, block)] = (added, removed | bit)
    return changes


def clear(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")


# --- reading --------------------------------------------------------------------------------


def _terms(node, exact, prefixes):
    from sioc.offers.search import Term

    if isinstance(node, Term):
        (prefixes if node.prefix else exact).add(node.token)
        return
    for part in node.parts:
        _terms(part, exact, prefixes)


def _rows(connection, exact, prefixes):
    vendor = connection.vendor
    selects, params = [], []
    if exact:
        selects.append(f"SELECT token, block, bits FROM {TABLE} WHERE token {_in_list(vendor)}")
        params.append(_list_param(vendor, sorted(exact)))
    for prefix in sorted(prefixes):
        selects.append(f"SELECT token, block, bits FROM {TABLE} WHERE token >= %s AND token < %s")
        params += [prefix, prefix + PREFIX_END]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return cursor.fetchall()


def id_bits(tree, using="default") -> int:
    """The offers whose document matches ``tree``, as an int whose bit ``i`` is offer id ``i``."""
    from sioc.offers.search import And, Term

    exact, prefixes = set(), set()
    _terms(tree, exact, prefixes)
    rows = _rows(connections[using], exact, prefixes)
    if not rows:
        return 0
    size = (max(block for _t, block, _b in rows) + 1) * DENSE_BYTES
    buffers = {}
    for token, block, stored in rows:
        buffer = buffers.get(token)
        if buffer is None:
            buffer = buffers[token] = bytearray(size)
        stored = bytes(stored)
        start = block * DENSE_BYTES
        if len(stored) == DENSE_BYTES:
            buffer[start : start + DENSE_BYTES] = stored
            continue
        base = block * BLOCK
        for (offset,) in struct.iter_unpack("<H", stored):
            position = base + offset
            buffer[position >> 3] |= 1 << (position & 7)
    found = {token: int.from_bytes(buffer, "little") for token, buffer in buffers.items()}

    def evaluate(node):
        if isinstance(node, Term):
            if node.prefix:
                return reduce(or_, (b for t, b in found.items() if t.startswith(node.token)), 0)
            return found.get(node.token, 0)
        values = [evaluate(part) for part in node.parts]
        return reduce(and_ if isinstance(node, And) else or_, values)

    return evaluate(tree)
