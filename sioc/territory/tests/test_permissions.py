import pytest

from sioc.territory import permissions
from sioc.territory.models import Canton, Parish, Province, UndelimitedZone


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["ame_admin", "ame_officer", "cuenca_officer", "focal_point", "anonymous"]
)
def test_visible_to_everyone_changed_by_no_one(personas, persona):
    user = personas[persona]
    canton = Canton.objects.get(code="0101")
    assert permissions.visible_to(user).count() == 24
    assert permissions.visible_to(user, Canton).count() == 221
    assert permissions.parishes.visible_to(user).count() == 1259
    assert permissions.zones.visible_to(user).count() == 3
    assert permissions.can(user, "view", canton)
    for action in ("create", "change", "delete", "reload"):
        assert not permissions.can(user, action, canton)
        assert not permissions.cantons.can(user, action, canton)


def test_one_policy_per_model():
    assert set(permissions.POLICIES) == {Province, Canton, Parish, UndelimitedZone}
