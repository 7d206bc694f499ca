"""`jalon remind`: e-mail each person who carries actions left without an update too long.

Run it once a day (cron or systemd timer); a person is written to at most once per plan
every N days, N being the plan's reminder delay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jalon.plans.models import Plan
from jalon.tracking.services import send_reminders


class Command(BaseCommand):
    help = (
        "Envoie un rappel à chaque personne qui porte des actions sans mise à jour depuis "
        "le délai de rappel du plan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", type=int, help="seulement ce plan (numéro)")
        parser.add_argument("--date", help="comme si on était ce jour-là (AAAA-MM-JJ)")
        parser.add_argument(
            "--dry-run", action="store_true", help="afficher qui serait relancé, sans écrire"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date {options['date']!r} : écrivez la date sous la forme AAAA-MM-JJ."
                ) from None
        plan = None
        if options["plan"] is not None:
            plan = Plan.objects.filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(f"Aucun plan numéro {options['plan']}.")
        reminders = send_reminders(today=today, plan=plan, dry_run=options["dry_run"])
        for reminder in reminders:
            verb = "envoyé" if reminder.sent else "à envoyer"
            self.stdout.write(
                f"{reminder.user.email} — {reminder.plan.title} : "
                f"{len(reminder.actions)} action(s) ({verb})"
            )
        sent = sum(1 for r in reminders if r.sent)
        if options["dry_run"]:
            self.stdout.write(
                f"{len(reminders)} rappel(s) à envoyer (essai : rien n'a été envoyé)."
            )
        else:
            self.stdout.write(f"{sent} rappel(s) envoyé(s).")
