from django.urls import path

from sioc.matching import views
from sioc.offers.urls import OfferCodeConverter  # noqa: F401  (registers «offercode»)

app_name = "matching"

urlpatterns = [
    # A need's recommended offers (partial of the need page)
    path("necesidades/<int:pk>/ofertas/", views.need_offers, name="need_offers"),
    # The GADs and needs an offer fits (partial of the offer page, AME and its focal points)
    path("ofertas/<offercode:code>/gad/", views.offer_gads, name="offer_gads"),
    # For a GAD member on an offer's page: is it eligible for each of their needs?
    path("ofertas/<offercode:code>/mis-necesidades/", views.offer_my_needs, name="offer_my_needs"),
    # Why an offer is (not) eligible for a need
    path(
        "ofertas/<offercode:code>/necesidades/<int:pk>/",
        views.offer_eligibility,
        name="offer_eligibility",
    ),
    # Home page: «Oportunidades para su GAD» and «Radar de plazos»
    path("oportunidades/", views.gad_opportunities, name="gad_opportunities"),
    # A GAD's calendar of fitting deadlines (secret token, no login)
    path("calendario/<uuid:token>.ics", views.gad_deadlines_ics, name="gad_deadlines_ics"),
]
