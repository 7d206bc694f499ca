"""Placeholder, replaced below."""
from __future__ import annotations
from .layout import Layout
from .result import Recognized
def recognize_outline(layout: Layout, used: set[int]) -> Recognized:
    return Recognized(name="outline")
