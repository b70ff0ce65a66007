"""Creating, editing and reviewing offers (AME officers and cooperante focal points)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sioc.audit.models import AuditEvent
from sioc.common.errors import ConflictError
from sioc.common.roles import principal
from sioc.offers import permissions, services
from sioc.offers.choices import TRANSITIONS, OfferStatus
from sioc.offers.forms import CONFLICT_MESSAGE, AttachmentForm, OfferForm
from sioc.offers.models import Offer
from sioc.organizations.models import Organization


def _offer(request, code):
    return get_object_or_404(
        permissions.visible_to(request.user).select_related("cooperante"), code=code
    )


def _require(user, action, obj=None):
    if not permissions.can(user, action, obj):
        raise PermissionDenied


def _cooperantes_for(user):
    if principal(user).is_ame_staff:
        return Organization.objects.cooperantes().order_by("name")
    return Organization.objects.filter(pk__in=permissions.focal_organization_ids(user)).order_by(
        "name"
    )


@login_required
def offer_create(request):
    _require(request.user, "create")
    cooperantes = _cooperantes_for(request.user)
    form = OfferForm(request.POST or None, cooperantes=cooperantes)
    if request.method == "POST" and form.is_valid():
        offer = services.create_offer(actor=request.user, **form.service_fields())
        messages.success(
            request, _("Oferta guardada como borrador. Envíela a revisión cuando esté lista.")
        )
        return redirect(offer)
    return render(request, "offers/form.html", {"form": form, "offer": None})


@login_required
def offer_edit(request, code):
    offer = _offer(request, code)
    _require(request.user, "change", offer)
    form = OfferForm(
        request.POST or None, instance=offer, cooperantes=_cooperantes_for(request.user)
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.update_offer(
                offer,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except ConflictError:
            form.add_error(None, CONFLICT_MESSAGE)
            status = 409
        else:
            if offer.status == OfferStatus.IN_REVIEW and not principal(request.user).is_ame_staff:
                messages.info(request, _("Cambios guardados. La oferta queda en revisión de AME."))
            else:
                messages.success(request, _("Cambios guardados."))
            return redirect(offer)
    return render(request, "offers/form.html", {"form": form, "offer": offer}, status=status)


@login_required
@require_POST
def offer_transition(request, code):
    offer = _offer(request, code)
    to_status = request.POST.get("to_status", "")
    action = TRANSITIONS.get((offer.status, to_status))
    if action is None or to_status not in OfferStatus.values:
        if not offer_actions_context(request.user, offer)["transitions"]:
            raise PermissionDenied
        messages.error(request, _("Esa acción no es posible en el estado actual de la oferta."))
        return redirect(offer)
    _require(request.user, action, offer)
    try:
        services.change_status(
            offer, to_status, actor=request.user, comment=request.POST.get("comment", "")[:2000]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Oferta: %s.") % OfferStatus(to_status).label.lower())
    return redirect(offer)


@login_required
@require_POST
def offer_verify(request, code):
    offer = _offer(request, code)
    _require(request.user, "verify", offer)
    services.verify_offer(offer, actor=request.user)
    messages.success(request, _("Oferta marcada como verificada hoy."))
    return redirect(offer)


@login_required
@require_POST
def attachment_add(request, code):
    offer = _offer(request, code)
    _require(request.user, "attach", offer)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                offer,
                actor=request.user,
                title=form.cleaned_data["title"],
                uploaded_file=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Documento adjuntado."))
    else:
        messages.error(request, _("Elija un archivo PDF para adjuntar."))
    return redirect(offer)


@login_required
@require_safe
def offer_history(request, code):
    offer = _offer(request, code)
    _require(request.user, "view_history", offer)
    page = Paginator(AuditEvent.objects.for_object(offer).select_related("actor"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "offers/history.html", {"offer": offer, "events": page})


@login_required
@require_safe
def review_queue(request):
    """AME: offers waiting for review. Focal points: their organisation's drafts and reviews."""
    p = principal(request.user)
    if not (p.is_ame_staff or permissions.focal_organization_ids(request.user)):
        raise PermissionDenied
    qs = permissions.visible_to(request.user).select_related("cooperante").order_by("-updated_at")
    if p.is_ame_staff:
        waiting = qs.filter(status=OfferStatus.IN_REVIEW)
        drafts = qs.filter(status=OfferStatus.DRAFT)
    else:
        own = qs.filter(cooperante_id__in=permissions.focal_organization_ids(request.user))
        waiting = own.filter(status=OfferStatus.IN_REVIEW)
        drafts = own.filter(status=OfferStatus.DRAFT)
    return render(
        request,
        "offers/review_queue.html",
        {"waiting": waiting[:200], "drafts": drafts[:200], "is_ame": p.is_ame_staff},
    )


def offer_actions_context(user, offer: Offer):
    """What the action bar of an offer page may show to ``user``."""
    transitions = []
    for (from_status, to_status), action in TRANSITIONS.items():
        if from_status == offer.status and permissions.can(user, action, offer):
            transitions.append({"to": to_status, "action": action})
    return {
        "can_edit": permissions.can(user, "change", offer),
        "can_verify": permissions.can(user, "verify", offer),
        "can_attach": permissions.can(user, "attach", offer),
        "can_history": permissions.can(user, "view_history", offer),
        "transitions": transitions,
    }
