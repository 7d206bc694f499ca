"""Folding text for the search fallback: casefolded, accents removed ("Sécurité" → "securite")."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return [word for word in fold(text).split() if word]
