from django.urls import path

from sioc.projects.iati import views

app_name = "iati"

urlpatterns = [
    path("importar/", views.upload, name="upload"),
    path("importaciones/", views.jobs, name="jobs"),
    path("importaciones/<int:pk>/", views.job, name="job"),
]
