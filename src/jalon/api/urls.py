"""/api/v1/: the resources (a DRF router), the OpenAPI schema and its two readers, the tokens page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import endpoints, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("organizations", endpoints.OrganizationViewSet, basename="organization")
router.register("regions", endpoints.RegionViewSet, basename="region")
router.register("themes", endpoints.ThemeViewSet, basename="theme")
router.register("plans", endpoints.PlanViewSet, basename="plan")
router.register("orientations", endpoints.OrientationViewSet, basename="orientation")
router.register("objectives", endpoints.ObjectiveViewSet, basename="objective")
router.register("actions", endpoints.ActionViewSet, basename="action")
router.register("indicators", endpoints.IndicatorViewSet, basename="indicator")
router.register("indicator-values", endpoints.IndicatorValueViewSet, basename="indicator-value")
router.register("status-updates", endpoints.StatusUpdateViewSet, basename="status-update")
router.register("activities", endpoints.ActivityViewSet, basename="activity")
router.register("contacts", endpoints.ContactViewSet, basename="contact")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.swagger_ui, name="docs"),
    path("jetons/", views.tokens, name="tokens"),
    path("jetons/<int:pk>/revoquer/", views.revoke, name="revoke"),
    *router.urls,
    re_path(r"^.*$", endpoints.NoSuchEndpoint.as_view(), name="no-such-endpoint"),
]
