"""The demo profiles, needs and expressions of interest: what the flow needs, idempotent, silent."""

import io

import pytest
from django.core import mail

from sioc.accounts import demo as accounts_demo
from sioc.accounts.demo import DEMO_PASSWORD
from sioc.accounts.models import User
from sioc.audit.models import AuditEvent
from sioc.demands import demo
from sioc.demands.choices import InterestStatus, NeedStatus
from sioc.demands.models import ExpressionOfInterest, GadProfile, InterestEvent, Need
from sioc.offers import demo as offers_demo
from sioc.organizations import demo as organizations_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_offers(db):
    organizations_demo.load(actor=None)
    accounts_demo.load(actor=None)
    offers_demo.load(actor=None)


def test_entries_are_well_formed():
    assert 10 <= len(demo.NEEDS) <= 15
    assert 4 <= len(demo.INTERESTS) <= 6
    titles = [(n["gad"], n["title"]) for n in demo.NEEDS]
    assert len(titles) == len(set(titles))
    need_titles = {n["title"] for n in demo.NEEDS}
    assert all(i["need"] in need_titles for i in demo.INTERESTS)
    assert len({n["gad"] for n in demo.NEEDS}) >= 5
    assert {i["status"] for i in demo.INTERESTS} == set(InterestStatus)


def test_load_creates_profiles_needs_and_pipeline_through_the_services(
    demo_offers, django_capture_on_commit_callbacks
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        counts = demo.load(actor=None, stdout=out)
    assert counts == {
        "necesidades_demo": len(demo.NEEDS),
        "expresiones_de_interes_demo": len(demo.INTERESTS),
    }
    assert mail.outbox == []  # loading the demo e-mails nobody
    assert "tecnico@nabon.sioc.demo" in out.getvalue()

    nabon = GadProfile.objects.get(organization__canton__code="0104")
    assert nabon.mayor_name == "Patricio Maldonado"
    assert [n.slug for n in nabon.networks.all()] == ["mercociudades"]
    assert GadProfile.objects.get(organization__canton__code="1101").mayor_name == ""
    water = Need.objects.get(gad__canton__code="0104", title__icontains="estudios de agua potable")
    assert water.status == NeedStatus.ACTIVE
    assert {p.canton.code for p in water.parishes.all()} == {"0104"}
    assert [g.code for g in water.sdgs.all()] == [6]
    assert AuditEvent.objects.filter(content_type__model="need", action="create").count() == len(
        demo.NEEDS
    )

    statuses = dict(ExpressionOfInterest.objects.values_list("offer__code", "status"))
    assert statuses == {i["offer"]: i["status"] for i in demo.INTERESTS}
    giz = ExpressionOfInterest.objects.get(offer__code="GIZ-CIUDADES-INTERMEDIAS")
    assert giz.events.last().actor.email == "puntofocal@giz.sioc.demo"
    assert InterestEvent.objects.filter(party="cooperante").exists()
    # The Nabón water need is still free for the demo flow: no request uses it yet.
    assert not water.interests.exists()

    user = User.objects.get(email="tecnico@nabon.sioc.demo")
    assert user.check_password(DEMO_PASSWORD)
    assert user.memberships.get().organization.canton.code == "0104"


def test_load_twice_writes_nothing(demo_offers):
    demo.load(actor=None)
    events = AuditEvent.objects.count()
    stamps = {
        "profiles": list(GadProfile.objects.values_list("pk", "updated_at")),
        "needs": list(Need.objects.values_list("pk", "updated_at")),
        "interests": list(ExpressionOfInterest.objects.values_list("pk", "updated_at")),
    }
    out = io.StringIO()
    demo.load(actor=None, stdout=out)
    assert AuditEvent.objects.count() == events
    assert stamps == {
        "profiles": list(GadProfile.objects.values_list("pk", "updated_at")),
        "needs": list(Need.objects.values_list("pk", "updated_at")),
        "interests": list(ExpressionOfInterest.objects.values_list("pk", "updated_at")),
    }
    assert (
        "0 perfiles actualizados, 0 necesidades y 0 expresiones de interés nuevas" in out.getvalue()
    )


def test_reload_keeps_what_users_changed(demo_offers):
    from sioc.demands import services

    demo.load(actor=None)
    cuenca = GadProfile.objects.get(organization__canton__code="0101")
    services.update_profile(cuenca, actor=None, pdot_priorities="Prioridades nuevas")
    water = Need.objects.get(gad__canton__code="0104", title__icontains="estudios de agua potable")
    services.update_need(water, actor=None, status=NeedStatus.WITHDRAWN)
    demo.load(actor=None)
    cuenca.refresh_from_db()
    water.refresh_from_db()
    assert cuenca.pdot_priorities == "Prioridades nuevas"
    assert water.status == NeedStatus.WITHDRAWN
