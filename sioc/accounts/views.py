from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe


@login_required
@require_safe
def profile(request):
    memberships = request.user.memberships.select_related("organization").order_by(
        "organization__name"
    )
    return render(request, "accounts/profile.html", {"memberships": memberships})
