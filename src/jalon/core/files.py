"""What kind of file an upload really is, from its first bytes, for the evidence people attach.

A name says nothing: a page of HTML or a program renamed "rapport.pdf" must not be stored as a
PDF and handed to the next reader. Jalon accepts the documents and images a follow-up uses
(PDF, Word/Excel/PowerPoint and their OpenDocument twins, images, plain text and CSV) and
checks that the content is what the extension says.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import IO

# Extension → the family its content must belong to.
ACCEPTED: dict[str, str] = {
    ".pdf": "pdf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
    ".docx": "ooxml",
    ".xlsx": "ooxml",
    ".pptx": "ooxml",
    ".odt": "odf",
    ".ods": "odf",
    ".odp": "odf",
    ".doc": "ole",
    ".xls": "ole",
    ".ppt": "ole",
    ".txt": "text",
    ".csv": "text",
    ".md": "text",
}


def _family(head: bytes, stream: IO[bytes]) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in {b"GIF87a", b"GIF89a"}:
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                if "[Content_Types].xml" in names:
                    return "ooxml"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                ):
                    return "odf"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        return None
    if b"\x00" not in head:
        sample = head.lstrip().lower()
        if sample.startswith((b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script")):
            return None  # markup a browser would run, whatever the extension
        for encoding in ("utf-8", "cp1252"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError:
                continue
            return "text"
    return None


def upload_problem(name: str, stream: IO[bytes]) -> str | None:
    """None when the file may be kept; otherwise the reason, for the message to the person."""
    extension = PurePath(name).suffix.lower()
    expected = ACCEPTED.get(extension)
    if expected is None:
        return "type"
    position = stream.tell()
    try:
        stream.seek(0)
        head = stream.read(4096)
        found = _family(head, stream)
    finally:
        stream.seek(position)
    return None if found == expected else "content"
