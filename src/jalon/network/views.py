"""Directory, regions and organization pages; the network administrators' pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.accounts.queries import can_administer
from jalon.core.concurrency import StaleVersion

from . import exports, queries, services, tilemap
from .enums import OrganizationKind
from .forms import DirectoryFilterForm, OrganizationForm, OrganizationLogoForm, SituationForm

DIRECTORY_PAGE_SIZE = 50


def _directory_filters(
    request: HttpRequest,
) -> tuple[DirectoryFilterForm, queries.DirectoryFilters]:
    form = DirectoryFilterForm(
        request.GET or None, regions=queries.all_regions(), themes=queries.all_themes()
    )
    if form.is_bound:
        form.is_valid()
    return form, form.filters()


def geomap(request: HttpRequest) -> HttpResponse:
    """The geographic map of the organizations, with the directory's filters (static JS reads GeoJSON)."""
    form, filters = _directory_filters(request)
    form.set_counts(queries.directory_facets(filters))
    query = request.GET.urlencode()
    return render(
        request,
        "network/map.html",
        {
            "form": form,
            "query": query,
            "filtered": form.is_filtered(),
            "tiles": settings.MAP_TILES,
            "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
        },
    )


def _download(content: str | bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def directory_geojson(request: HttpRequest) -> HttpResponse:
    _, filters = _directory_filters(request)
    data = exports.as_geojson(queries.directory(filters))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    if request.GET.get("telecharger"):
        response["Content-Disposition"] = 'attachment; filename="organisations.geojson"'
    response["Content-Type"] = "application/geo+json"
    return response


def directory_csv(request: HttpRequest) -> HttpResponse:
    _, filters = _directory_filters(request)
    return _download(
        exports.as_csv(queries.directory(filters)), "text/csv; charset=utf-8", "repertoire.csv"
    )


def directory_xlsx(request: HttpRequest) -> HttpResponse:
    _, filters = _directory_filters(request)
    return _download(
        exports.as_xlsx(queries.directory(filters)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "repertoire.xlsx",
    )


def directory(request: HttpRequest) -> HttpResponse:
    """The directory, filtered by a GET form; htmx swaps the filters and results in place."""
    form = DirectoryFilterForm(
        request.GET or None, regions=queries.all_regions(), themes=queries.all_themes()
    )
    if form.is_bound:
        form.is_valid()
    filters = form.filters()
    form.set_counts(queries.directory_facets(filters))
    page = Paginator(queries.directory(filters), DIRECTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "organizations": page.object_list,
        "query": query.urlencode(),
        "filtered": form.is_filtered(),
    }
    template = "network/directory.html"
    if getattr(request, "htmx", False):
        template += "#directory"
    return render(request, template, context)


def regions(request: HttpRequest) -> HttpResponse:
    summaries = queries.regions_overview()
    today = timezone.localdate()
    orphans = [s for s in summaries if s.is_orphan]
    return render(
        request,
        "network/regions.html",
        {
            "summaries": summaries,
            "orphan_count": len(orphans),
            "tiles": queries.region_tiles(summaries),
            "up_to_date": queries.regions_up_to_date(summaries, today),
            "region_count": len(summaries),
            "map_width": tilemap.WIDTH,
            "map_height": tilemap.HEIGHT,
            "tile_width": tilemap.TILE_WIDTH,
            "tile_height": tilemap.TILE_HEIGHT,
        },
    )


def region(request: HttpRequest, slug: str) -> HttpResponse:
    detail = queries.region_detail(slug)
    return render(request, "network/region.html", {"detail": detail, "region": detail.region})


def organization(request: HttpRequest, slug: str) -> HttpResponse:
    obj = queries.get_organization(slug)
    return render(
        request,
        "network/organization.html",
        {
            "organization": obj,
            "network_members": queries.members_of_network(obj),
            "can_edit": queries.can_edit_organization(request.user, obj),
            "can_read_situation": obj.kind == OrganizationKind.REGIONAL
            and queries.can_read_situation(request.user, obj),
        },
    )


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """What an administrator manages: their organizations and the members of their networks."""
    organizations = queries.managed_organizations(request.user)
    if not organizations:
        raise PermissionDenied
    return render(
        request,
        "network/manage.html",
        {
            "organizations": organizations,
            "can_create": queries.can_create_organization(request.user),
        },
    )


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    parents = queries.parent_choices(request.user)
    if not parents.exists():
        raise PermissionDenied
    initial_parent = parents.filter(slug=request.GET.get("reseau", "")).first()
    if request.method == "POST":
        form = OrganizationForm(request.POST, parents=parents)
        if form.is_valid():
            decision = form.decision()
            assert decision is not None
            try:
                created = services.create_organization(
                    facts=form.facts(), decision=decision, by=request.user
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("%(name)s est ajoutée au réseau.") % {"name": created.name}
                )
                return redirect(created.get_absolute_url())
    else:
        form = OrganizationForm(
            parents=parents,
            initial={"parent": initial_parent or parents.first(), "member_status": "member"},
        )
    return render(request, "network/organization_form.html", {"form": form, "organization": None})


def _stale_message(stale: StaleVersion) -> str:
    """Who saved the card while this person was editing it, and what to do now."""
    return render_to_string("network/includes/stale_version.txt", {"change": stale.change}).strip()


@login_required
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    obj = queries.get_organization_to_edit(request.user, slug)
    network_fields = queries.can_decide_membership(request.user, obj)
    parents = queries.parent_choices(request.user, exclude=obj) if network_fields else None
    if request.method == "POST":
        form = OrganizationForm(
            request.POST, instance=obj, parents=parents, network_fields=network_fields
        )
        if form.is_valid():
            try:
                services.update_organization(
                    organization=obj,
                    facts=form.facts(),
                    decision=form.decision(),
                    by=request.user,
                    seen_version=form.seen_version(),
                )
            except StaleVersion as stale:
                form.add_error(None, _stale_message(stale))
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("La fiche de %(name)s est enregistrée.") % {"name": obj.name}
                )
                return redirect(obj.get_absolute_url())
    else:
        form = OrganizationForm(instance=obj, parents=parents, network_fields=network_fields)
    return render(
        request,
        "network/organization_form.html",
        {
            "form": form,
            "organization": obj,
            "can_manage_people": can_administer(request.user, obj),
            "logo_form": OrganizationLogoForm(),
            "logo_data_uri": queries.organization_logo_data_uri(obj),
        },
    )


@login_required
@require_POST
def organization_logo(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload, replace or remove the logo printed on the organization's report covers."""
    obj = queries.get_organization_to_edit(request.user, slug)
    form = OrganizationLogoForm(request.POST, request.FILES)
    if form.is_valid():
        logo = None if form.cleaned_data.get("remove") else form.cleaned_data["logo"]
        services.set_organization_logo(organization=obj, logo=logo, by=request.user)
        messages.success(
            request,
            _("Le logo est retiré.") if logo is None else _("Le logo est enregistré."),
        )
        return redirect("network:organization_edit", slug=obj.slug)
    network_fields = queries.can_decide_membership(request.user, obj)
    parents = queries.parent_choices(request.user, exclude=obj) if network_fields else None
    return render(
        request,
        "network/organization_form.html",
        {
            "form": OrganizationForm(instance=obj, parents=parents, network_fields=network_fields),
            "organization": obj,
            "can_manage_people": can_administer(request.user, obj),
            "logo_form": form,
            "logo_data_uri": queries.organization_logo_data_uri(obj),
        },
        status=400,
    )


@login_required
def situation(request: HttpRequest, slug: str) -> HttpResponse:
    """A regional body's états de situation: the latest, the history, a link to compare two."""
    organization = queries.get_organization_for_situation(request.user, slug)
    reports = queries.situation_history(organization)
    return render(
        request,
        "network/situation.html",
        {
            "organization": organization,
            "reports": reports,
            "latest": reports[0] if reports else None,
            "up_to_date": queries.is_up_to_date(reports, timezone.localdate()),
            "can_file": queries.can_file_situation(request.user, organization),
        },
    )


@login_required
def situation_file(request: HttpRequest, slug: str) -> HttpResponse:
    """File (or correct) the état of the current half-year, starting from the latest one."""
    organization = queries.get_organization_for_situation(request.user, slug, write=True)
    reports = queries.situation_history(organization)
    initial = (
        {name: getattr(reports[0], name) for name in queries.SITUATION_FIELDS} if reports else {}
    )
    form = SituationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_situation_report(
                organization=organization,
                facts=form.facts(),
                by=request.user,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            for field_name, messages_ in error.message_dict.items():
                for message in messages_:
                    form.add_error(field_name if field_name in form.fields else None, message)
        else:
            messages.success(request, _("L'état de situation est enregistré."))
            return redirect("network:situation", slug=organization.slug)
    return render(
        request, "network/situation_form.html", {"organization": organization, "form": form}
    )


@login_required
def situation_compare(request: HttpRequest, slug: str) -> HttpResponse:
    """What changed between two états (by default the two latest)."""
    organization = queries.get_organization_for_situation(request.user, slug)
    before_pk, after_pk = request.GET.get("avant"), request.GET.get("apres")
    reports = queries.situation_history(organization)
    if not (before_pk and after_pk):
        if len(reports) < 2:
            messages.info(request, _("Il faut deux états de situation pour les comparer."))
            return redirect("network:situation", slug=organization.slug)
        before_pk, after_pk = str(reports[1].pk), str(reports[0].pk)
    before, after = queries.get_situation_pair(organization, before_pk, after_pk)
    return render(
        request,
        "network/situation_compare.html",
        {
            "organization": organization,
            "reports": reports,
            "before": before,
            "after": after,
            "changes": queries.situation_diff(before, after),
        },
    )
