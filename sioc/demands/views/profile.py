"""The GAD profile: public facts for everyone, contacts and e-mail digest for the GAD and AME."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from sioc.common.errors import ConflictError
from sioc.demands import permissions, queries, services
from sioc.demands.forms import PROFILE_CONFLICT_MESSAGE, GadProfileForm


@require_safe
def profile(request, slug):
    return render(request, "demands/profile.html", queries.profile_page(request.user, slug))


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, slug):
    gad = queries.gad(request.user, slug)
    current = queries.existing_profile(gad)
    if not permissions.can_profile(request.user, "change", current):
        raise PermissionDenied
    form = GadProfileForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.profile_for(gad)
            services.update_profile(
                saved,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except ConflictError:
            form.add_error(None, PROFILE_CONFLICT_MESSAGE)
            status = 409
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perfil del GAD guardado."))
            return redirect(reverse("demands:profile", args=[gad.slug]))
    return render(request, "demands/profile_form.html", {"gad": gad, "form": form}, status=status)
