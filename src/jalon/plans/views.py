"""Plan pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plan_list.html")


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "plans/plan_detail.html")


@login_required
def action_detail(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    return render(request, "plans/action_detail.html")
