"""`jalon token create USERNAME --name NAME [--write]`: a personal API token, printed once.

Also `jalon token list USERNAME` and `jalon token revoke USERNAME ID`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from jalon.api import queries, services
from jalon.api.enums import TokenScope


class Command(BaseCommand):
    help = "Crée, liste ou révoque les jetons d'API d'une personne (le jeton n'est affiché qu'une fois)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="crée un jeton et l'affiche une seule fois")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="l'outil qui s'en servira")
        create.add_argument(
            "--write", action="store_true", help="lecture et écriture (lecture seule sinon)"
        )
        listing = sub.add_parser("list", help="les jetons de la personne")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="révoque un jeton")
        revoke.add_argument("username")
        revoke.add_argument("id", type=int)

    def _user(self, username: str) -> Any:
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(
                f"Personne ne s'appelle « {username} ». (No user named {username!r}.)"
            ) from None

    def handle(self, *args: Any, **options: Any) -> None:
        user = self._user(options["username"])
        verb = options["verb"]
        if verb == "create":
            scope = TokenScope.WRITE if options["write"] else TokenScope.READ
            try:
                created = services.create_token(user=user, name=options["name"], scope=scope)
            except services.TokenError as error:
                raise CommandError(str(error)) from None
            self.stderr.write(
                f"Jeton « {created.token.name} » ({created.token.get_scope_display()}) créé pour "
                f"{user.get_username()} : copiez-le, il ne sera plus affiché."
            )
            self.stdout.write(created.key)
        elif verb == "list":
            for token in queries.tokens_of(user):
                state = f"révoqué {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "actif"
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "jamais"
                self.stdout.write(
                    f"{token.pk}\t{token.name}\t{token.scope}\t{token.prefix}…\t{used}\t{state}"
                )
        else:
            try:
                token = queries.get_token_of(user, options["id"])
            except Http404:
                raise CommandError(
                    f"Pas de jeton {options['id']} pour {user.get_username()}."
                ) from None
            services.revoke_token(token=token, by=user)
            self.stdout.write(f"Jeton « {token.name} » révoqué.")
