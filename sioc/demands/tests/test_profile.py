"""The GAD profile page and its edit form (with the e-mail digest preferences)."""

import datetime

import pytest
from django.urls import reverse

from sioc.audit.models import AuditEvent
from sioc.codelists.models import SdgGoal
from sioc.demands import services
from sioc.demands.models import GadProfile
from sioc.demands.tests.factories import gad
from sioc.organizations.models import Organization

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script>'


@pytest.fixture
def cuenca():
    return gad("0101")


@pytest.fixture
def profile(cuenca):
    profile = services.profile_for(cuenca)
    return services.update_profile(
        profile,
        actor=None,
        mayor_name="Cristian Zamora",
        term_start=datetime.date(2023, 5, 14),
        term_end=datetime.date(2027, 5, 14),
        officer_name="Carolina Ordóñez",
        officer_email="carolina@ejemplo.ec",
        officer_phone="07 400 0000",
        pdot_priorities="Movilidad eléctrica",
        priority_sdgs=list(SdgGoal.objects.filter(code__in=[11, 13])),
        networks=[
            Organization.objects.create(
                slug="red-prueba", kind="city_network", name="Red de prueba"
            )
        ],
    )


def form_data(**overrides):
    data = {
        "mayor_name": "Cristian Zamora",
        "term_start": "2023-05-14",
        "term_end": "2027-05-14",
        "officer_name": "Carolina Ordóñez",
        "officer_email": "carolina@ejemplo.ec",
        "officer_phone": "",
        "pdot_priorities": "Agua y movilidad",
        "digest_frequency": "none",
        "digest_email": "",
    }
    data.update(overrides)
    return data


def test_public_part_for_everyone_contacts_only_for_ame_and_the_gad(
    persona_client, profile, cuenca
):
    url = reverse("demands:profile", args=[cuenca.slug])
    for name in ("anonymous", "loja_officer", "focal_point"):
        html = persona_client(name).get(url).content.decode()
        assert "Cristian Zamora" in html and "14/05/2023" in html and "Red de prueba" in html
        assert "ODS 11" in html and cuenca.canton.get_absolute_url() in html
        assert "carolina@ejemplo.ec" not in html and "Carolina Ordóñez" not in html
    for name in ("cuenca_officer", "ame_officer"):
        html = persona_client(name).get(url).content.decode()
        assert "carolina@ejemplo.ec" in html and "07 400 0000" in html


def test_reading_a_profile_never_creates_it(client, cuenca):
    assert client.get(reverse("demands:profile", args=[cuenca.slug])).status_code == 200
    assert not GadProfile.objects.filter(organization=cuenca).exists()


def test_only_gads_have_a_profile(client):
    assert client.get(reverse("demands:profile", args=["ame"])).status_code == 404
    assert client.get(reverse("demands:profile", args=["no-existe"])).status_code == 404


def test_officer_edits_profile_and_digest_and_it_is_audited(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    url = reverse("demands:profile_edit", args=[cuenca.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        form_data(
            digest_frequency="weekly",
            priority_sdgs=[SdgGoal.objects.get(code=6).pk],
        ),
    )
    assert response.status_code == 302
    profile = GadProfile.objects.get(organization=cuenca)
    assert profile.mayor_name == "Cristian Zamora"
    assert profile.digest_frequency == "weekly"
    # No digest address given: the officer's e-mail is used.
    assert profile.digest_email == "carolina@ejemplo.ec"
    assert [g.code for g in profile.priority_sdgs.all()] == [6]
    assert AuditEvent.objects.filter(object_id=str(cuenca.pk), note="Perfil del GAD").exists()


def test_spanish_validation_messages(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    url = reverse("demands:profile_edit", args=[cuenca.slug])
    response = client.post(
        url,
        form_data(
            term_start="2027-05-14",
            term_end="2023-05-14",
            officer_email="no-es-correo",
            digest_frequency="on_publication",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "El fin del período debe ser posterior a su inicio." in html
    assert "Introduzca una dirección de correo electrónico válida." in html
    response = client.post(url, form_data(officer_email="", digest_frequency="weekly"))
    assert "Indique a qué correo enviar el resumen de oportunidades." in response.content.decode()
    response = client.post(url, form_data(digest_frequency="diario"))
    assert "Escoja una opción válida" in response.content.decode()
    assert not GadProfile.objects.filter(organization=cuenca).exists()


def test_concurrent_edit_is_a_409_and_keeps_what_the_other_saved(persona_client, profile, cuenca):
    client = persona_client("cuenca_officer")
    url = reverse("demands:profile_edit", args=[cuenca.slug])
    version = client.get(url).context["form"]["version"].value()
    services.update_profile(profile, actor=None, mayor_name="Otra persona guardó")
    response = client.post(url, form_data(version=version, mayor_name="Mi cambio"))
    assert response.status_code == 409
    assert "Otra persona guardó este perfil" in response.content.decode()
    profile.refresh_from_db()
    assert profile.mayor_name == "Otra persona guardó"


def test_malicious_text_is_escaped(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    client.post(
        reverse("demands:profile_edit", args=[cuenca.slug]),
        form_data(mayor_name=XSS, pdot_priorities=XSS),
    )
    html = (
        persona_client("anonymous")
        .get(reverse("demands:profile", args=[cuenca.slug]))
        .content.decode()
    )
    assert XSS not in html
    assert "&lt;script&gt;" in html


def test_profile_page_links_needs_for_those_who_see_them(persona_client, cuenca):
    from sioc.demands.tests.factories import need

    need(cuenca, title="Agua para Baños")
    url = reverse("demands:profile", args=[cuenca.slug])
    assert "Agua para Baños" in persona_client("cuenca_officer").get(url).content.decode()
    assert "Agua para Baños" not in persona_client("anonymous").get(url).content.decode()
    assert "Agua para Baños" not in persona_client("loja_officer").get(url).content.decode()
