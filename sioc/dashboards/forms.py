"""The filters shared by every chart, the downloads and the map, read from the query string.

Parameters: ``desde`` and ``hasta`` (years), ``provincia`` (INEC code), ``cooperante``
(organisation slug), ``ods`` (1–17), ``modalidad`` (code), ``origen`` (sioc or iati),
``estado`` (IATI activity status code); the map adds ``medida`` (monto or proyectos).
A value that is not valid is ignored with a message; it never causes an error page.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, OuterRef
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import ActivityStatus, Modality, SdgGoal
from sioc.dashboards.queries import Filters
from sioc.organizations.choices import COOPERANTE_KINDS
from sioc.organizations.models import Organization
from sioc.projects.choices import OrganisationRole, Source
from sioc.projects.models import ProjectOrganization
from sioc.territory.models import Province

MIN_YEAR, MAX_YEAR = 1990, 2100
MEASURE_AMOUNT, MEASURE_COUNT = "monto", "proyectos"
FIELD_NAMES = ["desde", "hasta", "provincia", "cooperante", "ods", "modalidad", "origen", "estado"]


class FastSelect(forms.Select):
    """A <select> rendered in Python: the cooperante list has hundreds of options and the
    template-per-option renderer would dominate the page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) == selected else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(attrs), options)


def _all(label):
    return [("", label)]


class DashboardFilterForm(forms.Form):
    desde = forms.IntegerField(
        label=_("Desde el año"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    hasta = forms.IntegerField(
        label=_("Hasta el año"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    provincia = forms.ChoiceField(label=_("Provincia"), required=False, widget=FastSelect)
    cooperante = forms.ChoiceField(label=_("Cooperante"), required=False, widget=FastSelect)
    ods = forms.TypedChoiceField(
        label=_("ODS"), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    modalidad = forms.ChoiceField(label=_("Modalidad"), required=False, widget=FastSelect)
    origen = forms.ChoiceField(
        label=_("Origen"),
        required=False,
        choices=_all(_("SIOC e IATI")) + list(Source.choices),
        widget=FastSelect,
    )
    estado = forms.ChoiceField(label=_("Estado"), required=False, widget=FastSelect)

    def __init__(self, data=None, *, with_measure=False, **kwargs):
        super().__init__(data, **kwargs)
        # Each list is read once per request (choices are lists, not callables).
        self.fields["provincia"].choices = _all(_("Todas")) + list(
            Province.objects.order_by("name").values_list("code", "name")
        )
        funders = ProjectOrganization.objects.filter(
            organization=OuterRef("pk"), role=OrganisationRole.FUNDING
        )
        self.fields["cooperante"].choices = _all(_("Todos")) + list(
            Organization.objects.filter(kind__in=COOPERANTE_KINDS)
            .filter(Exists(funders))
            .order_by("name")
            .values_list("slug", "name")
        )
        self.fields["ods"].choices = _all(_("Todos")) + [
            (str(code), f"{code}. {title}")
            for code, title in SdgGoal.objects.order_by("code").values_list("code", "short_title")
        ]
        self.fields["modalidad"].choices = _all(_("Todas")) + list(
            Modality.objects.order_by("position", "name").values_list("code", "name")
        )
        self.fields["estado"].choices = _all(_("Todos")) + list(
            ActivityStatus.objects.order_by("position", "code").values_list("code", "name")
        )
        if with_measure:
            self.fields["medida"] = forms.ChoiceField(
                label=_("Colorear por"),
                required=False,
                widget=forms.RadioSelect,
                choices=[
                    (MEASURE_AMOUNT, _("Monto movilizado (USD)")),
                    (MEASURE_COUNT, _("Número de proyectos")),
                ],
            )

    def clean(self):
        data = super().clean()
        low, high = data.get("desde"), data.get("hasta")
        if low is not None and high is not None and low > high:
            self.add_error("hasta", _("El año final no puede ser anterior al año inicial."))
        return data

    @property
    def values(self) -> dict:
        """The valid values (invalid ones dropped), after validation."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}

    @property
    def filters(self) -> Filters:
        v = self.values
        return Filters(
            year_from=v.get("desde"),
            year_to=v.get("hasta"),
            province=v.get("provincia", ""),
            cooperante=v.get("cooperante", ""),
            sdg=v.get("ods"),
            modality=v.get("modalidad", ""),
            source=v.get("origen", ""),
            status=v.get("estado", ""),
        )

    @property
    def measure(self) -> str:
        return self.values.get("medida") or MEASURE_AMOUNT

    def query(self, *, measure=False) -> str:
        """The canonical query string of the valid filters (shareable, empty when none)."""
        v = self.values
        pairs = [(name, v[name]) for name in FIELD_NAMES if name in v]
        if measure and self.measure != MEASURE_AMOUNT:
            pairs.append(("medida", self.measure))
        return urlencode(pairs)

    @property
    def is_filtered(self) -> bool:
        v = self.values
        return any(name in v for name in FIELD_NAMES)

    @property
    def error_messages(self) -> list[str]:
        messages = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            for error in errors:
                messages.append(f"{label}: {error}" if label else str(error))
        return messages
