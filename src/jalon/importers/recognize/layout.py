"""Page furniture: what a page layout adds around the plan, found before recognizing the plan.

- column header runs: the table header a PDF repeats on every page ("OBJECTIFS", "MOYENS
  D'ACTION", "ACTEURS", "An 1"…, spread over several lines); each marks a page break and says
  which columns follow, in order;
- running headers and footers: a line repeated on several pages that names the plan or the
  page ("Plan d'action … 2017-2020", "Page 3 de 12");
- footnotes: a lone small number followed by its text, at the foot of a page, and the marks
  they leave glued to words ("ruraux2").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..blocks import Line
from ..textutil import clean, fold
from .columns import header_line_roles

ORIENTATION_RE = re.compile(
    r"^\s*(?=[A-ZÀ-Ý])(?:orientations?|axes?|enjeux?|priorit[ée]s?|domaines?|champs? d'action|"
    r"goals?|strategic (?:directions?|priorit(?:y|ies)))\b(?:\s+strat[ée]giques?)?\s*"
    r"(?:n[o°º]\.?\s*)?(\d{1,2}|[IVX]{1,4}|[A-H](?=\s*[:.)–—-]))\b(?!\.\d)\s*(?:[:.)–—-]\s*)?",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^\s*[A-ZÀ-Ýa-zà-ÿ][\w'’()]*(?:\s+[\w'’()]+){0,3}\s*:\s*\S")
PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:(?:page|p\.)\s*\d{1,4}(?:\s*(?:de|sur|/|of)\s*\d{1,4})?|\d{1,4}\s*(?:/|de|sur|of)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])\s*$",
    re.IGNORECASE,
)
URL_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


@dataclass
class HeaderRun:
    start: int  # index of the first line
    end: int  # index after the last line
    roles: list[str]


@dataclass
class Layout:
    lines: list[Line]
    headers: list[HeaderRun] = field(default_factory=list)
    header_lines: set[int] = field(default_factory=set)
    furniture: set[int] = field(default_factory=set)  # running headers, footers, page numbers
    breaks: set[int] = field(default_factory=set)  # a page starts before these line indexes
    footnote_lines: set[int] = field(default_factory=set)
    footnotes: list[tuple[str, list[int]]] = field(default_factory=list)  # text, line indexes
    footnote_marks: set[str] = field(default_factory=set)
    removed_furniture: list[str] = field(default_factory=list)
    # a table of contents: left out of the plan, still reported among the unplaced lines
    contents: set[int] = field(default_factory=set)

    def skipped(self, i: int) -> bool:
        return (
            i in self.header_lines
            or i in self.furniture
            or i in self.footnote_lines
            or i in self.contents
        )


def analyse(lines: list[Line], title: str = "") -> Layout:
    layout = Layout(lines=lines)
    _find_header_runs(layout)
    _find_furniture(layout, title)
    _find_footnotes(layout)
    _find_contents(layout)
    for i, line in enumerate(lines):
        if line.page_break_before:
            layout.breaks.add(i)
    return layout


def _text_lines(lines: list[Line]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.cells is None and ln.text.strip()]


def _find_header_runs(layout: Layout) -> None:
    lines = layout.lines
    idx = _text_lines(lines)
    k = 0
    while k < len(idx):
        run: list[int] = []
        roles: list[str] = []
        j = k
        while j < len(idx):
            text = lines[idx[j]].text
            if ORIENTATION_RE.match(text) and re.search(r"\d|[IVX]", text):
                break
            r = header_line_roles(text)
            stripped = text.strip()
            if r is None or (r and stripped[:1].islower()) or stripped.endswith((",", ";")):
                break
            # a header spreads over nearby lines only
            if run and idx[j] - run[-1] > 6:
                break
            run.append(idx[j])
            roles.extend(r)
            j += 1
        distinct = list(dict.fromkeys(roles))
        if len(distinct) >= 2 and any(r in distinct for r in ("action", "objective")):
            # trim leading/trailing lines that name nothing (stray numbers) but keep inner ones
            layout.headers.append(HeaderRun(run[0], run[-1] + 1, distinct))
            layout.header_lines.update(run)
            layout.breaks.add(run[0])
            k = j
        else:
            k = max(j, k + 1) if not run else k + 1
    # blank lines inside a run belong to it
    for h in layout.headers:
        for i in range(h.start, h.end):
            if not lines[i].text.strip():
                layout.header_lines.add(i)


def _find_furniture(layout: Layout, title: str) -> None:
    lines = layout.lines
    idx = [i for i in _text_lines(lines) if i not in layout.header_lines]
    keys = {i: _furniture_key(lines[i].text) for i in idx}
    counts = Counter(k for k in keys.values() if k)
    ftitle = fold(title)
    for i in idx:
        text = lines[i].text
        if PAGE_NUMBER_RE.match(text):
            layout.furniture.add(i)
            layout.breaks.add(i)
            continue
        if is_markup(text):
            layout.furniture.add(i)  # a web page's tags or style sheet left in the text
            continue
        key = keys[i]
        if not key or counts[key] < 2 or len(key) < 6:
            continue
        f = fold(text)
        named = (
            re.search(r"\b(?:19|20)\d\d\b", f)
            or re.search(r"\b(?:plan|page|rapport|bilan|document|version)\b", f)
            or (ftitle and ((f in ftitle and len(f) >= 0.6 * len(ftitle)) or ftitle in f))
        )
        # "Échéancier : 2025" repeated under several actions is content, not furniture
        labelled = _LABELLED.match(text) and "page" not in f
        if (
            named
            and not labelled
            and not re.match(r"^\s*\d+(?:\.\d+)*[.)]?\s", text)
            and len(f) <= 120
        ):
            # the title line itself is not furniture the first time it appears
            if ftitle and fold(clean(text)) == ftitle and i == _first_with_key(keys, key):
                continue
            layout.furniture.add(i)
            layout.breaks.add(i)
            layout.removed_furniture.append(clean(text))


_TAG = re.compile(r"<[!/]?[A-Za-z][^<>]*>")
_CSS_RULE = re.compile(r"[\w-]+\s*:\s*[^;{}]+;")


def is_markup(text: str) -> bool:
    """A line of HTML tags (with at most a few words between them) or of a style sheet."""
    t = text.strip()
    if t.startswith("<") and _TAG.match(t):
        rest = _TAG.sub(" ", t)
        return len(rest.split()) <= 3 and "<" not in rest
    return ("{" in t or "}" in t) and bool(_CSS_RULE.search(t) or re.fullmatch(r"[}\s]*", t))


def _first_with_key(keys: dict[int, str], key: str) -> int:
    return min(i for i, k in keys.items() if k == key)


def _furniture_key(text: str) -> str:
    f = fold(text)
    f = re.sub(r"\d+", "#", f) if PAGE_NUMBER_RE.match(text) else f
    return re.sub(r"[^\w#]+", " ", f).strip()


_MARK_LINE = re.compile(r"^\s*(\d{1,2}|[*†‡§]|\(\d{1,2}\))\s*$")


def _find_footnotes(layout: Layout) -> None:
    """Footnotes: a lone mark line followed by text, in a zone that ends at a page break."""
    lines = layout.lines
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if layout.skipped(i) or line.cells is not None:
            i += 1
            continue
        # a footnote rule drawn with spaces or underscores introduces the zone
        rule = (len(line.text) >= 20 and not line.text.strip()) or re.fullmatch(
            r"\s*[_‐-]{10,}\s*", line.text
        )
        m = _MARK_LINE.match(line.text)
        if not rule and not m:
            i += 1
            continue
        start = i + 1 if rule else i
        zone = _footnote_zone(layout, start)
        if zone is None:
            i += 1
            continue
        for text, members, mark in zone:
            layout.footnotes.append((text, members))
            layout.footnote_lines.update(members)
            if mark:
                layout.footnote_marks.add(mark)
        if rule:
            layout.footnote_lines.add(i)
        i = max(members[-1] for _, members, _ in zone) + 1


def _footnote_zone(layout: Layout, start: int) -> list[tuple[str, list[int], str]] | None:
    """Footnotes from `start` up to the next page break; None unless it ends at one."""
    lines = layout.lines
    notes: list[tuple[str, list[int], str]] = []
    i = start
    n = len(lines)
    while i < n and not lines[i].text.strip() and lines[i].cells is None:
        i += 1
    while i < n:
        if i in layout.breaks or layout.skipped(i) or lines[i].cells is not None:
            break
        m = _MARK_LINE.match(lines[i].text)
        if not m:
            if not lines[i].text.strip():
                i += 1
                continue
            return None
        mark = m.group(1).strip("()")
        members = [i]
        body: list[str] = []
        j = i + 1
        while j < n and not lines[j].text.strip() and lines[j].cells is None:
            members.append(j)
            j += 1
        while j < n and lines[j].text.strip() and lines[j].cells is None:
            if j in layout.breaks or layout.skipped(j) or _MARK_LINE.match(lines[j].text):
                break
            body.append(lines[j].text)
            members.append(j)
            j += 1
        if not body:
            return None
        notes.append((" ".join(clean(b) for b in body), members, mark))
        i = j
    if not notes or (i >= n and not notes):
        return None
    if i < n and not (i in layout.breaks or layout.skipped(i)):
        return None
    return notes


_CONTENTS_HEAD = re.compile(
    r"^\s*(?:table\s+des\s+mati[èe]res|sommaire|contents|table\s+of\s+contents)\s*:?\s*$",
    re.IGNORECASE,
)
_CONTENTS_ENTRY = re.compile(
    r"^(?P<text>.*?\S)(?P<leader>\s*(?:\.{3,}|…+|(?:\s\.)+)\s*|\s+)(?P<page>\d{1,3})$"
)
# a number after these words is part of the text ("An 3", "Phase 2"), not a page
_NOT_PAGE = re.compile(
    r"(?i:\b(?:ans?|ann[ée]es?|years?|phases?|[ée]tapes?|niveaux?|tomes?|volets?))$"
)


def _contents_page(text: str) -> int | None:
    m = _CONTENTS_ENTRY.match(text)
    if not m or len(m.group("text")) > 120:
        return None
    if not m.group("leader").strip() and _NOT_PAGE.search(m.group("text")):
        return None
    return int(m.group("page"))


def _find_contents(layout: Layout) -> None:
    """A table of contents: three or more entries ending on page numbers that never go
    down, under a "Table des matières" heading or led by dot leaders (an entry may wrap)."""
    lines = layout.lines
    idx = [i for i in _text_lines(lines) if not layout.skipped(i)]
    k = 0
    while k < len(idx):
        run: list[int] = []
        pages: list[int] = []
        wrapped = 0
        j = k
        while j < len(idx):
            text = clean(lines[idx[j]].text)
            page = _contents_page(text)
            if page is not None and (not pages or page >= pages[-1]):
                run.append(idx[j])
                pages.append(page)
                wrapped = 0
            elif pages and wrapped == 0 and j + 1 < len(idx) and len(text) <= 120:
                nxt = _contents_page(clean(lines[idx[j + 1]].text))
                if nxt is None or nxt < pages[-1]:
                    break
                run.append(idx[j])
                wrapped = 1
            else:
                break
            j += 1
        head = k > 0 and bool(_CONTENTS_HEAD.match(clean(lines[idx[k - 1]].text)))
        dotted = sum(1 for i in run if re.search(r"\.{3,}|…", lines[i].text))
        if len(pages) >= 3 and (head or dotted >= 2) and pages[-1] > pages[0]:
            layout.contents.update(run)
            if head:
                layout.contents.add(idx[k - 1])
            k = j
        else:
            k += 1
