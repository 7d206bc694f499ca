"""Markup typed into any text field is shown as text, never run: one plan whose every text
field holds a tag, every page and fragment of the URL configuration opened, every report
rendered in every format.

Page tests elsewhere read `html.unescape(content)`, so escaping is invisible to them; here the
raw bytes are read. In HTML (pages, fragments, the HTML reports) the tag must appear escaped
(`&lt;xss-title&gt;`) and never raw (`<xss-`); in the files (PDF, Word, spreadsheets, CSV, JSON)
it must appear as the very text the person typed, neither swallowed as markup nor lost.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import openpyxl
import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from jalon.plans.enums import PlanState
from jalon.reports.registry import BY_IDENTIFIER
from jalon.tracking import services
from tests.factories import (
    ActionActorFactory,
    ActionFactory,
    ExpectedResultFactory,
    IndicatorFactory,
    ObjectiveFactory,
    OrientationFactory,
    PlanFactory,
)
from tests.urlsweep import routes

pytestmark = pytest.mark.django_db

RAW = "<xss-"


def tag(field: str) -> str:
    return f"<xss-{field}>{field}</xss-{field}>"


def escaped(field: str) -> str:
    return f"&lt;xss-{field}&gt;"


# The text fields of a plan and its follow-up, by where a person types them.
FIELDS = [
    "plan_title",
    "mission",
    "vision",
    "global_objective",
    "value",
    "mandate",
    "note",
    "glossary",
    "owner",
    "orientation",
    "objective",
    "action",
    "timing",
    "actor",
    "result",
    "indicator",
    "status_note",
    "activity",
    "activity_notes",
    "contact",
    "contact_notes",
    "narrative",
    "value_note",
]
# Where each must show up escaped (at least): proof that the sweep really displayed it.
SHOWN_ON = {
    "plan_title": "plans:detail",
    "mission": "plans:detail",
    "global_objective": "plans:detail",
    "orientation": "plans:detail",
    "objective": "plans:detail",
    "action": "plans:action",
    "actor": "plans:action",
    "result": "plans:action",
    "indicator": "tracking:indicator",
    "status_note": "tracking:action",
    "activity": "tracking:activities",
    "contact": "tracking:contacts",
    "narrative": "tracking:indicator",
}


@pytest.fixture
def world(cast, org_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    start = dt.date(today.year if today.month >= 7 else today.year - 1, 7, 1)
    plan = PlanFactory(
        organization=org_a,
        state=PlanState.ADOPTED,
        title=tag("plan_title"),
        period_start=start,
        period_end=dt.date(start.year + 3, 6, 30),
        mission=tag("mission"),
        vision=tag("vision"),
        global_objective=tag("global_objective"),
        values=[tag("value")],
        mandates=[tag("mandate")],
        notes=[tag("note")],
        glossary={"XSS": tag("glossary")},
        organization_name=tag("owner"),
    )
    orientation = OrientationFactory(plan=plan, code="1", title=tag("orientation"))
    objective = ObjectiveFactory(
        plan=plan, orientation=orientation, code="P1", title=tag("objective")
    )
    action = ActionFactory(
        plan=plan,
        objective=objective,
        code="1",
        title=tag("action"),
        timing=tag("timing"),
        schedule_years=None,
    )
    ActionActorFactory(action=action, name=tag("actor"))
    result = ExpectedResultFactory(action=action, text=tag("result"))
    indicator = IndicatorFactory(action=action, plan=plan, kind="MO", text=tag("indicator"))
    editor = cast["editor_a"]
    update = services.update_action_status(
        action=action,
        user=editor,
        status="in_progress",
        on_date=today,
        note=tag("status_note"),
        links=["https://exemple.org/preuve"],
    )
    activity = services.log_activity(
        plan=plan,
        user=editor,
        kind="meeting",
        date=today,
        title=tag("activity"),
        notes=tag("activity_notes"),
        actions=[action],
        participants=12,
    )
    contact = services.log_contact(
        plan=plan,
        user=editor,
        date=today,
        channel="phone",
        subject=tag("contact"),
        organization=org_a,
        notes=tag("contact_notes"),
    )
    value = services.record_indicator_value(
        indicator=indicator,
        user=editor,
        plan_year=1,
        value=Decimal(3),
        narrative=tag("narrative"),
        note=tag("value_note"),
    )
    items = {
        "orientation": orientation.pk,
        "objectif": objective.pk,
        "action": action.pk,
        "indicateur": indicator.pk,
        "resultat": result.pk,
    }
    return {
        "plan": plan,
        "today": today,
        "items": items,
        "values": {
            "pk": plan.pk,
            "action_pk": action.pk,
            "indicator_pk": indicator.pk,
            "update_pk": update.pk,
            "evidence_pk": update.evidence.get().pk,
            "value_pk": value.pk,
            "activity_pk": activity.pk,
            "contact_pk": contact.pk,
            "slug": org_a.slug,
            "year": 1,
        },
        "by_route": {
            "network:region": {"slug": org_a.region.slug},
            "plans:builder_paste": {"item_pk": objective.pk},
        },
    }


# Addresses the sweep does not open, with the reason; every other address is opened.
NOT_OPENED = {
    "accounts:password_reset_confirm": "needs a signed token, shows no plan content",
    "accounts:invitation": "needs an invitation token, shows no plan content",
    "accounts:membership_edit": "a membership, no plan content",
    "accounts:membership_remove": "a membership, no plan content",
    "accounts:invitation_revoke": "an invitation, no plan content",
    "accounts:logout": "signs out",
    "reports:status": "a generated file's state (tests/reports/test_views.py)",
    "reports:download": "a generated file (the formats are rendered below)",
    "plans:builder_restore_version": "a POST that restores a past version (tests/plans)",
    "plans:builder_trash_restore": "a POST that restores an entry (tests/plans/test_trash*.py)",
    "reports:publish": "a generated file's publication (tests/reports/test_sharing.py)",
    "reports:share": "a generated file's share links (tests/reports/test_sharing.py)",
    "reports:shared": "needs a share token; the file is rendered below",
    "imports:job": "an import job (tests/imports/test_views.py)",
    "imports:status": "an import job",
    "imports:edit": "an import job",
    "imports:save": "an import job",
}


# Apps whose pages the sweep's world does not hold yet (it has no survey): their own tests cover
# their pages; the sweep must be given a survey, its question and a resource next. The API
# answers JSON.
NOT_SWEPT_YET = {"surveys", "api", "resources"}


# Addresses that may answer a GET with a redirection (to a page the sweep opens itself): the
# language switch, the login page of a signed-in person, a builder item outside htmx, adopting
# a plan already adopted, evidence given as a link, a preview that needs its options.
REDIRECTS: set[str] = {
    "set_language",
    "accounts:login",
    "plans:builder_item",
    "plans:adopt",
    "tracking:evidence",
    "reports:preview",
    "network:situation_compare",  # with fewer than two états, back to their list
}
CHILDREN = {
    ("orientation", "objectif"),
    ("objectif", "action"),
    ("action", "indicateur"),
    ("action", "resultat"),
}


def _pages(world):
    """(name, address) of every page of the URL conf filled with the world's ids."""
    values = world["values"]
    for route in routes():
        if (
            route.name in NOT_OPENED
            or route.template.startswith("/admin/")
            or route.name.split(":")[0] in NOT_SWEPT_YET
        ):
            continue
        if route.name in ("reports:generate", "reports:preview"):
            for identifier in BY_IDENTIFIER:
                yield route.name, route.fill({**values, "identifier": identifier})
            continue
        for variant in route.variants():
            if "child" in variant and (variant["kind"], variant["child"]) not in CHILDREN:
                continue
            filled = {**values, **world["by_route"].get(route.name, {}), **variant}
            if "kind" in variant:
                filled["item_pk"] = world["items"][variant["kind"]]
            missing = set(route.converters) - set(filled)
            assert not missing, f"{route.name}: give the sweep a value for {missing}"
            yield route.name, route.fill(filled)


def test_markup_in_every_text_field_is_escaped_on_every_page_and_fragment(login, cast, world):
    client = login(cast["admin_a"])
    shown: dict[str, set[str]] = {field: set() for field in FIELDS}
    opened = 0
    for name, address in _pages(world):
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(address, **headers)
            if response.status_code == 405:  # answers POST only: it shows nothing
                continue
            if name in REDIRECTS and response.status_code == 302:
                continue
            assert response.status_code == 200, (address, response.status_code)
            opened += 1
            kind = response["Content-Type"]
            if not kind.startswith(("text/", "application/json", "application/geo+json")):
                continue  # a binary file (the directory's XLSX): its cells are tested apart
            body = response.content.decode("utf-8-sig")
            if kind.startswith("text/html"):
                assert RAW not in body, f"raw markup on {address} ({name})"
                for field in FIELDS:
                    if escaped(field) in body:
                        shown[field].add(name)
            else:  # CSV, JSON: the text as typed
                assert "&lt;" not in body, f"doubly escaped text in {address}"
                if kind.startswith("application/json"):
                    body = json.dumps(json.loads(body), ensure_ascii=False)
                for field in FIELDS:
                    if tag(field) in body:
                        shown[field].add(name)
    assert opened > 60
    for field, page in SHOWN_ON.items():
        assert page in shown[field], f"{field} was not shown on {page}"
    assert shown["mandate"] >= {"plans:export-json"}
    assert shown["activity"] >= {"tracking:activities", "tracking:activities_csv"}
    assert shown["contact"] >= {"tracking:contacts", "tracking:contacts_csv"}
    assert [f for f, pages in shown.items() if not pages] == []


OPTIONS = {"plan": {}, "progress": {}, "annual": {"year": 1}, "global": {}}


def _file_text(fmt: str, content: bytes) -> str:
    if fmt == "pdf":
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            return "".join((page.extract_text() or "") for page in pdf.pages).replace("\n", "")
    if fmt == "docx":
        document = Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(
            str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v
        )
    return content.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("identifier", "fmt"),
    [(i, f.value) for i, exporter in BY_IDENTIFIER.items() for f in exporter.formats],
)
def test_markup_in_every_text_field_is_text_in_every_report_format(world, identifier, fmt):
    options = {**OPTIONS.get(identifier, {}), "as_of": world["today"].isoformat()}
    rendered = BY_IDENTIFIER[identifier].render(world["plan"], options, fmt)
    # The global report has no action list; the CSV and the bilan annuel's spreadsheet are one
    # filterable table of rows, without a title above it.
    shown = {"global": ["plan_title"], "csv": ["action"], "annual-xlsx": ["action"]}.get(
        identifier if identifier == "global" else f"{identifier}-{fmt}",
        {"csv": ["action"]}.get(fmt, ["plan_title", "action"]),
    )
    if fmt == "html":
        body = rendered.content.decode("utf-8")
        assert RAW not in body
        assert [f for f in shown if escaped(f) not in body] == []
    else:
        text = _file_text(fmt, rendered.content).replace(" ", "")
        assert "&lt;" not in text, "the text was escaped twice"
        assert [f for f in shown if tag(f) not in text] == []


def test_markup_in_an_imported_document_is_escaped_on_the_review_page(
    login, cast, org_a, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    text = "\n".join(
        [
            tag("plan_title"),
            f"Orientation 1 : {tag('orientation')}",
            f"Objectif 1.1 : {tag('objective')}",
            f"1.1.1 {tag('action')}",
        ]
    )
    client = login(cast["editor_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:upload"), {"organization": org_a.pk, "text": text})
    assert response.status_code == 302
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        page = client.get(response["Location"], **headers)
        assert page.status_code == 200
        body = page.content.decode()
        assert RAW not in body
        assert escaped("action") in body
