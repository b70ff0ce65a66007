"""The public transparency portal: published projects and external IATI projects."""

from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from sioc.common.htmx import render_page_or_partial
from sioc.projects import queries
from sioc.projects.filters import form_widgets


def _map_url():
    try:
        return reverse("dashboards:map")
    except NoReverseMatch:
        return ""


@require_safe
def portal(request):
    filterset, page = queries.portal_list(request.GET, page_number=request.GET.get("page"))
    form_widgets(filterset.form)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "query": query.urlencode(),
        "portal": True,
        "map_url": _map_url(),
    }
    return render_page_or_partial(
        request, "projects/portal.html", "projects/partials/results.html", context
    )


@require_safe
def cooperante_projects(request, slug):
    """The cooperante 360 partial of the organisation page (htmx), or a page of its own."""
    context = queries.cooperante_projects(request.user, slug)
    return render_page_or_partial(
        request,
        "projects/cooperante_projects.html",
        "projects/partials/cooperante_projects.html",
        context,
    )
