from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("carte/", views.geomap, name="map"),
    path("organisations.geojson", views.directory_geojson, name="geojson"),
    path("repertoire.csv", views.directory_csv, name="directory_csv"),
    path("repertoire.xlsx", views.directory_xlsx, name="directory_xlsx"),
    path("regions/", views.regions, name="regions"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("organisations/<slug:slug>/", views.organization, name="organization"),
    path("organisations/<slug:slug>/modifier/", views.organization_edit, name="organization_edit"),
    path("organisations/<slug:slug>/logo/", views.organization_logo, name="organization_logo"),
    path("organisations/<slug:slug>/etat-de-situation/", views.situation, name="situation"),
    path(
        "organisations/<slug:slug>/etat-de-situation/remplir/",
        views.situation_file,
        name="situation_file",
    ),
    path(
        "organisations/<slug:slug>/etat-de-situation/comparer/",
        views.situation_compare,
        name="situation_compare",
    ),
    path("gestion/", views.manage, name="manage"),
    path("gestion/nouvelle-organisation/", views.organization_create, name="organization_create"),
]
