"""Users and memberships: the only way roles are granted or revoked."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from sioc.accounts.models import Membership, User
from sioc.audit.choices import Action
from sioc.audit.services import record
from sioc.common.roles import AME_ROLES, Role


@transaction.atomic
def create_user(*, actor, email, full_name, password=None, validate=True) -> User:
    user = User(email=email.strip().lower(), full_name=full_name.strip())
    if password and validate:
        validate_password(password, user)
    user.set_password(password) if password else user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    record(actor=actor, action=Action.CREATE, obj=user, changes={"email": [None, user.email]})
    return user


@transaction.atomic
def grant_role(user, organization, role: Role, *, actor) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, organization=organization, role=role
    )
    if created:
        record(
            actor=actor,
            action=Action.GRANT,
            obj=user,
            changes={"rol": [None, f"{membership.get_role_display()} · {organization}"]},
        )
    if role == Role.AME_ADMIN and not (user.is_staff and user.is_superuser):
        # AME administrators run the Django admin with every model permission.
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return membership


@transaction.atomic
def revoke_role(membership: Membership, *, actor) -> None:
    user = membership.user
    role_was_admin = membership.role == Role.AME_ADMIN
    label = f"{membership.get_role_display()} · {membership.organization}"
    membership.delete()
    record(actor=actor, action=Action.REVOKE, obj=user, changes={"rol": [label, None]})
    if role_was_admin and not user.memberships.filter(role=Role.AME_ADMIN).exists():
        user.is_staff = user.is_superuser = False
        user.save(update_fields=["is_staff", "is_superuser"])


def is_ame_role(role) -> bool:
    return role in AME_ROLES
