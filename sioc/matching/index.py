"""The published catalogue in memory, as bitsets, for matching.

Why bitsets: a Python ``int`` of 100,000 bits is one offer per bit; ``&``, ``|`` and ``^`` on two
of them take about half a microsecond (C loops over machine words), where visiting 100,000 offers
one by one in Python takes tens of milliseconds. Every criterion of the engine is a bitset: the
offers that cover a canton, accept a kind of applicant, offer a modality, share an SDG, contain a
stem in their text. Scores are added up *bit-sliced* (``engine.Accumulator``): one bitset per bit
of the integer score, added with the carry rule of binary addition.

What is read, and from where (one pass, a handful of queries, no query per offer):

- the published offers' fields (``offers_offer``: applicants, amounts, dates, analysed title);
- their analysed document from the catalogue's search index (``sioc.offers.search``, the table
  ``offers_offer_document``). The document already holds the Spanish stems of the
  offer's text *and* its facet tokens (``ffods6``, ``ffcompd``, ``ffmodcredit``, ``ffsec14030``)
  and coverage tokens (``ffcovnacional``, ``ffprov14``, ``ffcant0104``): the analysis was paid
  when the offer was saved, and the matching sees the very text the catalogue search sees;
- SDG targets (not in the document) from the offers' join table;
- names of code lists and territory, for the explanations.

Staleness: ``current_index()`` keeps one index per database and process and compares, before
every use, the catalogue's *generation* (``search.generation``: one query on a one-row table that
``search.index_offers`` rewrites in the transaction of every change) with the one it was built
at; a different generation means rebuilding. Dates are never cached into the index: which offers
are still open is computed for the date asked.
"""

import datetime
import threading
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from django.db import connections, router

from sioc.common import memory
from sioc.offers import search
from sioc.offers.choices import OfferStatus, Schedule

SECTOR_PREFIX = search.facet_token(search.SECTOR, "")
URGENT_DAYS = 30
APPLICANT_GAD = "gad_municipal"
APPLICANT_MANCOMUNIDAD = "mancomunidad"
APPLICANT_OTHER = "other"
APPLICANTS = (APPLICANT_GAD, APPLICANT_MANCOMUNIDAD, APPLICANT_OTHER)
_CONVERTED_MAX = 4096  # sparse posting lists kept as bitsets once used
_CONCEPTS_MAX = 50_000  # document frequencies of concepts kept


# --- bitset helpers -----------------------------------------------------------------------


def from_positions(positions, nbytes: int) -> int:
    """The bitset with these bit positions set (positions below ``nbytes * 8``)."""
    if len(positions) * 64 > nbytes * 8:
        # Many positions: one byte per offer, then C parses the binary digits (2× faster).
        digits = bytearray(b"0") * (nbytes * 8)
        for p in positions:
            digits[p] = 49  # "1"
        digits.reverse()
        return int(digits, 2)
    buf = bytearray(nbytes)
    for p in positions:
        buf[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buf, "little")


def positions(bits: int, limit: int | None = None) -> list[int]:
    """Set bit positions, lowest first (at most ``limit``)."""
    out = []
    while bits and (limit is None or len(out) < limit):
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out


def has(bits: int, pos: int) -> bool:
    return (bits >> pos) & 1 == 1


class Threshold:
    """Offers sorted by a number, answering "value ≤ x" and "value ≥ x" as bitsets.

    Cumulative bitsets every ``BLOCK`` offers; the rest of a block is set bit by bit.
    """

    BLOCK = 256

    def __init__(self, pairs, nbytes: int):
        pairs = sorted(pairs)
        self.values = [v for v, _ in pairs]
        self.order = [p for _, p in pairs]
        self.nbytes = nbytes
        self.prefix = [0]
        buf = bytearray(nbytes)
        for i, p in enumerate(self.order, 1):
            buf[p >> 3] |= 1 << (p & 7)
            if i % self.BLOCK == 0:
                self.prefix.append(int.from_bytes(buf, "little"))
        self.all = int.from_bytes(buf, "little")

    def _head(self, k: int) -> int:
        block = k // self.BLOCK
        bits = self.prefix[block]
        rest = self.order[block * self.BLOCK : k]
        return bits | from_positions(rest, self.nbytes) if rest else bits

    def le(self, x) -> int:
        return self._head(bisect_right(self.values, x))

    def lt(self, x) -> int:
        return self._head(bisect_left(self.values, x))

    def ge(self, x) -> int:
        return self.all & ~self.lt(x)

    def gt(self, x) -> int:
        return self.all & ~self.le(x)


# --- the index ----------------------------------------------------------------------------


@dataclass
class Names:
    """Labels for explanations: code lists and territory, by code."""

    sdgs: dict = field(default_factory=dict)  # 6 → "Agua limpia y saneamiento"
    competencies: dict = field(default_factory=dict)  # "d" → short name
    sectors: dict = field(default_factory=dict)  # "14030" → name
    categories: dict = field(default_factory=dict)  # "140" → name
    modalities: dict = field(default_factory=dict)  # code → label
    provinces: dict = field(default_factory=dict)  # "14" → "Morona Santiago"
    cantons: dict = field(default_factory=dict)  # "1401" → ("Morona", "14")


class OfferIndex:
    """Bitsets over the published offers of one database, in offer-code order."""

    def __init__(self, *, rows, documents, targets, names: Names, stamp=None, vocabulary=None):
        self.stamp = stamp
        self.names = names
        self.size = n = len(rows)
        self.nbytes = max(1, (n + 7) // 8)
        self.all = (1 << n) - 1
        self.ids = [r["id"] for r in rows]
        self.codes = [r["code"] for r in rows]
        self.cooperantes = [r["cooperante_id"] for r in rows]
        self.position = {offer_id: pos for pos, offer_id in enumerate(self.ids)}
        self._by_cooperante = None
        self.schedule = [r["schedule"] for r in rows]
        self.opens_on = [r["opens_on"] for r in rows]
        self.closes_on = [r["closes_on"] for r in rows]
        self.amount_min, self.amount_max = [], []
        for r in rows:
            usd = (r["currency_id"] or "USD") == "USD"
            self.amount_min.append(
                float(r["amount_min"]) if usd and r["amount_min"] is not None else None
            )
            self.amount_max.append(
                float(r["amount_max"]) if usd and r["amount_max"] is not None else None
            )
        self.foreign_amount = [
            r["currency_id"]
            if (r["currency_id"] or "USD") != "USD" and (r["amount_min"] or r["amount_max"])
            else None
            for r in rows
        ]
        self.applicants = {
            APPLICANT_GAD: from_positions(
                [p for p, r in enumerate(rows) if r["open_to_gad"]], self.nbytes
            ),
            APPLICANT_MANCOMUNIDAD: from_positions(
                [p for p, r in enumerate(rows) if r["open_to_mancomunidad"]], self.nbytes
            ),
            APPLICANT_OTHER: from_positions(
                [p for p, r in enumerate(rows) if r["open_to_others"]], self.nbytes
            ),
        }
        # Dates as ordinals: window offers expire; window and yearly offers have a closing date.
        self._expiry = Threshold(
            [
                (c.toordinal(), p)
                for p, (s, c) in enumerate(zip(self.schedule, self.closes_on, strict=True))
                if s == Schedule.WINDOW and c is not None
            ],
            self.nbytes,
        )
        self._closing = Threshold(
            [
                (c.toordinal(), p)
                for p, (s, c) in enumerate(zip(self.schedule, self.closes_on, strict=True))
                if s != Schedule.PERMANENT and c is not None
            ],
            self.nbytes,
        )
        # Amounts in USD: "minimum ≤ x" and "maximum ≥ x" (a missing end is open).
        with_amount = [
            p for p in range(n) if self.amount_min[p] is not None or self.amount_max[p] is not None
        ]
        self._no_min = from_positions(
            [p for p in with_amount if self.amount_min[p] is None], self.nbytes
        )
        self._no_max = from_positions(
            [p for p in with_amount if self.amount_max[p] is None], self.nbytes
        )
        self._mins = Threshold(
            [(self.amount_min[p], p) for p in with_amount if self.amount_min[p] is not None],
            self.nbytes,
        )
        self._maxs = Threshold(
            [(self.amount_max[p], p) for p in with_amount if self.amount_max[p] is not None],
            self.nbytes,
        )

        self.doc, self.df = self._postings(documents, vocabulary)
        self.title, _ = self._postings([r["search_title"] for r in rows], vocabulary)
        self.targets = {
            code: from_positions(ps, self.nbytes)
            for code, ps in _group(targets, self.position).items()
        }
        categories: dict[str, int] = {}
        for token, bits in self.doc.items():
            if token.startswith(SECTOR_PREFIX):
                cat = token[len(SECTOR_PREFIX) : len(SECTOR_PREFIX) + 3]
                categories[cat] = categories.get(cat, 0) | self._bits(bits)
        self.categories = categories
        self._converted: dict[str, int] = {}
        self._concept_df: dict[tuple, int] = {}
        self._dates: dict[datetime.date, tuple[int, int]] = {}
        self._lock = threading.Lock()

    # -- building

    def _postings(self, texts, vocabulary=None):
        """token → bitset (frequent tokens) or array of positions (rare ones); and df.

        With ``vocabulary`` only those tokens are kept (a national run needs only the words
        and codes of its needs: the intersection is done in C, document by document).
        """
        ids: dict[str, int] = {}
        lists: list[list[int]] = []
        get = ids.get
        for pos, text in enumerate(texts):
            tokens = text.split()
            for token in vocabulary.intersection(tokens) if vocabulary is not None else set(tokens):
                i = get(token)
                if i is None:
                    ids[token] = len(lists)
                    lists.append([pos])
                else:
                    lists[i].append(pos)
        dense_min = max(1, self.size // 256)
        out, df = {}, {}
        for token, i in ids.items():
            ps = lists[i]
            df[token] = len(ps)
            out[token] = from_positions(ps, self.nbytes) if len(ps) >= dense_min else array("i", ps)
        return out, df

    def _bits(self, value) -> int:
        return value if isinstance(value, int) else from_positions(value, self.nbytes)

    # -- lookups

    def token(self, token: str, *, title=False) -> int:
        """Bitset of the offers whose document (or analysed title) contains ``token``."""
        table = self.title if title else self.doc
        value = table.get(token)
        if value is None:
            return 0
        if isinstance(value, int):
            return value
        key = ("t:" if title else "d:") + token
        bits = self._converted.get(key)
        if bits is None:
            bits = from_positions(value, self.nbytes)
            if len(self._converted) >= _CONVERTED_MAX:
                self._converted.clear()
            self._converted[key] = bits
        return bits

    def concept(self, alternatives, *, title=False) -> int:
        """Offers where some alternative has all its stems."""
        out = 0
        for alternative in alternatives:
            bits = self.all
            for stem in alternative:
                bits &= self.token(stem, title=title)
                if not bits:
                    break
            out |= bits
        return out

    def concept_df(self, alternatives) -> int:
        df = self._concept_df.get(alternatives)
        if df is None:
            if len(alternatives) == 1 and len(alternatives[0]) == 1:
                df = self.df.get(alternatives[0][0], 0)
            else:
                df = self.concept(alternatives).bit_count()
            if len(self._concept_df) >= _CONCEPTS_MAX:
                self._concept_df.clear()
            self._concept_df[alternatives] = df
        return df

    def modality(self, code: str) -> int:
        return self.token(search.facet_token(search.MODALITY, code))

    def cooperante_bits(self, cooperante_ids) -> int:
        """The offers of these cooperantes."""
        if self._by_cooperante is None:
            groups: dict[int, list[int]] = {}
            for pos, pk in enumerate(self.cooperantes):
                groups.setdefault(pk, []).append(pos)
            self._by_cooperante = {
                pk: from_positions(found, self.nbytes) for pk, found in groups.items()
            }
        bits = 0
        for pk in cooperante_ids:
            bits |= self._by_cooperante.get(pk, 0)
        return bits

    def on(self, date: datetime.date) -> tuple[int, int]:
        """(offers open on ``date``, offers closing within URGENT_DAYS of it)."""
        cached = self._dates.get(date)
        if cached is None:
            day = date.toordinal()
            open_bits = self.all & ~self._expiry.lt(day)
            soon = self._closing.ge(day) & self._closing.le(day + URGENT_DAYS)
            cached = (open_bits, soon)
            with self._lock:
                if len(self._dates) > 8:
                    self._dates.clear()
                self._dates[date] = cached
        return cached

    def amount_fit(self, amount: float) -> tuple[int, int]:
        """(offers whose USD range contains ``amount``, offers within a factor of 2 of it)."""
        within = (self._no_min | self._mins.le(amount)) & (self._no_max | self._maxs.ge(amount))
        near = (self._no_min | self._mins.le(amount * 2)) & (
            self._no_max | self._maxs.ge(amount / 2)
        )
        return within, near & ~within


def _group(pairs, position):
    out: dict[str, list[int]] = {}
    for offer_id, code in pairs:
        pos = position.get(offer_id)
        if pos is not None:
            out.setdefault(code, []).append(pos)
    for ps in out.values():
        ps.sort()
    return out


# --- reading the database -----------------------------------------------------------------

OFFER_FIELDS = (
    "id",
    "code",
    "cooperante_id",
    "open_to_gad",
    "open_to_mancomunidad",
    "open_to_others",
    "amount_min",
    "amount_max",
    "currency_id",
    "schedule",
    "opens_on",
    "closes_on",
    "search_title",
)


def read_documents(using: str, *, published_only: bool) -> dict[int, str]:
    """Offer id → its analysed search document (space-separated tokens)."""
    from sioc.offers.models import Offer

    connection = connections[using]
    offers = connection.ops.quote_name(Offer._meta.db_table)
    where, params = ("", [])
    if published_only:
        where, params = (
            f" WHERE id IN (SELECT id FROM {offers} WHERE status = %s)",
            [OfferStatus.PUBLISHED],
        )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, document FROM {search.DOCUMENT_TABLE}" + where, params)
        rows = cursor.fetchall()
    return dict(rows)


def alias(using: str | None = None) -> str:
    """The database the catalogue is read from."""
    from sioc.offers.models import Offer

    return using or router.db_for_read(Offer)


def read_names(using: str | None = None) -> Names:
    from sioc.codelists.models import (
        CootadCompetency,
        DacSector,
        DacSectorCategory,
        Modality,
        SdgGoal,
    )
    from sioc.territory.models import Canton, Province

    using = alias(using)
    return Names(
        sdgs=dict(SdgGoal.objects.using(using).values_list("code", "short_title")),
        competencies=dict(CootadCompetency.objects.using(using).values_list("code", "short_name")),
        sectors=dict(DacSector.objects.using(using).values_list("code", "name")),
        categories=dict(DacSectorCategory.objects.using(using).values_list("code", "name")),
        modalities=dict(Modality.objects.using(using).values_list("code", "name")),
        provinces=dict(Province.objects.using(using).values_list("code", "name")),
        cantons={
            code: (name, province)
            for code, name, province in Canton.objects.using(using).values_list(
                "code", "name", "province__code"
            )
        },
    )


def build_index(using: str | None = None, *, stamp=None, vocabulary=None, names=None) -> OfferIndex:
    """Read the published catalogue of database ``using`` into a new index (only the tokens
    of ``vocabulary`` when given)."""
    from sioc.offers.models import Offer

    using = using or router.db_for_read(Offer)
    if stamp is None:
        stamp = search.generation(using)
    rows = [
        dict(zip(OFFER_FIELDS, values, strict=True))
        for values in Offer.objects.using(using)
        .filter(status=OfferStatus.PUBLISHED)
        .order_by("code")
        .values_list(*OFFER_FIELDS)
    ]
    documents = read_documents(using, published_only=True)
    through = Offer.sdg_targets.through
    targets = (
        through.objects.using(using)
        .filter(offer__status=OfferStatus.PUBLISHED)
        .values_list("offer_id", "sdgtarget__code")
    )
    texts = [documents.get(r["id"], "") for r in rows]
    return OfferIndex(
        rows=rows,
        documents=texts,
        targets=list(targets),
        names=names or read_names(using),
        stamp=stamp,
        vocabulary=vocabulary,
    )


# --- one index per database and process, checked against the catalogue's generation -------

_cache: dict[tuple, OfferIndex] = {}
_cache_lock = threading.Lock()


def _key(using):
    return (using, str(connections[using].settings_dict.get("NAME")))


def cached_index(using: str | None = None) -> OfferIndex | None:
    """This process's index of ``using`` if it is current, else None (one query)."""
    from sioc.offers.models import Offer

    using = using or router.db_for_read(Offer)
    index = _cache.get(_key(using))
    return index if index is not None and index.stamp == search.generation(using) else None


def current_index(using: str | None = None) -> OfferIndex:
    """The index of database ``using``; rebuilt when the catalogue changed since it was built.

    ``search.index_offers`` writes a new *generation* in the same transaction as every change
    of an offer (and a rolled-back change takes its generation back with it), so one query on a
    one-row table tells whether this process's index is current.
    """
    from sioc.offers.models import Offer

    using = using or router.db_for_read(Offer)
    key = _key(using)
    stamp = search.generation(using)
    index = _cache.get(key)
    if index is not None and index.stamp == stamp:
        return index
    with _cache_lock:
        index = _cache.get(key)
        if index is None or index.stamp != stamp:
            index = build_index(using, stamp=stamp)
            _cache[key] = index
            memory.settle(index.size)
        return index


def clear_cache():
    with _cache_lock:
        _cache.clear()
