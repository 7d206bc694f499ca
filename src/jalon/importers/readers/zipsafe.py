"""Checks on DOCX/XLSX containers before a library opens them.

Both formats are ZIP archives of XML parts. Before python-docx or openpyxl sees one, we
refuse what could cost us dearly: too many members, a total uncompressed size or a
compression ratio that betrays a zip bomb, and XML parts that declare a DTD or entities
(billion laughs, external entities): Office never writes them.
"""

from __future__ import annotations

import io
import zipfile

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import DocumentError
from ..limits import Limits

_SMALL_XML = 2 * 1024 * 1024  # parts this small are parsed in full to check they are sound


def office_kind(data: bytes) -> str | None:
    """ "docx" or "xlsx" for an Office Open XML archive, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


def check_container(data: bytes, limits: Limits, *, label: str) -> None:
    """Raise DocumentError when the archive is damaged, a zip bomb, or carries DTDs/entities."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise DocumentError(
            f"le fichier {label} est endommagé ou tronqué (archive ZIP illisible)",
            f"the {label} file is damaged or truncated (unreadable ZIP archive)",
        ) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_members:
            raise DocumentError(
                f"le fichier {label} contient {len(infos)} éléments, plus que la limite de {limits.max_zip_members}",
                f"the {label} file holds {len(infos)} members, more than the limit of {limits.max_zip_members}",
            )
        total = 0
        for info in infos:
            total += max(0, info.file_size)
            if total > limits.max_uncompressed_bytes:
                raise DocumentError(
                    f"le fichier {label} se décompresse en plus de {limits.max_uncompressed_bytes // (1024 * 1024)} Mo : "
                    "il est refusé (bombe de décompression ?)",
                    f"the {label} file expands to more than {limits.max_uncompressed_bytes // (1024 * 1024)} MB: "
                    "refused (a zip bomb?)",
                    info.filename,
                )
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
                raise DocumentError(
                    f"le fichier {label} contient un élément compressé {ratio:.0f} fois : il est refusé "
                    "(bombe de décompression ?)",
                    f"the {label} file holds a member compressed {ratio:.0f} times: refused (a zip bomb?)",
                    info.filename,
                )
        for info in infos:
            name = info.filename
            if not name.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with zf.open(info) as fh:
                    part = fh.read(info.file_size + 1)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                RuntimeError,
            ) as exc:
                raise DocumentError(
                    f"le fichier {label} est endommagé : la partie {name} est illisible",
                    f"the {label} file is damaged: part {name} cannot be read",
                    name,
                ) from exc
            _check_xml(part, name, label)


def _check_xml(part: bytes, name: str, label: str) -> None:
    declares = (
        b"<!DOCTYPE" in part.upper()
        or b"<!ENTITY" in part.upper()
        or b"<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E" in part.upper()
        or b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y" in part.upper()
    )
    if not declares and len(part) > _SMALL_XML:
        return
    try:
        SafeET.fromstring(part, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise DocumentError(
            f"le fichier {label} contient des déclarations XML interdites (DTD ou entités) : il est refusé",
            f"the {label} file contains forbidden XML declarations (DTD or entities): refused",
            name,
        ) from None
    except Exception:  # malformed XML: the part is damaged
        if declares:
            raise DocumentError(
                f"le fichier {label} contient des déclarations XML interdites (DTD ou entités) : il est refusé",
                f"the {label} file contains forbidden XML declarations (DTD or entities): refused",
                name,
            ) from None
        raise DocumentError(
            f"le fichier {label} est endommagé : la partie {name} n'est pas du XML valide",
            f"the {label} file is damaged: part {name} is not valid XML",
            name,
        ) from None
