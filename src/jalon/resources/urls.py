from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("", views.library, name="library"),
    path("partager/", views.share, name="share"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/telecharger/", views.download, name="download"),
    path("plans/<int:pk>/actions/<int:action_pk>/", views.for_action, name="for_action"),
]
