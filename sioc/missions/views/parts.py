"""AME's forms for the parts of a mission: delegation, meetings, counterparts, recommendations,
follow-up actions, panels and speakers, and opportunities (which become catalogue offers).

Removals: GET shows a confirmation page, only its POST removes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

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


def _remove_page(
    request, mission, *, title, what, remove, done, anchor, consequence="", blocked=""
):
    """GET: a page that asks for confirmation (or, with ``blocked``, says why it cannot be
    done). POST: ``remove()`` and back to the mission page with the result."""
    if request.method == "POST":
        try:
            remove()
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
        return redirect(f"{mission.get_absolute_url()}#{anchor}")
    return render(
        request,
        "missions/confirm_remove.html",
        {
            "mission": mission,
            "title": title,
            "what": what,
            "consequence": consequence,
            "blocked": blocked,
            "back": f"{mission.get_absolute_url()}#{anchor}",
        },
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
def participant_edit(request, slug, pk):
    mission = _editable(request, slug)
    participant = queries.participant_of(mission, pk)
    title = _("Editar a %s en la delegación") % participant
    form = ParticipantForm(request.POST or None, instance=participant)
    return _form_page(
        request,
        mission,
        form,
        title=title,
        save=lambda f: services.update_participant(
            participant, actor=request.user, **f.service_fields()
        ),
        done=_("Integrante de la delegación actualizado."),
        anchor="delegacion",
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_remove(request, slug, pk):
    mission = _editable(request, slug)
    participant = queries.participant_of(mission, pk)
    return _remove_page(
        request,
        mission,
        title=_("Retirar a un integrante de la delegación"),
        what=services.describe_participant(participant),
        remove=lambda: services.remove_participant(participant, actor=request.user),
        done=_("Participante retirado de la delegación."),
        anchor="delegacion",
    )


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
@require_http_methods(["GET", "POST"])
def meeting_remove(request, slug, pk):
    mission = _editable(request, slug)
    meeting = queries.meeting_of(mission, pk)
    blocked = ""
    if meeting.opportunities.exists():
        blocked = _(
            "Esta reunión abrió oportunidades que ya están en el catálogo: no se puede "
            "eliminar. Cierre las ofertas si ya no están vigentes."
        )
    return _remove_page(
        request,
        mission,
        title=_("Eliminar una reunión"),
        what=f"{meeting.title} ({meeting.date:%d/%m/%Y})",
        consequence=_(
            "También se eliminan sus contrapartes, sus recomendaciones con sus acciones de "
            "seguimiento y la relación de sus fotos con la reunión."
        ),
        blocked=blocked,
        remove=lambda: services.remove_meeting(meeting, actor=request.user),
        done=_("Reunión eliminada."),
        anchor="reuniones",
    )


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
def counterpart_edit(request, slug, pk):
    mission = _editable(request, slug)
    counterpart = queries.counterpart_of(mission, pk)
    meeting = counterpart.meeting
    form = CounterpartForm(request.POST or None, instance=counterpart)
    return _form_page(
        request,
        mission,
        form,
        title=_("Editar una contraparte de «%s»") % meeting.title,
        save=lambda f: services.update_counterpart(
            counterpart, actor=request.user, **f.service_fields()
        ),
        done=_("Contraparte actualizada."),
        anchor=f"reunion-{meeting.pk}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def counterpart_remove(request, slug, pk):
    mission = _editable(request, slug)
    counterpart = queries.counterpart_of(mission, pk)
    meeting = counterpart.meeting
    who = counterpart.display_organization
    if counterpart.person_name:
        who = f"{counterpart.person_name} — {who}"
    return _remove_page(
        request,
        mission,
        title=_("Quitar una contraparte de «%s»") % meeting.title,
        what=who,
        remove=lambda: services.remove_counterpart(counterpart, actor=request.user),
        done=_("Contraparte quitada de la reunión."),
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
def recommendation_edit(request, slug, pk):
    mission = _editable(request, slug)
    recommendation = queries.recommendation_of(mission, pk)
    meeting = recommendation.meeting
    form = RecommendationForm(request.POST or None, initial={"text": recommendation.text})
    return _form_page(
        request,
        mission,
        form,
        title=_("Editar una recomendación de «%s»") % meeting.title,
        save=lambda f: services.update_recommendation(
            recommendation, actor=request.user, **f.service_fields()
        ),
        done=_("Recomendación actualizada."),
        anchor=f"reunion-{meeting.pk}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_remove(request, slug, pk):
    mission = _editable(request, slug)
    recommendation = queries.recommendation_of(mission, pk)
    follow_ups = recommendation.follow_ups.count()
    consequence = (
        ngettext(
            "También se elimina su acción de seguimiento.",
            "También se eliminan sus %(n)d acciones de seguimiento.",
            follow_ups,
        )
        % {"n": follow_ups}
        if follow_ups
        else ""
    )
    return _remove_page(
        request,
        mission,
        title=_("Eliminar una recomendación de «%s»") % recommendation.meeting.title,
        what=recommendation.text,
        consequence=consequence,
        remove=lambda: services.remove_recommendation(recommendation, actor=request.user),
        done=_("Recomendación eliminada."),
        anchor=f"reunion-{recommendation.meeting_id}",
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
def panel_edit(request, slug, pk):
    mission = _editable(request, slug)
    panel = queries.panel_of(mission, pk)
    title = _("Editar el panel «%s»") % panel.title
    form = PanelForm(request.POST or None, instance=panel)
    return _form_page(
        request,
        mission,
        form,
        title=title,
        save=lambda f: services.update_panel(panel, actor=request.user, **f.service_fields()),
        done=_("Panel actualizado."),
        anchor=f"panel-{panel.pk}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def panel_remove(request, slug, pk):
    mission = _editable(request, slug)
    panel = queries.panel_of(mission, pk)
    speakers = panel.speakers.count()
    consequence = (
        ngettext(
            "También se elimina su panelista.",
            "También se eliminan sus %(n)d panelistas.",
            speakers,
        )
        % {"n": speakers}
        if speakers
        else ""
    )
    return _remove_page(
        request,
        mission,
        title=_("Eliminar un panel o diálogo"),
        what=panel.title,
        consequence=consequence,
        remove=lambda: services.remove_panel(panel, actor=request.user),
        done=_("Panel eliminado."),
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
def speaker_edit(request, slug, pk):
    mission = _editable(request, slug)
    speaker = queries.speaker_of(mission, pk)
    panel = speaker.panel
    title = _("Editar a %(name)s en «%(panel)s»") % {"name": speaker.name, "panel": panel.title}
    form = SpeakerForm(request.POST or None, instance=speaker)
    return _form_page(
        request,
        mission,
        form,
        title=title,
        save=lambda f: services.update_speaker(speaker, actor=request.user, **f.service_fields()),
        done=_("Panelista actualizado."),
        anchor=f"panel-{panel.pk}",
    )


@login_required
@require_http_methods(["GET", "POST"])
def speaker_remove(request, slug, pk):
    mission = _editable(request, slug)
    speaker = queries.speaker_of(mission, pk)
    return _remove_page(
        request,
        mission,
        title=_("Quitar a un panelista de «%s»") % speaker.panel.title,
        what=speaker.name,
        remove=lambda: services.remove_speaker(speaker, actor=request.user),
        done=_("Panelista quitado del panel."),
        anchor=f"panel-{speaker.panel_id}",
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
