"""The codes each numbering scheme gives a tree (plans.numbering, pure)."""

from __future__ import annotations

import pytest

from jalon.plans.numbering import Branch, codes
from jalon.plans.vocabulary import Numbering


def _tree():
    """Two orientations; the first has a principal then a secondary objective."""
    return [
        Branch(
            "O1",
            [
                Branch("B1", [Branch("A1"), Branch("A2")], kind="principal"),
                Branch("B2", [Branch("A3")], kind="secondary"),
            ],
        ),
        Branch("O2", [Branch("B3", [Branch("A4")], kind="")]),
    ]


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        (
            Numbering.HIERARCHICAL,
            "O1=1 B1=1.1 A1=1.1.1 A2=1.1.2 B2=1.2 A3=1.2.1 O2=2 B3=2.1 A4=2.1.1",
        ),
        (Numbering.PRINCIPAL_SECONDARY, "O1=1 B1=P1 A1=1 A2=2 B2=S2 A3=3 O2=2 B3=P3 A4=4"),
        (Numbering.FLAT, "O1=1 B1=1 A1=1 A2=2 B2=2 A3=3 O2=2 B3=3 A4=4"),
    ],
)
def test_each_scheme_numbers_the_tree_in_order(scheme, expected):
    assert " ".join(f"{item}={code}" for item, code in codes(_tree(), scheme)) == expected


def test_the_documents_numbering_computes_no_code():
    assert list(codes(_tree(), Numbering.AS_WRITTEN)) == []


def test_an_empty_plan_has_no_code():
    assert list(codes([], Numbering.HIERARCHICAL)) == []
