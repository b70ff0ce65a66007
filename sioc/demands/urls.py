from django.urls import path

import sioc.offers.urls  # noqa: F401  (registers the «offercode» path converter)
from sioc.demands.views import interests, needs, profile

app_name = "demands"

urlpatterns = [
    # GAD profile (views/profile.py)
    path("gad/<slug:slug>/", profile.profile, name="profile"),
    path("gad/<slug:slug>/editar/", profile.profile_edit, name="profile_edit"),
    # Needs (views/needs.py)
    path("necesidades/", needs.need_list, name="need_list"),
    path("necesidades/nueva/", needs.need_create, name="need_create"),
    path("necesidades/<int:pk>/", needs.need_detail, name="need_detail"),
    path("necesidades/<int:pk>/editar/", needs.need_edit, name="need_edit"),
    path("necesidades/<int:pk>/estado/", needs.need_transition, name="need_transition"),
    path("necesidades/<int:pk>/adjuntos/", needs.attachment_add, name="need_attachment_add"),
    path(
        "necesidades/<int:pk>/adjuntos/<int:attachment_id>/",
        needs.attachment_download,
        name="need_attachment",
    ),
    path(
        "necesidades/<int:pk>/adjuntos/<int:attachment_id>/eliminar/",
        needs.attachment_delete,
        name="need_attachment_delete",
    ),
    # Expressions of interest (views/interests.py)
    path("interes/mis-solicitudes/", interests.my_interests, name="my_interests"),
    path("interes/bandeja/", interests.interest_queue, name="interest_queue"),
    path("interes/remitidas/", interests.referred_interests, name="referred_interests"),
    path("interes/nueva/<offercode:code>/", interests.interest_create, name="interest_create"),
    path(
        "interes/boton/<offercode:code>/",
        interests.offer_interest_button,
        name="offer_interest_button",
    ),
    path("interes/<int:pk>/", interests.interest_detail, name="interest_detail"),
    path("interes/<int:pk>/mover/", interests.interest_move, name="interest_move"),
]
