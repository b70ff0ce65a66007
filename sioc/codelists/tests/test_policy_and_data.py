import csv
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from sioc.codelists import choices, loaders, permissions
from sioc.codelists.models import DacSector, Modality

APP_DIR = Path(loaders.__file__).resolve().parent

TRANSLATION_FILES = {
    "sectores_cad_categorias_es.csv": "SectorCategory",
    "sectores_cad_es.csv": "Sector",
    "tipos_organizacion_es.csv": "OrganisationType",
    "estados_actividad_es.csv": "ActivityStatus",
    "tipos_ayuda_categorias_es.csv": "AidType-category",
    "tipos_ayuda_es.csv": "AidType",
    "tipos_financiamiento_categorias_es.csv": "FinanceType-category",
    "tipos_financiamiento_es.csv": "FinanceType",
    "tipos_flujo_es.csv": "FlowType",
}


def _codes(path, column="code"):
    with open(path, encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("translation, source", TRANSLATION_FILES.items())
def test_every_iati_code_has_exactly_one_spanish_name(translation, source):
    """Withdrawn codes too: nothing in the pages falls back to English today."""
    ours = _codes(APP_DIR / "data" / translation)
    theirs = _codes(Path(settings.DATA_DIR, "iati", "codelists", "csv", f"{source}.csv"))
    assert len(ours) == len(set(ours))
    assert sorted(ours) == sorted(theirs)


def test_stylesheet_has_every_official_sdg_colour():
    css = (APP_DIR / "static" / "codelists" / "codelists.css").read_text(encoding="utf-8")
    for number, colour in choices.SDG_COLORS.items():
        assert re.search(rf"\.ods-{number} {{ --ods-color: {colour}; }}", css), number


def test_project_lists_are_complete():
    assert len(choices.CootadCompetencyCode) == 14
    assert set(choices.COOTAD_COMPETENCY_TEXTS) == set(choices.CootadCompetencyCode)
    assert set(choices.MODALITY_DESCRIPTIONS) == set(choices.ModalityCode)
    assert set(choices.COOPERATION_TYPE_DESCRIPTIONS) == set(choices.CooperationTypeCode)


@pytest.mark.django_db
def test_policy_read_only_for_everybody(admin_user):
    sector = DacSector.objects.get(code="14030")
    for user in (AnonymousUser(), admin_user):
        assert permissions.can(user, "view", sector)
        assert permissions.can(user, "export")
        for action in ("create", "change", "delete"):
            assert not permissions.can(user, action, sector)
        qs = DacSector.objects.all()
        assert permissions.visible_to(user, qs).count() == 325


@pytest.mark.django_db
def test_admin_is_read_only(admin_client):
    modality = Modality.objects.get(code="credit")
    changelist = admin_client.get(
        reverse("admin:codelists_dacsector_changelist"), {"q": "saneamiento"}
    )
    assert changelist.status_code == 200
    assert (
        "Abastecimiento básico de agua potable y saneamiento básico" in changelist.content.decode()
    )
    assert admin_client.get(reverse("admin:codelists_modality_add")).status_code == 403
    change_url = reverse("admin:codelists_modality_change", args=[modality.pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(change_url, {"name": "Otra cosa"}).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:codelists_modality_delete", args=[modality.pk])
        ).status_code
        == 403
    )
    modality.refresh_from_db()
    assert modality.name == "Crédito"


@pytest.mark.django_db
def test_admin_index_names_the_lists_in_spanish(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Catálogos de códigos" in html
    assert "Sectores CAD" in html
    assert "Competencias COOTAD" in html
