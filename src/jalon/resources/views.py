"""Pages of the library: browse and search, a resource, sharing and editing, the download
(through the access check, counted), and the resources an action produced (for its page)."""

from __future__ import annotations

import hashlib

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.core.clientip import client_ip
from jalon.core.concurrency import StaleVersion
from jalon.core.http import AuthenticatedHttpRequest
from jalon.network.queries import all_regions, all_themes
from jalon.plans.queries import can_read_plan

from . import queries, services
from .forms import FilterForm, ResourceForm
from .models import Resource

PAGE_SIZE = 20


def library(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None, regions=all_regions(), themes=all_themes())
    if form.is_bound:
        form.is_valid()
    page = Paginator(queries.search(request.user, form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "resources/library.html"
    if getattr(request, "htmx", False):
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "resources": page.object_list,
            "query": query.urlencode(),
            "can_share": queries.can_share(request.user),
        },
    )


def _sign_in_first(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Someone signed out following a link to a members' resource is asked to sign in;
    anyone else gets a 404 (a resource they may not see is not there for them)."""
    if not request.user.is_authenticated and queries.resource_exists(pk):
        return redirect_to_login(request.get_full_path())
    raise Http404


def detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    try:
        resource = queries.get_resource_for_user(request.user, pk)
    except Http404:
        return _sign_in_first(request, pk)
    action = resource.produced_by
    return render(
        request,
        "resources/detail.html",
        {
            "resource": resource,
            "themes": list(resource.themes.all()),
            "action": action if action and can_read_plan(request.user, action.plan) else None,
            "can_edit": queries.can_edit_resource(request.user, resource),
        },
    )


def _browser(request: HttpRequest, resource: Resource) -> str:
    """Who is clicking, for the 30-second repeat only: the session, else a hash of the address
    and user agent (never stored: the cache forgets it after 30 s)."""
    if request.session.session_key:
        return "s:" + request.session.session_key
    raw = f"{client_ip(request) or ''}|{request.headers.get('user-agent', '')}|{resource.pk}"
    return "a:" + hashlib.sha256(raw.encode()).hexdigest()


def download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The file (or the link) if the user may see the resource; counted, robots and repeats left out."""
    visible = queries.visible_resources(request.user).filter(pk=pk).first()
    if visible is None:
        return _sign_in_first(request, pk)
    services.count_download(
        resource=visible,
        user_agent=request.headers.get("user-agent", ""),
        browser=_browser(request, visible),
        day=timezone.localdate(),
    )
    if visible.file:
        return FileResponse(visible.file.open("rb"), as_attachment=True)
    return HttpResponseRedirect(visible.link)


def _form(request: HttpRequest, resource: Resource | None = None) -> ResourceForm:
    initial = None
    if resource is not None:
        initial = {
            "title": resource.title,
            "description": resource.description,
            "kind": resource.kind,
            "organization": resource.organization_id,
            "themes": list(resource.themes.all()),
            "region": resource.region_id,
            "language": resource.language,
            "published_on": resource.published_on,
            "link": resource.link,
            "visibility": resource.visibility,
            "produced_by": resource.produced_by_id,
            "indicators": list(resource.indicators.all()),
            "version": resource.version,
        }
    return ResourceForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        organizations=queries.sharing_organizations(request.user),
        actions=queries.producing_actions(request.user),
        indicators=queries.countable_indicators(request.user),
    )


@login_required
def share(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not queries.can_share(request.user):
        raise Http404
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resource = services.share_resource(
                by=request.user,
                title=data["title"],
                kind=data["kind"],
                organization=data["organization"],
                published_on=data["published_on"],
                description=data["description"],
                themes=data["themes"],
                region=data["region"],
                language=data["language"],
                file=data["file"],
                link=data["link"],
                visibility=data["visibility"],
                produced_by=data["produced_by"],
                indicators=data["indicators"],
            )
        except services.ResourceError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(resource)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "resources/form.html", {"form": form}, status=status)


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource = queries.get_resource_for_user(request.user, pk, write=True)
    form = _form(request, resource)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            updated = services.update_resource(
                resource=resource,
                by=request.user,
                expected_version=data["version"] or 0,
                title=data["title"],
                kind=data["kind"],
                published_on=data["published_on"],
                description=data["description"],
                themes=data["themes"],
                region=data["region"],
                language=data["language"],
                file=data["file"],
                link=data["link"],
                visibility=data["visibility"],
                produced_by=data["produced_by"],
                indicators=data["indicators"],
            )
        except services.ResourceError as exc:
            form.add_error(None, str(exc))
        except StaleVersion:
            form.add_error(
                None,
                _(
                    "Quelqu'un a modifié cet outil pendant que vous le modifiiez ; "
                    "rechargez la page pour voir sa version."
                ),
            )
        else:
            return redirect(updated)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "resources/form.html", {"form": form, "resource": resource}, status=status
    )


def for_action(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """The resources an action produced (the part the action's page shows)."""
    action = queries.get_action_for_user(request.user, pk, action_pk)
    return render(
        request,
        "resources/for_action.html",
        {"action": action, "resources": queries.resources_of_action(request.user, action)},
    )
