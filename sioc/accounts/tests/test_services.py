import pytest

from sioc.accounts.services import create_user, grant_role, revoke_role
from sioc.accounts.tests.factories import ame
from sioc.audit.models import AuditEvent
from sioc.common.roles import Role, principal

pytestmark = pytest.mark.django_db


def test_grant_and_revoke_role_are_audited_and_change_what_the_user_may_do():
    user = create_user(
        actor=None,
        email="Nueva@Ejemplo.ec",
        full_name="Nueva Persona",
        password="Clave-segura-2026",
    )
    assert user.email == "nueva@ejemplo.ec"
    membership = grant_role(user, ame(), Role.AME_ADMIN, actor=None)
    user.refresh_from_db()
    assert user.is_staff and user.is_superuser  # the Django admin with every model permission
    assert principal(user).is_ame_admin
    revoke_role(membership, actor=None)
    user.refresh_from_db()
    assert not user.is_staff and not user.is_superuser
    actions = list(AuditEvent.objects.for_object(user).values_list("action", flat=True))
    assert sorted(actions) == ["create", "grant", "revoke"]


def test_grant_role_is_idempotent():
    user = create_user(
        actor=None, email="x@ejemplo.ec", full_name="X", password="Clave-segura-2026"
    )
    grant_role(user, ame(), Role.AME_OFFICER, actor=None)
    grant_role(user, ame(), Role.AME_OFFICER, actor=None)
    assert user.memberships.count() == 1
