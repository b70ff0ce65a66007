from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sioc.codelists.models import Country
from sioc.missions.choices import FollowUpStatus, MissionStatus
from sioc.missions.models import (
    Counterpart,
    FollowUpAction,
    Meeting,
    Mission,
    Opportunity,
    Panel,
    Participant,
    Speaker,
)
from sioc.missions.services import (
    COUNTERPART_FIELDS,
    FOLLOW_UP_FIELDS,
    MEETING_FIELDS,
    PANEL_FIELDS,
    PARTICIPANT_FIELDS,
    SPEAKER_FIELDS,
)
from sioc.organizations.models import Organization

CONFLICT_MESSAGE = _(
    "Otra persona guardó esta misión mientras usted la editaba. Sus cambios no se guardaron: "
    "recargue la página para ver la versión actual y vuelva a aplicarlos."
)
FOLLOW_UP_CONFLICT = _(
    "Otra persona cambió esta acción de seguimiento mientras usted la veía. Recargue la página "
    "y vuelva a intentarlo."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _rows(n):
    return forms.Textarea(attrs={"rows": n})


class ServiceFieldsMixin:
    service_field_names: list[str] = []

    def service_fields(self):
        return {name: self.cleaned_data[name] for name in self.service_field_names}


class MissionForm(ServiceFieldsMixin, forms.ModelForm):
    """Create or edit a mission. ``version`` carries the updated_at the editor saw."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    country = forms.ChoiceField(label=_("País"), required=False)

    class Meta:
        model = Mission
        fields = [
            "kind",
            "name",
            "slug",
            "country",
            "cities",
            "starts_on",
            "ends_on",
            "organiser",
            "hosts",
            "objective",
            "presentation_letter",
            "keywords",
            "credits",
            "contact",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "objective": _rows(3),
            "presentation_letter": _rows(6),
            "credits": _rows(3),
            "contact": _rows(2),
            "hosts": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "slug": _("Parte de la dirección web. Si lo deja vacío se genera a partir del nombre."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["country"].choices = [("", "—")] + list(
            Country.objects.order_by("position", "code").values_list("code", "name")
        )
        orgs = Organization.objects.exclude(kind="gad_municipal").order_by("name")
        self.fields["organiser"].queryset = orgs
        self.fields["hosts"].queryset = orgs
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and starts > ends:
            self.add_error("ends_on", _("La fecha de fin no puede ser anterior a la de inicio."))
        return data

    def _post_clean(self):
        # Uniqueness and constraints are checked by the service (full_clean on save); skip the
        # ModelForm's own instance validation so an empty slug can be generated there.
        pass

    def service_fields(self):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["slug"] = fields["slug"] or ""
        return fields


class ParticipantForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = PARTICIPANT_FIELDS

    class Meta:
        model = Participant
        fields = PARTICIPANT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("kind", "name")
        self.fields["order"].required = False

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class MeetingForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = MEETING_FIELDS

    class Meta:
        model = Meeting
        fields = ["date", "title", "place", "subject", "development", "conclusions", "order"]
        widgets = {
            "date": DateInput(),
            "subject": _rows(3),
            "development": _rows(6),
            "conclusions": _rows(4),
        }
        labels = {
            "subject": _("Asunto"),
            "development": _("Desarrollo"),
            "conclusions": _("Conclusiones"),
        }

    def __init__(self, *args, mission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mission = mission
        self.fields["order"].required = False
        if mission and not self.instance.pk and not self.is_bound:
            self.initial.setdefault("date", mission.starts_on)

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    def clean_date(self):
        date = self.cleaned_data["date"]
        mission = self.mission
        if mission and not (mission.starts_on <= date <= mission.ends_on):
            raise forms.ValidationError(
                _("La fecha debe estar entre el %(start)s y el %(end)s (fechas de la misión).")
                % {
                    "start": mission.starts_on.strftime("%d/%m/%Y"),
                    "end": mission.ends_on.strftime("%d/%m/%Y"),
                }
            )
        return date


class CounterpartForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = COUNTERPART_FIELDS

    class Meta:
        model = Counterpart
        fields = COUNTERPART_FIELDS
        labels = {"organization": _("Organización registrada en SIOC")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("organization") and not (data.get("organization_name") or "").strip():
            raise forms.ValidationError(_("Elija una organización registrada o escriba su nombre."))
        return data


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recomendación para los GAD"), widget=_rows(3), max_length=4000)

    def service_fields(self):
        return {"text": self.cleaned_data["text"]}


class FollowUpForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = FOLLOW_UP_FIELDS

    class Meta:
        model = FollowUpAction
        fields = FOLLOW_UP_FIELDS
        widgets = {"description": _rows(2), "due_on": DateInput()}


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Estado"), choices=FollowUpStatus.choices)
    version = forms.CharField(widget=forms.HiddenInput, required=False)


class PanelForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = PANEL_FIELDS

    class Meta:
        model = Panel
        fields = ["title", "objective", "moderator", "conclusions", "order"]
        widgets = {"objective": _rows(3), "conclusions": _rows(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class SpeakerForm(ServiceFieldsMixin, forms.ModelForm):
    service_field_names = SPEAKER_FIELDS

    class Meta:
        model = Speaker
        fields = ["name", "organization_name", "contribution", "order"]
        widgets = {"contribution": _rows(3)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class OpportunityForm(forms.ModelForm):
    title = forms.CharField(label=_("Título de la oportunidad"), max_length=300)
    description = forms.CharField(
        label=_("Descripción"), widget=_rows(4), required=False, max_length=5000
    )

    class Meta:
        model = Opportunity
        fields = ["kind", "counterpart", "gad_action", "deadline"]
        widgets = {"gad_action": _rows(3), "deadline": DateInput()}
        help_texts = {
            "deadline": _("Sin fecha, la oportunidad queda abierta de forma permanente."),
        }

    field_order = ["title", "kind", "counterpart", "description", "gad_action", "deadline"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counterpart"].queryset = Organization.objects.cooperantes().order_by("name")

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("La fecha límite ya pasó: indique una fecha futura."))
        return deadline

    def _post_clean(self):
        pass  # the instance (with its offer) is built by services.create_opportunity

    def service_fields(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "kind": data["kind"],
            "counterpart": data["counterpart"],
            "description": data["description"],
            "gad_action": data["gad_action"],
            "deadline": data["deadline"],
        }


class PhotoForm(forms.Form):
    # A plain FileField: the content is checked (and re-encoded) by images.reencoded_photo.
    image = forms.FileField(
        label=_("Foto"),
        help_text=_("JPEG, PNG o WebP de hasta 10 MB. Se guarda sin datos de ubicación."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Leyenda"), max_length=300, required=False)
    credit = forms.CharField(label=_("Crédito"), max_length=200, required=False)
    meeting = forms.ModelChoiceField(
        label=_("Reunión"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("— Foto general de la misión —"),
    )

    def __init__(self, *args, mission=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mission is not None:
            self.fields["meeting"].queryset = Meeting.objects.filter(mission=mission)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Nota"), widget=_rows(3), max_length=4000)


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(choices=MissionStatus.choices)
