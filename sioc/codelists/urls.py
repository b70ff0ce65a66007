from django.urls import path

app_name = "codelists"

urlpatterns: list = []
