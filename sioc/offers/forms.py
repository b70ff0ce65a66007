from django import forms
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import (
    CooperationType,
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.offers.choices import Schedule
from sioc.offers.models import Offer
from sioc.organizations.models import Organization
from sioc.territory.models import Canton, Province

CONFLICT_MESSAGE = _(
    "Otra persona guardó esta oferta mientras usted la editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual y vuelva a aplicarlos."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OfferForm(forms.ModelForm):
    """Create or edit an offer. ``version`` carries the updated_at the editor saw (optimistic lock)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    source_url = forms.URLField(
        label=_("Enlace a la fuente"), required=False, assume_scheme="https", max_length=500
    )

    class Meta:
        model = Offer
        fields = [
            "code",
            "cooperante",
            "title",
            "summary",
            "description",
            "modalities",
            "cooperation_type",
            "sdgs",
            "sdg_targets",
            "competencies",
            "sectors",
            "is_national",
            "provinces",
            "cantons",
            "open_to_gad",
            "open_to_mancomunidad",
            "open_to_others",
            "amount_min",
            "amount_max",
            "currency",
            "counterpart_percent",
            "schedule",
            "opens_on",
            "closes_on",
            "requirements",
            "how_to_apply",
            "contact",
            "source_url",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "requirements": forms.Textarea(attrs={"rows": 4}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "modalities": forms.CheckboxSelectMultiple,
            "competencies": forms.SelectMultiple(attrs={"size": 6}),
            "sdgs": forms.SelectMultiple(attrs={"size": 6}),
            "sdg_targets": forms.SelectMultiple(attrs={"size": 6}),
            "sectors": forms.SelectMultiple(attrs={"size": 6}),
            "provinces": forms.SelectMultiple(attrs={"size": 6}),
            "cantons": forms.SelectMultiple(attrs={"size": 8}),
            "opens_on": DateInput(),
            "closes_on": DateInput(),
        }
        help_texts = {
            "code": _("Identificador estable, p. ej. JICA-VOL-2026."),
            "is_national": _("Desmárquelo para elegir provincias o cantones."),
            "closes_on": _("Déjela vacía si la oferta es permanente."),
            "sdg_targets": _("Mantenga presionada Ctrl (o Cmd) para elegir varias."),
        }

    def __init__(self, *args, cooperantes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperante"].queryset = (
            cooperantes if cooperantes is not None else Organization.objects.cooperantes()
        )
        self.fields["modalities"].queryset = Modality.objects.active()
        self.fields["cooperation_type"].queryset = CooperationType.objects.active()
        self.fields["sdgs"].queryset = SdgGoal.objects.all()
        self.fields["sdg_targets"].queryset = SdgTarget.objects.select_related("goal")
        self.fields["competencies"].queryset = CootadCompetency.objects.all()
        self.fields["sectors"].queryset = DacSector.objects.active()
        self.fields["provinces"].queryset = Province.objects.order_by("name")
        self.fields["cantons"].queryset = Canton.objects.select_related("province").order_by("name")
        self.fields["currency"].queryset = Currency.objects.active().order_by("code")
        self.fields["currency"].label_from_instance = lambda c: f"{c.code} · {c.name}"
        self.fields["cantons"].label_from_instance = lambda c: f"{c.name} ({c.province.name})"
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated_at.isoformat()
            self.fields["code"].disabled = True
        else:
            self.fields["currency"].initial = "USD"
        if cooperantes is not None and len(cooperantes) == 1:
            self.fields["cooperante"].initial = cooperantes[0]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        for name in ("amount_min", "amount_max"):
            if cleaned.get(name) is not None and cleaned[name] < 0:
                self.add_error(name, _("El monto no puede ser negativo."))
        if low is not None and high is not None and low > high:
            self.add_error("amount_max", _("El monto máximo debe ser mayor o igual que el mínimo."))
        pct = cleaned.get("counterpart_percent")
        if pct is not None and not 0 <= pct <= 100:
            self.add_error("counterpart_percent", _("Indique un porcentaje entre 0 y 100."))
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and opens > closes:
            self.add_error(
                "closes_on", _("La fecha de cierre debe ser posterior a la de apertura.")
            )
        if cleaned.get("schedule") in (Schedule.WINDOW, Schedule.YEARLY) and not closes:
            self.add_error("closes_on", _("Indique la fecha de cierre o elija «Permanente»."))
        if (
            not cleaned.get("is_national")
            and not cleaned.get("provinces")
            and not cleaned.get("cantons")
        ):
            self.add_error(
                "is_national", _("Elija cobertura nacional o al menos una provincia o un cantón.")
            )
        if not (
            cleaned.get("open_to_gad")
            or cleaned.get("open_to_mancomunidad")
            or cleaned.get("open_to_others")
        ):
            self.add_error("open_to_gad", _("Indique quién puede postular."))
        return cleaned

    def service_fields(self):
        fields = dict(self.cleaned_data)
        fields.pop("version", None)
        if self.instance.pk:
            fields.pop("code", None)
        return fields


class TransitionForm(forms.Form):
    to_status = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comentario"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Título del documento"), max_length=200, required=False)
    file = forms.FileField(label=_("Archivo PDF (máx. 10 MB)"))
