"""Written parts of the bilan annuel: who may write them, conflicts, and that documents carry them."""

import pytest
from django.urls import reverse

from jalon.reports.models import ReportNarrative
from jalon.reports.registry import BY_IDENTIFIER
from jalon.reports.services import NarrativeConflict, save_narrative

WRITERS = ["admin_a", "editor_a"]
NOT_WRITERS = ["contributor_a", "reader_a", "member_b"]


def _url(plan, year=1):
    return reverse("reports:narrative", args=[plan.pk, year])


@pytest.mark.parametrize("who", WRITERS)
def test_narrative_form_saves_the_texts_for_editors(cast, login, plan, who):
    client = login(cast[who])
    assert client.get(_url(plan)).status_code == 200

    response = client.post(
        _url(plan),
        {"introduction": "Une année de relance.", "chair_word": "", "highlights": "", "version": 0},
    )

    assert response.status_code == 302
    saved = ReportNarrative.objects.get(plan=plan, kind="annual", year=1)
    assert (saved.introduction, saved.version, saved.updated_by) == (
        "Une année de relance.",
        1,
        cast[who],
    )


@pytest.mark.parametrize("who", NOT_WRITERS)
def test_narrative_form_is_hidden_from_others(cast, login, plan, who):
    assert login(cast[who]).get(_url(plan)).status_code == 404


def test_narrative_form_is_refused_to_anonymous_visitors(cast, login, plan):
    response = login(None).get(_url(plan))
    assert response.status_code == 302
    assert "/login" in response["Location"] or "connexion" in response["Location"]


def test_narrative_form_refuses_a_year_outside_the_plan(cast, login, plan):
    assert login(cast["editor_a"]).get(_url(plan, year=9)).status_code == 404


def test_second_save_from_an_old_version_is_refused(cast, plan):
    save_narrative(
        plan=plan,
        kind="annual",
        year=1,
        texts={"introduction": "A"},
        version=0,
        user=cast["admin_a"],
    )
    with pytest.raises(
        NarrativeConflict, match="a modifié ces textes pendant que vous les rédigiez"
    ):
        save_narrative(
            plan=plan,
            kind="annual",
            year=1,
            texts={"introduction": "B"},
            version=0,
            user=cast["editor_a"],
        )
    assert ReportNarrative.objects.get(plan=plan).introduction == "A"


def test_conflicting_post_shows_the_saved_version(cast, login, plan):
    save_narrative(
        plan=plan,
        kind="annual",
        year=1,
        texts={"introduction": "Texte de A"},
        version=0,
        user=cast["admin_a"],
    )
    response = login(cast["editor_a"]).post(
        _url(plan), {"introduction": "Texte de B", "chair_word": "", "highlights": "", "version": 0}
    )
    assert response.status_code == 409
    assert "Texte de A" in response.content.decode()


def test_annual_documents_include_the_saved_texts(cast, plan):
    save_narrative(
        plan=plan,
        kind="annual",
        year=1,
        texts={"introduction": "Une année de relance.", "chair_word": "Merci aux membres."},
        version=0,
        user=cast["admin_a"],
    )
    html = BY_IDENTIFIER["annual"].render(plan, {"year": 1}, "html").content.decode()
    assert "Mot de la présidence" in html and "Merci aux membres." in html

    import io

    from docx import Document

    docx = BY_IDENTIFIER["annual"].render(plan, {"year": 1}, "docx").content
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert "Une année de relance." in paragraphs


def test_reports_page_links_to_the_narratives_for_editors_only(cast, login, plan):
    page = login(cast["editor_a"]).get(reverse("reports:plan", args=[plan.pk])).content.decode()
    assert _url(plan) in page
    page = login(cast["reader_a"]).get(reverse("reports:plan", args=[plan.pk])).content.decode()
    assert _url(plan) not in page


@pytest.mark.parametrize("who", WRITERS)
def test_lessons_form_saves_what_was_learned_into_the_global_report(cast, login, plan, who):
    client = login(cast[who])
    url = reverse("reports:lessons", args=[plan.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"lessons": "Les visites en région ont porté fruit.", "version": 0})

    assert response.status_code == 302
    saved = ReportNarrative.objects.get(plan=plan, kind="global", year=0)
    assert (saved.lessons, saved.version) == ("Les visites en région ont porté fruit.", 1)
    html = BY_IDENTIFIER["global"].render(plan, {}, "html").content.decode()
    assert "Les visites en région ont porté fruit." in html


@pytest.mark.parametrize("who", NOT_WRITERS)
def test_lessons_form_is_hidden_from_others(cast, login, plan, who):
    assert login(cast[who]).get(reverse("reports:lessons", args=[plan.pk])).status_code == 404


def test_lessons_form_refuses_a_stale_version_and_keeps_the_saved_text(cast, login, plan):
    save_narrative(
        plan=plan,
        kind="global",
        year=0,
        texts={"lessons": "Premier texte."},
        version=0,
        user=cast["admin_a"],
    )
    response = login(cast["editor_a"]).post(
        reverse("reports:lessons", args=[plan.pk]), {"lessons": "Texte écrasé ?", "version": 0}
    )
    assert response.status_code == 409
    assert ReportNarrative.objects.get(plan=plan, kind="global", year=0).lessons == "Premier texte."
