from django.urls import path

from sioc.codelists import views

app_name = "codelists"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>.csv", views.csv_export, name="csv"),
    path("<slug:slug>/", views.detail, name="detail"),
]
