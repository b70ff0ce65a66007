"""Read-only API of the territory (register in sioc/api/urls.py as "provincias" and "cantones")."""

from rest_framework import viewsets

from sioc.territory import queries
from sioc.territory.api.serializers import CantonSerializer, ProvinceSerializer
from sioc.territory.filters import CantonFilter


class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    """Las 24 provincias del Ecuador (código INEC de 2 dígitos)."""

    serializer_class = ProvinceSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{2}"

    def get_queryset(self):
        return queries.provinces(self.request.user).order_by("code")


class CantonViewSet(viewsets.ReadOnlyModelViewSet):
    """Los 221 cantones (código INEC de 4 dígitos); filtre con ?provincia=01."""

    serializer_class = CantonSerializer
    filterset_class = CantonFilter
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{4}"

    def get_queryset(self):
        return queries.cantons(self.request.user).order_by("code")
