"""The missions dashboard counts what missions produced."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sioc.demands.choices import InterestStatus
from sioc.demands.services import express_interest, move_interest
from sioc.missions import queries, services
from sioc.missions.choices import FollowUpStatus, MissionStatus, OpportunityKind
from sioc.missions.models import Mission
from sioc.missions.tests import factories

pytestmark = pytest.mark.django_db


def interest(gad_code, offer):
    return express_interest(
        actor=None,
        gad=factories.gad(gad_code),
        offer=offer,
        justification="Interés",
        contact_name="Técnico",
        contact_email="t@ejemplo.ec",
        notify=False,
    )


def advance(item, *steps):
    for step in steps:
        item = move_interest(item, step, actor=None, party="ame", notify=False)
    return item


@pytest.fixture
def produced():
    mission = factories.mission(gads=("0101", "1101"))
    meeting = factories.meeting(mission)
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    first = services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.TRAINING,
        counterpart=factories.counterpart_org(),
        title="Curso",
        deadline=deadline,
    )
    second = services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.TWINNING,
        counterpart=factories.counterpart_org(),
        title="Hermanamiento",
    )
    # Cuenca (Azuay) twice, Gualaceo (Azuay) and Loja (Loja) once each.
    interest("0101", first.offer)
    advance(
        interest("0101", second.offer),
        InterestStatus.IN_REVIEW,
        InterestStatus.REFERRED,
        InterestStatus.NEGOTIATION,
        InterestStatus.APPROVED,
    )
    advance(interest("0102", first.offer), InterestStatus.IN_REVIEW, InterestStatus.REFERRED)
    stopped = advance(interest("1101", second.offer), InterestStatus.IN_REVIEW)
    advance(stopped, InterestStatus.REFERRED)
    move_interest(
        stopped.__class__.objects.get(pk=stopped.pk),
        InterestStatus.NOT_PURSUED,
        actor=None,
        party="ame",
        reason="not_eligible",
        notify=False,
    )
    rec = services.add_recommendation(meeting, actor=None, text="Crear una oficina")
    services.add_recommendation(meeting, actor=None, text="Sin seguimiento")
    done = services.add_follow_up(rec, actor=None, description="Oficio", responsible="AME")
    services.change_follow_up_status(done, FollowUpStatus.DONE, actor=None)
    services.add_follow_up(rec, actor=None, description="Taller", responsible="AME")
    other = factories.mission()  # a mission with nothing: must not change the numbers above
    factories.meeting(other)
    return mission


def test_numbers_of_one_mission(produced):
    data = queries.dashboard(Mission.objects.filter(pk=produced.pk))
    totals = data["totals"]
    assert totals["opportunities"] == 2
    assert totals["interests"] == 4
    assert totals["referred"] == 3  # including the one stopped after referral
    assert totals["approved"] == 1
    assert totals["projects"] == 0
    assert totals["recommendations"] == 2
    assert totals["recommendations_without_follow_up"] == 1
    assert {r["gad__slug"]: r["n"] for r in data["by_gad"]}["gad-0101-cuenca"] == 2
    assert {r["gad__canton__province__name"]: r["n"] for r in data["by_province"]} == {
        "Azuay": 3,
        "Loja": 1,
    }
    statuses = {r["status"]: r["n"] for r in data["follow_up_status"]}
    assert statuses == {"pending": 1, "in_progress": 0, "done": 1, "dropped": 0}
    assert [c.code for c in data["cantons"]] == ["0101", "1101"]


def test_across_missions_page(produced, persona_client):
    html = persona_client("ame_officer").get(reverse("missions:dashboard")).content.decode()
    assert 'id="cifra-oportunidades">2<' in html
    assert 'id="cifra-interes">4<' in html
    assert 'id="cifra-remitidas">3<' in html
    assert 'id="cifra-acuerdos">1<' in html
    assert produced.name in html


def test_participating_gad_sees_its_mission_dashboard(produced, persona_client):
    url = reverse("missions:mission_dashboard", args=[produced.slug])
    response = persona_client("cuenca_officer").get(url)
    assert response.status_code == 200
    assert 'id="cifra-interes">4<' in response.content.decode()
    assert persona_client("focal_point").get(url).status_code == 403
    draft = factories.mission(status=MissionStatus.PLANNED, gads=("1101",))
    url = reverse("missions:mission_dashboard", args=[draft.slug])
    assert persona_client("cuenca_officer").get(url).status_code == 404


def test_dashboard_counts_projects_through_the_offer(produced):
    from django.apps import apps

    project_model = apps.get_model("projects", "Project")
    offer = produced.meetings.get().opportunities.first().offer
    field_names = {f.name for f in project_model._meta.get_fields()}
    assert "origin_offer" in field_names
    data = queries.dashboard(Mission.objects.filter(pk=produced.pk))
    assert data["totals"]["projects"] == offer.projects.count()
