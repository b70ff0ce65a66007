"""Reads for the matching pages and partials. The engine ranks and explains; these functions
check who may see what (``permissions``), ask the engine, and load the offers, needs and GADs
it names with the related rows the templates show (a fixed number of queries per page).
"""

import dataclasses

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sioc.demands.choices import NeedStatus
from sioc.demands.models import GadProfile
from sioc.demands.services import profile_for
from sioc.matching import engine
from sioc.matching.permissions import (
    can_view_offer_fits,
    gads_of,
    needs_visible_to,
    offers_visible_to,
)
from sioc.offers.models import Offer
from sioc.offers.queries import card_queryset, decorate
from sioc.organizations.models import Organization

TOP_OFFERS = 10  # recommended offers on a need's page
MAX_TOP = 50  # what ?top= may ask for
HOME_TOP = 5  # «Oportunidades para su GAD»
RADAR_DAYS = 30  # «Radar de plazos»: fitting offers closing within this many days
FITTING_CANDIDATES = 200  # fitting offers considered for the radar, the calendar and digests
TOP_GADS = 20
TOP_NEEDS = 20
MY_NEEDS = 20  # own needs checked against one offer
ELIGIBILITY_RANK_DEPTH = 200  # how deep the eligibility page looks for the offer's rank


def today():
    return timezone.localdate()


@dataclasses.dataclass
class Recommendation:
    """An offer, ready for a card (``offer.display``), with the engine's explanation."""

    offer: Offer
    score: float
    reasons: list[str]
    rank: int


def _recommendations(matches, user=None, date=None) -> list[Recommendation]:
    """Load the offers named by ``matches`` in their order, dropping any the user may not see
    (the engine only ranks open offers, which are public: this is a second lock)."""
    ids = [m.offer_id for m in matches]
    if not ids:
        return []
    qs = Offer.objects.all() if user is None else offers_visible_to(user)
    by_id = {o.pk: o for o in card_queryset(qs.filter(pk__in=ids))}
    decorate(list(by_id.values()), date)
    return [
        Recommendation(by_id[m.offer_id], m.score, list(m.reasons), i)
        for i, m in enumerate((m for m in matches if m.offer_id in by_id), start=1)
    ]


def clamp_top(value, default=TOP_OFFERS) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(1, min(MAX_TOP, number))


def _need_queryset(user):
    return needs_visible_to(user).select_related("gad__canton__province", "competency", "sector")


# --- a need's recommended offers -----------------------------------------------------------


def need_offers(user, pk, *, top=TOP_OFFERS):
    """The open offers that fit need ``pk``, best first, each with its reasons (404 if hidden)."""
    need = get_object_or_404(_need_queryset(user), pk=pk)
    date = today()
    matches = engine.rank_offers(engine.NeedSpec.from_need(need), top=top, date=date)
    return {
        "need": need,
        "need_is_active": need.status == NeedStatus.ACTIVE,
        "recommendations": _recommendations(matches, user, date),
        "top": top,
        "today": date,
    }


# --- the GADs and needs an offer fits ------------------------------------------------------


def offer_gads(user, code):
    """GADs and needs ranked for offer ``code``: 404 if the offer is hidden, 403 if the user
    sees it but may not see whom it fits."""
    offer = get_object_or_404(offers_visible_to(user).select_related("cooperante"), code=code)
    if not can_view_offer_fits(user, offer):
        raise PermissionDenied
    date = today()
    ranked_gads = engine.rank_gads_for_offer(offer, top=TOP_GADS, date=date)
    gad_ids = [gad.pk for gad, _score, _reasons in ranked_gads]
    gads = Organization.objects.select_related("canton__province").in_bulk(gad_ids)
    ranked_needs = engine.rank_needs_for_offer(offer, top=TOP_NEEDS, date=date)
    need_ids = [need.pk for need, _match in ranked_needs]
    needs = _need_queryset(user).in_bulk(need_ids)
    return {
        "offer": offer,
        "offer_is_open": offer.is_open_on(date),
        "gads": [
            {"gad": gads[gad.pk], "score": score, "reasons": list(reasons)}
            for gad, score, reasons in ranked_gads
            if gad.pk in gads
        ],
        "needs": [
            {"need": needs[need.pk], "score": match.score, "reasons": list(match.reasons)}
            for need, match in ranked_needs
            if need.pk in needs
        ],
        "today": date,
    }


# --- one offer against one need: why it is (not) eligible ----------------------------------


def eligibility(user, code, pk):
    need = get_object_or_404(_need_queryset(user), pk=pk)
    offer = get_object_or_404(card_queryset(offers_visible_to(user)), code=code)
    date = today()
    decorate([offer], date)
    spec = engine.NeedSpec.from_need(need)
    reasons = list(engine.exclusion_reasons(spec, offer, date=date))
    recommendation, rank = None, None
    if not reasons:
        match = engine.score_offer(spec, offer, date=date)
        if match is not None:
            ranked = engine.rank_offers(spec, top=ELIGIBILITY_RANK_DEPTH, date=date)
            rank = next((i for i, m in enumerate(ranked, 1) if m.offer_id == offer.pk), None)
            recommendation = Recommendation(offer, match.score, list(match.reasons), rank)
    return {
        "need": need,
        "offer": offer,
        "eligible": not reasons,
        "exclusion_reasons": reasons,
        "recommendation": recommendation,
        "rank_depth": ELIGIBILITY_RANK_DEPTH,
        "can_see_fits": can_view_offer_fits(user, offer),
        "today": date,
    }


def my_needs_for_offer(user, code):
    """For a GAD member on an offer's page: is the offer eligible for each of their GAD's open
    needs (draft or active)? ``None`` when the user belongs to no GAD (nothing to show)."""
    gads = gads_of(user)
    if not gads:
        return None
    offer = get_object_or_404(offers_visible_to(user), code=code)
    date = today()
    needs = list(
        needs_visible_to(user)
        .filter(gad__in=gads, status__in=[NeedStatus.DRAFT, NeedStatus.ACTIVE])
        .select_related("gad__canton", "competency", "sector")
        .prefetch_related("sdgs", "sdg_targets", "modalities")
        .order_by("gad__name", "title", "pk")[:MY_NEEDS]
    )
    rows = []
    for need in needs:
        reasons = list(engine.exclusion_reasons(engine.NeedSpec.from_need(need), offer, date=date))
        rows.append({"need": need, "eligible": not reasons, "reasons": reasons})
    return {"offer": offer, "rows": rows, "gads": gads, "today": date}


# --- a GAD's opportunities, deadline radar and calendar ------------------------------------


def fitting_offer_ids(gad, date, *, top=FITTING_CANDIDATES):
    """The engine's fitting offers for ``gad``: (ordered ids, matches by offer id)."""
    matches = engine.fitting_offers_for_gad(gad, top=top, date=date)
    return [m.offer_id for m in matches], {m.offer_id: m for m in matches}


def radar_ids(ids, date, days=RADAR_DAYS):
    """Of ``ids``, those open and closing within ``days`` days, soonest first."""
    return list(
        Offer.objects.closing_within(days, date)
        .filter(pk__in=ids)
        .order_by("closes_on", "pk")
        .values_list("pk", flat=True)
    )


def gad_opportunities(user, *, top=HOME_TOP):
    """«Oportunidades para su GAD» and «Radar de plazos» for each GAD the user belongs to;
    ``None`` when the user belongs to no GAD.

    The GAD's profile is created empty if it does not exist yet (``demands.services.profile_for``,
    idempotent), so that its calendar link can be shown.
    """
    gads = gads_of(user)
    if not gads:
        return None
    date = today()
    blocks = []
    for gad in gads:
        ids, matches = fitting_offer_ids(gad, date)
        radar = radar_ids(ids, date)
        wanted = set(ids[:top]) | set(radar)
        chosen = [m for m in (matches[i] for i in ids) if m.offer_id in wanted]
        by_id = {r.offer.pk: r for r in _recommendations(chosen, user, date)}
        blocks.append(
            {
                "gad": gad,
                "profile": profile_for(gad),
                "top": [by_id[i] for i in ids[:top] if i in by_id],
                "radar": [by_id[i] for i in radar if i in by_id],
                "fitting_count": len(ids),
            }
        )
    return {"blocks": blocks, "radar_days": RADAR_DAYS, "today": date}


def gad_calendar(token):
    """The GAD behind a feed token (404 if unknown) and its fitting open offers that have a
    closing date from today on, soonest first, each with its reasons."""
    profile = get_object_or_404(
        GadProfile.objects.select_related("organization"),
        feed_token=token,
        organization__is_active=True,
    )
    date = today()
    ids, matches = fitting_offer_ids(profile.organization, date)
    offers = list(
        Offer.objects.open_on(date)
        .filter(pk__in=ids, closes_on__isnull=False, closes_on__gte=date)
        .select_related("cooperante")
        .order_by("closes_on", "pk")
    )
    for offer in offers:
        offer.match_reasons = list(matches[offer.pk].reasons)
    return profile, offers
