"""`jalon import FILE`: a plan document becomes a draft plan (or, with --dry-run, a jalon-plan/1 draft on stdout).

    jalon import FILE [--org ACRONYM] [--format FMT] [--dry-run] [--json]

A .json file is read as jalon-plan/1; other documents go through `jalon.importers`. Without
--dry-run the plan is saved as a draft of the organization given by --org, else of the one the
document names (by the acronym in parentheses, then by name), else of a new organization;
the last line printed is the plan's path (`/plans/42/`). With --dry-run nothing is written:
--json prints the draft as jalon-plan/1, otherwise a summary. Errors go to stderr with exit
code 1, and nothing is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jalon.importers import DocumentError, import_document
from jalon.network.models import Organization
from jalon.plans import queries, services
from jalon.plans.interchange import InterchangeError, PlanDraft, dumps, loads


def read_draft(path: Path, fmt: str | None) -> PlanDraft:
    """The file as a PlanDraft; raises CommandError with a message naming what went wrong."""
    if not path.is_file():
        raise CommandError(f"Fichier introuvable : {path}")
    data = path.read_bytes()
    if (fmt or "").lower() == "json" or (fmt is None and path.suffix.lower() == ".json"):
        try:
            return loads(data, require_format=False)
        except InterchangeError as exc:
            raise CommandError(f"{path.name} : document jalon-plan/1 invalide — {exc}") from None
    try:
        draft: PlanDraft = import_document(data, path.name, fmt=fmt)
    except (DocumentError, InterchangeError) as exc:
        raise CommandError(f"{path.name} : {exc}") from None
    return draft


def find_organization(draft: PlanDraft, acronym: str | None) -> Organization | None:
    """The organization named by --org (must exist), else the one the document names, else None."""
    if acronym:
        found = queries.organization_by_acronym(acronym)
        if not found:
            raise CommandError(f"Aucune organisation n'a le sigle « {acronym} ».")
        if len(found) > 1:
            names = ", ".join(f"{o.name} ({o.slug})" for o in found)
            raise CommandError(
                f"Plusieurs organisations ont le sigle « {acronym} » : {names}. "
                "Donnez plutôt l'identifiant (slug) de l'une d'elles."
            )
        return found[0]
    if not draft.organization.strip():
        raise CommandError(
            "Le document ne nomme pas son organisation : précisez-la avec --org SIGLE."
        )
    return queries.organization_named(draft.organization)


def summary(draft: PlanDraft) -> str:
    objectives = sum(len(o.objectives) for o in draft.orientations)
    actions = draft.iter_actions()
    indicators = sum(len(a.indicators) for a in actions)
    return (
        f"{draft.title or '(sans titre)'} — {draft.organization or '(organisation non nommée)'} : "
        f"{len(draft.orientations)} orientations, {objectives} objectifs, "
        f"{len(actions)} actions, {indicators} indicateurs"
    )


class Command(BaseCommand):
    help = "Importe un plan (jalon-plan/1 en JSON, ou un document) comme brouillon."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FICHIER", help="le document à importer")
        parser.add_argument("--org", metavar="SIGLE", help="sigle de l'organisation du plan")
        parser.add_argument("--format", dest="fmt", metavar="FORMAT", help="format du document")
        parser.add_argument(
            "--dry-run", action="store_true", help="lire seulement : ne rien enregistrer"
        )
        parser.add_argument(
            "--json", action="store_true", help="avec --dry-run : écrire le brouillon en JSON"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        draft = read_draft(Path(options["file"]), options.get("fmt"))
        if options["dry_run"]:
            if options["json"]:
                self.stdout.write(dumps(draft))
            else:
                self.stdout.write(summary(draft))
            return
        try:
            with transaction.atomic():
                organization = find_organization(draft, options.get("org"))
                if organization is None:
                    name, acronym = queries.split_owner_name(draft.organization)
                    organization = services.create_organization_for_plan(name=name, acronym=acronym)
                    self.stdout.write(f"Organisation créée : {organization}")
                plan = services.create_plan_from_draft(draft=draft, organization=organization)
        except InterchangeError as exc:
            raise CommandError(f"{Path(options['file']).name} : {exc}") from None
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(summary(draft))
        self.stdout.write(f"Brouillon enregistré pour {organization}.")
        self.stdout.write(plan.get_absolute_url())

    def execute(self, *args: Any, **options: Any) -> Any:
        # JSON on stdout must stay clean: no colour codes even on a terminal.
        if options.get("json"):
            options["no_color"] = True
        return super().execute(*args, **options)
