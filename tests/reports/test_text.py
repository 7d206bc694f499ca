import datetime as dt

from django.utils import translation

from jalon.reports import text

NBSP = "\u00a0"


def test_long_date_writes_french_dates_with_first_of_month():
    assert text.long_date(dt.date(2013, 10, 3)) == "3 octobre 2013"
    assert text.long_date(dt.date(2017, 7, 1)) == "1er juillet 2017"


def test_long_date_writes_english_dates_in_english():
    with translation.override("en"):
        assert text.long_date(dt.date(2013, 10, 3)) == "October 3, 2013"


def test_typeset_puts_non_breaking_spaces_inside_guillemets_and_before_colon_and_percent():
    written = "Journée sur « l'hyperconcertation » : taux de 75% ou 80 %"
    assert text.typeset(written) == (
        f"Journée sur «{NBSP}l'hyperconcertation{NBSP}»{NBSP}: taux de 75{NBSP}% ou 80{NBSP}%"
    )


def test_typeset_keeps_urls_and_times_untouched():
    assert (
        text.typeset("https://passerelles.quebec/ à 9:30") == "https://passerelles.quebec/ à 9:30"
    )


def test_percent_uses_decimal_comma_in_french():
    assert text.percent(75) == f"75{NBSP}%"
    assert text.percent(12.5, 1) == f"12,5{NBSP}%"
    assert text.percent(None) == ""


def test_status_label_names_unknown_status():
    assert text.status_label("completed") == "Complété"
    assert text.status_label("") == "Non précisé"
