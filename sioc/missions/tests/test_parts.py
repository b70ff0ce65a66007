"""Editing and removing the parts of a mission, and the mission's history."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sioc.audit.models import AuditEvent
from sioc.missions import permissions, services
from sioc.missions.choices import MissionStatus, OpportunityKind, ParticipantRole
from sioc.missions.forms import PanelForm
from sioc.missions.models import FollowUpAction, Panel, Recommendation, Speaker
from sioc.missions.tests import factories

pytestmark = pytest.mark.django_db


def events(mission):
    return AuditEvent.objects.for_object(mission)


@pytest.fixture
def mission():
    return factories.mission(status=MissionStatus.IN_PROGRESS)


@pytest.fixture
def meeting(mission):
    return factories.meeting(mission, title="Reunión con OPAMSS")


@pytest.fixture
def panel(mission):
    return services.add_panel(mission, actor=None, title="Diálogo sobre residuos")


# --- services ---------------------------------------------------------------------------------


def test_update_counterpart_audits_the_change_once(personas, meeting):
    officer = personas["ame_officer"]
    counterpart = services.add_counterpart(
        meeting, actor=None, organization_name="OPAMSS", person_name="Director"
    )
    before = events(meeting.mission).count()
    services.update_counterpart(counterpart, actor=officer, position="Director ejecutivo")
    counterpart.refresh_from_db()
    assert counterpart.position == "Director ejecutivo"
    event = events(meeting.mission).first()
    assert events(meeting.mission).count() == before + 1
    assert event.actor == officer and event.changes == {"position": ["", "Director ejecutivo"]}
    assert "Reunión con OPAMSS" in event.note
    # Nothing changed: no event.
    services.update_counterpart(counterpart, actor=officer, position="Director ejecutivo")
    assert events(meeting.mission).count() == before + 1


def test_counterpart_without_organisation_is_refused_and_unchanged(meeting):
    counterpart = services.add_counterpart(meeting, actor=None, organization_name="OPAMSS")
    before = events(meeting.mission).count()
    with pytest.raises(ValidationError, match="organización contraparte"):
        services.update_counterpart(counterpart, actor=None, organization_name=" ")
    counterpart.refresh_from_db()
    assert counterpart.organization_name == "OPAMSS"
    assert events(meeting.mission).count() == before


def test_update_speaker_audits_only_real_changes(personas, panel):
    speaker = services.add_speaker(panel, actor=None, name="Ana Pérez", organization_name="AME")
    before = events(panel.mission).count()
    services.update_speaker(speaker, actor=personas["ame_admin"], name="Ana Pérez")
    assert events(panel.mission).count() == before
    services.update_speaker(
        speaker, actor=personas["ame_admin"], organization_name="AME Ecuador", contribution="X"
    )
    speaker.refresh_from_db()
    assert (speaker.organization_name, speaker.contribution) == ("AME Ecuador", "X")
    assert events(panel.mission).first().changes == {
        "organization_name": ["AME", "AME Ecuador"],
        "contribution": ["", "X"],
    }


def test_update_reads_the_before_from_the_database(panel):
    """An edit form writes the new values onto its instance before the service runs; the audit
    must still show what was stored."""
    form = PanelForm({"title": "Diálogo nuevo"}, instance=panel)
    assert form.is_valid()
    assert panel.title == "Diálogo nuevo"  # the form changed the instance in memory
    services.update_panel(panel, actor=None, **form.service_fields())
    assert events(panel.mission).first().changes["title"] == [
        "Diálogo sobre residuos",
        "Diálogo nuevo",
    ]


def test_update_participant_records_every_field(mission):
    participant = mission.participants.get()
    services.update_participant(participant, actor=None, position="Alcaldesa")
    event = events(mission).first()
    assert event.changes == {"position": ["Alcalde", "Alcaldesa"]}
    assert "Participante" in event.note


def test_update_recommendation_and_bad_input(meeting):
    r = services.add_recommendation(meeting, actor=None, text="Crear una oficina")
    services.update_recommendation(r, actor=None, text="Crear una oficina de cooperación")
    assert events(meeting.mission).first().changes == {
        "text": ["Crear una oficina", "Crear una oficina de cooperación"]
    }
    with pytest.raises(ValidationError):
        services.update_recommendation(r, actor=None, text="")
    assert Recommendation.objects.get(pk=r.pk).text == "Crear una oficina de cooperación"
    with pytest.raises(ValueError):
        services.update_recommendation(r, actor=None, meeting=None)


def test_remove_recommendation_takes_its_follow_ups(meeting):
    r = services.add_recommendation(meeting, actor=None, text="Hermanarse")
    services.add_follow_up(r, actor=None, description="Carta", responsible="AME")
    services.remove_recommendation(r, actor=None)
    assert not FollowUpAction.objects.filter(recommendation_id=r.pk).exists()
    event = events(meeting.mission).first()
    assert event.changes == {"recomendación": ["Hermanarse", None]}
    assert "acción de seguimiento" in event.note


def test_remove_panel_takes_its_speakers(panel):
    services.add_speaker(panel, actor=None, name="Ana Pérez")
    services.remove_panel(panel, actor=None)
    assert not Panel.objects.filter(pk=panel.pk).exists()
    assert not Speaker.objects.filter(panel_id=panel.pk).exists()
    event = events(panel.mission).first()
    assert event.changes == {"panel": ["Diálogo sobre residuos", None]}
    assert "Ana Pérez" in event.note


# --- permissions ------------------------------------------------------------------------------


def test_history_is_for_ame_and_the_delegation(personas, mission):
    for name in ("ame_admin", "ame_officer", "cuenca_officer"):
        assert permissions.can(personas[name], "view_history", mission), name
    for name in ("loja_officer", "focal_point", "anonymous"):
        assert not permissions.can(personas[name], "view_history", mission), name


# --- edit pages -------------------------------------------------------------------------------


def url(name, mission, pk):
    return reverse(f"missions:{name}", args=[mission.slug, pk])


def test_participant_edit_page(persona_client, mission):
    participant = mission.participants.get()
    client = persona_client("ame_officer")
    page = client.get(url("participant_edit", mission, participant.pk))
    assert page.status_code == 200 and "Alcalde de prueba" in page.content.decode()
    bad = client.post(
        url("participant_edit", mission, participant.pk),
        {"person_name": "Otro", "role": ParticipantRole.GAD_AUTHORITY},
    )
    assert bad.status_code == 400
    assert "Este campo es requerido" in bad.content.decode()
    participant.refresh_from_db()
    assert participant.person_name == "Alcalde de prueba"
    ok = client.post(
        url("participant_edit", mission, participant.pk),
        {
            "organization": participant.organization_id,
            "person_name": "Alcaldesa de prueba",
            "position": "Alcaldesa",
            "role": ParticipantRole.GAD_AUTHORITY,
        },
    )
    assert ok.status_code == 302 and ok["Location"].endswith("#delegacion")
    participant.refresh_from_db()
    assert participant.person_name == "Alcaldesa de prueba"


def test_meeting_edit_page_refuses_a_date_outside_the_mission(persona_client, meeting):
    mission = meeting.mission
    client = persona_client("ame_admin")
    data = {"date": "2030-01-01", "title": "Cambiado"}
    bad = client.post(url("meeting_edit", mission, meeting.pk), data)
    assert bad.status_code == 400 and "fechas de la misión" in bad.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Reunión con OPAMSS"
    data["date"] = mission.starts_on.isoformat()
    assert client.post(url("meeting_edit", mission, meeting.pk), data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Cambiado"
    assert events(mission).first().changes["title"] == ["Reunión con OPAMSS", "Cambiado"]


def test_counterpart_edit_page(persona_client, meeting):
    mission = meeting.mission
    counterpart = services.add_counterpart(meeting, actor=None, organization_name="OPAMSS")
    client = persona_client("ame_officer")
    target = url("counterpart_edit", mission, counterpart.pk)
    bad = client.post(target, {"organization_name": "", "person_name": "Alguien"})
    assert bad.status_code == 400
    assert "Elija una organización registrada o escriba su nombre" in bad.content.decode()
    counterpart.refresh_from_db()
    assert counterpart.person_name == ""
    ok = client.post(target, {"organization_name": "OPAMSS", "person_name": "Directora"})
    assert ok.status_code == 302 and ok["Location"].endswith(f"#reunion-{meeting.pk}")
    counterpart.refresh_from_db()
    assert counterpart.person_name == "Directora"


def test_recommendation_edit_page(persona_client, meeting):
    mission = meeting.mission
    r = services.add_recommendation(meeting, actor=None, text="Crear una oficina")
    client = persona_client("ame_officer")
    target = url("recommendation_edit", mission, r.pk)
    assert "Crear una oficina" in client.get(target).content.decode()
    bad = client.post(target, {"text": ""})
    assert bad.status_code == 400 and "Este campo es requerido" in bad.content.decode()
    assert Recommendation.objects.get(pk=r.pk).text == "Crear una oficina"
    assert client.post(target, {"text": "Crear una unidad"}).status_code == 302
    assert Recommendation.objects.get(pk=r.pk).text == "Crear una unidad"


def test_panel_edit_page(persona_client, panel):
    mission = panel.mission
    client = persona_client("ame_officer")
    target = url("panel_edit", mission, panel.pk)
    bad = client.post(target, {"title": "", "moderator": "Otra persona"})
    assert bad.status_code == 400 and "Este campo es requerido" in bad.content.decode()
    panel.refresh_from_db()
    assert panel.moderator == ""
    ok = client.post(target, {"title": "Diálogo sobre agua", "moderator": "Luisa"})
    assert ok.status_code == 302 and ok["Location"].endswith(f"#panel-{panel.pk}")
    panel.refresh_from_db()
    assert (panel.title, panel.moderator) == ("Diálogo sobre agua", "Luisa")


def test_speaker_edit_page(persona_client, panel):
    mission = panel.mission
    speaker = services.add_speaker(panel, actor=None, name="Ana Pérez")
    client = persona_client("ame_officer")
    target = url("speaker_edit", mission, speaker.pk)
    bad = client.post(target, {"name": "", "organization_name": "AME"})
    assert bad.status_code == 400 and "Este campo es requerido" in bad.content.decode()
    speaker.refresh_from_db()
    assert speaker.organization_name == ""
    assert client.post(target, {"name": "Ana Pérez", "organization_name": "AME"}).status_code == 302
    speaker.refresh_from_db()
    assert speaker.organization_name == "AME"


def test_edit_pages_are_refused_to_the_delegation_gad(persona_client, panel):
    speaker = services.add_speaker(panel, actor=None, name="Ana Pérez")
    client = persona_client("cuenca_officer")
    response = client.post(url("speaker_edit", panel.mission, speaker.pk), {"name": "Otro"})
    assert response.status_code == 403
    speaker.refresh_from_db()
    assert speaker.name == "Ana Pérez"


def test_a_part_of_another_mission_answers_404(persona_client, panel):
    speaker = services.add_speaker(panel, actor=None, name="Ana Pérez")
    other = factories.mission()
    client = persona_client("ame_officer")
    assert client.get(url("speaker_edit", other, speaker.pk)).status_code == 404
    assert client.post(url("speaker_remove", other, speaker.pk)).status_code == 404
    assert Speaker.objects.filter(pk=speaker.pk).exists()


# --- removal pages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("participant_remove", lambda m: m.participants.get()),
        (
            "counterpart_remove",
            lambda m: services.add_counterpart(
                factories.meeting(m), actor=None, organization_name="OPAMSS"
            ),
        ),
        (
            "recommendation_remove",
            lambda m: services.add_recommendation(factories.meeting(m), actor=None, text="R"),
        ),
        ("panel_remove", lambda m: services.add_panel(m, actor=None, title="P")),
        (
            "speaker_remove",
            lambda m: services.add_speaker(
                services.add_panel(m, actor=None, title="P"), actor=None, name="Ana"
            ),
        ),
        ("meeting_remove", lambda m: factories.meeting(m)),
    ],
)
def test_removal_asks_for_confirmation_then_removes_on_post(persona_client, mission, name, make):
    part = make(mission)
    model = type(part)
    client = persona_client("ame_officer")
    target = url(name, mission, part.pk)
    page = client.get(target)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sí, eliminar" in html and 'method="post"' in html
    assert model.objects.filter(pk=part.pk).exists()  # GET removes nothing
    response = client.post(target)
    assert response.status_code == 302
    assert not model.objects.filter(pk=part.pk).exists()
    assert events(mission).first().changes  # audited on the mission


def test_removal_page_warns_of_what_goes_with_it(persona_client, meeting):
    r = services.add_recommendation(meeting, actor=None, text="R")
    services.add_follow_up(r, actor=None, description="Carta", responsible="AME")
    services.add_follow_up(r, actor=None, description="Taller", responsible="AME")
    html = persona_client("ame_officer").get(url("recommendation_remove", meeting.mission, r.pk))
    assert "También se eliminan sus 2 acciones de seguimiento" in html.content.decode()


def test_meeting_with_opportunities_cannot_be_removed_from_the_page(persona_client, meeting):
    services.create_opportunity(
        meeting,
        actor=None,
        kind=OpportunityKind.TRAINING,
        counterpart=factories.counterpart_org(),
        title="Curso",
    )
    client = persona_client("ame_officer")
    target = url("meeting_remove", meeting.mission, meeting.pk)
    html = client.get(target).content.decode()
    assert "no se puede eliminar" in html and "Sí, eliminar" not in html
    response = client.post(target, follow=True)
    assert "no se puede" in response.content.decode()
    assert meeting.mission.meetings.filter(pk=meeting.pk).exists()


def test_mission_page_links_to_the_edit_and_remove_pages(persona_client, meeting, panel):
    mission = meeting.mission
    c = services.add_counterpart(meeting, actor=None, organization_name="OPAMSS")
    r = services.add_recommendation(meeting, actor=None, text="R")
    s = services.add_speaker(panel, actor=None, name="Ana")
    p = mission.participants.get()
    html = persona_client("ame_officer").get(mission.get_absolute_url()).content.decode()
    for name, pk in [
        ("participant_edit", p.pk),
        ("participant_remove", p.pk),
        ("counterpart_edit", c.pk),
        ("counterpart_remove", c.pk),
        ("recommendation_edit", r.pk),
        ("recommendation_remove", r.pk),
        ("panel_edit", panel.pk),
        ("panel_remove", panel.pk),
        ("speaker_edit", s.pk),
        ("speaker_remove", s.pk),
        ("meeting_remove", meeting.pk),
    ]:
        assert url(name, mission, pk) in html, name
    public = persona_client("cuenca_officer").get(mission.get_absolute_url()).content.decode()
    assert url("speaker_edit", mission, s.pk) not in public


# --- history ----------------------------------------------------------------------------------


def test_history_page_lists_who_when_and_what(persona_client, personas, meeting):
    mission = meeting.mission
    services.update_meeting(meeting, actor=personas["ame_officer"], title="Reunión con CAMOAT")
    client = persona_client("cuenca_officer")
    detail = client.get(mission.get_absolute_url()).content.decode()
    history_url = reverse("missions:history", args=[mission.slug])
    assert history_url in detail
    response = client.get(history_url)
    assert response.status_code == 200
    html = response.content.decode()
    officer = personas["ame_officer"]
    assert (officer.full_name or officer.email) in html
    assert "Título</strong>: Reunión con OPAMSS → Reunión con CAMOAT" in html
    assert "Creación" in html and "Modificación" in html
    assert persona_client("loja_officer").get(history_url).status_code == 404


def test_history_shows_dates_and_choices_as_people_read_them(persona_client, personas):
    mission = factories.mission(status=MissionStatus.IN_PROGRESS)
    services.change_mission_status(mission, MissionStatus.SYSTEMATISED, actor=personas["ame_admin"])
    services.update_mission(
        mission, actor=personas["ame_admin"], ends_on=datetime.date(2024, 5, 11)
    )
    html = (
        persona_client("ame_officer")
        .get(reverse("missions:history", args=[mission.slug]))
        .content.decode()
    )
    assert "10/05/2024 → 11/05/2024" in html
    assert str(MissionStatus.SYSTEMATISED.label) in html


# --- demo -------------------------------------------------------------------------------------


def test_demo_reload_corrects_an_edited_speaker(db):
    from sioc.missions import demo
    from sioc.organizations import demo as organizations_demo

    organizations_demo.load(actor=None)
    demo.load(actor=None)
    speaker = Speaker.objects.filter(panel__mission__slug="asamblea-latacunga-2024").first()
    original = (speaker.organization_name, speaker.contribution)
    services.update_speaker(speaker, actor=None, organization_name="Otra", contribution="Otro")
    mission = speaker.panel.mission
    before = events(mission).count()
    demo.load(actor=None, stdout=io.StringIO())
    speaker.refresh_from_db()
    assert (speaker.organization_name, speaker.contribution) == original
    assert events(mission).count() == before + 1
    demo.load(actor=None)
    assert events(mission).count() == before + 1  # nothing left to correct: no event
