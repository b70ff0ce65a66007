"""Expressions of interest: the GAD asks, AME triages and refers, the cooperante negotiates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sioc.common.roles import Role, principal
from sioc.demands import permissions, queries, services
from sioc.demands.choices import INTEREST_TRANSITIONS, InterestStatus
from sioc.demands.forms import InterestForm, InterestMoveForm, QueueFilterForm


@require_safe
def offer_interest_button(request, code):
    """Partial for the offer page (htmx): the button for GAD officers, or where their request
    stands; nothing for anyone else."""
    context = queries.offer_interest_button(request.user, code)
    return render(request, "demands/partials/offer_interest_button.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def interest_create(request, code):
    offer = queries.visible_offer(request.user, code)
    if not permissions.can_interest(request.user, "create"):
        raise PermissionDenied
    gads = queries.officer_gads(request.user)
    open_interests = queries.open_interests_of([g.pk for g in gads], offer)
    waiting = {i.gad_id for i in open_interests}
    available = [g for g in gads if g.pk not in waiting]
    closed_reason = ""
    if not offer.is_open_on():
        closed_reason = _(
            "Esta oferta no está abierta (su convocatoria no ha comenzado, ya cerró o no está "
            "publicada): no se puede expresar interés. Busque ofertas abiertas en el catálogo."
        )
    elif not offer.open_to_gad:
        closed_reason = _("Esta oferta no admite postulaciones de GAD municipales.")
    context = {"offer": offer, "open_interests": open_interests, "closed_reason": closed_reason}
    if closed_reason or not available:
        return render(request, "demands/interest_form.html", context)

    needs_by_gad = {g.pk: list(queries.needs_for_interest(g)) for g in available}
    initial = queries.contact_defaults(request.user, available[0])
    wanted_need = request.GET.get("necesidad", "")
    if wanted_need.isdigit():
        initial["need"] = int(wanted_need)
    form = InterestForm(
        request.POST or None, initial=initial, gads=available, needs_by_gad=needs_by_gad
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interest = services.express_interest(
                actor=request.user,
                gad=data["gad"],
                offer=offer,
                need=data["need"],
                justification=data["justification"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "Expresión de interés enviada. AME la revisará y le avisaremos por correo en cada paso."
                ),
            )
            return redirect(interest)
    context["form"] = form
    return render(request, "demands/interest_form.html", context)


def _action_forms(actions, bound=None):
    forms = []
    for action in actions:
        if bound is not None and bound.action["to"] == action["to"]:
            forms.append(bound)
        else:
            forms.append(InterestMoveForm(action=action))
    return forms


@login_required
@require_safe
def interest_detail(request, pk):
    context = queries.interest_detail(request.user, pk)
    context["action_forms"] = _action_forms(context["actions"])
    return render(request, "demands/interest_detail.html", context)


@login_required
@require_POST
def interest_move(request, pk):
    interest = queries.interest(request.user, pk)
    actions = queries.interest_actions(request.user, interest)
    if not actions:
        raise PermissionDenied
    action = next((a for a in actions if a["to"] == request.POST.get("to_status")), None)
    if action is None:
        if (interest.status, request.POST.get("to_status")) in INTEREST_TRANSITIONS:
            raise PermissionDenied  # a real step, but not one this user's roles may take
        messages.error(
            request,
            _("Esa acción no es posible en el estado actual de la solicitud («%s»).")
            % interest.get_status_display(),
        )
        return redirect(interest)
    form = InterestMoveForm(request.POST, action=action)
    if form.is_valid():
        try:
            services.move_interest(
                interest,
                action["to"],
                actor=request.user,
                party=action["party"],
                comment=form.cleaned_data["comment"],
                reason=form.cleaned_data.get("reason", ""),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Solicitud: %s.") % InterestStatus(action["to"]).label.lower()
            )
        return redirect(interest)
    context = queries.interest_detail(request.user, pk)
    context["action_forms"] = _action_forms(context["actions"], bound=form)
    context["failed_action"] = action["to"]
    return render(request, "demands/interest_detail.html", context, status=400)


@login_required
@require_safe
def my_interests(request):
    """«Mis solicitudes»: where each request of the user's GADs stands."""
    if not permissions.gad_ids(request.user):
        raise PermissionDenied
    return render(request, "demands/my_interests.html", queries.my_interests(request.user))


@login_required
@require_safe
def interest_queue(request):
    """AME's queue: requests waiting for triage first (overdue flagged), then all others."""
    if not principal(request.user).is_ame_staff:
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = queries.QueueFilters(
        overdue_only=data.get("atrasadas", False),
        status=data.get("status", ""),
        gad=data.get("gad"),
    )
    context = queries.interest_queue(request.user, filters, page_number=request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context.update(form=form, query=query.urlencode(), filters=filters)
    return render(request, "demands/interest_queue.html", context)


@login_required
@require_safe
def referred_interests(request):
    """The cooperante's requests: those AME referred to the focal point's organisation."""
    if not principal(request.user).organization_ids(Role.FOCAL_POINT):
        raise PermissionDenied
    return render(
        request, "demands/referred_interests.html", queries.referred_interests(request.user)
    )
