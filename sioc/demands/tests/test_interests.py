"""Expressions of interest: the offer-page button, the form, the pipeline page and the lists."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sioc.accounts.tests.factories import MembershipFactory
from sioc.audit.models import AuditEvent
from sioc.common.roles import Role
from sioc.demands import queries, services
from sioc.demands.choices import InterestStatus, NeedStatus
from sioc.demands.models import ExpressionOfInterest, InterestEvent
from sioc.demands.tests.factories import gad, interest, need
from sioc.offers.choices import OfferStatus
from sioc.offers.tests.factories import offer

pytestmark = pytest.mark.django_db

XSS = "<script>alert('x')</script>"


@pytest.fixture
def cuenca():
    return gad("0101")


@pytest.fixture
def focal_org(personas):
    return personas["focal_point"].memberships.get().organization


@pytest.fixture
def water_offer(focal_org):
    return offer(
        focal_org, code="GIZ-AGUA-2027", title="Asistencia técnica en agua potable", closes_in=60
    )


def button(client, code):
    return (
        client.get(reverse("demands:offer_interest_button", args=[code])).content.decode().strip()
    )


# --- the button on the offer page ----------------------------------------------------------


def test_button_for_gad_officers_only(persona_client, water_offer, cuenca):
    create_url = reverse("demands:interest_create", args=[water_offer.code])
    assert create_url in button(persona_client("cuenca_officer"), water_offer.code)
    for name in ("anonymous", "ame_officer", "focal_point"):
        assert button(persona_client(name), water_offer.code) == ""
    interest(water_offer, cuenca, status=InterestStatus.IN_REVIEW)
    html = button(persona_client("cuenca_officer"), water_offer.code)
    assert "ya expresó interés: estado «En revisión de AME»" in html and create_url not in html
    # Another GAD can still express interest.
    assert create_url in button(persona_client("loja_officer"), water_offer.code)


def test_button_explains_closed_offers(persona_client, focal_org):
    closed = offer(focal_org, closes_in=-3)
    html = button(persona_client("cuenca_officer"), closed.code)
    assert "La convocatoria no está abierta" in html
    assert reverse("demands:interest_create", args=[closed.code]) not in html


# --- expressing interest -------------------------------------------------------------------


def test_officer_expresses_interest_with_a_need(persona_client, water_offer, cuenca, personas):
    own = need(cuenca, title="Agua para Baños")
    need(gad("1101"), title="Necesidad de Loja")
    client = persona_client("cuenca_officer")
    url = reverse("demands:interest_create", args=[water_offer.code])
    response = client.get(url + f"?necesidad={own.pk}")
    form = response.context["form"]
    assert form["contact_email"].value() == "cuenca.officer@ejemplo.ec"
    assert form["contact_name"].value() == "Carmen Cuenca"
    assert form["need"].value() == own.pk
    assert [n.title for n in form.fields["need"].queryset] == ["Agua para Baños"]
    response = client.post(
        url,
        {
            "gad": cuenca.slug,
            "need": own.pk,
            "justification": "Necesitamos los diseños.",
            "contact_name": "Carmen Cuenca",
            "contact_email": "cuenca.officer@ejemplo.ec",
            "contact_phone": "07 000 0000",
        },
    )
    item = ExpressionOfInterest.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.status == InterestStatus.SUBMITTED and item.need == own and item.gad == cuenca
    event = item.events.get()
    assert event.to_status == InterestStatus.SUBMITTED and event.party == "gad"
    assert event.actor == personas["cuenca_officer"]
    assert AuditEvent.objects.filter(object_id=str(item.pk), action="create").exists()
    # A second request while the first is open: the page says so and offers no form.
    response = client.get(url)
    assert "form" not in response.context
    assert "ya expresó interés en esta oferta" in response.content.decode()
    response = client.post(url, {"justification": "Otra vez"})
    assert ExpressionOfInterest.objects.count() == 1


def test_spanish_validation_and_tampering(persona_client, water_offer, cuenca):
    foreign = need(gad("1101"))
    client = persona_client("cuenca_officer")
    url = reverse("demands:interest_create", args=[water_offer.code])
    response = client.post(url, {"gad": cuenca.slug, "justification": "", "contact_email": "x"})
    html = response.content.decode()
    assert "Este campo es requerido." in html
    assert "Introduzca una dirección de correo electrónico válida." in html
    response = client.post(
        url,
        {
            "gad": gad("1101").slug,
            "need": foreign.pk,
            "justification": "x",
            "contact_name": "a",
            "contact_email": "a@ejemplo.ec",
        },
    )
    assert "Escoja una opción válida" in response.content.decode()
    response = client.post(
        url,
        {
            "gad": cuenca.slug,
            "justification": "x" * 4001,
            "contact_name": "a",
            "contact_email": "a@ejemplo.ec",
        },
    )
    assert "Asegúrese de que este valor tenga menos de 4000 caracteres" in response.content.decode()
    assert not ExpressionOfInterest.objects.exists()


def test_offers_that_are_not_open_say_so(persona_client, focal_org):
    client = persona_client("cuenca_officer")
    closed = offer(focal_org, closes_in=-1)
    html = client.get(reverse("demands:interest_create", args=[closed.code])).content.decode()
    assert "Esta oferta no está abierta" in html
    response = client.post(
        reverse("demands:interest_create", args=[closed.code]),
        {"justification": "x", "contact_name": "a", "contact_email": "a@ejemplo.ec"},
    )
    assert response.status_code == 200 and not ExpressionOfInterest.objects.exists()
    not_for_gads = offer(focal_org, open_to_gad=False, open_to_others=True)
    html = client.get(reverse("demands:interest_create", args=[not_for_gads.code])).content.decode()
    assert "no admite postulaciones de GAD municipales" in html
    with pytest.raises(ValidationError):
        services.express_interest(
            actor=None,
            gad=gad("0101"),
            offer=not_for_gads,
            justification="x",
            contact_name="a",
            contact_email="a@ejemplo.ec",
        )
    assert client.get(reverse("demands:interest_create", args=["NO-EXISTE"])).status_code == 404


# --- the pipeline page ---------------------------------------------------------------------


def test_pipeline_through_the_pages(persona_client, water_offer, cuenca):
    item = interest(water_offer, cuenca, justification=XSS)
    url = item.get_absolute_url()
    move = reverse("demands:interest_move", args=[item.pk])

    html = persona_client("cuenca_officer").get(url).content.decode()
    assert XSS not in html and "&lt;script&gt;" in html
    assert "Retirar la solicitud" in html and "Tomar en revisión" not in html

    ame = persona_client("ame_officer")
    assert "Tomar en revisión" in ame.get(url).content.decode()
    assert (
        ame.post(move, {"to_status": "in_review", "comment": "Revisando requisitos"}).status_code
        == 302
    )
    ame.post(move, {"to_status": "referred", "comment": XSS})
    item.refresh_from_db()
    assert item.status == InterestStatus.REFERRED

    focal = persona_client("focal_point")
    html = focal.get(url).content.decode()
    assert "Pasar a negociación" in html and XSS not in html
    focal.post(move, {"to_status": "negotiation", "comment": "Reunión el lunes"})
    item.refresh_from_db()
    assert item.status == InterestStatus.NEGOTIATION

    html = persona_client("cuenca_officer").get(url).content.decode()
    for text in (
        "Revisando requisitos",
        "Reunión el lunes",
        "Óscar Oficial",
        "Fiona Focal",
        "(AME)",
        "(cooperante)",
    ):
        assert text in html
    assert re.search(r'aria-current="step">\s*En negociación', html)
    events = list(item.events.values_list("from_status", "to_status", "party"))
    assert events == [
        ("", "submitted", "gad"),
        ("submitted", "in_review", "ame"),
        ("in_review", "referred", "ame"),
        ("referred", "negotiation", "cooperante"),
    ]


def test_not_pursued_needs_a_reason_of_the_party(persona_client, water_offer, cuenca):
    item = interest(water_offer, cuenca, status=InterestStatus.REFERRED)
    move = reverse("demands:interest_move", args=[item.pk])
    focal = persona_client("focal_point")
    response = focal.post(move, {"to_status": "not_pursued", "comment": "Lo que escribí"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indique el motivo por el que no continúa." in html and "Lo que escribí" in html
    response = focal.post(move, {"to_status": "not_pursued", "reason": "duplicate"})
    assert response.status_code == 400
    assert "Ese motivo no corresponde a su rol." in response.content.decode()
    item.refresh_from_db()
    assert item.status == InterestStatus.REFERRED
    focal.post(move, {"to_status": "not_pursued", "reason": "cooperante_declined"})
    item.refresh_from_db()
    assert (item.status, item.reason) == (InterestStatus.NOT_PURSUED, "cooperante_declined")
    assert (
        "El cooperante declinó"
        in persona_client("cuenca_officer").get(item.get_absolute_url()).content.decode()
    )


def test_gad_withdraws_with_its_only_reason(persona_client, water_offer, cuenca):
    item = interest(water_offer, cuenca)
    client = persona_client("cuenca_officer")
    form = client.get(item.get_absolute_url()).context["action_forms"][0]
    assert [value for value, _label in form.fields["reason"].choices if value] == ["gad_withdrew"]
    client.post(
        reverse("demands:interest_move", args=[item.pk]),
        {"to_status": "not_pursued", "reason": "gad_withdrew", "comment": "Ya no aplica"},
    )
    item.refresh_from_db()
    assert item.status == InterestStatus.NOT_PURSUED


def test_steps_not_allowed(persona_client, water_offer, cuenca):
    item = interest(water_offer, cuenca)
    move = reverse("demands:interest_move", args=[item.pk])
    # The GAD may not take AME's step: 403.
    assert (
        persona_client("cuenca_officer").post(move, {"to_status": "in_review"}).status_code == 403
    )
    # A step that does not exist from here, or garbage: a message, nothing changes.
    ame = persona_client("ame_officer")
    for bogus in ("approved", "no-existe", ""):
        response = ame.post(move, {"to_status": bogus}, follow=True)
        assert response.status_code == 200
        assert (
            "Esa acción no es posible en el estado actual de la solicitud"
            in response.content.decode()
        )
    item.refresh_from_db()
    assert item.status == InterestStatus.SUBMITTED
    # An ended request offers no step at all.
    ame.post(move, {"to_status": "not_pursued", "reason": "duplicate"})
    assert ame.post(move, {"to_status": "in_review"}).status_code == 403
    assert (
        persona_client("ame_officer")
        .get(reverse("demands:interest_detail", args=[999999]))
        .status_code
        == 404
    )


def test_stale_page_gets_a_message(persona_client, water_offer, cuenca):
    """Two AME officers act at once: the second one is told, nothing breaks."""
    item = interest(water_offer, cuenca)
    services.move_interest(item, InterestStatus.IN_REVIEW, actor=None, party="ame")
    stale = ExpressionOfInterest.objects.get(pk=item.pk)
    stale.status = InterestStatus.SUBMITTED  # what the second officer's page still shows
    with pytest.raises(ValidationError):
        services.move_interest(stale, InterestStatus.IN_REVIEW, actor=None, party="ame")


def test_a_user_playing_several_parties_acts_as_ame_first(
    persona_client, personas, water_offer, cuenca
):
    MembershipFactory(user=personas["ame_officer"], organization=cuenca, role=Role.GAD_OFFICER)
    item = interest(water_offer, cuenca)
    client = persona_client("ame_officer")
    actions = {
        f.action["to"]: f.action
        for f in client.get(item.get_absolute_url()).context["action_forms"]
    }
    assert actions["not_pursued"]["party"] == "ame"
    assert len(actions["not_pursued"]["reasons"]) == 5
    client.post(
        reverse("demands:interest_move", args=[item.pk]),
        {"to_status": "not_pursued", "reason": "duplicate"},
    )
    assert InterestEvent.objects.filter(interest=item, to_status="not_pursued").get().party == "ame"


def test_need_link_only_for_those_who_see_the_need(persona_client, water_offer, cuenca):
    draft = need(cuenca, title="Borrador ligado", status=NeedStatus.DRAFT)
    item = interest(water_offer, cuenca, need=draft, status=InterestStatus.REFERRED)
    html = persona_client("focal_point").get(item.get_absolute_url()).content.decode()
    assert "Borrador ligado" in html and draft.get_absolute_url() not in html
    html = persona_client("cuenca_officer").get(item.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() in html


# --- lists ---------------------------------------------------------------------------------


def test_my_requests(persona_client, water_offer, focal_org, cuenca):
    interest(water_offer, cuenca, status=InterestStatus.REFERRED)
    interest(
        offer(focal_org, title="Oferta cerrada después"), cuenca, status=InterestStatus.NOT_PURSUED
    )
    interest(offer(focal_org, title="Oferta de Loja"), gad("1101"))
    response = persona_client("cuenca_officer").get(reverse("demands:my_interests"))
    assert [i.offer.title for i in response.context["open"]] == [
        "Asistencia técnica en agua potable"
    ]
    assert [i.offer.title for i in response.context["closed"]] == ["Oferta cerrada después"]
    assert "Oferta de Loja" not in response.content.decode()


def test_referred_list_shows_only_what_ame_referred(persona_client, water_offer, focal_org, cuenca):
    interest(water_offer, cuenca, status=InterestStatus.IN_REVIEW)
    interest(offer(focal_org, title="Remitida a GIZ"), gad("1101"), status=InterestStatus.REFERRED)
    interest(offer(title="De otro cooperante"), cuenca, status=InterestStatus.REFERRED)
    response = persona_client("focal_point").get(reverse("demands:referred_interests"))
    assert [i.offer.title for i in response.context["open"]] == ["Remitida a GIZ"]


def backdate(item, days):
    when = timezone.now() - datetime.timedelta(days=days)
    ExpressionOfInterest.objects.filter(pk=item.pk).update(last_action_at=when)


def test_ame_queue_waiting_first_with_overdue_filter(persona_client, focal_org, cuenca):
    old = interest(offer(focal_org, title="Vieja"), cuenca)
    backdate(old, 10)
    fresh = interest(offer(focal_org, title="Nueva"), gad("1101"), status=InterestStatus.IN_REVIEW)
    interest(offer(focal_org, title="En negociación"), cuenca, status=InterestStatus.NEGOTIATION)
    client = persona_client("ame_officer")
    response = client.get(reverse("demands:interest_queue"))
    waiting = response.context["waiting"]
    assert [i.offer.title for i in waiting] == ["Vieja", "Nueva"]
    assert [i.overdue for i in waiting] == [True, False]
    assert response.context["overdue_count"] == 1
    assert [i.offer.title for i in response.context["others"]] == ["En negociación"]
    assert "atrasada" in response.content.decode()
    response = client.get(reverse("demands:interest_queue") + "?atrasadas=on")
    assert [i.pk for i in response.context["waiting"]] == [old.pk]
    response = client.get(
        reverse("demands:interest_queue") + "?status=negotiation&gad=" + cuenca.slug
    )
    assert len(response.context["others"]) == 1
    response = client.get(reverse("demands:interest_queue") + "?status=<x>&gad=nada&page=abc")
    assert response.status_code == 200
    assert fresh.pk in [i.pk for i in response.context["waiting"]]


@pytest.mark.parametrize("hour", [0, 12, 23])
def test_triage_cutoff_agrees_with_is_overdue(hour):
    today = datetime.date(2026, 11, 21)  # a Saturday
    for offset in range(0, 20):
        for day_shift in range(7):
            day = today + datetime.timedelta(days=day_shift)
            last = timezone.make_aware(
                datetime.datetime.combine(
                    day - datetime.timedelta(days=offset), datetime.time(hour, 30)
                )
            )
            item = ExpressionOfInterest(status=InterestStatus.SUBMITTED, last_action_at=last)
            assert (last < queries.triage_cutoff(day)) == services.is_overdue_for_triage(
                item, day
            ), (day, offset)


def test_list_query_budgets(persona_client, focal_org, cuenca, django_assert_max_num_queries):
    def fill(n):
        for i in range(n):
            item = interest(
                offer(focal_org),
                cuenca if i % 2 else gad("1101"),
                need=need(cuenca) if i % 2 else None,
            )
            services.move_interest(item, InterestStatus.IN_REVIEW, actor=None, party="ame")
            if i % 3 == 0:
                services.move_interest(item, InterestStatus.REFERRED, actor=None, party="ame")

    pages = [
        ("ame_officer", reverse("demands:interest_queue")),
        ("cuenca_officer", reverse("demands:my_interests")),
        ("focal_point", reverse("demands:referred_interests")),
    ]
    fill(2)
    counts = {}
    for persona, url in pages:
        client = persona_client(persona)
        client.get(url)
        with django_assert_max_num_queries(15) as captured:
            client.get(url)
        counts[url] = len(captured.captured_queries)
    fill(20)
    for persona, url in pages:
        client = persona_client(persona)
        with django_assert_max_num_queries(counts[url]):
            client.get(url)


def test_offer_page_button_snippet_does_not_require_login(client, water_offer):
    response = client.get(reverse("demands:offer_interest_button", args=[water_offer.code]))
    assert response.status_code == 200
    draft = offer(status=OfferStatus.DRAFT)
    assert (
        client.get(reverse("demands:offer_interest_button", args=[draft.code])).status_code == 404
    )
