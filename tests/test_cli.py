"""The `jalon` command, run as a newcomer or a server administrator would, in a clean environment."""

from __future__ import annotations

import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

from jalon.demo.build import DEMO_PASSWORD

SRC = Path(__file__).resolve().parents[1] / "src"


def jalon(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(SRC), **env}
    return subprocess.run(
        [sys.executable, "-m", "jalon", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_serve_refuses_to_start_without_secret_key(tmp_path):
    result = jalon("serve", "--port", "8999", env={"JALON_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "jalon serve : SECRET_KEY n'est pas définie." in result.stderr
    assert "Définissez la variable d'environnement SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = jalon(
        "manage",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "JALON_DATA_DIR": str(tmp_path),
            "SECRET_KEY": secrets.token_urlsafe(60),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "jalon.exemple.org",
            "JALON_HTTPS": "1",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_demo_without_serving_builds_the_network_and_prints_the_accounts(tmp_path):
    data = tmp_path / "donnees"
    result = jalon("demo", "--no-serve", "--data-dir", str(data), env={}, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Construction du réseau de démonstration…" in out
    assert "Jalon (démo) : http://127.0.0.1:8000/" in out
    assert f"coordination     / {DEMO_PASSWORD}" in out
    assert "administratrice du réseau national (Coordination)" in out
    with sqlite3.connect(data / "jalon.sqlite3") as db:
        assert db.execute(
            "select count(*) from network_organization where slug = 'rqds-demo'"
        ).fetchone() == (1,)

    again = jalon("demo", "--no-serve", "--data-dir", str(data), env={}, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "Construction du réseau" not in again.stdout
    assert f"coordination     / {DEMO_PASSWORD}" in again.stdout


def test_jalon_without_a_command_prints_help(tmp_path):
    result = jalon(env={"JALON_DATA_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert "jalon" in result.stdout and "demo" in result.stdout and "serve" in result.stdout
