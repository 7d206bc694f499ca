from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("plans/<int:pk>/", views.plan_reports, name="plan"),
    path("plans/<int:pk>/generer/<slug:identifier>/", views.generate, name="generate"),
    path("plans/<int:pk>/apercu/<slug:identifier>/", views.preview, name="preview"),
    path("plans/<int:pk>/bilan-annuel/<int:year>/textes/", views.narrative, name="narrative"),
    path("plans/<int:pk>/bilan-global/enseignements/", views.lessons, name="lessons"),
    path("plans/<int:pk>/plan-suivant/", views.next_plan, name="next_plan"),
    path("fichiers/<int:report_pk>/etat/", views.report_status, name="status"),
    path("fichiers/<int:report_pk>/telecharger/", views.download, name="download"),
    path("fichiers/<int:report_pk>/publier/", views.publish, name="publish"),
    path("fichiers/<int:report_pk>/partager/", views.share, name="share"),
    path("partage/<str:token>/", views.shared, name="shared"),
]
