from rest_framework import viewsets

from sioc.organizations import permissions
from sioc.organizations.api.serializers import OrganizationSerializer


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations visible to the requesting user (public data only; contacts are never exposed)."""

    serializer_class = OrganizationSerializer
    lookup_field = "slug"
    filterset_fields = ["kind", "country", "canton__code"]

    def get_queryset(self):
        return permissions.visible_to(self.request.user).select_related("canton").order_by("name")
