"""Directory, regions and organization pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Organization, Region


def directory(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.select_related("region", "parent")
    return render(request, "network/directory.html", {"organizations": organizations})


def regions(request: HttpRequest) -> HttpResponse:
    return render(request, "network/regions.html", {"regions": Region.objects.all()})


def region(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(Region, slug=slug)
    return render(request, "network/region.html", {"region": obj})


def organization(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_object_or_404(Organization.objects.select_related("region", "parent"), slug=slug)
    return render(request, "network/organization.html", {"organization": obj})
