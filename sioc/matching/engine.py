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
   the cooperante's track record (``track_record``: a bonus when it has projects in the
   need's province on its themes).
3. **Explanations.** Every result carries its reasons in Spanish and each criterion's
   contribution (``explain.py``).

How it is fast: see ``index.py`` (bitsets over the published catalogue) and ``scoring.py``
(a need compiled into weighted bitsets, added up bit-sliced for every offer at once).
"""

import multiprocessing
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from sioc.matching import explain, track_record
from sioc.matching.index import (
    APPLICANT_GAD,
    APPLICANT_MANCOMUNIDAD,
    APPLICANT_OTHER,
    OfferIndex,
    build_index,
    cached_index,
    current_index,
    has,
    read_names,
)
from sioc.matching.scoring import (
    WEIGHTS,
    Accumulator,
    Feature,
    Plan,
    compile_plan,
    need_concepts,
    vocabulary,
)

MIN_SCORE = 0.05  # below this an offer is not recommended
BATCH_MIN = 200  # needs from which rank_many reads only the words and codes they use


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
    provinces = {(index.names.cantons.get(s.canton_code) or ("", ""))[1] for s in specs}
    job = (specs, concepts, index, date, top, track_record.table(provinces=provinces - {""}))
    if (
        workers > 1
        and len(specs) >= BATCH_MIN
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        return _rank_forked(job, workers)
    return _rank_slice(job, 0, len(specs))


def _rank_slice(job, start, end):
    specs, concepts, index, date, top, record = job
    return [
        _rank(
            compile_plan(specs[i], index, date, concepts[i] if concepts else None, record),
            index,
            top,
        )
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
    spec: NeedSpec, offer, *, date=None, index: OfferIndex | None = None, record=None
) -> Match | None:
    """The match of one offer with ``spec``, or None when a hard filter excludes it or they
    have nothing in common. ``record``: a ``track_record.table`` read once for many calls."""
    index = index or current_index()
    pos = index.position.get(offer.pk if hasattr(offer, "pk") else offer)
    if pos is None:
        return None
    plan = compile_plan(spec, index, _today(date), record=record)
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
    record = track_record.table(cooperantes=[index.cooperantes[index.position[offer.pk]]])
    for need in _active_needs().filter(_by_gad("gad", covered)):
        match = score_offer(NeedSpec.from_need(need), offer, date=date, index=index, record=record)
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
    record = track_record.table(cooperantes=[index.cooperantes[index.position[offer.pk]]])

    def consider(gad, spec, source):
        match = score_offer(spec, offer, date=date, index=index, record=record)
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
    "WEIGHTS",
    "Accumulator",
    "need_concepts",
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
