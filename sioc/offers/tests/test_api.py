"""The offers API: visibility, writes through the services, codes, conflicts and filters."""

import datetime

import pytest
from django.urls import include, path
from django.utils import timezone
from rest_framework.routers import DefaultRouter

from sioc.audit.models import AuditEvent
from sioc.codelists.models import CootadCompetency, Currency, Modality, SdgGoal
from sioc.offers import services
from sioc.offers.api.views import OfferViewSet
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.models import Offer
from sioc.organizations.models import Organization
from sioc.territory.models import Canton

# The viewset is registered in sioc/api/urls.py; this module mounts it the same way so that its
# tests do not depend on the rest of the API.
router = DefaultRouter()
router.register("ofertas", OfferViewSet, basename="offer")
urlpatterns = [
    path("ofertas/", include("sioc.offers.urls")),
    path("api/v1/", include((router.urls, "api"))),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

TODAY = timezone.localdate()
LIST = "/api/v1/ofertas/"


def detail(code):
    return f"/api/v1/ofertas/{code}/"


@pytest.fixture
def focal_org(personas):
    return personas["focal_point"].memberships.get().organization


@pytest.fixture
def other_org(db):
    return Organization.objects.create(
        slug="koica-prueba", kind="bilateral_agency", name="KOICA (prueba)", country="KR"
    )


def make_offer(cooperante, code, status=OfferStatus.PUBLISHED, **fields):
    values = {
        "code": code,
        "cooperante": cooperante,
        "title": f"Oferta {code}",
        "summary": "Resumen de prueba.",
        "schedule": Schedule.PERMANENT,
        "modalities": list(Modality.objects.filter(code="training")),
        "sdgs": list(SdgGoal.objects.filter(code=4)),
        "last_verified_on": TODAY,
    }
    values.update(fields)
    return services.create_offer(actor=None, status=status, **values)


def payload(cooperante, **overrides):
    data = {
        "code": "GIZ-AGUA-2027",
        "cooperante": cooperante.slug,
        "title": "Asistencia técnica para agua potable",
        "summary": "Apoyo a GAD en planes maestros de agua potable.",
        "modalities": ["technical_assistance", "non_reimbursable"],
        "sdgs": [6],
        "sdg_targets": ["6.1"],
        "competencies": ["d"],
        "sectors": ["14030"],
        "cantons": ["0101", "0104"],
        "applicants": ["gad_municipal", "mancomunidad"],
        "amount_min": "10000",
        "amount_max": 250000.5,
        "currency": "USD",
        "schedule": "window",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
    }
    data.update(overrides)
    return data


# --- Reading -------------------------------------------------------------------------------


def test_anonymous_list_shows_published_offers_only(persona_client, focal_org):
    make_offer(focal_org, "PUB-1")
    make_offer(focal_org, "DRAFT-1", status=OfferStatus.DRAFT)
    make_offer(focal_org, "REVIEW-1", status=OfferStatus.IN_REVIEW)
    closed = make_offer(focal_org, "CLOSED-1")
    services.change_status(closed, OfferStatus.CLOSED, actor=None)
    client = persona_client("anonymous")

    response = client.get(LIST)

    assert response.status_code == 200
    assert [o["code"] for o in response.json()["results"]] == ["PUB-1"]
    closed_list = client.get(LIST, {"estado": "closed"}).json()["results"]
    assert [o["code"] for o in closed_list] == ["CLOSED-1"]
    assert client.get(LIST, {"estado": "draft"}).json()["results"] == []


def test_draft_is_404_for_the_public_and_visible_to_its_organisation(persona_client, focal_org):
    make_offer(focal_org, "DRAFT-1", status=OfferStatus.DRAFT)
    closed = make_offer(focal_org, "CLOSED-1")
    services.change_status(closed, OfferStatus.CLOSED, actor=None)

    assert persona_client("anonymous").get(detail("DRAFT-1")).status_code == 404
    assert persona_client("loja_officer").get(detail("DRAFT-1")).status_code == 404
    assert persona_client("anonymous").get(detail("CLOSED-1")).status_code == 200
    assert persona_client("focal_point").get(detail("DRAFT-1")).status_code == 200
    ame = persona_client("ame_officer")
    drafts = ame.get(LIST, {"estado": ["draft", "in_review"]}).json()["results"]
    assert [o["code"] for o in drafts] == ["DRAFT-1"]


def test_representation_labels_codes_and_keeps_numbers_and_dates_machine_readable(
    persona_client, focal_org
):
    make_offer(
        focal_org,
        "BDE-CREDITO-1",
        title="Crédito para agua potable",
        modalities=list(Modality.objects.filter(code__in=["credit", "technical_assistance"])),
        competencies=list(CootadCompetency.objects.filter(code="d")),
        is_national=False,
        cantons=list(Canton.objects.filter(code="0101")),
        amount_min=1500000,
        amount_max=2500000.75,
        currency=Currency.objects.get(code="USD"),
        schedule=Schedule.WINDOW,
        opens_on=TODAY,
        closes_on=TODAY + datetime.timedelta(days=30),
        last_verified_on=TODAY - datetime.timedelta(days=500),
        open_to_mancomunidad=True,
    )

    response = persona_client("anonymous").get(detail("BDE-CREDITO-1"))

    data = response.json()
    assert response["ETag"] == f'"{data["version"]}"'
    assert {"code": "credit", "name": "Crédito", "is_reimbursable": True} in data["modalities"]
    assert data["competencies"] == [
        {"code": "d", "name": "Agua potable, alcantarillado, desechos sólidos y saneamiento"}
    ]
    assert data["sdgs"][0]["code"] == 4
    assert data["cantons"] == [{"code": "0101", "name": "Cuenca", "province": "01"}]
    assert data["applicants"] == [
        {"code": "gad_municipal", "name": "GAD municipales"},
        {"code": "mancomunidad", "name": "Mancomunidades"},
    ]
    assert data["amount_min"] == 1500000 and data["amount_max"] == 2500000.75
    assert data["currency"] == {"code": "USD", "name": "Dólar estadounidense"}
    assert data["closes_on"] == (TODAY + datetime.timedelta(days=30)).isoformat()
    assert data["status"] == "published" and data["status_label"] == "Publicada"
    assert data["is_open"] is True
    assert data["is_reimbursable"] is True
    assert data["possibly_outdated"] is True
    assert data["url"] == "http://testserver/ofertas/BDE-CREDITO-1/"
    assert data["cooperante"]["slug"] == focal_org.slug


def test_list_has_a_query_budget(persona_client, focal_org, django_assert_max_num_queries):
    for n in range(12):
        make_offer(
            focal_org,
            f"PUB-{n}",
            is_national=False,
            cantons=list(Canton.objects.filter(code__in=["0101", "1101"])),
        )
    client = persona_client("anonymous")
    client.get(LIST)  # the first request after a change loads the facet index

    # index generation, page, related codes, attachments: not per offer
    with django_assert_max_num_queries(4):
        response = client.get(LIST)

    assert len(response.json()["results"]) == 12


def test_the_fast_list_says_exactly_what_the_serializer_says(persona_client, focal_org, other_org):
    """The list builds its items without the nested serializers (offer_list_data): compare
    every item with ``OfferSerializer`` on offers with every kind of related data."""
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile
    from rest_framework.renderers import JSONRenderer
    from rest_framework.test import APIRequestFactory

    from sioc.codelists.models import DacSector, SdgTarget
    from sioc.offers.api.serializers import OfferSerializer
    from sioc.territory.models import Province

    rich = make_offer(
        focal_org,
        "RICA-1",
        modalities=list(Modality.objects.filter(code__in=["credit", "training", "volunteering"])),
        sdgs=list(SdgGoal.objects.filter(code__in=[6, 11, 3])),
        sdg_targets=list(SdgTarget.objects.filter(code__in=["6.1", "11.6"])),
        competencies=list(CootadCompetency.objects.filter(code__in=["d", "a"])),
        sectors=list(DacSector.objects.filter(code__in=["14030", "15112"])),
        is_national=False,
        provinces=list(Province.objects.filter(code__in=["09", "01"])),
        cantons=list(Canton.objects.filter(code__in=["1101", "0101", "1701"])),
        amount_min=1000,
        amount_max=250000.5,
        currency=Currency.objects.get(code="USD"),
        counterpart_percent=12.5,
        schedule=Schedule.WINDOW,
        closes_on=TODAY + datetime.timedelta(days=45),
        contact="cooperacion@example.org",
        source_url="https://example.org/oferta",
        last_verified_on=TODAY - datetime.timedelta(days=500),
    )
    pdf = SimpleUploadedFile("bases.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    services.add_attachment(rich, actor=None, title="Bases", uploaded_file=pdf)
    make_offer(other_org, "SIMPLE-1", modalities=[], sdgs=[])
    for persona in ("anonymous", "ame_officer"):
        response = persona_client(persona).get(LIST)
        assert response.status_code == 200
        items = response.json()["results"]
        assert {i["code"] for i in items} >= {"RICA-1", "SIMPLE-1"}
        request = APIRequestFactory().get(LIST)
        for item in items:
            offer = Offer.objects.get(code=item["code"])
            expected = OfferSerializer(offer, context={"request": request}).data
            assert item == json.loads(JSONRenderer().render(expected)), item["code"]
    rich_item = next(i for i in items if i["code"] == "RICA-1")
    assert [m["code"] for m in rich_item["modalities"]][0:1] and rich_item["attachments"]
    assert [c["code"] for c in rich_item["cantons"]] == ["0101", "1101", "1701"]


# --- Creating ------------------------------------------------------------------------------


def test_focal_point_creates_a_draft_for_its_own_organisation(persona_client, focal_org):
    client = persona_client("focal_point")

    response = client.post(LIST, payload(focal_org), content_type="application/json")

    assert response.status_code == 201, response.json()
    offer = Offer.objects.get(code="GIZ-AGUA-2027")
    assert offer.status == OfferStatus.DRAFT
    assert response["Location"].endswith(detail("GIZ-AGUA-2027"))
    assert not offer.is_national
    assert sorted(offer.cantons.values_list("code", flat=True)) == ["0101", "0104"]
    assert offer.open_to_mancomunidad and not offer.open_to_others
    assert offer.amount_max == pytest.approx(250000.5)
    assert AuditEvent.objects.for_object(offer).count() == 1  # through the service
    data = response.json()
    assert data["status"] == "draft" and data["code"] == "GIZ-AGUA-2027"


def test_focal_point_may_submit_on_creation_but_not_publish(persona_client, focal_org):
    client = persona_client("focal_point")

    submitted = client.post(
        LIST, payload(focal_org, status="in_review"), content_type="application/json"
    )
    published = client.post(
        LIST, payload(focal_org, code="GIZ-2", status="published"), content_type="application/json"
    )

    assert submitted.status_code == 201
    offer = Offer.objects.get(code="GIZ-AGUA-2027")
    assert offer.status == OfferStatus.IN_REVIEW
    assert offer.review_notes.get().to_status == OfferStatus.IN_REVIEW
    assert published.status_code == 403
    assert "Solo AME publica" in published.json()["detail"]
    assert not Offer.objects.filter(code="GIZ-2").exists()


def test_focal_point_cannot_create_for_another_organisation(persona_client, other_org):
    response = persona_client("focal_point").post(
        LIST, payload(other_org), content_type="application/json"
    )

    assert response.status_code == 403
    assert "propia organización" in response.json()["detail"]
    assert not Offer.objects.exists()


@pytest.mark.parametrize("persona", ["anonymous", "cuenca_officer"])
def test_other_roles_cannot_create(persona_client, focal_org, persona):
    response = persona_client(persona).post(
        LIST, payload(focal_org), content_type="application/json"
    )

    assert response.status_code == 403
    assert not Offer.objects.exists()


def test_ame_creates_a_published_offer(persona_client, other_org):
    response = persona_client("ame_officer").post(
        LIST, payload(other_org, status="published"), content_type="application/json"
    )

    assert response.status_code == 201, response.json()
    offer = Offer.objects.get(code="GIZ-AGUA-2027")
    assert offer.status == OfferStatus.PUBLISHED and offer.published_at is not None
    assert persona_client("anonymous").get(detail(offer.code)).status_code == 200


def test_invalid_codes_answer_400_with_spanish_messages(persona_client, focal_org):
    make_offer(focal_org, "EXISTE-1")
    bad = payload(
        focal_org,
        code="EXISTE-1",
        modalities=["teletransporte"],
        sdgs=[18],
        sdg_targets=["6.9"],
        competencies=["z"],
        sectors=["99999"],
        cantons=["9999"],
        applicants=["empresas"],
        currency="XXX1",
    )

    response = persona_client("ame_officer").post(LIST, bad, content_type="application/json")

    assert response.status_code == 400
    errors = response.json()
    assert errors["code"] == ["Ya existe una oferta con el código «EXISTE-1»."]
    assert errors["modalities"] == ["La modalidad «teletransporte» no existe."]
    assert errors["sdgs"] == ["El ODS «18» no existe: use un número del 1 al 17."]
    assert errors["sdg_targets"] == ["La meta ODS «6.9» no existe."]
    assert "letra de la a a la n" in errors["competencies"][0]
    assert errors["sectors"] == ["El sector CAD «99999» no existe."]
    assert errors["cantons"] == ["No hay un cantón con el código INEC «9999»."]
    assert errors["applicants"] == ["«empresas» no es un tipo de postulante válido."]
    assert errors["currency"] == ["La moneda «XXX1» no existe."]
    assert Offer.objects.count() == 1


def test_inconsistent_values_answer_400_and_nothing_is_written(persona_client, focal_org):
    client = persona_client("focal_point")
    cases = [
        (payload(focal_org, amount_min=500, amount_max=100), "amount_min", "monto mínimo"),
        (payload(focal_org, amount_min=-5), "amount_min", "mayor o igual"),
        (payload(focal_org, currency=None), "currency", "moneda"),
        (
            payload(focal_org, opens_on="2027-03-01", closes_on="2027-01-01"),
            "closes_on",
            "anterior a la de apertura",
        ),
        (payload(focal_org, opens_on="2027-02-30"), "opens_on", "AAAA-MM-DD"),
        (payload(focal_org, is_national=True), "is_national", "cobertura nacional"),
        (payload(focal_org, code="con espacio"), "code", "Use solo letras"),
        ({**payload(focal_org), "cooperante": "no-existe"}, "cooperante", "no-existe"),
        (payload(focal_org, modalities="training"), "modalities", "lista de códigos"),
        (payload(focal_org, title=""), "title", ""),
        (payload(focal_org, modalidades=["training"]), "modalidades", "Campo desconocido"),
    ]
    for data, field, text in cases:
        response = client.post(LIST, data, content_type="application/json")
        assert response.status_code == 400, (field, response.json())
        assert text in " ".join(response.json()[field]), (field, response.json())
    assert not Offer.objects.exists()


def test_publishing_a_past_window_is_refused_by_the_service(persona_client, other_org):
    past = (TODAY - datetime.timedelta(days=3)).isoformat()
    response = persona_client("ame_officer").post(
        LIST,
        payload(other_org, status="published", opens_on="2026-01-01", closes_on=past),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "fecha de cierre ya pasó" in str(response.json())
    assert not Offer.objects.exists()  # the creation was rolled back too


# --- Changing ------------------------------------------------------------------------------


def test_second_save_with_an_old_version_gets_409_and_overwrites_nothing(persona_client, focal_org):
    make_offer(focal_org, "GIZ-1", status=OfferStatus.DRAFT)
    first = persona_client("ame_officer")
    version = first.get(detail("GIZ-1")).json()["version"]
    assert (
        first.patch(
            detail("GIZ-1"),
            {"title": "Primera versión", "version": version},
            content_type="application/json",
        ).status_code
        == 200
    )

    second = persona_client("focal_point")
    by_header = second.patch(
        detail("GIZ-1"),
        {"title": "Segunda versión"},
        content_type="application/json",
        headers={"If-Match": f'"{version}"'},
    )
    by_field = second.patch(
        detail("GIZ-1"),
        {"title": "Segunda versión", "version": version},
        content_type="application/json",
    )

    assert by_header.status_code == 409 and by_field.status_code == 409
    assert "Otra persona guardó" in by_header.json()["detail"]
    assert Offer.objects.get(code="GIZ-1").title == "Primera versión"
    current = second.get(detail("GIZ-1"))
    retry = second.patch(
        detail("GIZ-1"),
        {"title": "Segunda versión"},
        content_type="application/json",
        headers={"If-Match": current["ETag"]},
    )
    assert retry.status_code == 200
    assert retry.json()["title"] == "Segunda versión"


def test_focal_point_edit_of_a_published_offer_goes_back_to_review(persona_client, focal_org):
    make_offer(focal_org, "GIZ-1")

    response = persona_client("focal_point").patch(
        detail("GIZ-1"), {"summary": "Nuevo resumen."}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "in_review"
    assert persona_client("anonymous").get(detail("GIZ-1")).status_code == 404


def test_who_may_change_what(persona_client, focal_org, other_org):
    make_offer(focal_org, "GIZ-1")
    make_offer(other_org, "KOICA-1")
    make_offer(other_org, "KOICA-DRAFT", status=OfferStatus.DRAFT)
    change = {"title": "Cambio"}

    def patch(persona, code, data=change):
        return persona_client(persona).patch(detail(code), data, content_type="application/json")

    assert patch("loja_officer", "GIZ-1").status_code == 403
    assert patch("anonymous", "GIZ-1").status_code == 403
    assert patch("focal_point", "KOICA-1").status_code == 403
    assert patch("focal_point", "KOICA-DRAFT").status_code == 404
    assert patch("focal_point", "GIZ-1", {"cooperante": other_org.slug}).status_code == 403
    assert patch("ame_admin", "KOICA-1").status_code == 200
    assert persona_client("ame_admin").delete(detail("KOICA-1")).status_code == 405
    assert Offer.objects.get(code="GIZ-1").title == "Oferta GIZ-1"


def test_status_changes_follow_the_workflow(persona_client, focal_org):
    make_offer(focal_org, "GIZ-1", status=OfferStatus.DRAFT)

    def to(persona, status, **extra):
        return persona_client(persona).patch(
            detail("GIZ-1"), {"status": status, **extra}, content_type="application/json"
        )

    assert to("focal_point", "published").status_code == 403
    assert to("focal_point", "in_review").json()["status"] == "in_review"
    returned = to("ame_officer", "draft")
    assert returned.status_code == 400 and "devolver" in str(returned.json())
    assert to("ame_officer", "draft", comment="Falta el monto.").json()["status"] == "draft"
    assert to("ame_officer", "closed").status_code == 400  # draft → closed does not exist
    assert to("focal_point", "in_review").status_code == 200
    published = to("ame_officer", "published")
    assert published.json()["status"] == "published" and published.json()["is_open"]


# --- Filters (the catalogue's OfferFilterSet) ------------------------------------------------


@pytest.fixture
def catalogue(focal_org):
    make_offer(
        focal_org,
        "AGUA-1",
        title="Asistencia técnica para agua potable",
        modalities=list(Modality.objects.filter(code="technical_assistance")),
        sdgs=list(SdgGoal.objects.filter(code=6)),
    )
    make_offer(
        focal_org,
        "CURSO-1",
        title="Capacitación en gestión de desechos sólidos",
        modalities=list(Modality.objects.filter(code="training")),
        sdgs=list(SdgGoal.objects.filter(code=11)),
    )
    make_offer(
        focal_org,
        "BECA-1",
        title="Becas de maestría",
        modalities=list(Modality.objects.filter(code="scholarships")),
        sdgs=list(SdgGoal.objects.filter(code=4)),
    )


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({"q": "capacitaciones"}, ["CURSO-1"]),
        ({"q": "AGUA POTABLE"}, ["AGUA-1"]),
        ({"modalidad": "scholarships"}, ["BECA-1"]),
        ({"ods": ["6", "4"]}, ["AGUA-1", "BECA-1"]),
        ({"q": "asistencia", "modalidad": "training"}, []),
    ],
)
def test_filters_of_the_catalogue_work_through_the_api(persona_client, catalogue, query, codes):
    response = persona_client("anonymous").get(LIST, query)

    assert response.status_code == 200
    assert sorted(o["code"] for o in response.json()["results"]) == codes


def test_invalid_filter_values_answer_400_in_spanish(persona_client, catalogue):
    response = persona_client("anonymous").get(LIST, {"ods": "18", "canton": "99"})

    assert response.status_code == 400
    errors = response.json()
    assert "ods" in errors and "canton" in errors
    assert "código INEC de 4 dígitos" in errors["canton"][0]
