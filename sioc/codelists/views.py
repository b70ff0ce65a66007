"""Code-list pages: public and read-only (GET and HEAD only)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sioc.codelists import exports, permissions, queries
from sioc.common.htmx import render_page_or_partial

MAX_QUERY_LENGTH = 100


def _codelist_or_404(request, slug, action="view"):
    codelist = queries.get_codelist(slug)
    if codelist is None or not permissions.can(request.user, action):
        raise Http404
    return codelist


def _query(request) -> str:
    return request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]


@require_safe
def index(request):
    return render(request, "codelists/index.html", {"catalogue": queries.catalogue(request.user)})


@require_safe
def detail(request, slug):
    codelist = _codelist_or_404(request, slug)
    q = _query(request)
    context = {"codelist": codelist, "q": q, **queries.detail(request.user, codelist, q)}
    return render_page_or_partial(
        request, "codelists/detail.html", "codelists/partials/results.html", context
    )


@require_safe
def csv_export(request, slug):
    codelist = _codelist_or_404(request, slug, "export")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{codelist.slug}.csv"'
    exports.write_csv(codelist, queries.items(request.user, codelist, _query(request)), response)
    return response
