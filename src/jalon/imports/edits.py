"""The changes a reviewer makes to an imported draft, on its `jalon-plan/1` JSON form.

Items are addressed by their position in the draft the reviewer saw: "2" (third orientation),
"2.0" (its first objective), "2.0.4" (an action), "2.0.4.i1" (an indicator of that action),
"2.0.4.r0" (an expected result). Positions change with every edit, which is why a change is only
applied to the version of the draft it was made on (see services.edit_draft). Each function
changes the dict in place and returns a sentence saying what changed, for the other reviewers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .enums import PlaceAs

Draft = dict[str, Any]


class EditError(ValueError):
    """A change that cannot be made; the message says why, in the interface language."""


@dataclass(frozen=True)
class Path:
    kind: str  # "orientation", "objective", "action", "indicator", "result"
    indices: tuple[int, ...]  # orientation, objective, action, then indicator or result
    text: str

    @property
    def parent(self) -> Path | None:
        if len(self.indices) == 1:
            return None
        kinds = {1: "orientation", 2: "objective", 3: "action"}
        indices = self.indices[:-1]
        return Path(kinds[len(indices)], indices, ".".join(str(i) for i in indices))


def path_of(*indices: int, sub: str = "") -> str:
    """The address of an item; `sub` is "i" or "r" for an indicator or a result (last index)."""
    head = [str(i) for i in indices]
    if sub:
        head[-1] = f"{sub}{head[-1]}"
    return ".".join(head)


def parse_path(text: str) -> Path:
    parts = (text or "").strip().split(".")
    kinds = {1: "orientation", 2: "objective", 3: "action"}
    try:
        if len(parts) == 4 and parts[3][:1] in ("i", "r"):
            kind = "indicator" if parts[3][0] == "i" else "result"
            indices = (*(int(p) for p in parts[:3]), int(parts[3][1:]))
        elif len(parts) == 3 and parts[2][:1] == "i":  # an objective's own indicator: "0.1.i2"
            kind = "indicator"
            indices = (int(parts[0]), int(parts[1]), int(parts[2][1:]))
        elif len(parts) in kinds:
            kind = kinds[len(parts)]
            indices = tuple(int(p) for p in parts)
        else:
            raise ValueError(text)
    except ValueError:
        raise EditError(_("Cet élément n'existe pas dans le brouillon.")) from None
    if any(i < 0 for i in indices):
        raise EditError(_("Cet élément n'existe pas dans le brouillon."))
    return Path(kind, indices, text.strip())


def _siblings(draft: Draft, path: Path) -> list[Any]:
    """The list holding the item at `path`."""
    try:
        items: list[Any] = draft["orientations"]
        if len(path.indices) >= 2:
            items = items[path.indices[0]]["objectives"]
        if len(path.indices) == 3 and path.kind == "indicator":
            items = items[path.indices[1]]["indicators"]
        elif len(path.indices) >= 3:
            items = items[path.indices[1]]["actions"]
        if len(path.indices) == 4:
            key = "indicators" if path.kind == "indicator" else "expected_results"
            items = items[path.indices[2]][key]
    except (IndexError, KeyError, TypeError):
        raise EditError(_("Cet élément n'existe pas dans le brouillon.")) from None
    if path.indices[-1] >= len(items):
        raise EditError(_("Cet élément n'existe pas dans le brouillon."))
    return items


def item_at(draft: Draft, path: Path) -> Any:
    return _siblings(draft, path)[path.indices[-1]]


def _label(item: Any) -> str:
    if isinstance(item, str):
        text = item
    elif isinstance(item, dict):
        text = " ".join(
            filter(None, [item.get("code") or "", item.get("title") or item.get("text") or ""])
        )
    else:
        text = ""
    return text if len(text) <= 80 else text[:79] + "…"


def _clean(text: str, what: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise EditError(_("Le texte de %(what)s ne peut pas être vide.") % {"what": what})
    return text


# --- Changes ------------------------------------------------------------------------------------


def rename(draft: Draft, path: Path, *, title: str, code: str = "") -> str:
    siblings = _siblings(draft, path)
    index = path.indices[-1]
    if path.kind == "result":
        siblings[index] = _clean(title, _("ce résultat"))
        return _("Résultat attendu modifié : « %(text)s ».") % {"text": _label(siblings[index])}
    item = siblings[index]
    if path.kind == "indicator":
        item["text"] = _clean(title, _("cet indicateur"))
        return _("Indicateur modifié : « %(text)s ».") % {"text": _label(item)}
    item["title"] = _clean(title, _("ce titre"))
    item["code"] = " ".join((code or "").split()) or None
    return _("Titre modifié : « %(text)s ».") % {"text": _label(item)}


def move(draft: Draft, path: Path, *, parent: Path) -> str:
    wanted = {"objective": "orientation", "action": "objective"}.get(path.kind)
    if wanted is None:
        raise EditError(_("Seuls les objectifs et les actions se déplacent."))
    if parent.kind != wanted:
        raise EditError(_("Choisissez un parent du bon niveau."))
    target = item_at(draft, parent)
    siblings = _siblings(draft, path)
    if path.parent == parent:
        raise EditError(_("L'élément est déjà à cet endroit."))
    item = siblings.pop(path.indices[-1])
    key = "objectives" if path.kind == "objective" else "actions"
    target.setdefault(key, []).append(item)
    return _("« %(item)s » déplacé sous « %(parent)s ».") % {
        "item": _label(item),
        "parent": _label(target),
    }


def _merge_lists(first: list[Any], second: list[Any]) -> list[Any]:
    merged = list(first)
    for value in second:
        if value not in merged:
            merged.append(value)
    return merged


def merge_with_previous(draft: Draft, path: Path) -> str:
    if path.kind != "action":
        raise EditError(_("Seules les actions se fusionnent."))
    siblings = _siblings(draft, path)
    index = path.indices[-1]
    if index == 0:
        raise EditError(_("Cette action est la première de son objectif : rien avant elle."))
    previous, action = siblings[index - 1], siblings[index]
    previous["title"] = f"{previous.get('title', '')} {action.get('title', '')}".strip()
    for key in ("actors", "expected_results", "indicators"):
        previous[key] = _merge_lists(previous.get(key) or [], action.get(key) or [])
    for key in ("schedule_years", "timing", "status", "progress_note", "code"):
        if not previous.get(key) and action.get(key):
            previous[key] = action[key]
    lines = set(previous.get("source_lines") or []) | set(action.get("source_lines") or [])
    if lines:
        previous["source_lines"] = sorted(lines)
    del siblings[index]
    return _("Action fusionnée avec la précédente : « %(text)s ».") % {"text": _label(previous)}


def split(draft: Draft, path: Path, *, first_part: str) -> str:
    if path.kind != "action":
        raise EditError(_("Seules les actions se divisent."))
    siblings = _siblings(draft, path)
    index = path.indices[-1]
    action = siblings[index]
    title = " ".join((action.get("title") or "").split())
    first = " ".join((first_part or "").split())
    if not first or not title.startswith(first) or len(first) >= len(title):
        raise EditError(
            _(
                "Gardez dans le champ le début du titre seulement : la suite du titre devient "
                "une nouvelle action."
            )
        )
    rest = title[len(first) :].strip(" ,;")
    if not rest:
        raise EditError(_("La seconde partie du titre serait vide."))
    action["title"] = first.rstrip(" ,;")
    new: dict[str, Any] = {
        "code": None,
        "title": rest[:1].upper() + rest[1:],
        "actors": list(action.get("actors") or []),
        "expected_results": [],
        "indicators": [],
        "schedule_years": action.get("schedule_years"),
        "timing": action.get("timing"),
        "status": None,
        "progress_note": None,
    }
    if action.get("source_lines"):
        new["source_lines"] = list(action["source_lines"])
    siblings.insert(index + 1, new)
    return _("Action divisée en « %(first)s » et « %(second)s ».") % {
        "first": _label(action),
        "second": _label(new),
    }


def set_indicator_kind(draft: Draft, path: Path, *, kind: str) -> str:
    if path.kind != "indicator":
        raise EditError(_("Seuls les indicateurs ont un type MO ou R."))
    if kind not in ("MO", "R", ""):
        raise EditError(_("Le type d'un indicateur est MO, R ou aucun."))
    item = item_at(draft, path)
    item["kind"] = kind or None
    return _("Indicateur « %(text)s » : type %(kind)s.") % {
        "text": _label(item),
        "kind": kind or "—",
    }


def delete(draft: Draft, path: Path) -> str:
    siblings = _siblings(draft, path)
    item = siblings.pop(path.indices[-1])
    return _("Supprimé : « %(text)s ».") % {"text": _label(item)}


def unplaced_lines(draft: Draft) -> list[str]:
    report = draft.get("import_report") or {}
    lines = report.get("unplaced") or []
    return [str(line) for line in lines]


def place(draft: Draft, *, index: int, as_: str, target: Path | None, text: str = "") -> str:
    """Make an unplaced line an action, a result, an indicator or a note; it leaves the list."""
    unplaced = unplaced_lines(draft)
    if not 0 <= index < len(unplaced):
        raise EditError(_("Cette ligne a déjà été placée ou retirée."))
    line = " ".join((text or unplaced[index]).split())
    if not line:
        raise EditError(
            _("Le texte de %(what)s ne peut pas être vide.") % {"what": _("cette ligne")}
        )
    if as_ == PlaceAs.NOTE:
        draft.setdefault("notes", []).append(line)
        said = _("Ligne ajoutée aux notes du plan.")
    else:
        wanted = "objective" if as_ == PlaceAs.ACTION else "action"
        # an indicator may measure an objective itself (objectives[].indicators)
        allowed = {wanted, "objective"} if as_ == PlaceAs.INDICATOR else {wanted}
        if as_ not in PlaceAs.values or target is None or target.kind not in allowed:
            raise EditError(
                _("Choisissez un objectif pour une nouvelle action.")
                if wanted == "objective"
                else _("Choisissez l'action qui reçoit ce résultat ou cet indicateur.")
            )
        parent = item_at(draft, target)
        if as_ == PlaceAs.ACTION:
            parent.setdefault("actions", []).append(
                {
                    "code": None,
                    "title": line,
                    "actors": [],
                    "expected_results": [],
                    "indicators": [],
                    "schedule_years": None,
                    "timing": None,
                    "status": None,
                    "progress_note": None,
                }
            )
            said = _("Ligne placée comme action de « %(parent)s ».")
        elif as_ == PlaceAs.RESULT:
            parent.setdefault("expected_results", []).append(line)
            said = _("Ligne placée comme résultat attendu de « %(parent)s ».")
        else:
            parent.setdefault("indicators", []).append({"kind": None, "text": line})
            said = _("Ligne placée comme indicateur de « %(parent)s ».")
        said = said % {"parent": _label(parent)}
    report = draft.setdefault("import_report", {})
    report["unplaced"] = unplaced[:index] + unplaced[index + 1 :]
    return said


def set_frame(
    draft: Draft,
    *,
    title: str,
    organization: str,
    period_start: dt.date | None,
    period_end: dt.date | None,
    fiscal_year_start_month: int | None,
) -> str:
    draft["title"] = _clean(title, _("ce titre"))
    draft["organization"] = " ".join((organization or "").split())
    draft["period"] = {
        "start": period_start.isoformat() if period_start else None,
        "end": period_end.isoformat() if period_end else None,
    }
    draft["fiscal_year_start_month"] = fiscal_year_start_month
    return _("Cadre du plan modifié : « %(title)s ».") % {"title": _label(draft["title"])}
