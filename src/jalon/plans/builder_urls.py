"""URLs of the plan builder, included by plans/urls.py (names live in the "plans" namespace)."""

from django.urls import path, re_path

from . import builder_views as views

ITEM = r"^(?P<pk>\d+)/construire/(?P<kind>orientation|objectif|action|indicateur|resultat)/(?P<item_pk>\d+)/"

urlpatterns = [
    path("nouveau/", views.plan_new, name="builder_new"),
    path("<int:pk>/construire/", views.builder_page, name="builder"),
    path("<int:pk>/construire/cadre/", views.frame_edit, name="builder_frame"),
    path("<int:pk>/construire/cadre/vue/", views.frame_view, name="builder_frame_view"),
    path("<int:pk>/construire/enonces/", views.statements, name="builder_statements"),
    path("<int:pk>/construire/raison/", views.set_reason, name="builder_reason"),
    path("<int:pk>/construire/annuler/", views.undo, name="builder_undo"),
    path("<int:pk>/corbeille/", views.trash_page, name="builder_trash"),
    path(
        "<int:pk>/corbeille/<int:entry_pk>/retablir/",
        views.trash_restore,
        name="builder_trash_restore",
    ),
    path("<int:pk>/construire/historique/", views.plan_history_page, name="builder_plan_history"),
    path(
        "<int:pk>/construire/orientations/ajouter/",
        views.orientation_add,
        name="builder_add_orientation",
    ),
    path(
        "<int:pk>/construire/objectif/<int:item_pk>/coller/",
        views.actions_paste,
        name="builder_paste",
    ),
    re_path(ITEM + r"$", views.item_row, name="builder_item"),
    re_path(ITEM + r"modifier/$", views.item_edit, name="builder_edit"),
    re_path(ITEM + r"monter-descendre/$", views.item_move, name="builder_move"),
    re_path(ITEM + r"deplacer/$", views.item_place, name="builder_place"),
    re_path(ITEM + r"supprimer/$", views.item_delete, name="builder_delete"),
    re_path(ITEM + r"historique/$", views.item_history_page, name="builder_history"),
    re_path(
        ITEM + r"historique/(?P<history_id>\d+)/retablir/$",
        views.item_restore_version,
        name="builder_restore_version",
    ),
    re_path(
        ITEM + r"ajouter/(?P<child>objectif|action|indicateur|resultat)/$",
        views.child_add,
        name="builder_add",
    ),
]
