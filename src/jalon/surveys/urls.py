"""Survey pages: editors under /sondages/, answering under /sondages/repondre/<token>/."""

from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("nouveau/plan/<int:plan_pk>/", views.survey_new, name="new"),
    path("nouveau/plan/<int:plan_pk>/satisfaction-annuelle/", views.annual_template, name="annual"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/questions/", views.question_add, name="question_add"),
    path(
        "<int:pk>/questions/<int:question_pk>/supprimer/",
        views.question_delete,
        name="question_delete",
    ),
    path("<int:pk>/inviter/", views.invite, name="invite"),
    path("<int:pk>/lancer/", views.launch, name="launch"),
    path("<int:pk>/rappel/", views.remind, name="remind"),
    path("<int:pk>/fermer/", views.close, name="close"),
    path("<int:pk>/copier/", views.copy, name="copy"),
    path("<int:pk>/resultats/", views.results, name="results"),
    path("<int:pk>/resultats.csv", views.results_csv, name="results_csv"),
    path("<int:pk>/reponses.csv", views.answers_csv, name="answers_csv"),
    path("<int:pk>/questions/<int:question_pk>/indicateur/", views.feed, name="feed"),
    path("repondre/<str:token>/", views.answer, name="answer"),
    path("ouvert/<str:key>/", views.answer_open, name="answer_open"),
]
