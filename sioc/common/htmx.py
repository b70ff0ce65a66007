"""htmx helpers: one URL renders the whole page or, for htmx requests, only its partial."""

from django.shortcuts import render


def is_htmx_partial(request) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page_or_partial(request, template, partial_template, context, status=200):
    chosen = partial_template if is_htmx_partial(request) else template
    return render(request, chosen, context, status=status)
