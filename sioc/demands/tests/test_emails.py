"""Every step of an expression of interest e-mails, in Spanish, the people concerned."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from sioc.accounts.tests.factories import MembershipFactory, UserFactory
from sioc.common.roles import Role
from sioc.demands import services
from sioc.demands.choices import InterestStatus
from sioc.demands.tests.factories import gad
from sioc.offers.tests.factories import offer

pytestmark = pytest.mark.django_db

GAD = {"cuenca.officer@ejemplo.ec", "autoridad@cuenca.ec", "contacto@cuenca.ec"}
AME = {"ame.admin@ejemplo.ec", "ame.officer@ejemplo.ec"}
COOPERANTE = {"focal.point@ejemplo.ec"}


@pytest.fixture
def setting(personas):
    cuenca = gad("0101")
    MembershipFactory(
        user=UserFactory(email="autoridad@cuenca.ec"), organization=cuenca, role=Role.GAD_AUTHORITY
    )
    focal_org = personas["focal_point"].memberships.get().organization
    item = offer(focal_org, title="Asistencia técnica en agua potable", code="GIZ-AGUA-2027")
    return cuenca, item


def recipients():
    return {address for message in mail.outbox for address in message.to}


def express(cuenca, item, actor):
    return services.express_interest(
        actor=actor,
        gad=cuenca,
        offer=item,
        justification="Necesitamos estudios.",
        contact_name="Contacto",
        contact_email="contacto@cuenca.ec",
    )


def step(interest, to_status, party, actor=None, **kwargs):
    mail.outbox.clear()
    return services.move_interest(interest, to_status, actor=actor, party=party, **kwargs)


def test_each_step_emails_the_right_people_in_spanish(
    setting, personas, django_capture_on_commit_callbacks
):
    cuenca, item = setting
    with django_capture_on_commit_callbacks(execute=True):
        interest = express(cuenca, item, personas["cuenca_officer"])
    assert recipients() == GAD | AME  # AME must triage; the cooperante hears nothing yet
    message = mail.outbox[0]
    assert (
        message.subject
        == "SIOC · Expresión de interés: Enviada · Asistencia técnica en agua potable"
    )
    assert (
        "Expresión de interés de GAD Municipal de Cuenca en «Asistencia técnica en agua potable»"
        in message.body
    )
    assert "Nuevo estado: Enviada." in message.body
    assert reverse("demands:interest_detail", args=[interest.pk]) in message.body
    assert all(len(m.to) == 1 for m in mail.outbox)  # nobody sees the other addresses

    expected = [
        (InterestStatus.IN_REVIEW, "ame", GAD),
        (InterestStatus.REFERRED, "ame", GAD | COOPERANTE),
        (InterestStatus.NEGOTIATION, "cooperante", GAD | AME | COOPERANTE),
        (InterestStatus.APPROVED, "cooperante", GAD | AME | COOPERANTE),
    ]
    for to_status, party, people in expected:
        with django_capture_on_commit_callbacks(execute=True):
            interest = step(interest, to_status, party, comment=f"Paso {to_status}")
        assert recipients() == people, to_status
        body = mail.outbox[0].body
        assert f"Nuevo estado: {InterestStatus(to_status).label}." in body
        assert f"Comentario: Paso {to_status}" in body


def test_stopped_before_referral_does_not_reach_the_cooperante(
    setting, personas, django_capture_on_commit_callbacks
):
    cuenca, item = setting
    with django_capture_on_commit_callbacks(execute=True):
        interest = express(cuenca, item, personas["cuenca_officer"])
    with django_capture_on_commit_callbacks(execute=True):
        interest = step(interest, InterestStatus.NOT_PURSUED, "ame", reason="duplicate")
    assert recipients() == GAD | AME
    assert "Motivo: Duplicada" in mail.outbox[0].body


def test_stopped_after_referral_reaches_the_cooperante(
    setting, personas, django_capture_on_commit_callbacks
):
    cuenca, item = setting
    interest = express(cuenca, item, personas["cuenca_officer"])
    interest = step(interest, InterestStatus.IN_REVIEW, "ame")
    interest = step(interest, InterestStatus.REFERRED, "ame")
    with django_capture_on_commit_callbacks(execute=True):
        interest = step(interest, InterestStatus.NOT_PURSUED, "gad", reason="gad_withdrew")
    assert recipients() == GAD | AME | COOPERANTE
    assert "Motivo: El GAD se retiró" in mail.outbox[0].body


def test_no_email_when_the_step_fails(setting, personas, django_capture_on_commit_callbacks):
    cuenca, item = setting
    with django_capture_on_commit_callbacks(execute=True):
        interest = express(cuenca, item, personas["cuenca_officer"])
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        services.move_interest(interest, InterestStatus.APPROVED, actor=None, party="ame")
    assert callbacks == [] and mail.outbox == []


def test_emails_are_sent_only_after_commit(setting, personas, django_capture_on_commit_callbacks):
    cuenca, item = setting
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        express(cuenca, item, personas["cuenca_officer"])
    assert mail.outbox == [] and len(callbacks) == 1


def test_through_the_pages(setting, persona_client, django_capture_on_commit_callbacks):
    cuenca, item = setting
    client = persona_client("cuenca_officer")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("demands:interest_create", args=[item.code]),
            {
                "gad": cuenca.slug,
                "justification": "Necesitamos estudios.",
                "contact_name": "Carmen",
                "contact_email": "contacto@cuenca.ec",
            },
        )
    assert recipients() == GAD | AME
