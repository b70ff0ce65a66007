from django import forms
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import Currency, DacSector, SdgGoal, SdgTarget
from sioc.organizations.models import Organization
from sioc.projects.choices import OrganisationRole, RiskLevel, TransactionType
from sioc.projects.models import Project, Result
from sioc.territory.models import Canton, Parish

CONFLICT_MESSAGE = _(
    "Otra persona guardó este proyecto mientras usted lo editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual y vuelva a aplicarlos."
)
REPORT_CONFLICT_MESSAGE = _(
    "Otra persona guardó este informe mientras usted lo editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual."
)
MULTIPLE_HELP = _("Mantenga presionada Ctrl (o Cmd) para elegir varias.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _gad_label(org):
    return f"{org.name} ({org.canton.province.name})" if org.canton_id else org.name


class ProjectForm(forms.ModelForm):
    """The project's own fields. ``gads`` lists the GADs the user may record projects for."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        fields = [
            "title",
            "description",
            "gads",
            "activity_status",
            "modality",
            "cooperation_type",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "cantons",
            "parishes",
            "competency",
            "currency",
            "budget",
            "counterpart_funds",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "planned_start": DateInput(),
            "planned_end": DateInput(),
            "actual_start": DateInput(),
            "actual_end": DateInput(),
        }

    def __init__(self, *args, gads=None, **kwargs):
        super().__init__(*args, **kwargs)
        gad_qs = gads if gads is not None else Organization.objects.gads()
        self.fields["gads"].queryset = gad_qs.select_related("canton__province").order_by("name")
        self.fields["gads"].label_from_instance = _gad_label
        self.fields["gads"].required = True
        self.fields["gads"].help_text = MULTIPLE_HELP
        self.fields["cantons"].queryset = Canton.objects.select_related("province").order_by("name")
        self.fields["cantons"].help_text = MULTIPLE_HELP
        canton_ids = set()
        if self.instance.pk:
            canton_ids |= set(self.instance.cantons.values_list("pk", flat=True))
        canton_ids |= {getattr(c, "pk", c) for c in self.initial.get("cantons") or []}
        if self.is_bound:
            canton_ids |= {c for c in self.data.getlist(self.add_prefix("cantons")) if c.isdigit()}
        if gads is not None and len(gad_qs) <= 5:
            canton_ids |= {g.canton_id for g in gad_qs if g.canton_id}
        self.fields["parishes"].queryset = Parish.objects.filter(canton__in=canton_ids).order_by(
            "name"
        )
        self.fields["parishes"].help_text = _(
            "Parroquias de los cantones del proyecto. Mantenga presionada Ctrl para elegir varias."
        )
        self.fields["currency"].queryset = Currency.objects.filter(is_active=True).order_by("code")
        self.fields["currency"].label_from_instance = lambda c: f"{c.code} – {c.name}"
        self.fields["title"].widget.attrs["maxlength"] = 500
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        data = super().clean()
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and start > end:
            self.add_error(
                "planned_end",
                _("El fin planificado no puede ser anterior al inicio planificado."),
            )
        return data

    def service_fields(self):
        fields = dict(self.cleaned_data)
        fields.pop("version", None)
        fields["gads"] = list(fields["gads"])
        fields["cantons"] = list(fields["cantons"])
        fields["parishes"] = list(fields["parishes"])
        return fields


# --- organisations, SDGs and sectors (formsets) -------------------------------------------


class ParticipationForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organización"),
        queryset=Organization.objects.order_by("name"),
        required=False,
    )
    role = forms.ChoiceField(label=_("Rol (IATI)"), choices=OrganisationRole.choices)


class SdgShareForm(forms.Form):
    goal = forms.ModelChoiceField(
        label=_("ODS"), queryset=SdgGoal.objects.order_by("code"), required=False
    )
    target = forms.ModelChoiceField(
        label=_("Meta (opcional)"),
        queryset=SdgTarget.objects.order_by("position", "code"),
        required=False,
    )
    percentage = forms.DecimalField(
        label=_("Porcentaje"), min_value=0, max_value=100, decimal_places=2, initial=100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].label_from_instance = lambda t: f"{t.code} {t.name[:90]}"


class SectorShareForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector CAD"), queryset=DacSector.objects.filter(is_active=True), required=False
    )
    percentage = forms.DecimalField(
        label=_("Porcentaje"), min_value=0, max_value=100, decimal_places=2, initial=100
    )


ParticipationFormSet = forms.formset_factory(ParticipationForm, extra=2, max_num=30)
SdgFormSet = forms.formset_factory(SdgShareForm, extra=2, max_num=17 * 4)
SectorFormSet = forms.formset_factory(SectorShareForm, extra=2, max_num=30)


def participations_from(formset):
    return [
        (f.cleaned_data["organization"], f.cleaned_data["role"])
        for f in formset.forms
        if f.cleaned_data.get("organization")
    ]


def sdgs_from(formset):
    return [
        (f.cleaned_data["goal"], f.cleaned_data.get("target"), f.cleaned_data["percentage"])
        for f in formset.forms
        if f.cleaned_data.get("goal")
    ]


def sectors_from(formset):
    return [
        (f.cleaned_data["sector"], f.cleaned_data["percentage"])
        for f in formset.forms
        if f.cleaned_data.get("sector")
    ]


# --- transactions, results, indicators, documents, risks ----------------------------------


class TransactionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Tipo"), choices=TransactionType.choices)
    date = forms.DateField(label=_("Fecha"), widget=DateInput())
    value = forms.DecimalField(label=_("Valor"), max_digits=18, decimal_places=2)
    currency = forms.CharField(
        label=_("Moneda (código ISO)"), max_length=3, min_length=3, initial="USD"
    )
    description = forms.CharField(label=_("Descripción"), max_length=500, required=False)
    provider = forms.CharField(label=_("Proveedor de fondos"), max_length=300, required=False)
    receiver = forms.CharField(label=_("Receptor de fondos"), max_length=300, required=False)

    def clean_currency(self):
        return self.cleaned_data["currency"].strip().upper()


class ResultForm(forms.Form):
    title = forms.CharField(label=_("Resultado"), max_length=500)
    description = forms.CharField(
        label=_("Descripción"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorForm(forms.Form):
    result = forms.ModelChoiceField(label=_("Resultado"), queryset=Result.objects.none())
    name = forms.CharField(label=_("Indicador"), max_length=500)
    unit = forms.CharField(label=_("Unidad"), max_length=100, required=False)
    baseline_year = forms.IntegerField(
        label=_("Año de línea base"), min_value=1990, max_value=2100, required=False
    )
    baseline_value = forms.DecimalField(
        label=_("Línea base"), max_digits=18, decimal_places=2, required=False
    )
    target_value = forms.DecimalField(
        label=_("Meta final"), max_digits=18, decimal_places=2, required=False
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        if project is not None:
            self.fields["result"].queryset = project.results.all()
            self.fields["result"].empty_label = None


class IndicatorEditForm(IndicatorForm):
    """Correcting an indicator: without a result chosen it stays in its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].required = False


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Título"), max_length=300)
    file = forms.FileField(label=_("Archivo PDF"), required=False)
    url = forms.URLField(label=_("o enlace"), max_length=500, required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url"):
            raise forms.ValidationError(_("Adjunte un PDF o indique un enlace."))
        return data


class RiskForm(forms.Form):
    description = forms.CharField(label=_("Riesgo"), widget=forms.Textarea(attrs={"rows": 2}))
    level = forms.ChoiceField(label=_("Nivel"), choices=RiskLevel.choices)
    mitigation = forms.CharField(
        label=_("Mitigación"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PeriodsForm(forms.Form):
    months = forms.TypedChoiceField(
        label=_("Periodicidad"),
        coerce=int,
        initial=3,
        choices=[(3, _("Trimestral")), (6, _("Semestral")), (1, _("Mensual")), (12, _("Anual"))],
    )
    due_days = forms.IntegerField(
        label=_("Días para entregar el informe tras el cierre"),
        min_value=0,
        max_value=120,
        initial=15,
    )


# --- progress report and review -----------------------------------------------------------


class ReportForm(forms.Form):
    """The GAD's progress report: one target/actual/comment trio per indicator."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    financial_execution = forms.DecimalField(
        label=_("Ejecución financiera del período (USD)"),
        max_digits=18,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    narrative = forms.CharField(
        label=_("Avance narrativo"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Qué se hizo en el período, dificultades y próximos pasos."),
    )
    evidence_title = forms.CharField(
        label=_("Título de la evidencia"), max_length=200, required=False
    )
    evidence_file = forms.FileField(
        label=_("Evidencia (PDF o foto JPEG/PNG, máx. 10 MB)"), required=False
    )

    def __init__(self, *args, period, indicators, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.fields["version"].initial = period.updated_at.isoformat()
        self.fields["narrative"].initial = period.narrative
        self.fields["financial_execution"].initial = period.financial_execution
        for indicator in indicators:
            current = values.get(indicator.pk)
            unit = f" ({indicator.unit})" if indicator.unit else ""
            self.fields[f"target_{indicator.pk}"] = forms.DecimalField(
                label=_("Meta del período: %(name)s%(unit)s")
                % {"name": indicator.name, "unit": unit},
                max_digits=18,
                decimal_places=2,
                required=False,
                initial=current.target if current else None,
            )
            self.fields[f"actual_{indicator.pk}"] = forms.DecimalField(
                label=_("Valor alcanzado: %(name)s%(unit)s")
                % {"name": indicator.name, "unit": unit},
                max_digits=18,
                decimal_places=2,
                required=False,
                initial=current.actual if current else None,
            )
            self.fields[f"comment_{indicator.pk}"] = forms.CharField(
                label=_("Comentario: %(name)s") % {"name": indicator.name},
                max_length=500,
                required=False,
                initial=current.comment if current else "",
            )

    def indicator_rows(self):
        return [
            (i, self[f"target_{i.pk}"], self[f"actual_{i.pk}"], self[f"comment_{i.pk}"])
            for i in self.indicators
        ]

    def values(self):
        data = self.cleaned_data
        return {
            i: (data.get(f"target_{i.pk}"), data.get(f"actual_{i.pk}"), data.get(f"comment_{i.pk}"))
            for i in self.indicators
        }

    def evidence(self):
        uploaded = self.cleaned_data.get("evidence_file")
        return [(self.cleaned_data.get("evidence_title", ""), uploaded)] if uploaded else []


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Observaciones para el GAD"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatorias al devolver el informe."),
    )
