"""The demo missions: AME's four events, idempotent, their opportunities published offers."""

import io

import pytest

from sioc.accounts import demo as accounts_demo
from sioc.audit.models import AuditEvent
from sioc.demands.models import ExpressionOfInterest
from sioc.missions import demo
from sioc.missions.choices import MissionKind, MissionStatus
from sioc.missions.models import (
    Counterpart,
    FollowUpAction,
    Meeting,
    Mission,
    Opportunity,
    Panel,
    Participant,
    Recommendation,
    Speaker,
)
from sioc.missions.reports import build_report
from sioc.offers import demo as offers_demo
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.organizations import demo as organizations_demo
from sioc.organizations.models import Organization

pytestmark = pytest.mark.django_db

MODELS = (Mission, Participant, Meeting, Counterpart, Recommendation, FollowUpAction, Panel)


@pytest.fixture
def demo_offers(db):
    organizations_demo.load(actor=None)
    accounts_demo.load(actor=None)
    offers_demo.load(actor=None)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (*MODELS, Speaker, Opportunity, Offer, AuditEvent)
    }


def test_load_creates_the_four_missions(demo_offers):
    out = io.StringIO()
    assert demo.load(actor=None, stdout=out) == {
        "misiones_demo": 4,
        "interes_en_oportunidades_demo": 4,
    }
    assert "4 nuevas" in out.getvalue()
    # GADs took up opportunities: the mission dashboard has requests to show.
    interests = ExpressionOfInterest.objects.filter(offer__opportunity__isnull=False)
    assert interests.count() == 4
    assert set(interests.values_list("status", flat=True)) == {
        "submitted",
        "in_review",
        "referred",
        "approved",
    }

    missions = {m.slug: m for m in Mission.objects.all()}
    assert set(missions) == {
        "agenda-el-salvador-2024",
        "agenda-bogota-2025",
        "buro-flacma-2025",
        "asamblea-latacunga-2024",
    }
    assert all(m.status == MissionStatus.PUBLISHED for m in missions.values())

    salvador = missions["agenda-el-salvador-2024"]
    assert salvador.country == "SV"
    assert str(salvador.starts_on) == "2024-09-09" and str(salvador.ends_on) == "2024-09-14"
    assert {
        p.organization.canton.code for p in salvador.participants.filter(role="gad_authority")
    } == {
        "0104",
        "2203",
        "1803",
    }
    assert salvador.meetings.filter(title__icontains="OPAMSS").exists()

    bogota = missions["agenda-bogota-2025"]
    assert bogota.meetings.filter(title__icontains="Manzanas del Cuidado").exists()
    assert bogota.meetings.filter(counterparts__organization__slug="fcm").exists()

    latacunga = missions["asamblea-latacunga-2024"]
    assert latacunga.kind == MissionKind.NATIONAL_ASSEMBLY
    assert latacunga.panels.count() == 4
    assert all(p.moderator and p.speakers.exists() for p in latacunga.panels.all())
    assert FollowUpAction.objects.filter(
        recommendation__meeting__mission=latacunga, description__icontains="Guía"
    ).exists()
    assert missions["buro-flacma-2025"].kind == MissionKind.INTERNATIONAL_EVENT

    # Every opportunity is a published catalogue offer of its counterpart organisation.
    opportunities = Opportunity.objects.select_related("offer", "counterpart")
    assert opportunities.count() >= 15
    for opportunity in opportunities:
        assert opportunity.offer.status == OfferStatus.PUBLISHED
        assert opportunity.offer.cooperante_id == opportunity.counterpart_id


def test_load_twice_changes_nothing(demo_offers):
    demo.load(actor=None)
    before = counts()
    stamps = list(Mission.objects.values_list("pk", "updated_at"))
    out = io.StringIO()
    assert demo.load(actor=None, stdout=out)["interes_en_oportunidades_demo"] == 0
    assert counts() == before
    assert list(Mission.objects.values_list("pk", "updated_at")) == stamps
    assert "0 nuevas, 0 actualizadas" in out.getvalue()


def test_reload_restores_demo_text_and_keeps_users_additions(demo_offers):
    from sioc.missions import services

    demo.load(actor=None)
    bogota = Mission.objects.get(slug="agenda-bogota-2025")
    services.update_mission(bogota, actor=None, objective="Cambiado")
    loja = Organization.objects.get(kind="gad_municipal", canton__code="1101")
    services.add_participant(bogota, actor=None, organization=loja, person_name="Técnica de Loja")
    services.change_mission_status(bogota, MissionStatus.SYSTEMATISED, actor=None)
    demo.load(actor=None)
    bogota.refresh_from_db()
    assert bogota.objective != "Cambiado"
    assert bogota.participants.filter(person_name="Técnica de Loja").exists()
    assert bogota.status == MissionStatus.SYSTEMATISED  # status is the users' to change


def test_opportunity_offers_are_created_when_the_catalogue_demo_is_absent(db):
    organizations_demo.load(actor=None)
    demo.load(actor=None)
    offer = Offer.objects.get(code="OPAMSS-AT-PLANIFICACION")
    assert offer.status == OfferStatus.PUBLISHED
    assert offer.opportunity.meeting.mission.slug == "agenda-el-salvador-2024"


def test_demo_reports_generate(demo_offers):
    demo.load(actor=None)
    for mission in Mission.objects.all():
        assert build_report(mission, "pdf", base_url="https://sioc.example/").startswith(b"%PDF")
