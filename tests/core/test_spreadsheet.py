"""Cells that cannot run: text a contributor typed never reaches a spreadsheet as a formula."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jalon.core.spreadsheet import safe_cell, safe_row


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        (
            '=HYPERLINK("https://exemple.org","Cliquez")',
            '\'=HYPERLINK("https://exemple.org","Cliquez")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Rencontre = réussie", "Rencontre = réussie"),
        ("", ""),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_marked_as_text(typed, exported):
    assert safe_cell(typed) == exported


def test_numbers_stay_numbers_and_plain_numeric_text_stays_as_written():
    assert safe_row([12, -3, 2.5, Decimal("-7.50"), None, True, "-12", "+3,5"]) == [
        12,
        -3,
        2.5,
        Decimal("-7.50"),
        None,
        True,
        "-12",
        "+3,5",
    ]
