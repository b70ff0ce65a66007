from django.contrib.contenttypes.models import ContentType

from sioc.audit import permissions


def event_list(user, *, action="", content_type=None, actor="", date_from=None, date_to=None, q=""):
    qs = permissions.visible_to(user).select_related("actor", "content_type")
    if action:
        qs = qs.filter(action=action)
    if content_type:
        qs = qs.filter(content_type=content_type)
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    if q:
        qs = qs.filter(object_repr__icontains=q)
    return qs


def audited_content_types():
    from sioc.audit.models import AuditEvent

    ids = AuditEvent.objects.values_list("content_type", flat=True).distinct()
    return ContentType.objects.filter(pk__in=ids).order_by("model")
