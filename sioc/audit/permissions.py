"""Audit events: the full log is for AME administrators; per-record history follows the record's policy."""

from sioc.audit.models import AuditEvent
from sioc.common.roles import principal


def visible_to(user):
    if principal(user).is_ame_admin:
        return AuditEvent.objects.all()
    return AuditEvent.objects.none()


def can(user, action, obj=None):
    return action == "view" and principal(user).is_ame_admin
