"""The exporters Jalon offers, in one explicit list.

An exporter is one kind of document about a plan. It has an identifier (stable: the command
line, stored reports and URLs use it), a name in the reader's language, the formats it comes
in, an options form, a rule saying who may run it, and `render(plan, options, fmt)` that
returns the file. Rendering always goes the same way: load the report data with a fixed
number of queries (`data.load_plan_report`), build the report's structure, hand it to the
renderer of the format.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, NamedTuple

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role
from jalon.plans.models import Plan
from jalon.plans.queries import can_read_plan

from . import data
from .document import DocumentFrame
from .enums import CONTENT_TYPES, ReportFormat
from .facts import facts_source
from .forms import AnnualOptionsForm, ExportOptionsForm, PlanDocumentForm, ProgressOptionsForm
from .renderers import csv as csv_renderer
from .renderers import docx as docx_renderer
from .renderers import html as html_renderer
from .renderers import pdf as pdf_renderer
from .renderers import xlsx as xlsx_renderer
from .text import colon, long_date, year_label


def _frame(plan: Plan, year: int | None = None, *, plan_document: bool = False) -> DocumentFrame:
    from .queries import document_frame  # queries reads the registry: import here

    return document_frame(plan, year, plan_document=plan_document)


def _value_notes(plan: Plan, year: int) -> dict[int, tuple[str, ...]]:
    from .queries import value_notes  # queries reads the registry: import here

    return value_notes(plan, year)


class RenderedFile(NamedTuple):
    filename: str
    content_type: str
    content: bytes


class ExportError(ValueError):
    """Options or a format the exporter cannot honour; the message is for the person who asked."""


class Exporter(ABC):
    identifier: ClassVar[str]
    name: ClassVar[str | Promise]
    description: ClassVar[str | Promise]
    formats: ClassVar[tuple[ReportFormat, ...]]
    form_class: ClassVar[type[ExportOptionsForm]] = ExportOptionsForm
    # What this exporter calls its file, before the plan's name: "mise-a-jour".
    file_stem: ClassVar[str | Promise]

    def may_run(self, user: Any, plan: Plan) -> bool:
        return can_read_plan(user, plan)

    def is_available(self, plan: Plan) -> bool:
        """Whether the plan has what the document needs (a yearly report needs plan years)."""
        return True

    def form(self, plan: Plan, data: Mapping[str, Any] | None = None) -> ExportOptionsForm:
        return self.form_class(
            data, plan=plan, formats=[f.value for f in self.formats], prefix=self.identifier
        )

    def clean(self, plan: Plan, options: Mapping[str, Any], fmt: str) -> ExportOptionsForm:
        """Options checked by the same form as on the page; ExportError names what is wrong."""
        if fmt not in self.formats:
            raise ExportError(
                gettext(
                    "« %(name)s » n'existe pas en format %(format)s ; formats offerts : %(formats)s."
                )
                % {
                    "name": self.name,
                    "format": fmt,
                    "formats": ", ".join(self.formats),
                }
            )
        raw = {f"{self.identifier}-{k}": v for k, v in options.items() if v is not None}
        raw[f"{self.identifier}-format"] = fmt
        form = self.form(plan, raw)
        if not form.is_valid():
            problems = "; ".join(
                f"{form.fields[name].label if name in form.fields else name}{colon()}{' '.join(str(e) for e in errors)}"
                for name, errors in form.errors.items()
            )
            raise ExportError(problems)
        return form

    def render(self, plan: Plan, options: Mapping[str, Any], fmt: str) -> RenderedFile:
        form = self.clean(plan, options, fmt)
        content = self.render_cleaned(plan, form.cleaned_data, ReportFormat(fmt))
        return RenderedFile(
            filename=self.filename(plan, form, fmt),
            content_type=CONTENT_TYPES[ReportFormat(fmt)],
            content=content,
        )

    @abstractmethod
    def render_cleaned(self, plan: Plan, options: Mapping[str, Any], fmt: ReportFormat) -> bytes:
        """The file's bytes, from options the form has cleaned."""

    def defaults(self, plan: Plan) -> dict[str, Any]:
        """The options the form starts with (today's date, the year in course), as form data."""
        form = self.form(plan)
        out: dict[str, Any] = {}
        for name, field in form.fields.items():
            value = field.initial
            if name == "format" or value is None or value == "":
                continue
            out[name] = value.isoformat() if isinstance(value, dt.date) else value
        return out

    def html_context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        """The context of the on-screen document (the PDF is printed from the same); options
        not given take the form's defaults."""
        given = {k: v for k, v in options.items() if v not in (None, "")}
        form = self.clean(plan, {**self.defaults(plan), **given}, ReportFormat.HTML)
        return self.context(plan, form.cleaned_data)

    def context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        raise ExportError(gettext("Ce document n'a pas de version à l'écran."))

    def describe(self, plan: Plan, options: Mapping[str, Any]) -> str:
        """The options of a stored report in words, for the list of generated files."""
        return ""

    def filename(self, plan: Plan, form: ExportOptionsForm, fmt: str) -> str:
        title = slugify(plan.title)[:60].strip("-") or f"plan-{plan.pk}"
        stem = slugify(str(self.file_stem))
        suffix = self.filename_suffix(form)
        parts = [p for p in (title, stem, suffix) if p]
        return "-".join(parts) + f".{fmt}"

    def filename_suffix(self, form: ExportOptionsForm) -> str:
        return ""


class PlanDocumentExporter(Exporter):
    identifier = "plan"
    name = _("Plan d'action")
    description = _(
        "Le plan en tableau paysage : objectifs, moyens d'action, acteurs, échéance par année, "
        "résultats attendus et indicateurs, par orientation."
    )
    formats = (
        ReportFormat.DOCX,
        ReportFormat.PDF,
        ReportFormat.XLSX,
        ReportFormat.CSV,
        ReportFormat.HTML,
    )
    form_class = PlanDocumentForm
    file_stem = ""

    def render_cleaned(self, plan: Plan, options: Mapping[str, Any], fmt: ReportFormat) -> bytes:
        report = data.load_plan_report(plan.pk)
        if fmt == ReportFormat.XLSX:
            return xlsx_renderer.render_plan(report)
        if fmt == ReportFormat.CSV:
            return csv_renderer.render_plan(
                report, separator=options.get("separator") or "semicolon"
            )
        frame = _frame(plan, plan_document=True)
        if fmt == ReportFormat.DOCX:
            return docx_renderer.render_plan(report, frame)
        context = html_renderer.plan_context(report, frame)
        if fmt == ReportFormat.PDF:
            return pdf_renderer.render_pdf(context)
        return html_renderer.render_html(context)

    def context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        return html_renderer.plan_context(
            data.load_plan_report(plan.pk), _frame(plan, plan_document=True)
        )

    def describe(self, plan: Plan, options: Mapping[str, Any]) -> str:
        if options.get("separator") == "comma":
            return gettext("séparateur : virgule")
        return ""


def load_progress_report(plan: Plan, as_of: dt.date) -> data.ProgressReport:
    report = data.load_plan_report(plan.pk)
    return data.build_progress_report(report, as_of, facts_source().states_at(report, as_of))


class ProgressExporter(Exporter):
    identifier = "progress"
    name = _("Mise à jour")
    description = _(
        "L'état de chaque action à une date, avec son échéancier et son état d'avancement ; "
        "les actions complétées ou en cours en gras ; un sommaire par orientation."
    )
    formats = (ReportFormat.DOCX, ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.HTML)
    form_class = ProgressOptionsForm
    file_stem = _("mise à jour")

    def render_cleaned(self, plan: Plan, options: Mapping[str, Any], fmt: ReportFormat) -> bytes:
        as_of = options.get("as_of") or timezone.localdate()
        report = load_progress_report(plan, as_of)
        if fmt == ReportFormat.XLSX:
            return xlsx_renderer.render_progress(report)
        frame = _frame(plan)
        if fmt == ReportFormat.DOCX:
            return docx_renderer.render_progress(report, frame)
        context = html_renderer.progress_context(report, frame)
        if fmt == ReportFormat.PDF:
            return pdf_renderer.render_pdf(context)
        return html_renderer.render_html(context)

    def context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        as_of = options.get("as_of") or timezone.localdate()
        return html_renderer.progress_context(load_progress_report(plan, as_of), _frame(plan))

    def describe(self, plan: Plan, options: Mapping[str, Any]) -> str:
        try:
            day = dt.date.fromisoformat(str(options.get("as_of", "")))
        except ValueError:
            return ""
        return gettext("état au %(date)s") % {"date": long_date(day)}

    def filename_suffix(self, form: ExportOptionsForm) -> str:
        value = form.cleaned_data.get("as_of")
        return value.isoformat() if isinstance(value, dt.date) else ""


def load_annual_report(
    plan: Plan, year_number: int, narratives: data.Narratives | None = None
) -> data.AnnualReport:
    report = data.load_plan_report(plan.pk)
    year = report.year(year_number)
    if year is None:
        raise ExportError(gettext("Le plan n'a pas d'année %(number)s.") % {"number": year_number})
    facts = facts_source().annual_facts(report, year)
    if narratives is None:
        from .queries import narratives_of  # queries reads the registry: import here

        narratives = narratives_of(plan.pk, "annual", year_number)
    return data.build_annual_report(report, year, facts, narratives)


class AnnualExporter(Exporter):
    identifier = "annual"
    name = _("Bilan annuel")
    description = _(
        "Pour une année du plan : ce qui a été fait par orientation et objectif, les indicateurs "
        "avec leur cible, leur valeur et leur appréciation, les activités et la satisfaction."
    )
    formats = (ReportFormat.DOCX, ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.HTML)
    form_class = AnnualOptionsForm
    file_stem = _("bilan annuel")

    def may_run(self, user: Any, plan: Plan) -> bool:
        """Members of the plan's organization: the draft of a yearly report is theirs."""
        return has_role(user, plan.organization_id, Role.READER)

    def is_available(self, plan: Plan) -> bool:
        return bool(plan.years)

    def render_cleaned(self, plan: Plan, options: Mapping[str, Any], fmt: ReportFormat) -> bytes:
        report = load_annual_report(plan, int(options["year"]))
        notes = _value_notes(plan, report.year.number)
        if fmt == ReportFormat.XLSX:
            return xlsx_renderer.render_annual(report, notes)
        frame = _frame(plan, report.year.number)
        if fmt == ReportFormat.DOCX:
            return docx_renderer.render_annual(report, frame, notes)
        context = html_renderer.annual_context(report, frame, notes)
        if fmt == ReportFormat.PDF:
            return pdf_renderer.render_pdf(context)
        return html_renderer.render_html(context)

    def context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        year = int(options["year"])
        return html_renderer.annual_context(
            load_annual_report(plan, year), _frame(plan, year), _value_notes(plan, year)
        )

    def describe(self, plan: Plan, options: Mapping[str, Any]) -> str:
        for year in plan.years:
            if year.number == options.get("year"):
                return year_label(year)
        return ""

    def filename_suffix(self, form: ExportOptionsForm) -> str:
        number = form.cleaned_data.get("year")
        return f"an-{number}" if number else ""


def load_global_report(
    plan: Plan, narratives: data.Narratives | None = None, today: dt.date | None = None
) -> data.GlobalReport:
    return load_global_report_and_states(plan, narratives, today)[0]


def load_global_report_and_states(
    plan: Plan, narratives: data.Narratives | None = None, today: dt.date | None = None
) -> tuple[data.GlobalReport, Mapping[int, data.ActionState]]:
    """The bilan global and every action's state at the end of the period (by action id), for
    the list of actions with their final state."""
    report = data.load_plan_report(plan.pk)
    facts = facts_source().global_facts(report, today or timezone.localdate())
    if narratives is None:
        from .queries import narratives_of  # queries reads the registry: import here

        narratives = narratives_of(plan.pk, "global", 0)
    return data.build_global_report(report, facts, narratives), facts.states


class GlobalExporter(Exporter):
    identifier = "global"
    name = _("Bilan global")
    description = _(
        "Toute la période du plan : chaque indicateur année par année avec sa tendance et son "
        "appréciation finale, le taux de réalisation des actions, un sommaire par orientation "
        "et ce que nous avons appris."
    )
    formats = (ReportFormat.DOCX, ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.HTML)
    file_stem = _("bilan global")

    def may_run(self, user: Any, plan: Plan) -> bool:
        return has_role(user, plan.organization_id, Role.READER)

    def is_available(self, plan: Plan) -> bool:
        return bool(plan.years)

    def render_cleaned(self, plan: Plan, options: Mapping[str, Any], fmt: ReportFormat) -> bytes:
        from .renderers import global_docx

        report, states = load_global_report_and_states(plan)
        if fmt == ReportFormat.XLSX:
            return xlsx_renderer.render_global(report)
        frame = _frame(plan)
        if fmt == ReportFormat.DOCX:
            return global_docx.render(report, frame, states)
        context = html_renderer.global_context(report, frame, states)
        if fmt == ReportFormat.PDF:
            return pdf_renderer.render_pdf(context)
        return html_renderer.render_html(context)

    def context(self, plan: Plan, options: Mapping[str, Any]) -> dict[str, Any]:
        report, states = load_global_report_and_states(plan)
        return html_renderer.global_context(report, _frame(plan), states)


# The registry: the order is the order of the reports page.
EXPORTERS: tuple[Exporter, ...] = (
    PlanDocumentExporter(),
    ProgressExporter(),
    AnnualExporter(),
    GlobalExporter(),
)
BY_IDENTIFIER: Mapping[str, Exporter] = {e.identifier: e for e in EXPORTERS}


def get_exporter(identifier: str) -> Exporter | None:
    return BY_IDENTIFIER.get(identifier)


def exporters_for(user: Any, plan: Plan) -> list[Exporter]:
    """The exporters this user may run on this plan, and that the plan can feed."""
    return [e for e in EXPORTERS if e.is_available(plan) and e.may_run(user, plan)]


# Formats `jalon export` writes through this registry (it writes JSON itself).
PLAN_EXPORT_FORMATS = ("docx", "xlsx", "pdf", "csv")


def export_plan(plan: Plan, fmt: str, **options: Any) -> RenderedFile:
    """The plan document in one format: what `jalon export PLAN_ID --format FMT` writes."""
    return BY_IDENTIFIER["plan"].render(plan, options, fmt)
