"""Catalogue search: Spanish analysis, the search index of the offers and the queries on it.

Design (explained with measurements in docs/busqueda.md):

- ``analyze(text)`` turns Spanish into search tokens: lower case, no accents (``fold``), no stop
  words, and a light stemmer of our own that removes plural and gender endings
  (capacitaciones → capacitacion, aguas → agu, técnicas → tecnic).
- ``index_offers(ids)`` writes, for each offer, one row of the narrow table
  ``offers_offer_search`` (status, dates, cooperante, the *facet tokens* such as ``ffods6`` that
  the catalogue counts, and the analysed title) and its *document* (``offers_offer_document``):
  the analysed text — title, summary, description, requirements, code, cooperante, modalities,
  cooperation type, SDGs, COOTAD competencies, DAC sectors, covered territory — followed by the
  title's stems as ``tt`` tokens and the facet and coverage tokens (``ffcant0101``). The tokens
  each offer gains or loses go to the inverted index of ``postings.py`` (one table, the same on
  SQLite and PostgreSQL). ``Offer.search_title`` keeps the analysed title for the API's
  relevance order.
- Queries are a small tree (``Term``, ``Or``, ``And``) of tokens made only of ``[a-z0-9]``,
  evaluated on the postings' bitmaps in Python: there is no query language for anything a user
  types to become an operator of.
- Synonyms (``synonyms.py``) are expanded in the query, never in the documents.
- Services call ``index_offers`` inside the transaction of every change, so the index is never
  stale; ``rebuild_index()`` recomputes everything (after changing the analyser).
"""

import datetime
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import or_

from django.db import connections, router, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from sioc.offers import postings, synonyms
from sioc.offers.choices import OfferStatus, Schedule

TABLE = "offers_offer_search"
DOCUMENT_TABLE = "offers_offer_document"
STATE_TABLE = "offers_offer_search_state"
MAX_QUERY_CHARS = 200
MAX_CONCEPTS = 12
MAX_DOCUMENT_CHARS = 20_000
INDEX_BATCH = 1000

# --- Spanish analysis ---------------------------------------------------------------------

STOP_WORDS = frozenset(
    """
    a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aqui
    asi aun bajo bien cada casi como con contra cual cuales cualquier cuando cuanto de del desde
    donde dos durante e el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta
    estan estas este esto estos fue fueron ha han hasta hay hacia la las le les lo los me mediante
    mi mis mucho muchos muy nos nuestra nuestras nuestro nuestros o os otra otras otro otros para
    pero poco por porque que quien quienes se segun ser sera si sido siendo sobre solo son su sus
    tal tambien tan tanto te tiene tienen toda todas todo todos tras tu tus u un una unas uno unos
    usted ustedes y ya
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Singular words ending in stressed -ás/-és/-ís/-ós: their final ``s`` is not a plural.
# (Accents are folded before stemming, so the stemmer cannot see the stress.)
KEEP_FINAL_S = frozenset(
    """
    pais interes ingles frances japones aleman holandes portugues escoces irlandes noruegues
    finlandes danes libanes senegales cordobes montanes
    """.split()  # noqa: SIM905
)
VOWELS = frozenset("aeiou")
_TOKEN = re.compile(r"[a-z0-9]+")


def tokenize(text: str) -> list[str]:
    """Lower-case, accent-free words and numbers of ``text`` (ñ → n, like ``common.text.fold``,
    whose character-by-character loop is too slow for indexing 100,000 documents)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return _TOKEN.findall(ascii_text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light Spanish stemmer: plural, then gender/final vowel. Works on folded words.

    capacitaciones/capacitación → capacitacion; aguas/agua → agu; luces/luz → luz;
    redes/red → red; técnicas/técnico → tecnic; países/país → pais.
    """
    if len(word) < 4 or word.isdigit():
        return word
    if word.endswith("s") and word not in KEEP_FINAL_S:
        if word.endswith("ces") and len(word) >= 5 and word[-4] in VOWELS:
            return word[:-3] + "z"  # luces → luz, raíces → raiz, capaces → capaz
        word = word[:-1]
    if len(word) >= 4 and word[-1] in "aeo":
        word = word[:-1]
    return word


def analyze(text: str) -> list[str]:
    """Stems of the words of ``text`` that carry meaning (no stop words, no single letters)."""
    out = []
    for token in tokenize(text):
        if token in STOP_WORDS or (len(token) == 1 and not token.isdigit()):
            continue
        out.append(stem(token)[:60])
    return out


# --- facet tokens -------------------------------------------------------------------------

FACET_PREFIX = "ff"
TITLE_PREFIX = "tt"  # the document repeats the title's stems as ``tt<stem>`` (relevance)
MODALITY, SDG, COMPETENCY, SECTOR, KIND, COUNTRY = "mod", "ods", "comp", "sec", "kind", "pais"
COUNTED_GROUPS = (MODALITY, SDG, COMPETENCY, SECTOR, KIND, COUNTRY)
TOKEN_COLUMNS = (*COUNTED_GROUPS, "cov")  # columns of the search table holding tokens
NATIONAL_TOKEN = "ffcovnacional"


def facet_token(group: str, value) -> str:
    """The token of a facet value: ``ffods6``, ``ffmodtechnicalassistance``, ``ffpaisde``."""
    return FACET_PREFIX + group + re.sub(r"[^a-z0-9]", "", str(value).lower())


def province_token(code: str) -> str:
    return FACET_PREFIX + "prov" + code


def canton_token(code: str) -> str:
    return FACET_PREFIX + "cant" + code


# --- query trees --------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    token: str
    prefix: bool = False


@dataclass(frozen=True)
class Or:
    parts: tuple


@dataclass(frozen=True)
class And:
    parts: tuple


def _either(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else Or(parts)


def _all(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else And(parts)


def in_title(node):
    """The same query tree, asking for the words in the title (``tt`` tokens)."""
    if isinstance(node, Term):
        if node.token.startswith(FACET_PREFIX):
            return None
        return Term(TITLE_PREFIX + node.token, node.prefix)
    parts = [in_title(p) for p in node.parts]
    if isinstance(node, And) and None in parts:
        return None
    parts = tuple(p for p in parts if p is not None)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else type(node)(parts)


@lru_cache(maxsize=1)
def synonym_index():
    """Analysed expression → the analysed expressions it also finds; and the longest key."""
    index: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for group in synonyms.GROUPS:
        alternatives = {tuple(analyze(e)) for e in group} - {()}
        for alternative in alternatives:
            index.setdefault(alternative, set()).update(alternatives)
    for key, expressions in synonyms.EXPANSIONS.items():
        analysed = tuple(analyze(key))
        index.setdefault(analysed, {analysed}).update(
            tuple(analyze(e)) for e in expressions if analyze(e)
        )
    return index, max(len(k) for k in index)


@dataclass(frozen=True)
class TextQuery:
    """A parsed search box: every concept must match (AND); a concept is its alternatives (OR);
    an alternative of several words needs all of them (AND; no phrase operators, which keeps
    both databases on the index without rechecks).

    ``patterns`` holds, per concept, substrings of the analysed title (padded with spaces) that
    mean "the concept is in the title": the relevance of a result is how many concepts are."""

    concepts: tuple = ()
    patterns: tuple[tuple[str, ...], ...] = ()
    truncated: bool = False

    def __bool__(self):
        return bool(self.concepts)


@lru_cache(maxsize=512)
def parse_text(q: str) -> TextQuery:
    truncated = len(q or "") > MAX_QUERY_CHARS
    words = []  # (folded word, stem)
    for token in tokenize((q or "")[:MAX_QUERY_CHARS]):
        if token in STOP_WORDS or token.startswith((FACET_PREFIX, TITLE_PREFIX)):
            continue
        if len(token) == 1 and not token.isdigit():
            continue
        words.append((token, stem(token)[:60]))
    index, longest = synonym_index()
    concepts, patterns = [], []
    i = 0
    while i < len(words) and len(concepts) < MAX_CONCEPTS:
        word, stemmed = words[i]
        # "ODS 6" / "ods6": the SDG itself, as its facet token.
        sdg = re.fullmatch(r"ods(\d{1,2})", word)
        if stemmed == "ods" and i + 1 < len(words) and words[i + 1][0].isdigit():
            sdg, i = re.fullmatch(r"(\d{1,2})", words[i + 1][0]), i + 1
        if sdg and 1 <= int(sdg.group(1)) <= 17:
            concepts.append(Term(facet_token(SDG, int(sdg.group(1)))))
            patterns.append(())
            i += 1
            continue
        size, alternatives = 1, {(stemmed,)}
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(s for _, s in words[i : i + n])
            if key in index:
                size, alternatives = n, index[key] | {key}
                break
        ordered = sorted(alternatives)
        parts = [_all([Term(t) for t in alt]) for alt in ordered]
        pats = [" " + " ".join(alt) + " " for alt in ordered]
        if size == 1 and i + 1 == len(words) and len(word) >= 4 and not word.isdigit():
            parts.append(Term(word[:60], prefix=True))  # the word being typed
            pats.append(" " + word)
        concept = _either(parts)
        if concept not in concepts:
            concepts.append(concept)
            patterns.append(tuple(dict.fromkeys(pats)))
        i += size
    return TextQuery(tuple(concepts), tuple(patterns), truncated)


# --- criteria: what the catalogue, the feeds and the API filter by -------------------------

ORDER_RELEVANCE, ORDER_CLOSING, ORDER_NEWEST = "relevancia", "cierre", "recientes"
STATUS, CLOSES = "estado", "cierra"
CLOSING_WINDOWS = (30, 60, 90)


@dataclass(frozen=True)
class Criteria:
    """Validated filters (see filters.OfferFilterSet, which builds them from GET parameters)."""

    text: str = ""
    facets: dict = field(default_factory=dict)  # group → tuple of values (OR inside a group)
    canton: str = ""  # INEC canton code: offers that cover it (national, its province, itself)
    statuses: tuple[str, ...] = (OfferStatus.PUBLISHED,)
    closes_within: int | None = None
    cooperante: str = ""  # organisation slug
    order: str = ORDER_RELEVANCE

    @property
    def query(self) -> TextQuery:
        return parse_text(self.text)

    def selected_groups(self):
        return [g for g in COUNTED_GROUPS if self.facets.get(g)]


def _group_tree(criteria, group):
    return _either([Term(facet_token(group, v)) for v in criteria.facets[group]])


def _base_parts(criteria):
    parts = list(criteria.query.concepts)
    if criteria.canton:
        parts.append(
            Or(
                (
                    Term(NATIONAL_TOKEN),
                    Term(province_token(criteria.canton[:2])),
                    Term(canton_token(criteria.canton)),
                )
            )
        )
    return parts


def match_tree(criteria: Criteria, without: str | None = None):
    """The index query for text, facets and canton (all of them but group ``without``)."""
    parts = _base_parts(criteria)
    parts += [_group_tree(criteria, g) for g in criteria.selected_groups() if g != without]
    return _all(parts) if parts else None


# --- filtering any Offer queryset (the API, feeds, exports) -------------------------------


def ids_subquery(ids, using="default"):
    """``pk__in`` for a long list of ids, as one parameter (a JSON text or an array)."""
    if connections[using].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


def expired_q(today):
    """Published with fixed dates whose closing date has passed (the nightly task closes it)."""
    return Q(status=OfferStatus.PUBLISHED, schedule=Schedule.WINDOW, closes_on__lt=today)


def status_q(statuses: Iterable[str], today) -> Q:
    """Effective status: «published» means still open; an expired window counts as closed."""
    statuses = set(statuses)
    parts = []
    if OfferStatus.PUBLISHED in statuses:
        parts.append(Q(status=OfferStatus.PUBLISHED) & ~expired_q(today))
    if OfferStatus.CLOSED in statuses:
        parts.append(Q(status=OfferStatus.CLOSED) | expired_q(today))
    others = statuses - {OfferStatus.PUBLISHED, OfferStatus.CLOSED}
    if others:
        parts.append(Q(status__in=sorted(others)))
    return reduce(or_, parts) if parts else Q(pk__in=[])


def closes_within_q(days: int, today) -> Q:
    return Q(
        status=OfferStatus.PUBLISHED,
        closes_on__gte=today,
        closes_on__lte=today + datetime.timedelta(days=days),
    )


def apply(queryset, criteria: Criteria, *, today=None):
    """Every filter of ``criteria`` on ``queryset`` (any Offer queryset).

    Words, facets and canton are answered by the process's facet index (``facets.py``: cached
    text matches and bitmaps) and reach the database as one array of ids; status, dates and
    cooperante are plain conditions on ``Offer``."""
    today = today or timezone.localdate()
    qs = queryset
    if match_tree(criteria) is not None:
        from sioc.offers import facets  # facets.py builds on this module

        qs = qs.filter(pk__in=ids_subquery(facets.matching_ids(criteria, queryset.db), qs.db))
    qs = qs.filter(status_q(criteria.statuses, today))
    if criteria.closes_within:
        qs = qs.filter(closes_within_q(criteria.closes_within, today))
    if criteria.cooperante:
        qs = qs.filter(cooperante__slug=criteria.cooperante)
    return qs


def with_relevance(queryset, criteria: Criteria):
    """Annotate ``relevance``: how many concepts of the query are in the title (portable SQL)."""
    terms = [
        Case(
            When(reduce(or_, [Q(search_title__contains=p) for p in pats]), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for pats in criteria.query.patterns
        if pats
    ]
    if not terms:
        return queryset.annotate(relevance=Value(0, output_field=IntegerField()))
    return queryset.annotate(relevance=reduce(lambda a, b: a + b, terms))


def order(queryset, criteria: Criteria):
    closing = F("closes_on").asc(nulls_last=True)
    newest = F("published_at").desc(nulls_last=True)
    if criteria.order == ORDER_CLOSING:
        return queryset.order_by(closing, newest, "pk")
    if criteria.order == ORDER_NEWEST:
        return queryset.order_by(newest, "-pk")
    return with_relevance(queryset, criteria).order_by("-relevance", closing, newest, "pk")


# --- the index ----------------------------------------------------------------------------

OFFER_COLUMNS = (
    "id",
    "code",
    "title",
    "summary",
    "description",
    "requirements",
    "is_national",
    "currency_id",
    "status",
    "schedule",
    "closes_on",
    "published_at",
    "cooperante_id",
    "cooperante__name",
    "cooperante__acronym",
    "cooperante__kind",
    "cooperante__country",
    "cooperation_type__name",
)
# M2M field → fields of the target read through the join table
RELATED = {
    "modalities": ("code", "name"),
    "sdgs": ("code", "short_title"),
    "sdg_targets": ("code", "goal__code"),
    "competencies": ("code", "short_name"),
    "sectors": ("code", "name"),
    "provinces": ("code", "name"),
    "cantons": ("code", "name"),
}


def _related(name, ids, using):
    from sioc.offers.models import Offer

    m2m = Offer._meta.get_field(name)
    through = m2m.remote_field.through
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    columns = [f"{source}_id"] + [f"{target}__{c}" for c in RELATED[name]]
    out: dict[int, list[tuple]] = {}
    rows = through.objects.using(using).filter(**{f"{source}_id__in": ids}).values_list(*columns)
    for row in rows:
        out.setdefault(row[0], []).append(row[1:])
    return out


def build(row: dict, rel: dict) -> tuple[str, str, dict]:
    """(document, analysed title, {group: facet tokens, "cov": coverage tokens}) of one offer.
    Pure: easy to test."""
    texts = [
        row["title"],
        row["summary"],
        row["code"],
        row["cooperante__name"],
        row["cooperante__acronym"],
        row["cooperation_type__name"] or "",
        row["currency_id"] or "",
    ]
    groups = {g: [] for g in COUNTED_GROUPS}
    for code, name in rel.get("modalities", ()):
        texts.append(name)
        groups[MODALITY].append(facet_token(MODALITY, code))
    goals = set()
    for code, title in rel.get("sdgs", ()):
        texts.append(f"ODS {code} {title}")
        goals.add(code)
    for _code, goal in rel.get("sdg_targets", ()):
        goals.add(goal)
    groups[SDG] = [facet_token(SDG, g) for g in sorted(goals)]
    for code, name in rel.get("competencies", ()):
        texts.append(name)
        groups[COMPETENCY].append(facet_token(COMPETENCY, code))
    for code, name in rel.get("sectors", ()):
        texts.append(name)
        groups[SECTOR].append(facet_token(SECTOR, code))
    if row["cooperante__kind"]:
        groups[KIND].append(facet_token(KIND, row["cooperante__kind"]))
    if row["cooperante__country"]:
        groups[COUNTRY].append(facet_token(COUNTRY, row["cooperante__country"]))
    coverage = []
    if row["is_national"]:
        texts.append("nacional todo el Ecuador")
        coverage.append(NATIONAL_TOKEN)
    for code, name in rel.get("provinces", ()):
        texts.append(name)
        coverage.append(province_token(code))
    for code, name in rel.get("cantons", ()):
        texts.append(name)
        coverage.append(canton_token(code))
    texts += [row["description"], row["requirements"]]
    text = " ".join(t for t in texts if t)[:MAX_DOCUMENT_CHARS]
    groups = {g: list(dict.fromkeys(tokens)) for g, tokens in groups.items()}
    keys = [t for g in COUNTED_GROUPS for t in groups[g]]
    title_stems = analyze(f"{row['title']} {row['cooperante__acronym']}")
    in_title = [TITLE_PREFIX + t for t in dict.fromkeys(title_stems)]
    document = " ".join([*analyze(text), *in_title, *keys, *dict.fromkeys(coverage)])
    title = " " + " ".join(title_stems) + " "
    columns = {g: " " + " ".join(t) + " " for g, t in groups.items()}
    columns["cov"] = " " + " ".join(dict.fromkeys(coverage)) + " "
    return document, title[:600], columns


def index_offers(offer_ids, *, using=None):
    """(Re)compute the search data of these offers; services call it inside their transaction.

    Ids of offers that no longer exist are removed from the index. Works in batches, so it also
    serves bulk loads (imports, benchmarks). Index writers take the lock of the index's state
    row first: the postings are read, modified and written back, which must not interleave.
    """
    from sioc.offers.models import Offer

    ids = sorted({int(i) for i in offer_ids if i is not None})
    if not ids:
        return 0
    using = using or router.db_for_write(Offer)
    connection = connections[using]
    offers = connection.ops.quote_name(Offer._meta.db_table)
    done = 0
    with transaction.atomic(using=using):
        lock(using)
        for start in range(0, len(ids), INDEX_BATCH):
            done += _index_chunk(ids[start : start + INDEX_BATCH], connection, offers, using)
        touch(using)
    return done


def _index_chunk(chunk, connection, offers, using):
    from sioc.offers.models import Offer

    rows = list(Offer.objects.using(using).filter(id__in=chunk).values(*OFFER_COLUMNS))
    related = {name: _related(name, chunk, using) for name in RELATED}
    entries, titles, documents, new_tokens = [], [], [], {}
    for row in rows:
        rel = {name: values.get(row["id"], ()) for name, values in related.items()}
        document, title, groups = build(row, rel)
        published = row["published_at"]
        entries.append(
            (
                row["id"],
                row["status"],
                row["schedule"],
                connection.ops.adapt_datefield_value(row["closes_on"]),
                connection.ops.adapt_datetimefield_value(published) if published else None,
                row["cooperante_id"],
                title,
                *[groups[g] for g in TOKEN_COLUMNS],
            )
        )
        titles.append((row["id"], title))
        documents.append((row["id"], document))
        new_tokens[row["id"]] = frozenset(document.split())
    marks = ", ".join(["%s"] * len(chunk))
    columns = ", ".join(
        ["id", "status", "schedule", "closes_on", "published_at", "cooperante_id", "title"]
        + list(TOKEN_COLUMNS)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, document FROM {DOCUMENT_TABLE} WHERE id IN ({marks})", chunk)
        old_tokens = {pk: frozenset(document.split()) for pk, document in cursor.fetchall()}
        for part in batches(titles, 2):
            cursor.execute(
                f"WITH v(id, title) AS (VALUES {values_marks(len(part), 2)})"
                f" UPDATE {offers} SET search_title = v.title FROM v WHERE {offers}.id = v.id",
                [value for row in part for value in row],
            )
        cursor.execute(f"DELETE FROM {TABLE} WHERE id IN ({marks})", chunk)
        cursor.execute(f"DELETE FROM {DOCUMENT_TABLE} WHERE id IN ({marks})", chunk)
        insert_rows(cursor, f"INSERT INTO {TABLE} ({columns}) VALUES", entries)
        insert_rows(cursor, f"INSERT INTO {DOCUMENT_TABLE} (id, document) VALUES", documents)
    postings.update(connection, postings.changes_for(old_tokens, new_tokens))
    return len(entries)


MAX_PARAMETERS = 10_000  # per statement: well under SQLite's 32,766 and PostgreSQL's 65,535


def batches(rows, width):
    """``rows`` in slices of at most ``MAX_PARAMETERS`` parameters."""
    size = max(1, MAX_PARAMETERS // width)
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def values_marks(count, width) -> str:
    row = "(" + ", ".join(["%s"] * width) + ")"
    return ", ".join([row] * count)


def insert_rows(cursor, statement, rows, suffix=""):
    """``statement`` (``INSERT … VALUES``) for many rows, one multi-row statement per batch:
    far fewer round trips than ``executemany`` on PostgreSQL."""
    if not rows:
        return
    width = len(rows[0])
    for part in batches(rows, width):
        cursor.execute(
            f"{statement} {values_marks(len(part), width)}{suffix}",
            [value for row in part for value in row],
        )


# Organisation fields the search data of its offers is built from (text, acronym, facets).
INDEXED_ORGANIZATION_FIELDS = {"name", "acronym", "kind", "country"}


def reindex_cooperante(sender, *, organization, fields, **kwargs):
    """A cooperante's name, acronym, kind or country changed: its offers' search data follows."""
    if not INDEXED_ORGANIZATION_FIELDS.intersection(fields):
        return 0
    from sioc.offers.models import Offer

    return index_offers(Offer.objects.filter(cooperante=organization).values_list("pk", flat=True))


def lock(using=None):
    """Wait for, and hold until commit, the index's write lock (PostgreSQL; SQLite has a single
    writer anyway)."""
    using = using or router.db_for_write(_offer_model())
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT generation FROM {STATE_TABLE} WHERE id = 1 FOR UPDATE")


def touch(using=None):
    """Give the index a new generation: in-process facet indexes (facets.py) see the change."""
    using = using or router.db_for_write(_offer_model())
    with connections[using].cursor() as cursor:
        cursor.execute(f"UPDATE {STATE_TABLE} SET generation = %s WHERE id = 1", [uuid.uuid4().hex])


def generation(using="default") -> str:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT generation FROM {STATE_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else ""


def _offer_model():
    from sioc.offers.models import Offer

    return Offer


def rebuild_index(*, using=None) -> int:
    """Recompute the search data of every offer (after changing the analyser, or to drop the
    entries of offers deleted outside the services)."""
    from sioc.offers.models import Offer

    using = using or router.db_for_write(Offer)
    connection = connections[using]
    with transaction.atomic(using=using):
        lock(using)
        with connection.cursor() as cursor:
            for table in (TABLE, DOCUMENT_TABLE, postings.TABLE):
                cursor.execute(f"DELETE FROM {table}")
        ids = list(Offer.objects.using(using).order_by("pk").values_list("pk", flat=True))
        done = index_offers(ids, using=using)
        touch(using)
    return done
