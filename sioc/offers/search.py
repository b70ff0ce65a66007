"""Catalogue search index (interface; the implementation replaces this body).

``index_offers(ids)`` (re)computes the search data of those offers; services call it inside
the transaction of every change, so the index is never stale.
"""


def index_offers(offer_ids):
    return None
