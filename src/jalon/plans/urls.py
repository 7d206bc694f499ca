from django.urls import include, path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/actions/<int:action_pk>/", views.action_detail, name="action"),
    path("", include("jalon.plans.builder_urls")),
]
