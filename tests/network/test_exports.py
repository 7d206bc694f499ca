"""The directory for other tools: GeoJSON, CSV and XLSX, filtered like the directory, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from jalon.network.enums import OrganizationKind
from jalon.network.exports import neutralize

from ..factories import OrganizationFactory, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(network):
    a = OrganizationFactory(
        name="Instance de la Mauricie",
        acronym="IM",
        parent=network,
        region=region("04"),
        city="Trois-Rivières",
        latitude=Decimal("46.343200"),
        longitude=Decimal("-72.547700"),
    )
    b = OrganizationFactory(
        name='=HYPERLINK("http://x.example")',
        acronym="@SUM",
        parent=network,
        kind=OrganizationKind.LOCAL,
        region=region("09"),
    )
    return a, b


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Table 3", "Table 3"),
        ("", ""),
        (None, None),
        (Decimal("1.5"), Decimal("1.5")),
    ],
)
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(value, safe):
    assert neutralize(value) == safe


def test_the_geojson_places_the_organizations_that_have_coordinates(client, placed):
    response = client.get("/reseau/organisations.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["unplaced"] == 2  # the formula-named one and the network itself
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-72.5477, 46.3432]}
    assert feature["properties"]["name"] == "Instance de la Mauricie"
    assert feature["properties"]["region"] == "Mauricie"
    assert feature["properties"]["url"] == "/reseau/organisations/im/"


def test_the_exports_follow_the_directory_filters(client, placed):
    data = json.loads(client.get("/reseau/organisations.geojson?region=09-cote-nord").content)
    assert (len(data["features"]), data["unplaced"]) == (0, 1)
    rows = list(
        csv.reader(
            io.StringIO(client.get("/reseau/repertoire.csv?kind=local").content.decode("utf-8-sig"))
        )
    )
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x.example")']


def test_the_csv_is_neutralized_and_has_a_header(client, placed):
    response = client.get("/reseau/repertoire.csv")
    assert response["Content-Disposition"] == 'attachment; filename="repertoire.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffNom,Sigle,Type")
    rows = {r[0]: r for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))}
    bad = rows['\'=HYPERLINK("http://x.example")']
    assert bad[1] == "'@SUM"
    assert rows["Instance de la Mauricie"][5:8] == ["Mauricie", "", "Trois-Rivières"]


def test_the_xlsx_holds_text_never_formulas(client, placed):
    response = client.get("/reseau/repertoire.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Nom", "Sigle", "Type"]
    names = {row[0]: row for row in values[1:]}
    bad = names['\'=HYPERLINK("http://x.example")']
    assert all(not (isinstance(v, str) and v.startswith("=")) for row in values for v in row)
    assert bad[1] == "'@SUM"
    assert names["Instance de la Mauricie"][9:11] == [46.3432, -72.5477]


@pytest.mark.parametrize(
    "url",
    [
        "/reseau/carte/",
        "/reseau/organisations.geojson",
        "/reseau/repertoire.csv",
        "/reseau/repertoire.xlsx",
    ],
)
def test_each_export_runs_the_same_queries_for_5_and_50_organizations(
    client, network, django_assert_num_queries, url
):
    for i in range(5):
        OrganizationFactory(
            parent=network,
            region=region(f"{i % 17 + 1:02d}"),
            latitude=Decimal("46"),
            longitude=Decimal("-72"),
        )
    client.get(url)  # warm the caches (content types, sessions) outside the count
    with django_assert_num_queries(QUERIES[url]):
        client.get(url)
    for i in range(45):
        OrganizationFactory(parent=network, region=region(f"{i % 17 + 1:02d}"))
    with django_assert_num_queries(QUERIES[url]):
        client.get(url)


QUERIES = {
    "/reseau/carte/": 6,
    "/reseau/organisations.geojson": 4,
    "/reseau/repertoire.csv": 4,
    "/reseau/repertoire.xlsx": 4,
}
