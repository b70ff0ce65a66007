from django.urls import path, register_converter

from sioc.territory import views


class DigitsConverter:
    """An INEC code: a fixed number of digits (leading zeros matter, so it stays a string)."""

    regex = r"[0-9]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(DigitsConverter, "inec_code")

app_name = "territory"

urlpatterns = [
    path("", views.province_list, name="provinces"),
    path("provincias.geojson", views.provinces_geojson, name="provinces_geojson"),
    path("provincias/<inec_code:code>/", views.province_detail, name="province"),
    path("provincias/<inec_code:code>.geojson", views.province_geojson, name="province_geojson"),
    path("cantones/<inec_code:code>/", views.canton_detail, name="canton"),
    path("cantones/<inec_code:code>.geojson", views.canton_geojson, name="canton_geojson"),
]
