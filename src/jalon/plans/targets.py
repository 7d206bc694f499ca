"""Targets read from the words of an indicator.

Plans write their targets in sentences: "8 rencontres annuelles", "Taux de 75% de
satisfaction", "Hausse de 10% des contacts chaque année", "mise à jour tous les 3 mois".
`parse_target` reads such a sentence and returns a structured target (a JSON-serialisable
dict) that the plan page shows beside the text and that a person may correct; the text
itself is never rewritten. `plans.target_text.describe_target` turns a target back into a short phrase.

The reader is a small pipeline over a lower-cased copy of the text that keeps every
character at the same index as in the original, so the part of the text that carried the
target (`span`) can be cut from the original and highlighted:

1. cadences ("tous les 3 mois", "deux fois par année", "trimestriel") are found first,
   because they own their numbers;
2. numbers that are not targets are masked: years, dates, codes ("1.1.3"), plan years
   ("An 1"), ordinals ("20e"), hours and durations ("1h", "3 à 5 ans");
3. the remaining numbers decide between the numeric forms (rate and growth when a
   percentage is written, else a count); without a number, wording decides between growth,
   rate, plain count, frequency, milestone and qualitative, in that order.

Pure Python (no Django), so importers and reports use it too. docs/targets.md lists the
rules and the table of seed indicators the tests hold it to.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

TARGET_FORMS = (
    "count",
    "rate",
    "growth",
    "plain_count",
    "milestone",
    "frequency",
    "qualitative",
)
PERIODS = ("year", "semester", "quarter", "month", "week", "plan")
DIRECTIONS = ("increase", "decrease", "at_least", "at_most")
CADENCE_UNITS = ("day", "week", "month", "year")
CONFIDENCES = ("high", "low")

Target = dict[str, object]

# ---------------------------------------------------------------------------------------
# Text preparation: lower-case, NFC, one apostrophe, one dash, one space, same indexes.

_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u066a": "%",
    "\ufe6a": "%",
    "\uff05": "%",
}


@dataclass(frozen=True)
class _Text:
    original: str
    low: str
    starts: tuple[int, ...]  # index in `original` where each char of `low` comes from
    ends: tuple[int, ...]
    breaks: tuple[int, ...]  # where sentences end (";", ".", "!", "?", line breaks)
    markers: tuple[tuple[int, int, str], ...]  # periods written: start, end, period

    def cut(self, start: int, end: int) -> str | None:
        """The original text behind low[start:end], trimmed of spaces and punctuation."""
        while start < end and self.low[start] in " ,;:(":
            start += 1
        while end > start and self.low[end - 1] in " ,;:":
            end -= 1
        if end <= start:
            return None
        opened = self.low.count("(", start, end) - self.low.count(")", start, end)
        if opened > 0 and self.low.startswith(")", end):
            end += 1
        while opened < 0 and self.low[end - 1] == ")":
            end -= 1
            opened += 1
        return self.original[self.starts[start] : self.ends[end - 1]]


def _prepare(text: str) -> _Text:
    low: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        group = unicodedata.normalize("NFC", text[i:j]).lower()
        for char in group:
            low.append(_CHAR_MAP.get(char, char))
            starts.append(i)
            ends.append(j)
        i = j
    joined = "".join(low)
    breaks = tuple(m.start() for m in _SENTENCE_END.finditer(joined))
    markers = sorted(
        (m.start(), m.end(), period)
        for pattern, period in _PERIOD_MARKERS
        for m in pattern.finditer(joined)
    )
    return _Text(text, joined, tuple(starts), tuple(ends), breaks, tuple(markers))


# ---------------------------------------------------------------------------------------
# Numbers written in digits or in words.

_UNITS_FR = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
_UNITS_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {
    "cent": 100, "cents": 100, "hundred": 100, "mille": 1000, "thousand": 1000,
    "dizaine": 10, "dizaines": 10, "douzaine": 12, "douzaines": 12, "dozen": 12,
}  # fmt: skip
_NUMBER_WORDS = {**_UNITS_FR, **_UNITS_EN, **_MULTIPLIERS}
_ARTICLES = {"un", "une", "one"}  # also articles or pronouns: a number only in context

_WORD_ALT = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=lambda w: (-len(w), w)))
_WORD_NUMBER = re.compile(
    rf"\b(?:{_WORD_ALT})(?:(?:-et-|\s+et\s+)(?:un|une|onze)\b|(?:-|\s+)(?:{_WORD_ALT})){{0,5}}\b"
)
_DIGIT_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:[.,]\d+)?(?!\d)")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    article: bool  # "un", "une", "one": a number only when the context says so


def _words_value(words: str) -> float:
    total = 0
    current = 0
    for word in re.split(r"[\s-]+", words):
        if word in ("et", ""):
            continue
        if word in ("vingt", "vingts") and current % 100 == 4:
            current += 76  # "quatre-vingt": four twenties
        elif word in _MULTIPLIERS and _MULTIPLIERS[word] < 1000:
            current = (current or 1) * _MULTIPLIERS[word]
        elif word in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
        else:
            current += _NUMBER_WORDS[word]
    return float(total + current)


def _digits_value(digits: str) -> float:
    return float(digits.replace(" ", "").replace(",", "."))


def _numbers(low: str) -> list[_Number]:
    found: list[_Number] = []
    for m in _DIGIT_NUMBER.finditer(low):
        value = _digits_value(m.group())
        if math.isfinite(value):
            found.append(_Number(m.start(), m.end(), value, False))
    for m in _WORD_NUMBER.finditer(low):
        found.append(_Number(m.start(), m.end(), _words_value(m.group()), m.group() in _ARTICLES))
    found.sort(key=lambda n: n.start)
    return found


# ---------------------------------------------------------------------------------------
# Spans that hold numbers which are not targets.

_MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|janv|févr|fév|sept|oct|nov|déc|january|february|march|"
    r"april|may|june|july|august|september|october|november|december"
)
_SEASONS = r"printemps|été|automne|hiver|spring|summer|fall|autumn|winter"
_TIME_UNITS_LONG = r"ans|an|années|année|mois|years?|months?"
_TIME_UNITS_SHORT = r"semaines?|jours?|heures?|minutes?|hrs?|weeks?|days?|hours?"
# A number in digits or in words, as part of a larger pattern (valued by `_number_in`).
_NUM = rf"(?:\d+(?:[.,]\d+)?|(?:{_WORD_ALT})(?:(?:-|\s+)(?:et-|et\s+)?(?:{_WORD_ALT})){{0,5}}\b)"
_LABELS = (
    r"article|articles|no|n°|nº|numéro|numero|phase|volet|étape|etape|objectif|objectifs|"
    r"orientation|axe|action|actions|chapitre|section|page|p|version|niveau|priorité|"
    r"mesure|annexe|tableau|figure|point|lot|chantier|cohorte|groupe|stage|step|item|"
    r"goal|year|an|ans|année|années|round|tour|numéros|vague|wave|tome|résolution|loi|bill"
)

_NOT_TARGETS = [
    # codes such as "1.1.3", "2.4" (a decimal would carry a % or a unit word)
    re.compile(r"(?<![\w.,])\d+(?:\.\d+)+(?!\s*(?:%|pour\s*-?\s*cent|percent|\d))"),
    # plan years and labelled numbers: "An 1", "Ans 1 et 2", "an 1-2", "Phase 2", "no 3"
    re.compile(rf"(?<!par )(?<!/)\b(?:{_LABELS})\.?\s*#?\s*\d+(?:\s*(?:-|à|et|ou|,)\s*\d+)*\b"),
    # dates: "26 avril", "1er mai", "26/04/2018", "2018-04-26"
    re.compile(rf"\b\d{{1,2}}(?:er|re)?\s+(?:{_MONTHS})\b\.?"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}[-/]\d{1,2}[-/]\d{1,2}\b"),
    # ordinals: "20e", "1er", "2ème", "3rd"
    re.compile(r"\b\d+\s?(?:e|er|ère|re|ème|eme|ième|ieme|è|nd|nde|st|rd|th|ᵉ|ᵉʳ)\b"),
    # times and hours: "1h", "14 h 30", "9h00"
    re.compile(r"\b\d{1,2}\s?h(?:\s?\d{2})?\b"),
    # durations in years or months: "3 à 5 ans", "20 dernières années", "6 mois"
    re.compile(
        rf"\b{_NUM}(?:\s*(?:à|-|ou|et|to|or)\s*{_NUM})?\s+"
        rf"(?:(?:dernier|derniers|dernières|prochain|prochains|prochaines|premiers|premières|"
        rf"last|next|first|past)\s+)?(?:{_TIME_UNITS_LONG})\b"
    ),
    # well-known numbers that are names: "24/7", "COVID-19", "G7"
    re.compile(r"\b24\s?/\s?7\b|(?<=[a-z]-)\d+\b"),
]
# Short durations ("2 jours", "3 heures") are counts only when a period follows:
# "10 jours de formation par année".
_SHORT_DURATION = re.compile(rf"\b{_NUM}\s+(?:{_TIME_UNITS_SHORT})\b")
_YEAR = re.compile(r"(?<![\w.,/])(?:19|20)\d\d(?![\d%])")
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:en|depuis|dès|avant|après|d'ici|aga|fin|début|l'an|année|exercice|"
    rf"in|since|by|before|after|{_MONTHS}|{_SEASONS})|[-/])\s*$"
)
_YEAR_AFTER_NOUN = re.compile(r"\s*(?![-/])([^\W\d_][\w'-]*)")
_STOPWORDS = {
    "de", "d'", "des", "du", "la", "le", "les", "l'", "et", "ou", "à", "au", "aux", "en",
    "par", "pour", "sur", "dans", "avec", "chez", "vers", "entre", "qui", "que", "dont",
    "est", "sont", "a", "ont", "sera", "seront", "an", "ans", "and", "or", "the", "to",
    "of", "in", "for", "on", "at", "by", "with", "is", "are", "was", "were", "fois", "x",
    "times", "environ", "soit", "plus", "moins",
}  # fmt: skip


def _year_is_number(low: str, start: int, end: int) -> bool:
    """Whether a 4-digit 19xx/20xx number counts something ("2000 visites") or is a year."""
    if _YEAR_BEFORE.search(low[max(0, start - 30) : start]):
        return False
    after = _YEAR_AFTER_NOUN.match(low, end)
    if after is None:
        return False
    word = after.group(1)
    return word not in _STOPWORDS and not re.fullmatch(rf"{_MONTHS}|{_SEASONS}", word)


# ---------------------------------------------------------------------------------------
# Periods, cadences, qualifiers.

_PERIOD_MARKERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bpar\s+(?:année|annee|an|exercice)\b(?!\s*\d)|/\s*(?:année|an|yr|year)\b"
                r"|\bannuel(?:le)?s?\b|\bannuellement\b|\b(?:à\s+)?chaque\s+année\b"
                r"|\btous\s+les\s+ans\b|\btoutes\s+les\s+années\b|\bl'an\b(?!\s*\d)"
                r"|\b(?:per|a|each|every)\s+year\b|\b(?:annual|annually|yearly)\b"
                r"|\bper\s+annum\b"), "year"),
    (re.compile(r"\bpar\s+semestre\b|/\s*semestre\b|\bsemestriel(?:le)?s?\b"
                r"|\bsemestriellement\b|\b(?:à\s+)?chaque\s+semestre\b"
                r"|\b(?:per|each|every|a)\s+semester\b|\bsemi-?annual(?:ly)?\b"
                r"|\bhalf-yearly\b|\btous\s+les\s+6\s+mois\b|\baux\s+(?:6|six)\s+mois\b"),
     "semester"),
    (re.compile(r"\bpar\s+trimestre\b|/\s*trimestre\b|\btrimestriel(?:le)?s?\b"
                r"|\btrimestriellement\b|\b(?:à\s+)?chaque\s+trimestre\b"
                r"|\b(?:per|each|every|a)\s+quarter\b|\bquarterly\b"
                r"|\btous\s+les\s+(?:3|trois)\s+mois\b|\baux\s+(?:3|trois)\s+mois\b"), "quarter"),
    (re.compile(r"\bpar\s+mois\b|/\s*mois\b|\bmensuel(?:le)?s?\b|\bmensuellement\b"
                r"|\b(?:à\s+)?chaque\s+mois\b|\btous\s+les\s+mois\b"
                r"|\b(?:per|a|each|every)\s+month\b|\bmonthly\b"), "month"),
    (re.compile(r"\bpar\s+semaine\b|/\s*semaine\b|\bhebdomadaires?\b|\bhebdomadairement\b"
                r"|\b(?:à\s+)?chaque\s+semaine\b|\btoutes\s+les\s+semaines\b"
                r"|\b(?:per|a|each|every)\s+week\b|\bweekly\b"), "week"),
    (re.compile(r"\b(?:sur|pendant|durant|pour)\s+(?:toute\s+)?(?:la\s+durée|l'ensemble)\s+du"
                r"\s+plan\b|\bd'ici\s+la\s+fin\s+du\s+plan\b|\bau\s+cours\s+du\s+plan\b"
                r"|\bau\s+total\b|\bin\s+total\b|\bover\s+the\s+(?:whole\s+)?plan\b"
                r"|\bby\s+the\s+end\s+of\s+the\s+plan\b|\bduring\s+the\s+plan\b"), "plan"),
]  # fmt: skip

_PERIOD_WORDS = {
    "année": "year", "annee": "year", "an": "year", "ans": "year", "années": "year",
    "year": "year", "years": "year", "semestre": "semester", "semestres": "semester",
    "semester": "semester", "trimestre": "quarter", "trimestres": "quarter",
    "quarter": "quarter", "quarters": "quarter", "mois": "month", "month": "month",
    "months": "month", "semaine": "week", "semaines": "week", "week": "week",
    "weeks": "week", "jour": "day", "jours": "day", "day": "day", "days": "day",
    "plan": "plan",
}  # fmt: skip
_PERIOD_WORD_ALT = "|".join(sorted(_PERIOD_WORDS, key=lambda w: -len(w)))
# A cadence expressed as a number of units between two occurrences.
_EVERY_IN_MONTHS = {"semester": 6, "quarter": 3}

_TIMES = re.compile(
    rf"\b(?:(?P<n>{_NUM})\s*(?:fois|x|times)|(?P<w>once|twice|thrice))\s+"
    rf"(?:par\s+|/\s*|l'|à\s+chaque\s+|chaque\s+|a\s+|per\s+|every\s+|each\s+|"
    rf"au\s+cours\s+(?:de\s+l'|du\s+|de\s+la\s+)|dans\s+l'|durant\s+l'|pendant\s+l')"
    rf"(?P<p>{_PERIOD_WORD_ALT})\b"
)
_EVERY = re.compile(
    rf"\b(?P<c>(?:à\s+)?(?:tous|toutes)\s+les|(?:à\s+)?chaque|aux|every)\s+"
    rf"(?:(?P<n>{_NUM})\s+)?(?P<u>{_PERIOD_WORD_ALT})\b"
)
# Without a number, "tous les mois" is a cadence but "aux années passées" is not.
_EVERY_WITHOUT_NUMBER = {
    "tous les": {"mois", "ans", "jours", "trimestres", "semestres"},
    "à tous les": {"mois", "ans", "jours", "trimestres", "semestres"},
    "toutes les": {"semaines", "années"},
    "à toutes les": {"semaines", "années"},
    "every": {"day", "week", "month", "quarter", "year"},
}
_CADENCE_WORDS: list[tuple[re.Pattern[str], float, str, dict[str, object] | None, bool]] = [
    # pattern, occurrences, per period, cadence, sure (False: the word is used both ways)
    (re.compile(r"\bquotidien(?:ne)?s?\b|\bquotidiennement\b|\bdaily\b"),
     7, "week", {"count": 1, "unit": "day"}, True),
    (re.compile(r"\bbihebdomadaires?\b"), 2, "week", None, False),
    (re.compile(r"\bhebdomadaires?\b|\bhebdomadairement\b|\bweekly\b"),
     1, "week", {"count": 1, "unit": "week"}, True),
    (re.compile(r"\bbi-?weekly\b|\bfortnightly\b"), 26, "year", {"count": 2, "unit": "week"},
     True),
    (re.compile(r"\bbimensuel(?:le)?s?\b"), 2, "month", None, False),
    (re.compile(r"\bmensuel(?:le)?s?\b|\bmensuellement\b|\bmonthly\b"),
     1, "month", {"count": 1, "unit": "month"}, True),
    (re.compile(r"\bbimestriel(?:le)?s?\b|\bbi-?monthly\b"),
     6, "year", {"count": 2, "unit": "month"}, False),
    (re.compile(r"\btrimestriel(?:le)?s?\b|\btrimestriellement\b|\bquarterly\b"),
     4, "year", {"count": 3, "unit": "month"}, True),
    (re.compile(r"\bsemestriel(?:le)?s?\b|\bsemestriellement\b|\bsemi-?annual(?:ly)?\b"
                r"|\bhalf-yearly\b"), 2, "year", {"count": 6, "unit": "month"}, True),
    (re.compile(r"\bbiannuel(?:le)?s?\b|\bbi-?annual(?:ly)?\b"),
     2, "year", {"count": 6, "unit": "month"}, False),
    (re.compile(r"\bbisannuel(?:le)?s?\b|\bbiennal(?:e|es|aux)?\b|\bbiennial(?:ly)?\b"),
     0.5, "year", {"count": 2, "unit": "year"}, True),
    (re.compile(r"\btriennal(?:e|es|aux)?\b|\btriennial(?:ly)?\b"),
     0.33, "year", {"count": 3, "unit": "year"}, True),
]  # fmt: skip
# Weaker: "chaque année" says something happens each year, but also qualifies counts.
_WEAK_CADENCE = re.compile(
    rf"\b(?:à\s+)?chaque\s+(?P<u>{_PERIOD_WORD_ALT})\b|\b(?:each|every)\s+(?P<e>year|month|week)\b"
    r"|\b(?P<a>annuellement|annually|yearly)\b"
)

_AT_LEAST_BEFORE = re.compile(
    r"(?:\bau\s+moins|\bau\s+minimum|(?:\bun\s+)?\bminimum(?:\s+de|\s+d')?|\bminimalement|\bplus\s+de"
    r"|\bpas\s+moins\s+de|\bat\s+least|\b(?:a\s+)?minimum\s+of|\bmore\s+than|\bover"
    r"|\bno\s+fewer\s+than|\bno\s+less\s+than|≥|>=?)\s*$"
)
_AT_MOST_BEFORE = re.compile(
    r"(?:\bau\s+plus|\bau\s+maximum|(?:\bun\s+)?\bmaximum(?:\s+de|\s+d')?|\bmoins\s+de|\bjusqu'à"
    r"|\bpas\s+plus\s+de|\bat\s+most|\b(?:a\s+)?maximum\s+of|\bup\s+to|\bless\s+than"
    r"|\bfewer\s+than|\bno\s+more\s+than|≤|<=?)\s*$"
)
_AT_LEAST_AFTER = re.compile(r"^\s*(?:minimum|au\s+minimum|ou\s+plus|et\s+plus|or\s+more|\+)")
_AT_MOST_AFTER = re.compile(r"^\s*(?:maximum|au\s+maximum|ou\s+moins|or\s+less|or\s+fewer)")

_PERCENT_AFTER = re.compile(r"\s*(?:%|pour\s*-?\s*cent\b|pourcent\b|per\s*-?\s*cent\b|percent\b)")
_RANGE_BETWEEN = re.compile(r"\s*(?:à|a|-|ou|to|or)\s*$")
_RANGE_ENTRE = re.compile(r"\b(?:entre|between)\s*$")
_RANGE_AND = re.compile(r"\s*(?:%\s*)?(?:et|and)\s*$")
_OUT_OF = re.compile(r"\s*(?:sur|/|out\s+of)\s*$")

_INCREASE = (
    r"hausse|hausses|augmentation|augmentations|accroissement|croissance|progression|"
    r"bonification|augmenter|accroître|accroitre|hausser|bonifier|doubler|increase|"
    r"increases|increasing|growth|grow|rise|raise"
)
_DECREASE = (
    r"baisse|baisses|diminution|diminutions|réduction|réductions|reduction|recul|réduire|"
    r"diminuer|baisser|decrease|decreases|decline|reduce|drop|lower"
)
_GROWTH_WORD = re.compile(rf"\b(?:(?P<up>{_INCREASE})|(?P<down>{_DECREASE}))\b")
_GROWTH_OPENING = re.compile(
    rf"^\W*(?:une\s+|an\s+|a\s+|l'|la\s+)?(?:(?:{_INCREASE})|(?:{_DECREASE}))\b"
    r"(?:\s+(?:significative|importante|marquée|constante|continue|graduelle|notable|"
    r"significant|steady))?\s+(?:du|de\s+la|des|de\s+l'|d'|de|in|of)\b"
)
# A count that should change: "le nombre de visites augmente".
_GROWTH_VERB = re.compile(
    r"\b(?P<up>augmente|augmentent|augmenté|augmentée|augmentés|augmentées|accru|accrue|"
    r"accrus|accrues|croît|croissant|en\s+hausse|increases|increased|grows|rising)\b"
    r"|\b(?P<down>diminue|diminuent|diminué|diminuée|diminués|diminuées|réduit|réduite|"
    r"réduits|réduites|en\s+baisse|decreases|decreased|falls|declining)\b"
)
# Shares written as fractions: "la moitié des membres", "les deux tiers des participants".
_FRACTION = re.compile(
    r"\b(?:(?:la|le|les|un|une|the)\s+)?(?:(?P<n>deux|trois|2|3)\s+)?(?P<f>moitié|tiers|quarts?)"
    r"(?=\s+(?:de|des|du|d')\b)"
)
_FRACTION_VALUES = {"moitié": 50.0, "tiers": 100 / 3, "quart": 25.0, "quarts": 25.0}
# Multiplying a count: "doubler le nombre de membres".
_MULTIPLY = re.compile(
    r"\b(?:(?P<two>doubler|doublé|doublée|doublés|doublées|doubling|to\s+double)"
    r"|(?P<three>tripler|triplé|triplée|triplés|triplées|tripling|to\s+triple))\b"
)
_RATE_WORD = re.compile(
    r"\b(?:taux|pourcentage|proportion|ratio|rate|percentage|share)\b(?:\s+(?:de|d'|du|des|of))?"
)
_PLAIN_COUNT = re.compile(
    r"\b(?:nombre|nombres|nb|nbre|quantité|number|count|total)"
    r"(?:\s+(?:total|totale|moyen|annuel|cumulatif|cumulé|réel|total|average|annual))?\s*"
    r"(?:de\s+|d'|des\s+|du\s+|of\s+)(?:la\s+|l'|les\s+|the\s+)?(?P<unit>[^\W\d_][\w-]*)"
    r"|#\s*(?:de\s+|d'|of\s+)?(?P<unit2>[^\W\d_][\w-]*)"
)

_OPENING_ACTS = (
    r"rédaction|redaction|adoption|création|creation|mise\s+en\s+place|mise\s+sur\s+pied|"
    r"mise\s+en\s+œuvre|mise\s+en\s+oeuvre|mise\s+en\s+ligne|mise\s+à\s+jour|élaboration|"
    r"production|co-?production|réalisation|organisation|embauche|processus\s+de\s+sélection|"
    r"sélection|modification|révision|refonte|établissement|distribution|lancement|"
    r"signature|dépôt|publication|tenue|formation|recrutement|préparation|adaptation|"
    r"conception|implantation|acquisition|obtention|identification|définition|traduction|"
    r"évaluation|bilan|constitution|nomination|approbation|conclusion|développement|"
    r"construction|planification|réflexion|diffusion|inauguration|démarrage|finalisation|"
    r"adoption|drafting|development|implementation|launch|hiring|completion|establishment|"
    r"publication|creation|organization|approval|delivery|design"
)
# An act named at the opening, possibly after a short condition ("S'il y a lieu, …").
_OPENING_MILESTONE = re.compile(
    rf"^\W*(?:[^,;:]{{0,25}}[,;:]\s*)?(?P<act>(?:(?:possible|éventuelle?|nouvelle?|new)\s+)?"
    rf"(?:{_OPENING_ACTS})s?)\b"
)
_PARTICIPLES = (
    r"adopté|complété|réalisé|formalisé|élaboré|rédigé|signé|créé|terminé|achevé|déposé|"
    r"développé|embauché|identifié|lancé|publié|implanté|approuvé|entériné|organisé|évalué|"
    r"partagé|diffusé|acheminé|formé|constitué|nommé|défini|documenté|finalisé|ratifié|"
    r"inauguré|produit|transmis|remis|conclu|obtenu|opérationnel|disponible|"
    r"mis(?:es?)?\s+à\s+la\s+disposition|"
    # "la mise en œuvre du plan", "une mise à jour de l'état" are nouns, not outcomes
    r"mis(?:es?)?\s+(?:en\s+place|sur\s+pied|en\s+ligne|en\s+œuvre|en\s+oeuvre|à\s+jour)"
    r"(?!\s+(?:de|du|des|d')\b)"
)
_PARTICIPLE = re.compile(
    rf"\b(?:{_PARTICIPLES})(?:e|le)?s?\b|\ben\s+(?:place|ligne)\b(?!\s+(?:de|du|des|d')\b)"
    r"|\b(?:adopted|completed|launched|published|approved|signed|created|developed|"
    r"available|hired|delivered|finalized|finalised|in\s+place|online|done)\b"
)
# A participle is an adjective in "une vision partagée" but an outcome in "Outils partagés"
# (a heading with no article) or "La politique est adoptée" (after an auxiliary).
_DETERMINER_OPENING = re.compile(
    r"^\W*(?:le|la|les|l'|un|une|des|du|de|d'|ce|ces|cet|cette|son|sa|ses|leur|leurs|notre|"
    r"nos|the|a|an|our|their|its)\b"
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:est|sont|soit|soient|sera|seront|serait|été|être|étant|a|ont|is|are|was|were|"
    r"been|be|has|have)\s+(?:[\w'-]+\s+){0,2}$"
)
_STRONG_PARTICIPLE = re.compile(
    r"\b(?:adopté|complété|terminé|achevé|signé|finalisé|ratifié|entériné|approuvé)(?:e)?s?\b"
    r"|\bmis(?:es?)?\s+en\s+place\b|\ben\s+place\b|\b(?:adopted|completed|signed|approved)\b"
)

_HEADING_BEFORE = re.compile(r"^\W*([^\W\d_][\w'-]*)[^:()\d]*[:(]\s*$")
_DEFINITE_BEFORE = re.compile(
    r"\b(?:les|des|aux|ces|ses|leurs|nos|vos|the|these|those|its|their|our)\s+$"
)
_UNIT_WORD = re.compile(
    r"\s*(?:(?P<money>(?:[km]\s?)?\$|€|dollars?\b)|(?:d'|de\s+)?(?P<word>[^\W\d_][\w'-]*))"
)
_UNIT_SKIP = {
    "nouveaux", "nouvelles", "nouveau", "nouvelle", "nouvel", "grands", "grandes", "petits",
    "petites", "principaux", "principales", "autres", "différents", "différentes",
    "premiers", "premières", "new", "more", "other", "different", "main", "bonnes",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[;!?\n]|\.(?!\d)")


# ---------------------------------------------------------------------------------------
# Building blocks.


@dataclass(frozen=True)
class _Cadence:
    start: int
    end: int
    value: float
    period: str | None
    every: dict[str, object] | None
    sure: bool


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _number_in(text: str | None) -> float | None:
    """The value of a number written in digits or words, or None."""
    if not text:
        return None
    text = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return _digits_value(text)
    if _WORD_NUMBER.fullmatch(text):
        return _words_value(text)
    return None


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _per_period(count: float, unit: str) -> tuple[float, str, dict[str, object]]:
    """Occurrences per period for "every `count` `unit`s" (3 months: 4 per year)."""
    if unit in _EVERY_IN_MONTHS:
        count, unit = count * _EVERY_IN_MONTHS[unit], "month"
    every: dict[str, object] = {"count": _tidy(count), "unit": unit}
    if unit == "day":
        return 7 / count, "week", every
    if unit == "week":
        return (1.0, "week", every) if count == 1 else (52 / count, "year", every)
    if unit == "month":
        return (1.0, "month", every) if count == 1 else (12 / count, "year", every)
    return 1 / count, "year", every


def _cadences(low: str) -> list[_Cadence]:
    found: list[_Cadence] = []
    for m in _TIMES.finditer(low):
        n = {"once": 1.0, "twice": 2.0, "thrice": 3.0}.get(m.group("w") or "")
        n = n or _number_in(m.group("n"))
        period = _PERIOD_WORDS[m.group("p")]
        if n is None or n <= 0:
            continue
        if period == "day":
            n, period = n * 7, "week"
        found.append(_Cadence(m.start(), m.end(), n, period, None, True))
    for m in _EVERY.finditer(low):
        if _overlaps(m.start(), m.end(), [(c.start, c.end) for c in found]):
            continue
        written, word = m.group("n"), m.group("u")
        connector = re.sub(r"\s+", " ", m.group("c"))
        if written:
            n = _number_in(written)
        else:
            n = 1.0 if word in _EVERY_WITHOUT_NUMBER.get(connector, ()) else None
        unit = _PERIOD_WORDS[word]
        if n is None or n <= 0 or unit == "plan":
            continue
        value, period, every = _per_period(n, unit)
        found.append(_Cadence(m.start(), m.end(), value, period, every, True))
    for pattern, times, per, cadence, sure in _CADENCE_WORDS:
        for m in pattern.finditer(low):
            found.append(_Cadence(m.start(), m.end(), times, per, cadence, sure))
    found.sort(key=lambda c: c.start)
    return found


def _masked(t: _Text, cadences: list[_Cadence]) -> list[tuple[int, int]]:
    """Spans holding numbers that are not targets: years, dates, codes, durations…"""
    low = t.low
    owned = [(c.start, c.end) for c in cadences]
    spans: list[tuple[int, int]] = []
    for pattern in _NOT_TARGETS:
        for m in pattern.finditer(low):
            if not _overlaps(m.start(), m.end(), owned):
                spans.append((m.start(), m.end()))
    for m in _YEAR.finditer(low):
        if not _year_is_number(low, m.start(), m.end()):
            spans.append((m.start(), m.end()))
    for m in _SHORT_DURATION.finditer(low):
        said = _markers_in(t, m.end(), _sentence_end(t, m.end()))
        if not said and not _overlaps(m.start(), m.end(), owned):
            spans.append((m.start(), m.end()))
    return spans


def _sentence_end(t: _Text, position: int) -> int:
    index = bisect.bisect_left(t.breaks, position)
    return t.breaks[index] if index < len(t.breaks) else len(t.low)


def _sentence_start(t: _Text, position: int) -> int:
    index = bisect.bisect_left(t.breaks, position)
    return t.breaks[index - 1] + 1 if index else 0


def _markers_in(t: _Text, first: int, last: int) -> list[tuple[int, int, str]]:
    """The periods written between two positions."""
    index = bisect.bisect_left(t.markers, (first, 0, ""))
    found = []
    while index < len(t.markers) and t.markers[index][0] < last:
        if t.markers[index][1] <= last:
            found.append(t.markers[index])
        index += 1
    return found


def _period_near(t: _Text, start: int, end: int) -> tuple[str | None, int, int]:
    """The period written in the same sentence, preferring the one after the target."""
    best: tuple[int, str, int, int] | None = None
    for m_start, m_end, period in _markers_in(t, _sentence_start(t, start), _sentence_end(t, end)):
        distance = m_start - end if m_start >= end else (start - m_end) + 1000
        if best is None or distance < best[0]:
            best = (distance, period, m_start, m_end)
    if best is None:
        return None, start, end
    return best[1], best[2], best[3]


def _direction_around(low: str, start: int, end: int) -> tuple[str | None, int]:
    """ "at_least"/"at_most" from the words around a number, and where the words begin."""
    offset = max(0, start - 40)
    before = low[offset:start]
    found = [
        (m.start(), direction)
        for pattern, direction in ((_AT_LEAST_BEFORE, "at_least"), (_AT_MOST_BEFORE, "at_most"))
        if (m := pattern.search(before))
    ]
    if found:
        # the longer phrase wins: "pas plus de" (at most) over "plus de" (at least)
        first, direction = min(found)
        return direction, offset + first
    after = low[end : end + 40]
    if _AT_LEAST_AFTER.match(after):
        return "at_least", start
    if _AT_MOST_AFTER.match(after):
        return "at_most", start
    return None, start


def _unit_after(t: _Text, position: int) -> tuple[str | None, int]:
    """The noun counted after a number ("8 rencontres"), as written, and where it ends."""
    low = t.low
    m = _UNIT_WORD.match(low, position)
    if not m:
        return None, position
    if m.group("money"):
        return t.cut(m.start("money"), m.end("money")), m.end()
    if m.group("word").strip("'-") in _UNIT_SKIP:
        follow = _UNIT_WORD.match(low, m.end())
        if follow and follow.group("word"):
            m = follow
    word = m.group("word").rstrip("'-")
    if (
        word in _STOPWORDS
        or word in _NUMBER_WORDS
        or word in ("an", "ans", "année", "années", "mois", "plan")
        or any(p.fullmatch(word) for p, _ in _PERIOD_MARKERS)
        or re.fullmatch(r"minimum|maximum|minimal|maximal|pourcent|percent", word)
    ):
        return None, position
    return _as_unit(t.cut(m.start("word"), m.start("word") + len(word))), m.end()


def _result(
    form: str,
    *,
    value: float | None = None,
    unit: str | None = None,
    period: str | None = None,
    every: dict[str, object] | None = None,
    direction: str | None = None,
    span: str | None = None,
    confidence: str = "high",
    extra: Mapping[str, float] | None = None,
) -> Target:
    target: Target = {
        "form": form,
        "value": None if value is None else _tidy(value),
        "unit": unit,
        "period": period,
        "every": dict(every) if every else None,  # a copy: callers may edit the target
        "direction": direction,
        "span": span,
        "confidence": confidence,
    }
    for key, number in (extra or {}).items():
        target[key] = _tidy(number)
    return target


# ---------------------------------------------------------------------------------------
# The forms, tried in order.


def _range_after(low: str, numbers: list[_Number], index: int, end: int) -> _Number | None:
    """The upper bound of "5 à 8", "5-8", "entre 5 et 8" starting at numbers[index]."""
    if index + 1 >= len(numbers):
        return None
    number, upper = numbers[index], numbers[index + 1]
    between = low[end : upper.start]
    if _RANGE_BETWEEN.fullmatch(between):
        return upper
    entre = _RANGE_ENTRE.search(low[max(0, number.start - 12) : number.start])
    return upper if entre and _RANGE_AND.fullmatch(between) else None


def _percent_target(t: _Text, numbers: list[_Number]) -> Target | None:
    low = t.low
    for index, number in enumerate(numbers):
        percent = _PERCENT_AFTER.match(low, number.end)
        end = percent.end() if percent else number.end
        extra: dict[str, float] = {}
        upper = _range_after(low, numbers, index, end)
        upper_percent = _PERCENT_AFTER.match(low, upper.end) if upper else None
        if upper and upper_percent:
            extra["max"], end = upper.value, upper_percent.end()
        elif not percent:
            continue
        begin = number.start
        entre = _RANGE_ENTRE.search(low[max(0, begin - 12) : begin]) if extra else None
        if entre:
            begin = max(0, number.start - 12) + entre.start()
        before = low[max(0, number.start - 2) : number.start]
        sign = before[-1] if before[-1:] in ("+", "-") and not before[:1].isalnum() else ""
        if sign:
            begin -= 1
        first, last = _sentence_start(t, number.start), _sentence_end(t, end)
        growth = None
        for m in _GROWTH_WORD.finditer(low, first, last):
            if m.start() < number.start or m.start() - end < 20:
                growth = m
                break
        level = re.search(r"(?:\bà|\bto|\bjusqu'à)\s*$", low[first : number.start])
        if (growth or sign) and not level and not extra:
            up = sign == "+" or (not sign and growth is not None and bool(growth.group("up")))
            period, p_start, p_end = _period_near(t, number.start, end)
            stop = max(end, growth.end() if growth else end)
            if period and p_start >= stop:
                stop = p_end
            if growth:
                begin = min(begin, growth.start())
            return _result(
                "growth",
                value=number.value,
                unit="%",
                period=period,
                direction="increase" if up else "decrease",
                span=t.cut(begin, stop),
            )
        direction, qualifier = _direction_around(low, number.start, end)
        begin = min(begin, qualifier)
        if growth and not direction:
            direction = "at_least" if growth.group("up") else "at_most"
        rate = _RATE_WORD.search(low, max(first, number.start - 45), number.start)
        if rate and not _DIGIT_NUMBER.search(low, rate.end(), number.start):
            begin = min(begin, rate.start())
        period, _, _ = _period_near(t, number.start, end)
        return _result(
            "rate",
            value=number.value,
            unit="%",
            period=period,
            direction="at_least" if extra else direction or "at_least",
            span=t.cut(begin, end),
            extra=extra,
        )
    return None


def _fraction_target(t: _Text) -> Target | None:
    m = _FRACTION.search(t.low)
    if m is None:
        return None
    times = {"deux": 2, "trois": 3, "2": 2, "3": 3}.get(m.group("n") or "", 1)
    direction, begin = _direction_around(t.low, m.start(), m.end())
    return _result(
        "rate",
        value=_FRACTION_VALUES[m.group("f")] * times,
        unit="%",
        direction=direction or "at_least",
        span=t.cut(min(begin, m.start()), m.end()),
    )


def _count_target(t: _Text, numbers: list[_Number], cadences: list[_Cadence]) -> Target | None:
    low = t.low
    periods_written = bool(cadences) or bool(t.markers)

    def usable(n: _Number) -> bool:
        """Whether "un"/"une" counts here: "Au moins une rencontre", "Une rencontre par année"."""
        if _direction_around(low, n.start, n.end)[0]:
            return True
        opening = re.search(r"(?:^|[,;:.]|\bet)\W*$", low[: n.start])
        return bool(opening and periods_written and _unit_after(t, n.end)[0])

    def known_set(n: _Number) -> bool:
        """ "les deux réseaux", "des 19 régions": a known set, not a target, unless a period
        says it is one ("aux 5 à 6 réunions annuelles")."""
        if not _DEFINITE_BEFORE.search(low, max(0, n.start - 12), n.start):
            return False
        return not _markers_in(t, _sentence_start(t, n.start), _sentence_end(t, n.end))

    numbers = [n for n in numbers if not known_set(n)]
    index = next((i for i, n in enumerate(numbers) if not n.article), None)
    if index is None:
        index = next((i for i, n in enumerate(numbers) if usable(n)), None)
    if index is None:
        return None
    chosen = numbers[index]
    extra: dict[str, float] = {}
    begin, end = chosen.start, chosen.end
    upper = _range_after(low, numbers, index, end)
    rest = numbers[index + 1 :]
    if upper:
        extra["max"], end = upper.value, upper.end
        entre = _RANGE_ENTRE.search(low[max(0, begin - 12) : begin])
        if entre:
            begin = max(0, chosen.start - 12) + entre.start()
        rest = rest[1:]
    if rest and _OUT_OF.fullmatch(low[end : rest[0].start]):
        extra["out_of"], end = rest[0].value, rest[0].end
        rest = rest[1:]
    unit, stop = _unit_after(t, end)
    stop = max(stop, end)
    if unit and rest and _OUT_OF.fullmatch(low[stop : rest[0].start]):
        extra["out_of"], stop = rest[0].value, rest[0].end
    if unit is None:
        named = _PLAIN_COUNT.search(low, 0, chosen.start)
        heading = _HEADING_BEFORE.match(low[: chosen.start])
        if named:
            unit = _count_noun(t, named)
            begin = min(begin, named.start())
        elif heading:
            # "Rencontres du comité : 8 par année", "Rencontres régionales (4)"
            unit = _as_unit(t.cut(heading.start(1), heading.end(1)))
            begin = min(begin, heading.start(1))
    direction, qualifier = _direction_around(low, chosen.start, stop)
    begin = min(begin, qualifier)
    period, p_start, p_end = _period_near(t, chosen.start, stop)
    if period and p_start >= stop:
        stop = p_end
    sure = unit is not None and period is not None and (not chosen.article or bool(direction))
    return _result(
        "count",
        value=chosen.value,
        unit=unit,
        period=period,
        direction="at_least" if "max" in extra else direction or "at_least",
        span=t.cut(begin, stop),
        confidence="high" if sure else "low",
        extra=extra,
    )


def _frequency_target(t: _Text, cadences: list[_Cadence]) -> Target | None:
    if not cadences:
        return None
    cadence = cadences[0]
    direction, begin = _direction_around(t.low, cadence.start, cadence.end)
    return _result(
        "frequency",
        value=cadence.value,
        period=cadence.period,
        every=cadence.every,
        direction=direction or "at_least",
        span=t.cut(min(begin, cadence.start), cadence.end),
        confidence="high" if cadence.sure else "low",
    )


def _weak_frequency_target(t: _Text) -> Target | None:
    m = _WEAK_CADENCE.search(t.low)
    if not m:
        return None
    word = m.group("u") or m.group("e") or "year"
    unit = _PERIOD_WORDS[word]
    if unit == "plan":
        return None
    value, period, every = _per_period(1.0, unit)
    return _result(
        "frequency",
        value=value,
        period=period,
        every=every,
        direction="at_least",
        span=t.cut(m.start(), m.end()),
        confidence="low",
    )


def _as_unit(word: str | None) -> str | None:
    """A counted noun as the plan wrote it, without the capital of a sentence's first word."""
    if word is None or word.isupper():
        return word
    return word[:1].lower() + word[1:]


def _count_noun(t: _Text, m: re.Match[str]) -> str | None:
    group = "unit" if m.group("unit") else "unit2"
    return _as_unit(t.cut(m.start(group), m.end(group)))


def _wording_target(t: _Text) -> Target | None:
    """Growth, rate or plain count named without a number: "Augmentation du nombre de…"."""
    low = t.low
    multiply = _MULTIPLY.search(low)
    if multiply:
        period, _, _ = _period_near(t, multiply.start(), multiply.end())
        return _result(
            "growth",
            value=100 if multiply.group("two") else 200,
            unit="%",
            period=period,
            direction="increase",
            span=t.cut(multiply.start(), multiply.end()),
        )
    growth = _GROWTH_OPENING.search(low)
    if growth:
        word = _GROWTH_WORD.search(low, growth.start())
        period, _, _ = _period_near(t, growth.start(), growth.end())
        return _result(
            "growth",
            period=period,
            direction="increase" if word and word.group("up") else "decrease",
            span=t.cut(word.start(), word.end()) if word else None,
            confidence="low",
        )
    rate = _RATE_WORD.search(low)
    if rate and re.fullmatch(r"\W*(?:(?:le|la|les|the|a|un|une)\s+|l')?", low[: rate.start()]):
        period, _, _ = _period_near(t, rate.start(), rate.end())
        return _result(
            "rate",
            unit="%",
            period=period,
            span=t.cut(rate.start(), _unit_after(t, rate.end())[1]),
            confidence="low",
        )
    count = _PLAIN_COUNT.search(low)
    if count:
        unit = _count_noun(t, count)
        period, _, _ = _period_near(t, count.start(), count.end())
        change = _GROWTH_VERB.search(low, count.end())
        if change:
            return _result(
                "growth",
                period=period,
                direction="increase" if change.group("up") else "decrease",
                span=t.cut(count.start(), change.end()),
                confidence="low",
            )
        return _result(
            "plain_count",
            unit=unit,
            period=period,
            span=t.cut(count.start(), count.end()),
        )
    return None


def _milestone_target(t: _Text) -> Target | None:
    """Something done once: "Adoption de la politique", "La politique est adoptée"."""
    low = t.low
    opening = _OPENING_MILESTONE.search(low)
    if opening:
        return _result("milestone", span=t.cut(opening.start("act"), opening.end("act")))
    heading = _DETERMINER_OPENING.match(low) is None
    for m in _PARTICIPLE.finditer(low):
        if heading or _AUXILIARY_BEFORE.search(low, 0, m.start()):
            strong = _STRONG_PARTICIPLE.match(low, m.start()) is not None
            return _result("milestone", span=t.cut(m.start(), m.end()),
                           confidence="high" if strong else "low")  # fmt: skip
    return None


def parse_target(text: str) -> Target | None:
    """The structured target an indicator's text carries, or None for empty text.

    Always returns a dict with the keys form, value, unit, period, every, direction, span and
    confidence (plus "max" for ranges and "out_of" for "X sur Y"); never raises.
    """
    if not text or not text.strip():
        return None
    t = _prepare(text)
    cadences = _cadences(t.low)
    blocked = bytearray(len(t.low))
    for start, end in [*_masked(t, cadences), *((c.start, c.end) for c in cadences)]:
        blocked[start:end] = b"\x01" * (end - start)
    numbers = [n for n in _numbers(t.low) if n.value > 0 and not any(blocked[n.start : n.end])]
    target = (
        _percent_target(t, numbers)
        or _fraction_target(t)
        or _count_target(t, numbers, cadences)
        or _wording_target(t)
        or _frequency_target(t, cadences)
        or _weak_frequency_target(t)
        or _milestone_target(t)
        or _result("qualitative", confidence="low")
    )
    return _with_deadline(target, t.low)


# "15 régions d'ici 2027", "by 2027": a count over the plan, due by the end of that year.
_DEADLINE = re.compile(
    r"\b(?:d'ici|au\s+plus\s+tard\s+en|avant\s+la\s+fin\s+de|by(?:\s+the\s+end\s+of)?)"
    r"\s+(?:(?:la\s+fin\s+de\s+)?l'année\s+|(?:janvier|février|mars|avril|mai|juin|juillet|"
    r"août|septembre|octobre|novembre|décembre)\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def _with_deadline(target: Target, low: str) -> Target:
    """A count (or growth) with no period of its own and a year to reach it by: over the plan.

    Adds "by" (the calendar year) and sets the period to "plan"; other targets are unchanged.
    """
    if target["form"] not in ("count", "growth") or target["period"] is not None:
        return target
    match = _DEADLINE.search(low)
    if match is None:
        return target
    return {**target, "period": "plan", "by": int(match.group("year"))}


# What a growth counts: "Hausse de 15 % des abonnés" → "abonnés".
_GROWTH_NOUN = re.compile(
    r"(?:%|pour\s*cent|\b(?:hausse|augmentation|accroissement|croissance|baisse|diminution|"
    r"réduction))\s*(?:de\s+\d[\d\s,]*\s*%\s*)?(?:du\s+nombre\s+d(?:e\s+|')|des\s+|du\s+|"
    r"de\s+la\s+|de\s+l'|d')(?P<noun>[^\W\d_][\w-]*)"
)


def growth_noun(text: str) -> str | None:
    """The noun a growth target counts ("abonnés" in "Hausse de 15 % des abonnés chaque année"),
    so its yearly level prints as "2 113 abonnés"; None when the text names none."""
    if not text:
        return None
    prepared = _prepare(text)
    match = _GROWTH_NOUN.search(prepared.low)
    if match is None:
        return None
    noun = prepared.cut(*match.span("noun"))
    return noun if noun and noun.casefold() not in {"nombre", "taux", "année", "an"} else None
