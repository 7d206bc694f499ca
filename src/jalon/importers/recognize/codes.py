"""Item numbering: "P1." / "S3." (objectives), "1." / "12)" (actions), "1.1", "1.1.1" (levels)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..textutil import memoized

LETTER_CODE = re.compile(r"^\s*(?P<letters>[A-Z]{1,2})(?P<num>\d{1,3})\s*[.):–-]\s+(?=\S)")
NUM_CODE = re.compile(
    r"^\s*(?P<code>(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){1,4}|\d{1,3}(?:\.\d{1,3}){0,3}\.[a-h](?![\w'’]))\.?\)?\s+(?=[^\d\s%$])|^\s*(?P<single>\d{1,3})\s*[.)]\s+(?=[^\d\s%$])"
)
KEYWORD_CODE = re.compile(
    r"^\s*(?=[A-ZÀ-Ý])(?P<kw>(?i:objectifs?(?:\s+(?:sp[ée]cifiques?|g[ée]n[ée]ral|op[ée]rationnels?|strat[ée]giques?))?|"
    r"actions?|moyens?(?:\s+d['’]action)?|activit[ée]s?|mesures?|objectives?|goals?|activit(?:y|ies)))"
    r"\s*(?:(?i:n[o°º])\.?\s*)?(?P<code>[A-Z]\.\d{1,3}(?:\.\d{1,3}){0,4}\b|[A-Z]?\d{1,3}(?:\.\d{1,3}){0,4}\b|[A-Za-z](?=\s*[.:)–—-]))\s*[.:)–—-]?\s*"
)
# an objective named by its label without a number: "Objectif stratégique : …", "Objectif : …"
KEYWORD_LABEL = re.compile(
    r"^\s*(?=[A-ZÀ-Ý])(?i:objectifs?(?:\s+(?:sp[ée]cifiques?|op[ée]rationnels?|strat[ée]giques?))?|"
    r"objectives?|goals?)\s*:\s*(?=\S)"
)
ROMAN_CODE = re.compile(r"^\s*(?P<roman>X{0,3}(?:IX|IV|V?I{0,3}))\s*[.)]\s+(?=[^\W\d_])")
ALPHA_CODE = re.compile(r"^\s*(?P<alpha>[A-H])\s*[.)]\s+(?=[A-ZÀ-Ý])")
# "a)", "b)": lettered items under a numbered one
LOWER_CODE = re.compile(r"^\s*\(?(?P<lower>[a-h])\)\s+(?=[A-ZÀ-Ý])")
INLINE_CODE = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.;!?])|(?<=[)»][.;!?]))\s*(?=\d{1,3}(?:\.\d{1,3}){1,4}\.?\s+[A-ZÀ-Ý])"
)


@dataclass(frozen=True)
class Code:
    code: str
    depth: int  # number of numeric components (1 for "12.", 3 for "1.2.3")
    letters: str  # "P" for "P1.", "" for numbers
    keyword: str  # "objectif", "action"… when written out, else ""
    end: int  # where the text after the code starts
    style: str = ""  # "roman" for "II.", "alpha" for "B.", "lower" for "b)", else ""


@memoized(16384)
def read_code(text: str) -> Code | None:
    m = KEYWORD_CODE.match(text)
    if m:
        kw = m.group("kw").lower()
        code = m.group("code")
        return Code(code, code.count(".") + 1, "", _kw_role(kw), m.end())
    m = KEYWORD_LABEL.match(text)
    if m:
        return Code("", 1, "", "objective", m.end())
    m = LETTER_CODE.match(text)
    if m:
        return Code(m.group("letters") + m.group("num"), 1, m.group("letters"), "", m.end())
    m = ROMAN_CODE.match(text)
    if m and m.group("roman"):
        return Code(m.group("roman"), 1, "", "", m.end(), "roman")
    m = ALPHA_CODE.match(text)
    if m:
        return Code(m.group("alpha"), 1, "", "", m.end(), "alpha")
    m = LOWER_CODE.match(text)
    if m:
        return Code(m.group("lower"), 1, "", "", m.end(), "lower")
    m = NUM_CODE.match(text)
    if m:
        code = m.group("code") or m.group("single")
        lead = re.match(r"\d+", code)
        if lead is not None and int(lead.group(0)) > 300:
            return None
        return Code(code, code.count(".") + 1, "", "", m.end())
    return None


def _kw_role(kw: str) -> str:
    if kw.startswith(("objecti", "goal")):
        return "objective"
    return "action"


@dataclass
class Scheme:
    """Which numbering marks which level in one document."""

    objective_letters: frozenset[str] = frozenset()
    objective_depth: int | None = None
    action_depth: int | None = None
    orientation_depth: int | None = None

    def role(self, code: Code) -> str | None:
        if code.keyword:
            return code.keyword
        if code.style:
            return None
        if code.letters:
            return "objective" if code.letters in self.objective_letters else None
        if self.action_depth is not None and code.depth == self.action_depth:
            return "action"
        if self.objective_depth is not None and code.depth == self.objective_depth:
            return "objective"
        if self.orientation_depth is not None and code.depth == self.orientation_depth:
            return "orientation"
        return None


def decide_scheme(codes: list[Code], *, has_objective_column: bool = True) -> Scheme:
    codes = [c for c in codes if not c.style]
    letters = Counter(c.letters for c in codes if c.letters and not c.keyword)
    numeric = Counter(c.depth for c in codes if not c.letters and not c.keyword)
    scheme = Scheme()
    frequent_letters = {k for k, n in letters.items() if n >= 2 or len(letters) >= 2}
    if frequent_letters and sum(letters[k] for k in frequent_letters) >= 2:
        scheme.objective_letters = frozenset(frequent_letters)
        if numeric:
            scheme.action_depth = max(numeric, key=lambda d: (numeric[d], -d))
        return scheme
    depths = sorted(d for d, n in numeric.items() if n >= 2)
    if not depths:
        depths = sorted(numeric)
    if not depths:
        return scheme
    scheme.action_depth = depths[-1]
    if len(depths) == 2 and has_objective_column and numeric[depths[0]] > numeric[depths[1]]:
        # objectives "1.1", "1.2" above actions numbered 1, 2, 3… through the plan: the level
        # written more often is the action's
        scheme.action_depth, scheme.objective_depth = depths[0], depths[1]
        return scheme
    if len(depths) >= 2 and has_objective_column:
        scheme.objective_depth = depths[-2]
        if len(depths) >= 3:
            scheme.orientation_depth = depths[-3]
    elif len(depths) >= 2:
        scheme.orientation_depth = depths[-2]
    return scheme
