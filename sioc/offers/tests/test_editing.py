"""Creating, editing and reviewing offers; automatic closing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sioc.accounts.tests.factories import OrganizationFactory
from sioc.audit.models import AuditEvent
from sioc.offers import services
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.models import Offer

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def form_data(cooperante, **overrides):
    data = {
        "code": "GIZ-AGUA-2027",
        "cooperante": cooperante.pk,
        "title": "Asistencia técnica para agua potable",
        "summary": "Apoyo a GAD en planes maestros de agua.",
        "modalities": [],
        "is_national": "on",
        "open_to_gad": "on",
        "schedule": Schedule.WINDOW,
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
        "currency": "USD",
        "amount_min": "10000",
        "amount_max": "50000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def focal_org(personas):
    return personas["focal_point"].memberships.get().organization


def test_focal_point_creates_submits_is_returned_fixes_and_ame_publishes(persona_client, focal_org):
    client = persona_client("focal_point")
    response = client.post(reverse("offers:create"), form_data(focal_org))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    offer = Offer.objects.get(code="GIZ-AGUA-2027")
    assert offer.status == OfferStatus.DRAFT
    assert (
        client.post(
            reverse("offers:transition", args=[offer.code]), {"to_status": "published"}
        ).status_code
        == 403
    )
    client.post(reverse("offers:transition", args=[offer.code]), {"to_status": "in_review"})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.IN_REVIEW
    # Invisible to the public while in review.
    assert persona_client("anonymous").get(offer.get_absolute_url()).status_code == 404

    ame = persona_client("ame_officer")
    ame.post(reverse("offers:transition", args=[offer.code]), {"to_status": "draft", "comment": ""})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.IN_REVIEW  # a return needs a comment
    ame.post(
        reverse("offers:transition", args=[offer.code]),
        {"to_status": "draft", "comment": "Indique el monto máximo real."},
    )
    offer.refresh_from_db()
    assert (
        offer.status == OfferStatus.DRAFT
        and offer.review_comment == "Indique el monto máximo real."
    )

    client = persona_client("focal_point")
    page = client.get(reverse("offers:edit", args=[offer.code]))
    version = page.context["form"]["version"].value()
    client.post(
        reverse("offers:edit", args=[offer.code]),
        form_data(focal_org, amount_max="80000", version=version),
    )
    client.post(reverse("offers:transition", args=[offer.code]), {"to_status": "in_review"})
    persona_client("ame_officer").post(
        reverse("offers:transition", args=[offer.code]), {"to_status": "published"}
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED and offer.published_at is not None
    assert offer.amount_max == 80000
    assert Offer.objects.open_on(TODAY).filter(pk=offer.pk).exists()
    notes = [(n.from_status, n.to_status) for n in offer.review_notes.all()]
    assert notes == [
        ("draft", "in_review"),
        ("in_review", "draft"),
        ("draft", "in_review"),
        ("in_review", "published"),
    ]


def test_focal_point_cannot_create_offers_for_another_cooperante(persona_client):
    other = OrganizationFactory(slug="otra", name="Otra agencia")
    response = persona_client("focal_point").post(reverse("offers:create"), form_data(other))
    assert response.status_code == 200
    assert "cooperante" in response.context["form"].errors
    assert not Offer.objects.filter(code="GIZ-AGUA-2027").exists()


def test_invalid_amounts_and_dates_get_spanish_messages(persona_client, focal_org):
    response = persona_client("focal_point").post(
        reverse("offers:create"),
        form_data(
            focal_org,
            amount_min="90000",
            amount_max="-5",
            opens_on="2027-05-01",
            closes_on="2027-01-01",
            counterpart_percent="150",
        ),
    )
    body = response.content.decode()
    assert "El monto no puede ser negativo" in body
    assert "La fecha de cierre debe ser posterior a la de apertura" in body
    assert "Indique un porcentaje entre 0 y 100" in body
    assert not Offer.objects.exists()


def test_second_save_of_a_stale_form_is_a_conflict(persona_client, personas, focal_org):
    offer = services.create_offer(
        actor=None, code="GIZ-1", cooperante=focal_org, title="Original", is_national=True
    )
    stale = (
        persona_client("focal_point")
        .get(reverse("offers:edit", args=[offer.code]))
        .context["form"]["version"]
        .value()
    )
    services.update_offer(offer, actor=personas["ame_officer"], title="Versión de AME")
    response = persona_client("focal_point").post(
        reverse("offers:edit", args=[offer.code]),
        form_data(focal_org, code="GIZ-1", title="Versión del cooperante", version=stale),
    )
    assert response.status_code == 409
    assert "Otra persona guardó esta oferta" in response.content.decode()
    offer.refresh_from_db()
    assert offer.title == "Versión de AME"


def test_focal_point_editing_a_published_offer_sends_it_back_to_review(personas, focal_org):
    offer = services.create_offer(
        actor=None,
        status=OfferStatus.PUBLISHED,
        code="GIZ-2",
        cooperante=focal_org,
        title="Publicada",
    )
    offer = services.update_offer(
        offer, actor=personas["focal_point"], title="Publicada y corregida"
    )
    assert offer.status == OfferStatus.IN_REVIEW
    offer = services.update_offer(offer, actor=personas["ame_officer"], title="Corregida por AME")
    assert offer.status == OfferStatus.IN_REVIEW  # AME's own edits do not change the status


def test_expired_offers_close_by_themselves_and_never_reopen(focal_org):
    past = TODAY - datetime.timedelta(days=1)
    window = services.create_offer(
        actor=None,
        code="W",
        cooperante=focal_org,
        title="Ventana",
        schedule=Schedule.WINDOW,
        opens_on=past - datetime.timedelta(days=30),
        closes_on=past,
    )
    yearly = services.create_offer(
        actor=None,
        code="Y",
        cooperante=focal_org,
        title="Anual",
        schedule=Schedule.YEARLY,
        opens_on=past - datetime.timedelta(days=30),
        closes_on=past,
    )
    permanent = services.create_offer(
        actor=None, code="P", cooperante=focal_org, title="Permanente", schedule=Schedule.PERMANENT
    )
    Offer.objects.filter(pk__in=[window.pk, yearly.pk, permanent.pk]).update(
        status=OfferStatus.PUBLISHED
    )
    # Even before the task runs, a past window is not open.
    assert not Offer.objects.open_on(TODAY).filter(pk=window.pk).exists()
    assert services.close_expired_offers() == {
        "ofertas_cerradas": 1,
        "ofertas_anuales_renovadas": 1,
    }
    window.refresh_from_db()
    yearly.refresh_from_db()
    assert window.status == OfferStatus.CLOSED and window.closed_at is not None
    assert yearly.status == OfferStatus.PUBLISHED and yearly.closes_on == past.replace(
        year=past.year + 1
    )
    assert Offer.objects.get(pk=permanent.pk).status == OfferStatus.PUBLISHED
    assert services.close_expired_offers() == {
        "ofertas_cerradas": 0,
        "ofertas_anuales_renovadas": 0,
    }
    assert (
        not Offer.objects.open_on(TODAY + datetime.timedelta(days=400))
        .filter(pk=window.pk)
        .exists()
    )
    assert AuditEvent.objects.for_object(window).filter(note="Cierre automático").exists()


def test_attachments_must_be_real_pdfs(persona_client, focal_org):
    offer = services.create_offer(
        actor=None, code="GIZ-3", cooperante=focal_org, title="Con adjunto"
    )
    client = persona_client("focal_point")
    fake = SimpleUploadedFile("bases.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("offers:attachment_add", args=[offer.code]),
        {"title": "Bases", "file": fake},
        follow=True,
    )
    assert "El archivo no es un PDF" in response.content.decode()
    assert not offer.attachments.exists()
    real = SimpleUploadedFile(
        "bases.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF",
        content_type="application/pdf",
    )
    client.post(
        reverse("offers:attachment_add", args=[offer.code]), {"title": "Bases", "file": real}
    )
    assert offer.attachments.get().title == "Bases"


def test_review_queue_shows_ame_what_waits(persona_client, focal_org):
    offer = services.create_offer(
        actor=None, code="GIZ-4", cooperante=focal_org, title="Para revisar"
    )
    services.change_status(offer, OfferStatus.IN_REVIEW, actor=None)
    body = persona_client("ame_officer").get(reverse("offers:review_queue")).content.decode()
    assert "Para revisar" in body
    assert persona_client("cuenca_officer").get(reverse("offers:review_queue")).status_code == 403


def test_close_command_prints_counts(capsys):
    from django.core.management import call_command

    call_command("close_expired_offers")
    assert "Ofertas cerradas: 0" in capsys.readouterr().out
