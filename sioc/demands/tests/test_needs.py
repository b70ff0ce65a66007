"""Needs: who sees and edits them, the form's rules, status changes, PDF attachments, the list."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from sioc.audit.models import AuditEvent
from sioc.codelists.models import Modality, SdgTarget
from sioc.demands import services
from sioc.demands.choices import NeedStatus
from sioc.demands.models import Need, NeedAttachment
from sioc.demands.tests.factories import gad, need
from sioc.territory.models import Parish

pytestmark = pytest.mark.django_db

XSS = '<img src=x onerror="alert(1)">'
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def cuenca():
    return gad("0101")


def form_data(**overrides):
    data = {
        "title": "Estudios de agua potable para Baños",
        "problem": "Las comunidades altas no tienen agua segura.",
        "objective": "Diseños definitivos.",
        "beneficiaries_count": "1200",
        "beneficiary_groups": "Comunidades rurales",
        "parishes": [Parish.objects.get(code="010151").pk],
        "sdg_targets": [SdgTarget.objects.get(code="6.1").pk],
        "modalities": [Modality.objects.get(code="technical_assistance").pk],
        "estimated_budget": "150000",
        "counterpart_funds": "20000",
        "maturity": "profile",
        "pdot_programme": "Agua rural",
    }
    data.update(overrides)
    return data


def test_officer_records_an_active_need_with_its_parishes(persona_client, cuenca):
    client = persona_client("cuenca_officer")
    assert client.get(reverse("demands:need_create")).status_code == 200
    response = client.post(reverse("demands:need_create"), form_data(activate="1"))
    assert response.status_code == 302
    item = Need.objects.get(title="Estudios de agua potable para Baños")
    assert response["Location"] == item.get_absolute_url()
    assert item.gad == cuenca and item.status == NeedStatus.ACTIVE
    assert [p.code for p in item.parishes.all()] == ["010151"]
    # A target brings its goal along.
    assert [g.code for g in item.sdgs.all()] == [6]
    assert AuditEvent.objects.filter(object_id=str(item.pk), action="create").exists()
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Baños" in html and "USD 150.000,00" in html


def test_saving_without_activating_keeps_a_draft(persona_client):
    client = persona_client("cuenca_officer")
    client.post(reverse("demands:need_create"), form_data(title="Borrador de prueba"))
    assert Need.objects.get(title="Borrador de prueba").status == NeedStatus.DRAFT


def test_parishes_of_another_canton_are_refused(persona_client):
    client = persona_client("cuenca_officer")
    loja_parish = Parish.objects.get(code="110151")
    response = client.post(reverse("demands:need_create"), form_data(parishes=[loja_parish.pk]))
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.content.decode()
    assert not Need.objects.exists()
    # The form only offers the GAD's own parishes.
    choices = response.context["form"].fields["parishes"].queryset
    assert set(choices.values_list("canton__code", flat=True)) == {"0101"}


def test_spanish_validation_messages_and_nothing_lost(persona_client):
    client = persona_client("cuenca_officer")
    response = client.post(
        reverse("demands:need_create"),
        form_data(
            title="", estimated_budget="-5", counterpart_funds="abc", beneficiaries_count="-1"
        ),
    )
    html = response.content.decode()
    assert "Este campo es requerido." in html
    assert "Asegúrese de que este valor es mayor o igual a 0." in html
    assert "El monto no puede ser negativo." in html
    assert "Introduzca un número." in html
    assert "Las comunidades altas no tienen agua segura." in html  # what was typed is kept
    response = client.post(
        reverse("demands:need_create"), form_data(estimated_budget="1000", counterpart_funds="5000")
    )
    assert (
        "La contraparte no puede ser mayor que el presupuesto estimado."
        in response.content.decode()
    )
    assert not Need.objects.exists()


def test_ame_chooses_the_gad_first(persona_client, cuenca):
    client = persona_client("ame_officer")
    response = client.get(reverse("demands:need_create"))
    assert "demands/need_gad_choice.html" in [t.name for t in response.templates]
    response = client.get(reverse("demands:need_create") + f"?gad={cuenca.slug}")
    assert response.context["gad"] == cuenca
    response = client.post(reverse("demands:need_create"), {**form_data(), "gad": cuenca.slug})
    assert response.status_code == 302
    assert Need.objects.get().gad == cuenca
    assert client.get(reverse("demands:need_create") + "?gad=no-existe").status_code == 404


def test_officer_cannot_record_for_another_gad(persona_client, cuenca):
    client = persona_client("loja_officer")
    response = client.post(reverse("demands:need_create"), {**form_data(), "gad": cuenca.slug})
    assert response.status_code == 403
    assert not Need.objects.exists()


def test_edit_with_optimistic_lock(persona_client, cuenca):
    item = need(cuenca, title="Original", status=NeedStatus.DRAFT)
    client = persona_client("cuenca_officer")
    url = reverse("demands:need_edit", args=[item.pk])
    version = client.get(url).context["form"]["version"].value()
    response = client.post(url, form_data(title="Cambiado", version=version))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Cambiado" and item.status == NeedStatus.DRAFT
    response = client.post(url, form_data(title="Tarde", version=version))
    assert response.status_code == 409
    assert "Otra persona guardó esta necesidad" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Cambiado"


def test_status_changes(persona_client, cuenca):
    item = need(cuenca, status=NeedStatus.DRAFT)
    client = persona_client("cuenca_officer")
    url = reverse("demands:need_transition", args=[item.pk])
    client.post(url, {"to_status": "active"})
    item.refresh_from_db()
    assert item.status == NeedStatus.ACTIVE
    client.post(url, {"to_status": "covered"})
    item.refresh_from_db()
    assert item.status == NeedStatus.COVERED
    response = client.post(url, {"to_status": "withdrawn"}, follow=True)
    assert (
        "Esa acción no es posible en el estado actual de la necesidad." in response.content.decode()
    )
    response = client.post(url, {"to_status": "<b>no</b>"}, follow=True)
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == NeedStatus.COVERED
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Reactivar" in html


def test_status_service_refuses_steps_that_do_not_exist(cuenca):
    from django.core.exceptions import ValidationError

    item = need(cuenca, status=NeedStatus.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.change_need_status(item, NeedStatus.COVERED, actor=None)


def test_focal_point_sees_active_needs_without_private_parts(persona_client, cuenca):
    active = need(cuenca, title="Activa visible", status=NeedStatus.ACTIVE)
    draft = need(cuenca, title="Borrador oculto", status=NeedStatus.DRAFT)
    services.add_need_attachment(
        active,
        actor=None,
        title="Informe con datos",
        uploaded_file=SimpleUploadedFile("a.pdf", PDF),
    )
    client = persona_client("focal_point")
    html = client.get(reverse("demands:need_list")).content.decode()
    assert "Activa visible" in html and "Borrador oculto" not in html
    html = client.get(active.get_absolute_url()).content.decode()
    assert "Activa visible" in html
    assert "Informe con datos" not in html and "Gestión de la necesidad" not in html
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_other_gad_gets_404_and_unknown_pk_too(persona_client, cuenca):
    item = need(cuenca)
    client = persona_client("loja_officer")
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(reverse("demands:need_edit", args=[item.pk])).status_code == 404
    assert (
        persona_client("ame_officer").get(reverse("demands:need_detail", args=[999999])).status_code
        == 404
    )


def test_pdf_attachments(persona_client, cuenca, settings):
    item = need(cuenca)
    client = persona_client("cuenca_officer")
    url = reverse("demands:need_attachment_add", args=[item.pk])
    response = client.post(
        url,
        {"title": "Falso", "file": SimpleUploadedFile("falso.pdf", b"MZ no soy un pdf")},
        follow=True,
    )
    assert "El archivo no es un PDF." in response.content.decode()
    response = client.post(url, {"title": "Sin archivo"}, follow=True)
    assert "Elija un archivo PDF para adjuntar." in response.content.decode()
    big = SimpleUploadedFile("grande.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = client.post(url, {"file": big}, follow=True)
    assert "El archivo pesa más de 10 MB." in response.content.decode()
    assert not NeedAttachment.objects.exists()

    response = client.post(
        url, {"title": "", "file": SimpleUploadedFile("../../estudio.pdf", PDF)}, follow=True
    )
    assert "Documento adjuntado." in response.content.decode()
    attachment = NeedAttachment.objects.get()
    assert attachment.title == "estudio.pdf"
    assert ".." not in attachment.file.name and attachment.file.name.startswith(
        f"necesidades/{item.pk}/"
    )
    download = reverse("demands:need_attachment", args=[item.pk, attachment.pk])
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert persona_client("focal_point").get(download).status_code == 404
    client = persona_client("cuenca_officer")  # the test client is shared between personas
    # An attachment id of another need is not found through this need.
    other = need(cuenca)
    assert (
        client.get(reverse("demands:need_attachment", args=[other.pk, attachment.pk])).status_code
        == 404
    )

    client.post(reverse("demands:need_attachment_delete", args=[item.pk, attachment.pk]))
    assert not NeedAttachment.objects.exists()


def test_malicious_strings_are_escaped(persona_client, cuenca):
    item = need(cuenca, title=XSS, problem=XSS, beneficiary_groups=XSS)
    for name in ("cuenca_officer", "ame_officer"):
        client = persona_client(name)
        for url in (item.get_absolute_url(), reverse("demands:need_list")):
            html = client.get(url).content.decode()
            assert XSS not in html and "&lt;img src=x" in html


def test_recommended_offers_block(persona_client, cuenca):
    item = need(cuenca)
    html = persona_client("cuenca_officer").get(item.get_absolute_url()).content.decode()
    try:
        match_url = reverse("matching:need_offers", args=[item.pk])
    except NoReverseMatch:
        assert "Las recomendaciones de ofertas todavía no están disponibles." in html
    else:
        assert f'hx-get="{match_url}"' in html and f'href="{match_url}"' in html


def test_list_per_role_and_filters(persona_client, cuenca):
    loja = gad("1101")
    need(cuenca, title="Agua Cuenca", sdgs=[6], status=NeedStatus.ACTIVE)
    need(cuenca, title="Movilidad Cuenca", sdgs=[11], status=NeedStatus.DRAFT)
    need(loja, title="Saneamiento Loja", sdgs=[6], status=NeedStatus.ACTIVE)
    url = reverse("demands:need_list")

    def titles(client, query=""):
        return {n.title for n in client.get(url + query).context["page"]}

    ame = persona_client("ame_officer")
    assert titles(ame) == {"Agua Cuenca", "Movilidad Cuenca", "Saneamiento Loja"}
    assert titles(ame, f"?gad={loja.slug}") == {"Saneamiento Loja"}
    assert titles(ame, "?province=01") == {"Agua Cuenca", "Movilidad Cuenca"}
    assert titles(ame, "?status=draft") == {"Movilidad Cuenca"}
    assert titles(ame, "?sdg=6") == {"Agua Cuenca", "Saneamiento Loja"}
    assert titles(ame, "?q=movilidad") == {"Movilidad Cuenca"}
    # Bad filter values are ignored with a message, never a 500.
    response = ame.get(url + "?sdg=abc&status=<x>&gad=no-existe&province=zz")
    assert response.status_code == 200
    assert "Algún filtro no es válido y se ignoró." in response.content.decode()
    assert titles(persona_client("cuenca_officer")) == {"Agua Cuenca", "Movilidad Cuenca"}
    assert titles(persona_client("loja_officer")) == {"Saneamiento Loja"}
    assert titles(persona_client("focal_point")) == {"Agua Cuenca", "Saneamiento Loja"}


def test_list_htmx_partial(persona_client, cuenca):
    need(cuenca, title="Agua Cuenca")
    response = persona_client("ame_officer").get(
        reverse("demands:need_list") + "?q=agua", HTTP_HX_REQUEST="true"
    )
    assert [t.name for t in response.templates][0] == "demands/partials/need_results.html"
    assert "Agua Cuenca" in response.content.decode()


def test_list_query_budget(persona_client, cuenca, django_assert_max_num_queries):
    client = persona_client("ame_officer")
    url = reverse("demands:need_list")
    need(cuenca, sdgs=[6, 11])
    client.get(url)  # warm caches (sessions, content types)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for i in range(30):
        need(gad("1101") if i % 2 else cuenca, sdgs=[6, 11, 13], parishes=[])
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(url)
    assert len(response.context["page"]) == 25
    assert len(many.captured_queries) == len(few.captured_queries)
