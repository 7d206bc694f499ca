"""Moments in messages: Quebec's time, written the French way, whatever zone the process runs in."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from jalon.core.moments import moment_text


def test_a_utc_moment_reads_in_montreal_time_the_french_way():
    saved = dt.datetime(2026, 10, 3, 18, 5, tzinfo=dt.UTC)  # 14 h 05, daylight time
    with translation.override("fr"), timezone.override("UTC"):
        assert moment_text(saved) == "3 octobre 2026 à 14 h 05"


def test_winter_time_and_the_first_of_the_month():
    saved = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)  # 9 h 00, standard time
    with translation.override("fr"):
        assert moment_text(saved) == "1er décembre 2026 à 9 h 00"
