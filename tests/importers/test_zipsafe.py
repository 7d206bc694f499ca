"""The container check refuses DTDs and entities in every XML part of a DOCX or XLSX, whatever
its size: a part over the 2 MB parsed in full is still searched for declarations."""

from __future__ import annotations

import io
import zipfile

import pytest

from jalon.importers import DocumentError, Limits
from jalon.importers.readers.zipsafe import check_container

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DECLARATION = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
)


def _docx(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    # Stored, not deflated: a large part must not look like a zip bomb to the ratio check.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", document_xml)
    return out.getvalue()


def _body(size: int) -> bytes:
    paragraph = b"<w:p><w:r><w:t>Organiser la rencontre r\xc3\xa9gionale</w:t></w:r></w:p>"
    return (
        b"<w:document "
        + W
        + b"><w:body>"
        + paragraph * (size // len(paragraph))
        + (b"<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>")
    )


LIMITS = Limits(max_uncompressed_bytes=50 * 1024 * 1024)


@pytest.mark.parametrize("size", [1_000, 3 * 1024 * 1024], ids=["small part", "part over 2 MB"])
def test_an_entity_declaration_is_refused_in_a_part_of_any_size(size):
    data = _docx(DECLARATION + _body(size))
    with pytest.raises(DocumentError) as refused:
        check_container(data, LIMITS, label="DOCX")
    assert refused.value.message == (
        "le fichier DOCX contient des déclarations XML interdites (DTD ou entités) : il est refusé"
    )
    assert refused.value.where == "word/document.xml"


def test_a_large_sound_part_without_declarations_is_accepted():
    body = _body(3 * 1024 * 1024).replace(b"&e;", b"fin")
    check_container(_docx(b'<?xml version="1.0"?>\n' + body), LIMITS, label="DOCX")
