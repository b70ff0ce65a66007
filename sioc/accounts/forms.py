from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Login with e-mail; the field keeps the name ``username`` that django-axes watches."""

    username = forms.EmailField(
        label=_("Correo electrónico"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Contraseña"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "El correo o la contraseña no son correctos. Revise e intente de nuevo."
        ),
        "inactive": _("Esta cuenta está desactivada. Escriba a AME para reactivarla."),
    }
