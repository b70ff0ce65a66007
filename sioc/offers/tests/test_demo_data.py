"""The demo offers: real, well-formed, idempotent, and what the catalogue needs to be shown."""

import datetime
import io

import pytest
from django.core.management import call_command

from sioc.accounts import demo as accounts_demo
from sioc.accounts.models import User
from sioc.audit.models import AuditEvent
from sioc.offers import demo, permissions
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.models import Offer, ReviewNote
from sioc.offers.services import update_offer
from sioc.organizations import demo as organizations_demo
from sioc.territory.models import Canton

TODAY = datetime.date(2026, 11, 21)


def test_entries_are_well_formed():
    codes = [entry["code"] for entry in demo.OFFERS]
    assert len(codes) >= 60
    assert len(codes) == len(set(codes))
    for entry in demo.OFFERS:
        assert entry["title"].strip() and entry["summary"].strip(), entry["code"]
        assert entry["description"].strip() and entry["how"].strip(), entry["code"]
        assert entry["modalities"] and entry["sdgs"] and entry["competencies"], entry["code"]
        assert not entry.get("url") or entry["url"].startswith("https://"), entry["code"]
        datetime.date.fromisoformat(entry["verified"])


def test_demo_mixes_statuses_schedules_and_stale_verifications():
    statuses = [entry.get("status", OfferStatus.PUBLISHED) for entry in demo.OFFERS]
    assert statuses.count(OfferStatus.PUBLISHED) > len(statuses) * 0.8
    assert {OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.CLOSED} <= set(statuses)
    not_public = {e["org"] for e in demo.OFFERS if e.get("status") in ("draft", "in_review")}
    assert not_public == {"giz", "koica"}  # the organisations of the demo focal points
    kinds = {demo.schedule_dates(e["when"], TODAY)[0] for e in demo.OFFERS}
    assert kinds == set(Schedule)
    limit = TODAY - datetime.timedelta(days=366)
    assert sum(datetime.date.fromisoformat(e["verified"]) < limit for e in demo.OFFERS) >= 3


def test_yearly_calls_get_their_next_window():
    assert demo.schedule_dates(("yearly", (1, 15), (3, 31)), TODAY) == (
        Schedule.YEARLY,
        datetime.date(2027, 1, 15),
        datetime.date(2027, 3, 31),
    )
    # In progress: this year's window is kept.
    assert demo.schedule_dates(("yearly", (11, 1), (11, 30)), TODAY)[1:] == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 30),
    )
    # A window across the new year.
    assert demo.schedule_dates(("yearly", (10, 1), (2, 28)), TODAY)[1:] == (
        datetime.date(2026, 10, 1),
        datetime.date(2027, 2, 28),
    )


@pytest.fixture
def demo_cooperantes(db):
    organizations_demo.load(actor=None)
    accounts_demo.load(actor=None)


@pytest.mark.django_db
def test_load_creates_every_offer_through_the_services(demo_cooperantes):
    out = io.StringIO()

    assert demo.load(actor=None, stdout=out) == {"ofertas_demo": len(demo.OFFERS)}

    assert Offer.objects.count() == len(demo.OFFERS)
    assert "Ofertas de demostración" in out.getvalue()
    # Every offer was audited at creation.
    assert AuditEvent.objects.filter(content_type__model="offer", action="create").count() == len(
        demo.OFFERS
    )
    credit = Offer.objects.get(code="BDE-CREDITO-AGUA")
    assert credit.is_reimbursable
    assert Offer.objects.get(code="APC-JAPON-2027").amount_max == 10_000_000
    assert Offer.objects.get(code="APC-JAPON-2027").currency_id == "JPY"
    assert not Offer.objects.get(code="BDE-AUSTRO-AGUA").is_national
    assert Offer.objects.get(code="ONUHABITAT-CPI").possibly_outdated


@pytest.mark.django_db
def test_load_twice_changes_nothing_and_records_no_audit_events(demo_cooperantes):
    demo.load(actor=None)
    events = AuditEvent.objects.count()
    notes = ReviewNote.objects.count()
    stamps = dict(Offer.objects.values_list("code", "updated_at"))

    out = io.StringIO()
    demo.load(actor=None, stdout=out)

    assert AuditEvent.objects.count() == events
    assert ReviewNote.objects.count() == notes
    assert dict(Offer.objects.values_list("code", "updated_at")) == stamps
    assert "0 nuevas, 0 actualizadas" in out.getvalue()


@pytest.mark.django_db
def test_reload_restores_an_edited_published_offer_without_sending_it_to_review(
    demo_cooperantes,
):
    demo.load(actor=None)
    offer = Offer.objects.get(code="CAF-AT-AGUA-2026")
    officer = User.objects.get(email="oficial@ame.sioc.demo")
    update_offer(offer, actor=officer, title="Título cambiado")
    events = AuditEvent.objects.count()

    demo.load(actor=None)

    offer.refresh_from_db()
    assert offer.title.startswith("Asistencia técnica no reembolsable de CAF")
    assert offer.status == OfferStatus.PUBLISHED
    assert AuditEvent.objects.count() == events + 1


@pytest.mark.django_db
def test_review_flow_is_ready_to_demo(demo_cooperantes):
    demo.load(actor=None)

    in_review = Offer.objects.get(code="GIZ-MOVILIDAD-2027")
    assert in_review.status == OfferStatus.IN_REVIEW
    assert in_review.review_notes.get().author.email == "puntofocal@giz.sioc.demo"
    returned = Offer.objects.get(code="GIZ-ECONOMIA-CIRCULAR")
    assert returned.status == OfferStatus.DRAFT
    assert "plazo" in returned.review_comment
    assert Offer.objects.get(code="SIPP-APP-ASESORIA").status == OfferStatus.CLOSED


@pytest.mark.django_db
def test_anonymous_visitors_see_published_and_closed_offers_only(demo_cooperantes):
    demo.load(actor=None)
    from django.contrib.auth.models import AnonymousUser

    visible = permissions.visible_to(AnonymousUser())
    expected = sum(e.get("status", "published") in ("published", "closed") for e in demo.OFFERS)
    assert visible.count() == expected
    assert not visible.filter(code="KOICA-RESIDUOS-2027").exists()
    assert Offer.objects.published().count() > 60 * 0.8


@pytest.mark.django_db
def test_technical_assistance_for_drinking_water_covers_cuenca(demo_cooperantes):
    demo.load(actor=None)
    cuenca = Canton.objects.get(code="0101")

    offers = (
        Offer.objects.open_on()
        .covering_canton(cuenca)
        .filter(modalities__code="technical_assistance", competencies__code="d")
        .filter(title__icontains="agua potable")
        .distinct()
    )

    assert offers.count() >= 3
    assert offers.filter(is_national=False).exists()  # BDE's Austro office covers Azuay
    loja = Canton.objects.get(code="1101")
    assert offers.filter(is_national=True).covering_canton(loja).count() >= 2


@pytest.mark.django_db
def test_load_demo_data_command_loads_the_offers():
    call_command("load_demo_data", verbosity=0)

    assert Offer.objects.count() == len(demo.OFFERS)


@pytest.mark.django_db
def test_a_gad_officer_finds_technical_assistance_for_drinking_water_in_cuenca(demo_cooperantes):
    from sioc.offers.filters import OfferFilterSet

    demo.load(actor=None)
    query = {"q": "asistencia técnica para agua potable", "canton": "0101"}

    found = list(OfferFilterSet(query, queryset=Offer.objects.all()).qs)

    assert len(found) >= 3, [o.code for o in found]
    top = found[:3]
    assert all(o.modalities.filter(code="technical_assistance").exists() for o in top)


@pytest.mark.django_db
def test_some_calls_close_soon(demo_cooperantes):
    demo.load(actor=None)

    assert Offer.objects.closing_within(30).exists()
    assert Offer.objects.closing_within(90).count() >= 3
