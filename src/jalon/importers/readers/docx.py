"""DOCX → lines: paragraphs with their style, heading level and list numbering; tables row by row.

Word keeps automatic numbering ("1.", "1.1", bullets) out of the paragraph text; we rebuild
it from the numbering definitions so the recognizers see "1.2 Objectif…" as the reader of
the document does. Merged cells are read once: a horizontally merged cell fills its first
column, a vertically merged one its first row, the others stay empty.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..blocks import Document, Line
from ..errors import DocumentError
from ..limits import Limits
from .zipsafe import check_container

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, limits: Limits) -> Document:
    check_container(data, limits, label="DOCX")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(
            "le fichier DOCX est endommagé ou n'est pas un document Word",
            "the DOCX file is damaged or not a Word document",
        ) from exc
    numbering = _Numbering(document)
    reader = _Reader(document, numbering, limits)
    reader.body(document.element.body)
    return Document(lines=reader.lines, format="docx", pages=0, warnings=reader.warnings)


class _Numbering:
    """Labels of Word's automatic numbering ("1.", "1.2.", "a)", bullets)."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.abstract_of: dict[str, str] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId") or ""
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl") or 0)
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = int(_val(lvl.find(f"{_W}start")) or 1)
                levels[ilvl] = (fmt, text, start)
            abstract[aid] = levels
        for num in root.findall(f"{_W}num"):
            nid = num.get(f"{_W}numId") or ""
            ref = num.find(f"{_W}abstractNumId")
            aid = _val(ref) or ""
            self.abstract_of[nid] = aid
            for ilvl, spec in abstract.get(aid, {}).items():
                self.formats[(nid, ilvl)] = spec

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """(label text, is a bullet) for the next paragraph of this list at this level."""
        spec = self.formats.get((num_id, ilvl))
        if spec is None:
            return None, True
        fmt, text, _ = spec
        if fmt in ("bullet", "none"):
            return None, True
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 9)
        while len(counters) <= ilvl:
            counters.append(0)
        for k in range(ilvl):
            if counters[k] == 0:
                counters[k] = self._start(num_id, k)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else self._start(num_id, ilvl)
        for k in range(ilvl + 1, len(counters)):
            counters[k] = 0

        def repl(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters[level] if level < len(counters) else 0
            lf = self.formats.get((num_id, level), (fmt, "", 1))[0]
            return _format_number(value, lf)

        return re.sub(r"%(\d)", repl, text), False

    def _start(self, num_id: str, ilvl: int) -> int:
        return self.formats.get((num_id, ilvl), ("decimal", "", 1))[2]


def _val(el: Any) -> str | None:
    if el is None:
        return None
    value = el.get(f"{_W}val")
    return str(value) if value is not None else None


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out


class _Reader:
    def __init__(self, document: Any, numbering: _Numbering, limits: Limits) -> None:
        self.document = document
        self.numbering = numbering
        self.limits = limits
        self.lines: list[Line] = []
        self.warnings: list[str] = []
        self.tables = 0
        self.paragraphs = 0
        self.styles: dict[str, tuple[str, Any]] = {}
        self.default_style: str | None = None
        try:
            root = document.styles.element
        except (KeyError, ValueError, AttributeError):
            root = None
        if root is not None:
            for st in root.findall(f"{_W}style"):
                sid = st.get(f"{_W}styleId") or ""
                name_el = st.find(f"{_W}name")
                name = _val(name_el) or sid
                self.styles[sid] = (name, st.find(f"{_W}pPr"))
                if st.get(f"{_W}type") == "paragraph" and st.get(f"{_W}default") in ("1", "true"):
                    self.default_style = sid

    def style_of(self, p: Any) -> tuple[str, Any]:
        """Name and paragraph properties of a paragraph's style (read from the XML, fast)."""
        ppr = p.find(f"{_W}pPr")
        sid = None
        if ppr is not None:
            sid = _val(ppr.find(f"{_W}pStyle"))
        sid = sid or self.default_style or ""
        return self.styles.get(sid, (sid, None))

    def add(self, line: Line) -> None:
        if len(self.lines) >= self.limits.max_lines:
            raise DocumentError(
                f"le document compte plus de {self.limits.max_lines} paragraphes et lignes de tableau",
                f"the document has more than {self.limits.max_lines} paragraphs and table rows",
            )
        self.lines.append(line)

    def body(self, body: Any) -> None:
        for child in body.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child)
            elif tag == f"{_W}tbl":
                self.table(child)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.body(content)

    def paragraph(self, p: Any) -> None:
        from docx.text.paragraph import Paragraph

        para = Paragraph(p, self.document)
        self.paragraphs += 1
        text, heading, level, bullet, label = self.paragraph_text(para)
        number = len(self.lines) + 1
        runs = [r for r in para.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        self.add(
            Line(
                text=text,
                number=number,
                where=f"paragraphe {self.paragraphs}",
                heading=heading,
                list_level=level,
                bullet=bullet and label is None,
                bold=bold,
                style=self.style_of(p)[0],
            )
        )

    def paragraph_text(self, para: Any) -> tuple[str, int | None, int | None, bool, str | None]:
        text = para.text.replace("\t", "   ")
        style, style_ppr = self.style_of(para._p)
        heading = _heading_level(style, para)
        level: int | None = None
        bullet = False
        label: str | None = None
        num = _num_pr(para, style_ppr)
        if num is not None:
            num_id, ilvl = num
            level = ilvl
            label, bullet = self.numbering.label(num_id, ilvl)
            if label:
                text = f"{label} {text}"
        elif "list bullet" in style.lower() or "liste à puces" in style.lower():
            bullet = True
            m = re.search(r"(\d)$", style)
            level = int(m.group(1)) - 1 if m else 0
        return text, heading, level, bullet, label

    def table(self, tbl: Any) -> None:
        from docx.table import Table, _Cell

        self.tables += 1
        table = Table(tbl, self.document)
        for row_no, tr in enumerate(tbl.findall(f"{_W}tr"), start=1):
            cells: list[str] = []
            before = _grid_before(tr)
            cells.extend([""] * before)
            for tc in tr.findall(f"{_W}tc"):
                span = _grid_span(tc)
                # a vertically merged cell is read in its first row only
                text = "" if _v_merge(tc) == "continue" else self.cell_text(_Cell(tc, table))
                cells.append(text)
                cells.extend([""] * (span - 1))
            while cells and not cells[-1]:
                cells.pop()
            number = len(self.lines) + 1
            self.add(
                Line(
                    text=" ".join(c.replace("\n", " ") for c in cells if c),
                    number=number,
                    where=f"tableau {self.tables}, ligne {row_no}",
                    cells=cells,
                    table=self.tables,
                )
            )

    def cell_text(self, cell: Any) -> str:
        parts: list[str] = []
        for child in cell._tc.iterchildren():
            if child.tag == f"{_W}p":
                from docx.text.paragraph import Paragraph

                para = Paragraph(child, cell)
                text, _, level, bullet, _ = self.paragraph_text(para)
                if not text.strip():
                    continue
                if bullet:
                    text = "  " * (level or 0) + "• " + text.strip()
                parts.append(text)
            elif child.tag == f"{_W}tbl":
                for tr in child.findall(f"{_W}tr"):
                    row = []
                    for tc in tr.findall(f"{_W}tc"):
                        from docx.table import _Cell

                        row.append(self.cell_text(_Cell(tc, cell)).replace("\n", " "))
                    joined = " ; ".join(x for x in row if x)
                    if joined:
                        parts.append(joined)
        return "\n".join(parts)


def _heading_level(style: str, para: Any) -> int | None:
    s = style.lower()
    m = re.match(r"^(?:heading|titre|title)\s*(\d)$", s)
    if m:
        return int(m.group(1))
    if s in ("title", "titre"):
        return 0
    ppr = para._p.pPr
    if ppr is not None:
        outline = ppr.find(f"{_W}outlineLvl")
        value = _val(outline)
        if value is not None and value.isdigit() and int(value) < 9:
            return int(value) + 1
    return None


def _num_pr(para: Any, style_ppr: Any) -> tuple[str, int] | None:
    ppr = para._p.pPr
    candidates = []
    if ppr is not None:
        candidates.append(ppr.find(f"{_W}numPr"))
    if style_ppr is not None:
        candidates.append(style_ppr.find(f"{_W}numPr"))
    for num_pr in candidates:
        if num_pr is None:
            continue
        num_id = _val(num_pr.find(f"{_W}numId"))
        ilvl = _val(num_pr.find(f"{_W}ilvl"))
        if num_id and num_id != "0":
            return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
    return None


def _grid_span(tc: Any) -> int:
    tcpr = tc.find(f"{_W}tcPr")
    if tcpr is None:
        return 1
    value = _val(tcpr.find(f"{_W}gridSpan"))
    return max(1, min(int(value), 64)) if value and value.isdigit() else 1


def _v_merge(tc: Any) -> str | None:
    tcpr = tc.find(f"{_W}tcPr")
    if tcpr is None:
        return None
    vm = tcpr.find(f"{_W}vMerge")
    if vm is None:
        return None
    return _val(vm) or "continue"


def _grid_before(tr: Any) -> int:
    trpr = tr.find(f"{_W}trPr")
    if trpr is None:
        return 0
    value = _val(trpr.find(f"{_W}gridBefore"))
    return max(0, min(int(value), 64)) if value and value.isdigit() else 0
