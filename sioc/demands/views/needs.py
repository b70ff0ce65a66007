"""Needs (project profiles): list, page, create and edit, status changes, PDF attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sioc.common.errors import ConflictError
from sioc.common.htmx import render_page_or_partial
from sioc.common.roles import Role, principal
from sioc.demands import permissions, queries, services
from sioc.demands.choices import NEED_TRANSITIONS, NeedStatus
from sioc.demands.forms import (
    NEED_CONFLICT_MESSAGE,
    AttachmentForm,
    GadChoiceForm,
    NeedFilterForm,
    NeedForm,
)
from sioc.organizations.models import Organization


def _require(user, action, need=None, gad=None):
    if not permissions.can_need(user, action, need, gad=gad):
        raise PermissionDenied


@login_required
@require_safe
def need_list(request):
    p = principal(request.user)
    sees_all_gads = p.is_ame_staff or bool(p.organization_ids(Role.FOCAL_POINT))
    gads = queries.gad_choices_for_needs(request.user) if p.is_ame_staff else None
    only_active = not p.is_ame_staff and not permissions.gad_ids(request.user)
    statuses = [NeedStatus.ACTIVE] if only_active else None
    form = NeedFilterForm(request.GET or None, gads=gads, statuses=statuses)
    data = form.cleaned_data if form.is_valid() else {}
    filters = queries.NeedFilters(
        q=data.get("q", ""),
        gad=data.get("gad"),
        province=data.get("province", ""),
        status=data.get("status", ""),
        sdg=data.get("sdg"),
    )
    page = queries.need_list(request.user, filters, page_number=request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "sees_all_gads": sees_all_gads,
        "can_create": permissions.can_need(request.user, "create"),
    }
    return render_page_or_partial(
        request, "demands/need_list.html", "demands/partials/need_results.html", context
    )


@login_required
@require_safe
def need_detail(request, pk):
    context = queries.need_detail(request.user, pk)
    context["attachment_form"] = AttachmentForm()
    return render(request, "demands/need_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def need_create(request):
    _require(request.user, "create")
    gads = queries.gad_choices_for_needs(request.user)
    slug = request.POST.get("gad") or request.GET.get("gad")
    if slug:
        gad = get_object_or_404(Organization.objects.gads().select_related("canton"), slug=slug)
        _require(request.user, "create", gad=gad)
    elif len(gads) == 1:
        gad = gads[0]
    else:
        chooser = GadChoiceForm(gads=gads)
        return render(request, "demands/need_gad_choice.html", {"form": chooser})
    form = NeedForm(request.POST or None, gad=gad)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        if "activate" in request.POST:
            fields["status"] = NeedStatus.ACTIVE
        try:
            need = services.create_need(actor=request.user, gad=gad, **fields)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if need.status == NeedStatus.ACTIVE:
                messages.success(
                    request,
                    _("Necesidad registrada y activa: AME y los cooperantes ya pueden verla."),
                )
            else:
                messages.success(
                    request, _("Necesidad guardada como borrador. Actívela cuando esté lista.")
                )
            return redirect(need)
    return render(request, "demands/need_form.html", {"form": form, "gad": gad, "need": None})


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request, pk):
    need = queries.need(request.user, pk)
    _require(request.user, "change", need)
    form = NeedForm(request.POST or None, instance=need, gad=need.gad)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            need = services.update_need(
                need,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except ConflictError:
            form.add_error(None, NEED_CONFLICT_MESSAGE)
            status = 409
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Cambios guardados."))
            return redirect(need)
    return render(
        request,
        "demands/need_form.html",
        {"form": form, "gad": need.gad, "need": need},
        status=status,
    )


@login_required
@require_POST
def need_transition(request, pk):
    need = queries.need(request.user, pk)
    _require(request.user, "change", need)
    to_status = request.POST.get("to_status", "")
    if (need.status, to_status) not in NEED_TRANSITIONS:
        messages.error(request, _("Esa acción no es posible en el estado actual de la necesidad."))
        return redirect(need)
    try:
        need = services.change_need_status(need, to_status, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Necesidad: %s.") % need.get_status_display().lower())
    return redirect(need)


@login_required
@require_POST
def attachment_add(request, pk):
    need = queries.need(request.user, pk)
    _require(request.user, "change", need)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_need_attachment(
                need,
                actor=request.user,
                title=form.cleaned_data["title"],
                uploaded_file=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Documento adjuntado."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(need)


@login_required
@require_safe
def attachment_download(request, pk, attachment_id):
    attachment = queries.need_attachment(request.user, pk, attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = attachment.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, content_type="application/pdf", filename=filename)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_id):
    attachment = queries.need_attachment(request.user, pk, attachment_id)
    need = attachment.need
    _require(request.user, "change", need)
    services.remove_need_attachment(attachment, actor=request.user)
    messages.success(request, _("Documento eliminado."))
    return redirect(need)
