from django.urls import path

from sioc.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_list, name="list"),
    path("nueva/", views.organization_create, name="create"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    path("<slug:slug>/editar/", views.organization_edit, name="edit"),
    path("<slug:slug>/historial/", views.organization_history, name="history"),
    path("<slug:slug>/contactos/nuevo/", views.contact_edit, name="contact_add"),
    path("<slug:slug>/contactos/<int:contact_id>/editar/", views.contact_edit, name="contact_edit"),
    path(
        "<slug:slug>/contactos/<int:contact_id>/eliminar/",
        views.contact_delete,
        name="contact_delete",
    ),
]
