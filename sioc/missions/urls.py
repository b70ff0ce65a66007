from django.urls import path

from sioc.missions.views import missions, parts

app_name = "missions"

urlpatterns = [
    # Missions (views/missions.py)
    path("", missions.mission_list, name="list"),
    path("nueva/", missions.mission_create, name="create"),
    path("tablero/", missions.dashboard, name="dashboard"),
    path("<slug:slug>/", missions.mission_detail, name="detail"),
    path("<slug:slug>/editar/", missions.mission_edit, name="edit"),
    path("<slug:slug>/estado/", missions.mission_status, name="status"),
    path("<slug:slug>/informe.<str:fmt>", missions.mission_report, name="report"),
    path("<slug:slug>/tablero/", missions.mission_dashboard, name="mission_dashboard"),
    path("<slug:slug>/historial/", missions.mission_history, name="history"),
    path("<slug:slug>/fotos/nueva/", missions.photo_add, name="photo_add"),
    path("<slug:slug>/fotos/<int:pk>.jpg", missions.photo_file, name="photo"),
    path("<slug:slug>/fotos/<int:pk>/eliminar/", missions.photo_remove, name="photo_remove"),
    path("<slug:slug>/notas/nueva/", missions.note_add, name="note_add"),
    # Parts of a mission, AME only (views/parts.py)
    path("<slug:slug>/delegacion/nuevo/", parts.participant_add, name="participant_add"),
    path(
        "<slug:slug>/delegacion/<int:pk>/editar/", parts.participant_edit, name="participant_edit"
    ),
    path(
        "<slug:slug>/delegacion/<int:pk>/retirar/",
        parts.participant_remove,
        name="participant_remove",
    ),
    path("<slug:slug>/reuniones/nueva/", parts.meeting_add, name="meeting_add"),
    path("<slug:slug>/reuniones/<int:pk>/editar/", parts.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/reuniones/<int:pk>/eliminar/", parts.meeting_remove, name="meeting_remove"),
    path(
        "<slug:slug>/reuniones/<int:pk>/contrapartes/nueva/",
        parts.counterpart_add,
        name="counterpart_add",
    ),
    path(
        "<slug:slug>/contrapartes/<int:pk>/editar/", parts.counterpart_edit, name="counterpart_edit"
    ),
    path(
        "<slug:slug>/contrapartes/<int:pk>/eliminar/",
        parts.counterpart_remove,
        name="counterpart_remove",
    ),
    path(
        "<slug:slug>/reuniones/<int:pk>/recomendaciones/nueva/",
        parts.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "<slug:slug>/reuniones/<int:pk>/oportunidades/nueva/",
        parts.opportunity_add,
        name="opportunity_add",
    ),
    path(
        "<slug:slug>/recomendaciones/<int:pk>/editar/",
        parts.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "<slug:slug>/recomendaciones/<int:pk>/eliminar/",
        parts.recommendation_remove,
        name="recommendation_remove",
    ),
    path(
        "<slug:slug>/recomendaciones/<int:pk>/seguimiento/nuevo/",
        parts.follow_up_add,
        name="follow_up_add",
    ),
    path(
        "<slug:slug>/seguimiento/<int:pk>/estado/", parts.follow_up_status, name="follow_up_status"
    ),
    path("<slug:slug>/paneles/nuevo/", parts.panel_add, name="panel_add"),
    path("<slug:slug>/paneles/<int:pk>/editar/", parts.panel_edit, name="panel_edit"),
    path("<slug:slug>/paneles/<int:pk>/eliminar/", parts.panel_remove, name="panel_remove"),
    path("<slug:slug>/paneles/<int:pk>/panelistas/nuevo/", parts.speaker_add, name="speaker_add"),
    path("<slug:slug>/panelistas/<int:pk>/editar/", parts.speaker_edit, name="speaker_edit"),
    path("<slug:slug>/panelistas/<int:pk>/eliminar/", parts.speaker_remove, name="speaker_remove"),
]
