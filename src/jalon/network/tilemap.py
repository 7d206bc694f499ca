"""The schematic tile map of Quebec's 17 administrative regions, drawn by Jalon (no map data).

Each region is a tile on a grid placed roughly where the region lies (Nord-du-Québec on top,
Outaouais to the west, Gaspésie to the east, Montréal and Laval in the south-west); the
regions page draws it as SVG beside a table with the same facts. Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Region code → (column, row) on the grid, west to east and north to south.
GRID: dict[str, tuple[int, int]] = {
    "10": (2, 0),
    "08": (0, 1),
    "02": (3, 1),
    "09": (5, 1),
    "07": (0, 2),
    "15": (1, 2),
    "14": (2, 2),
    "04": (3, 2),
    "03": (4, 2),
    "01": (5, 2),
    "11": (6, 2),
    "13": (1, 3),
    "17": (3, 3),
    "12": (4, 3),
    "06": (1, 4),
    "16": (2, 4),
    "05": (3, 4),
}

TILE_WIDTH = 136
TILE_HEIGHT = 92
GAP = 6
COLUMNS = 1 + max(col for col, _ in GRID.values())
ROWS = 1 + max(row for _, row in GRID.values())
WIDTH = COLUMNS * (TILE_WIDTH + GAP) - GAP
HEIGHT = ROWS * (TILE_HEIGHT + GAP) - GAP


def label_lines(name: str, width: int = 17) -> list[str]:
    """A region's name cut into at most two lines after its last dash that fits the first line.

    "Saguenay–Lac-Saint-Jean" → ["Saguenay–", "Lac-Saint-Jean"]; a short name stays whole.
    """
    if len(name) <= width:
        return [name]
    cuts = [i for i, char in enumerate(name[:width]) if char in "–-" and 0 < i < len(name) - 1]
    if not cuts:
        return [name]
    # A long dash separates the two names of a region: cut there first.
    long_dashes = [i for i in cuts if name[i] == "–"]
    cut = (long_dashes or cuts)[-1]
    return [name[: cut + 1], name[cut + 1 :]]


@dataclass(frozen=True)
class Place:
    x: int
    y: int

    @property
    def center_x(self) -> int:
        return self.x + TILE_WIDTH // 2


def place_of(code: str) -> Place | None:
    """Where a region's tile goes, or None for a region not on the map (a sub-territory)."""
    spot = GRID.get(code)
    if spot is None:
        return None
    col, row = spot
    return Place(x=col * (TILE_WIDTH + GAP), y=row * (TILE_HEIGHT + GAP))
