"""Filters shared by the territory lists and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from sioc.territory.models import Canton


class CantonFilter(django_filters.FilterSet):
    provincia = django_filters.CharFilter(
        field_name="province__code", label=_("Código INEC de la provincia"), max_length=2
    )

    class Meta:
        model = Canton
        fields = ["provincia"]
