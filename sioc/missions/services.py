"""Every change to missions and what is inside them: atomic, audited, keyword-only actor.

Changes to a mission's parts (delegation, meetings, counterparts, recommendations, follow-up,
panels, photos, notes, opportunities) are recorded in the mission's own audit trail, so that its
history tells the whole story. An opportunity is created together with its published offer in the
catalogue (sioc.offers.services.create_offer).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sioc.audit.choices import Action
from sioc.audit.services import diff, record, snapshot
from sioc.codelists.models import Modality
from sioc.common.errors import ConflictError
from sioc.missions.choices import FollowUpStatus, MissionStatus, OpportunityKind
from sioc.missions.images import reencoded_photo
from sioc.missions.models import (
    Counterpart,
    FollowUpAction,
    Meeting,
    Mission,
    Note,
    Opportunity,
    Panel,
    Participant,
    Photo,
    Recommendation,
    Speaker,
)
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.services import create_offer

MISSION_SCALAR_FIELDS = [
    "slug",
    "kind",
    "name",
    "country",
    "cities",
    "starts_on",
    "ends_on",
    "organiser",
    "objective",
    "presentation_letter",
    "keywords",
    "credits",
    "contact",
]
MISSION_M2M_FIELDS = ["hosts"]
MISSION_AUDITED = MISSION_SCALAR_FIELDS + MISSION_M2M_FIELDS + ["status"]

PARTICIPANT_FIELDS = ["organization", "person_name", "position", "role", "order"]
MEETING_FIELDS = ["order", "date", "place", "title", "subject", "development", "conclusions"]
COUNTERPART_FIELDS = ["organization", "organization_name", "person_name", "position"]
RECOMMENDATION_FIELDS = ["order", "text"]
FOLLOW_UP_FIELDS = ["description", "responsible", "due_on", "status"]
PANEL_FIELDS = ["order", "title", "objective", "moderator", "conclusions"]
SPEAKER_FIELDS = ["order", "name", "organization_name", "contribution"]

# (from, to): the steps of a mission. Only AME takes them (see permissions.can "change_status").
MISSION_TRANSITIONS = {
    (MissionStatus.PLANNED, MissionStatus.IN_PROGRESS),
    (MissionStatus.IN_PROGRESS, MissionStatus.SYSTEMATISED),
    (MissionStatus.SYSTEMATISED, MissionStatus.PUBLISHED),
    # Corrections: back one step, or withdraw a publication to fix it.
    (MissionStatus.IN_PROGRESS, MissionStatus.PLANNED),
    (MissionStatus.SYSTEMATISED, MissionStatus.IN_PROGRESS),
    (MissionStatus.PUBLISHED, MissionStatus.SYSTEMATISED),
}

# What kind of offer an opportunity becomes in the catalogue (modalities by code).
OPPORTUNITY_MODALITIES = {
    OpportunityKind.TECHNICAL_ASSISTANCE: ["technical_assistance"],
    OpportunityKind.TWINNING: ["exchange"],
    OpportunityKind.TRADE: [],
    OpportunityKind.TRAINING: ["training"],
    OpportunityKind.FINANCING: ["non_reimbursable"],
    OpportunityKind.EXCHANGE: ["exchange"],
}
OFFER_CODE_MAX = 40


def _assign(obj, fields, allowed):
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Field {name} is not editable")
        setattr(obj, name, value)


def _save(obj, fields, allowed):
    _assign(obj, fields, allowed)
    obj.full_clean()
    obj.save()
    return obj


def _trail(mission, *, actor, changes, note="", action=Action.UPDATE):
    record(actor=actor, action=action, obj=mission, changes=changes, note=note)


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _update(obj, fields, allowed, *, actor, mission_of, label, check=None):
    """Apply ``fields`` to a fresh, locked copy of ``obj`` (an edit form may already have
    written the new values onto the instance it holds, so the "before" comes from the database).
    Saves and writes one audit event on the mission only when something changed."""
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    before = snapshot(current, allowed)
    _assign(current, fields, allowed)
    if check is not None:
        check(current)
    current.full_clean()
    changes = diff(before, snapshot(current, allowed))
    if changes:
        current.save()
        _trail(mission_of(current), actor=actor, changes=changes, note=label(current)[:200])
    return current


# --- missions -------------------------------------------------------------------------------


# Slugs that are addresses of the missions app itself (misiones/nueva/, misiones/tablero/).
RESERVED_SLUGS = {"nueva", "tablero"}


def unique_slug(name, starts_on=None, exclude_pk=None) -> str:
    base = slugify(f"{name} {starts_on.year}" if starts_on else name)[:100].strip("-") or "mision"
    slug, n = base, 2
    while (
        slug in RESERVED_SLUGS or Mission.objects.filter(slug=slug).exclude(pk=exclude_pk).exists()
    ):
        slug = f"{base}-{n}"
        n += 1
    return slug


def _apply_mission(mission, fields):
    m2m = {}
    for name, value in fields.items():
        if name in MISSION_M2M_FIELDS:
            m2m[name] = value
        elif name in MISSION_SCALAR_FIELDS:
            setattr(mission, name, value)
        else:
            raise ValueError(f"Field {name} is not editable")
    if not mission.slug:
        mission.slug = unique_slug(mission.name, mission.starts_on, exclude_pk=mission.pk)
    if mission.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("Ese identificador está reservado: elija otro.")})
    mission.full_clean()
    mission.save()
    for name, value in m2m.items():
        getattr(mission, name).set(value)


@transaction.atomic
def create_mission(*, actor, status=MissionStatus.PLANNED, **fields) -> Mission:
    mission = Mission(status=status)
    if status == MissionStatus.PUBLISHED:
        mission.published_at = timezone.now()
    _apply_mission(mission, fields)
    record(
        actor=actor,
        action=Action.CREATE,
        obj=mission,
        changes=diff({}, snapshot(mission, MISSION_AUDITED)),
    )
    return mission


@transaction.atomic
def update_mission(mission: Mission, *, actor, expected_version=None, **fields) -> Mission:
    """Save changes; with ``expected_version`` (ISO ``updated_at`` the editor saw) a concurrent
    save raises ConflictError and nothing is written."""
    current = Mission.objects.select_for_update().get(pk=mission.pk)
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(mission)
    before = snapshot(current, MISSION_AUDITED)
    _apply_mission(current, fields)
    changes = diff(before, snapshot(current, MISSION_AUDITED))
    if changes:
        record(actor=actor, action=Action.UPDATE, obj=current, changes=changes)
    return current


def allowed_transitions(mission: Mission) -> list[str]:
    return [to for (frm, to) in sorted(MISSION_TRANSITIONS) if frm == mission.status]


@transaction.atomic
def change_mission_status(mission: Mission, to_status, *, actor) -> Mission:
    current = Mission.objects.select_for_update().get(pk=mission.pk)
    if to_status not in MissionStatus.values or (current.status, to_status) not in (
        MISSION_TRANSITIONS
    ):
        label = MissionStatus(to_status).label if to_status in MissionStatus.values else to_status
        raise ValidationError(
            _("Una misión «%(from)s» no puede pasar a «%(to)s».")
            % {"from": current.get_status_display(), "to": label}
        )
    before = current.status
    current.status = to_status
    if to_status == MissionStatus.PUBLISHED:
        current.published_at = current.published_at or timezone.now()
    current.save(update_fields=["status", "published_at", "updated_at"])
    record(actor=actor, action=Action.UPDATE, obj=current, changes={"status": [before, to_status]})
    return current


# --- delegation -----------------------------------------------------------------------------


@transaction.atomic
def add_participant(mission: Mission, *, actor, **fields) -> Participant:
    participant = _save(Participant(mission=mission), fields, PARTICIPANT_FIELDS)
    _trail(mission, actor=actor, changes={"participante": [None, _describe(participant)]})
    return participant


@transaction.atomic
def update_participant(participant: Participant, *, actor, **fields) -> Participant:
    return _update(
        participant,
        fields,
        PARTICIPANT_FIELDS,
        actor=actor,
        mission_of=lambda p: p.mission,
        label=lambda p: _("Participante: %s") % _describe(p),
    )


@transaction.atomic
def remove_participant(participant: Participant, *, actor) -> None:
    mission, label = participant.mission, _describe(participant)
    participant.delete()
    _trail(mission, actor=actor, changes={"participante": [label, None]})


def describe_participant(participant) -> str:
    """«Name (Organisation)», or the organisation alone."""
    return _describe(participant)


def _describe(participant):
    who = participant.person_name or ""
    return f"{who} ({participant.organization})" if who else str(participant.organization)


# --- meetings and what they hold ------------------------------------------------------------


@transaction.atomic
def add_meeting(mission: Mission, *, actor, **fields) -> Meeting:
    meeting = _save(Meeting(mission=mission), fields, MEETING_FIELDS)
    _trail(mission, actor=actor, changes={"reunión": [None, meeting.title]})
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, actor, **fields) -> Meeting:
    return _update(
        meeting,
        fields,
        MEETING_FIELDS,
        actor=actor,
        mission_of=lambda m: m.mission,
        label=lambda m: _("Reunión: %s") % m.title,
    )


@transaction.atomic
def remove_meeting(meeting: Meeting, *, actor) -> None:
    if meeting.opportunities.exists():
        raise ValidationError(
            _(
                "Esta reunión abrió oportunidades que ya están en el catálogo: no se puede "
                "eliminar. Cierre las ofertas si ya no están vigentes."
            )
        )
    mission, title = meeting.mission, meeting.title
    meeting.delete()
    _trail(mission, actor=actor, changes={"reunión": [title, None]})


def _check_counterpart(counterpart):
    if not counterpart.organization_id and not (counterpart.organization_name or "").strip():
        raise ValidationError(_("Indique la organización contraparte."))


@transaction.atomic
def add_counterpart(meeting: Meeting, *, actor, **fields) -> Counterpart:
    if not fields.get("organization") and not (fields.get("organization_name") or "").strip():
        raise ValidationError(_("Indique la organización contraparte."))
    counterpart = _save(Counterpart(meeting=meeting), fields, COUNTERPART_FIELDS)
    label = f"{counterpart.display_organization}: {counterpart.person_name}".rstrip(": ")
    _trail(meeting.mission, actor=actor, changes={"contraparte": [None, label]})
    return counterpart


@transaction.atomic
def update_counterpart(counterpart: Counterpart, *, actor, **fields) -> Counterpart:
    return _update(
        counterpart,
        fields,
        COUNTERPART_FIELDS,
        actor=actor,
        mission_of=lambda c: c.meeting.mission,
        label=lambda c: (
            _("Contraparte en «%(meeting)s»: %(who)s") % {"meeting": c.meeting.title, "who": c}
        ),
        check=_check_counterpart,
    )


@transaction.atomic
def remove_counterpart(counterpart: Counterpart, *, actor) -> None:
    mission = counterpart.meeting.mission
    label = str(counterpart)
    counterpart.delete()
    _trail(mission, actor=actor, changes={"contraparte": [label, None]})


@transaction.atomic
def add_recommendation(meeting: Meeting, *, actor, **fields) -> Recommendation:
    recommendation = _save(Recommendation(meeting=meeting), fields, RECOMMENDATION_FIELDS)
    _trail(meeting.mission, actor=actor, changes={"recomendación": [None, recommendation.text]})
    return recommendation


@transaction.atomic
def update_recommendation(recommendation: Recommendation, *, actor, **fields) -> Recommendation:
    return _update(
        recommendation,
        fields,
        RECOMMENDATION_FIELDS,
        actor=actor,
        mission_of=lambda r: r.meeting.mission,
        label=lambda r: _("Recomendación de «%s»") % r.meeting.title,
    )


@transaction.atomic
def remove_recommendation(recommendation: Recommendation, *, actor) -> None:
    """Remove a recommendation and its follow-up actions (the audit note counts them)."""
    mission, text = recommendation.meeting.mission, recommendation.text
    follow_ups = recommendation.follow_ups.count()
    recommendation.delete()
    note = (
        ngettext(
            "Con su acción de seguimiento.", "Con sus %(n)d acciones de seguimiento.", follow_ups
        )
        % {"n": follow_ups}
        if follow_ups
        else ""
    )
    _trail(mission, actor=actor, changes={"recomendación": [text, None]}, note=note)


# --- follow-up ------------------------------------------------------------------------------


@transaction.atomic
def add_follow_up(recommendation: Recommendation, *, actor, **fields) -> FollowUpAction:
    action = _save(FollowUpAction(recommendation=recommendation), fields, FOLLOW_UP_FIELDS)
    _trail(
        recommendation.meeting.mission,
        actor=actor,
        changes={"acción de seguimiento": [None, action.description]},
    )
    return action


@transaction.atomic
def update_follow_up(
    action: FollowUpAction, *, actor, expected_version=None, **fields
) -> FollowUpAction:
    current = (
        FollowUpAction.objects.select_for_update()
        .select_related("recommendation__meeting__mission")
        .get(pk=action.pk)
    )
    if expected_version and current.updated_at.isoformat() != expected_version:
        raise ConflictError(action)
    before = snapshot(current, FOLLOW_UP_FIELDS)
    _save(current, fields, FOLLOW_UP_FIELDS)
    changes = diff(before, snapshot(current, FOLLOW_UP_FIELDS))
    if changes:
        _trail(
            current.recommendation.meeting.mission,
            actor=actor,
            changes=changes,
            note=_("Acción de seguimiento: %s") % current.description[:150],
        )
    return current


def change_follow_up_status(action: FollowUpAction, status, *, actor, expected_version=None):
    if status not in FollowUpStatus.values:
        raise ValidationError(_("Ese estado no existe."))
    return update_follow_up(action, actor=actor, expected_version=expected_version, status=status)


# --- panels ---------------------------------------------------------------------------------


@transaction.atomic
def add_panel(mission: Mission, *, actor, **fields) -> Panel:
    panel = _save(Panel(mission=mission), fields, PANEL_FIELDS)
    _trail(mission, actor=actor, changes={"panel": [None, panel.title]})
    return panel


@transaction.atomic
def update_panel(panel: Panel, *, actor, **fields) -> Panel:
    return _update(
        panel,
        fields,
        PANEL_FIELDS,
        actor=actor,
        mission_of=lambda p: p.mission,
        label=lambda p: _("Panel: %s") % p.title,
    )


@transaction.atomic
def remove_panel(panel: Panel, *, actor) -> None:
    """Remove a panel and its speakers (the audit trail names them)."""
    mission, title = panel.mission, panel.title
    speakers = list(panel.speakers.values_list("name", flat=True))
    panel.delete()
    note = _("Con sus panelistas: %s.") % ", ".join(speakers) if speakers else ""
    _trail(mission, actor=actor, changes={"panel": [title, None]}, note=note)


@transaction.atomic
def add_speaker(panel: Panel, *, actor, **fields) -> Speaker:
    speaker = _save(Speaker(panel=panel), fields, SPEAKER_FIELDS)
    _trail(panel.mission, actor=actor, changes={"panelista": [None, speaker.name]})
    return speaker


@transaction.atomic
def update_speaker(speaker: Speaker, *, actor, **fields) -> Speaker:
    return _update(
        speaker,
        fields,
        SPEAKER_FIELDS,
        actor=actor,
        mission_of=lambda s: s.panel.mission,
        label=lambda s: (
            _("Panelista de «%(panel)s»: %(name)s") % {"panel": s.panel.title, "name": s.name}
        ),
    )


@transaction.atomic
def remove_speaker(speaker: Speaker, *, actor) -> None:
    mission, name = speaker.panel.mission, speaker.name
    speaker.delete()
    _trail(mission, actor=actor, changes={"panelista": [name, None]})


# --- photos and notes -----------------------------------------------------------------------


@transaction.atomic
def add_photo(
    mission: Mission, *, actor, uploaded_file, caption="", credit="", meeting=None, order=0
) -> Photo:
    """Store a photo re-encoded as JPEG without metadata (images.reencoded_photo). A refused
    file raises ValidationError before anything is stored."""
    if meeting is not None and meeting.mission_id != mission.pk:
        raise ValidationError(_("La reunión elegida no es de esta misión."))
    content = reencoded_photo(uploaded_file)
    photo = Photo(
        mission=mission,
        meeting=meeting,
        caption=caption,
        credit=credit,
        order=order,
        uploaded_by=_user(actor),
    )
    photo.image.save("foto.jpg", content, save=False)
    try:
        photo.full_clean(exclude=["image"])
        photo.save()
    except Exception:
        photo.image.delete(save=False)
        raise
    _trail(mission, actor=actor, changes={"foto": [None, caption or photo.image.name]})
    return photo


@transaction.atomic
def remove_photo(photo: Photo, *, actor) -> None:
    mission, label = photo.mission, photo.caption or photo.image.name
    photo.image.delete(save=False)
    photo.delete()
    _trail(mission, actor=actor, changes={"foto": [label, None]})


@transaction.atomic
def add_note(mission: Mission, *, actor, text, organization=None) -> Note:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Escriba la nota."))
    note = Note(mission=mission, author=_user(actor), organization=organization, text=text)
    note.full_clean()
    note.save()
    _trail(mission, actor=actor, changes={"nota": [None, text[:200]]})
    return note


# --- opportunities --------------------------------------------------------------------------


def opportunity_code(mission: Mission) -> str:
    """``MIS-<slug>-<n>``: unique, at most 40 characters, valid for Offer.code."""
    from sioc.offers.models import Offer

    n = Opportunity.objects.filter(meeting__mission=mission).count() + 1
    while True:
        suffix = f"-{n}"
        stem = mission.slug.upper()[: OFFER_CODE_MAX - len("MIS-") - len(suffix)].strip("-_.")
        code = f"MIS-{stem}{suffix}"
        if not Offer.objects.filter(code=code).exists():
            return code
        n += 1


@transaction.atomic
def create_opportunity(
    meeting: Meeting,
    *,
    actor,
    kind,
    counterpart,
    title,
    gad_action="",
    deadline=None,
    description="",
) -> Opportunity:
    """Open an opportunity from a meeting: a published offer of the counterpart in the catalogue
    (so search, feeds, matching and expressions of interest treat it like any offer)."""
    if deadline and deadline < timezone.localdate():
        raise ValidationError(_("La fecha límite ya pasó: indique una fecha futura."))
    mission = meeting.mission
    how_to_apply = _(
        "Exprese el interés de su GAD en SIOC con el botón «Expresar interés» de esta página. "
        "AME revisa cada solicitud y la remite a la contraparte."
    )
    origin = _("Oportunidad surgida en «%(meeting)s» (%(mission)s, %(date)s).") % {
        "meeting": meeting.title,
        "mission": mission.name,
        "date": meeting.date.strftime("%d/%m/%Y"),
    }
    body = "\n\n".join(part for part in (description.strip(), gad_action.strip(), origin) if part)
    offer = create_offer(
        actor=actor,
        status=OfferStatus.PUBLISHED,
        code=opportunity_code(mission),
        cooperante=counterpart,
        title=title,
        summary=(gad_action.strip() or description.strip())[:600],
        description=body,
        how_to_apply=how_to_apply,
        schedule=Schedule.WINDOW if deadline else Schedule.PERMANENT,
        closes_on=deadline,
        is_national=True,
        open_to_gad=True,
        last_verified_on=timezone.localdate(),
        modalities=list(Modality.objects.filter(code__in=OPPORTUNITY_MODALITIES.get(kind, []))),
    )
    opportunity = Opportunity(
        meeting=meeting,
        offer=offer,
        kind=kind,
        counterpart=counterpart,
        gad_action=gad_action,
        deadline=deadline,
    )
    opportunity.full_clean()
    opportunity.save()
    _trail(mission, actor=actor, changes={"oportunidad": [None, f"{offer.code}: {title}"]})
    return opportunity
