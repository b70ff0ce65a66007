"""Reads for mission pages and dashboards. Visibility always comes from permissions.visible_to."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from sioc.audit.models import AuditEvent
from sioc.codelists.models import Country
from sioc.demands.choices import InterestStatus
from sioc.demands.models import ExpressionOfInterest
from sioc.missions import permissions
from sioc.missions.choices import FollowUpStatus, MissionKind, MissionStatus
from sioc.missions.models import (
    Counterpart,
    FollowUpAction,
    Meeting,
    Mission,
    Opportunity,
    Panel,
    Participant,
    Photo,
    Recommendation,
    Speaker,
)

PAGE_SIZE = 25


def country_names(codes) -> dict[str, str]:
    codes = {c for c in codes if c}
    if not codes:
        return {}
    return dict(Country.objects.filter(code__in=codes).values_list("code", "name"))


def mission_list(user, params, page_number=None) -> dict:
    visible = permissions.visible_to(user)
    qs = visible
    filters = {
        "kind": params.get("tipo", ""),
        "year": params.get("anio", ""),
        "country": params.get("pais", ""),
        "status": params.get("estado", ""),
    }
    if filters["kind"] in MissionKind.values:
        qs = qs.filter(kind=filters["kind"])
    else:
        filters["kind"] = ""
    if filters["year"].isdigit():
        qs = qs.filter(starts_on__year=int(filters["year"]))
    else:
        filters["year"] = ""
    if filters["country"]:
        qs = qs.filter(country=filters["country"].upper()[:2])
    if filters["status"] in MissionStatus.values:
        qs = qs.filter(status=filters["status"])
    else:
        filters["status"] = ""
    qs = qs.select_related("organiser").annotate(
        meeting_count=Count("meetings", distinct=True),
        opportunity_count=Count("meetings__opportunities", distinct=True),
    )
    page = Paginator(qs.order_by("-starts_on", "name"), PAGE_SIZE).get_page(page_number)
    years = sorted({d.year for d in visible.dates("starts_on", "year")}, reverse=True)
    country_codes = sorted(set(visible.exclude(country="").values_list("country", flat=True)))
    names = country_names(country_codes + [m.country for m in page])
    for mission in page:
        mission.country_name = names.get(mission.country, mission.country)
    return {
        "page": page,
        "filters": filters,
        "kinds": MissionKind.choices,
        "statuses": MissionStatus.choices,
        "years": years,
        "countries": [(c, names.get(c, c)) for c in country_codes],
        "show_status": permissions.can(user, "view_all")
        or bool(permissions.participant_gad_ids(user)),
    }


def visible_mission(user, slug) -> Mission:
    return get_object_or_404(permissions.visible_to(user), slug=slug)


def mission_detail(user, slug) -> Mission:
    """The mission with everything its page shows, in a fixed number of queries."""
    opportunities = Opportunity.objects.select_related("offer", "counterpart").order_by("id")
    meetings = Meeting.objects.prefetch_related(
        "counterparts__organization",
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.prefetch_related("follow_ups"),
        ),
        Prefetch("photos", queryset=Photo.objects.order_by("order", "uploaded_at", "id")),
        Prefetch("opportunities", queryset=opportunities),
    )
    qs = (
        permissions.visible_to(user)
        .select_related("organiser")
        .prefetch_related(
            "hosts",
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organization__canton__province"),
            ),
            Prefetch("meetings", queryset=meetings),
            Prefetch("panels", queryset=Panel.objects.prefetch_related("speakers")),
            Prefetch("photos", queryset=Photo.objects.filter(meeting__isnull=True)),
            "notes__author",
            "notes__organization",
        )
    )
    mission = get_object_or_404(qs, slug=slug)
    mission.country_name = country_names([mission.country]).get(mission.country, mission.country)
    return mission


def participating_cantons(mission: Mission) -> list:
    """The cantons of the GADs in the delegation (from the prefetched participants)."""
    seen, cantons = set(), []
    for participant in mission.participants.all():
        canton = participant.organization.canton if participant.organization.canton_id else None
        if canton and canton.pk not in seen:
            seen.add(canton.pk)
            cantons.append(canton)
    return sorted(cantons, key=lambda c: c.name)


def canton_geojson_urls(cantons) -> list[str]:
    return [reverse("territory:canton_geojson", args=[c.code]) for c in cantons]


def meeting_of(mission: Mission, pk) -> Meeting:
    return get_object_or_404(Meeting, mission=mission, pk=pk)


def recommendation_of(mission: Mission, pk) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.select_related("meeting"), meeting__mission=mission, pk=pk
    )


def follow_up_of(mission: Mission, pk) -> FollowUpAction:
    return get_object_or_404(
        FollowUpAction.objects.select_related("recommendation__meeting"),
        recommendation__meeting__mission=mission,
        pk=pk,
    )


def panel_of(mission: Mission, pk) -> Panel:
    return get_object_or_404(Panel, mission=mission, pk=pk)


def participant_of(mission: Mission, pk) -> Participant:
    return get_object_or_404(Participant, mission=mission, pk=pk)


def photo_of(mission: Mission, pk) -> Photo:
    return get_object_or_404(Photo, mission=mission, pk=pk)


def counterpart_of(mission: Mission, pk) -> Counterpart:
    return get_object_or_404(
        Counterpart.objects.select_related("meeting", "organization"),
        meeting__mission=mission,
        pk=pk,
    )


def speaker_of(mission: Mission, pk) -> Speaker:
    return get_object_or_404(Speaker.objects.select_related("panel"), panel__mission=mission, pk=pk)


# Models whose changes are recorded in a mission's audit trail (their field names are its keys).
HISTORY_MODELS = (
    Mission,
    Participant,
    Meeting,
    Counterpart,
    Recommendation,
    FollowUpAction,
    Panel,
    Speaker,
    Photo,
)
HISTORY_PAGE_SIZE = 50


def _field_labels() -> tuple[dict[str, str], dict[str, dict]]:
    """Field name → its Spanish verbose name, and field name → {value: label} for choices."""
    labels, choices = {}, {}
    for model in reversed(HISTORY_MODELS):  # Mission's labels win on shared names
        for field in model._meta.get_fields():
            if hasattr(field, "verbose_name") and not field.auto_created:
                labels[field.name] = str(field.verbose_name)
                if field.choices:
                    choices.setdefault(field.name, {}).update(
                        {value: str(label) for value, label in field.choices}
                    )
    return labels, choices


def mission_history(mission: Mission, page_number=None):
    """The audit events of ``mission`` (its own changes and those of everything inside it),
    newest first, each with ``change_rows``: (label, before, after) as a person reads them."""
    qs = AuditEvent.objects.for_object(mission).select_related("actor")
    page = Paginator(qs, HISTORY_PAGE_SIZE).get_page(page_number)
    labels, choices = _field_labels()
    for event in page:
        event.change_rows = []
        for name, pair in (event.changes or {}).items():
            values = list(pair) if isinstance(pair, (list, tuple)) else [None, pair]
            before, after = (values + [None, None])[:2]
            shown = choices.get(name, {})
            event.change_rows.append(
                (labels.get(name, name), _shown(before, shown), _shown(after, shown))
            )
    return page


def _shown(value, choices):
    """A recorded value for people: choice labels, dates as dd/mm/aaaa, lists joined."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_shown(v, choices)) for v in value)
    if isinstance(value, str):
        if value in choices:
            return choices[value]
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return value
    return value


# --- dashboard ------------------------------------------------------------------------------

REFERRED_OR_LATER = (InterestStatus.REFERRED, InterestStatus.NEGOTIATION, InterestStatus.APPROVED)


def dashboard(missions) -> dict:
    """What the missions in ``missions`` (a queryset) produced: opportunities, expressions of
    interest on their offers (by GAD and by province), referrals, agreements, projects and the
    follow-up of their recommendations."""
    mission_ids = list(missions.values_list("pk", flat=True))
    opportunities = Opportunity.objects.filter(meeting__mission_id__in=mission_ids)
    interests = ExpressionOfInterest.objects.filter(offer__opportunity__in=opportunities)
    referred = interests.filter(
        Q(status__in=REFERRED_OR_LATER) | Q(events__to_status=InterestStatus.REFERRED)
    ).distinct()
    projects = opportunities.aggregate(n=Count("offer__projects", distinct=True))["n"]
    by_gad = list(
        interests.values("gad__name", "gad__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "gad__name")
    )
    by_province = list(
        interests.values("gad__canton__province__name", "gad__canton__province__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "gad__canton__province__name")
    )
    recommendations = Recommendation.objects.filter(meeting__mission_id__in=mission_ids)
    follow_ups = FollowUpAction.objects.filter(recommendation__in=recommendations)
    status_counts = dict(follow_ups.values_list("status").annotate(n=Count("pk")))
    follow_up_status = [
        {"status": value, "label": label, "n": status_counts.get(value, 0)}
        for value, label in FollowUpStatus.choices
    ]
    participants = Participant.objects.filter(
        mission_id__in=mission_ids, organization__canton__isnull=False
    ).select_related("organization__canton__province")
    cantons = {p.organization.canton.pk: p.organization.canton for p in participants}
    cantons = sorted(cantons.values(), key=lambda c: c.name)

    per_mission = []
    if len(mission_ids) > 1:
        per_mission = _per_mission(missions)
    return {
        "totals": {
            "missions": len(mission_ids),
            "opportunities": opportunities.count(),
            "interests": interests.count(),
            "referred": referred.count(),
            "approved": interests.filter(status=InterestStatus.APPROVED).count(),
            "projects": projects,
            "recommendations": recommendations.count(),
            "recommendations_without_follow_up": recommendations.filter(
                follow_ups__isnull=True
            ).count(),
            "follow_ups": follow_ups.count(),
        },
        "by_gad": by_gad,
        "by_province": by_province,
        "follow_up_status": follow_up_status,
        "cantons": cantons,
        "canton_geojson_urls": canton_geojson_urls(cantons),
        "per_mission": per_mission,
    }


def _per_mission(missions):
    """One row per mission: opportunities, expressions of interest, approved (grouped queries)."""
    rows = list(missions.order_by("-starts_on", "name").values("pk", "slug", "name", "starts_on"))
    opp = dict(
        Opportunity.objects.filter(meeting__mission__in=missions)
        .values_list("meeting__mission")
        .annotate(n=Count("pk"))
    )
    interest_rows = (
        ExpressionOfInterest.objects.filter(offer__opportunity__meeting__mission__in=missions)
        .values_list("offer__opportunity__meeting__mission")
        .annotate(
            n=Count("pk"),
            approved=Count("pk", filter=Q(status=InterestStatus.APPROVED)),
        )
    )
    interests = {mission: (n, approved) for mission, n, approved in interest_rows}
    for row in rows:
        row["opportunities"] = opp.get(row["pk"], 0)
        row["interests"], row["approved"] = interests.get(row["pk"], (0, 0))
    return rows


def dashboard_missions(user):
    """Missions for the cross-mission dashboard (AME staff: all)."""
    return permissions.visible_to(user)
