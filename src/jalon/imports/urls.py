from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/etat/", views.job_status, name="status"),
    path("<int:pk>/modifier/<slug:op>/", views.edit, name="edit"),
    path("<int:pk>/enregistrer/", views.save, name="save"),
]
