"""Pages set in two text columns are read left column first, then right column."""

from __future__ import annotations

from jalon.importers.blocks import Line
from jalon.importers.recognize.twocolumn import split_columns


def _page(rows: list[str]) -> list[Line]:
    return [Line(text, n, page=1) for n, text in enumerate(rows, start=1)]


def test_two_columns_side_by_side_are_read_one_after_the_other() -> None:
    rows = [
        "Orientation 1 : Mobiliser les partenaires du territoire autour des enjeux communs",
        "  1. Tenir un forum régional            3. Publier un portrait",
        "  Responsables : Direction              Responsables : Comité",
        "  Échéance : An 1                       Échéance : An 2",
        "  2. Former des animateurs              4. Créer un comité de suivi",
        "                                        Échéance : An 3",
    ]
    out = split_columns(_page(rows))
    assert out is not None
    assert [ln.text for ln in out] == [
        rows[0],
        "1. Tenir un forum régional",
        "Responsables : Direction",
        "Échéance : An 1",
        "2. Former des animateurs",
        "3. Publier un portrait",
        "Responsables : Comité",
        "Échéance : An 2",
        "4. Créer un comité de suivi",
        "Échéance : An 3",
    ]
    assert [ln.number for ln in out] == [1, 2, 3, 4, 5, 2, 3, 4, 5, 6]


def test_page_in_one_column_is_left_alone() -> None:
    rows = [
        "Orientation 1 : Mobiliser les partenaires",
        "1. Tenir un forum régional",
        "Responsables : Direction",
    ]
    assert split_columns(_page(rows)) is None
