"""The directory for other tools: GeoJSON (maps), CSV and XLSX (spreadsheets).

Every export reads the organizations the directory's filters select (`queries.directory`),
in a fixed number of queries. Text that a spreadsheet would read as a formula (a cell that
starts with = + - @, a tab or a carriage return) is neutralized with a leading apostrophe:
an organization's name is typed by its people, and must not run in someone else's Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from .models import Organization

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """A cell's value as a spreadsheet may read it safely: text starting like a formula gets "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _headers() -> list[object]:
    return [
        _("Nom"),
        _("Sigle"),
        _("Type"),
        _("Statut de membre"),
        _("Réseau parent"),
        _("Région"),
        _("Adresse"),
        _("Municipalité"),
        _("Code postal"),
        _("Latitude"),
        _("Longitude"),
        _("Site Web"),
        _("Courriel"),
        _("Téléphone"),
        _("Thèmes"),
    ]


def _row(o: Organization) -> list[object]:
    return [
        o.name,
        o.acronym,
        o.get_kind_display(),
        o.get_member_status_display(),
        o.parent.name if o.parent else "",
        o.region.name if o.region else "",
        o.address,
        o.city,
        o.postal_code,
        o.latitude,
        o.longitude,
        o.website,
        o.email,
        o.phone,
        " ; ".join(t.name for t in o.themes.all()),
    ]


def directory_rows(organizations: Iterable[Organization]) -> list[list[object]]:
    """The header and one neutralized row per organization (load with `queries.directory`)."""
    return [_headers()] + [[neutralize(v) for v in _row(o)] for o in organizations]


def as_csv(organizations: Iterable[Organization]) -> str:
    """CSV with a byte-order mark, so that Excel reads the accents as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in directory_rows(organizations):
        writer.writerow(["" if v is None else v for v in row])
    return "\ufeff" + out.getvalue()


def as_xlsx(organizations: Iterable[Organization]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (slow)
    from openpyxl.styles import Font  # noqa: PLC0415 (slow)

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Répertoire")[:31]
    for row in directory_rows(organizations):
        # Coordinates stay numbers; everything else is written as text (never as a formula).
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_geojson(organizations: Iterable[Organization], *, url_of: Any = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the organizations that have coordinates.

    Organizations without coordinates are counted in `unplaced` (a foreign member that tools
    ignore): a map that silently dropped them would look complete.
    """
    features = []
    unplaced = 0
    for o in organizations:
        if o.latitude is None or o.longitude is None:
            unplaced += 1
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(o.longitude), float(o.latitude)],
                },
                "properties": {
                    "name": o.name,
                    "acronym": o.acronym,
                    "kind": o.kind,
                    "kind_label": str(o.get_kind_display()),
                    "status": o.member_status,
                    "status_label": str(o.get_member_status_display()),
                    "region": o.region.name if o.region else "",
                    "city": o.city,
                    "themes": [t.name for t in o.themes.all()],
                    "url": url_of(o) if url_of else o.get_absolute_url(),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features, "unplaced": unplaced}
