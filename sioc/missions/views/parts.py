"""AME's forms for the parts of a mission: delegation, meetings, counterparts, recommendations,
follow-up actions, panels and speakers, and opportunities (which become catalogue offers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sioc.common.errors import ConflictError
from sioc.common.htmx import is_htmx_partial
from sioc.missions import queries, services
from sioc.missions.choices import FollowUpStatus
from sioc.missions.forms import (
    FOLLOW_UP_CONFLICT,
    CounterpartForm,
    FollowUpForm,
    FollowUpStatusForm,
    MeetingForm,
    OpportunityForm,
    PanelForm,
    ParticipantForm,
    RecommendationForm,
    SpeakerForm,
)
from sioc.missions.views.missions import require


def _editable(request, slug):
    mission = queries.visible_mission(request.user, slug)
    require(request.user, "change", mission)
    return mission


def _form_page(request, mission, form, *, title, save, done, anchor, context=None):
    """GET shows ``form``; a valid POST calls ``save(form)`` and goes back to the mission page;
    a refused one shows the form again with a Spanish message and nothing saved."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
                status = 400
            else:
                messages.success(request, done)
                return redirect(f"{mission.get_absolute_url()}#{anchor}")
        else:
            status = 400
    return render(
        request,
        "missions/part_form.html",
        {"mission": mission, "form": form, "title": title, **(context or {})},
        status=status,
    )


@login_required
def participant_add(request, slug):
    mission = _editable(request, slug)
    form = ParticipantForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar a la delegación"),
        save=lambda f: services.add_participant(mission, actor=request.user, **f.service_fields()),
        done=_("Participante agregado a la delegación."),
        anchor="delegacion",
    )


@login_required
@require_POST
def participant_remove(request, slug, pk):
    mission = _editable(request, slug)
    services.remove_participant(queries.participant_of(mission, pk), actor=request.user)
    messages.success(request, _("Participante retirado de la delegación."))
    return redirect(mission.get_absolute_url() + "#delegacion")


@login_required
def meeting_add(request, slug):
    mission = _editable(request, slug)
    form = MeetingForm(request.POST or None, mission=mission)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar una reunión o actividad"),
        save=lambda f: services.add_meeting(mission, actor=request.user, **f.service_fields()),
        done=_("Reunión agregada."),
        anchor="reuniones",
    )


@login_required
def meeting_edit(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    form = MeetingForm(request.POST or None, instance=meeting, mission=mission)
    return _form_page(
        request,
        mission,
        form,
        title=_("Editar la reunión «%s»") % meeting.title,
        save=lambda f: services.update_meeting(meeting, actor=request.user, **f.service_fields()),
        done=_("Reunión actualizada."),
        anchor=f"reunion-{meeting.pk}",
    )


@login_required
@require_POST
def meeting_remove(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    try:
        services.remove_meeting(meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Reunión eliminada."))
    return redirect(mission.get_absolute_url() + "#reuniones")


@login_required
def counterpart_add(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    form = CounterpartForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar una contraparte a «%s»") % meeting.title,
        save=lambda f: services.add_counterpart(meeting, actor=request.user, **f.service_fields()),
        done=_("Contraparte agregada."),
        anchor=f"reunion-{meeting.pk}",
    )


@login_required
def recommendation_add(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    form = RecommendationForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar una recomendación para los GAD a «%s»") % meeting.title,
        save=lambda f: services.add_recommendation(
            meeting,
            actor=request.user,
            order=meeting.recommendations.count() + 1,
            **f.service_fields(),
        ),
        done=_("Recomendación agregada."),
        anchor=f"reunion-{meeting.pk}",
    )


@login_required
def follow_up_add(request, slug, pk):
    mission = _editable(request, slug)
    recommendation = queries.recommendation_of(mission, pk)
    form = FollowUpForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar una acción de seguimiento"),
        save=lambda f: services.add_follow_up(
            recommendation, actor=request.user, **f.service_fields()
        ),
        done=_("Acción de seguimiento agregada."),
        anchor="seguimiento",
        context={"intro": recommendation.text},
    )


@login_required
@require_POST
def follow_up_status(request, slug, pk):
    """Change a follow-up action's status; htmx swaps only its row."""
    mission = _editable(request, slug)
    action = queries.follow_up_of(mission, pk)
    form = FollowUpStatusForm(request.POST)
    error, status = "", 200
    if form.is_valid():
        try:
            action = services.change_follow_up_status(
                action,
                form.cleaned_data["status"],
                actor=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError:
            error, status = FOLLOW_UP_CONFLICT, 409
            action.refresh_from_db()
    else:
        error, status = _("Elija un estado válido."), 400
    if is_htmx_partial(request):
        return render(
            request,
            "missions/partials/follow_up_row.html",
            {
                "mission": mission,
                "action": action,
                "can_change": True,
                "error": error,
                "follow_up_statuses": FollowUpStatus.choices,
            },
            status=status,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Estado de la acción actualizado."))
    return redirect(mission.get_absolute_url() + "#seguimiento")


@login_required
def panel_add(request, slug):
    mission = _editable(request, slug)
    form = PanelForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar un panel o diálogo"),
        save=lambda f: services.add_panel(mission, actor=request.user, **f.service_fields()),
        done=_("Panel agregado."),
        anchor="paneles",
    )


@login_required
def speaker_add(request, slug, pk):
    mission = _editable(request, slug)
    panel = queries.panel_of(mission, pk)
    form = SpeakerForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Agregar un panelista a «%s»") % panel.title,
        save=lambda f: services.add_speaker(panel, actor=request.user, **f.service_fields()),
        done=_("Panelista agregado."),
        anchor=f"panel-{panel.pk}",
    )


@login_required
def opportunity_add(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    form = OpportunityForm(request.POST or None)
    return _form_page(
        request,
        mission,
        form,
        title=_("Registrar una oportunidad surgida en «%s»") % meeting.title,
        save=lambda f: services.create_opportunity(
            meeting, actor=request.user, **f.service_fields()
        ),
        done=_(
            "Oportunidad registrada y publicada en el catálogo: los GAD ya pueden expresar interés."
        ),
        anchor="oportunidades",
        context={
            "intro": _(
                "La oportunidad se publica como una oferta del catálogo: aparece en la búsqueda, "
                "en las alertas y en las coincidencias, y los GAD expresan interés desde ella."
            )
        },
    )
