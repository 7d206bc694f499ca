"""Writes of the network: creating and changing organizations.

Keyword-only and atomic; a refusal raises `ValidationError` (a message for the person) or
`PermissionDenied`. Changes are kept in the organizations' history (django-simple-history).
`by=None` is the system itself (the demo, a management command): no person's rights to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from jalon.accounts.queries import can_administer, can_administer_as_network
from jalon.core.concurrency import locked_at_version
from jalon.core.history import actor, stamp

from .enums import Coordination, MemberStatus, OrganizationKind
from .models import Organization, Region, SituationReport, Theme
from .queries import NETWORK_KINDS, can_edit_organization, half_of


@dataclass
class OrganizationFacts:
    """What an organization says about itself (its administrators change these)."""

    name: str
    acronym: str = ""
    region: Region | None = None
    address: str = ""
    city: str = ""
    postal_code: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    website: str = ""
    email: str = ""
    phone: str = ""
    description: str = ""
    themes: list[Theme] = field(default_factory=list)


@dataclass
class NetworkDecision:
    """What the parent network decides about a member (its administrators change these)."""

    kind: str
    parent: Organization | None
    member_status: str


def unique_slug(text: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:100] or "organisation"
    slug, n = base, 2
    taken = Organization.objects.exclude(pk=exclude_pk) if exclude_pk else Organization.objects
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_facts(facts: OrganizationFacts) -> None:
    if not facts.name.strip():
        raise ValidationError(_("Le nom de l'organisation est obligatoire."))
    if facts.latitude is not None and not -90 <= facts.latitude <= 90:
        raise ValidationError(_("La latitude doit être comprise entre -90 et 90."))
    if facts.longitude is not None and not -180 <= facts.longitude <= 180:
        raise ValidationError(_("La longitude doit être comprise entre -180 et 180."))
    if (facts.latitude is None) != (facts.longitude is None):
        raise ValidationError(_("Donnez la latitude et la longitude, ou ni l'une ni l'autre."))


def _check_decision(decision: NetworkDecision, organization: Organization | None) -> None:
    if decision.kind not in OrganizationKind.values:
        raise ValidationError(_("Ce type d'organisation n'existe pas."))
    if decision.member_status not in MemberStatus.values:
        raise ValidationError(_("Ce statut de membre n'existe pas."))
    parent = decision.parent
    if parent is None:
        return
    if parent.kind not in NETWORK_KINDS:
        raise ValidationError(
            _("%(name)s ne peut pas avoir de membres : choisissez un réseau ou une instance.")
            % {"name": parent.name}
        )
    ancestor: Organization | None = parent
    seen: set[int] = set()
    while ancestor is not None and ancestor.pk not in seen:
        if organization is not None and ancestor.pk == organization.pk:
            raise ValidationError(
                _("Une organisation ne peut pas être membre d'elle-même ni de ses propres membres.")
            )
        seen.add(ancestor.pk)
        ancestor = ancestor.parent


def _apply(organization: Organization, facts: OrganizationFacts) -> None:
    organization.name = facts.name.strip()
    organization.acronym = facts.acronym.strip()
    organization.region = facts.region
    organization.address = facts.address.strip()
    organization.city = facts.city.strip()
    organization.postal_code = facts.postal_code.strip().upper()
    organization.latitude = facts.latitude
    organization.longitude = facts.longitude
    organization.website = facts.website.strip()
    organization.email = facts.email.strip()
    organization.phone = facts.phone.strip()
    organization.description = facts.description.strip()


@transaction.atomic
def create_organization(
    *, facts: OrganizationFacts, decision: NetworkDecision, by: Any | None, slug: str = ""
) -> Organization:
    """A new organization, placed under a network the person administers.

    Its address (slug) comes from its acronym or name unless `slug` is given; it must be free.
    """
    _check_facts(facts)
    _check_decision(decision, None)
    if by is not None:
        if decision.parent is None:
            if not by.is_superuser:
                raise PermissionDenied
        elif not can_administer(by, decision.parent):
            raise PermissionDenied
    if slug and Organization.objects.filter(slug=slug).exists():
        raise ValidationError(_("L'identifiant « %(slug)s » est déjà pris.") % {"slug": slug})
    organization = Organization(
        slug=slug or unique_slug(facts.acronym or facts.name),
        kind=decision.kind,
        parent=decision.parent,
        member_status=decision.member_status,
    )
    _apply(organization, facts)
    stamp(organization, by=by)
    organization.save()
    organization.themes.set(facts.themes)
    return organization


@transaction.atomic
def update_organization(
    *,
    organization: Organization,
    facts: OrganizationFacts,
    decision: NetworkDecision | None = None,
    by: Any | None,
    seen_version: int | None = None,
) -> Organization:
    """Saves the facts, and the network's decision when the person administers the parent network.

    `seen_version` is the `version` the person saw when they opened the form: if someone saved
    since, `jalon.core.concurrency.StaleVersion` is raised (with who changed it and when), so
    nobody's change is lost.
    """
    current = locked_at_version(organization, seen_version)
    if by is not None and not can_administer(by, current):
        raise PermissionDenied
    _check_facts(facts)
    if decision is not None:
        if by is not None and not can_administer_as_network(by, current):
            raise PermissionDenied
        if (
            by is not None
            and decision.parent is not None
            and not can_administer(by, decision.parent)
        ):
            raise PermissionDenied
        _check_decision(decision, current)
        current.kind = decision.kind
        current.parent = decision.parent
        current.member_status = decision.member_status
    _apply(current, facts)
    current.version += 1
    stamp(current, by=by)
    current.save()
    current.themes.set(facts.themes)
    return current


@transaction.atomic
def ensure_themes(names: Iterable[str]) -> list[Theme]:
    """The themes with these names, created when missing (used by the demo and the importers)."""
    themes = []
    for name in names:
        theme, _created = Theme.objects.get_or_create(
            slug=slugify(name)[:120], defaults={"name": name}
        )
        themes.append(theme)
    return themes


@transaction.atomic
def set_organization_logo(*, organization: Organization, logo: Any | None, by: Any) -> Organization:
    """Replaces (or, with None, removes) the logo printed on the organization's report covers.

    Only someone who may edit the organization's card may change it; the old file is deleted
    once the new one is saved, and the change is kept in the organization's history."""
    if not can_edit_organization(by, organization):
        raise PermissionDenied
    current = Organization.objects.select_for_update().get(pk=organization.pk)
    old = current.logo.name if current.logo else ""
    if logo is None:
        current.logo = None
    else:
        current.logo.save(logo.name, logo, save=False)
    current._history_user = by  # type: ignore[attr-defined]
    current.save()
    if old and old != (current.logo.name if current.logo else ""):
        current.logo.storage.delete(old)
    return current


@dataclass(frozen=True)
class SituationFacts:
    """What a regional body says of its state in an état de situation."""

    structure: str
    coordination: str
    funding: str
    issues: str
    support_needs: str = ""


@transaction.atomic
def file_situation_report(
    *, organization: Organization, facts: SituationFacts, by: Any, today: dt.date
) -> SituationReport:
    """File the état of the current half-year (or update it: its history keeps the earlier text).

    The caller checked `queries.can_file_situation`. Missing answers are refused, nothing written.
    """
    required = {
        "structure": _("Décrivez la structure."),
        "funding": _("Décrivez le financement."),
        "issues": _("Nommez les principaux enjeux."),
    }
    errors = {
        name: message for name, message in required.items() if not str(getattr(facts, name)).strip()
    }
    if facts.coordination not in Coordination.values:
        errors["coordination"] = _("Choisissez l'état de la coordination.")
    if errors:
        raise ValidationError(errors)
    year, half = half_of(today)
    report = (
        SituationReport.objects.select_for_update()
        .filter(organization=organization, year=year, half=half)
        .first()
    ) or SituationReport(organization=organization, year=year, half=half)
    report.structure = facts.structure.strip()
    report.coordination = facts.coordination
    report.funding = facts.funding.strip()
    report.issues = facts.issues.strip()
    report.support_needs = facts.support_needs.strip()
    report.filed_by = actor(by)
    report.filed_at = timezone.now()
    stamp(report, by=by, reason="État de situation")
    report.save()
    return report
