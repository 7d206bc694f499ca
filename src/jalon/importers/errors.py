"""The one exception an import raises for a bad document, with its message in French and English."""

from __future__ import annotations


class DocumentError(Exception):
    """A document Jalon cannot read: says what went wrong and where.

    `message` is French (the source language), `message_en` English, `where` names the place
    ("page 3", "ligne 120", "feuille Plan, ligne 4, colonne C") or is empty when the whole file
    is at fault.
    """

    def __init__(self, message: str, message_en: str, where: str = "") -> None:
        self.message = message
        self.message_en = message_en
        self.where = where
        super().__init__(f"{where} : {message}" if where else message)
