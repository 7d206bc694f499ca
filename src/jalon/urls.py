"""Top-level URL configuration: one include per app, and the home page (accounts' dashboard)."""

from django.contrib import admin
from django.urls import include, path

from jalon.accounts.views import dashboard, switch_language

handler403 = "jalon.core.views.error_403"
handler404 = "jalon.core.views.error_404"
handler500 = "jalon.core.views.error_500"

urlpatterns = [
    path("", dashboard, name="home"),
    path("", include("jalon.core.urls")),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("comptes/", include("jalon.accounts.urls")),
    path("reseau/", include("jalon.network.urls")),
    path("plans/", include("jalon.plans.urls")),
    path("suivi/", include("jalon.tracking.urls")),
    path("outils/", include("jalon.resources.urls")),
    path("rapports/", include("jalon.reports.urls")),
    path("importer/", include("jalon.imports.urls")),
    path("sondages/", include("jalon.surveys.urls")),
    path("api/v1/", include("jalon.api.urls")),
    path("admin/", admin.site.urls),
]
