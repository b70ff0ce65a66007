"""Reads of organisations for pages and the API."""

from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404

from sioc.audit.models import AuditEvent
from sioc.codelists.models import Country
from sioc.common.text import fold
from sioc.organizations import permissions


def with_country_name(qs):
    """Annotate the Spanish country name (``country_name``) without a query per row."""
    return qs.annotate(
        country_name=Subquery(Country.objects.filter(code=OuterRef("country")).values("name")[:1])
    )


def organization_list(user, *, q="", kind="", province=""):
    qs = with_country_name(permissions.visible_to(user).select_related("canton__province"))
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
    qs = with_country_name(permissions.visible_to(user).select_related("canton__province"))
    return get_object_or_404(qs, slug=slug)


def organization_history(org):
    return AuditEvent.objects.for_object(org).select_related("actor")
