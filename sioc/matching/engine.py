"""Offer ↔ need matching: hard filters first, then an explained score.

The public functions (other apps code against them; keep names and signatures):
``NeedSpec``, ``Match``, ``rank_offers``, ``rank_many``, ``exclusion_reasons``,
``rank_needs_for_offer``, ``rank_gads_for_offer``, ``fitting_offers_for_gad``.

1. **Hard filters.** An offer is never ranked when it is not published, its window has closed
   (closing date past, even before the nightly task closes it), it does not cover the need's
   canton (national, the canton's province or the canton itself), it does not accept the
   applicant type, or the need seeks modalities and the offer has none of them (credit is
   reimbursable: a need that seeks non-reimbursable support never gets a credit-only offer).
   ``exclusion_reasons`` says which rule excludes an offer, in Spanish, from the database
   records themselves (independently of the index, which the tests and the evaluation use to
   cross-check the two).
2. **Score.** Points per criterion (``WEIGHTS``), divided by the points the need makes
   possible (a need without SDGs is not penalised for it), so the score is between 0 and 1:
   Spanish text similarity (the catalogue's analyser, synonyms, BM25 inverse document
   frequency, the title counts more), SDG goals and targets, COOTAD competency, DAC sector
   (same category counts a little), amount fit, a small bonus for closing within 30 days, and
   the cooperante's track record (``track_record_points``: 0 until projects exist).
3. **Explanations.** Every result carries its reasons in Spanish and each criterion's
   contribution (``explain.py``).

How it is fast: see ``index.py`` (bitsets over the published catalogue) and ``Accumulator``
below (bit-sliced integer addition): scoring one need against 100,000 offers is a few hundred
operations on 100,000-bit integers, not 100,000 Python steps.
"""

import datetime
import math
import multiprocessing
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from sioc.matching import explain
from sioc.matching import text as need_text
from sioc.matching.index import (
    APPLICANT_GAD,
    APPLICANT_MANCOMUNIDAD,
    APPLICANT_OTHER,
    Names,
    OfferIndex,
    build_index,
    cached_index,
    current_index,
    has,
    positions,
    read_names,
)
from sioc.offers import search

# Points of each criterion (the score divides by the points the need makes possible).
WEIGHTS = {
    "text": 50,  # text similarity (document 2/3, title 1/3)
    "sdg": 10,  # SDG goals in common
    "target": 10,  # SDG targets in common
    "competency": 10,  # COOTAD competency
    "sector": 8,  # DAC sector (exact)
    "sector_category": 3,  # DAC sector of the same category (3 digits)
    "amount": 8,  # need amount inside the offer's range
    "amount_near": 4,  # within a factor of 2 of the range
    "urgency": 2,  # closes within 30 days (a bonus: not in the divisor)
    "track_record": 10,  # the cooperante's projects in the province and theme (not yet)
}
TITLE_SHARE = 0.5  # a concept in the offer's title adds half of its document points
UNITS = 10  # integer score units per point
MIN_SCORE = 0.05  # below this an offer is not recommended
BATCH_MIN = 200  # needs from which rank_many reads only the words and codes they use
THEMATIC = ("text", "sdg", "target", "competency", "sector", "sector_category")
CODE_CRITERIA = ("sdg", "target", "competency", "sector", "sector_category")


@dataclass
class NeedSpec:
    """A need, stored or not (``sioc match`` ranks needs from a CSV without storing them)."""

    canton_code: str
    title: str
    text: str = ""  # problem / objective / description
    modality_codes: frozenset = frozenset()  # sought; empty = any
    sdg_codes: frozenset = frozenset()  # ints
    target_codes: frozenset = frozenset()  # "6.1"
    competency_codes: frozenset = frozenset()  # letters
    sector_codes: frozenset = frozenset()
    amount: Decimal | None = None  # USD
    applicant: str = APPLICANT_GAD

    @classmethod
    def from_need(cls, need) -> "NeedSpec":
        """From a ``demands.Need`` (prefetch modalities, sdgs and sdg_targets for many)."""
        text = "\n".join(t for t in (need.problem, need.objective, need.beneficiary_groups) if t)
        return cls(
            canton_code=need.gad.canton.code if need.gad.canton_id else "",
            title=need.title,
            text=text,
            modality_codes=frozenset(m.code for m in need.modalities.all()),
            sdg_codes=frozenset(g.code for g in need.sdgs.all()),
            target_codes=frozenset(t.code for t in need.sdg_targets.all()),
            competency_codes=frozenset([need.competency.code])
            if need.competency_id
            else frozenset(),
            sector_codes=frozenset([need.sector.code]) if need.sector_id else frozenset(),
            amount=need.estimated_budget,
            applicant=APPLICANT_GAD,
        )

    @classmethod
    def from_profile(cls, profile) -> "NeedSpec":
        """A GAD's PDOT priorities as a need (``demands.GadProfile``)."""
        org = profile.organization
        return cls(
            canton_code=org.canton.code if org.canton_id else "",
            title="",
            text=profile.pdot_priorities,
            sdg_codes=frozenset(g.code for g in profile.priority_sdgs.all()),
            competency_codes=frozenset(c.code for c in profile.priority_competencies.all()),
        )

    @property
    def goals(self) -> frozenset:
        """SDG goals, including those of the targets."""
        return frozenset(int(g) for g in self.sdg_codes) | frozenset(
            int(t.split(".")[0]) for t in self.target_codes
        )


@dataclass
class Match:
    offer_id: int
    offer_code: str
    score: float
    reasons: list[str]  # Spanish
    contributions: dict[str, float] = field(default_factory=dict)  # criterion → share of score


# --- compiling a need into weighted bitsets ------------------------------------------------


@dataclass
class Feature:
    criterion: str  # a key of WEIGHTS, or "title"
    key: object  # Concept, goal number, target code, letter, sector code, category…
    units: int
    bits: int


@dataclass
class Place:
    """The need's canton and province, and the offers that cover them by name."""

    canton: str = ""
    province: str = ""
    canton_bits: int = 0  # offers listing the canton
    province_bits: int = 0  # offers listing its province


@dataclass
class Plan:
    spec: NeedSpec
    features: list[Feature]
    max_units: int
    eligible: int  # offers that pass every hard filter on the date
    candidates: int  # eligible offers with something in common with the need
    date: datetime.date
    place: Place = field(default_factory=Place)
    sought: list = field(default_factory=list)  # (modality label, bitset) of the sought ones
    phrases: object = None


def _idf(n: int, df: int) -> float:
    df = min(max(df, 1), max(n, 1))
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def need_concepts(spec: NeedSpec, names: Names):
    """The text concepts of ``spec``, without the words of its own canton and province."""
    place = names.cantons.get(spec.canton_code)
    ignore = frozenset()
    if place:
        ignore = need_text.stems(f"{place[0]} {names.provinces.get(place[1], '')}")
    return need_text.concepts(spec.title, spec.text, ignore=ignore)


def text_features(spec: NeedSpec, index: OfferIndex, concepts=None) -> list[Feature]:
    if concepts is None:
        concepts = need_concepts(spec, index.names)
    # Words no offer uses cannot tell offers apart: they are left out of the divisor too, so a
    # need full of such words ("invierno", "quedan aisladas") does not shrink its text share.
    dfs = [(c, index.concept_df(c.alternatives)) for c in concepts]
    weighted = [(c, c.weight * _idf(index.size, df)) for c, df in dfs if df]
    total = sum(w for _, w in weighted) * (1 + TITLE_SHARE)
    out = []
    if not total:
        return out
    scale = WEIGHTS["text"] * UNITS / total
    for concept, w in weighted:
        doc_units = round(scale * w)
        title_units = round(scale * w * TITLE_SHARE)
        if doc_units:
            out.append(Feature("text", concept, doc_units, index.concept(concept.alternatives)))
        if title_units:
            out.append(
                Feature(
                    "title", concept, title_units, index.concept(concept.alternatives, title=True)
                )
            )
    return out


def _shares(codes, weight):
    """Integer units per code so that they add up to ``weight`` points."""
    codes = sorted(codes, key=str)
    if not codes:
        return []
    total = weight * UNITS
    base, extra = divmod(total, len(codes))
    return [(code, base + (1 if i < extra else 0)) for i, code in enumerate(codes)]


def compile_plan(spec: NeedSpec, index: OfferIndex, date: datetime.date, concepts=None) -> Plan:
    features = text_features(spec, index, concepts)
    token = index.token
    for goal, units in _shares(spec.goals, WEIGHTS["sdg"]):
        features.append(Feature("sdg", goal, units, token(search.facet_token(search.SDG, goal))))
    for target, units in _shares(spec.target_codes, WEIGHTS["target"]):
        features.append(Feature("target", target, units, index.targets.get(target, 0)))
    for letter, units in _shares(spec.competency_codes, WEIGHTS["competency"]):
        features.append(
            Feature(
                "competency", letter, units, token(search.facet_token(search.COMPETENCY, letter))
            )
        )
    sector_units = dict(_shares(spec.sector_codes, WEIGHTS["sector"]))
    for code, units in _shares(spec.sector_codes, WEIGHTS["sector_category"]):
        exact = token(search.facet_token(search.SECTOR, code))
        features.append(Feature("sector", code, sector_units[code], exact))
        features.append(
            Feature("sector_category", code[:3], units, index.categories.get(code[:3], 0) & ~exact)
        )
    # A code that many offers share says less: its points shrink with the share of offers
    # that have it (SDG 17 or competency n) — the same idea as the text's inverse frequency.
    for f in features:
        if f.criterion in CODE_CRITERIA:
            f.units = round(f.units * (1 - f.bits.bit_count() / max(index.size, 1) / 2))
    max_units = sum(f.units for f in features if f.criterion not in ("sector_category",))
    if spec.amount is not None and spec.amount > 0:
        within, near = index.amount_fit(float(spec.amount))
        features.append(Feature("amount", "within", WEIGHTS["amount"] * UNITS, within))
        features.append(Feature("amount_near", "near", WEIGHTS["amount_near"] * UNITS, near))
        max_units += WEIGHTS["amount"] * UNITS
    open_bits, soon = index.on(date)
    features.append(Feature("urgency", "soon", WEIGHTS["urgency"] * UNITS, soon))

    place = Place()
    canton = index.names.cantons.get(spec.canton_code)
    if canton:
        place = Place(
            canton=canton[0],
            province=index.names.provinces.get(canton[1], canton[1]),
            canton_bits=token(search.canton_token(spec.canton_code)),
            province_bits=token(search.province_token(canton[1])),
        )
    eligible = open_bits & (token(search.NATIONAL_TOKEN) | place.canton_bits | place.province_bits)
    eligible &= index.applicants.get(spec.applicant, index.applicants[APPLICANT_OTHER])
    sought = [
        (index.names.modalities.get(code, code), index.modality(code))
        for code in sorted(spec.modality_codes, key=lambda c: (index.names.modalities.get(c, c), c))
    ]
    if sought:
        allowed = 0
        for _label, bits in sought:
            allowed |= bits
        eligible &= allowed
    thematic = 0
    for f in features:
        if f.criterion in THEMATIC:
            thematic |= f.bits
    return Plan(
        spec,
        features,
        max_units,
        eligible,
        eligible & thematic,
        date,
        place,
        sought,
        explain.phrases(),
    )


# --- bit-sliced scores ---------------------------------------------------------------------


class Accumulator:
    """Integer scores of every offer at once: ``planes[j]`` holds bit *j* of each score.

    Adding a bitset with weight *w* adds *w* to the score of each offer in it: for each bit of
    *w*, binary addition with carries, one plane at a time (the carry dies out after a few
    planes). Each step is one ``^`` and one ``&`` on whole bitsets.
    """

    def __init__(self):
        self.planes: list[int] = []

    def add(self, bits: int, units: int):
        planes = self.planes
        j = 0
        while units:
            if units & 1 and bits:
                carry, i = bits, j
                while carry:
                    while i >= len(planes):
                        planes.append(0)
                    plane = planes[i]
                    planes[i] = plane ^ carry
                    carry &= plane
                    i += 1
            units >>= 1
            j += 1

    def top(self, candidates: int, k: int) -> list[int]:
        """Positions of the ``k`` highest scores among ``candidates``; ties: lowest position
        (the index is in offer-code order)."""
        chosen, count = 0, 0
        for plane in reversed(self.planes):
            if not candidates:
                break
            high = candidates & plane
            n = high.bit_count()
            if count + n > k:
                candidates = high
            else:
                chosen |= high
                count += n
                candidates &= ~plane
        out = positions(chosen)
        if count < k and candidates:
            out += positions(candidates, k - count)
        return out

    def score(self, pos: int) -> int:
        return sum(1 << j for j, plane in enumerate(self.planes) if has(plane, pos))


def track_record_points(cooperante_id, province_code, spec) -> float:
    """The cooperante's projects in the GAD's province and theme — a hook.

    Projects (issue «Projects») do not exist yet, so this returns 0 and the criterion adds
    nothing (and is left out of the divisor). When they exist: count the cooperante's
    projects in ``province_code`` that share SDGs or competency with ``spec`` and give up to
    ``WEIGHTS["track_record"]`` points.
    """
    return 0.0


# --- ranking --------------------------------------------------------------------------------


def _today(date):
    return date or timezone.localdate()


def _matched_features(plan: Plan, index: OfferIndex, chosen: list[int]) -> dict[int, list[Feature]]:
    """The features each chosen offer has. One ``&`` per feature with the mask of the chosen
    offers, then byte lookups: testing bits one by one would shift whole bitsets each time."""
    mask = 0
    for pos in chosen:
        mask |= 1 << pos
    out: dict[int, list[Feature]] = {pos: [] for pos in chosen}
    for f in plan.features:
        hit = f.bits & mask
        if not hit:
            continue
        view = hit.to_bytes(index.nbytes, "little")
        for pos in chosen:
            if view[pos >> 3] >> (pos & 7) & 1:
                out[pos].append(f)
    return out


def _match(plan: Plan, index: OfferIndex, pos: int, matched: list[Feature]) -> Match:
    units = sum(f.units for f in matched)
    score = min(1.0, units / plan.max_units) if plan.max_units else 0.0
    reasons, contributions = explain.explain(plan, index, pos, matched)
    contributions["track_record"] = track_record_points(
        index.cooperantes[pos],
        index.names.cantons.get(plan.spec.canton_code, ("", ""))[1],
        plan.spec,
    )
    return Match(index.ids[pos], index.codes[pos], round(score, 4), reasons, contributions)


def _rank(plan: Plan, index: OfferIndex, top: int) -> list[Match]:
    if not plan.candidates or top <= 0 or not plan.max_units:
        return []
    acc = Accumulator()
    for f in plan.features:
        acc.add(f.bits & plan.candidates, f.units)
    chosen = acc.top(plan.candidates, top)
    matched = _matched_features(plan, index, chosen)
    matches = [_match(plan, index, pos, matched[pos]) for pos in chosen]
    matches.sort(key=lambda m: (-m.score, m.offer_code))
    return [m for m in matches if m.score >= MIN_SCORE]


def rank_offers(spec: NeedSpec, *, top: int = 10, date=None) -> list[Match]:
    """The open offers that fit ``spec``, best first, with their reasons."""
    index = current_index()
    return _rank(compile_plan(spec, index, _today(date)), index, top)


def vocabulary(specs: list[NeedSpec], names: Names, concepts: list) -> frozenset:
    """Every token of the search documents that ranking ``specs`` can look at (``concepts``
    receives each spec's text concepts, in order)."""
    from sioc.codelists.models import DacSector

    tokens = {search.NATIONAL_TOKEN}
    tokens.update(search.facet_token(search.MODALITY, code) for code in names.modalities)
    categories = set()
    for spec in specs:
        concepts.append(need_concepts(spec, names))
        for concept in concepts[-1]:
            for alternative in concept.alternatives:
                tokens.update(alternative)
        tokens.update(search.facet_token(search.SDG, g) for g in spec.goals)
        tokens.update(search.facet_token(search.COMPETENCY, c) for c in spec.competency_codes)
        categories.update(code[:3] for code in spec.sector_codes)
        place = names.cantons.get(spec.canton_code)
        tokens.add(search.canton_token(spec.canton_code))
        tokens.add(search.province_token(place[1] if place else spec.canton_code[:2]))
    for code in DacSector.objects.values_list("code", flat=True):
        if code[:3] in categories:
            tokens.add(search.facet_token(search.SECTOR, code))
    return frozenset(tokens)


def rank_many(
    specs: list[NeedSpec], *, top: int = 10, date=None, workers: int = 1
) -> list[list[Match]]:
    """``rank_offers`` for many needs on one read of the catalogue (CLI, national runs).

    From ``BATCH_MIN`` needs on, unless this process already holds a current index, the
    catalogue is read for these needs only (their words and codes): the same scores, built in
    a fraction of the time and memory. ``workers`` > 1 ranks in that many forked processes
    (command-line runs only: a web process never forks).
    """
    index = cached_index()
    concepts = None
    if index is None:
        if len(specs) >= BATCH_MIN:
            names, concepts = read_names(), []
            index = build_index(vocabulary=vocabulary(specs, names, concepts), names=names)
        else:
            index = current_index()
    date = _today(date)
    job = (specs, concepts, index, date, top)
    if (
        workers > 1
        and len(specs) >= BATCH_MIN
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        return _rank_forked(job, workers)
    return _rank_slice(job, 0, len(specs))


def _rank_slice(job, start, end):
    specs, concepts, index, date, top = job
    return [
        _rank(compile_plan(specs[i], index, date, concepts[i] if concepts else None), index, top)
        for i in range(start, end)
    ]


_job = None  # the batch that forked workers inherit (never set in a web process)


def _rank_child(bounds):
    return _rank_slice(_job, *bounds)


def _rank_forked(job, workers):
    global _job
    n = len(job[0])
    step = -(-n // workers)
    bounds = [(i, min(i + step, n)) for i in range(0, n, step)]
    _job = job
    try:
        with multiprocessing.get_context("fork").Pool(len(bounds)) as pool:
            parts = pool.map(_rank_child, bounds)
    finally:
        _job = None
    return [matches for part in parts for matches in part]


def score_offer(
    spec: NeedSpec, offer, *, date=None, index: OfferIndex | None = None
) -> Match | None:
    """The match of one offer with ``spec``, or None when a hard filter excludes it or they
    have nothing in common."""
    index = index or current_index()
    pos = index.position.get(offer.pk if hasattr(offer, "pk") else offer)
    if pos is None:
        return None
    plan = compile_plan(spec, index, _today(date))
    if not has(plan.candidates, pos) or not plan.max_units:
        return None
    match = _match(plan, index, pos, _matched_features(plan, index, [pos])[pos])
    return match if match.score >= MIN_SCORE else None


def exclusion_reasons(spec: NeedSpec, offer, date=None) -> list[str]:
    """Why ``offer`` can never be recommended for ``spec`` (Spanish); [] when eligible.

    Read from the offer's own records (status, dates, coverage, applicants, modalities), not
    from the matching index.
    """
    return explain.exclusion_reasons(spec, offer, _today(date))


# --- needs and GADs for an offer; offers for a GAD -----------------------------------------


def _active_needs(**filters):
    from sioc.demands.models import Need

    return (
        Need.objects.active()
        .filter(**filters)
        .select_related("gad__canton", "competency", "sector")
        .prefetch_related("modalities", "sdgs", "sdg_targets")
    )


def _profiles(**filters):
    from sioc.demands.models import GadProfile

    return (
        GadProfile.objects.filter(organization__is_active=True, **filters)
        .select_related("organization__canton")
        .prefetch_related("priority_sdgs", "priority_competencies")
    )


def _has_priorities(profile) -> bool:
    return bool(
        profile.pdot_priorities.strip()
        or profile.priority_sdgs.all()
        or profile.priority_competencies.all()
    )


def _covered_gads(offer, index: OfferIndex, date):
    """A condition on the GADs ``offer`` may fit (empty: all), or None when it fits none (not
    open on ``date``, closed to GADs). A cheap first cut in the database; the engine applies
    every filter again."""
    from django.db.models import Q

    pos = index.position.get(offer.pk)
    if pos is None or not has(index.on(date)[0] & index.applicants[APPLICANT_GAD], pos):
        return None
    if offer.is_national:
        return Q()
    return Q(canton__in=offer.cantons.all()) | Q(canton__province__in=offer.provinces.all())


def _by_gad(field, covered):
    from django.db.models import Q

    from sioc.organizations.models import Organization

    if not covered:
        return Q()
    return Q(**{f"{field}__in": Organization.objects.gads().filter(covered)})


def rank_needs_for_offer(offer, *, top: int = 20, date=None) -> list[tuple[object, Match]]:
    """Active needs that ``offer`` fits, best first: (Need, Match)."""
    index = current_index()
    date = _today(date)
    covered = _covered_gads(offer, index, date)
    if covered is None:
        return []
    out = []
    for need in _active_needs().filter(_by_gad("gad", covered)):
        match = score_offer(NeedSpec.from_need(need), offer, date=date, index=index)
        if match is not None:
            out.append((need, match))
    out.sort(key=lambda pair: (-pair[1].score, pair[0].pk))
    return out[:top]


def rank_gads_for_offer(
    offer, *, top: int = 20, date=None
) -> list[tuple[object, float, list[str]]]:
    """GADs whose active needs or PDOT priorities ``offer`` fits: (GAD, score, reasons)."""
    index = current_index()
    date = _today(date)
    covered = _covered_gads(offer, index, date)
    if covered is None:
        return []
    best: dict[int, tuple[object, float, list[str]]] = {}

    def consider(gad, spec, source):
        match = score_offer(spec, offer, date=date, index=index)
        if match is not None and (gad.pk not in best or match.score > best[gad.pk][1]):
            best[gad.pk] = (gad, match.score, [source, *match.reasons])

    for need in _active_needs().filter(_by_gad("gad", covered)):
        consider(need.gad, NeedSpec.from_need(need), explain.need_source(need))
    for profile in _profiles().filter(_by_gad("organization", covered)):
        if _has_priorities(profile):
            consider(profile.organization, NeedSpec.from_profile(profile), explain.profile_source())
    ranked = sorted(best.values(), key=lambda row: (-row[1], row[0].name))
    return ranked[:top]


def fitting_offers_for_gad(gad, *, top: int = 10, date=None) -> list[Match]:
    """Offers that fit the GAD's active needs or PDOT priorities, best first; each Match's
    first reason says which need (or the priorities) it serves."""
    sources, specs = [], []
    for need in _active_needs(gad=gad):
        sources.append(explain.need_source(need))
        specs.append(NeedSpec.from_need(need))
    for profile in _profiles(organization=gad):
        if _has_priorities(profile):
            sources.append(explain.profile_source())
            specs.append(NeedSpec.from_profile(profile))
    best: dict[int, Match] = {}
    for source, matches in zip(sources, rank_many(specs, top=top, date=date), strict=True):
        for m in matches:
            if m.offer_id not in best or m.score > best[m.offer_id].score:
                best[m.offer_id] = Match(
                    m.offer_id, m.offer_code, m.score, [source, *m.reasons], m.contributions
                )
    return sorted(best.values(), key=lambda m: (-m.score, m.offer_code))[:top]


__all__ = [
    "APPLICANT_GAD",
    "APPLICANT_MANCOMUNIDAD",
    "APPLICANT_OTHER",
    "Match",
    "NeedSpec",
    "exclusion_reasons",
    "fitting_offers_for_gad",
    "rank_gads_for_offer",
    "rank_many",
    "rank_needs_for_offer",
    "rank_offers",
    "score_offer",
]
