"""Turning the lines of one cell or field into items: actors, expected results, indicators,
schedule and status. Shared by every recognizer.

The cues are those of wrapped text: a line that starts with a capital after a line that
could end a sentence starts a new item; a line that starts in lower case, or follows a line
ending on "de", "et", a comma or an open bracket, goes on with the item before.
"""

from __future__ import annotations

import re

from ..lexicon import FUNCTION_WORDS
from ..textutil import (
    bullet_of,
    clean,
    join_lines,
    openness,
    split_status,
    starts_lower,
    status_segments,
    strip_bullet,
)

INDICATOR_LABEL = re.compile(
    r"^\s*(?P<label>MO|M\.O\.|R|IR|IMO|Indicateurs?\s+de\s+(?:mise\s+en\s+(?:œ|oe)uvre|r[ée]sultats?)|"
    r"Mise\s+en\s+(?:œ|oe)uvre)\s*(?:=|:(?!\S)|–\s|-\s)\s*",
    re.IGNORECASE,
)
_INLINE_LABEL = re.compile(r"(?<=\S)\s+(?=(?:MO|R)\s?=\s?\S)")
_SENTENCE_SPLIT = re.compile(r"(?<=[a-zà-ÿ)]{2}[.!?])\s+(?=[A-ZÀ-Ý][a-zà-ÿ'’])")
_CODE_PREFIX = re.compile(r"^\s*(?:[A-Z]{1,2}\d{1,3}|\d{1,3}(?:\.\d{1,3}){0,4})[.)]?\s+(?=\S)")


def indicator_kind(text: str) -> tuple[str | None, str]:
    """("MO", "Nombre d'ateliers tenus") from "MO = Nombre d'ateliers tenus"; the label removed."""
    m = INDICATOR_LABEL.match(text)
    if not m:
        return None, clean(text)
    label = m.group("label").lower().replace(".", "")
    rest = clean(text[m.end() :])
    if label in ("mo", "imo") or "mise" in label:
        kind = "MO"
    elif label in ("r", "ir") or label.startswith(("résultat", "resultat", "indicateur")):
        kind = "R"
    else:
        kind = None
    return kind, rest


def has_indicator_label(text: str) -> bool:
    return INDICATOR_LABEL.match(text) is not None


def split_inline_labels(text: str) -> list[str]:
    """ "Partage d'information MO = 8 rencontres" → ["Partage d'information", "MO = 8 rencontres"]."""
    parts = _INLINE_LABEL.split(text)
    return [p for p in parts if p.strip()]


def first_word(text: str) -> str:
    m = re.match(r"\s*([^\s]+)", text)
    return m.group(1) if m else ""


def continues(prev: str, line: str) -> bool:
    """Does `line` go on with the item whose last line is `prev`?"""
    t = line.strip()
    if not t:
        return False
    if t[0] in "([{" or starts_lower(t) or t[0] in ",;:.)»…":
        return True
    return openness(prev) == 2 and not (prev.rstrip().endswith(":") and bullet_of(t))


def vocabulary(texts: list[str]) -> frozenset[str]:
    """Words the document writes in lower case somewhere: capitalised, they start a sentence."""
    found: set[str] = set()
    for text in texts:
        for m in re.finditer(r"(?<![\w'’])([a-zà-ÿœ][a-zà-ÿœ]+)", text):
            found.add(m.group(1))
    return frozenset(found)


def new_item(
    prev: str, line: str, width: int | None = None, common: frozenset[str] = frozenset()
) -> bool:
    """Does `line` start a new item after an item whose last line is `prev`?"""
    if continues(prev, line):
        return False
    t = line.strip()
    if bullet_of(t):
        return True
    op = openness(prev)
    if op == 0:
        return True
    w = first_word(t).strip("«\"'")
    core = re.split(r"['’]", w)[0]
    if core.lower() in FUNCTION_WORDS and core[:1].isupper():
        return True  # "Le …", "Les …", "Un …", "L'…": a sentence starts
    if re.fullmatch(r"(?:An|Ans|Année|Années|Year)", core) and re.match(r"\s*\w+\s*\d", t):
        return True  # "An 4 : …", "Ans 1 et 2 : …"
    if w.isupper() and len(w) > 1:
        return False  # an acronym goes on the sentence ("… du CISSS")
    if core[:1].isupper() and core[1:].islower() and core.lower() in common:
        return True  # a common word with a capital: a new sentence, not a name
    if width:
        return len(prev.rstrip()) < 0.8 * width
    return True


def split_items(
    lines: list[str],
    *,
    width: int | None = None,
    hard: set[int] | None = None,
    common: frozenset[str] = frozenset(),
) -> list[str]:
    """Lines of a results (or unlabeled indicators) cell → one string per item."""
    items: list[list[str]] = []
    hard = hard or set()
    for k, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            continue
        bullet = bullet_of(line)
        text = strip_bullet(line) if bullet else line.strip()
        if not items:
            items.append([text])
            continue
        prev = items[-1][-1]
        if (
            bullet
            or (k in hard and not continues(prev, text))
            or new_item(prev, text, width, common)
        ):
            items.append([text])
        else:
            items[-1].append(text)
    out: list[str] = []
    for it in items:
        joined = join_lines(it)
        for part in _SENTENCE_SPLIT.split(joined):
            part = part.strip()
            if part:
                out.append(part)
    return [o for o in out if any(c.isalnum() for c in o)]


def split_actors(lines: list[str]) -> list[str]:
    """Lines of an actors cell → one string per role or partner."""
    names: list[list[str]] = []
    for raw in lines:
        line = strip_bullet(raw).strip()
        if not line:
            continue
        if names and (continues(names[-1][-1], line) or _dangling(names[-1][-1])):
            names[-1].append(line)
        else:
            names.append([line])
    out: list[str] = []
    for n in names:
        joined = join_lines(n)
        for part in re.split(r"\s*[;,]\s*(?![^()]*\))|\s+/\s+|\s+-\s+", joined):
            part = part.strip(" .:")
            if part and any(c.isalpha() for c in part):
                out.append(part)
    return out


def _dangling(text: str) -> bool:
    return openness(text) == 2


def split_indicators(
    lines: list[str], *, width: int | None = None, common: frozenset[str] = frozenset()
) -> list[tuple[str | None, str]]:
    """Lines of an indicators cell → (kind, text) items, a label starting each labelled one."""
    items: list[tuple[str | None, list[str]]] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        for part in split_inline_labels(line):
            stripped = strip_bullet(part)
            if has_indicator_label(stripped):
                kind, rest = indicator_kind(stripped)
                items.append((kind, [rest] if rest else []))
            elif items and (
                not items[-1][1]
                or items[-1][0] is not None
                or not new_item(items[-1][1][-1], stripped, width, common)
            ):
                if items[-1][1] or stripped:
                    items[-1][1].append(stripped)
            else:
                items.append((None, [stripped]))
    out: list[tuple[str | None, str]] = []
    for kind, parts in items:
        text = join_lines(parts)
        if text and any(c.isalnum() for c in text):
            out.append((kind, text))
    return out


def status_from(texts: list[str]) -> tuple[str | None, str | None]:
    """Status code and progress note from the lines of a progress cell."""
    status: str | None = None
    notes: list[str] = []
    for text in texts:
        for seg in status_segments(text) or [text]:
            code, rest = split_status(seg)
            if code and status is None:
                status = code
                if rest:
                    notes.append(rest)
            elif code:
                notes.append(seg)
            elif rest:
                notes.append(rest)
    note = "; ".join(notes) or None
    return status, note
