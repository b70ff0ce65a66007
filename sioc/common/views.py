from django.shortcuts import render
from django.views.decorators.http import require_safe

from sioc.common import queries


@require_safe
def home(request):
    return render(request, "home.html", queries.home_context(request.user))


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
