from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.views.decorators.http import require_safe

from sioc.audit import permissions, queries
from sioc.audit.forms import AuditFilterForm
from sioc.common.htmx import render_page_or_partial


@login_required
@require_safe
def event_list(request):
    if not permissions.can(request.user, "view"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, content_types=queries.audited_content_types())
    filters = form.cleaned_data if form.is_valid() else {}
    qs = queries.event_list(request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render_page_or_partial(
        request,
        "audit/list.html",
        "audit/partials/events.html",
        {"form": form, "events": page, "query": query.urlencode(), "show_object": True},
    )
