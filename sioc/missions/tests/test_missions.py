"""Services and pages of missions: recording a mission, its meetings and opportunities."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sioc.audit.models import AuditEvent
from sioc.common.errors import ConflictError
from sioc.demands.services import express_interest
from sioc.missions import services
from sioc.missions.choices import FollowUpStatus, MissionKind, MissionStatus, OpportunityKind
from sioc.missions.models import Mission
from sioc.missions.tests import factories
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer

pytestmark = pytest.mark.django_db


def future(days=60):
    return timezone.localdate() + datetime.timedelta(days=days)


# --- services ---------------------------------------------------------------------------------


def test_create_mission_generates_slug_and_audits(personas):
    officer = personas["ame_officer"]
    mission = services.create_mission(
        actor=officer,
        kind=MissionKind.NATIONAL_ASSEMBLY,
        name="Asamblea Nacional de GAD municipales",
        starts_on=datetime.date(2024, 11, 20),
        ends_on=datetime.date(2024, 11, 21),
    )
    assert mission.slug == "asamblea-nacional-de-gad-municipales-2024"
    assert mission.status == MissionStatus.PLANNED
    assert AuditEvent.objects.for_object(mission).filter(actor=officer).exists()
    again = services.create_mission(
        actor=officer,
        kind=MissionKind.NATIONAL_ASSEMBLY,
        name="Asamblea Nacional de GAD municipales",
        starts_on=datetime.date(2024, 11, 20),
        ends_on=datetime.date(2024, 11, 21),
    )
    assert again.slug == "asamblea-nacional-de-gad-municipales-2024-2"


def test_update_mission_with_a_stale_version_changes_nothing(personas):
    mission = factories.mission(status=MissionStatus.PLANNED)
    seen = mission.updated_at.isoformat()
    services.update_mission(mission, actor=personas["ame_officer"], objective="Primera versión")
    with pytest.raises(ConflictError):
        services.update_mission(
            mission, actor=personas["ame_admin"], expected_version=seen, objective="Otra"
        )
    assert Mission.objects.get(pk=mission.pk).objective == "Primera versión"


def test_dates_out_of_order_are_refused():
    with pytest.raises(ValidationError):
        factories.mission(starts_on=datetime.date(2024, 5, 10), ends_on=datetime.date(2024, 5, 1))


def test_status_moves_one_step_at_a_time(personas):
    officer = personas["ame_officer"]
    mission = factories.mission(status=MissionStatus.PLANNED)
    with pytest.raises(ValidationError, match="no puede pasar"):
        services.change_mission_status(mission, MissionStatus.PUBLISHED, actor=officer)
    for step in (MissionStatus.IN_PROGRESS, MissionStatus.SYSTEMATISED, MissionStatus.PUBLISHED):
        mission = services.change_mission_status(mission, step, actor=officer)
    assert mission.status == MissionStatus.PUBLISHED and mission.published_at
    events = AuditEvent.objects.for_object(mission).filter(
        action="update", changes__has_key="status"
    )
    assert events.count() == 3


def test_opportunity_creates_a_published_offer_a_gad_can_take_up(personas):
    officer = personas["ame_officer"]
    mission = factories.mission(slug="agenda-el-salvador-2024")
    meeting = factories.meeting(mission, title="Reunión con la Alcaldía de San Salvador")
    host = factories.counterpart_org()
    opportunity = services.create_opportunity(
        meeting,
        actor=officer,
        kind=OpportunityKind.TWINNING,
        counterpart=host,
        title="Hermanamiento con San Salvador",
        gad_action="Enviar una carta de intención a AME.",
        deadline=future(),
    )
    offer = opportunity.offer
    assert offer.code == "MIS-AGENDA-EL-SALVADOR-2024-1"
    assert offer.status == OfferStatus.PUBLISHED and offer.cooperante == host
    assert offer.closes_on == future() and offer.is_open_on()
    assert "Reunión con la Alcaldía de San Salvador" in offer.description
    assert [m.code for m in offer.modalities.all()] == ["exchange"]
    second = services.create_opportunity(
        meeting, actor=officer, kind=OpportunityKind.TRAINING, counterpart=host, title="Curso"
    )
    assert second.offer.code == "MIS-AGENDA-EL-SALVADOR-2024-2"
    assert second.offer.schedule == "permanent"
    # The expression-of-interest pipeline takes it like any offer.
    interest = express_interest(
        actor=personas["cuenca_officer"],
        gad=factories.gad("0101"),
        offer=offer,
        justification="Nos interesa",
        contact_name="Carmen",
        contact_email="c@ejemplo.ec",
        notify=False,
    )
    assert interest.offer.opportunity == opportunity


def test_long_slugs_still_give_valid_offer_codes(personas):
    mission = factories.mission(slug="a" * 110)
    opportunity = services.create_opportunity(
        factories.meeting(mission),
        actor=None,
        kind=OpportunityKind.TRADE,
        counterpart=factories.counterpart_org(),
        title="Ruta de exportación",
    )
    code = opportunity.offer.code
    assert len(code) <= 40 and code.startswith("MIS-A") and code.endswith("-1")
    Offer.objects.get(code=code).full_clean()


def test_past_deadline_is_refused_and_no_offer_is_created():
    meeting = factories.meeting(factories.mission())
    with pytest.raises(ValidationError, match="ya pasó"):
        services.create_opportunity(
            meeting,
            actor=None,
            kind=OpportunityKind.TRAINING,
            counterpart=factories.counterpart_org(),
            title="Curso vencido",
            deadline=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert not Offer.objects.filter(title="Curso vencido").exists()


def test_meeting_with_opportunities_cannot_be_removed():
    meeting = factories.meeting(factories.mission())
    services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.TRAINING,
        counterpart=factories.counterpart_org(),
        title="Curso",
    )
    with pytest.raises(ValidationError, match="no se puede"):
        services.remove_meeting(meeting, actor=None)


def test_follow_up_status_with_optimistic_lock(personas):
    meeting = factories.meeting(factories.mission())
    recommendation = services.add_recommendation(meeting, actor=None, text="Crear una oficina")
    action = services.add_follow_up(
        recommendation, actor=None, description="Taller", responsible="AME"
    )
    seen = action.updated_at.isoformat()
    action = services.change_follow_up_status(
        action, FollowUpStatus.IN_PROGRESS, actor=personas["ame_officer"], expected_version=seen
    )
    with pytest.raises(ConflictError):
        services.change_follow_up_status(
            action, FollowUpStatus.DONE, actor=personas["ame_admin"], expected_version=seen
        )
    action.refresh_from_db()
    assert action.status == FollowUpStatus.IN_PROGRESS


def test_counterpart_needs_an_organisation():
    meeting = factories.meeting(factories.mission())
    with pytest.raises(ValidationError):
        services.add_counterpart(meeting, actor=None, person_name="Sin organización")
    c = services.add_counterpart(meeting, actor=None, organization_name="CAMOAT", position="Jefe")
    assert c.display_organization == "CAMOAT"


# --- pages ------------------------------------------------------------------------------------


def test_list_shows_published_to_the_public_and_filters(client):
    published = factories.mission(name="Agenda en Bogotá", country="CO", cities="Bogotá")
    factories.mission(name="Agenda en borrador", status=MissionStatus.PLANNED)
    html = client.get(reverse("missions:list")).content.decode()
    assert "Agenda en Bogotá" in html and "Agenda en borrador" not in html
    html = client.get(reverse("missions:list") + "?pais=SV").content.decode()
    assert "Agenda en Bogotá" not in html
    html = client.get(reverse("missions:list") + "?anio=2024&tipo=" + published.kind).content
    assert "Agenda en Bogotá" in html.decode()


def test_gad_sees_its_unpublished_mission_in_the_list(persona_client):
    factories.mission(name="Visita técnica de Cuenca", status=MissionStatus.IN_PROGRESS)
    factories.mission(name="Visita de Loja", status=MissionStatus.IN_PROGRESS, gads=("1101",))
    html = persona_client("cuenca_officer").get(reverse("missions:list")).content.decode()
    assert "Visita técnica de Cuenca" in html and "Visita de Loja" not in html


def test_mission_page_shows_the_three_part_meetings_and_opportunities(client, personas):
    mission = factories.mission(name="Agenda paradiplomática a El Salvador")
    meeting = factories.meeting(
        mission,
        title="Reunión con CAMOAT",
        subject="Gestión de residuos sólidos",
        development="Visita a la planta de compostaje\nPresentación del modelo",
    )
    services.add_recommendation(meeting, actor=None, text="Crear mancomunidades de residuos")
    opportunity = services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.TECHNICAL_ASSISTANCE,
        counterpart=factories.counterpart_org(),
        title="Asistencia técnica en compostaje",
        deadline=future(),
    )
    services.add_photo(
        mission,
        actor=None,
        uploaded_file=factories.upload(),
        meeting=meeting,
        caption="Planta de compostaje",
        credit="AME",
    )
    html = client.get(mission.get_absolute_url()).content.decode()
    for text in (
        "Asunto",
        "Desarrollo",
        "Conclusiones y recomendaciones para los GAD",
        "Visita a la planta de compostaje",
        "Crear mancomunidades de residuos",
        "Planta de compostaje",
        "Cuenca",
        reverse("offers:detail", args=[opportunity.offer.code]),
        reverse("demands:interest_create", args=[opportunity.offer.code]),
        reverse("missions:report", args=[mission.slug, "pdf"]),
        reverse("missions:report", args=[mission.slug, "docx"]),
        reverse("territory:canton_geojson", args=["0101"]),
    ):
        assert text in html, text
    assert "Gestión de AME" not in html


def test_offer_page_shows_where_the_opportunity_came_from(client):
    mission = factories.mission(name="Agenda paradiplomática a Bogotá")
    meeting = factories.meeting(mission, title="Reunión con la Alcaldía Mayor")
    opportunity = services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.EXCHANGE,
        counterpart=factories.counterpart_org(),
        title="Intercambio sobre movilidad",
    )
    html = client.get(opportunity.offer.get_absolute_url()).content.decode()
    assert "Oportunidad surgida de una misión de AME" in html
    assert "Reunión con la Alcaldía Mayor" in html and mission.get_absolute_url() in html
    # An ordinary offer has no origin box (the missing reverse one-to-one renders nothing).
    plain = Offer.objects.create(
        code="SIN-ORIGEN",
        cooperante=factories.counterpart_org(),
        title="Oferta común",
        status=OfferStatus.PUBLISHED,
    )
    response = client.get(plain.get_absolute_url())
    assert response.status_code == 200
    assert "Oportunidad surgida" not in response.content.decode()


def test_ame_records_a_mission_through_the_forms(persona_client):
    client = persona_client("ame_officer")
    response = client.post(
        reverse("missions:create"),
        {
            "kind": MissionKind.TECHNICAL_VISIT,
            "name": "Visita técnica a Medellín",
            "country": "CO",
            "cities": "Medellín",
            "starts_on": "2025-06-02",
            "ends_on": "2025-06-04",
        },
    )
    mission = Mission.objects.get(name="Visita técnica a Medellín")
    assert response.status_code == 302 and response["Location"] == mission.get_absolute_url()
    url = reverse("missions:meeting_add", args=[mission.slug])
    response = client.post(url, {"date": "2025-07-01", "title": "Fuera de fecha"})
    assert response.status_code == 400
    assert "fechas de la misión" in response.content.decode()
    response = client.post(url, {"date": "2025-06-03", "title": "Metro de Medellín"})
    assert response.status_code == 302
    meeting = mission.meetings.get()
    response = client.post(
        reverse("missions:opportunity_add", args=[mission.slug, meeting.pk]),
        {
            "title": "Capacitación en movilidad",
            "kind": OpportunityKind.TRAINING,
            "counterpart": factories.counterpart_org().pk,
            "deadline": future().isoformat(),
        },
    )
    assert response.status_code == 302
    assert meeting.opportunities.get().offer.status == OfferStatus.PUBLISHED


def test_edit_with_stale_version_answers_409(persona_client):
    mission = factories.mission()
    client = persona_client("ame_officer")
    data = {
        "kind": mission.kind,
        "name": "Nuevo nombre",
        "slug": mission.slug,
        "starts_on": "2024-05-06",
        "ends_on": "2024-05-10",
        "version": "2000-01-01T00:00:00+00:00",
    }
    response = client.post(reverse("missions:edit", args=[mission.slug]), data)
    assert response.status_code == 409
    assert "Otra persona guardó esta misión" in response.content.decode()
    mission.refresh_from_db()
    assert mission.name != "Nuevo nombre"


def test_gad_participant_adds_a_note_and_a_photo(persona_client):
    mission = factories.mission(status=MissionStatus.IN_PROGRESS)
    client = persona_client("cuenca_officer")
    response = client.post(reverse("missions:note_add", args=[mission.slug]), {"text": "Gracias"})
    assert response.status_code == 302
    note = mission.notes.get()
    assert note.organization.slug == "gad-0101-cuenca"
    response = client.post(
        reverse("missions:photo_add", args=[mission.slug]),
        {"image": factories.upload(), "caption": "Firma del acta"},
    )
    assert response.status_code == 302
    photo = mission.photos.get()
    response = client.get(reverse("missions:photo", args=[mission.slug, photo.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_report_download_names_the_file(client):
    mission = factories.mission(slug="informe-prueba")
    factories.meeting(mission)
    response = client.get(reverse("missions:report", args=[mission.slug, "docx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="informe-informe-prueba.docx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("missions:report", args=[mission.slug, "txt"])).status_code == 404


def test_follow_up_status_by_htmx_swaps_the_row(persona_client):
    mission = factories.mission()
    recommendation = services.add_recommendation(factories.meeting(mission), actor=None, text="R")
    action = services.add_follow_up(recommendation, actor=None, description="A", responsible="B")
    client = persona_client("ame_officer")
    url = reverse("missions:follow_up_status", args=[mission.slug, action.pk])
    response = client.post(
        url,
        {"status": FollowUpStatus.DONE, "version": action.updated_at.isoformat()},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="accion-{action.pk}"' in response.content.decode()
    action.refresh_from_db()
    assert action.status == FollowUpStatus.DONE
    response = client.post(
        url,
        {"status": FollowUpStatus.PENDING, "version": "2000-01-01T00:00:00+00:00"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    assert "Otra persona cambió" in response.content.decode()


def test_list_and_page_queries_do_not_grow_with_records(client, django_assert_max_num_queries):
    for n in range(6):
        mission = factories.mission(name=f"Misión {n}", gads=("0101", "1101"))
        meeting = factories.meeting(mission)
        services.add_recommendation(meeting, actor=None, text="R")
        services.create_opportunity(
            meeting,
            actor=None,
            kind=OpportunityKind.TRAINING,
            counterpart=factories.counterpart_org(),
            title=f"Curso {n}",
        )
    with django_assert_max_num_queries(10):
        assert client.get(reverse("missions:list")).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(mission.get_absolute_url()).status_code == 200
