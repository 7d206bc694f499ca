"""The text reader: encodings told apart, stray HTML removed, tab-separated tables kept."""

from __future__ import annotations

import codecs

import pytest

from jalon.importers import DocumentError, Limits, import_document
from jalon.importers.readers.text import decode, read_text, strip_html

FRENCH = "Orientation 1 : Améliorer l’accès au logement — « mise en œuvre » à Montréal…\nÉté 2024 ; coût 5 $"
LATIN = "Orientation 1 : Améliorer l'accès au logement à Montréal\nÉté 2024 ; coût 5 $ ; déjà reçu"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), "utf-16-be"),
        (FRENCH.encode("utf-16-le"), "utf-16-le"),
        (FRENCH.encode("utf-16-be"), "utf-16-be"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_reads_each_encoding(data: bytes, encoding: str) -> None:
    text, used = decode(data)

    assert text == FRENCH
    assert used == encoding


def test_decode_reads_latin1() -> None:
    text, used = decode(LATIN.encode("latin-1"))

    assert text == LATIN
    assert used == "latin-1"


def test_decode_refuses_utf16_with_broken_bytes() -> None:
    data = codecs.BOM_UTF16_LE + "Plan".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate

    with pytest.raises(DocumentError) as err:
        decode(data)

    assert "UTF-16" in err.value.message


def test_strip_html_keeps_text_and_marks_paragraphs() -> None:
    text = strip_html(
        '<p>Bonjour&nbsp;&amp; <i>merci</i></p><p class="x">Suite</p><!-- note -->fin'
    )

    assert text == "\u2029Bonjour\u00a0& merci\u2029\u2029Suite\u2029 fin"


def test_strip_html_leaves_comparisons_alone() -> None:
    assert strip_html("Taux < 5 % et > 2 %") == "Taux < 5 % et > 2 %"


def test_tab_separated_lines_become_table_rows() -> None:
    data = "OBJECTIFS\tACTIONS\tÉCHÉANCIER\nRéduire\t<p>- Faire A</p><p>- Faire B</p>\tÉté 2024\n\tFaire C\tAu besoin\n"

    doc = read_text(data.encode(), Limits())

    rows = [ln.cells for ln in doc.lines if ln.cells is not None]
    assert rows == [
        ["OBJECTIFS", "ACTIONS", "ÉCHÉANCIER"],
        ["Réduire", "- Faire A\n- Faire B", "Été 2024"],
        ["", "Faire C", "Au besoin"],
    ]


def test_binary_data_is_refused_as_text() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(bytes(range(0, 32)) * 50, "plan.txt")

    assert "texte" in err.value.message
    assert "text" in err.value.message_en


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "latin-1"])
def test_plan_in_each_encoding_gives_the_same_draft(encoding: str) -> None:
    plan = (
        "PLAN D'ACTION 2020-2023\n\nORIENTATION 1 : Améliorer la qualité de vie\n\n"
        "1.1 Réduire l'isolement des aînés\n\n1.1.1 Créer un réseau de visites à domicile\n"
        "1.1.1 Deux cents visites par année sont réalisées.\n"
    )

    draft = import_document(plan.encode(encoding), "plan.txt")

    action = draft.orientations[0].objectives[0].actions[0]
    assert draft.orientations[0].title == "Améliorer la qualité de vie"
    assert action.title == "Créer un réseau de visites à domicile"
    assert action.expected_results == ["Deux cents visites par année sont réalisées."]
