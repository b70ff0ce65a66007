"""Reads for the role-aware home page. Uses apps by name through the registry only."""

from django.apps import apps

from sioc.common.roles import principal


def home_context(user):
    Province = apps.get_model("territory", "Province")
    Canton = apps.get_model("territory", "Canton")
    Organization = apps.get_model("organizations", "Organization")
    p = principal(user)
    context = {
        "stats": {
            "provinces": Province.objects.count(),
            "cantons": Canton.objects.count(),
            "gads": Organization.objects.gads().count(),
            "cooperantes": Organization.objects.cooperantes().active().count(),
        },
        "my_gads": list(p.gad_organizations),
        "my_cooperantes": [m.organization for m in p.memberships if m.organization.is_cooperante],
    }
    if p.is_ame_staff:
        AuditEvent = apps.get_model("audit", "AuditEvent")
        context["recent_events"] = AuditEvent.objects.select_related("actor", "content_type")[:8]
    return context
