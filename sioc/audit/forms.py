from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from sioc.audit.choices import Action


class ContentTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        model = obj.model_class()
        return str(model._meta.verbose_name).capitalize() if model else obj.model


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Registro"), required=False, max_length=100)
    actor = forms.CharField(label=_("Usuario"), required=False, max_length=100)
    action = forms.ChoiceField(
        label=_("Acción"), required=False, choices=[("", _("Todas")), *Action.choices]
    )
    content_type = ContentTypeChoiceField(
        label=_("Tipo de registro"),
        required=False,
        queryset=ContentType.objects.none(),
        empty_label=_("Todos"),
    )
    date_from = forms.DateField(
        label=_("Desde"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Hasta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, content_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        if content_types is not None:
            self.fields["content_type"].queryset = content_types

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("date_from")
            and cleaned.get("date_to")
            and cleaned["date_from"] > cleaned["date_to"]
        ):
            raise forms.ValidationError(_("La fecha «desde» es posterior a la fecha «hasta»."))
        return cleaned
