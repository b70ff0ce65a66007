"""Who sees and who changes organisations and their contacts (one policy for the model)."""

from sioc.common.roles import Role, principal
from sioc.organizations.models import Organization

EDITOR_ROLES = (Role.GAD_OFFICER, Role.FOCAL_POINT)


def visible_to(user, queryset=None):
    """Active organisations are public; inactive ones only for AME staff."""
    qs = Organization.objects.all() if queryset is None else queryset
    if principal(user).is_ame_staff:
        return qs
    return qs.filter(is_active=True)


def can(user, action: str, obj: Organization | None = None) -> bool:
    p = principal(user)
    if not p.is_authenticated:
        return False
    if action == "create":
        return p.is_ame_staff
    if obj is None:
        return False
    if action in {"change", "manage_contacts"}:
        if obj.slug == "ame":
            return p.is_ame_admin
        return p.is_ame_staff or p.has_role_in(obj, *EDITOR_ROLES)
    if action in {"view_contacts", "view_history"}:
        return p.is_ame_staff or p.has_role_in(obj)
    return False
