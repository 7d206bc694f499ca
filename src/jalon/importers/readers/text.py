"""Plain text → lines: decoding in any common encoding, stray HTML removed, tab tables kept.

Text reaches us from many places: a copy of a Word table (cells separated by tabs, sometimes
with HTML fragments of the cells' lists and paragraphs), text extracted from a PDF (columns
side by side on one line, separated by runs of spaces), OCR output. The reader keeps what
recognizers need: indentation, runs of spaces inside a line, and tab-separated cells.
"""

from __future__ import annotations

import codecs
import html
import re

from ..blocks import Document, Line
from ..errors import DocumentError
from ..limits import Limits

_PARA_TAGS = r"p|br|li|div|tr|h[1-6]|ul|ol|table|dt|dd|blockquote|section|article|header|footer"
_INLINE_TAGS = (
    r"i|b|u|em|strong|span|font|a|sup|sub|small|big|mark|s|strike|del|ins|abbr|cite|q|code|td|th"
    r"|tbody|thead|tfoot|col|colgroup|caption|img|hr|meta|link|style|script|html|head|body|title"
    r"|o:p|w:\w+|v:\w+|nobr|center"
)
_PARA_RE = re.compile(rf"</?(?:{_PARA_TAGS})(?:\s[^<>]{{0,400}})?/?>", re.IGNORECASE)
_INLINE_RE = re.compile(rf"</?(?:{_INLINE_TAGS})(?:\s[^<>]{{0,400}})?/?>", re.IGNORECASE)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_STYLE_BLOCK_RE = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
PARA = "\u2029"  # paragraph separator left where a block tag was, inside a line


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → text and the encoding used.

    BOMs first (UTF-8, UTF-16, UTF-32); then UTF-16 without BOM (NUL bytes on one side);
    then strict UTF-8; then cp1252 when its typographic characters (0x80–0x9F) are present
    and valid, else latin-1.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "UTF-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", "UTF-32"), "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", "UTF-16"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", "UTF-16"), "utf-16-be"
    sample = data[:65536]
    if len(sample) >= 4:
        even_nul = sample[0::2].count(0)
        odd_nul = sample[1::2].count(0)
        half = len(sample) / 2
        if odd_nul > 0.3 * half and even_nul < 0.05 * half:
            return _strict(data[: len(data) // 2 * 2], "utf-16-le", "UTF-16"), "utf-16-le"
        if even_nul > 0.3 * half and odd_nul < 0.05 * half:
            return _strict(data[: len(data) // 2 * 2], "utf-16-be", "UTF-16"), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if "16" not in encoding else None
        where = f"ligne {line}" if line else f"octet {exc.start}"
        raise DocumentError(
            f"le texte annonce l'encodage {label} mais contient des octets invalides",
            f"the text declares {label} but contains invalid bytes",
            where,
        ) from None


def strip_html(text: str) -> str:
    """Remove stray HTML: block tags become paragraph breaks, inline tags vanish, entities decoded."""
    if "<" in text:
        text = _COMMENT_RE.sub(" ", text)
        text = _STYLE_BLOCK_RE.sub(" ", text)
        text = _PARA_RE.sub(PARA, text)
        text = _INLINE_RE.sub("", text)
    if "&" in text:
        text = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    return text


def _check_textual(text: str) -> None:
    sample = text[:20000]
    if not sample:
        return
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > max(8, len(sample) // 50):
        raise DocumentError(
            "ce fichier ne contient pas de texte lisible (fichier binaire ?) ; choisissez le bon "
            "format ou collez le texte du plan",
            "this file holds no readable text (a binary file?); choose the right format or paste "
            "the plan's text",
        )


def read_text(data: bytes, limits: Limits) -> Document:
    text, encoding = decode(data)
    _check_textual(text)
    return lines_from_text(text, limits, encoding=encoding)


def lines_from_text(text: str, limits: Limits, *, encoding: str = "utf-8") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    if len(raw_lines) > limits.max_lines:
        raise DocumentError(
            f"le texte compte {len(raw_lines)} lignes, plus que la limite de {limits.max_lines}",
            f"the text has {len(raw_lines)} lines, more than the limit of {limits.max_lines}",
        )
    tab_rows = sum(1 for ln in raw_lines if ln.strip() and "\t" in ln.strip("\t ") + "x")
    use_tabs = sum(1 for ln in raw_lines if ln.count("\t") >= 2) >= 2 or (
        tab_rows >= 3 and sum(1 for ln in raw_lines if "\t" in ln.strip()) >= 3
    )
    lines: list[Line] = []
    table = 0
    in_table = False
    page = 1
    for number, raw in enumerate(raw_lines, start=1):
        page_break = False
        if "\f" in raw:
            page_break = True
            page += raw.count("\f")
            raw = raw.replace("\f", " ")
        raw = strip_html(raw)
        where = f"ligne {number}"
        if use_tabs and "\t" in raw and raw.strip(" \t" + PARA):
            if not in_table:
                table += 1
                in_table = True
            cells = [_cell_text(c) for c in raw.split("\t")]
            while len(cells) > 1 and not cells[-1]:
                cells.pop()
            lines.append(
                Line(
                    text=" ".join(c.replace("\n", " ") for c in cells if c),
                    number=number,
                    where=where,
                    page=page,
                    cells=cells,
                    table=table,
                    page_break_before=page_break,
                )
            )
            continue
        if raw.strip(" \t" + PARA) and in_table:
            in_table = False
        raw = raw.expandtabs(4) if not use_tabs else raw.replace("\t", "    ")
        parts = raw.split(PARA) if PARA in raw else [raw]
        if PARA in raw:
            parts = [p for p in parts if p.strip()] or [""]
        for part in parts:
            stripped = part.rstrip()
            indent = len(stripped) - len(stripped.lstrip(" "))
            lines.append(
                Line(
                    text=stripped.replace("\u00a0", " "),
                    number=number,
                    where=where,
                    page=page,
                    indent=indent,
                    page_break_before=page_break,
                )
            )
            page_break = False
    return Document(lines=lines, format="text", pages=page, warnings=[])


def _cell_text(cell: str) -> str:
    parts = [re.sub(r"\s+", " ", p).strip() for p in cell.split(PARA)]
    return "\n".join(p for p in parts if p)
