"""Public catalogue pages, its feeds and the cooperante 360 partial. Thin: reads in queries.py."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from sioc.common.htmx import is_htmx_partial, render_page_or_partial
from sioc.offers import feeds, permissions, queries


@require_safe
def catalog(request):
    context = queries.catalog(request.user, request.GET, page_number=request.GET.get("page"))
    partial = is_htmx_partial(request)
    context["htmx_partial"] = partial
    response = render_page_or_partial(
        request, "offers/catalog.html", "offers/partials/results.html", context
    )
    if partial:
        # The address bar shows the canonical query (defaults left out), so it can be shared.
        query = context["query"]
        page = context["page"].number
        if page > 1:
            query = f"{query}&page={page}" if query else f"page={page}"
        push_url(response, reverse("offers:catalog") + (f"?{query}" if query else ""))
    return response


@require_safe
def offer_detail(request, code):
    offer = queries.offer_detail(request.user, code)
    can_see_fits = permissions.can(request.user, "view_history", offer)
    return render(request, "offers/detail.html", {"offer": offer, "can_see_fits": can_see_fits})


@require_safe
def cooperante_offers(request, slug):
    context = queries.cooperante_offers(request.user, slug)
    return render_page_or_partial(
        request,
        "offers/catalog_cooperante.html",
        "offers/partials/cooperante_offers.html",
        context,
    )


@require_safe
def atom_feed(request):
    criteria, offers = queries.newly_published(request.user, request.GET)
    body = feeds.atom(request, criteria, offers, catalog_url=reverse("offers:catalog"))
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


@require_safe
def ics_feed(request):
    criteria, offers = queries.closing_dates(request.user, request.GET)
    response = HttpResponse(
        feeds.calendar(request, criteria, offers), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="cierres-sioc.ics"'
    return response
