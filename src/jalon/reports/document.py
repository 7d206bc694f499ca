"""What a printed document says about itself: draft or adopted, the AGA note of a locked year,
the organization's logo and the sign-off block of the cover.

Loaded beside the report data (`reports.queries.document_frame`) and handed to every renderer,
so a draft never travels without "Projet — version de travail" on each of its pages, and an
adopted plan or a locked year's bilan says when and by whom it was adopted.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.utils.translation import gettext

from . import text


@dataclass(frozen=True)
class Logo:
    content: bytes
    content_type: str  # image/png, image/jpeg

    @property
    def data_uri(self) -> str:
        """The image inside the document itself: the PDF renderer fetches nothing else."""
        return f"data:{self.content_type};base64,{base64.b64encode(self.content).decode()}"


@dataclass(frozen=True)
class DocumentFrame:
    organization: str = ""
    draft: bool = False
    adopted_on_text: str = ""  # "16 juin 2022"
    adopted_by: str = ""
    # The note written when the year was locked ("Bilan annuel adopté à l'AGA du …").
    year_note: str = ""
    year_locked: bool = False
    logo: Logo | None = None
    # The plan document itself prints the plan's adoption; a report about the plan does not
    # (its own adoption is the year's AGA note).
    plan_document: bool = False

    @property
    def draft_mark(self) -> str:
        return gettext("Projet — version de travail") if self.draft else ""

    @property
    def adoption_line(self) -> str:
        """ "Adopté le 16 juin 2022 par le conseil d'administration", or "" for a draft."""
        if not self.plan_document or self.draft or not (self.adopted_on_text or self.adopted_by):
            return ""
        if self.adopted_on_text and self.adopted_by:
            return gettext("Adopté le %(date)s par %(body)s") % {
                "date": self.adopted_on_text,
                "body": text.typeset(self.adopted_by),
            }
        if self.adopted_on_text:
            return gettext("Adopté le %(date)s") % {"date": self.adopted_on_text}
        return gettext("Adopté par %(body)s") % {"body": text.typeset(self.adopted_by)}

    @property
    def sign_off(self) -> tuple[tuple[str, str], ...]:
        """The cover's signature lines: (role, what is printed after it)."""
        return (
            (gettext("Présidence"), ""),
            (gettext("Direction ou coordination"), ""),
            (
                gettext("Date d'adoption"),
                self.adopted_on_text if self.plan_document and not self.draft else "",
            ),
        )


NO_FRAME = DocumentFrame()
