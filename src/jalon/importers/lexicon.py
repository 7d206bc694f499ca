"""The function-word lists the importer reads text with (French first, English second).

Each list answers one question: whether a wrapped line goes on (`FUNCTION_WORDS`), whether
a title was cut mid-sentence (`DANGLING_WORDS`), which small words an acronym's initials skip
(`ACRONYM_SKIPPED`), and which common words tell French from English (`FRENCH_CUES`,
`ENGLISH_CUES`). They are about how plans are written in general, never about one document.
"""

from __future__ import annotations

import re

# Words after which a wrapped line cannot end a sentence: the text goes on on the next line.
FUNCTION_WORDS = frozenset(
    [
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "à",
        "au",
        "aux",
        "en",
        "et",
        "ou",
        "sur",
        "pour",
        "par",
        "avec",
        "dans",
        "un",
        "une",
        "leur",
        "leurs",
        "ses",
        "son",
        "sa",
        "ce",
        "cet",
        "cette",
        "ces",
        "qui",
        "que",
        "dont",
        "entre",
        "vers",
        "chez",
        "sans",
        "sous",
        "selon",
        "afin",
        "lors",
        "auprès",
        "contre",
        "dès",
        "notre",
        "nos",
        "votre",
        "vos",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "quant",
        "face",
        "grâce",
        "jusqu",
        "puis",
        "ni",
        "mais",
        "car",
        "donc",
        "soit",
        "plus",
        "moins",
        "très",
        "tous",
        "toutes",
        "tout",
        "toute",
        "autres",
        "autre",
        "même",
        "mêmes",
        "chaque",
        "plusieurs",
        "certains",
        "of",
        "the",
        "and",
        "or",
        "to",
        "for",
        "with",
        "in",
        "on",
        "at",
        "by",
        "from",
        "a",
        "an",
        "as",
        "into",
    ]
)

# Words a French or English title does not end on: a title ending on one was cut mid-sentence.
DANGLING_WORDS = frozenset(
    re.findall(
        r"\S+",
        "à au aux de des du la le les et ou pour par sur dans avec un une son sa ses "
        "leur leurs notre nos votre vos ce cette ces entre vers chez sans selon afin que qui "
        "the of and or to for in on with an by",
    )
)

# Small words an expansion may hold without giving a letter to its acronym.
ACRONYM_SKIPPED = frozenset(
    ["de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "à", "au", "aux", "pour",
     "sur", "of", "the", "and", "for", "a", "par", "dans"]
)  # fmt: skip


# Frequent words that tell a French text from an English one (OCR corrections are French only).
FRENCH_CUES = ("de", "la", "les", "des", "et", "du", "pour", "avec", "sur", "une")
ENGLISH_CUES = ("the", "and", "of", "with", "for", "to", "from", "this")
