"""A URLconf with the territory viewsets registered as sioc/api/urls.py should register them."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from sioc.territory.api.views import CantonViewSet, ProvinceViewSet

router = DefaultRouter()
router.register("provincias", ProvinceViewSet, basename="province")
router.register("cantones", CantonViewSet, basename="canton")

urlpatterns = [
    path("api/v1/", include((router.urls, "api"))),
    path("territorio/", include("sioc.territory.urls")),
]
