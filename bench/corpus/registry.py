"""The layouts, their families, and the TUNING / HELD-OUT split (the rule: bench/corpus/README.md).

Every family has layouts on both sides, so a held-out layout is a new presentation of a kind
of document the tuner has met, never a kind the tuner could not have known about.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from . import layouts_heldout, layouts_tuning
from .plans import CorpusPlan
from .render import Rendered

TUNING = "tuning"
HELD_OUT = "held-out"


@dataclass(frozen=True)
class Layout:
    name: str
    family: str  # "table", "designed", "web", "text"
    split: str  # TUNING or HELD_OUT
    build: Callable[[CorpusPlan, random.Random], Rendered]
    kinds: tuple[str, ...] = ("actions",)  # plan kinds it renders: "actions", "indicators"
    what: str = ""
    max_actions: int = 28  # plans small enough for the layout (a one-page summary)
    orientations: tuple[int, int] = (2, 6)
    one_page: bool = False  # seeds' plans too big for it are not rendered in it
    export_pdf: bool = False  # a DOCX also exported to PDF by LibreOffice, as people send it


LAYOUTS: list[Layout] = [
    # TUNING ---------------------------------------------------------------------------------
    Layout(
        "designed",
        "designed",
        TUNING,
        layouts_tuning.build_designed,
        ("actions", "indicators"),
        "designed PDF: orientation banners, action cards in two columns, labelled fields",
    ),
    Layout(
        "wide_table",
        "table",
        TUNING,
        layouts_tuning.build_wide_table,
        ("actions",),
        "landscape PDF table OBJECTIFS | MOYENS D'ACTION | ACTEURS | An 1…n | RÉSULTATS | INDICATEURS, header repeated",
    ),
    Layout(
        "docx_merged",
        "table",
        TUNING,
        layouts_tuning.build_docx_merged,
        ("actions", "indicators"),
        "DOCX table, orientation rows merged across, objective cells merged down (and exported to PDF by LibreOffice)",
        export_pdf=True,
    ),
    Layout(
        "web_nav",
        "web",
        TUNING,
        layouts_tuning.build_web_nav,
        ("actions", "indicators"),
        "web page with menu, breadcrumbs and footer (HTML, and printed to PDF)",
    ),
    Layout(
        "numbered_means",
        "text",
        TUNING,
        layouts_tuning.build_numbered_means,
        ("actions",),
        "numbered means 1.1.1 with a schedule hint, then each one's expected result by number (text and PDF)",
    ),
    # HELD-OUT (descriptions withheld; see README.md) -----------------------------------------
    Layout("status_table", "table", HELD_OUT, layouts_heldout.build_status_table),
    Layout(
        "gov_indicators", "table", HELD_OUT, layouts_heldout.build_gov_indicators, ("indicators",)
    ),
    Layout(
        "slides",
        "designed",
        HELD_OUT,
        layouts_heldout.build_slides,
        max_actions=16,
        orientations=(2, 5),
    ),
    Layout(
        "summary_page",
        "designed",
        HELD_OUT,
        layouts_heldout.build_summary_page,
        max_actions=14,
        orientations=(3, 5),
        one_page=True,
    ),
    Layout("bilan_web", "web", HELD_OUT, layouts_heldout.build_bilan_web),
    Layout("slide_flat", "text", HELD_OUT, layouts_heldout.build_slide_flat, max_actions=14),
]

BY_NAME = {layout.name: layout for layout in LAYOUTS}


def layouts(split: str | None = None) -> list[Layout]:
    return [la for la in LAYOUTS if split in (None, "all", la.split)]
