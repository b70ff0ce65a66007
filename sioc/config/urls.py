from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from sioc.common import views as common_views

admin.site.site_header = "Administración de SIOC"
admin.site.site_title = "SIOC"
admin.site.index_title = "Administración"

urlpatterns = [
    path("", common_views.home, name="home"),
    path("cuentas/", include("sioc.accounts.urls")),
    path("territorio/", include("sioc.territory.urls")),
    path("codigos/", include("sioc.codelists.urls")),
    path("organizaciones/", include("sioc.organizations.urls")),
    path("ofertas/", include("sioc.offers.urls")),
    path("demanda/", include("sioc.demands.urls")),
    path("misiones/", include("sioc.missions.urls")),
    path("proyectos/iati/", include("sioc.projects.iati.urls")),
    path("proyectos/", include("sioc.projects.urls")),
    path("tableros/", include("sioc.dashboards.urls")),
    path("coincidencias/", include("sioc.matching.urls")),
    path("auditoria/", include("sioc.audit.urls")),
    path("api/v1/", include("sioc.api.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
