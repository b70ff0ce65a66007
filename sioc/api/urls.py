"""The /api/v1 root router and the OpenAPI schema. Apps contribute viewsets; nothing else lives here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from sioc.organizations.api.views import OrganizationViewSet

app_name = "api"

router = DefaultRouter()
router.register("organizaciones", OrganizationViewSet, basename="organization")

urlpatterns = [
    path("", include(router.urls)),
    path("esquema/", SpectacularAPIView.as_view(), name="schema"),
]
