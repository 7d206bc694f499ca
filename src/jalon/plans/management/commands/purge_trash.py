"""`jalon manage purge_trash`: remove for good what has waited in the corbeilles long enough.

Run it once a day (cron or systemd timer, next to `jalon remind`): entries deleted more than
JALON_TRASH_DAYS days ago (90 by default) go, with the files of their evidence.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from jalon.plans.trash import expired, purge


class Command(BaseCommand):
    help = (
        "Retire pour de bon des corbeilles les éléments supprimés depuis plus de "
        "JALON_TRASH_DAYS jours, avec leurs fichiers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="compter ce qui serait retiré, sans écrire"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            count = expired().count()
            self.stdout.write(
                f"{count} élément(s) seraient retirés (plus de {settings.TRASH_DAYS} jours)."
            )
            return
        count = purge()
        self.stdout.write(f"{count} élément(s) retirés des corbeilles.")
