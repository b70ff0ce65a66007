"""The /api/v1 root router and the OpenAPI schema. Apps contribute viewsets; nothing else lives here."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from sioc.offers.api.views import OfferViewSet
from sioc.organizations.api.views import OrganizationViewSet
from sioc.territory.api.views import CantonViewSet, ProvinceViewSet

app_name = "api"

router = DefaultRouter()
router.register("provincias", ProvinceViewSet, basename="province")
router.register("cantones", CantonViewSet, basename="canton")
router.register("organizaciones", OrganizationViewSet, basename="organization")
router.register("ofertas", OfferViewSet, basename="offer")

urlpatterns = [
    path("", include(router.urls)),
    path("esquema/", SpectacularAPIView.as_view(), name="schema"),
]
