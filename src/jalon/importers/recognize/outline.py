"""A plan written as an outline: headings, numbers, sentences and bullets.

Each paragraph gets a *signature* from how it starts: an orientation keyword ("ORIENTATION
2 :", "Axe 1"), a heading style, capitals, an objective or action keyword ("Objectif 1.2"),
a letter code ("P1."), a number of some depth ("1.", "1.1", "1.1.1"), a bullet of some kind
and indentation (including bullets that OCR read as "e"/"o", or that text extraction left as
a one-space indent), or none (a plain sentence). Signatures are ranked by strength
(keyword > heading > capitals > numbers by depth > sentences > bullets by depth); the
strongest three present become orientation, objective and action, deeper ones are parts of
an action. Labelled lines ("Responsable :", "Échéance :", "Résultats attendus :",
"Indicateurs :", "MO =", "R =", "État :") fill the current action, and a number repeating an
action's number carries that action's expected result.

One-page summaries sometimes put the orientation's label after its objectives (a designed
page read top to bottom): when the strongest level first appears after its children and
closes the page, it is read as closing groups. When a summary precedes the detailed plan
(the orientations numbered again from 1), the richer of the two is kept and the other's
lines are reported as unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from ...plans.interchange import ActionDraft, IndicatorDraft, ObjectiveDraft, OrientationDraft
from ..blocks import Line
from ..lexicon import FUNCTION_WORDS
from ..textutil import (
    bullet_of,
    clean,
    is_caps,
    join_lines,
    openness,
    plan_years,
    split_trailing_schedule,
    starts_lower,
    status_of,
    strip_bullet,
)
from .codes import INLINE_CODE, Code, read_code
from .fields import FIELD_LABELS, INLINE_FIELD, field_of
from .items import (
    has_indicator_label,
    indicator_kind,
    new_item,
    split_actors,
    split_items,
    status_from,
    vocabulary,
)
from .layout import ORIENTATION_RE, URL_RE, Layout
from .result import Recognized
from .view import Reading, View

_OCR_BULLET = re.compile(r"^\s*([eo¢«»*+Ø§>✓✔➢➤•▪▫◦●○■□-])\s+(?=[A-Za-zÀ-ÿ«\"'(0-9])")
_MONTHS_CAP = (
    r"Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre|"
    r"Printemps|Été|Automne|Hiver|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Spring|Summer|Fall|Autumn|Winter"
)
_TAIL_STATUS = re.compile(
    r"(?<=[\w.)»])\s+(En cours|En préparation|Complétée?s?|Réalisée?s?|Terminée?s?|À venir|A venir|"
    r"Reportée?s?|Abandonnée?s?|Non débutée?s?|In progress|Completed|Not started|Postponed)\s*\.?$"
)
_TAIL_TIMING = re.compile(
    r"(?<=[\w.)»])\s+((?:Ans?|Années?|Years?)\s+\d{1,2}(?:\s*(?:-|–|à|au|et|ou|to|and)\s*\d{1,2})*|"
    rf"(?:{_MONTHS_CAP})(?:\s+(?:19|20)\d\d)(?:\s*[-–]\s*(?:{_MONTHS_CAP})\s+(?:19|20)\d\d)?|"
    r"En continu|Au besoin|Sur invitation|Mensuel(?:lement)?|Annuel(?:lement)?|Trimestriel(?:lement)?|Ongoing)\s*\.?$"
)


_SUBHEADING = re.compile(
    r"^\s*(?i:actions?|moyens?(?:\s+d['’]actions?)?|activit[ée]s?|mesures?|"
    r"actions?\s+(?:pr[ée]vues?|[àa]\s+r[ée]aliser)|activities|tasks?)\s*:?\s*$"
)


def _with_tail(e: Entry) -> str:
    """The entry's text with what was taken off its lines' ends put back (not an action)."""
    return clean(join_lines([e.text, *(value for _, value in e.tail)]))


def _tail_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Timing and status standing at the end of an item's line, as columns merged on one line
    leave them ("Tenir quatre rencontres An 1 à 3 En cours"); capitalised, after a word that
    does not call for more."""
    found: list[tuple[str, str]] = []
    for _ in range(2):
        hit = False
        for name, rx in (("status", _TAIL_STATUS), ("schedule", _TAIL_TIMING)):
            m = rx.search(text)
            if not m:
                continue
            before = text[: m.start()].rstrip()
            last = before.split()[-1].lower() if before.split() else ""
            if not before or last in FUNCTION_WORDS or last.endswith(("'", "’")) or len(before) < 8:
                continue
            found.insert(0, (name, m.group(1)))
            text = before
            hit = True
        if not hit:
            break
    return text, found


_TRAILING_STATUS = re.compile(r"\s*[(\[–—-]\s*([^()\[\]]{3,30}?)\s*[)\]]?\s*\.?$")

STRENGTH_ORIENT = 0


@dataclass
class Entry:
    sig: tuple[str, ...]
    lines: list[int]
    texts: list[str]
    indent: int = 0
    code: Code | None = None
    field_name: str | None = None
    ind_kind: str | None = None
    blank_before: bool = False
    level: int | None = None  # 0 orientation, 1 objective, 2 action, 3+ part of an action
    tail: list[tuple[str, str]] = dc_field(default_factory=list)  # fields found at line ends

    @property
    def text(self) -> str:
        return join_lines(self.texts)

    @property
    def last(self) -> str:
        return self.texts[-1] if self.texts else ""


def strength(sig: tuple[str, ...]) -> int:
    kind = sig[0]
    if kind == "orient":
        return STRENGTH_ORIENT
    if kind == "heading":
        return 10 + int(sig[1])
    if kind == "caps":
        return 20
    if kind == "roman":
        return 25
    if kind == "kwobj":
        return 30
    if kind == "alpha":
        return 36
    if kind == "letter":
        return 35
    if kind == "num":
        return 40 + int(sig[1])
    if kind == "lower":
        return 48
    if kind == "kwact":
        return 50
    if kind == "plain":
        return 60
    if kind == "bullet":
        return 70 + int(sig[1])
    return 99


def recognize_outline(layout: Layout, used: set[int]) -> Recognized:
    lines = layout.lines
    common = vocabulary([ln.text for ln in lines if ln.cells is None])
    entries, notes, unplaced = _entries(layout, used, common)
    structure = [ln for e in entries if e.sig == ("struct",) for ln in e.lines]
    entries = [e for e in entries if e.sig != ("struct",)]
    sections = _sections(entries)
    best: Recognized | None = None
    best_key = (-1.0, 0)
    built: list[Recognized] = []
    for section in sections:
        rec = _build(section, common)
        built.append(rec)
    if len(built) > 1 and all(r.orientations for r in built):
        best = max(built, key=lambda r: (_richness(r), -built.index(r)))
        others = [r for r in built if r is not best]
        for r in others:
            lines_of = sorted(r.used_lines())
            best.unplaced_lines.extend(lines_of)
        best.warnings.append(
            "Le document contient deux présentations du plan (un résumé et le plan détaillé) : "
            "la plus détaillée est gardée, l'autre est laissée dans les lignes non placées"
        )
    else:
        best = _merge(built)
    del best_key
    best.notes.extend(notes)
    best.unplaced_lines.extend(unplaced)
    best.consumed.update(structure)
    return best


def _richness(rec: Recognized) -> float:
    actions = rec.iter_actions()
    coded = sum(1 for a in actions if a.code)
    fields = sum(
        len(a.expected_results) + len(a.indicators) + len(a.actors) + bool(a.timing)
        for a in actions
    )
    return len(actions) + coded + fields * 0.5


def _merge(built: list[Recognized]) -> Recognized:
    if not built:
        return Recognized(name="outline")
    first = built[0]
    for other in built[1:]:
        first.orientations.extend(other.orientations)
        first.sources.update(other.sources)
        first.unplaced_lines.extend(other.unplaced_lines)
        first.notes.extend(other.notes)
        first.warnings.extend(other.warnings)
        first.consumed |= other.consumed
    return first


# --- Entries ---------------------------------------------------------------------------------


def _entries(
    layout: Layout, used: set[int], common: frozenset[str]
) -> tuple[list[Entry], list[tuple[str, list[int]]], list[int]]:
    lines = layout.lines
    entries: list[Entry] = []
    notes: list[tuple[str, list[int]]] = []
    unplaced: list[int] = []
    text_lines = [ln for ln in lines if ln.cells is None and ln.text.strip()]
    ghost = _ghost_bullets(text_lines)
    ocr = _ocr_bullets(text_lines)
    bullet_indents = _bullet_indent_levels(lines, ghost, ocr)
    lengths = sorted(len(ln.text.strip()) for ln in text_lines)
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else None
    cur: Entry | None = None
    blank = False
    for i, line in enumerate(lines):
        if i in used or layout.skipped(i):
            if i in layout.furniture or i in layout.header_lines:
                cur = None
                blank = True
            continue
        if line.cells is not None:
            texts = [p for c in line.cells for p in c.split("\n") if p.strip()]
            if len(texts) >= 2 and len(texts[-1]) <= 30 and status_of(texts[-1]):
                # "Action…⇥Réalisé": a status in the last cell belongs to the text before it
                texts = [*texts[:-2], f"{texts[-2]} – {texts[-1]}"]
            for t in texts:
                cur = _add_line(
                    entries,
                    cur,
                    i,
                    Line(text=t, number=line.number),
                    blank,
                    ghost,
                    ocr,
                    bullet_indents,
                    common,
                    width,
                )
                blank = False
            cur = None
            blank = True
            continue
        if not line.text.strip():
            blank = True
            continue
        if URL_RE.match(line.text):
            notes.append((clean(line.text), [i]))
            cur = None
            continue
        if cur is not None and cur.texts and not blank and _in_parenthetical(cur, line, ghost, ocr):
            # "(Responsable : …; Échéance : …)" wrapped anywhere: one text, read as a whole
            cur.texts[-1] = join_lines([cur.texts[-1], clean(line.text)])
            cur.lines.append(i)
            continue
        for part in _inline_code_parts(line, ocr):
            cur = _add_line(entries, cur, i, part, blank, ghost, ocr, bullet_indents, common, width)
            blank = False
    return entries, notes, unplaced


_SUB_ORIENTATION = re.compile(
    r"^\s*(?=[A-ZÀ-Ý])(?i:orientations?|axes?|enjeux?|priorit[ée]s?)\s+(\d{1,2}\.\d{1,2})\b(?!\.\d)"
    r"\s*[:.)–—-]?\s*"
)
_FIELD_START = re.compile(
    r"^\(\s*(?i:" + "|".join(p for _, p in FIELD_LABELS) + r")\s*(?:\([^)]{0,20}\))?\s*[:=]"
)


def _in_parenthetical(cur: Entry, line: Line, ghost: bool, ocr: set[str]) -> bool:
    """The line goes on a parenthesis left open by the entry, or opens one of fields."""
    if cur.sig[0] in ("orient", "heading", "field", "struct") or cur.tail:
        return False
    if _bullet_kind(line, False, ocr) is not None:  # an indent alone is no bullet here
        return False
    text = cur.texts[-1]
    if text.count("(") > text.count(")"):
        return bool(INLINE_FIELD.search(text[text.rfind("(") :] + " " + line.text.strip() + " :"))
    return bool(_FIELD_START.match(line.text.strip()))


def _ghost_bullets(lines: list[Line]) -> bool:
    """Bullets lost in extraction, leaving a one- or two-space indent before a capital."""
    ghosts = sum(1 for ln in lines if ln.indent in (1, 2) and _capital_start(ln.text))
    flush = sum(1 for ln in lines if ln.indent == 0)
    return ghosts >= 3 and flush >= 3


def _ocr_bullets(lines: list[Line]) -> set[str]:
    counts: dict[str, int] = {}
    for ln in lines:
        m = _OCR_BULLET.match(ln.text)
        if m and ln.text[m.end() :][:1].isupper():
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    found = {ch for ch, n in counts.items() if n >= 2 or ch not in "eo¢«»*+>-"}
    if "e" in found:
        found.add("o")  # the second level of the same list
    return found


def _bullet_indent_levels(
    lines: list[Line], ghost: bool, ocr: set[str]
) -> dict[tuple[int, str], int]:
    keys: list[tuple[int, str]] = []
    for ln in lines:
        if ln.cells is not None or not ln.text.strip():
            continue
        kind = _bullet_kind(ln, ghost, ocr)
        if kind is None:
            continue
        key = (ln.list_level if ln.list_level is not None else _indent_bucket(ln.indent), kind)
        if key not in keys:
            keys.append(key)
    # deeper indentation → deeper level; same indentation: order of first appearance,
    # except the usual second-level marks ("o", "◦", "-") after a first-level one
    second = {"o", "◦", "○", "-", "–", "▪", "§"}
    ordered = sorted(
        keys,
        key=lambda k: (
            k[0],
            1 if k[1] in second and any(x[1] not in second for x in keys if x[0] == k[0]) else 0,
            keys.index(k),
        ),
    )
    return {k: n for n, k in enumerate(ordered)}


def _indent_bucket(indent: int) -> int:
    return indent // 2


def _bullet_kind(line: Line, ghost: bool, ocr: set[str]) -> str | None:
    if line.bullet:
        return "list"
    b = bullet_of(line.text)
    if b:
        return b
    m = _OCR_BULLET.match(line.text)
    if m and m.group(1) in ocr:
        return m.group(1)
    if ghost and line.indent in (1, 2) and _capital_start(line.text):
        return "ghost"
    return None


def _capital_start(text: str) -> bool:
    t = text.strip().lstrip("«\"“'( ")
    return bool(t) and t[0].isupper()


def _add_line(
    entries: list[Entry],
    cur: Entry | None,
    i: int,
    line: Line,
    blank: bool,
    ghost: bool,
    ocr: set[str],
    levels: dict[tuple[int, str], int],
    common: frozenset[str],
    width: int | None = None,
) -> Entry | None:
    raw = line.text
    text = clean(raw)
    indent = line.indent
    # orientation keyword
    m = ORIENTATION_RE.match(text)
    if m:
        title = text[m.end() :].strip()
        e = Entry(("orient",), [i], [title] if title else [], indent=indent, blank_before=blank)
        e.code = Code(m.group(1), 1, "", "orientation", 0)
        entries.append(e)
        return e
    m = _SUB_ORIENTATION.match(text)
    if m:
        # "Orientation 1.1 – …" under "AXE 1 – …": the level below, named like an orientation
        e = Entry(("kwobj",), [i], [text[m.end() :].strip()], indent=indent, blank_before=blank)
        e.code = Code(m.group(1), 2, "", "objective", 0)
        entries.append(e)
        return e
    kind = _bullet_kind(line, ghost, ocr)
    if (
        cur is not None
        and cur.sig == ("orient",)
        and not cur.texts
        and kind is None
        and read_code(text) is None
        and field_of(text) is None
    ):
        # "ORIENTATION 1" alone: its title is the next line
        cur.texts.append(text)
        cur.lines.append(i)
        return cur
    body = text
    if kind is not None and kind not in ("list", "ghost"):
        body = strip_bullet(text) if bullet_of(text) else clean(_OCR_BULLET.sub("", raw, count=1))
    # labelled fields
    if has_indicator_label(body):
        ik, rest = indicator_kind(body)
        e = Entry(
            ("field",),
            [i],
            [rest],
            indent=indent,
            field_name="indicators",
            ind_kind=ik,
            blank_before=blank,
        )
        entries.append(e)
        return e
    f = field_of(body)
    if f is not None and not (kind is not None and f[0] in ("actors",) and not f[1]):
        name, rest = f
        # "Responsable : Direction    Échéance : Automne 2024": several fields on one line
        rest, more = _inline_fields(rest) if rest else (rest, [])
        e = Entry(
            ("field",),
            [i],
            [rest] if rest else [],
            indent=indent,
            field_name=name,
            blank_before=blank,
        )
        entries.append(e)
        for other, value in more:
            e = Entry(("field",), [i], [value], indent=indent, field_name=other)
            entries.append(e)
        return e
    if _SUBHEADING.match(body):
        # "Actions", "Moyens d'action" alone over a list: structure, not an item
        e = Entry(("struct",), [i], [], indent=indent, blank_before=blank)
        entries.append(e)
        return e
    code = read_code(body)
    sig: tuple[str, ...] | None = None
    if code is not None:
        if code.keyword:
            sig = ("kwobj",) if code.keyword == "objective" else ("kwact",)
        elif code.style:
            sig = (code.style,)
        elif code.letters:
            sig = ("letter", code.letters)
        else:
            sig = ("num", str(code.depth))
        body = body[code.end :].strip()
        if not code.keyword and code.depth == 1 and is_caps(body) and len(body) <= 250:
            # a numbered heading in capitals ("I. AMÉLIORER L'ACCÈS…") is a heading in
            # capitals: OCR and extraction often lose the number of its siblings
            sig = ("caps",)
    elif kind is not None:
        lvl = levels.get(
            (line.list_level if line.list_level is not None else _indent_bucket(indent), kind), 0
        )
        sig = ("bullet", str(lvl))
    elif line.heading is not None:
        sig = ("heading", str(line.heading))
    elif (
        is_caps(text)
        and len(text) <= 250
        and not re.fullmatch(r"\s*\([^()]*\)\s*", text)  # "(CIDC)": an acronym, not a heading
        and not (cur is not None and cur.sig == ("caps",) and not blank)
    ):
        sig = ("caps",)
    if sig is None:
        # no mark: the text goes on with the entry before, or starts a sentence of its own
        if cur is not None and _goes_on(cur, text, blank, common, width):
            if cur.sig[0] in ("bullet", "num", "kwact"):
                text, ends = _tail_fields(text)
                cur.tail.extend(ends)
            cur.texts.append(text)
            cur.lines.append(i)
            return cur
        if cur is not None and cur.sig == ("caps",) and is_caps(text) and not blank:
            cur.texts.append(text)
            cur.lines.append(i)
            return cur
        e = Entry(("plain",), [i], [text], indent=indent, blank_before=blank)
        entries.append(e)
        return e
    tail: list[tuple[str, str]] = []
    if sig[0] in ("bullet", "num", "kwact") and body:
        body, tail = _tail_fields(body)
    e = Entry(sig, [i], [body] if body else [], indent=indent, code=code, blank_before=blank)
    e.tail = tail
    entries.append(e)
    return e


def _inline_code_parts(line: Line, ocr: set[str] | None = None) -> list[Line]:
    """A line holding several items: "…avec les partenaires.2.1.4 Le comité…" (a number
    glued after a sentence), "Mobiliser les partenaires e Tenir quatre rencontres" (columns
    merged by OCR, the bullet of the second column read as "e")."""
    parts = INLINE_CODE.split(line.text)
    marks = "".join(ch for ch in (ocr or set()) if ch in "eo•▪➢✓✔◦")
    if marks:
        rx = re.compile(rf"(?<=\S)\s+(?=[{re.escape(marks)}]\s+[A-ZÀ-Ý«])")
        parts = [q for p in parts for q in rx.split(p)]
    if len(parts) == 1:
        return [line]
    return [
        Line(text=p, number=line.number, indent=line.indent if k == 0 else 0)
        for k, p in enumerate(parts)
        if p.strip()
    ]


def _goes_on(
    cur: Entry, text: str, blank: bool, common: frozenset[str], width: int | None = None
) -> bool:
    last = cur.last
    if not last:
        return not blank or cur.sig[0] in ("orient", "field", "kwobj", "kwact", "num", "letter")
    if starts_lower(text) or text[:1] in "([,;)":
        return True
    if openness(last) == 2:
        return not (blank and last.rstrip().endswith(":"))
    if blank:
        return False
    if cur.sig == ("caps",):
        return False
    if cur.field_name in ("actors",):
        return False
    return not new_item(last, text, width, common)


# --- Sections and levels ---------------------------------------------------------------------


def _sections(entries: list[Entry]) -> list[list[Entry]]:
    """Split a summary that precedes the detailed plan: before the first orientation keyword."""
    structural = [k for k, e in enumerate(entries) if e.sig[0] != "field"]
    orient_at = [k for k, e in enumerate(entries) if e.sig == ("orient",)]
    if not orient_at:
        return [entries]
    first = orient_at[0]
    before = [k for k in structural if k < first]
    if len(before) >= 6 and len({entries[k].sig for k in before}) >= 2:
        return [entries[:first], entries[first:]]
    return [entries]


def _assign_levels(entries: list[Entry]) -> tuple[dict[tuple[str, ...], int], bool]:
    """Signature → level (0 orientation, 1 objective, 2 action, 3+ parts); and whether the
    top level closes groups instead of opening them."""
    counts = _counted(entries)
    if not counts:
        return {}, False
    levels = _levels_by_strength(sorted(counts, key=strength), counts)
    trailing = False
    tops = [k for k, e in enumerate(entries) if levels.get(e.sig) == 0]
    if tops and min(levels.values()) == 0:
        lower_before = [
            k for k, e in enumerate(entries[: tops[0]]) if levels.get(e.sig, 9) in (1, 2)
        ]
        after_last = [e for e in entries[tops[-1] + 1 :] if levels.get(e.sig, 9) in (1, 2)]
        trailing = len(lower_before) >= 2 and len(after_last) <= 1 and len(tops) >= 2
    return levels, trailing


def _counted(entries: list[Entry]) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for k, e in enumerate(entries):
        if e.sig[0] == "field":
            continue
        if e.sig == ("plain",) and not _has_children(entries, k):
            continue
        counts[e.sig] = counts.get(e.sig, 0) + 1
    return counts


def _levels_by_strength(
    sigs: list[tuple[str, ...]], counts: dict[tuple[str, ...], int]
) -> dict[tuple[str, ...], int]:
    """Levels of signatures ranked by strength alone (the strongest three: O / Ob / A)."""
    levels: dict[tuple[str, ...], int] = {}
    has_orient = ("orient",) in counts
    has_obj_kw = ("kwobj",) in counts or any(s[0] == "letter" for s in sigs)
    if len(sigs) >= 3:
        for n, s in enumerate(sigs):
            levels[s] = min(n, 3)
    elif len(sigs) == 2:
        top, low = sigs
        if (
            has_orient
            or top[0] in ("heading", "caps")
            or (top[0] == "num" and top[1] == "1" and low[0] != "num")
        ):
            levels[top], levels[low] = 0, 2
        elif (
            has_obj_kw
            or top[0] in ("kwobj", "letter")
            or (top[0] == "num" and low[0] == "num" and int(low[1]) >= 3)
        ):
            levels[top], levels[low] = 1, 2
        else:
            levels[top], levels[low] = 0, 2
    else:
        levels[sigs[0]] = 0 if sigs[0] == ("orient",) else 2
    return levels


def _levels_by_nesting(entries: list[Entry]) -> dict[tuple[str, ...], int]:
    """Levels from how entries nest: a signature sits one below the stronger entry it follows.

    Two kinds of lists used side by side (bullets under one objective, numbers under the
    next) then share a level instead of being stacked by strength.
    """
    counts = _counted(entries)
    if not counts:
        return {}
    depth_votes: dict[tuple[str, ...], dict[int, int]] = {}
    stack: list[tuple[tuple[str, ...], int]] = []
    for e in entries:
        if e.sig not in counts:
            continue
        st = strength(e.sig)
        while stack and stack[-1][1] >= st:
            stack.pop()
        depth = len(stack)
        votes = depth_votes.setdefault(e.sig, {})
        votes[depth] = votes.get(depth, 0) + 1
        stack.append((e.sig, st))
    depth_of = {sig: max(v, key=lambda d: (v[d], -d)) for sig, v in depth_votes.items()}
    groups: dict[int, list[tuple[str, ...]]] = {}
    for sig, d in depth_of.items():
        groups.setdefault(d, []).append(sig)
    depths = sorted(groups)
    # the strongest signature of each depth stands for it when ranking the depths
    reps = [min(groups[d], key=strength) for d in depths]
    rep_levels = _levels_by_strength(reps, {r: counts[r] for r in reps})
    levels: dict[tuple[str, ...], int] = {}
    for d, rep in zip(depths, reps, strict=True):
        for sig in groups[d]:
            levels[sig] = rep_levels.get(rep, 3)
    return levels


def _has_children(entries: list[Entry], k: int) -> bool:
    """A plain sentence is a level only when marked entries (bullets, numbers) follow it."""
    for e in entries[k + 1 :]:
        if e.sig[0] == "field":
            continue
        return e.sig[0] in ("bullet", "num", "kwact")
    return False


# --- Building the tree -----------------------------------------------------------------------


@dataclass
class _Builder:
    rec: Recognized
    common: frozenset[str]
    ori: OrientationDraft | None = None
    obj: ObjectiveDraft | None = None
    action: ActionDraft | None = None
    action_entry: Entry | None = None
    current: str | None = None
    field_indent: int = 0
    codes: dict[str, ActionDraft] = dc_field(default_factory=dict)
    field_lines: dict[int, dict[str, list[str]]] = dc_field(default_factory=dict)
    ind_kind: str | None = None
    pending_objective_actions: list[ObjectiveDraft] = dc_field(default_factory=list)

    def orientation(self, e: Entry) -> None:
        code = e.code.code if e.code else None
        o = OrientationDraft(title=_with_tail(e), code=code)
        self.rec.orientations.append(o)
        self.rec.track(o, e.lines)
        self.ori = o
        self.obj = None
        self.action = None
        self.current = None

    def current_ori(self) -> OrientationDraft:
        if self.ori is None:
            self.ori = OrientationDraft(title="")
            self.rec.orientations.append(self.ori)
        return self.ori

    def objective(self, e: Entry) -> None:
        code = e.code
        kind = None
        if code and code.letters:
            kind = {"P": "principal", "S": "secondary"}.get(code.letters)
        ob = ObjectiveDraft(
            title=_with_tail(e), code=(code.code or None) if code else None, kind=kind
        )
        self.current_ori().objectives.append(ob)
        self.rec.track(ob, e.lines)
        self.obj = ob
        self.action = None
        self.current = None
        # "1)", "2)" numbered again under each objective are new actions, not results
        self.codes = {k: v for k, v in self.codes.items() if "." in k}

    def current_obj(self) -> ObjectiveDraft:
        if self.obj is None:
            o = self.current_ori()
            self.obj = ObjectiveDraft(title="")
            o.objectives.append(self.obj)
        return self.obj

    def new_action(self, e: Entry) -> None:
        code = (e.code.code or None) if e.code and not e.code.letters else None
        if code and e.code is not None and e.code.style == "lower" and self.obj and self.obj.code:
            # "a)", "b)" start again under each objective: "1.a", "2.a" keep them apart
            code = f"{self.obj.code}.{code}"
        if code and code in self.codes:
            # the same number again: the expected result of that action
            target = self.codes[code]
            self.action = target
            self.current = "results"
            self.field_indent = e.indent
            self.add_field(target, "results", e.texts, e.lines)
            return
        title, inline = _inline_fields(e.text)
        title, hint = split_trailing_schedule(title)
        title, status = _trailing_status(title)
        a = ActionDraft(title=title, code=code)
        if hint:
            a.timing = hint
            a.schedule_years = plan_years(hint)
        if status:
            a.status = status
        self.current_obj().actions.append(a)
        self.rec.track(a, e.lines)
        self.action = a
        self.action_entry = e
        self.current = None
        if code:
            self.codes.setdefault(code, a)
        for name, value in inline:
            self.add_field(a, name, [value], [])
        for name, value in e.tail:
            self.add_field(a, name, [value], [])

    def part(self, e: Entry) -> None:
        """A deeper entry: part of the current action's title (or an action if none)."""
        if self.action is None:
            self.new_action(e)
            return
        if self.current is not None:
            self.add_field(self.action, self.current, e.texts, e.lines)
            return
        sep = " " if self.action.title.rstrip().endswith(":") else "; "
        self.action.title = self.action.title.rstrip() + sep + clean(e.text)
        self.rec.track(self.action, e.lines)
        for name, value in e.tail:
            self.add_field(self.action, name, [value], [])

    def add_field(self, a: ActionDraft, name: str, texts: list[str], lines: list[int]) -> None:
        store = self.field_lines.setdefault(id(a), {})
        key = name if name != "indicators" else f"indicators:{self.ind_kind or ''}"
        if name == "indicators":
            store.setdefault("indicators", [])
            store["indicators"].append(
                "\x00" + (self.ind_kind or "") + "\x00" + " ".join(t for t in texts if t)
            )
        else:
            store.setdefault(key, []).extend(t for t in texts if t)
        self.rec.track(a, lines)


def _build(entries: list[Entry], common: frozenset[str]) -> Recognized:
    rec = Recognized(name="outline")
    levels, trailing = _assign_levels(entries)
    b = _Builder(rec=rec, common=common)
    if trailing:
        entries = _reorder_trailing(entries, levels)
    nested = _levels_by_nesting(entries)
    if nested:
        levels = nested
    for e in entries:
        if e.sig[0] == "field":
            _field_entry(b, e)
            continue
        lvl = levels.get(e.sig)
        if lvl is None:
            # a plain sentence that is no level: more of the current field or action, or unplaced
            if b.action is not None and b.current is not None:
                b.add_field(b.action, b.current, e.texts, e.lines)
            elif b.action is not None and e.sig == ("plain",) and not e.blank_before:
                b.add_field(b.action, "results", e.texts, e.lines)
            else:
                rec.unplaced_lines.extend(e.lines)
            continue
        if (
            b.current is not None
            and b.action is not None
            and lvl >= 2
            and e.indent > b.field_indent
            and e.sig[0] == "bullet"
        ):
            b.add_field(b.action, b.current, e.texts, e.lines)
            continue
        if lvl == 0:
            b.orientation(e)
        elif lvl == 1:
            b.objective(e)
        elif lvl == 2:
            b.new_action(e)
        else:
            b.part(e)
    _finish(b, rec)
    rec.name = "outline-summary" if trailing else "outline"
    return rec


def _reorder_trailing(entries: list[Entry], levels: dict[tuple[str, ...], int]) -> list[Entry]:
    """Move each closing top-level entry in front of the group it closes."""
    out: list[Entry] = []
    group: list[Entry] = []
    for e in entries:
        if levels.get(e.sig) == 0:
            out.append(e)
            out.extend(group)
            group = []
        else:
            group.append(e)
    out.extend(group)
    return out


def _field_entry(b: _Builder, e: Entry) -> None:
    name = e.field_name or "notes"
    target = b.action
    if target is None:
        if b.obj is not None and b.obj.actions:
            target = b.obj.actions[-1]
        elif b.obj is not None:
            # fields right under an objective: the objective is its own action
            a = ActionDraft(title=b.obj.title)
            b.obj.actions.append(a)
            b.action = a
            target = a
        else:
            b.rec.unplaced_lines.extend(e.lines)
            return
    b.current = name
    b.field_indent = e.indent
    b.ind_kind = e.ind_kind
    b.add_field(target, name, e.texts, e.lines)


def _finish(b: _Builder, rec: Recognized) -> None:
    for a in rec.iter_actions():
        store = b.field_lines.get(id(a), {})
        for name, texts in store.items():
            if name == "results":
                for item in split_items(texts, common=b.common):
                    a.expected_results.extend(_semicolon_list(item))
            elif name == "actors":
                a.actors.extend(split_actors(texts))
            elif name == "indicators":
                for raw in texts:
                    _, kind, text = raw.split("\x00", 2)
                    if not text.strip():
                        continue
                    for item in split_items([text], common=b.common) if not kind else [text]:
                        for part in _semicolon_list(item):
                            a.indicators.append(IndicatorDraft(text=clean(part), kind=kind or None))
            elif name == "schedule":
                timing = "; ".join(clean(t) for t in texts if t.strip())
                if timing:
                    a.timing = timing if not a.timing else f"{a.timing}; {timing}"
                    a.schedule_years = plan_years(a.timing) or a.schedule_years
            elif name == "status":
                status, note = status_from(texts)
                a.status = a.status or status
                if note:
                    a.progress_note = note
            elif name == "notes":
                note = join_lines(texts)
                if note:
                    a.progress_note = f"{a.progress_note}; {note}" if a.progress_note else note
    # an objective with no action of its own is its own action (as plans write it)
    for o in rec.orientations:
        if not o.objectives:
            continue
        for ob in o.objectives:
            if not ob.actions and ob.title:
                a = ActionDraft(title=ob.title)
                ob.actions.append(a)
                rec.track(a, rec.sources.get(id(ob), []))
    for o in rec.orientations:
        for ob in o.objectives:
            if not ob.title and len(o.objectives) == 1:
                ob.title = o.title


def _semicolon_list(text: str) -> list[str]:
    """ "Nombre de formations; Taux de satisfaction" → two items (each of a few words)."""
    parts = [p.strip() for p in re.split(r"\s*;\s+", text) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [text]


def _inline_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """ "Faire X (Responsable : Direction; Échéance : 2019)" → ("Faire X", [fields])."""
    parts = INLINE_FIELD.split(text)
    if len(parts) == 1:
        return text, []
    title = parts[0].strip(" ;|–—")
    fields: list[tuple[str, str]] = []
    for part in parts[1:]:
        part = part.strip().rstrip(")").strip(" ;|")
        f = field_of(part)
        if f is None or not f[1]:
            title = f"{title} {part}".strip()
            continue
        fields.append(f)
    return title, fields


def _trailing_status(text: str) -> tuple[str, str | None]:
    m = _TRAILING_STATUS.search(text)
    if m and status_of(m.group(1)) and m.start() > 5:
        return text[: m.start()].rstrip(" -–—"), status_of(m.group(1))
    return text, None


class OutlineRecognizer:
    """Headings, numbers, sentences and bullets: applies to every document."""

    name = "outline"
    prefers_known_cells = 0.0

    def applies(self, view: View) -> bool:
        return True

    def recognize(self, view: View) -> Reading | None:
        return Reading(self.name, recognize_outline(view.layout, view.used), view)
