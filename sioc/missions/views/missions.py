"""Mission list, page, create/edit, status, report download, photos and dashboards. Thin views:
reads in queries.py, changes in services.py, rules in permissions.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sioc.common.errors import ConflictError
from sioc.common.htmx import render_page_or_partial
from sioc.common.roles import principal
from sioc.missions import permissions, queries, services
from sioc.missions.choices import FollowUpStatus, MissionStatus
from sioc.missions.forms import CONFLICT_MESSAGE, MissionForm, NoteForm, PhotoForm, StatusForm

REPORT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def require(user, action, mission=None):
    if not permissions.can(user, action, mission):
        raise PermissionDenied


def _transition_buttons(mission):
    labels = {
        (MissionStatus.PLANNED, MissionStatus.IN_PROGRESS): _("Marcar en curso"),
        (MissionStatus.IN_PROGRESS, MissionStatus.SYSTEMATISED): _("Marcar sistematizada"),
        (MissionStatus.SYSTEMATISED, MissionStatus.PUBLISHED): _("Publicar"),
        (MissionStatus.IN_PROGRESS, MissionStatus.PLANNED): _("Volver a planificada"),
        (MissionStatus.SYSTEMATISED, MissionStatus.IN_PROGRESS): _("Volver a en curso"),
        (MissionStatus.PUBLISHED, MissionStatus.SYSTEMATISED): _("Retirar publicación"),
    }
    return [
        (to, labels.get((mission.status, to), MissionStatus(to).label))
        for to in services.allowed_transitions(mission)
    ]


@require_safe
def mission_list(request):
    context = queries.mission_list(request.user, request.GET, request.GET.get("page"))
    context["can_create"] = permissions.can(request.user, "create")
    return render_page_or_partial(
        request, "missions/list.html", "missions/partials/list_results.html", context
    )


@require_safe
def mission_detail(request, slug):
    mission = queries.mission_detail(request.user, slug)
    cantons = queries.participating_cantons(mission)
    can_change = permissions.can(request.user, "change", mission)
    can_contribute = permissions.can(request.user, "contribute", mission)
    context = {
        "mission": mission,
        "cantons": cantons,
        "canton_geojson_urls": queries.canton_geojson_urls(cantons),
        "can_change": can_change,
        "can_contribute": can_contribute,
        "can_dashboard": permissions.can(request.user, "view_dashboard", mission),
        "can_history": permissions.can(request.user, "view_history", mission),
        "transitions": _transition_buttons(mission) if can_change else [],
        "follow_up_statuses": FollowUpStatus.choices,
        "status_labels": dict(MissionStatus.choices),
        "photo_form": PhotoForm(mission=mission) if can_contribute else None,
        "note_form": NoteForm() if can_contribute else None,
        "is_gad_officer": "gad_officer" in principal(request.user).roles,
    }
    return render(request, "missions/detail.html", context)


@login_required
def mission_create(request):
    require(request.user, "create")
    form = MissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mission = services.create_mission(actor=request.user, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(
                request,
                _("Misión registrada. Agregue la delegación, las reuniones y las fotos."),
            )
            return redirect(mission)
    return render(request, "missions/form.html", {"form": form, "mission": None})


@login_required
def mission_edit(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "change", mission)
    form = MissionForm(request.POST or None, instance=mission)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            mission = services.update_mission(
                mission,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except ConflictError:
            form.add_error(None, CONFLICT_MESSAGE)
            status = 409
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Cambios guardados."))
            return redirect(mission)
    return render(request, "missions/form.html", {"form": form, "mission": mission}, status=status)


@login_required
@require_POST
def mission_status(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "change_status", mission)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Elija un estado válido."))
        return redirect(mission)
    try:
        services.change_mission_status(mission, form.cleaned_data["to_status"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Estado de la misión: %s.") % MissionStatus(form.cleaned_data["to_status"]).label,
        )
    return redirect(mission)


@require_safe
def mission_report(request, slug, fmt):
    if fmt not in REPORT_TYPES:
        raise Http404
    mission = queries.visible_mission(request.user, slug)
    from sioc.missions.reports import build_report  # written beside this app; imported lazily

    data = build_report(mission, fmt, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(data, content_type=REPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="informe-{mission.slug}.{fmt}"'
    return response


@require_safe
def photo_file(request, slug, pk):
    """A stored photo, with the visibility of its mission (media files are not public)."""
    mission = queries.visible_mission(request.user, slug)
    photo = queries.photo_of(mission, pk)
    try:
        handle = photo.image.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def photo_add(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "contribute", mission)
    form = PhotoForm(request.POST or None, request.FILES or None, mission=mission)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_photo(
                    mission,
                    actor=request.user,
                    uploaded_file=form.cleaned_data["image"],
                    caption=form.cleaned_data["caption"],
                    credit=form.cleaned_data["credit"],
                    meeting=form.cleaned_data["meeting"],
                )
            except ValidationError as exc:
                form.add_error("image", exc.messages)
                status = 400
            else:
                messages.success(request, _("Foto agregada."))
                return redirect(mission.get_absolute_url() + "#fotos")
        else:
            status = 400
    return render(
        request,
        "missions/part_form.html",
        {
            "mission": mission,
            "form": form,
            "title": _("Agregar una foto"),
            "multipart": True,
            "submit_label": _("Subir foto"),
        },
        status=status,
    )


@login_required
@require_POST
def photo_remove(request, slug, pk):
    mission = queries.visible_mission(request.user, slug)
    photo = queries.photo_of(mission, pk)
    own = photo.uploaded_by_id == request.user.pk and permissions.can(
        request.user, "contribute", mission
    )
    if not (own or permissions.can(request.user, "change", mission)):
        raise PermissionDenied
    services.remove_photo(photo, actor=request.user)
    messages.success(request, _("Foto eliminada."))
    return redirect(mission.get_absolute_url() + "#fotos")


@login_required
@require_POST
def note_add(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "contribute", mission)
    form = NoteForm(request.POST)
    if form.is_valid():
        p = principal(request.user)
        gads = [
            m.organization
            for m in p.memberships
            if mission.participants.filter(organization_id=m.organization_id).exists()
        ]
        try:
            services.add_note(
                mission,
                actor=request.user,
                text=form.cleaned_data["text"],
                organization=gads[0] if gads else None,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Nota agregada."))
    else:
        messages.error(request, _("Escriba la nota antes de guardarla."))
    return redirect(mission.get_absolute_url() + "#notas")


@login_required
@require_safe
def mission_history(request, slug):
    """Who changed what in the mission and everything inside it, and when."""
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "view_history", mission)
    events = queries.mission_history(mission, request.GET.get("page"))
    return render(request, "missions/history.html", {"mission": mission, "events": events})


@login_required
@require_safe
def dashboard(request):
    require(request.user, "view_dashboard")
    missions = queries.dashboard_missions(request.user)
    context = queries.dashboard(missions)
    context["mission"] = None
    return render(request, "missions/dashboard.html", context)


@login_required
@require_safe
def mission_dashboard(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "view_dashboard", mission)
    context = queries.dashboard(permissions.visible_to(request.user).filter(pk=mission.pk))
    context["mission"] = mission
    return render(request, "missions/dashboard.html", context)
