"""Matching pages and partials. Thin: permissions and reads are in queries.py.

Each URL renders a page of its own, or only its partial for an htmx request, so that the need
page, the offer page and the home page include it by URL name (``hx-get``) without importing
matching; opened directly it is a normal page.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from sioc.common.htmx import render_page_or_partial
from sioc.matching import feeds, queries


def _nothing():
    """Nothing to show this user (not a GAD member): an empty answer htmx does not swap in."""
    return HttpResponse(status=204)


@require_safe
@login_required
def need_offers(request, pk):
    context = queries.need_offers(request.user, pk, top=queries.clamp_top(request.GET.get("top")))
    return render_page_or_partial(
        request, "matching/need_offers.html", "matching/partials/need_offers.html", context
    )


@require_safe
@login_required
def offer_gads(request, code):
    context = queries.offer_gads(request.user, code)
    return render_page_or_partial(
        request, "matching/offer_gads.html", "matching/partials/offer_gads.html", context
    )


@require_safe
@login_required
def offer_eligibility(request, code, pk):
    context = queries.eligibility(request.user, code, pk)
    return render_page_or_partial(
        request, "matching/eligibility.html", "matching/partials/eligibility.html", context
    )


@require_safe
def offer_my_needs(request, code):
    context = queries.my_needs_for_offer(request.user, code)
    if context is None:
        return _nothing()
    return render_page_or_partial(
        request, "matching/offer_my_needs.html", "matching/partials/offer_my_needs.html", context
    )


@require_safe
def gad_opportunities(request):
    context = queries.gad_opportunities(request.user)
    if context is None:
        return _nothing()
    for block in context["blocks"]:
        path = reverse("matching:gad_deadlines_ics", args=[block["profile"].feed_token])
        block["calendar_url"] = request.build_absolute_uri(path)
    return render_page_or_partial(
        request,
        "matching/gad_opportunities.html",
        "matching/partials/gad_opportunities.html",
        context,
    )


@require_safe
@never_cache
def gad_deadlines_ics(request, token):
    profile, offers = queries.gad_calendar(token)
    response = HttpResponse(
        feeds.gad_calendar(request, profile.organization, offers),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="plazos-sioc.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
