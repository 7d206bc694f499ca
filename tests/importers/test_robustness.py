"""Bad input gets a DocumentError with a clear message, never another exception, and costs
little: random text, mutated text plans, truncated and corrupted files, zip bombs, XML entity
attacks, scans without text, size and page limits."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jalon.importers import FORMATS, DocumentError, Limits, import_document
from jalon.plans.interchange import PlanDraft

from .builders import build_docx, build_pdf, build_xlsx
from .conftest import FIXTURES, plan_of

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _import_or_error(data: bytes, name: str, fmt: str | None = None) -> PlanDraft | DocumentError:
    try:
        return import_document(data, name, fmt=fmt)
    except DocumentError as exc:
        assert exc.message and exc.message_en
        return exc


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text_gives_a_draft_or_a_document_error(text: str) -> None:
    result = _import_or_error(text.encode("utf-8", "surrogatepass"), "plan.txt")

    assert isinstance(result, PlanDraft | DocumentError)


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from([None, *FORMATS]))
def test_random_bytes_in_any_format_give_a_draft_or_a_document_error(
    data: bytes, fmt: str | None
) -> None:
    result = _import_or_error(data, "plan.bin", fmt)

    assert isinstance(result, PlanDraft | DocumentError)


# The UTF-8 text plans of the fixtures (the Windows-1252 one would not decode as UTF-8).
TEXT_PLANS = sorted(p for p in FIXTURES.rglob("*.txt") if "cp1252" not in p.name)


@st.composite
def mutated_plan(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(TEXT_PLANS)).read_text(encoding="utf-8").splitlines()
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 40))):
        op = rng.choice(["drop", "dup", "swap", "cut", "junk", "merge"])
        if not lines:
            break
        k = rng.randrange(len(lines))
        if op == "drop":
            del lines[k]
        elif op == "dup":
            lines.insert(k, lines[k])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == "cut":
            lines[k] = lines[k][: rng.randrange(len(lines[k]) + 1)]
        elif op == "junk":
            lines[k] = draw(st.text(max_size=40)) + lines[k]
        elif op == "merge" and k + 1 < len(lines):
            lines[k : k + 2] = [lines[k] + "     " + lines[k + 1]]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plan())
def test_mutated_text_plans_give_a_draft_or_a_document_error(data: bytes) -> None:
    result = _import_or_error(data, "plan.txt")

    assert isinstance(result, PlanDraft | DocumentError)


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    truth = plan_of("haute-riviere")
    return {"docx": build_docx(truth), "xlsx": build_xlsx(truth), "pdf": build_pdf(truth)}


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
@pytest.mark.parametrize("share", [0.1, 0.5, 0.9, 0.99])
def test_truncated_file_gives_a_draft_or_a_document_error(
    documents: dict[str, bytes], kind: str, share: float
) -> None:
    data = documents[kind]

    result = _import_or_error(data[: int(len(data) * share)], f"plan.{kind}")

    if kind in ("docx", "xlsx"):
        assert isinstance(result, DocumentError)
        assert "endommagé" in result.message
    else:
        assert isinstance(result, PlanDraft | DocumentError)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf"])
@pytest.mark.parametrize("seed", range(6))
def test_corrupted_file_gives_a_draft_or_a_document_error(
    documents: dict[str, bytes], kind: str, seed: int
) -> None:
    rng = random.Random(seed)
    data = bytearray(documents[kind])
    for _ in range(20):
        k = rng.randrange(len(data) // 10, len(data))
        data[k] = rng.randrange(256)

    result = _import_or_error(bytes(data), f"plan.{kind}")

    assert isinstance(result, PlanDraft | DocumentError)


def _docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    base = build_docx({"title": "Plan", "orientations": []})
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_by_its_compression_ratio() -> None:
    bomb = _docx_with(b"<w:document/>", {"word/media/padding.bin": b"\0" * (8 * 1024 * 1024)})

    with pytest.raises(DocumentError) as err:
        import_document(bomb, "plan.docx")

    assert "bombe" in err.value.message
    assert "zip bomb" in err.value.message_en
    assert err.value.where == "word/media/padding.bin"


def test_zip_bomb_is_refused_by_its_total_size() -> None:
    spread = {
        f"word/media/part{k}.bin": bytes(random.Random(k).randbytes(300_000)) for k in range(8)
    }
    data = _docx_with(b"<w:document/>", spread)

    with pytest.raises(DocumentError) as err:
        import_document(data, "plan.docx", limits=Limits(max_uncompressed_bytes=1_000_000))

    assert "se décompresse en plus de" in err.value.message


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol4;</w:t></w:r></w:p></w:body></w:document>"""


def test_xml_entity_attack_in_docx_is_refused() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(_docx_with(BILLION_LAUGHS), "plan.docx")

    assert "DTD ou entités" in err.value.message
    assert err.value.where == "word/document.xml"


def test_xml_entity_attack_in_xlsx_is_refused(documents: dict[str, bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(documents["xlsx"])) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = (
                    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    + data.split(b"?>", 1)[-1]
                )
            dst.writestr(info, data)

    with pytest.raises(DocumentError) as err:
        import_document(out.getvalue(), "plan.xlsx")

    assert "DTD ou entités" in err.value.message
    assert err.value.where == "xl/worksheets/sheet1.xml"


def _scanned_pdf() -> bytes:
    from weasyprint import HTML

    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (200, 120), (240, 240, 240)).save(png, format="PNG")
    import base64

    uri = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    return HTML(string=f'<html><body><img src="{uri}" width="400"></body></html>').write_pdf()


def test_scanned_pdf_without_text_asks_for_ocr() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(_scanned_pdf(), "scan.pdf")

    assert "OCR" in err.value.message
    assert "copiez-collez son texte" in err.value.message
    assert "OCR" in err.value.message_en


def test_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(b"Plan " * 300, "plan.txt", limits=Limits(max_bytes=1000))

    assert err.value.message == "le fichier pèse 1 Ko, plus que la limite de 1000 octets"


def test_pdf_over_the_page_limit_is_refused(documents: dict[str, bytes]) -> None:
    with pytest.raises(DocumentError) as err:
        import_document(documents["pdf"], "plan.pdf", limits=Limits(max_pages=1))

    assert "pages, plus que la limite de 1" in err.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError) as err:
        import_document(data, "plan.txt")

    assert err.value.message == "le fichier est vide"
    assert err.value.message_en == "the file is empty"


def test_old_word_format_is_refused_with_advice() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "plan.doc")

    assert ".docx" in err.value.message


def test_unknown_format_is_refused() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(b"Plan", "plan.txt", fmt="odt")

    assert err.value.message.startswith("format « odt » inconnu")


def test_docx_claimed_but_plain_text_is_refused() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(b"juste du texte", "plan.docx", fmt="docx")

    assert "DOCX" in err.value.message


def test_csv_error_says_where() -> None:
    data = ("a;b\n" + "x;" + "y" * 2000 + "\n").encode()

    with pytest.raises(DocumentError) as err:
        import_document(data, "plan.csv", limits=Limits(max_cell_chars=1024))

    assert err.value.where == "ligne 2"
