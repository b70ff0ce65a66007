"""The one FilterSet of project lists: the signed-in list, the public portal and the exports read
the same GET parameters.

``q`` text in the title · ``gad`` (slug) · ``cooperante`` (slug of a participating
organisation) · ``estado`` (IATI activity status code) · ``anio`` · ``ods`` (1–17) · ``sector``
(DAC code) · ``origen`` (sioc / iati) · ``publicacion`` (private / published).
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import ActivityStatus
from sioc.organizations.models import Organization
from sioc.projects.choices import Source, Visibility

SDG_CHOICES = [(str(n), _("ODS %(n)s") % {"n": n}) for n in range(1, 18)]


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Buscar por título"), method="filter_q")
    gad = django_filters.ModelChoiceFilter(
        label=_("GAD"),
        queryset=Organization.objects.gads().order_by("name"),
        to_field_name="slug",
        method="filter_gad",
        empty_label=_("Todos"),
    )
    cooperante = django_filters.ModelChoiceFilter(
        label=_("Cooperante"),
        queryset=Organization.objects.cooperantes().order_by("name"),
        to_field_name="slug",
        method="filter_cooperante",
        empty_label=_("Todos"),
    )
    estado = django_filters.ModelChoiceFilter(
        label=_("Estado"),
        field_name="activity_status",
        queryset=ActivityStatus.objects.all(),
        to_field_name="code",
        empty_label=_("Todos"),
    )
    anio = django_filters.NumberFilter(label=_("Año"), field_name="year")
    ods = django_filters.ChoiceFilter(
        label=_("ODS"), choices=SDG_CHOICES, method="filter_sdg", empty_label=_("Todos")
    )
    sector = django_filters.CharFilter(label=_("Sector CAD (código)"), method="filter_sector")
    origen = django_filters.ChoiceFilter(
        label=_("Origen"), field_name="source", choices=Source.choices, empty_label=_("Todos")
    )
    publicacion = django_filters.ChoiceFilter(
        label=_("Publicación"),
        field_name="visibility",
        choices=Visibility.choices,
        empty_label=_("Todas"),
    )

    def filter_q(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(iati_identifier=word))
        return queryset

    def filter_gad(self, queryset, name, value):
        return queryset.filter(pk__in=_ids(queryset.model.gads.through, organization=value))

    def filter_cooperante(self, queryset, name, value):
        from sioc.projects.models import ProjectOrganization

        return queryset.filter(
            Q(pk__in=_ids(ProjectOrganization, organization=value)) | Q(reporting_org=value)
        )

    def filter_sdg(self, queryset, name, value):
        from sioc.projects.models import ProjectSdg

        return queryset.filter(pk__in=_ids(ProjectSdg, goal__code=int(value)))

    def filter_sector(self, queryset, name, value):
        from sioc.projects.models import ProjectSector

        return queryset.filter(pk__in=_ids(ProjectSector, sector__code=value.strip()))


def _ids(model, **lookup):
    return model.objects.filter(**lookup).values("project_id")


class PortalFilter(ProjectFilter):
    """The public portal: no publication filter (everything there is public)."""

    class Meta:
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("publicacion", None)


def form_widgets(form: forms.Form):
    """Bootstrap classes for the filter form's widgets."""
    for field in form.fields.values():
        css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
        field.widget.attrs.setdefault("class", css)
    return form
