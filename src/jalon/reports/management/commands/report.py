"""jalon report PLAN_ID --kind {progress,annual,global} [--year N] [--date YYYY-MM-DD]
--format {html,pdf,docx,xlsx} [-o FILE]

Writes one report of a plan through the exporter registry, with the same checks as the page.
Without -o the file is written in the current folder under its usual name; `-o -` writes it on
standard output.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.plans.models import Plan
from jalon.reports.registry import ExportError, get_exporter

KINDS = ("progress", "annual", "global")
FORMATS = ("html", "pdf", "docx", "xlsx")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--date %(value)s : attendu une date AAAA-MM-JJ, p. ex. 2018-03-15.")
            % {"value": value}
        ) from None


class Command(BaseCommand):
    help = _("Produit un rapport d'un plan : mise à jour, bilan annuel ou bilan global.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan_id", type=int, help=_("numéro du plan"))
        parser.add_argument("--kind", choices=KINDS, required=True, help=_("type de rapport"))
        parser.add_argument("--year", type=int, help=_("année du plan (bilan annuel), p. ex. 1"))
        parser.add_argument(
            "--date", help=_("date de la mise à jour, AAAA-MM-JJ (défaut : aujourd'hui)")
        )
        parser.add_argument("--format", choices=FORMATS, required=True, dest="fmt")
        parser.add_argument("-o", "--output", help=_("fichier à écrire (« - » : sortie standard)"))

    def handle(self, *args: Any, **opts: Any) -> None:
        kind = opts["kind"]
        exporter = get_exporter(kind)
        if exporter is None:
            raise CommandError(
                _("Le rapport « %(kind)s » n'est pas encore offert par cette version de Jalon.")
                % {"kind": kind}
            )
        try:
            plan = Plan.objects.select_related("organization").get(pk=opts["plan_id"])
        except Plan.DoesNotExist:
            raise CommandError(_("Aucun plan n° %(id)s.") % {"id": opts["plan_id"]}) from None
        if not exporter.is_available(plan):
            raise CommandError(
                _(
                    "Le plan n° %(id)s n'a pas d'années (période inconnue) : pas de %(name)s possible."
                )
                % {"id": plan.pk, "name": str(exporter.name).lower()}
            )
        options: dict[str, Any] = {}
        if kind == "progress":
            day = _date(opts["date"]) if opts["date"] else timezone.localdate()
            options["as_of"] = day.isoformat()
        if kind in {"annual", "global"} and opts["year"] is not None:
            options["year"] = opts["year"]
        if kind == "annual" and "year" not in options:
            raise CommandError(
                _("--year est obligatoire pour le bilan annuel (années : %(years)s).")
                % {"years": ", ".join(str(y.number) for y in plan.years)}
            )
        try:
            rendered = exporter.render(plan, options, opts["fmt"])
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        output = opts["output"]
        if output == "-":
            sys.stdout.buffer.write(rendered.content)
            sys.stdout.buffer.flush()
            return
        path = Path(output) if output else Path(rendered.filename)
        try:
            path.write_bytes(rendered.content)
        except OSError as exc:
            raise CommandError(
                _("Impossible d'écrire %(path)s : %(error)s")
                % {"path": path, "error": exc.strerror}
            ) from None
        self.stderr.write(
            _("%(path)s écrit (%(size)s octets).") % {"path": path, "size": len(rendered.content)}
        )
