from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("regions/", views.regions, name="regions"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("organisations/<slug:slug>/", views.organization, name="organization"),
    path("organisations/<slug:slug>/modifier/", views.organization_edit, name="organization_edit"),
    path("organisations/<slug:slug>/logo/", views.organization_logo, name="organization_logo"),
    path("gestion/", views.manage, name="manage"),
    path("gestion/nouvelle-organisation/", views.organization_create, name="organization_create"),
]
