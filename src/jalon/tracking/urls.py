from django.urls import path

from .views import actions, dashboard, indicators, logs, notifications, round

app_name = "tracking"
urlpatterns = [
    path("plans/<int:pk>/", dashboard.dashboard, name="dashboard"),
    path("plans/<int:pk>/avancement/", dashboard.progress, name="progress"),
    path("plans/<int:pk>/verrou/", dashboard.lock, name="lock"),
    path("plans/<int:pk>/debut-du-suivi/", dashboard.tracking_start, name="tracking_start"),
    path("plans/<int:pk>/tournee/", round.round_page, name="round"),
    path("plans/<int:pk>/tournee/lot/", round.round_bulk, name="round_bulk"),
    path("plans/<int:pk>/actions/<int:action_pk>/", actions.action_page, name="action"),
    path("plans/<int:pk>/actions/<int:action_pk>/etat/", round.round_save, name="round_save"),
    path("plans/<int:pk>/actions/<int:action_pk>/suivre/", actions.follow, name="follow"),
    path(
        "plans/<int:pk>/mises-a-jour/<int:update_pk>/supprimer/",
        actions.delete_update,
        name="delete_update",
    ),
    path(
        "plans/<int:pk>/mises-a-jour/<int:update_pk>/preuves/",
        actions.add_evidence,
        name="add_evidence",
    ),
    path("plans/<int:pk>/preuves/<int:evidence_pk>/", actions.evidence_file, name="evidence"),
    path("plans/<int:pk>/indicateurs/", indicators.indicators, name="indicators"),
    path("plans/<int:pk>/indicateurs/<int:indicator_pk>/", indicators.indicator, name="indicator"),
    path(
        "plans/<int:pk>/indicateurs/<int:indicator_pk>/valeur/",
        indicators.indicator_value,
        name="indicator_value",
    ),
    path(
        "plans/<int:pk>/indicateurs/<int:indicator_pk>/regle/",
        indicators.indicator_rule,
        name="indicator_rule",
    ),
    path(
        "plans/<int:pk>/indicateurs/<int:indicator_pk>/occurrences/",
        indicators.indicator_occurrence,
        name="indicator_occurrence",
    ),
    path(
        "plans/<int:pk>/indicateurs/<int:indicator_pk>/valeurs/<int:value_pk>/supprimer/",
        indicators.indicator_value_delete,
        name="indicator_value_delete",
    ),
    path("plans/<int:pk>/activites/", logs.activities, name="activities"),
    path("plans/<int:pk>/activites.csv", logs.activities_csv, name="activities_csv"),
    path("plans/<int:pk>/activites/<int:activity_pk>/", logs.activity_edit, name="activity"),
    path(
        "plans/<int:pk>/activites/<int:activity_pk>/supprimer/",
        logs.activity_delete,
        name="activity_delete",
    ),
    path("plans/<int:pk>/contacts/", logs.contacts, name="contacts"),
    path("plans/<int:pk>/contacts.csv", logs.contacts_csv, name="contacts_csv"),
    path("plans/<int:pk>/contacts/<int:contact_pk>/", logs.contact_edit, name="contact"),
    path(
        "plans/<int:pk>/contacts/<int:contact_pk>/supprimer/",
        logs.contact_delete,
        name="contact_delete",
    ),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/lues/", notifications.notifications_read, name="notifications_read"),
    path("notifications/compteur/", notifications.notifications_count, name="notifications_count"),
]
