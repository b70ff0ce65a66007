from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sioc.common.errors import ConflictError
from sioc.common.htmx import render_page_or_partial
from sioc.organizations import permissions, queries, services
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.forms import (
    CONFLICT_MESSAGE,
    ContactForm,
    OrganizationFilterForm,
    OrganizationForm,
)
from sioc.territory.models import Province


def _require(user, action, obj=None):
    if not permissions.can(user, action, obj):
        raise PermissionDenied


@require_safe
def organization_list(request):
    provinces = list(Province.objects.order_by("name").values_list("code", "name"))
    form = OrganizationFilterForm(request.GET or None, province_choices=provinces)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = queries.organization_list(
        request.user,
        q=filters.get("q", ""),
        kind=filters.get("kind", ""),
        province=filters.get("province", ""),
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_create": permissions.can(request.user, "create"),
        "kinds": OrganizationKind,
    }
    return render_page_or_partial(
        request, "organizations/list.html", "organizations/partials/results.html", context
    )


@require_safe
def organization_detail(request, slug):
    org = queries.organization_detail(request.user, slug)
    return render(
        request,
        "organizations/detail.html",
        {
            "org": org,
            "tab": "perfil",
            "can_change": permissions.can(request.user, "change", org),
            "can_view_contacts": permissions.can(request.user, "view_contacts", org),
            "can_manage_contacts": permissions.can(request.user, "manage_contacts", org),
            "can_view_history": permissions.can(request.user, "view_history", org),
            "contacts": org.contacts.all(),
        },
    )


@login_required
@require_safe
def organization_history(request, slug):
    org = queries.organization_detail(request.user, slug)
    _require(request.user, "view_history", org)
    page = Paginator(queries.organization_history(org), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organizations/history.html",
        {"org": org, "tab": "historial", "page": page, "can_view_history": True},
    )


@login_required
def organization_create(request):
    _require(request.user, "create")
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        org = services.create_organization(actor=request.user, **fields)
        messages.success(request, _("Organización creada."))
        return redirect(org)
    return render(request, "organizations/form.html", {"form": form, "org": None})


@login_required
def organization_edit(request, slug):
    org = queries.organization_detail(request.user, slug)
    _require(request.user, "change", org)
    can_change_kind = permissions.can(request.user, "create")
    form = OrganizationForm(request.POST or None, instance=org, can_change_kind=can_change_kind)
    status = 200
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.update_organization(
                org, actor=request.user, expected_version=form.cleaned_data["version"], **fields
            )
        except ConflictError:
            form.add_error(None, CONFLICT_MESSAGE)
            status = 409
        else:
            messages.success(request, _("Cambios guardados."))
            return redirect(org)
    return render(request, "organizations/form.html", {"form": form, "org": org}, status=status)


@login_required
def contact_edit(request, slug, contact_id=None):
    org = queries.organization_detail(request.user, slug)
    _require(request.user, "manage_contacts", org)
    contact = get_object_or_404(org.contacts, pk=contact_id) if contact_id else None
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        if contact:
            services.update_contact(contact, actor=request.user, **form.cleaned_data)
        else:
            services.add_contact(org, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Contacto guardado."))
        return redirect(org)
    return render(
        request, "organizations/contact_form.html", {"form": form, "org": org, "contact": contact}
    )


@login_required
@require_POST
def contact_delete(request, slug, contact_id):
    org = queries.organization_detail(request.user, slug)
    _require(request.user, "manage_contacts", org)
    contact = get_object_or_404(org.contacts, pk=contact_id)
    services.delete_contact(contact, actor=request.user)
    messages.success(request, _("Contacto eliminado."))
    return redirect(org)
