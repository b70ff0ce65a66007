from django.urls import path, re_path

from sioc.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.national, name="national"),
    path("gad/<slug:slug>/", views.gad, name="gad"),
    re_path(r"^datos/(?P<chart>[a-z]+)\.(?P<format>csv|xlsx)$", views.data, name="data"),
    path("mapa/", views.map_page, name="map"),
    path("mapa/datos.json", views.map_data, name="map_data"),
    path("mapa/cantones.geojson", views.cantons_geojson, name="cantons_geojson"),
    re_path(r"^cantones/(?P<code>[0-9]{4})/$", views.canton, name="canton"),
]
