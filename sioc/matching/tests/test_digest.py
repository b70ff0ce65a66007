"""E-mail digests: one Spanish e-mail per GAD, never an offer twice, never an empty e-mail."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from sioc.matching import digest
from sioc.matching.models import DigestDelivery, DigestKind, DigestRun
from sioc.matching.tests import scenario
from sioc.offers.models import Offer

pytestmark = pytest.mark.django_db

WEEKLY = DigestKind.WEEKLY
ON_PUBLICATION = DigestKind.ON_PUBLICATION


@pytest.fixture
def scene(db):
    return scenario.build()


def sent_codes(message):
    return sorted(
        code
        for code in Offer.objects.values_list("code", flat=True)
        if f"/ofertas/{code}/" in message.body
    )


def test_weekly_digest_lists_fitting_offers_with_reasons_and_links(scene, settings):
    settings.SITE_URL = "https://sioc.ame.gob.ec"
    scenario.subscribe(scene.cuenca, WEEKLY)
    report = digest.send_digests(WEEKLY)
    assert report.emails_sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cooperacion@cuenca.gob.ec"]
    assert message.subject == f"SIOC · 2 oportunidades de cooperación para {scene.cuenca.name}"
    assert sent_codes(message) == sorted([scene.fund.code, scene.assistance.code])
    assert f"https://sioc.ame.gob.ec/ofertas/{scene.fund.code}/" in message.body
    assert "Por qué le conviene:" in message.body
    assert "Cierra el " + scene.fund.closes_on.strftime("%d/%m/%Y") in message.body
    assert "Plazo: permanente" in message.body
    assert "https://sioc.ame.gob.ec/coincidencias/calendario/" in message.body
    assert "&quot;" not in message.body and "&#x27;" not in message.body  # plain text
    for trap in scenario.traps(scene):
        assert f"/ofertas/{trap.code}/" not in message.body
    deliveries = DigestDelivery.objects.filter(gad=scene.cuenca)
    assert sorted(d.offer.code for d in deliveries) == sent_codes(message)
    assert all(d.kind == WEEKLY for d in deliveries)


def test_digest_never_repeats_an_offer_and_never_sends_an_empty_email(scene):
    scenario.subscribe(scene.cuenca, WEEKLY)
    digest.send_digests(WEEKLY)
    assert len(mail.outbox) == 1

    # Nothing new: no e-mail at all.
    report = digest.send_digests(WEEKLY)
    assert report.emails_sent == 0 and len(mail.outbox) == 1

    # A new fitting offer: the next e-mail has it, and only it.
    fresh = scenario.water_offer("Nuevo fondo de agua potable", closes_in=40)
    digest.send_digests(WEEKLY)
    assert len(mail.outbox) == 2
    assert sent_codes(mail.outbox[1]) == [fresh.code]
    assert "1 oportunidad de cooperación" in mail.outbox[1].subject

    # And again nothing.
    digest.send_digests(WEEKLY)
    assert len(mail.outbox) == 2
    assert DigestDelivery.objects.filter(gad=scene.cuenca).count() == 3


def test_a_gad_with_nothing_that_fits_gets_no_email(db):
    from sioc.accounts.tests.factories import gad

    scenario.subscribe(gad("1101"), WEEKLY, email="cooperacion@loja.gob.ec")
    report = digest.send_digests(WEEKLY)
    assert report.emails_sent == 0
    assert mail.outbox == []
    assert DigestRun.objects.get().finished_at is not None


def test_only_gads_with_that_frequency_receive_it(scene):
    scenario.subscribe(scene.cuenca, "none")
    digest.send_digests(WEEKLY)
    digest.send_digests(ON_PUBLICATION)
    assert mail.outbox == []
    scenario.subscribe(scene.cuenca, ON_PUBLICATION)
    fresh = scenario.water_offer("Fondo de agua publicado después")
    digest.send_digests(WEEKLY)
    assert mail.outbox == []
    digest.send_digests(ON_PUBLICATION)
    assert len(mail.outbox) == 1
    # Only what was published since the last on-publication run, not the older offers.
    assert sent_codes(mail.outbox[0]) == [fresh.code]


def test_on_publication_sends_only_offers_published_since_the_last_run(scene):
    now = timezone.now()
    # The assistance was published long ago; the fund just now.
    Offer.objects.filter(pk=scene.assistance.pk).update(
        published_at=now - datetime.timedelta(days=30)
    )
    scenario.subscribe(scene.cuenca, ON_PUBLICATION)
    digest.send_digests(ON_PUBLICATION, now=now)  # first run: a day back
    assert sent_codes(mail.outbox[0]) == [scene.fund.code]
    assert "Se publicaron en SIOC ofertas que se ajustan a su GAD" in mail.outbox[0].body

    later = now + datetime.timedelta(hours=1)
    digest.send_digests(ON_PUBLICATION, now=later)
    assert len(mail.outbox) == 1  # nothing published since

    fresh = scenario.water_offer("Fondo de agua recién publicado")
    Offer.objects.filter(pk=fresh.pk).update(published_at=later + datetime.timedelta(minutes=5))
    digest.send_digests(ON_PUBLICATION, now=later + datetime.timedelta(hours=1))
    assert len(mail.outbox) == 2
    assert sent_codes(mail.outbox[1]) == [fresh.code]


def test_switching_frequency_does_not_repeat_offers(scene):
    scenario.subscribe(scene.cuenca, ON_PUBLICATION)
    digest.send_digests(ON_PUBLICATION)
    assert sent_codes(mail.outbox[0]) == sorted([scene.fund.code, scene.assistance.code])
    scenario.subscribe(scene.cuenca, WEEKLY)
    digest.send_digests(WEEKLY)
    assert len(mail.outbox) == 1


def test_a_failed_email_records_nothing_and_is_retried(scene):
    scenario.subscribe(scene.cuenca, WEEKLY)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP caído")):
        report = digest.send_digests(WEEKLY)
    assert report.failed == [scene.cuenca.name]
    assert not DigestDelivery.objects.exists()
    assert DigestRun.objects.get().failures == 1
    digest.send_digests(WEEKLY)
    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.count() == 2


def test_on_publication_after_a_failure_looks_back_to_the_last_complete_run(scene):
    now = timezone.now()
    scenario.subscribe(scene.cuenca, ON_PUBLICATION)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP caído")):
        digest.send_digests(ON_PUBLICATION, now=now)
    # The failed run does not move the window: the next run still finds both offers.
    digest.send_digests(ON_PUBLICATION, now=now + datetime.timedelta(hours=2))
    assert sent_codes(mail.outbox[0]) == sorted([scene.fund.code, scene.assistance.code])


def test_recipients_fall_back_to_the_officer_and_then_the_gad_officers(scene, personas):
    from sioc.demands.services import profile_for, update_profile

    profile = profile_for(scene.cuenca)
    profile = update_profile(
        profile, actor=None, digest_frequency=WEEKLY, officer_email="tecnico@cuenca.ec"
    )
    assert digest.recipients(profile) == ["tecnico@cuenca.ec"]
    profile = update_profile(profile, actor=None, officer_email="")
    assert digest.recipients(profile) == [personas["cuenca_officer"].email]
    digest.send_digests(WEEKLY)
    assert mail.outbox[0].to == [personas["cuenca_officer"].email]


def test_a_gad_without_any_address_is_reported_not_mailed(scene):
    from sioc.demands.services import profile_for, update_profile

    update_profile(profile_for(scene.cuenca), actor=None, digest_frequency=WEEKLY)
    report = digest.send_digests(WEEKLY)
    assert mail.outbox == [] and report.without_recipients == [scene.cuenca.name]
    assert not DigestDelivery.objects.exists()


def test_dry_run_sends_and_records_nothing(scene, capsys):
    scenario.subscribe(scene.cuenca, WEEKLY)
    call_command("send_digests", "--weekly", "--dry-run")
    out = capsys.readouterr().out
    assert scene.fund.code in out and "simulación" in out
    assert mail.outbox == [] and not DigestDelivery.objects.exists()
    assert not DigestRun.objects.exists()


def test_command_weekly_and_on_publication(scene, capsys):
    scenario.subscribe(scene.cuenca, WEEKLY)
    call_command("send_digests", "--weekly")
    assert "Resumen semanal: 1 correo enviado con 2 ofertas." in capsys.readouterr().out
    call_command("send_digests", "--on-publication")
    assert "Aviso al publicarse: 0 correos enviados con 0 ofertas." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_command_without_options_sends_weekly_only_when_due(scene, capsys):
    scenario.subscribe(scene.cuenca, WEEKLY)
    call_command("send_digests")
    assert len(mail.outbox) == 1
    fresh = scenario.water_offer("Otro fondo de agua potable")
    call_command("send_digests")  # a week has not passed
    assert len(mail.outbox) == 1
    DigestRun.objects.filter(kind=WEEKLY).update(
        started_at=timezone.now() - datetime.timedelta(days=7)
    )
    call_command("send_digests")
    assert len(mail.outbox) == 2 and sent_codes(mail.outbox[1]) == [fresh.code]


def test_command_fails_loudly_when_an_email_cannot_be_sent(scene):
    scenario.subscribe(scene.cuenca, WEEKLY)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP caído")),
        pytest.raises(CommandError, match="No se pudo enviar el resumen"),
    ):
        call_command("send_digests", "--weekly")


def test_options_are_exclusive():
    with pytest.raises(CommandError):
        call_command("send_digests", "--weekly", "--on-publication")


def test_two_gads_get_one_email_each(scene):
    from sioc.accounts.tests.factories import gad

    gualaceo = gad("0103")
    scenario.water_need(gualaceo, title="Agua potable para Gualaceo")
    scenario.subscribe(scene.cuenca, WEEKLY)
    scenario.subscribe(gualaceo, WEEKLY, email="cooperacion@gualaceo.gob.ec")
    digest.send_digests(WEEKLY)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "cooperacion@cuenca.gob.ec",
        "cooperacion@gualaceo.gob.ec",
    ]
    assert DigestDelivery.objects.filter(offer=scene.fund).count() == 2
