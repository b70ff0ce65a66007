import pytest
from django.urls import reverse

from sioc.audit.models import AuditEvent
from sioc.organizations import services
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Contact, Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def cuenca():
    return Organization.objects.get(canton__code="0101")


def edit_data(org, **overrides):
    data = {
        "name": org.name,
        "acronym": org.acronym,
        "country": org.country,
        "website": org.website,
        "description": org.description,
        "public_email": org.public_email,
        "phone": org.phone,
        "address": org.address,
        "version": org.updated_at.isoformat(),
    }
    data.update(overrides)
    return data


def test_reference_data_created_one_gad_per_canton():
    assert Organization.objects.gads().count() == 221
    assert Organization.objects.filter(kind=OrganizationKind.AME).count() == 1
    gad = Organization.objects.get(canton__code="0101")
    assert gad.name == "GAD Municipal de Cuenca"


def test_gad_officer_edits_own_gad_and_the_change_is_audited(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    response = client.post(
        reverse("organizations:edit", args=[cuenca.slug]),
        edit_data(cuenca, description="Capital del Azuay, patrimonio cultural de la humanidad."),
    )
    assert response.status_code == 302
    cuenca.refresh_from_db()
    assert cuenca.description.startswith("Capital del Azuay")
    event = AuditEvent.objects.for_object(cuenca).first()
    assert event.action == "update"
    assert event.actor.email == "cuenca.officer@ejemplo.ec"
    assert event.changes["description"][1].startswith("Capital del Azuay")
    history = client.get(reverse("organizations:history", args=[cuenca.slug]))
    assert "Capital del Azuay" in history.content.decode()


def test_other_gad_officer_cannot_edit(persona_client, cuenca):
    client = persona_client("loja_officer")
    response = client.post(
        reverse("organizations:edit", args=[cuenca.slug]), edit_data(cuenca, name="Hackeado")
    )
    assert response.status_code == 403
    cuenca.refresh_from_db()
    assert cuenca.name == "GAD Municipal de Cuenca"


def test_gad_officer_cannot_change_kind_or_deactivate(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    form = client.get(reverse("organizations:edit", args=[cuenca.slug])).context["form"]
    assert "kind" not in form.fields and "is_active" not in form.fields


def test_second_save_of_a_stale_form_is_a_conflict_and_overwrites_nothing(
    persona_client, personas, cuenca
):
    stale = edit_data(cuenca)
    services.update_organization(
        cuenca, actor=personas["ame_officer"], description="Versión de AME"
    )
    client = persona_client("cuenca_officer")
    response = client.post(
        reverse("organizations:edit", args=[cuenca.slug]),
        {**stale, "description": "Versión del GAD"},
    )
    assert response.status_code == 409
    assert "Otra persona modificó esta organización" in response.content.decode()
    cuenca.refresh_from_db()
    assert cuenca.description == "Versión de AME"


def test_invalid_input_gets_spanish_messages_and_changes_nothing(persona_client, cuenca):
    client = persona_client("ame_officer")
    response = client.post(
        reverse("organizations:edit", args=[cuenca.slug]),
        edit_data(cuenca, name="", website="no es una url", country="Ecuador"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Este campo es requerido" in body
    assert "Introduzca una URL válida" in body
    assert "Use el código de país de dos letras" in body
    cuenca.refresh_from_db()
    assert cuenca.name == "GAD Municipal de Cuenca"


def test_malicious_text_is_escaped(persona_client, cuenca):
    client = persona_client("ame_officer")
    client.post(
        reverse("organizations:edit", args=[cuenca.slug]),
        edit_data(cuenca, description="<script>alert('x')</script>"),
    )
    body = client.get(reverse("organizations:detail", args=[cuenca.slug])).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;" in body


def test_contacts_are_visible_only_to_ame_and_own_members(persona_client, cuenca):
    Contact.objects.create(organization=cuenca, name="Rosa Contacto", email="rosa@cuenca.gob.ec")
    url = reverse("organizations:detail", args=[cuenca.slug])
    for persona, sees in [
        ("ame_admin", True),
        ("ame_officer", True),
        ("cuenca_officer", True),
        ("loja_officer", False),
        ("focal_point", False),
        ("anonymous", False),
    ]:
        body = persona_client(persona).get(url).content.decode()
        assert ("rosa@cuenca.gob.ec" in body) is sees, persona
    api = (
        persona_client("anonymous")
        .get(reverse("api:organization-detail", args=[cuenca.slug]))
        .json()
    )
    assert "contacts" not in api and "rosa@cuenca.gob.ec" not in str(api)


def test_inactive_organisation_is_404_for_everyone_but_ame(persona_client, personas):
    org = services.create_organization(
        actor=personas["ame_admin"],
        name="Fundación Dormida",
        kind=OrganizationKind.FOUNDATION,
        is_active=False,
    )
    url = reverse("organizations:detail", args=[org.slug])
    assert persona_client("ame_officer").get(url).status_code == 200
    for persona in ["cuenca_officer", "focal_point", "anonymous"]:
        assert persona_client(persona).get(url).status_code == 404
    listing = persona_client("anonymous").get(reverse("organizations:list"), {"q": "dormida"})
    assert "Fundación Dormida" not in listing.content.decode()


def test_search_ignores_accents_and_case(client):
    response = client.get(reverse("organizations:list"), {"q": "RUMINAHUI"})
    assert "GAD Municipal de Rumiñahui" in response.content.decode()
    response = client.get(reverse("organizations:list"), {"q": "nabon", "kind": "gad_municipal"})
    assert response.context["page"].paginator.count == 1


def test_list_filters_by_province_and_htmx_returns_only_results(client):
    response = client.get(reverse("organizations:list"), {"province": "01"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert response.context["page"].paginator.count == 15  # Azuay's cantons


def test_list_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("organizations:list"))


def test_focal_point_edits_own_organisation(persona_client, personas):
    org = personas["focal_point"].memberships.get().organization
    response = persona_client("focal_point").post(
        reverse("organizations:edit", args=[org.slug]),
        edit_data(org, description="Cooperación técnica alemana."),
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.description == "Cooperación técnica alemana."


def test_contact_crud_is_audited(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    response = client.post(
        reverse("organizations:contact_add", args=[cuenca.slug]),
        {
            "name": "Jorge Técnico",
            "position": "Director de planificación",
            "email": "jorge@cuenca.gob.ec",
        },
    )
    assert response.status_code == 302
    contact = cuenca.contacts.get()
    client.post(reverse("organizations:contact_delete", args=[cuenca.slug, contact.pk]))
    assert not cuenca.contacts.exists()
    notes = list(AuditEvent.objects.for_object(cuenca).values_list("note", flat=True))
    assert (
        "Contacto añadido: Jorge Técnico" in notes and "Contacto eliminado: Jorge Técnico" in notes
    )


def test_audit_list_filters_for_admin(persona_client, personas, cuenca):
    services.update_organization(
        cuenca, actor=personas["ame_officer"], description="Cambio auditado"
    )
    client = persona_client("ame_admin")
    response = client.get(reverse("audit:list"), {"action": "update", "q": "Cuenca"})
    assert response.status_code == 200
    assert "Cambio auditado" in response.content.decode()
    response = client.get(
        reverse("audit:list"), {"date_from": "2030-01-01", "date_to": "2020-01-01"}
    )
    assert "posterior a la fecha" in response.content.decode()


def test_country_is_shown_by_its_spanish_name(client, personas):
    org = personas["focal_point"].memberships.get().organization
    body = client.get(reverse("organizations:detail", args=[org.slug])).content.decode()
    assert "Alemania" in body
    listing = client.get(reverse("organizations:list"), {"q": "prueba"}).content.decode()
    assert "Alemania" in listing
