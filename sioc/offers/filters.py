"""The one FilterSet of the catalogue: the page, its feeds, the exports and the API read the same
GET parameters and filter the same way (``search.apply``), on any Offer queryset.

Parameters (lists repeat the parameter: ``?ods=6&ods=11``; values OR inside a parameter, AND
between parameters):

``q`` text · ``modalidad`` · ``ods`` (1–17) · ``competencia`` (COOTAD letter) · ``sector`` (DAC
code) · ``tipo`` (cooperante type) · ``pais`` (ISO alpha-2) · ``canton`` (INEC code: offers that
cover it) · ``estado`` (default: published and still open) · ``cierra`` (30, 60 or 90 days) ·
``cooperante`` (slug) · ``orden`` (relevancia, cierre, recientes).
"""

import re

import django_filters
from django import forms
from django.core.validators import RegexValidator, validate_slug
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from sioc.codelists.choices import CootadCompetencyCode, ModalityCode
from sioc.offers import search
from sioc.offers.choices import OfferStatus
from sioc.organizations.choices import COOPERANTE_KINDS, OrganizationKind

SDG_CHOICES = [(str(n), _("ODS %(n)s") % {"n": n}) for n in range(1, 18)]
KIND_CHOICES = [(k.value, k.label) for k in COOPERANTE_KINDS]
CLOSES_CHOICES = [(30, _("En 30 días")), (60, _("En 60 días")), (90, _("En 90 días"))]
ORDER_CHOICES = [
    (search.ORDER_RELEVANCE, _("Relevancia")),
    (search.ORDER_CLOSING, _("Fecha de cierre")),
    (search.ORDER_NEWEST, _("Más recientes")),
]
MAX_VALUES = 40


class SearchTextField(forms.CharField):
    """The search box. Longer text is cut (``search.MAX_QUERY_CHARS``), never an error."""

    def to_python(self, value):
        text = super().to_python(value)[: search.MAX_QUERY_CHARS * 2]
        return "".join(ch for ch in text if ch.isprintable() or ch == " ")


class CodeListField(forms.Field):
    """Several codes of a code list held in the database, checked by their shape only.

    (A well-formed code that does not exist simply matches nothing; no query to validate.)"""

    widget = forms.SelectMultiple

    def __init__(self, *, pattern, transform=str, **kwargs):
        self.pattern = re.compile(pattern)
        self.transform = transform
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        values = [self.transform(str(v).strip()) for v in value if str(v).strip()]
        return list(dict.fromkeys(values))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(_("Demasiados valores (máximo %(n)s).") % {"n": MAX_VALUES})
        for item in value:
            if not self.pattern.fullmatch(item):
                raise forms.ValidationError(
                    _("«%(value)s» no es un código válido.") % {"value": item[:40]},
                    code="invalid",
                )


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CodeListFilter(django_filters.Filter):
    field_class = CodeListField


@extend_schema_field({"type": "string"})
class SearchFilter(django_filters.CharFilter):
    field_class = SearchTextField


@extend_schema_field({"type": "integer", "enum": [30, 60, 90]})
class ClosesWithinFilter(django_filters.TypedChoiceFilter):
    """Days until the closing date (an open offer closing in that window)."""


class OfferFilterSet(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Buscar"), help_text=_("Palabras en español; tildes y plurales no importan.")
    )
    modalidad = django_filters.MultipleChoiceFilter(
        label=_("Modalidad"), choices=ModalityCode.choices
    )
    ods = django_filters.MultipleChoiceFilter(label=_("ODS"), choices=SDG_CHOICES)
    competencia = django_filters.MultipleChoiceFilter(
        label=_("Competencia COOTAD"), choices=CootadCompetencyCode.choices
    )
    sector = CodeListFilter(label=_("Sector CAD"), pattern=r"\d{5}")
    tipo = django_filters.MultipleChoiceFilter(label=_("Tipo de cooperante"), choices=KIND_CHOICES)
    pais = CodeListFilter(label=_("País del cooperante"), pattern=r"[A-Z]{2}", transform=str.upper)
    canton = django_filters.CharFilter(
        label=_("Cubre el cantón"),
        help_text=_("Código INEC de 4 dígitos: ofertas nacionales, de su provincia o del cantón."),
        max_length=4,
        validators=[
            RegexValidator(r"^\d{4}$", _("El cantón se indica con su código INEC de 4 dígitos."))
        ],
    )
    estado = django_filters.MultipleChoiceFilter(label=_("Estado"), choices=OfferStatus.choices)
    cierra = ClosesWithinFilter(
        label=_("Cierra en"), choices=CLOSES_CHOICES, coerce=int, empty_value=None
    )
    cooperante = django_filters.CharFilter(
        label=_("Cooperante"), max_length=120, validators=[validate_slug]
    )
    orden = django_filters.ChoiceFilter(
        label=_("Ordenar por"), choices=ORDER_CHOICES, empty_label=None
    )

    class Meta:
        fields = []  # every filter is declared; filtering is search.apply (index lookups)

    @property
    def criteria(self) -> search.Criteria:
        """What the valid parameters ask for (invalid ones are left out, see ``errors``)."""
        if not hasattr(self, "_criteria"):
            self.errors  # noqa: B018 - runs the validation
            data = getattr(self.form, "cleaned_data", {}) if self.is_bound else {}
            self._criteria = criteria_from(data)
        return self._criteria

    def filter_queryset(self, queryset):
        return search.order(search.apply(queryset, self.criteria), self.criteria)


def criteria_from(data: dict, **overrides) -> search.Criteria:
    facets = {
        search.MODALITY: tuple(data.get("modalidad") or ()),
        search.SDG: tuple(data.get("ods") or ()),
        search.COMPETENCY: tuple(data.get("competencia") or ()),
        search.SECTOR: tuple(data.get("sector") or ()),
        search.KIND: tuple(data.get("tipo") or ()),
        search.COUNTRY: tuple(data.get("pais") or ()),
    }
    values = {
        "text": (data.get("q") or "").strip(),
        "facets": {k: v for k, v in facets.items() if v},
        "canton": data.get("canton") or "",
        "statuses": tuple(data.get("estado") or ()) or (OfferStatus.PUBLISHED,),
        "closes_within": data.get("cierra") or None,
        "cooperante": data.get("cooperante") or "",
        "order": data.get("orden") or search.ORDER_RELEVANCE,
    }
    values.update(overrides)
    return search.Criteria(**values)


def query_string(criteria: search.Criteria, *, explicit_canton=False, **extra) -> str:
    """The GET parameters that ask for ``criteria`` (defaults left out), for links and feeds.

    ``explicit_canton`` writes ``canton=`` even when empty (a GAD user chose «any canton»)."""
    qd = QueryDict(mutable=True)
    if criteria.text:
        qd["q"] = criteria.text
    names = {
        search.MODALITY: "modalidad",
        search.SDG: "ods",
        search.COMPETENCY: "competencia",
        search.SECTOR: "sector",
        search.KIND: "tipo",
        search.COUNTRY: "pais",
    }
    for group, name in names.items():
        for value in criteria.facets.get(group, ()):
            qd.appendlist(name, str(value))
    if criteria.canton or explicit_canton:
        qd["canton"] = criteria.canton
    if tuple(criteria.statuses) != (OfferStatus.PUBLISHED,):
        for status in criteria.statuses:
            qd.appendlist("estado", status)
    if criteria.closes_within:
        qd["cierra"] = str(criteria.closes_within)
    if criteria.cooperante:
        qd["cooperante"] = criteria.cooperante
    if criteria.order != search.ORDER_RELEVANCE:
        qd["orden"] = criteria.order
    for key, value in extra.items():
        if value not in (None, ""):
            qd[key] = str(value)
    return qd.urlencode()


KIND_LABELS = dict(OrganizationKind.choices)
