"""The demo cooperantes: valid, idempotent, and silent in the audit trail when nothing changed."""

import io

import pycountry
import pytest

from sioc.audit.models import AuditEvent
from sioc.organizations import demo
from sioc.organizations.choices import COOPERANTE_KINDS, OrganizationKind
from sioc.organizations.models import Organization
from sioc.organizations.services import AME_SLUG, update_organization


def test_demo_entries_are_well_formed():
    slugs = [entry["slug"] for entry in demo.ORGANIZATIONS]
    assert len(slugs) == len(set(slugs))
    assert AME_SLUG not in slugs
    assert 40 <= len(slugs) <= 60
    for entry in demo.ORGANIZATIONS:
        assert entry["kind"] in COOPERANTE_KINDS, entry["slug"]
        assert not entry["country"] or pycountry.countries.get(alpha_2=entry["country"])
        assert not entry["website"] or entry["website"].startswith("https://")
        assert entry["description"].strip(), entry["slug"]


def test_demo_covers_the_organisations_of_the_ame_reports():
    slugs = {entry["slug"] for entry in demo.ORGANIZATIONS}
    assert {"fcm", "flacma", "cglu", "opamss", "binaes", "mercociudades", "jica"} <= slugs
    kinds = {entry["kind"] for entry in demo.ORGANIZATIONS}
    assert OrganizationKind.EMBASSY in kinds
    assert OrganizationKind.FOREIGN_LOCAL_GOVERNMENT in kinds


@pytest.mark.django_db
def test_load_twice_creates_nothing_new_and_records_no_audit_noise():
    before = Organization.objects.count()
    out = io.StringIO()

    assert demo.load(actor=None, stdout=out) == {"cooperantes_demo": len(demo.ORGANIZATIONS)}
    assert Organization.objects.count() == before + len(demo.ORGANIZATIONS)
    assert "Cooperantes de demostración" in out.getvalue()
    events = AuditEvent.objects.count()

    demo.load(actor=None)

    assert Organization.objects.count() == before + len(demo.ORGANIZATIONS)
    assert AuditEvent.objects.count() == events
    assert Organization.objects.cooperantes().filter(slug="fcm").exists()
    assert not Organization.objects.get(slug="usaid").is_active


@pytest.mark.django_db
def test_reload_restores_demo_fields_audits_the_change_and_keeps_other_edits():
    demo.load(actor=None)
    fcm = Organization.objects.get(slug="fcm")
    update_organization(fcm, actor=None, description="Texto cambiado", phone="+57 1 555 0000")
    events = AuditEvent.objects.count()

    demo.load(actor=None)

    fcm.refresh_from_db()
    assert fcm.description != "Texto cambiado"
    assert fcm.phone == "+57 1 555 0000"  # not managed by the demo data
    assert AuditEvent.objects.count() == events + 1
