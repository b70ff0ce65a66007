from django import forms
from django.utils.translation import gettext_lazy as _

from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Contact, Organization
from sioc.organizations.services import EDITABLE_FIELDS


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Buscar"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Tipo"),
        required=False,
        choices=[("", _("Todos los tipos")), *OrganizationKind.choices],
    )
    province = forms.ChoiceField(label=_("Provincia"), required=False, choices=[])

    def __init__(self, *args, province_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Todas las provincias")), *province_choices]


class OrganizationForm(forms.ModelForm):
    """Edits the public profile. Optimistic lock: ``version`` is the updated_at seen when opening."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.URLField(label=_("Sitio web"), required=False, assume_scheme="https")
    country = forms.CharField(
        label=_("País"),
        required=False,
        max_length=60,
        help_text=_("Código ISO 3166-1 alfa-2, p. ej. EC, DE, KR."),
    )

    class Meta:
        model = Organization
        fields = [f for f in EDITABLE_FIELDS if f != "is_active"] + ["is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, can_change_kind=True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.updated_at.isoformat()
        if not can_change_kind:
            for name in ("kind", "is_active", "iati_identifier"):
                self.fields.pop(name)
        if "kind" in self.fields and self.instance.pk and self.instance.is_gad:
            self.fields.pop("kind")

    def clean_country(self):
        value = self.cleaned_data["country"].strip().upper()
        if value and (len(value) != 2 or not value.isalpha()):
            raise forms.ValidationError(
                _("Use el código de país de dos letras (ISO 3166-1), p. ej. EC o DE.")
            )
        return value


CONFLICT_MESSAGE = _(
    "Otra persona modificó esta organización mientras usted la editaba. "
    "Sus cambios no se guardaron: recargue la página para ver la versión actual."
)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "position", "email", "phone"]
