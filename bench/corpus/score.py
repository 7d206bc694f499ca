"""The project's scorer (`score_import.py` in the shared folder next to the repository),
loaded at run time: the bench may read ../shared, the tests may not."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from .build import ROOT


def find_scorer(explicit: str | None = None) -> Path:
    candidates = [Path(explicit)] if explicit else []
    candidates += [
        ROOT.parent / "shared" / "scripts" / "score_import.py",
        ROOT.parent.parent / "shared" / "scripts" / "score_import.py",
        Path("/work/shared/scripts/score_import.py"),
    ]
    for cand in candidates:
        if cand.is_file():
            return cand
    tried = ", ".join(str(c) for c in candidates)
    raise SystemExit(
        "Le correcteur score_import.py est introuvable (cherché : "
        f"{tried}). Passez --scorer CHEMIN. / The scorer score_import.py was not found; "
        "pass --scorer PATH."
    )


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_import", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_seeds(explicit: str | None = None) -> Path:
    candidates = [Path(explicit)] if explicit else []
    candidates += [ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds"]
    candidates.append(Path("/work/shared/seeds"))
    for cand in candidates:
        if cand.is_dir() and any(cand.glob("*.truth.json")):
            return cand
    raise SystemExit("--with-seeds: no seeds folder with *.truth.json found (pass --seeds DIR)")
