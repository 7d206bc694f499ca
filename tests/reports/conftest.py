"""Fixtures of the report tests: a realistic plan of organization A, and LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.needs import require

from .plan_builder import build_plan


@pytest.fixture
def plan(org_a):
    return build_plan(org_a, actions=8)


@pytest.fixture
def soffice_convert(tmp_path):
    """convert(paths) → the PDFs headless LibreOffice made of them, with a private profile."""
    binary = shutil.which("soffice") or "/usr/bin/soffice"
    require(Path(binary).exists(), "LibreOffice (soffice) is not installed")

    def convert(paths: list[Path]) -> dict[Path, Path]:
        outdir = tmp_path / "converted"
        outdir.mkdir(exist_ok=True)
        profile = f"file:///tmp/lo-{uuid.uuid4().hex}"
        try:
            completed = subprocess.run(
                [
                    binary,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(outdir),
                    *map(str, paths),
                ],
                capture_output=True,
                text=True,
                timeout=240,
                check=False,
            )
        finally:
            shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
        assert completed.returncode == 0, completed.stderr
        assert "Error" not in completed.stderr, completed.stderr
        return {p: outdir / f"{p.stem}.pdf" for p in paths}

    return convert
