"""What an upload really is: the content must be what its extension says."""

from __future__ import annotations

import io
import zipfile

import pytest

from jalon.core.files import upload_problem


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bilan.pdf", b"%PDF-1.7\n..."),
        ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("affiche.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("compte-rendu.docx", DOCX),
        ("compte-rendu.odt", ODT),
        ("liste.csv", "Région;Présences\nMauricie;12\n".encode("cp1252")),
        ("procès-verbal.txt", "Adopté à l'unanimité".encode()),
        ("ancien.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
    ],
)
def test_documents_and_images_of_a_follow_up_are_kept(name, content):
    assert upload_problem(name, io.BytesIO(content)) is None


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "type"),
        ("dessin.svg", b"<svg onload='alert(1)'/>", "type"),
        ("programme.exe", b"MZ\x90\x00", "type"),
        # A program or a web page renamed to look like a document.
        ("rapport.pdf", b"MZ\x90\x00\x03\x00", "content"),
        ("rapport.txt", b"<!DOCTYPE html><script>alert(1)</script>", "content"),
        ("rapport.docx", _zip({"autre.txt": b"x"}), "content"),
        ("photo.png", b"%PDF-1.4", "content"),
    ],
)
def test_other_types_and_disguised_files_are_refused(name, content, problem):
    assert upload_problem(name, io.BytesIO(content)) == problem


def test_the_stream_is_left_where_it_was():
    stream = io.BytesIO(b"%PDF-1.7 fin")
    stream.seek(3)
    upload_problem("a.pdf", stream)
    assert stream.tell() == 3
