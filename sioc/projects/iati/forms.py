from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_UPLOAD_BYTES = 100 * 1024 * 1024  # web uploads; the command accepts up to 500 MB


class IatiUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Archivo de actividades IATI (.xml)"),
        help_text=gettext_lazy(
            "Un archivo <iati-activities> de las versiones 2.01 a 2.03, de hasta 100 MB. Las "
            "actividades para Ecuador se importan como proyectos externos de solo lectura."
        ),
        error_messages={
            "required": gettext_lazy("Elija el archivo IATI que quiere importar."),
            "empty": gettext_lazy("El archivo está vacío."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "El archivo pesa %(size)s MB y el máximo en la web es 100 MB. Para archivos "
                    "más grandes (hasta 500 MB) use el comando sioc import_iati."
                )
                % {"size": f"{upload.size / 1024 / 1024:.0f}"}
            )
        upload.seek(0)
        head = upload.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n")
        upload.seek(0)
        if not head.startswith(b"<"):
            raise forms.ValidationError(
                _(
                    "El archivo no parece XML: un archivo IATI empieza con «<?xml» o «<iati-activities»."
                )
            )
        return upload
