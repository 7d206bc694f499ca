"""The `jalon` command.

jalon demo [--port 8000] [--data-dir DIR] [--no-serve] [--reset]
jalon serve [--host 127.0.0.1] [--port 8000] [--workers 3]
jalon manage ARGS…              Django's management commands
jalon import|export|report|remind …   the apps' own commands (see `jalon COMMAND --help`)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

DEMO_PORT = 8000
# Commands that are Django management commands of our apps, reachable as `jalon NAME`.
APP_COMMANDS = {"import", "export", "report", "remind", "token"}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jalon.settings")
    import django  # noqa: PLC0415 (setup)
    from django.core.exceptions import ImproperlyConfigured  # noqa: PLC0415 (setup)

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"jalon : configuration invalide — {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _manage(argv: Sequence[str]) -> None:
    _setup_django()
    from django.core.management import execute_from_command_line  # noqa: PLC0415 (setup)

    execute_from_command_line(["jalon manage", *argv])


def cmd_demo(args: argparse.Namespace) -> None:
    data_dir = (
        Path(args.data_dir or os.environ.get("JALON_DATA_DIR") or "var").expanduser().resolve()
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["JALON_DATA_DIR"] = str(data_dir)
    os.environ["JALON_DEMO"] = "1"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{data_dir / 'jalon.sqlite3'}")
    os.environ.setdefault("JALON_TASKS", "immediate")
    _setup_django()
    from django.core.management import call_command  # noqa: PLC0415 (setup)

    from jalon.demo.build import build_demo, demo_accounts, demo_exists  # noqa: PLC0415 (setup)

    print(f"Base de données : {os.environ['DATABASE_URL']}")
    call_command("migrate", interactive=False, verbosity=0)
    if args.reset or not demo_exists():
        print("Construction du réseau de démonstration…")
        build_demo(reset=args.reset)
    address = f"http://127.0.0.1:{args.port}/"
    print()
    print(f"Jalon (démo) : {address}")
    print("Comptes de démonstration (nom d'utilisateur / mot de passe — rôle) :")
    for account in demo_accounts():
        print(f"  {account.username:<16} / {account.password:<18} — {account.description}")
    print()
    if args.no_serve:
        return
    print("Ctrl-C pour arrêter.")
    call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False, use_threading=True)


def cmd_serve(args: argparse.Namespace) -> None:
    _setup_django()
    from django.conf import settings  # noqa: PLC0415 (setup)
    from django.core.management import call_command  # noqa: PLC0415 (setup)

    if not settings.DEBUG and not settings.SECRET_KEY_FROM_ENV:
        print(
            "jalon serve : SECRET_KEY n'est pas définie. Définissez la variable d'environnement SECRET_KEY "
            "(une longue chaîne aléatoire, p. ex. `python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`) "
            "avant de démarrer le serveur de production.\n"
            "(SECRET_KEY is not set: set it to a long random string before starting the production server.)",
            file=sys.stderr,
        )
        raise SystemExit(2)
    call_command("collectstatic", interactive=False, verbosity=0)
    from gunicorn.app.base import BaseApplication  # noqa: PLC0415 (command)

    from jalon.wsgi import application  # noqa: PLC0415 (setup)

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("accesslog", "-")
            self.cfg.set("forwarded_allow_ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"))

        def load(self) -> object:
            return application

    _Server().run()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jalon", description="Jalon : plans d'action des réseaux en développement social."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    demo = sub.add_parser("demo", help="prépare et démarre la démonstration sur SQLite")
    demo.add_argument("--port", type=int, default=DEMO_PORT)
    demo.add_argument(
        "--data-dir",
        default=None,
        help="dossier des données (défaut : $JALON_DATA_DIR, sinon ./var)",
    )
    demo.add_argument("--no-serve", action="store_true", help="s'arrêter après la préparation")
    demo.add_argument(
        "--reset", action="store_true", help="reconstruire le réseau de démonstration"
    )
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serveur de production (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=3)
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("manage", help="commandes de gestion de Django", add_help=False)
    for name in sorted(APP_COMMANDS):
        sub.add_parser(name, help=f"voir `jalon {name} --help`", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "manage":
        _manage(argv[1:])
        return
    if argv and argv[0] in APP_COMMANDS:
        _manage(argv)
        return
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        raise SystemExit(1)
    args.func(args)


if __name__ == "__main__":
    main()
