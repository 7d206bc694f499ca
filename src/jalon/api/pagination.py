"""Cursor pagination: stable pages however many rows are added meanwhile, at any depth."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "id"  # unique and indexed: a cursor is a position in it
