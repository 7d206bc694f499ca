"""`jalon export PLAN_ID --format {json,docx,xlsx,pdf,csv} [-o FILE]`: a plan written out in a given format.

`EXPORTERS` maps a format to the function that writes it; other apps add theirs (reports
adds documents). An unknown format is refused with the list of known ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jalon.plans.interchange import dumps
from jalon.plans.models import Plan
from jalon.plans.queries import plan_as_draft
from jalon.reports.registry import PLAN_EXPORT_FORMATS, export_plan


def export_json(plan: Plan) -> bytes:
    return (dumps(plan_as_draft(plan)) + "\n").encode("utf-8")


# format → function writing the plan in that format
EXPORTERS: dict[str, Callable[[Plan], bytes]] = {"json": export_json}


def _document_exporter(fmt: str) -> Callable[[Plan], bytes]:
    return lambda plan: export_plan(plan, fmt).content


# The plan document of the reports app (landscape table), in each of its file formats.
EXPORTERS.update({fmt: _document_exporter(fmt) for fmt in PLAN_EXPORT_FORMATS})
TEXT_FORMATS = {"json", "csv"}


class Command(BaseCommand):
    help = "Exporte un plan (jalon-plan/1 en JSON, ou document DOCX, XLSX, PDF, CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan_id", metavar="PLAN_ID", type=int, help="numéro du plan")
        parser.add_argument(
            "--format", dest="fmt", default="json", metavar="FORMAT", help="format (défaut : json)"
        )
        parser.add_argument("-o", "--output", metavar="FICHIER", help="fichier à écrire")

    def handle(self, *args: Any, **options: Any) -> None:
        fmt = options["fmt"].lower()
        exporter = EXPORTERS.get(fmt)
        if exporter is None:
            known = ", ".join(sorted(EXPORTERS))
            raise CommandError(f"Format inconnu : « {fmt} ». Formats possibles : {known}.")
        # The command line acts for the installation's operator: no per-user access rule here.
        plan = Plan.objects.select_related("organization").filter(pk=options["plan_id"]).first()
        if plan is None:
            raise CommandError(f"Aucun plan n'a le numéro {options['plan_id']}.")
        if fmt not in TEXT_FORMATS and not options.get("output"):
            raise CommandError(
                f"Le format {fmt} est binaire : indiquez un fichier avec -o FICHIER."
            )
        content = exporter(plan)
        if options.get("output"):
            path = Path(options["output"])
            try:
                path.write_bytes(content)
            except OSError as exc:
                raise CommandError(f"Impossible d'écrire {path} : {exc.strerror}") from None
            self.stderr.write(f"{path} écrit ({len(content)} octets).")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")
