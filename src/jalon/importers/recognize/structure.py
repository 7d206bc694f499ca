"""The structure stage: the tree a recognizer read, corrected from evidence any plan has.

It runs on the kept reading, whichever recognizer found the items, and only on the tree and
its source lines:

- **wrapped headings**: a heading that does not end (a function word, a comma, no final
  punctuation) followed by an item without a number in the same case, or starting in lower
  case, is one heading cut at a line break: the continuation joins it (flagged uncertain);
- **numbering**: an objective numbered "2.1" belongs to orientation 2, an action "1.2.3" to
  objective 1.2; objectives whose first numbers change under one orientation start new
  orientations (titled by the heading just before them, else left to complete);
- **columns merged on one line**: a title holding another column's label ("…; Responsable
  Direction; Résultats attendus …") is cut there and the rest goes to that field (flagged,
  with the whole line as the alternative);
- **page furniture and preambles**: items that are a table of contents entry (dot leaders or
  a trailing page number), a breadcrumb or menu, a bare page number, or a preamble section
  (introduction, who we are, table of contents…) leave the tree for the unplaced lines;
- **indicators**: an objective whose every "action" is an indicator ("Nombre de …", "Taux
  de …", a percentage target) carries them as its own indicators;
- **status by section**: items under a heading that names a status ("Réalisations",
  "Réalisé en 2023", "En cours", "À venir") take it;
- **a plan presented twice**: orientations, objectives and actions repeated with the same
  number or title are merged, not duplicated.

Every item gets `extra["import_reason"]` (why it is where it is); items the importer is not
sure of get `extra["import_uncertain"]` (what is uncertain) and `extra["import_alternative"]`
(the other reading, one click away in the review). See docs/importers.md.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...plans.interchange import ActionDraft, IndicatorDraft, ObjectiveDraft, OrientationDraft
from ..blocks import Line
from ..textutil import (
    clean,
    fold,
    is_caps,
    join_lines,
    openness,
    starts_lower,
    status_of,
    strip_bullet,
)
from .codes import KEYWORD_CODE, read_code
from .fields import FIELD_LABELS, field_of
from .layout import ORIENTATION_RE
from .result import Recognized
from .view import View

Item = OrientationDraft | ObjectiveDraft | ActionDraft

REASON = "import_reason"
UNCERTAIN = "import_uncertain"
ALTERNATIVE = "import_alternative"

_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|(?:\s\.){3,}|\s{3,})\s*\d{1,3}\s*$")
_PAGE_ONLY = re.compile(r"^(?:page|p\.)?\s*\d{1,3}(?:\s*(?:/|de|sur|of)\s*\d{1,3})?$", re.I)
# a breadcrumb's separators ("/" and "|" also separate words in titles)
_CRUMB = re.compile(r"\s[>›»]\s")
_PREAMBLE = re.compile(
    r"^(?:\d{1,2}\s*[.)-]?\s*)?(?:introduction|pr[ée]ambule|avant-propos|pr[ée]sentation(?:\s+de\s+l['’]organisme)?|"
    r"mot\s+(?:de|du|des)\b.{0,40}|qui\s+sommes[- ]nous\s*\??|table\s+des\s+mati[èe]res|sommaire|"
    r"remerciements?|contexte|historique|m[ée]thodologie|notre\s+d[ée]marche|la\s+d[ée]marche|"
    r"foreword|about\s+us|who\s+we\s+are|table\s+of\s+contents|contents|acknowledge?ments?|background)"
    r"\s*:?$",
    re.IGNORECASE,
)
_INDICATOR_START = re.compile(
    r"^(?:nombre|nb|taux|pourcentage|proportion|part|ratio|indice|niveau|degr[ée]|moyenne|"
    r"%|number|rate|percentage|share|proportion|count)\b",
    re.IGNORECASE,
)
_TARGET = re.compile(
    r"\d\s?%|\bcible\b|\btarget\b|(?:19|20)\d\d\s*[:=]\s*\d|\bvaleur\s+de\s+d[ée]part\b", re.I
)
_SECTION_STATUS = [
    (re.compile(r"^(?:nos\s+)?r[ée]alisations?\b|^r[ée]alis[ée]e?s?\b|^accompli|^achievements?\b|^completed\b", re.I), "completed"),
    (re.compile(r"^(?:actions?\s+|projets?\s+)?en\s+cours\b|^in\s+progress\b|^ongoing\b", re.I), "in_progress"),
    (re.compile(r"^(?:actions?\s+|projets?\s+)?[àa]\s+venir\b|^prochaines?\s+[ée]tapes?\b|^(?:next\s+steps|upcoming)\b", re.I), "not_started"),
]  # fmt: skip
# a column label standing inside a title ("; Responsable Direction", "| Échéancier 2024")
_COLUMN_LABEL = re.compile(
    r"\s*(?:;|\||\s{3,}|\s[–—]\s)\s*(?=(?i:"
    + "|".join(p for _, p in FIELD_LABELS if p)
    + r"|ressources?(?:\s+(?:requises|humaines|financi[èe]res))?|moyens|budget|co[uû]ts?)\b)"
)
_FIELD_START = [
    (name, re.compile(rf"^(?i:{pat})\b\s*(?:\([^)]{{0,20}}\))?\s*[:=]?\s*", re.I))
    for name, pat in FIELD_LABELS
]
_OTHER_COLUMN = re.compile(
    r"^(?i:ressources?(?:\s+(?:requises|humaines|financi[èe]res))?|moyens|budget|co[uû]ts?)\b\s*:?\s*"
)


def join_heading_lines(lines: list[Line]) -> tuple[list[Line], dict[int, list[str]]]:
    """The lines with each labelled heading cut by line breaks made whole again: "AXE 2 :
    D'ICI 2026, LES PARTENAIRES DU" / "TERRITOIRE PARTAGENT UNE LECTURE" / "COMMUNE DES
    BESOINS." become one line (the continuations left blank, so line numbers stay). A
    heading is labelled when it starts with an orientation or objective keyword, or with a
    number and is written in capitals; a label alone ("AXE 2 :") takes the text below it.
    Also returns, for each joined line, the pieces it was made of."""
    out = list(lines)
    pieces: dict[int, list[str]] = {}
    n = len(out)
    i = 0
    while i < n:
        line = out[i]
        text = clean(line.text)
        if line.cells is None and (unspaced := _unspaced_label(text)) is not None:
            text = unspaced
            out[i] = line = replace(line, text=text)
        if line.cells is not None or not text or not _labelled_heading(text):
            i += 1
            continue
        if _BARE_CODE.match(text):
            text = re.sub(r"(?<=[IVX]) (?=[IVX])", "", text).replace(" .", ".").replace(" )", ")")
        acc = text
        label_only = _label_only(text)
        j = i + 1
        joined: list[int] = []
        while j < n and len(joined) < 4:
            nxt = out[j]
            t = clean(nxt.text)
            if nxt.cells is not None:
                break
            if not t or (label_only and re.fullmatch(r"[-–—]?\s*\d{1,3}\s*[-–—]?", t)):
                # a number alone waits for its heading over blank lines and a page number
                if openness(acc) == 2 or label_only:
                    j += 1
                    continue
                break
            if read_code(t) or ORIENTATION_RE.match(t) or field_of(t) or strip_bullet(t) != t:
                break
            if label_only and _BARE_CODE.match(acc) and not t[:1].isupper():
                break  # a number alone takes the heading below it, not a sentence's end
            if not (label_only or continues_heading(acc, t)):
                break
            acc = join_lines([acc, t])
            joined.append(j)
            label_only = False
            j += 1
            if openness(acc) == 0:
                break
        if joined:
            pieces[i] = [clean(lines[i].text), *(clean(out[k].text) for k in joined)]
            out[i] = replace(line, text=acc)
            for k in joined:
                out[k] = replace(out[k], text="")
            i = joined[-1] + 1
        else:
            i += 1
    return out, pieces


# a number alone on its line, letters spaced out as designed banners print them ("I I .")
_BARE_CODE = re.compile(r"^\s*(?:(?:[IVX] ?){1,4}|[A-H]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*$")


def _unspaced_label(text: str) -> str | None:
    """A label in capitals printed letter-spaced ("OR IENTAT ION 1", "A X E 2") made whole;
    None when the line is no such label."""
    if not is_caps(text) or ORIENTATION_RE.match(text):
        return None
    joined = re.sub(r"(?<=[A-ZÀ-Ý]) (?=[A-ZÀ-Ý])", "", text)
    m = ORIENTATION_RE.match(joined)
    if m is None or joined == text:
        return None
    # only the label is rejoined: the words after it keep their spaces
    rest = text
    for ch in joined[: m.end()].replace(" ", ""):
        k = rest.find(ch)
        rest = rest[k + 1 :]
    return f"{joined[: m.end()].rstrip()} {rest.strip()}".strip()


def _labelled_heading(text: str) -> bool:
    if ORIENTATION_RE.match(text) or _BARE_CODE.match(text):
        return True
    m = KEYWORD_CODE.match(text)
    if m and m.group("kw").lower().startswith(("objecti", "goal")):
        return True
    code = read_code(text)
    if code is None or not code.code:
        return False
    # roman and lettered numbers head sections; other numbers, only in capitals
    return code.style in ("roman", "alpha") or is_caps(text[code.end :])


def _label_only(text: str) -> bool:
    if _BARE_CODE.match(text):
        return True
    m = ORIENTATION_RE.match(text) or KEYWORD_CODE.match(text)
    return m is not None and not text[m.end() :].strip(" :.–—-")


def restructure(
    rec: Recognized, view: View, recognizer: str, joined: dict[int, list[str]] | None = None
) -> None:
    """Correct `rec`'s tree in place (see the module docstring) and say why each item is
    where it is; `joined` are the headings `join_heading_lines` made whole (by line index)."""
    lines = view.lines
    _explain(rec, lines, recognizer)
    _flag_joined_lines(rec, joined or {})
    _drop_furniture(rec)
    _join_wrapped_headings(rec)
    _regroup_by_numbering(rec)
    _titles_from_context(rec, view)
    for a in rec.iter_actions():
        _split_merged_columns(a)
    _objective_indicators(rec)
    _promote_measured_actions(rec)
    _status_by_section(rec)
    _merge_repeated(rec)


# --- reasons ---------------------------------------------------------------------------------

_READ_BY = {
    "tables": "une ligne de tableau",
    "flow": "le texte d'un tableau, colonne par colonne",
    "columns": "les colonnes de la page, par position",
    "outline": "le plan du texte (titres, numéros, puces)",
}
_LEVEL = {OrientationDraft: "orientation", ObjectiveDraft: "objectif", ActionDraft: "action"}


def _explain(rec: Recognized, lines: list[Line], recognizer: str) -> None:
    read_by = _READ_BY.get(recognizer, recognizer)
    for o in rec.orientations:
        _set_reason(o, rec, lines, read_by)
        for ob in o.objectives:
            _set_reason(ob, rec, lines, read_by)
            for a in ob.actions:
                _set_reason(a, rec, lines, read_by)


def _set_reason(item: Item, rec: Recognized, lines: list[Line], read_by: str) -> None:
    level = _LEVEL[type(item)]
    evidence: list[str] = []
    if item.code:
        evidence.append(f"numéro « {item.code} »")
    first = min(rec.sources.get(id(item), []) or [-1])
    line = lines[first] if 0 <= first < len(lines) else None
    if line is not None:
        if line.heading:
            evidence.append(f"titre de niveau {line.heading}")
        elif line.cells is None and is_caps(line.text):
            evidence.append("titre en majuscules")
        elif line.bullet or (line.cells is None and strip_bullet(line.text) != line.text.strip()):
            evidence.append("puce")
    how = f", {', '.join(evidence)}" if evidence else ""
    item.extra[REASON] = f"{level} : lu dans {read_by}{how}"


def _flag_joined_lines(rec: Recognized, joined: dict[int, list[str]]) -> None:
    if not joined:
        return
    for o in rec.orientations:
        items: list[Item] = [o, *o.objectives]
        for item in items:
            hit = [joined[i] for i in rec.sources.get(id(item), []) if i in joined]
            if hit:
                _flag(
                    item,
                    "heading-continuation",
                    {"split": hit[0]},
                    f"{_LEVEL[type(item)]} : titre écrit sur {len(hit[0])} lignes, lignes jointes "
                    "(la ligne ne finissait pas la phrase)",
                )


def _flag(item: Item, what: str, alternative: dict[str, Any], reason: str) -> None:
    item.extra[UNCERTAIN] = what
    item.extra[ALTERNATIVE] = alternative
    item.extra[REASON] = reason


def _take_lines(rec: Recognized, into: Item, source: Item) -> None:
    rec.track(into, rec.sources.pop(id(source), []))


def _unplace(rec: Recognized, item: Item) -> None:
    """The item leaves the tree; its lines are reported as unplaced."""
    children: list[Item] = []
    if isinstance(item, OrientationDraft):
        for ob in item.objectives:
            children.append(ob)
            children.extend(ob.actions)
    elif isinstance(item, ObjectiveDraft):
        children.extend(item.actions)
    for it in (item, *children):
        rec.unplaced_lines.extend(rec.sources.pop(id(it), []))


# --- page furniture and preambles ------------------------------------------------------------


def _furniture(title: str) -> bool:
    t = clean(title)
    if not t:
        return False
    if _TOC_ENTRY.search(t) or _PAGE_ONLY.match(t):
        return True
    return len(_CRUMB.findall(t)) >= 2 and all(len(p.split()) <= 4 for p in _CRUMB.split(t))


def _drop_furniture(rec: Recognized) -> None:
    """Table-of-contents entries, breadcrumbs, page numbers and preamble sections leave the
    tree when the rest of it holds the plan."""
    keep: list[OrientationDraft] = []
    for o in rec.orientations:
        if _furniture(o.title) and not any(ob.actions for ob in o.objectives):
            _unplace(rec, o)
            continue
        if _furniture(o.title):
            # a breadcrumb read as the heading of the plan below it: the title is to find
            rec.unplaced_lines.extend(rec.sources.pop(id(o), []))
            o.title = ""
        preamble = _PREAMBLE.match(clean(o.title).strip(" :–-"))
        if preamble and len(rec.orientations) > 1:
            _unplace(rec, o)
            rec.warnings.append(
                f"La section « {clean(o.title)} » est une présentation, pas une partie du plan : "
                "elle est laissée dans les lignes non placées"
            )
            continue
        objectives: list[ObjectiveDraft] = []
        for ob in o.objectives:
            if _furniture(ob.title) and not ob.actions:
                _unplace(rec, ob)
                continue
            actions = []
            for a in ob.actions:
                if _furniture(a.title) and not (a.actors or a.expected_results or a.indicators):
                    _unplace(rec, a)
                    continue
                actions.append(a)
            ob.actions = actions
            objectives.append(ob)
        o.objectives = objectives
        keep.append(o)
    if any(o.objectives for o in keep) or not rec.orientations:
        rec.orientations = keep
    _drop_empty_edges(rec)


def echo(ob: ObjectiveDraft) -> bool:
    """An objective without a number whose one action only repeats its title: a paragraph
    read as both (a menu entry, a heading, a sentence of an introduction)."""
    return (
        not ob.code
        and not ob.indicators
        and len(ob.actions) == 1
        and _bare(ob.actions[0])
        and not ob.actions[0].code
        and fold(clean(ob.actions[0].title)) == fold(clean(ob.title))
    )


def _drop_empty_edges(rec: Recognized) -> None:
    """Headings without a number and without anything under them, before the plan's first
    orientation that has objectives or after its last (a site's name and menu, a search
    box, an introduction, a footer), leave the tree for the unplaced lines; so do echo
    objectives before the plan's first real objective or after its last."""
    flat = [ob for o in rec.orientations for ob in o.objectives]
    real = [k for k, ob in enumerate(flat) if not echo(ob)]
    if real:
        edges = {id(ob) for k, ob in enumerate(flat) if k < real[0] or k > real[-1]}
        for o in rec.orientations:
            for ob in o.objectives:
                if id(ob) in edges:
                    _unplace(rec, ob)
            o.objectives = [ob for ob in o.objectives if id(ob) not in edges]
    full = [k for k, o in enumerate(rec.orientations) if o.objectives]
    if not full:
        return
    first, last = full[0], full[-1]
    keep: list[OrientationDraft] = []
    for k, o in enumerate(rec.orientations):
        if (k < first or k > last) and not o.objectives and not o.code:
            _unplace(rec, o)
            continue
        keep.append(o)
    rec.orientations = keep


# --- wrapped headings ------------------------------------------------------------------------


def continues_heading(head: str, nxt: str) -> bool:
    """Is `nxt` (an item without a number) the rest of the heading `head`, cut at a line
    break? The heading does not end a sentence, and the next line starts in lower case, or
    the heading calls for more (a function word, a comma), or both are written in capitals."""
    head, nxt = clean(head), clean(nxt)
    if not head or not nxt or len(nxt) > 200:
        return False
    if strip_bullet(nxt) != nxt:
        return False  # a bullet starts an item of its own
    shut = openness(head)
    if shut == 0:
        return False
    if starts_lower(nxt):
        return True
    if shut == 2:
        return not is_caps(head) or is_caps(nxt)
    # no final punctuation: only a heading in capitals going on in capitals
    return is_caps(head) and is_caps(nxt)


def _join_wrapped_headings(rec: Recognized) -> None:
    for o in rec.orientations:
        original = o.title
        joined = False
        while o.objectives and not o.objectives[0].code:
            ob = o.objectives[0]
            # an objective with actions of its own is taken only on strong evidence (the
            # heading calls for more, or the line starts in lower case): two headings in
            # capitals may well be an orientation and its objective
            strong = openness(o.title) == 2 or starts_lower(ob.title)
            if (
                ob.title
                and continues_heading(o.title, ob.title)
                and (strong or not (ob.actions or ob.indicators))
            ):
                o.title = join_lines([o.title, ob.title])
                ob.title = ""
                _take_lines(rec, o, ob)
                joined = True
            while ob.actions and not ob.title and not ob.actions[0].code:
                a = ob.actions[0]
                if not _bare(a) or not continues_heading(o.title, a.title):
                    break
                o.title = join_lines([o.title, a.title])
                _take_lines(rec, o, a)
                ob.actions.pop(0)
                joined = True
            if ob.title or ob.actions or ob.indicators:
                break
            o.objectives.pop(0)
        if joined:
            _flag(
                o,
                "heading-continuation",
                {"split": [original, clean(o.title)[len(clean(original)) :].strip()]},
                "orientation : titre coupé par un retour à la ligne, la suite est jointe",
            )
        for ob in o.objectives:
            original = ob.title
            joined = False
            while ob.title and ob.actions and not ob.actions[0].code:
                a = ob.actions[0]
                if not _bare(a) or not continues_heading(ob.title, a.title):
                    break
                ob.title = join_lines([ob.title, a.title])
                _take_lines(rec, ob, a)
                ob.actions.pop(0)
                joined = True
            if joined:
                _flag(
                    ob,
                    "heading-continuation",
                    {"split": [original, clean(ob.title)[len(clean(original)) :].strip()]},
                    "objectif : titre coupé par un retour à la ligne, la suite est jointe",
                )


def _bare(a: ActionDraft) -> bool:
    """An action with nothing but a title (a heading's continuation carries no fields)."""
    return not (
        a.actors or a.expected_results or a.indicators or a.timing or a.status or a.progress_note
    )


# --- numbering -------------------------------------------------------------------------------


def _prefix(code: str | None, depth: int) -> str | None:
    """ "2.1" → "2" (depth 1); "1.2.3" → "1.2" (depth 2); None when the code is not a
    dotted number of more than `depth` parts."""
    if not code or not _NUMBERED.match(code):
        return None
    parts = code.split(".")
    if len(parts) <= depth:
        return None
    return ".".join(parts[:depth])


def _regroup_by_numbering(rec: Recognized) -> None:
    _objectives_by_number(rec)
    _actions_by_number(rec)


def _objectives_by_number(rec: Recognized) -> None:
    objectives = [ob for o in rec.orientations for ob in o.objectives]
    numbered = [_prefix(ob.code, 1) for ob in objectives]
    if sum(1 for p in numbered if p) < 2:
        return
    fits = sum(
        1
        for o in rec.orientations
        for ob in o.objectives
        if o.code and _prefix(ob.code, 1) == o.code
    )
    mismatched = sum(
        1
        for o in rec.orientations
        for ob in o.objectives
        if (p := _prefix(ob.code, 1)) and p != o.code
    )
    if not mismatched or fits > mismatched * 3:
        return
    # rebuild in document order: each first number has one orientation; an orientation read
    # without objectives of its number lends its title to the next number that starts
    by_code: dict[str, OrientationDraft] = {}
    out: list[OrientationDraft] = []
    current: OrientationDraft | None = None
    # an orientation read without objectives is walked too: it may title the next number
    flat: list[tuple[OrientationDraft, ObjectiveDraft | None]] = []
    for o in rec.orientations:
        flat.extend((o, ob) for ob in o.objectives)
        if not o.objectives:
            flat.append((o, None))
    seen: set[int] = set()
    pending: OrientationDraft | None = None
    for k, (o, maybe) in enumerate(flat):
        if id(o) not in seen:
            seen.add(id(o))
            if o.code and o.code in by_code:
                target = by_code[o.code]
                if not clean(target.title):
                    target.title = o.title
                _take_lines(rec, target, o)
            else:
                pending = o
            o.objectives = []
        if maybe is None:
            continue
        ob = maybe
        p = _prefix(ob.code, 1)
        if p is None:
            following = next(
                (_prefix(x.code, 1) for _, x in flat[k + 1 :] if x is not None and x.code), None
            )
            if (
                (echo(ob) or (not ob.actions and not ob.indicators))
                and _headingish(ob.title)
                and following is not None
                and following not in by_code
                and (current is None or following != current.code)
            ):
                pending = OrientationDraft(title=ob.title)
                _take_lines(rec, pending, ob)
                for a in ob.actions:
                    _take_lines(rec, pending, a)
                pending.extra[REASON] = (
                    "orientation : titre écrit juste avant ses objectifs numérotés"
                )
                continue
            if current is None:
                current = pending or OrientationDraft(title="")
                pending = None if current is pending else pending
                out.append(current)
            current.objectives.append(ob)
            continue
        found = by_code.get(p)
        if found is not None:
            target = found
        else:
            if pending is not None and pending.code in (None, p):
                target, pending = pending, None
            else:
                target = OrientationDraft(title="")
                target.extra[REASON] = f"orientation : déduite des objectifs numérotés {p}.x"
            target.code = p
            by_code[p] = target
            if all(t is not target for t in out):
                out.append(target)
        if target is not o:
            ob.extra[REASON] = (
                f"objectif : son numéro « {ob.code} » le place sous l'orientation {p}"
            )
        target.objectives.append(ob)
        current = target
    for o in rec.orientations:
        if all(t is not o for t in out) and id(o) in rec.sources:
            rec.unplaced_lines.extend(rec.sources.pop(id(o)))
    rec.orientations = out


def _titles_from_context(rec: Recognized, view: View) -> None:
    """An orientation read without a title (its objectives numbered, its heading not) takes
    the line just before its first objective, when nothing else took that line."""
    taken = rec.used_lines() - set(rec.unplaced_lines)
    for o in rec.orientations:
        if clean(o.title) or not o.objectives:
            continue
        starts = rec.sources.get(id(o.objectives[0]), [])
        if not starts:
            continue
        j = min(starts) - 1
        while j >= 0 and not view.lines[j].text.strip() and view.lines[j].cells is None:
            j -= 1
        if j < 0 or j in taken or j in view.used or view.layout.skipped(j):
            continue
        line = view.lines[j]
        text = clean(line.text)
        if line.cells is not None or not _headingish(text) or text.endswith(":"):
            continue
        o.title = text
        rec.track(o, [j])
        rec.unplaced_lines = [k for k in rec.unplaced_lines if k != j]
        o.extra[REASON] = (
            "orientation : titre pris sur la ligne qui précède ses objectifs numérotés"
        )
        o.extra[UNCERTAIN] = "title-from-context"
        o.extra[ALTERNATIVE] = {"title": ""}


def _headingish(title: str) -> bool:
    t = clean(title)
    return bool(t) and len(t) <= 160 and (is_caps(t) or openness(t) >= 1)


def _actions_by_number(rec: Recognized) -> None:
    objectives = {ob.code: ob for o in rec.orientations for ob in o.objectives if ob.code}
    if not objectives:
        return
    for o in rec.orientations:
        for ob in o.objectives:
            kept: list[ActionDraft] = []
            for a in ob.actions:
                p = _prefix(a.code, (a.code or "").count("."))
                target = objectives.get(p) if p else None
                if (
                    target is not None
                    and target is not ob
                    and ob.code
                    and _NUMBERED.match(ob.code)
                    and p != ob.code
                ):
                    target.actions.append(a)
                    a.extra[REASON] = (
                        f"action : son numéro « {a.code} » la place sous l'objectif {p}"
                    )
                    continue
                kept.append(a)
            ob.actions = kept


# --- columns merged on one line --------------------------------------------------------------


def split_merged_title(title: str) -> tuple[str, list[tuple[str, str]]]:
    """A title and the other columns it holds: "Tenir un forum; Responsable Direction;
    Résultats attendus Un forum par an" → ("Tenir un forum", [("actors", "Direction"),
    ("results", "Un forum par an")]). Columns with no field of the plan ("Ressources …")
    come back as ("other", text)."""
    parts = _COLUMN_LABEL.split(title)
    if len(parts) < 2 or not clean(parts[0]):
        return title, []
    fields: list[tuple[str, str]] = []
    for part in parts[1:]:
        part = clean(part).strip(" ;|")
        if not part:
            continue
        for name, rx in _FIELD_START:
            m = rx.match(part)
            if m:
                fields.append((name, part[m.end() :].strip(" :;")))
                break
        else:
            m = _OTHER_COLUMN.match(part)
            fields.append(("other", part[m.end() :].strip() if m else part))
    return clean(parts[0]).strip(" ;|"), fields


def _split_merged_columns(a: ActionDraft) -> None:
    title, fields = split_merged_title(a.title)
    if not fields:
        return
    original = a.title
    a.title = title
    other: list[str] = []
    for name, text in fields:
        if not text:
            continue
        if name == "actors":
            a.actors.extend(x.strip() for x in re.split(r"\s*[,;]\s*", text) if x.strip())
        elif name == "results":
            a.expected_results.append(text)
        elif name == "indicators":
            a.indicators.append(IndicatorDraft(text=text))
        elif name == "schedule":
            a.timing = join_lines([a.timing or "", text]) if a.timing else text
        elif name == "status":
            code = status_of(text)
            if code and not a.status:
                a.status = code
            else:
                a.progress_note = text if not a.progress_note else f"{a.progress_note}; {text}"
        else:
            other.append(text)
    if other:
        a.extra["import_other_columns"] = other
    _flag(
        a,
        "merged-columns",
        {"title": clean(original)},
        "action : le titre contenait d'autres colonnes (libellés de colonnes sur la même ligne), "
        "réparties dans leurs champs",
    )


# --- objectives carrying indicators ----------------------------------------------------------


def looks_like_indicator(text: str) -> bool:
    """An indicator rather than an action: it names a measure ("Nombre de …", "Taux de …")
    or carries a target ("75 %", "cible", "2024 : 40")."""
    t = clean(strip_bullet(text))
    return bool(_INDICATOR_START.match(t)) or bool(_TARGET.search(t) and len(t) < 160)


def _objective_indicators(rec: Recognized) -> None:
    for o in rec.orientations:
        for ob in o.objectives:
            if not ob.actions or not all(
                looks_like_indicator(a.title)
                and not a.actors
                and _INDICATOR_START.match(clean(strip_bullet(a.title)))
                for a in ob.actions
            ):
                continue
            for a in ob.actions:
                text = "; ".join(
                    t
                    for t in [
                        clean(a.title),
                        *a.expected_results,
                        *(i.text for i in a.indicators),
                        a.timing or "",
                    ]
                    if t
                )
                ind = IndicatorDraft(text=text, kind="R" if _TARGET.search(text) else None)
                ob.indicators.append(ind)
                _take_lines(rec, ob, a)
            ob.actions = []
            ob.extra[REASON] = (
                "objectif : les lignes placées sous lui mesurent des résultats (nombre, taux, "
                "cibles) ; elles sont ses indicateurs"
            )
            ob.extra[UNCERTAIN] = "indicators-not-actions"
            ob.extra[ALTERNATIVE] = {"actions": [i.text for i in ob.indicators]}


def _promote_measured_actions(rec: Recognized) -> None:
    """An orientation whose one objective has no title of its own and holds "actions" that
    carry only indicators (no actors, results, schedule or status): those are the plan's
    objectives, carrying their indicators (a plan without actions)."""
    for o in rec.orientations:
        if len(o.objectives) != 1:
            continue
        filler = o.objectives[0]
        if clean(filler.title) and fold(clean(filler.title)) != fold(clean(o.title)):
            continue
        actions = filler.actions
        if not actions or not any(a.indicators for a in actions):
            continue
        if not all(_bare(replace(a, indicators=[])) for a in actions):
            continue
        objectives: list[ObjectiveDraft] = []
        for a in actions:
            ob = ObjectiveDraft(title=a.title, code=a.code, indicators=list(a.indicators))
            if a.code and a.code[:1] in "PS" and a.code[1:].isdigit():
                ob.kind = "principal" if a.code[0] == "P" else "secondary"
            _take_lines(rec, ob, a)
            ob.extra[REASON] = (
                "objectif : porte des indicateurs et aucune action (plan sans actions)"
            )
            objectives.append(ob)
        _take_lines(rec, o, filler)
        o.objectives = objectives


# --- status given by the section -------------------------------------------------------------


def section_status(title: str) -> str | None:
    """The status a section heading gives its items ("Réalisations" → completed)."""
    t = clean(title).strip(" :–-")
    t = re.sub(r"^(?:[A-Z]|\d{1,2}|[IVX]{1,4})\s*[.)–-]\s*", "", t)
    if len(t) > 60:
        return None
    for rx, code in _SECTION_STATUS:
        if rx.match(t):
            return code
    return status_of(t)


def _status_by_section(rec: Recognized) -> None:
    for o in rec.orientations:
        o_status = section_status(o.title)
        for ob in o.objectives:
            status = section_status(ob.title) or o_status
            if status is None:
                continue
            for a in ob.actions:
                if a.status is None:
                    a.status = status
                    a.extra[REASON] = (
                        f"{a.extra.get(REASON, 'action')} ; état donné par la section « "
                        f"{clean(ob.title if section_status(ob.title) else o.title)} »"
                    )


# --- a plan presented twice ------------------------------------------------------------------


def _key(item: Item) -> str:
    return item.code or fold(clean(item.title)).strip(" .:")


def _merge_repeated(rec: Recognized) -> None:
    merged: dict[str, OrientationDraft] = {}
    out: list[OrientationDraft] = []
    for o in rec.orientations:
        key = _key(o)
        first = merged.get(key) if key else None
        if first is None or (
            o.code
            and first.title
            and o.title
            and fold(o.title) != fold(first.title)
            and not _same(o.title, first.title)
        ):
            if key:
                merged.setdefault(key, o)
            out.append(o)
            continue
        _take_lines(rec, first, o)
        _merge_objectives(rec, first, o.objectives)
        first.extra[REASON] = (
            f"{first.extra.get(REASON, 'orientation')} ; présentée deux fois, fusionnée"
        )
    rec.orientations = out


def _same(a: str, b: str) -> bool:
    fa, fb = fold(clean(a)), fold(clean(b))
    return fa.startswith(fb) or fb.startswith(fa)


def _merge_objectives(
    rec: Recognized, into: OrientationDraft, objectives: list[ObjectiveDraft]
) -> None:
    known = {_key(ob): ob for ob in into.objectives if _key(ob)}
    for ob in objectives:
        first = known.get(_key(ob))
        if first is None:
            into.objectives.append(ob)
            continue
        _take_lines(rec, first, ob)
        if len(clean(ob.title)) > len(clean(first.title)):
            first.title = ob.title
        actions = {_key(a): a for a in first.actions if _key(a)}
        for a in ob.actions:
            twin = actions.get(_key(a))
            if twin is None:
                first.actions.append(a)
                continue
            _take_lines(rec, twin, a)
            _merge_action(twin, a)
        first.indicators.extend(
            i for i in ob.indicators if i.text not in {x.text for x in first.indicators}
        )


def _merge_action(into: ActionDraft, other: ActionDraft) -> None:
    if len(clean(other.title)) > len(clean(into.title)):
        into.title = other.title
    into.actors.extend(x for x in other.actors if x not in into.actors)
    into.expected_results.extend(
        x for x in other.expected_results if x not in into.expected_results
    )
    texts = {i.text for i in into.indicators}
    into.indicators.extend(i for i in other.indicators if i.text not in texts)
    into.schedule_years = into.schedule_years or other.schedule_years
    into.timing = into.timing or other.timing
    into.status = into.status or other.status
    into.progress_note = into.progress_note or other.progress_note


# --- a slide flattened into one paragraph ----------------------------------------------------

_INLINE_BULLET = re.compile(r"\s+[•▪◦●■►▸➢➤✓✔❖]\s+|\s+[-–]\s+(?=[A-ZÀ-Ý])")
_INLINE_NUMBER = re.compile(r"\s+(?=\(?\d{1,2}[.)]\s+[A-ZÀ-Ý])")
_SENTENCE = re.compile(r"(?<=[a-zà-ÿ)]{2}[.!?])\s+(?=[A-ZÀ-Ý])")
_NUMBER_MARK = re.compile(r"^\(?\d{1,2}[.)]\s+")


def flat_pieces(text: str) -> list[str]:
    """The items a paragraph strings together: cut at bullets written inline ("• a • b"),
    then at numbers ("1) a 2) b"), then at sentences; [] when it is one item."""
    for rx in (_INLINE_BULLET, _INLINE_NUMBER, _SENTENCE):
        parts = [_NUMBER_MARK.sub("", clean(strip_bullet(p))) for p in rx.split(" " + clean(text))]
        parts = [p for p in parts if p]
        if len(parts) >= 2:
            return parts
    return []


def flat_items(rec: Recognized, view: View) -> bool:
    """When no reading found any action, the paragraphs that string items together (a slide
    flattened into one paragraph) give one action per item, all flagged uncertain, rather
    than nothing. True when items were made."""
    if rec.iter_actions() or any(ob.indicators for o in rec.orientations for ob in o.objectives):
        return False
    objective = ObjectiveDraft(title="")
    heading = ""
    title = clean(view.frame.title)
    candidates = view.content() | {
        i for i in view.used if title and clean(view.lines[i].text) == title
    }
    for i in sorted(candidates):
        line = view.lines[i]
        if line.cells is not None:
            continue
        parts = flat_pieces(line.text)
        if not parts:
            continue
        if not heading and (_plan_named(parts[0]) or len(parts[0]) < 60) and len(parts) > 2:
            heading = parts.pop(0)
        for part in parts:
            a = ActionDraft(title=part)
            rec.track(a, [i])
            _flag(
                a,
                "flat-text",
                {"paragraph": clean(line.text)},
                "action : morceau d'un paragraphe qui enchaîne des éléments (puces ou phrases "
                "sur une seule ligne)",
            )
            objective.actions.append(a)
        rec.unplaced_lines = [k for k in rec.unplaced_lines if k != i]
    if not objective.actions:
        return False
    if title and _plan_named(heading) and heading in title and heading != title:
        view.frame.title = heading  # the title line held the items too
    o = OrientationDraft(title=heading if not _plan_named(heading) else "", objectives=[objective])
    o.extra[REASON] = "orientation : aucune structure trouvée, le document est lu comme une liste"
    o.extra[UNCERTAIN] = "flat-text"
    o.extra[ALTERNATIVE] = {"title": heading}
    rec.orientations = [o]
    rec.warnings.append(
        "Aucune structure de plan trouvée : les éléments d'un paragraphe sont proposés comme "
        "actions, à vérifier"
    )
    return True


def _plan_named(text: str) -> bool:
    return bool(re.search(r"\b(?:plan|programmation|programme)\b", text, re.IGNORECASE))
