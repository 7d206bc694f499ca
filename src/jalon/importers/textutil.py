"""Small text helpers shared by the recognizers: joining wrapped lines, status and schedule
vocabulary, dates, memoized helpers (the word lists are in `lexicon.py`).

Everything here is about how plans are *written* in general (French first, English second),
never about a particular document.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from .lexicon import ENGLISH_CUES, FRENCH_CUES, FUNCTION_WORDS

_F = TypeVar("_F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def memoized(maxsize: int) -> Callable[[_F], _F]:
    """`lru_cache` that registers the function, so `clear_caches` forgets it without this
    module importing the modules that use it."""

    def wrap(fn: _F) -> _F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


BULLET_CHARS = "•●○◦▪▫■□◆◇►▸▶➢➤➣✓✔✗❖·∙*–—-\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e8"

_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u200a]+")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


@memoized(16384)
def clean(text: str) -> str:
    """One line of plain text: NFC, no control characters, single spaces, stripped."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).replace("\u00ad", "")  # soft hyphen
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@memoized(16384)
def fold(text: str) -> str:
    """Comparison key: lower case, no accents, apostrophes and spaces folded."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)


def last_word(text: str) -> str:
    found = re.findall(r"[^\W\d_]+", text.lower())
    return found[-1] if found else ""


def unbalanced(text: str) -> bool:
    """An opening bracket or quotation mark is still waiting for its closing one."""
    return (
        text.count("(") > text.count(")")
        or text.count("[") > text.count("]")
        or text.count("«") > text.count("»")
    )


@memoized(16384)
def openness(text: str) -> int:
    """How surely a piece of text goes on after its last line.

    2: it cannot stop here (function word, comma, hyphen, colon, open bracket);
    1: it may go on (no final punctuation); 0: it ends (final punctuation, or nothing).
    """
    text = text.rstrip()
    if not text:
        return 0
    if unbalanced(text):
        return 2
    if text[-1] in ",;:-–(«/&+'’":
        return 2
    if text[-1] in ".!?…»)":
        return 0
    tail = re.split(r"[\s'’]", text)[-1].lower()
    if tail in FUNCTION_WORDS or (last_word(text) in FUNCTION_WORDS and tail.isalpha()):
        return 2
    return 1


def starts_lower(text: str) -> bool:
    text = text.lstrip(" \"'«(")
    return bool(text) and text[0].islower()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one: spaces between, a line-final hyphen kept and glued."""
    out = ""
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if not out:
            out = line
        elif (out.endswith("-") and not out.endswith(" -") and line[:1].isalnum()) or (
            out.endswith("/") and not out.endswith(" /")
        ):
            out += line
        else:
            out += " " + line
    return out


def strip_bullet(text: str) -> str:
    """Remove a list marker at the start of a line ("•", "-", "", "o ", "e " read by OCR)."""
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in BULLET_CHARS and stripped[1:2] in (" ", "\t", ""):
        return stripped[1:].strip()
    if stripped[:1] and stripped[0] in "•●○◦▪■□◆►▸▶➢➤✓✔❖·\uf0b7\uf0a7\uf0d8\uf0fc":
        return stripped[1:].strip()
    return stripped.strip()


_OCR_MARK = re.compile(r"^\s*([eo¢«»*+Ø§>•▪◦●○■□➢➤✓✔-])\s+(?=[A-Za-zÀ-ÿ«\"'(0-9])")


def list_item(text: str) -> str | None:
    """The text of a list item, its mark removed, including marks OCR read as "e"/"o"; else None."""
    if bullet_of(text):
        return strip_bullet(text)
    m = _OCR_MARK.match(text)
    if m and (m.group(1) not in "eo" or text[m.end() :][:1].isupper()):
        return text[m.end() :].strip()
    return None


_FRENCH = re.compile(rf"\b(?:{'|'.join(FRENCH_CUES)})\b", re.IGNORECASE)
_ENGLISH = re.compile(rf"\b(?:{'|'.join(ENGLISH_CUES)})\b", re.IGNORECASE)
_OCR_L = re.compile(r"(?<![A-Za-zÀ-ÿ])I(['’])(?=[a-zà-ÿ])")


def is_french(texts: list[str]) -> bool:
    sample = " ".join(texts)[:50000]
    return len(_FRENCH.findall(sample)) >= len(_ENGLISH.findall(sample))


def fix_ocr(text: str) -> str:
    """OCR slips of French text: "I'action" (a capital i) for "l'action"; a heading's roman
    numeral read as "|", "l" or "Il" ("ORIENTATION |" for "ORIENTATION I")."""
    m = _OCR_NUMERAL.match(text)
    if m:
        numeral = m.group(2).replace("|", "I").replace("l", "I")
        text = text[: m.start(2)] + numeral + text[m.end(2) :]
    return _OCR_L.sub(r"l\1", text)


_OCR_NUMERAL = re.compile(
    r"^(\s*(?:ORIENTATION|AXE|ENJEU|CHANTIER|PRIORITÉ|Orientation|Axe|Enjeu|Chantier|Priorité)S?\s+)"
    r"([|lI]*[|l][|lI]*)(?=\s*(?:[:.–—-]|$))"
)


def bullet_of(text: str) -> str | None:
    """The list marker a line starts with, if any."""
    stripped = text.lstrip()
    if not stripped:
        return None
    ch = stripped[0]
    if ch in BULLET_CHARS and (len(stripped) == 1 or stripped[1] in " \t"):
        return ch
    if ch in "•●○◦▪■□◆►▸▶➢➤✓✔❖·\uf0b7\uf0a7\uf0d8\uf0fc":
        return ch
    return None


def is_caps(text: str) -> bool:
    """Written in capitals (at least a few letters, almost none lower case)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9


def similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0
    if not fa or not fb:
        return 0.0
    return SequenceMatcher(None, fa, fb, autojunk=False).ratio()


# --- Status ---------------------------------------------------------------------------------

_STATUS_WORDS: list[tuple[str, str]] = [
    (
        r"non[- ]?(?:d[ée]but[ée]e?s?|amorc[ée]e?s?|commenc[ée]e?s?|r[ée]alis[ée]e?s?)",
        "not_started",
    ),
    (r"pas (?:encore )?(?:d[ée]but[ée]e?s?|commenc[ée]e?s?|amorc[ée]e?s?)", "not_started"),
    (r"[àa] venir|[àa] faire|[àa] d[ée]buter|not started|to do|planned", "not_started"),
    (r"en pr[ée]paration|en planification|in preparation|preparing", "in_preparation"),
    (
        r"en cours(?: de r[ée]alisation)?|en r[ée]alisation|amorc[ée]e?s?|d[ée]but[ée]e?s?|in progress|ongoing|underway",
        "in_progress",
    ),
    (
        r"compl[ée]t[ée]e?s?|r[ée]alis[ée]e?s?|termin[ée]e?s?|achev[ée]e?s?|accompli(?:e|s|es)?|fait|faite|completed?|done|finished",
        "completed",
    ),
    (
        r"report[ée]e?s?|remis(?:e|es)? (?:à plus tard|en \d{4})|diff[ée]r[ée]e?s?|postponed|deferred",
        "postponed",
    ),
    (r"abandonn[ée]e?s?|annul[ée]e?s?|abandoned|cancell?ed|dropped", "abandoned"),
]
_STATUS_RE = [(re.compile(rf"^(?:{pat})$", re.IGNORECASE), code) for pat, code in _STATUS_WORDS]
_STATUS_ANY = re.compile(
    r"(?<![\w])(" + "|".join(p for p, _ in _STATUS_WORDS) + r")(?![\w])", re.IGNORECASE
)


def status_of(text: str) -> str | None:
    """The status code a short text names ("Complété", "En cours."), or None."""
    t = clean(text).strip(" .;:!-–•*")
    for rx, code in _STATUS_RE:
        if rx.match(t):
            return code
    return None


def split_status(text: str) -> tuple[str | None, str]:
    """Status and the rest of a progress cell: "En cours : 6 régions visitées" → (in_progress, note)."""
    t = clean(text)
    code = status_of(t)
    if code:
        return code, ""
    m = re.match(r"^\s*([^:;,.(]{2,30}?)\s*[:;,.(–-]\s*(.+)$", t)
    if m:
        code = status_of(m.group(1))
        if code:
            return code, m.group(2).strip(" )")
    m2 = re.match(r"^(.+?)\s*[:;,.–-]?\s*\(?([^()]{2,30}?)\)?\s*\.?$", t)
    if m2 and status_of(m2.group(2)) and len(m2.group(1)) > 2:
        return status_of(m2.group(2)), m2.group(1).strip()
    return None, t


def status_segments(text: str) -> list[str]:
    """Cut a progress cell into items, each status word an item of its own."""
    t = clean(text)
    if not t:
        return []
    out: list[str] = []
    pos = 0
    for m in _STATUS_ANY.finditer(t):
        before = t[pos : m.start()].strip(" ;,:–-")
        # a status word inside a sentence ("rencontres réalisées") is part of the note
        if before and not re.search(r"[.;]$", before) and m.group(0)[:1].islower():
            continue
        if before:
            out.append(before)
        out.append(m.group(0))
        pos = m.end()
    rest = t[pos:].strip(" ;,:–-")
    if rest:
        out.append(rest)
    return out


# --- Dates and periods ------------------------------------------------------------------------

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "août": 8, "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12, "december": 12,
}  # fmt: skip
SEASONS = r"(?:printemps|été|ete|automne|aut|hiver|spring|summer|fall|autumn|winter)"
MONTH_RE = r"(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")"


def parse_date(text: str) -> dt.date | None:
    """A date written as 2021-03-15, 2021/03/15, 15/03/2021 or "15 mars 2021"."""
    t = clean(text).lower()
    m = re.search(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b", t)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b", t)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(rf"\b(\d{{1,2}})(?:er)?\s+({MONTH_RE})\.?\s+((?:19|20)\d\d)\b", t)
    if m:
        return _date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    m = re.search(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", t)
    if m:
        return _date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- Plan years -----------------------------------------------------------------------------

_YEAR_WORD = r"(?:ans?|années?|year?s?|yr)"
_YEARS_RE = re.compile(
    rf"\b{_YEAR_WORD}\s*(\d{{1,2}})((?:\s*(?:-|–|à|au|to|,|et|&|and|ou|or)\s*(?:{_YEAR_WORD}\s*)?\d{{1,2}})*)\b",
    re.IGNORECASE,
)


def plan_years(text: str, *, maximum: int = 20) -> list[int] | None:
    """Plan years named in a schedule hint: "an 1" → [1], "an 1-2" → [1, 2], "Ans 1 et 3" → [1, 3]."""
    found: set[int] = set()
    for m in _YEARS_RE.finditer(text):
        first = int(m.group(1))
        rest = m.group(2) or ""
        current = first
        found.add(first)
        for sep, num in re.findall(
            rf"\s*(-|–|à|au|to|,|et|&|and|ou|or)\s*(?:{_YEAR_WORD}\s*)?(\d{{1,2}})", rest, re.I
        ):
            n = int(num)
            if sep in ("-", "–", "à", "au", "to") and n > current:
                found.update(range(current, n + 1))
            else:
                found.add(n)
            current = n
    years = sorted(y for y in found if 1 <= y <= maximum)
    return years or None


_TRAILING_SCHEDULE = re.compile(
    rf"\s*[;,(–-]\s*((?:{_YEAR_WORD})\s*\d{{1,2}}(?:\s*(?:-|–|à|au|,|et|&|ou)\s*(?:{_YEAR_WORD}\s*)?\d{{1,2}})*)\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)


def split_trailing_schedule(text: str) -> tuple[str, str | None]:
    """ "Organiser une rencontre …; an 1-2." → ("Organiser une rencontre …", "an 1-2")."""
    m = _TRAILING_SCHEDULE.search(text)
    if not m or m.start() < 8:
        m = _TRAILING_TIMING_WORDS.search(text)
        if not m or m.start() < 8:
            return text, None
    return text[: m.start()].rstrip(" ;,"), m.group(1).strip()


_TIMING_WORDS = (
    r"en continu|continu|en permanence|permanent|au besoin|sur demande|sur invitation|"
    r"mensuel(?:lement)?|hebdomadaire(?:ment)?|trimestriel(?:lement)?|annuel(?:lement)?|"
    r"bimestriel|semestriel|quotidien(?:nement)?|chaque (?:année|mois|semaine|trimestre)|"
    r"ongoing|monthly|weekly|quarterly|yearly|annually|as needed|continuous"
)
# "… (en continu)", "…; au besoin": a timing in words closing the sentence
_TRAILING_TIMING_WORDS = re.compile(
    rf"\s*(?:;|\()\s*((?:{_TIMING_WORDS}))\s*\)?\s*\.?\s*$", re.IGNORECASE
)
_TIMING_WORD_RE = re.compile(rf"^(?:{_TIMING_WORDS})\b", re.IGNORECASE)
_YEARISH = r"(?:(?:19|20)\d\d|'?\d\d)"


def looks_like_timing(text: str) -> bool:
    """A short text that only says when: dates, seasons, months, "An 1", "En continu"."""
    t = clean(text)
    if not t or len(t) > 80:
        return False
    f = t.lower()
    if _TIMING_WORD_RE.match(f):
        return True
    rest = re.sub(
        rf"\b(?:{MONTH_RE}|{SEASONS}|{_YEAR_WORD}|fin|début|debut|mi|d[èe]s|avant|après|apres|"
        rf"en|au|à|a|le|la|les|de|du|d|et|ou|l|jusqu|partir|entre|trimestre|semestre|"
        rf"bases?|aga|ca|\d+(?:er|e)?)\b",
        " ",
        f,
    )
    rest = re.sub(r"[\s.,;:/'’()–-]+", "", rest)
    return rest == "" and bool(re.search(r"\d|" + SEASONS + "|" + MONTH_RE, f))


def split_timings(text: str) -> list[str]:
    """Cut a schedule cell written without separators into its phrases.

    "Au besoin Trimestriel Mars, Avr. 2021 Octobre 2020" → ["Au besoin", "Trimestriel",
    "Mars, Avr. 2021", "Octobre 2020"]: a phrase ends after a year unless a range or a
    list goes on; frequency words stand alone.
    """
    t = clean(text)
    if not t:
        return []
    tokens = re.findall(r"\S+", t)
    phrases: list[list[str]] = [[]]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        joined_rest = " ".join(tokens[i:])
        m = _TIMING_WORD_RE.match(joined_rest)
        if m and (not phrases[-1] or _ends_phrase(phrases[-1])):
            n = len(m.group(0).split())
            if phrases[-1]:
                phrases.append([])
            phrases[-1].extend(tokens[i : i + n])
            phrases.append([])
            i += n
            continue
        phrases[-1].append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            _is_year_token(tok)
            and nxt
            and nxt not in ("-", "–", "à", "au", "et", "ou", "to")
            and not nxt.startswith(("-", "–"))
            and not tok.endswith((",", "-", "–"))
        ):
            phrases.append([])
        i += 1
    return [" ".join(p) for p in phrases if p]


def _is_year_token(tok: str) -> bool:
    tok = tok.strip(".,;)")
    return bool(re.fullmatch(r"(?:19|20)\d\d|(?:[A-Za-zÀ-ÿ]+\.)?\d\d", tok)) and not tok.isalpha()


def _ends_phrase(tokens: list[str]) -> bool:
    return bool(tokens) and _is_year_token(tokens[-1])


def clear_caches() -> None:
    """Forget memoized results (for benchmarks that must time a first reading)."""
    for fn in _CACHES:
        fn.cache_clear()
