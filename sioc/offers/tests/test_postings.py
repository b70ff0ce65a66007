"""The catalogue's inverted index (postings.py): stored form, consistency with the documents
after every kind of change, and searches over several blocks and ids with gaps."""

from collections import defaultdict

import pytest
from django.db import connection

from sioc.offers import facets, postings, search, services
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.offers.tests import factories as f
from sioc.offers.tests.test_search import find


@pytest.mark.parametrize(
    "offsets",
    [{0}, {1023}, {0, 5, 1023}, set(range(63)), set(range(64)), set(range(0, 1024, 3))],
)
def test_blocks_round_trip_sparse_and_dense(offsets):
    bits = sum(1 << o for o in offsets)
    stored = postings.encode(bits)
    assert postings.decode(stored) == bits
    assert len(stored) == (postings.DENSE_BYTES if len(offsets) >= 64 else 2 * len(offsets))


def stored_postings():
    """token → offer ids, as the postings table has them."""
    out = defaultdict(set)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, block, bits FROM {postings.TABLE}")
        rows = cursor.fetchall()
    for token, block, stored in rows:
        bits = postings.decode(stored)
        for offset in range(postings.BLOCK):
            if bits >> offset & 1:
                out[token].add(block * postings.BLOCK + offset)
    return dict(out)


def expected_postings():
    """token → offer ids, recomputed from the stored documents."""
    out = defaultdict(set)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, document FROM {search.DOCUMENT_TABLE}")
        for pk, document in cursor.fetchall():
            for token in document.split():
                out[token].add(pk)
    return dict(out)


def test_postings_follow_creation_edits_status_renames_and_deletion(db):
    from sioc.organizations.services import update_organization

    jica = f.cooperante("jica-post", name="Agencia del Japón", acronym="JICA", country="JP")
    water = f.offer(jica, code="AGUA-1", title="Agua potable rural", sdgs=[6])
    waste = f.offer(jica, code="DES-1", title="Desechos sólidos", cantons=["0101"])
    assert stored_postings() == expected_postings()
    assert water.pk in stored_postings()["potabl"]

    services.update_offer(water, actor=None, title="Catastro urbano")
    services.change_status(waste, OfferStatus.CLOSED, actor=None)
    update_organization(jica, actor=None, name="Cooperación Nipona", acronym="CN")
    stored = stored_postings()
    assert stored == expected_postings()
    assert "potabl" not in stored  # the only offer with the word lost it: no empty rows
    assert stored["nipon"] == {water.pk, waste.pk}

    Offer.objects.filter(pk=waste.pk).delete()
    search.index_offers([waste.pk])
    assert stored_postings() == expected_postings()
    assert find("desechos", estado="closed") == []


def _jump_offer_ids(to):
    """Make the next offer id ``to + 1`` (a catalogue whose ids span several blocks)."""
    table = Offer._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, to])
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [to, table])


def test_search_across_blocks_with_gaps_in_the_ids(db):
    jica = f.cooperante("jica-bloques", name="Agencia del Japón", acronym="JICA", country="JP")
    first = f.offer(jica, code="A-1", title="Agua potable para parroquias")
    gone = f.offer(jica, code="A-2", title="Agua potable para escuelas")
    # Sequences are not rolled back between tests: jump from wherever the ids are.
    _jump_offer_ids((gone.pk // postings.BLOCK + 2) * postings.BLOCK + 7)
    far = f.offer(jica, code="A-3", title="Agua potable y saneamiento")
    assert far.pk // postings.BLOCK > first.pk // postings.BLOCK
    assert find("agua potable") == ["A-1", "A-2", "A-3"]
    assert not facets.load().contiguous

    Offer.objects.filter(pk=gone.pk).delete()
    search.index_offers([gone.pk])
    assert find("agua potable") == ["A-1", "A-3"]
    assert find("saneamiento") == ["A-3"]
    assert find("parroquias agua") == ["A-1"]


def test_from_ids_with_and_without_gaps():
    def rows(ids):
        return [(pk, "published", "permanent", None, None, 1, *[" "] * 7) for pk in ids]

    dense = facets.FacetIndex(rows([5, 6, 7, 8]))
    assert dense.contiguous
    assert dense.members(dense.from_ids((1 << 6) | (1 << 8) | (1 << 99))) == [6, 8]
    gappy = facets.FacetIndex(rows([5, 9, 2000]))
    assert not gappy.contiguous
    assert gappy.members(gappy.from_ids((1 << 9) | (1 << 2000) | (1 << 6))) == [9, 2000]
