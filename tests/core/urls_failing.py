"""The site's URLs plus a page that fails, to see the 500 page a visitor gets."""

from django.urls import path

from jalon.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [*urlpatterns, path("en-panne/", broken)]
