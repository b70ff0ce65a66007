"""Writing the audit trail. Every service that changes a record calls ``record``."""

import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from sioc.audit.choices import Action
from sioc.audit.models import AuditEvent


def _plain(value):
    """A JSON-safe, human-readable form of a field value."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj, fields):
    """Values of ``fields`` on ``obj`` (foreign keys by their text), for a later ``diff``."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(v) for v in getattr(obj, name).all()) if obj.pk else []
        else:
            values[name] = _plain(getattr(obj, name))
    return values


def diff(before, after):
    """{'field': [old, new]} for every field whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def record(*, actor, action: Action, obj, changes=None, note=""):
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=(user.email if user else "sistema"),
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
        note=note[:500],
    )
