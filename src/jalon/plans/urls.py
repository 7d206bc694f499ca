from django.urls import include, path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/actions/<int:action_pk>/", views.action_detail, name="action"),
    path("<int:pk>/actions/<int:action_pk>/lieu/", views.action_place, name="action_place"),
    path("projets.geojson", views.actions_geojson, name="geojson"),
    path("", include("jalon.plans.builder_urls")),
    path("<int:pk>/export.json", views.plan_export_json, name="export-json"),
    path("<int:pk>/revisions/", views.plan_revisions, name="revisions"),
    path("<int:pk>/adopter/", views.plan_adopt, name="adopt"),
    path("<int:pk>/partage/", views.plan_sharing, name="sharing"),
    path("<int:pk>/alignement/", views.plan_alignment, name="alignment"),
    path("<int:pk>/contributions/", views.plan_contributors, name="contributors"),
]
