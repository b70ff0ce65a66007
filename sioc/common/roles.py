"""Roles and the principal: what a user may do, computed once per request from memberships.

Lives in ``common`` so that every app's permissions.py can ask about roles without importing
``accounts`` (imports flow one way, see DESIGN.md). It reads ``user.memberships`` by name.
"""

import contextlib

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    AME_ADMIN = "ame_admin", _("Administrador de AME")
    AME_OFFICER = "ame_officer", _("Oficial de cooperación de AME")
    GAD_OFFICER = "gad_officer", _("Técnico de cooperación del GAD")
    GAD_AUTHORITY = "gad_authority", _("Autoridad del GAD")
    FOCAL_POINT = "focal_point", _("Punto focal de cooperante")
    JUROR = "juror", _("Jurado")
    HELPDESK = "helpdesk", _("Agente de asesoría virtual")


AME_ROLES = {Role.AME_ADMIN, Role.AME_OFFICER}
GAD_ROLES = {Role.GAD_OFFICER, Role.GAD_AUTHORITY}


class Principal:
    """The user seen through their memberships. Anonymous users have no roles."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def memberships(self):
        if not getattr(self.user, "is_authenticated", False) or not self.user.is_active:
            return []
        return list(self.user.memberships.select_related("organization"))

    @cached_property
    def roles(self):
        return {m.role for m in self.memberships}

    @property
    def is_authenticated(self):
        return bool(getattr(self.user, "is_authenticated", False))

    @property
    def is_ame_admin(self):
        return Role.AME_ADMIN in self.roles or bool(getattr(self.user, "is_superuser", False))

    @property
    def is_ame_staff(self):
        return self.is_ame_admin or Role.AME_OFFICER in self.roles

    def organization_ids(self, *roles):
        """Ids of the organisations where the user holds any of ``roles`` (all roles if none)."""
        wanted = set(roles)
        return {m.organization_id for m in self.memberships if not wanted or m.role in wanted}

    def has_role_in(self, organization, *roles):
        return organization is not None and organization.pk in self.organization_ids(*roles)

    @cached_property
    def gad_organizations(self):
        return [m.organization for m in self.memberships if m.role in GAD_ROLES]


def principal(user) -> Principal:
    """The cached principal of ``user`` (one membership query per request)."""
    cached = getattr(user, "_sioc_principal", None)
    if cached is None:
        cached = Principal(user)
        with contextlib.suppress(AttributeError):  # exotic user objects without attributes
            user._sioc_principal = cached
    return cached
