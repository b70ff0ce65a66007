from django.urls import path

from sioc.projects.views import corrections, monitoring, portal, projects

app_name = "projects"

urlpatterns = [
    # Public transparency portal (views/portal.py)
    path("portal/", portal.portal, name="portal"),
    path("cooperante/<slug:slug>/", portal.cooperante_projects, name="cooperante_projects"),
    # Projects (views/projects.py)
    path("", projects.project_list, name="list"),
    path("exportar.<str:fmt>", projects.export, name="export"),
    path("nuevo/", projects.project_create, name="create"),
    path(
        "nuevo/desde-interes/<int:pk>/",
        projects.project_create_from_interest,
        name="create_from_interest",
    ),
    path("<int:pk>/", projects.project_detail, name="detail"),
    path("<int:pk>/editar/", projects.project_edit, name="edit"),
    path("<int:pk>/organizaciones-ods-sectores/", projects.project_shares, name="shares"),
    path("<int:pk>/publicacion/", projects.project_publish, name="publish"),
    path("<int:pk>/transacciones/", projects.transaction_add, name="transaction_add"),
    path("<int:pk>/resultados/", projects.result_add, name="result_add"),
    path("<int:pk>/indicadores/", projects.indicator_add, name="indicator_add"),
    path("<int:pk>/documentos/", projects.document_add, name="document_add"),
    path("<int:pk>/documentos/<int:document_id>/", projects.document_download, name="document"),
    path("<int:pk>/riesgos/", projects.risk_add, name="risk_add"),
    path("<int:pk>/periodos/", projects.periods_generate, name="periods_generate"),
    # Corrections on the project page (views/corrections.py)
    path(
        "<int:pk>/transacciones/<int:item_id>/editar/",
        corrections.transaction_edit,
        name="transaction_edit",
    ),
    path(
        "<int:pk>/transacciones/<int:item_id>/quitar/",
        corrections.transaction_remove,
        name="transaction_remove",
    ),
    path(
        "<int:pk>/resultados/<int:item_id>/editar/",
        corrections.result_edit,
        name="result_edit",
    ),
    path(
        "<int:pk>/resultados/<int:item_id>/quitar/",
        corrections.result_remove,
        name="result_remove",
    ),
    path(
        "<int:pk>/indicadores/<int:item_id>/editar/",
        corrections.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "<int:pk>/indicadores/<int:item_id>/quitar/",
        corrections.indicator_remove,
        name="indicator_remove",
    ),
    path(
        "<int:pk>/documentos/<int:item_id>/quitar/",
        corrections.document_remove,
        name="document_remove",
    ),
    path(
        "<int:pk>/riesgos/<int:item_id>/editar/",
        corrections.risk_edit,
        name="risk_edit",
    ),
    path(
        "<int:pk>/riesgos/<int:item_id>/quitar/",
        corrections.risk_remove,
        name="risk_remove",
    ),
    # Monitoring (views/monitoring.py)
    path("informes-atrasados/", monitoring.overdue, name="overdue"),
    path("<int:pk>/periodos/<int:period_id>/", monitoring.period_detail, name="period"),
    path(
        "<int:pk>/periodos/<int:period_id>/revision/",
        monitoring.period_review,
        name="period_review",
    ),
    path(
        "<int:pk>/periodos/<int:period_id>/evidencias/<int:evidence_id>/",
        monitoring.evidence_download,
        name="evidence",
    ),
]
