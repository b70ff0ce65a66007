"""The missions policy, persona by persona."""

import pytest

from sioc.missions import permissions
from sioc.missions.choices import MissionStatus
from sioc.missions.models import Mission
from sioc.missions.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def missions():
    return {
        "published": factories.mission(status=MissionStatus.PUBLISHED),
        "cuenca_draft": factories.mission(status=MissionStatus.PLANNED),
        "loja_draft": factories.mission(status=MissionStatus.SYSTEMATISED, gads=("1101",)),
    }


def visible(user):
    return set(permissions.visible_to(user).values_list("slug", flat=True))


def test_visibility_per_persona(personas, missions):
    everything = {m.slug for m in missions.values()}
    assert visible(personas["ame_admin"]) == everything
    assert visible(personas["ame_officer"]) == everything
    assert visible(personas["cuenca_officer"]) == {
        missions["published"].slug,
        missions["cuenca_draft"].slug,
    }
    assert visible(personas["loja_officer"]) == {
        missions["published"].slug,
        missions["loja_draft"].slug,
    }
    assert visible(personas["focal_point"]) == {missions["published"].slug}
    assert visible(None) == {missions["published"].slug}


def test_visible_to_narrows_a_given_queryset(personas, missions):
    qs = Mission.objects.filter(status=MissionStatus.PLANNED)
    assert list(permissions.visible_to(personas["loja_officer"], qs)) == []


def test_only_ame_creates_and_changes(personas, missions):
    m = missions["cuenca_draft"]
    for name in ("ame_admin", "ame_officer"):
        assert permissions.can(personas[name], "create")
        assert permissions.can(personas[name], "change", m)
        assert permissions.can(personas[name], "change_status", m)
        assert permissions.can(personas[name], "view_dashboard")
    for name in ("cuenca_officer", "loja_officer", "focal_point", "anonymous"):
        assert not permissions.can(personas[name], "create")
        assert not permissions.can(personas[name], "change", m)
        assert not permissions.can(personas[name], "change_status", m)
        assert not permissions.can(personas[name], "view_dashboard")


def test_participating_gads_contribute_photos_and_notes(personas, missions):
    m = missions["cuenca_draft"]
    assert permissions.can(personas["cuenca_officer"], "contribute", m)
    assert permissions.can(personas["cuenca_officer"], "view_dashboard", m)
    assert not permissions.can(personas["loja_officer"], "contribute", m)
    assert not permissions.can(personas["focal_point"], "contribute", m)
    assert not permissions.can(None, "contribute", missions["published"])


def test_gad_authority_counts_as_participant(missions):
    from sioc.accounts.tests.factories import MembershipFactory, UserFactory
    from sioc.common.roles import Role

    mayor = UserFactory(email="alcaldia@cuenca.ejemplo.ec")
    MembershipFactory(user=mayor, organization=factories.gad("0101"), role=Role.GAD_AUTHORITY)
    assert missions["cuenca_draft"].slug in visible(mayor)
    assert permissions.can(mayor, "contribute", missions["cuenca_draft"])


def test_unpublished_mission_answers_404_to_outsiders(persona_client, missions):
    url = missions["cuenca_draft"].get_absolute_url()
    assert persona_client("loja_officer").get(url).status_code == 404
    assert persona_client("focal_point").get(url).status_code == 404
    assert persona_client("anonymous").get(url).status_code == 404
    assert persona_client("cuenca_officer").get(url).status_code == 200
