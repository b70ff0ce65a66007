"""Dashboards and the map: thin views, reads in queries.py. Every page is public; what it
counts depends on who asks (queries.visible_projects)."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie
from django_htmx.http import push_url

from sioc.common.htmx import is_htmx_partial, render_page_or_partial
from sioc.dashboards import charts, exports, queries
from sioc.dashboards.forms import MEASURE_COUNT, DashboardFilterForm


def _with_query(url, query):
    return f"{url}?{query}" if query else url


def _board(request, gad=None):
    form = DashboardFilterForm(request.GET)
    filters = form.filters
    context = queries.dashboard(request.user, filters, gad)
    for chart in context["charts"]:
        charts.layout(chart)
    query = form.query()
    page_url = reverse("dashboards:gad", args=[gad.slug]) if gad else reverse("dashboards:national")
    data_query = "&".join(q for q in (f"gad={gad.slug}" if gad else "", query) if q)
    for chart in context["charts"]:
        chart.downloads = {
            fmt: _with_query(
                reverse("dashboards:data", kwargs={"chart": chart.key, "format": fmt}), data_query
            )
            for fmt in exports.FORMATS
        }
    context.update(
        form=form,
        query=query,
        page_url=page_url,
        map_url=_with_query(reverse("dashboards:map"), query),
        usd=queries.usd,
    )
    response = render_page_or_partial(
        request, "dashboards/board.html", "dashboards/partials/board.html", context
    )
    if is_htmx_partial(request):
        push_url(response, _with_query(page_url, query))
    return response


@require_safe
def national(request):
    return _board(request)


@require_safe
def gad(request, slug):
    return _board(request, queries.gad_for_dashboard(slug))


@require_safe
def data(request, chart, format):
    if chart not in queries.CHARTS or format not in exports.FORMATS:
        raise Http404
    gad_slug = request.GET.get("gad", "")
    gad = queries.gad_for_dashboard(gad_slug) if gad_slug else None
    form = DashboardFilterForm(request.GET)
    projects = queries.scope(request.user, form.filters, gad)
    body, content_type, name = exports.render(queries.chart(chart, projects), format)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def map_page(request):
    form = DashboardFilterForm(request.GET, with_measure=True)
    query = form.query(measure=True)
    values = queries.map_values(request.user, form.filters)
    context = {
        "form": form,
        "query": query,
        "measure": form.measure,
        "by_count": form.measure == MEASURE_COUNT,
        "values_url": _with_query(reverse("dashboards:map_data"), form.query()),
        "geojson_url": reverse("dashboards:cantons_geojson"),
        "canton_url": reverse("dashboards:canton", args=["0000"]).replace("0000", "{code}"),
        "filter_query": form.query(),
        "rows": queries.map_table(values, form.measure),
        "unlocated": values["unlocated"],
        "definitions": queries.DEFINITIONS,
        "board_url": _with_query(reverse("dashboards:national"), form.query()),
    }
    response = render_page_or_partial(
        request, "dashboards/map.html", "dashboards/partials/map_results.html", context
    )
    if is_htmx_partial(request):
        push_url(response, _with_query(reverse("dashboards:map"), query))
    return response


@require_safe
@vary_on_cookie
def map_data(request):
    form = DashboardFilterForm(request.GET)
    return JsonResponse(
        queries.map_values(request.user, form.filters),
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


@require_safe
@cache_control(public=True, max_age=3600)
def cantons_geojson(request):
    return JsonResponse(
        queries.cantons_geojson(),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


@require_safe
def canton(request, code):
    form = DashboardFilterForm(request.GET)
    context = queries.canton_summary(request.user, form.filters, code)
    for chart in context["charts"]:
        charts.layout(chart)
    query = form.query()
    context.update(
        form=form,
        query=query,
        usd=queries.usd,
        map_url=_with_query(reverse("dashboards:map"), query),
        page_url=_with_query(reverse("dashboards:canton", args=[code]), query),
    )
    template = "dashboards/canton.html"
    if is_htmx_partial(request):
        return render(request, "dashboards/partials/canton_summary.html", context)
    return render(request, template, context)
