from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import CootadCompetency, DacSector, Modality, SdgGoal, SdgTarget
from sioc.demands.choices import DigestFrequency, InterestStatus, NeedStatus
from sioc.demands.models import ExpressionOfInterest, GadProfile, Need
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.territory.models import Parish, Province

PROFILE_CONFLICT_MESSAGE = _(
    "Otra persona guardó este perfil mientras usted lo editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual y vuelva a aplicarlos."
)
NEED_CONFLICT_MESSAGE = _(
    "Otra persona guardó esta necesidad mientras usted la editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual y vuelva a aplicarlos."
)
CHECK = {
    "class": "form-check-input"
}  # options rendered one by one (demands/partials/choice_group.html)
MULTIPLE_HELP = _("Mantenga presionada Ctrl (o Cmd) para elegir varias.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def gad_label(org):
    if org.canton_id:
        return f"{org.name} ({org.canton.province.name})"
    return org.name


class VersionedForm(forms.ModelForm):
    """``version`` carries the updated_at the editor saw (optimistic lock, as in offers)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    def service_fields(self):
        fields = dict(self.cleaned_data)
        fields.pop("version", None)
        return fields


# --- GAD profile --------------------------------------------------------------------------


class GadProfileForm(VersionedForm):
    class Meta:
        model = GadProfile
        fields = [
            "mayor_name",
            "term_start",
            "term_end",
            "officer_name",
            "officer_email",
            "officer_phone",
            "pdot_priorities",
            "priority_sdgs",
            "priority_competencies",
            "networks",
            "digest_frequency",
            "digest_email",
        ]
        widgets = {
            "term_start": DateInput(),
            "term_end": DateInput(),
            "pdot_priorities": forms.Textarea(attrs={"rows": 5}),
            "priority_sdgs": forms.CheckboxSelectMultiple(attrs=CHECK),
            "priority_competencies": forms.CheckboxSelectMultiple(attrs=CHECK),
            "networks": forms.CheckboxSelectMultiple(attrs=CHECK),
            "digest_frequency": forms.RadioSelect(attrs=CHECK),
        }
        help_texts = {
            "pdot_priorities": _(
                "Los programas y temas que el Plan de Desarrollo y Ordenamiento Territorial prioriza."
            ),
            "digest_email": _("Si lo deja vacío se usa el correo del responsable de cooperación."),
            "networks": _("Redes de ciudades y asociaciones de gobiernos locales."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority_sdgs"].queryset = SdgGoal.objects.order_by("code")
        self.fields["priority_sdgs"].label_from_instance = lambda g: f"{g.code}. {g.short_title}"
        self.fields["priority_competencies"].queryset = CootadCompetency.objects.all()
        self.fields["networks"].queryset = Organization.objects.filter(
            kind__in=[OrganizationKind.CITY_NETWORK, OrganizationKind.LOCAL_GOVERNMENT_ASSOCIATION],
            is_active=True,
        ).order_by("name")
        self.fields["networks"].label_from_instance = lambda o: o.display_name
        self.fields["digest_frequency"].choices = DigestFrequency.choices

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and start > end:
            self.add_error("term_end", _("El fin del período debe ser posterior a su inicio."))
        frequency = cleaned.get("digest_frequency")
        if frequency and frequency != DigestFrequency.NONE and not cleaned.get("digest_email"):
            if cleaned.get("officer_email"):
                cleaned["digest_email"] = cleaned["officer_email"]
            elif "officer_email" not in self.errors:
                self.add_error(
                    "digest_email", _("Indique a qué correo enviar el resumen de oportunidades.")
                )
        return cleaned


# --- needs --------------------------------------------------------------------------------


class GadChoiceForm(forms.Form):
    """First step for someone who may record needs for several GADs: which one."""

    gad = forms.ModelChoiceField(
        label=_("GAD municipal"), queryset=Organization.objects.none(), to_field_name="slug"
    )

    def __init__(self, *args, gads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gad"].queryset = gads
        self.fields["gad"].label_from_instance = gad_label
        self.fields["gad"].empty_label = _("Elija el GAD")


class NeedForm(VersionedForm):
    """A need of one GAD; its parishes are those of the GAD's canton."""

    class Meta:
        model = Need
        fields = [
            "title",
            "problem",
            "objective",
            "beneficiaries_count",
            "beneficiary_groups",
            "parishes",
            "sdgs",
            "sdg_targets",
            "competency",
            "sector",
            "modalities",
            "estimated_budget",
            "counterpart_funds",
            "maturity",
            "pdot_programme",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "objective": forms.Textarea(attrs={"rows": 3}),
            "parishes": forms.CheckboxSelectMultiple(attrs=CHECK),
            "sdgs": forms.CheckboxSelectMultiple(attrs=CHECK),
            "sdg_targets": forms.SelectMultiple(attrs={"size": 8}),
            "modalities": forms.CheckboxSelectMultiple(attrs=CHECK),
        }
        help_texts = {
            "title": _(
                "Qué necesita el cantón, en una frase (p. ej. «Estudios de agua potable para la cabecera cantonal»)."
            ),
            "problem": _("La situación que el proyecto quiere cambiar, con datos si los tiene."),
            "parishes": _("Parroquias del cantón donde se ejecutaría. Ninguna: todo el cantón."),
            "sdg_targets": MULTIPLE_HELP,
            "estimated_budget": _("En dólares, sin separador de miles (p. ej. 250000)."),
            "pdot_programme": _("El programa o proyecto del PDOT al que responde."),
        }

    def __init__(self, *args, gad, **kwargs):
        super().__init__(*args, **kwargs)
        self.gad = gad
        self.fields["parishes"].queryset = Parish.objects.filter(canton_id=gad.canton_id).order_by(
            "name"
        )
        self.fields["sdgs"].queryset = SdgGoal.objects.order_by("code")
        self.fields["sdgs"].label_from_instance = lambda g: f"{g.code}. {g.short_title}"
        self.fields["sdg_targets"].queryset = SdgTarget.objects.select_related("goal")
        self.fields["sdg_targets"].label_from_instance = lambda t: f"{t.code} {t.name[:110]}"
        self.fields["competency"].queryset = CootadCompetency.objects.all()
        self.fields["competency"].empty_label = _("Sin indicar")
        self.fields["sector"].queryset = DacSector.objects.active()
        self.fields["sector"].empty_label = _("Sin indicar")
        self.fields["sector"].label_from_instance = lambda s: f"{s.code} {s.name}"
        self.fields["modalities"].queryset = Modality.objects.active()
        for name in ("estimated_budget", "counterpart_funds"):
            self.fields[name].widget.attrs.update(min="0", step="0.01")
            self.fields[name].localize = False

    def clean(self):
        cleaned = super().clean()
        for name in ("estimated_budget", "counterpart_funds"):
            if cleaned.get(name) is not None and cleaned[name] < 0:
                self.add_error(name, _("El monto no puede ser negativo."))
        budget, counterpart = cleaned.get("estimated_budget"), cleaned.get("counterpart_funds")
        if budget is not None and counterpart is not None and counterpart > budget:
            self.add_error(
                "counterpart_funds",
                _("La contraparte no puede ser mayor que el presupuesto estimado."),
            )
        targets = cleaned.get("sdg_targets")
        if targets:
            # A target implies its goal: keep both in step, so that matching sees the goal too.
            goals = {g.pk: g for g in cleaned.get("sdgs") or []}
            for target in targets:
                goals.setdefault(target.goal_id, target.goal)
            cleaned["sdgs"] = list(goals.values())
        return cleaned


class NeedFilterForm(forms.Form):
    q = forms.CharField(label=_("Buscar"), required=False, max_length=100)
    gad = forms.ModelChoiceField(
        label=_("GAD"), required=False, queryset=Organization.objects.none(), to_field_name="slug"
    )
    province = forms.ChoiceField(label=_("Provincia"), required=False, choices=[])
    status = forms.ChoiceField(label=_("Estado"), required=False, choices=[])
    sdg = forms.TypedChoiceField(
        label=_("ODS"), required=False, coerce=int, empty_value=None, choices=[]
    )

    def __init__(self, *args, gads=None, statuses=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gads is None:
            self.fields.pop("gad")
        else:
            self.fields["gad"].queryset = gads
            self.fields["gad"].label_from_instance = gad_label
            self.fields["gad"].empty_label = _("Todos los GAD")
        self.fields["province"].choices = [
            ("", _("Todas las provincias")),
            *Province.objects.order_by("name").values_list("code", "name"),
        ]
        self.fields["status"].choices = [
            ("", _("Todos los estados")),
            *[(s.value, s.label) for s in (statuses or NeedStatus)],
        ]
        self.fields["sdg"].choices = [
            ("", _("Todos los ODS")),
            *[(g.code, f"{g.code}. {g.short_title}") for g in SdgGoal.objects.order_by("code")],
        ]


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Título del documento"), max_length=200, required=False)
    file = forms.FileField(
        label=_("Archivo PDF (máx. 10 MB)"),
        error_messages={"required": _("Elija un archivo PDF para adjuntar.")},
    )


# --- expressions of interest --------------------------------------------------------------


class InterestForm(forms.ModelForm):
    """A GAD officer's expression of interest in an offer."""

    gad = forms.ModelChoiceField(
        label=_("GAD que expresa interés"),
        queryset=Organization.objects.none(),
        to_field_name="slug",
    )

    class Meta:
        model = ExpressionOfInterest
        fields = ["need", "justification", "contact_name", "contact_email", "contact_phone"]
        widgets = {"justification": forms.Textarea(attrs={"rows": 5, "maxlength": 4000})}
        help_texts = {
            "need": _("La necesidad de su GAD que esta oferta ayudaría a atender (opcional)."),
            "justification": _(
                "Por qué la oferta le interesa a su GAD y qué haría con ella: AME y el cooperante lo leerán."
            ),
        }

    def __init__(self, *args, gads, needs_by_gad, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_by_gad = needs_by_gad
        self.fields["gad"].queryset = Organization.objects.filter(
            pk__in=[g.pk for g in gads]
        ).order_by("name")
        self.fields["gad"].label_from_instance = gad_label
        if len(gads) == 1:
            self.fields["gad"].initial = gads[0].slug
            self.fields["gad"].widget = forms.HiddenInput()
        need_ids = [n.pk for needs in needs_by_gad.values() for n in needs]
        self.fields["need"].queryset = Need.objects.filter(pk__in=need_ids).order_by("-updated_at")
        self.fields["need"].empty_label = _("Ninguna en particular")
        self.fields["need"].label_from_instance = lambda n: (
            f"{n.title} ({n.get_status_display().lower()})"
        )
        self.fields["justification"].max_length = 4000
        self.fields["justification"].validators.append(MaxLengthValidator(4000))

    def clean(self):
        cleaned = super().clean()
        gad, need = cleaned.get("gad"), cleaned.get("need")
        if gad is not None and need is not None and need.gad_id != gad.pk:
            self.add_error("need", _("La necesidad elegida no es de ese GAD."))
        return cleaned


class InterestMoveForm(forms.Form):
    """One step of an expression of interest, among the ``actions`` the viewer may take."""

    to_status = forms.ChoiceField(choices=InterestStatus.choices, widget=forms.HiddenInput)
    reason = forms.ChoiceField(label=_("Motivo"), required=False, choices=[])
    comment = forms.CharField(
        label=_("Comentario"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["to_status"].initial = action["to"]
        self.fields["reason"].choices = [("", _("Elija el motivo")), *action["reasons"]]
        if action["reasons"]:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = _(
                "Indique el motivo por el que no continúa."
            )
            self.fields["reason"].error_messages["invalid_choice"] = _(
                "Ese motivo no corresponde a su rol."
            )
        else:
            self.fields.pop("reason")
        # Distinct ids per action: several forms share one page.
        self.auto_id = f"{action['id']}-%s"


class QueueFilterForm(forms.Form):
    atrasadas = forms.BooleanField(label=_("Solo las atrasadas"), required=False)
    status = forms.ChoiceField(label=_("Estado de las demás"), required=False, choices=[])
    gad = forms.ModelChoiceField(
        label=_("GAD"), required=False, queryset=Organization.objects.none(), to_field_name="slug"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Todos")),
            *[
                (s.value, s.label)
                for s in InterestStatus
                if s not in (InterestStatus.SUBMITTED, InterestStatus.IN_REVIEW)
            ],
        ]
        self.fields["gad"].queryset = (
            Organization.objects.gads().select_related("canton__province").order_by("name")
        )
        self.fields["gad"].label_from_instance = gad_label
        self.fields["gad"].empty_label = _("Todos los GAD")
