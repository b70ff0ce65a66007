"""Reads of organisations for pages and the API."""

from django.db.models import Count

from sioc.audit.models import AuditEvent
from sioc.common.text import fold
from sioc.organizations import permissions


def organization_list(user, *, q="", kind="", province=""):
    qs = permissions.visible_to(user).select_related("canton__province")
    if kind:
        qs = qs.filter(kind=kind)
    if province:
        qs = qs.filter(canton__province__code=province)
    for word in fold(q).split():
        qs = qs.filter(search_text__contains=word)
    return qs.order_by("name")


def kind_counts(user):
    return dict(permissions.visible_to(user).values_list("kind").annotate(n=Count("id")).order_by())


def organization_detail(user, slug):
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        permissions.visible_to(user).select_related("canton__province"), slug=slug
    )


def organization_history(org):
    return AuditEvent.objects.for_object(org).select_related("actor")
