"""A report's written parts keep their history: an overwritten text can be read back, with who."""

from __future__ import annotations

from jalon.reports.models import ReportNarrative
from jalon.reports.services import save_narrative


def test_each_save_of_a_narrative_is_kept_with_its_writer(cast, plan):
    first = save_narrative(
        plan=plan,
        kind="annual",
        year=1,
        texts={"introduction": "A"},
        version=0,
        user=cast["admin_a"],
    )
    save_narrative(
        plan=plan,
        kind="annual",
        year=1,
        texts={"introduction": "B"},
        version=first.version,
        user=cast["editor_a"],
    )
    records = ReportNarrative.history.filter(id=first.pk).order_by("history_date", "history_id")
    assert [(r.introduction, r.history_user) for r in records if r.history_type == "~"] == [
        ("A", cast["admin_a"]),
        ("B", cast["editor_a"]),
    ]
