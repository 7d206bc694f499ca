"""A plan table whose text was extracted without its cell boundaries.

When a wide table (OBJECTIFS | MOYENS D'ACTION | ACTEURS | ÉCHÉANCE | RÉSULTATS ATTENDUS |
INDICATEURS) is turned into text, each row comes out cell after cell, in column order: the
lines of a cell together, separated from the next cell by a blank line or by a run of
spaces when two cells share a line. At a page break the header is repeated and what did not
fit on the page comes next, again in column order. This recognizer walks that stream:

- *anchors* place a piece for sure: an objective code ("P1.", "1.1"), an action number
  ("12.", "1.1.1"), a result under the number of its action, an indicator label ("MO =",
  "R ="), an orientation heading;
- other pieces go to the next column that can take them, in header order (an actors cell
  has short lines, a schedule cell says when, a column whose pieces all start with a label
  takes no unlabelled piece), or stay in the current one when the text goes on;
- after a page break, the pieces before the next anchor continue the columns of the row that
  were left open (ending on "de", "et", a comma, an open bracket…), matched in order by a
  small dynamic programme that also checks each piece fits the column's width.

A first pass learns the actors' names and the columns' widths; the second uses them to split
an action line that ran into its actors ("Préparer le bilan annuel Direction").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...plans.interchange import ActionDraft, IndicatorDraft, ObjectiveDraft, OrientationDraft
from ..textutil import (
    bullet_of,
    clean,
    fold,
    join_lines,
    looks_like_timing,
    openness,
    split_trailing_schedule,
    starts_lower,
    status_of,
)
from . import columns
from .codes import INLINE_CODE, Code, Scheme, decide_scheme, read_code
from .items import (
    continues,
    has_indicator_label,
    split_actors,
    split_indicators,
    split_inline_labels,
    split_items,
    status_from,
    vocabulary,
)
from .layout import ORIENTATION_RE, URL_RE, Layout
from .result import Recognized
from .view import Reading, View

TITLE_ROLES = (columns.OBJECTIVE, columns.ACTION)
DEBUG = False
_GAP = re.compile(r"\S+(?: {1,2}\S+)*")


@dataclass
class Piece:
    lines: list[int]
    texts: list[str]
    lead: int = 0
    after_gap: bool = False
    code: Code | None = None
    kind: str = "free"  # objective, action, result, indicator, orientation, free
    role: str | None = None  # column given to it
    actor_tail: list[Piece] = field(default_factory=list)  # actors split off an action line

    @property
    def first(self) -> str:
        return self.texts[0] if self.texts else ""

    @property
    def last(self) -> str:
        for t in reversed(self.texts):
            if t.strip():
                return t
        return ""

    def joined(self) -> str:
        return " ".join(t.strip() for t in self.texts if t.strip())

    def width(self) -> int:
        return max((len(t.strip()) for t in self.texts), default=0)


@dataclass
class Token:
    kind: str  # "piece", "break", "blank", "header"
    piece: Piece | None = None
    roles: list[str] | None = None


@dataclass
class Row:
    action: list[Piece] = field(default_factory=list)
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    objective: ObjState | None = None

    def add(self, role: str, piece: Piece) -> None:
        piece.role = role
        if role == columns.ACTION:
            self.action.append(piece)
        else:
            self.cells.setdefault(role, []).append(piece)


@dataclass
class ObjState:
    pieces: list[Piece] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


@dataclass
class OriState:
    pieces: list[Piece] = field(default_factory=list)
    objectives: list[ObjState] = field(default_factory=list)


@dataclass
class Knowledge:
    """What the first pass learned: actors' names and the columns' widths."""

    actors: set[str] = field(default_factory=set)
    widths: dict[str, int] = field(default_factory=dict)


def find_start(layout: Layout, used: set[int]) -> int | None:
    """Index where the table starts: the orientation heading just before the first header."""
    if not layout.headers:
        return None
    first = layout.headers[0].start
    lines = layout.lines
    start = first
    for i in range(first - 1, max(-1, first - 12), -1):
        if i in used or layout.skipped(i):
            continue
        if ORIENTATION_RE.match(lines[i].text):
            start = i
            break
    return start


def recognize_flow(layout: Layout, used: set[int]) -> Recognized | None:
    start = find_start(layout, used)
    if start is None:
        return None
    roles = layout.headers[0].roles
    if columns.ACTION not in roles:
        return None
    tokens = _tokens(layout, used, start)
    scheme = _scheme(tokens, roles)
    walker = _Walker(layout, roles, scheme, Knowledge())
    first = walker.run(tokens)
    knowledge = _learn(first, walker.widths())
    tokens = _tokens(layout, used, start)
    result = _Walker(layout, roles, scheme, knowledge).run(tokens)
    return result


# --- Tokens ----------------------------------------------------------------------------------


def _segments(text: str) -> list[tuple[int, str]]:
    """Parts of a line separated by runs of 3+ spaces; the first keeps its indentation."""
    segs = [(m.start(), m.group(0)) for m in _GAP.finditer(text)]
    if segs:
        segs[0] = (segs[0][0], text[: segs[0][0]] + segs[0][1])
    merged: list[tuple[int, str]] = []
    for col, seg in segs:
        if merged and re.fullmatch(r"(?:[A-Z]{1,2})?\d{1,3}(?:\.\d{1,3}){0,4}[.)]?", merged[-1][1]):
            merged[-1] = (merged[-1][0], merged[-1][1] + " " + seg)
        else:
            merged.append((col, seg))
    out: list[tuple[int, str]] = []
    for col, seg in merged:
        for k, part in enumerate(_inline_splits(seg)):
            out.append((col if k == 0 else col + 1, part))
    return out


def _inline_splits(seg: str) -> list[str]:
    parts: list[str] = []
    for piece in split_inline_labels(seg):
        parts.extend(p for p in INLINE_CODE.split(piece) if p.strip())
    return parts


def _tokens(layout: Layout, used: set[int], start: int) -> list[Token]:
    lines = layout.lines
    header_starts = {h.start: h for h in layout.headers}
    tokens: list[Token] = []
    cur: Piece | None = None
    cur_multi = False
    for i in range(start, len(lines)):
        line = lines[i]
        if i in header_starts:
            tokens.append(Token("header", roles=header_starts[i].roles))
            cur = None
            continue
        if i in layout.breaks:
            tokens.append(Token("break"))
            cur = None
        if layout.skipped(i) or i in used:
            if i in used:
                cur = None
            continue
        text = line.text if line.cells is None else "   ".join(line.cells)
        if not text.strip():
            tokens.append(Token("blank"))
            cur = None
            continue
        if URL_RE.match(text):
            tokens.append(Token("piece", Piece([i], [text.strip()], kind="url")))
            cur = None
            continue
        if ORIENTATION_RE.match(text):
            p = Piece([i], [text.strip()], lead=_lead(text), kind="orientation")
            tokens.append(Token("piece", p))
            cur = p
            cur_multi = False
            continue
        segs = _segments(text)
        lead = _lead(text)
        multi = len(segs) > 1
        for k, (col, seg) in enumerate(segs):
            code = read_code(seg)
            labelled = has_indicator_label(seg)
            if k == 0 and cur is not None and code is None and not labelled:
                if cur.kind == "orientation" and not (starts_lower(seg) or openness(cur.last) == 2):
                    cur = None
                if cur is not None and not cur_multi and not cur.after_gap and lead - cur.lead >= 3:
                    cur = None  # the text moved right: another column
                if cur is not None:
                    cur.lines.append(i)
                    cur.texts.append(seg)
                    continue
            p = Piece([i], [seg], lead=lead if k == 0 else col, after_gap=k > 0, code=code)
            if labelled:
                p.kind = "indicator"
            tokens.append(Token("piece", p))
            cur = p
        cur_multi = multi
    return tokens


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _scheme(tokens: list[Token], roles: list[str]) -> Scheme:
    codes = [t.piece.code for t in tokens if t.piece and t.piece.code and t.piece.kind == "free"]
    return decide_scheme([c for c in codes if c], has_objective_column=columns.OBJECTIVE in roles)


# --- The walk --------------------------------------------------------------------------------


class _Walker:
    def __init__(self, layout: Layout, roles: list[str], scheme: Scheme, know: Knowledge) -> None:
        self.layout = layout
        self.roles = roles
        self.scheme = scheme
        self.know = know
        self.oris: list[OriState] = []
        self.row: Row | None = None
        self.obj: ObjState | None = None
        self.ptr = -1
        self.after_break = False
        self.pending: list[Piece] = []
        self.action_codes: dict[str, Row] = {}
        self.unplaced: list[Piece] = []
        self.urls: list[Piece] = []
        self.wanting_title: OriState | None = None
        self.relaxed = False
        self.common = vocabulary([ln.text for ln in layout.lines if ln.cells is None])

    # roles
    def col(self, role: str) -> int:
        return self.roles.index(role) if role in self.roles else -1

    def run(self, tokens: list[Token]) -> Recognized:
        self.labelled = sum(1 for t in tokens if t.piece and t.piece.kind == "indicator") >= 2
        for tok in tokens:
            if tok.kind == "header":
                self.flush()
                if tok.roles and columns.ACTION in tok.roles:
                    self.roles = tok.roles
                self.after_break = True
                continue
            if tok.kind == "break":
                self.flush()
                self.after_break = True
                continue
            if tok.kind == "blank":
                if self.pending:
                    self.pending[-1].texts.append("")
                    self.pending[-1].lines.append(-1)
                continue
            assert tok.piece is not None
            self.piece(tok.piece)
        self.flush()
        return self.result()

    def piece(self, p: Piece) -> None:
        if p.kind == "url":
            self.urls.append(p)
            return
        if p.kind == "orientation":
            self.flush()
            self.orientation(p)
            return
        kind = self.classify(p)
        if kind == "free":
            if self.wanting_title is not None and not self.wanting_title_filled():
                self.wanting_title.pieces.append(p)
                return
            if self.after_break and self.row is not None:
                self.pending.append(p)
                return
            self.after_break = False
            self.free(p)
            return
        self.flush()
        self.after_break = False
        self.wanting_title = None
        if kind == "objective":
            self.new_objective(p)
        elif kind == "action":
            self.new_action(p)
        elif kind == "result":
            assert p.code is not None
            row = self.action_codes.get(p.code.code) or self.row
            if row is None:
                self.unplaced.append(p)
                return
            role = columns.RESULTS if columns.RESULTS in self.roles else columns.INDICATORS
            p.texts[0] = p.texts[0][p.code.end :] if p.code else p.texts[0]
            row.add(role, p)
            self.row = row
            self.ptr = self.col(role)
        elif kind == "indicator":
            row = self.ensure_row(p)
            if row is None:
                return
            row.add(columns.INDICATORS, p)
            self.ptr = self.col(columns.INDICATORS)

    def wanting_title_filled(self) -> bool:
        ori = self.wanting_title
        return ori is not None and any(
            pc.kind != "orientation" or _after_label(pc.first) for pc in ori.pieces
        )

    def classify(self, p: Piece) -> str:
        if p.kind == "indicator":
            return "indicator"
        if p.code is not None:
            role = self.scheme.role(p.code)
            if role == "action":
                if p.code.code in self.action_codes and (
                    columns.RESULTS in self.roles or columns.INDICATORS in self.roles
                ):
                    return "result"
                return "action"
            if role == "objective":
                return "objective"
        return "free"

    # structure
    def orientation(self, p: Piece) -> None:
        ori = OriState(pieces=[p])
        self.oris.append(ori)
        self.obj = None
        self.row = None
        self.ptr = -1
        self.after_break = False
        self.wanting_title = ori if not _after_label(p.first) else None

    def current_ori(self) -> OriState:
        if not self.oris:
            self.oris.append(OriState())
        return self.oris[-1]

    def new_objective(self, p: Piece) -> None:
        obj = ObjState(pieces=[p])
        p.role = columns.OBJECTIVE
        self.current_ori().objectives.append(obj)
        self.obj = obj
        self.row = None
        self.ptr = self.col(columns.OBJECTIVE)

    def current_obj(self) -> ObjState:
        if self.obj is None:
            self.obj = ObjState()
            self.current_ori().objectives.append(self.obj)
        return self.obj

    def new_action(self, p: Piece) -> None:
        p = self.split_actor_tail(p)
        row = Row(objective=self.current_obj())
        row.add(columns.ACTION, p)
        self.current_obj().rows.append(row)
        self.row = row
        if p.code is not None:
            self.action_codes.setdefault(p.code.code, row)
        self.ptr = self.col(columns.ACTION)
        for extra in p.actor_tail:
            row.add(columns.ACTORS, extra)
            self.ptr = self.col(columns.ACTORS)

    def ensure_row(self, p: Piece) -> Row | None:
        if self.row is None:
            if self.obj is not None and self.obj.rows:
                self.row = self.obj.rows[-1]
            elif self.obj is not None:
                row = Row(objective=self.obj)
                self.obj.rows.append(row)
                self.row = row
            else:
                self.unplaced.append(p)
                return None
        return self.row

    # free pieces within a page
    def free(self, p: Piece) -> None:
        if self.row is None and self.obj is None:
            if (
                columns.OBJECTIVE in self.roles
                and not self.coded(columns.OBJECTIVE)
                and self.fits(p, columns.OBJECTIVE)
            ):
                self.new_objective(p)
                return
            if not self.coded(columns.ACTION):
                self.current_obj()
            else:
                self.unplaced.append(p)
                return
        cur_role = self.roles[self.ptr] if 0 <= self.ptr < len(self.roles) else None
        # stay in the current column when the text goes on
        if cur_role is not None and self.stays(p, cur_role):
            self.place(p, cur_role)
            return
        for k in range(self.ptr + 1, len(self.roles)):
            role = self.roles[k]
            if self.accepts(p, role):
                self.place(p, role)
                return
        # nothing further right: a new row without its own action, or more of the current column
        if (
            cur_role is not None
            and cur_role not in TITLE_ROLES
            and self.fits(p, cur_role)
            and self.item_column(cur_role)
        ):
            self.place(p, cur_role)
            return
        if not self.relaxed and any(w for w in self.know.widths.values()):
            # lines wider than any column: a cell spanning several columns
            self.relaxed = True
            try:
                if max(self.know.widths.values()) * 2.5 >= p.width():
                    self.free(p)
                    return
            finally:
                self.relaxed = False
        for k in range(0, max(self.ptr, 0) + 1):
            role = self.roles[k]
            if role in TITLE_ROLES:
                if (
                    role == columns.ACTION
                    and not self.coded(role)
                    and self.fits(p, role)
                    and self.row
                ):
                    self.place(p, role)
                    return
                continue
            if self.accepts(p, role):
                self.place(p, role)
                return
        self.unplaced.append(p)

    def place(self, p: Piece, role: str) -> None:
        if role == columns.OBJECTIVE:
            # more of the current objective, or a new (unnumbered) one
            obj = self.obj
            goes_on = self.row is None or (
                obj is not None and bool(obj.pieces) and _continues_piece(obj.pieces[-1], p)
            )
            if (
                self.obj is not None
                and (self.row is None or not self.coded(columns.OBJECTIVE))
                and goes_on
            ):
                p.role = columns.OBJECTIVE
                self.obj.pieces.append(p)
                self.ptr = self.col(role)
                return
            self.new_objective(p)
            return
        if (
            role == columns.ACTION
            and self.row is not None
            and self.row.action
            and not _continues_piece(self.row.action[-1], p)
            and not self.coded(columns.ACTION)
        ):
            new_row = Row(objective=self.current_obj())
            new_row.add(columns.ACTION, p)
            self.current_obj().rows.append(new_row)
            self.row = new_row
            self.ptr = self.col(role)
            return
        row = self.ensure_row(p)
        if row is None:
            return
        row.add(role, p)
        self.ptr = self.col(role)

    def coded(self, role: str) -> bool:
        if role == columns.ACTION:
            return self.scheme.action_depth is not None or bool(self.action_codes)
        if role == columns.OBJECTIVE:
            return bool(self.scheme.objective_letters) or self.scheme.objective_depth is not None
        return False

    def item_column(self, role: str) -> bool:
        return role in (columns.RESULTS, columns.ACTORS, columns.NOTES, columns.STATUS) or (
            role == columns.INDICATORS and not self.labelled
        )

    def fits(self, p: Piece, role: str) -> bool:
        width = self.know.widths.get(role)
        if width is None or self.relaxed:
            return True
        return p.width() <= width + 4

    def stays(self, p: Piece, role: str) -> bool:
        last = self.content_last(role)
        if last is None:
            return False
        if not self.fits(p, role):
            return False
        first = p.first.strip()
        if role == columns.ACTORS and self.is_known_actor(first):
            return True
        if continues(last, first):
            # an upper-case word after "de" may be a name going on… unless it is another column
            if not (
                first[:1].isupper() and openness(last) == 2 and not last.rstrip().endswith(":")
            ):
                return True
            nxt = self.next_accepting(p)
            return nxt is None
        if last.rstrip().endswith(":") and (bullet_of(p.first) or p.lead in (1, 2)):
            return True
        if bullet_of(p.first) and role in TITLE_ROLES and self.bulleted(role):
            return True
        if role in (columns.RESULTS, columns.NOTES) or (
            role == columns.INDICATORS and not self.labelled
        ):
            # a new item of the same column, unless the next column takes it
            return self.next_accepting(p) is None
        return False

    def next_accepting(self, p: Piece) -> str | None:
        for k in range(self.ptr + 1, len(self.roles)):
            if self.accepts(p, self.roles[k]):
                return self.roles[k]
        return None

    def bulleted(self, role: str) -> bool:
        if self.row is None or role != columns.ACTION:
            return False
        return any(
            bullet_of(t) or t.rstrip().endswith(":") or _lead_of(t) in (1, 2)
            for pc in self.row.action
            for t in pc.texts
        )

    def content_last(self, role: str) -> str | None:
        """The text so far of a column in the current row (the objective's for its column)."""
        if role == columns.OBJECTIVE:
            if self.obj is None or not self.obj.pieces:
                return None
            return " ".join(pc.joined() for pc in self.obj.pieces)
        if self.row is None:
            return None
        pieces = self.row.action if role == columns.ACTION else self.row.cells.get(role, [])
        if not pieces:
            return None
        return " ".join(pc.joined() for pc in pieces)

    def accepts(self, p: Piece, role: str) -> bool:
        if not self.fits(p, role):
            return False
        text = " ".join(t.strip() for t in p.texts if t.strip())
        if role in TITLE_ROLES:
            return not self.coded(role)
        if role == columns.ACTORS:
            if self.know.actors and any(self.is_known_actor(t) for t in p.texts if t.strip()):
                return True
            real = [t.strip() for t in p.texts if t.strip()]
            return (
                bool(real)
                and len(real) <= 8
                and all(len(t) <= 45 for t in real)
                and not p.lead >= 3
                and not real[-1].endswith(".")
                and not starts_lower(real[0])
            )
        if role in (columns.SCHEDULE, columns.YEAR):
            return looks_like_timing(text) or bool(re.fullmatch(r"[xX✓✔•●■✗ ]+", text))
        if role == columns.STATUS:
            return status_of(text) is not None or len(text) <= 80
        if role == columns.INDICATORS:
            return not self.labelled
        return True

    def is_known_actor(self, text: str) -> bool:
        return fold(clean(text)) in self.know.actors

    def split_actor_tail(self, p: Piece) -> Piece:
        """An action whose lines ran into the actors column: "… de suivi Coordination"."""
        if not self.know.actors or columns.ACTORS not in self.roles:
            return p
        texts = p.texts
        cut: int | None = None
        for k in range(1, len(texts)):
            rest = [t for t in texts[k:] if t.strip()]
            if (
                rest
                and rest[0].strip()[:1].isupper()
                and self.is_known_actor(rest[0])
                and all(self.is_known_actor(t) or starts_lower(t) for t in rest)
            ):
                cut = k
                break
        head = texts if cut is None else texts[:cut]
        tail_lines: list[str] = [] if cut is None else texts[cut:]
        tail_idx: list[int] = [] if cut is None else p.lines[cut:]
        last = head[-1]
        m = self.actor_suffix(last)
        if m is not None:
            head = [*head[:-1], last[:m].rstrip()]
            tail_lines = [last[m:].strip(), *tail_lines]
            tail_idx = [p.lines[len(head) - 1], *tail_idx]
        if not tail_lines:
            return p
        new = Piece(
            p.lines[: len(head)], head, lead=p.lead, after_gap=p.after_gap, code=p.code, kind=p.kind
        )
        actor = Piece(tail_idx, tail_lines, kind="free")
        new.actor_tail = [actor]
        return new

    def actor_suffix(self, line: str) -> int | None:
        """Where a known actor's name (or its first words) starts at the end of a line."""
        tokens = list(re.finditer(r"\S+", line))
        for k in range(1, len(tokens)):
            word = tokens[k].group(0)
            if not word[:1].isupper() or tokens[k - 1].group(0)[:1].isupper():
                continue
            tail = fold(line[tokens[k].start() :])
            if tail in self.know.actors:
                return tokens[k].start()
            if len(tail.split()) >= 2 and any(a.startswith(tail + " ") for a in self.know.actors):
                return tokens[k].start()
        return None

    # page-break continuations
    def flush(self) -> None:
        if not self.pending:
            return
        pieces = self.pending
        self.pending = []
        row = self.row
        if row is None:
            self.unplaced.extend(pieces)
            return
        cands = [r for r in self.roles if r not in (columns.YEAR,)]
        assignment = self.align(pieces, cands)
        if DEBUG:
            for p, r in zip(pieces, assignment, strict=True):
                print("ALIGN", r, p.texts)
        for p, role in zip(pieces, assignment, strict=True):
            if role is None:
                self.unplaced.append(p)
            elif role == columns.OBJECTIVE and self.obj is not None:
                p.role = role
                self.obj.pieces.append(p)
            else:
                row.add(role, p)
        self.after_break = False

    def align(self, pieces: list[Piece], cands: list[str]) -> list[str | None]:
        n, m = len(pieces), len(cands)
        neg = -1e9
        # best[i][j]: best score placing pieces[:i] with the last one in column j
        best = [[neg] * m for _ in range(n + 1)]
        back: list[list[int]] = [[-1] * m for _ in range(n + 1)]
        skip_cost = [self.skip_cost(r) for r in cands]
        for j in range(m):
            last = self.content_last(cands[j])
            s = self.fit_score(pieces[0], cands[j], last, same=False) - sum(skip_cost[:j])
            best[1][j] = s
        for i in range(2, n + 1):
            for j in range(m):
                prev = pieces[i - 2]
                before = (self.content_last(cands[j]) or "") + " " + prev.joined()
                sc_same = self.fit_score(pieces[i - 1], cands[j], before.strip(), same=True)
                sc_new = self.fit_score(
                    pieces[i - 1], cands[j], self.content_last(cands[j]), same=False
                )
                for k in range(j + 1):
                    if best[i - 1][k] <= neg / 2:
                        continue
                    if k == j:
                        s = best[i - 1][k] + sc_same
                    else:
                        s = best[i - 1][k] + sc_new - sum(skip_cost[k + 1 : j])
                    if s > best[i][j]:
                        best[i][j] = s
                        back[i][j] = k
        j = max(range(m), key=lambda c: best[n][c])
        if DEBUG:
            for i in range(1, n + 1):
                print("DP", i, [round(x, 1) if x > neg / 2 else None for x in best[i]], cands)
        out: list[str | None] = [None] * n
        for i in range(n, 0, -1):
            out[i - 1] = cands[j] if best[i][j] > neg / 2 else None
            j = back[i][j] if i > 1 else j
        return out

    def skip_cost(self, role: str) -> float:
        last = self.content_last(role)
        if last is None:
            return 0.0
        op = openness(last)
        return 1.5 if op == 2 else (0.5 if op == 1 else 0.0)

    def fit_score(self, p: Piece, role: str, last: str | None, *, same: bool) -> float:
        first = p.first.strip()
        width = self.know.widths.get(role)
        score = 0.0
        if width is not None:
            if p.width() > width + 6:
                return -50.0
            score += 0.5
        lower = starts_lower(first) or first[:1] in "([,;)"
        bullet = bool(bullet_of(p.first)) or p.lead in (1, 2)
        if last is None:
            if role in TITLE_ROLES:
                return -8.0
            score += -3.0 if lower else 0.0
            if role == columns.ACTORS and not self.accepts(p, role):
                score -= 4.0
            if role in (columns.SCHEDULE, columns.STATUS) and not self.accepts(p, role):
                score -= 6.0
            if role == columns.INDICATORS and self.labelled and not lower:
                score -= 2.0
            return score
        op = openness(last)
        if bullet and (
            last.rstrip().endswith(":") or (role == columns.ACTION and self.bulleted(role))
        ):
            score += 3.0 + (0.0 if not same else 1.0)
            return score
        if lower:
            score += {2: 4.0, 1: 2.0, 0: -4.0}[op]
        elif op == 2:
            score += 1.0
        elif op == 1:
            score += 1.0 if role not in TITLE_ROLES else 0.5
        else:
            score += 0.5 if role not in TITLE_ROLES else -3.0
        if role == columns.ACTORS and self.is_known_actor(first):
            score += 2.0
        if same:
            score -= 2.0
        return score

    # assembling
    def result(self) -> Recognized:
        rec = Recognized(name="pdf-table-text")
        for ori in self.oris:
            title, code = _orientation_title(ori.pieces)
            o = OrientationDraft(title=title, code=code)
            rec.track(o, [ln for pc in ori.pieces for ln in pc.lines])
            for obj in ori.objectives:
                ob = self.objective_draft(obj, rec)
                o.objectives.append(ob)
            rec.orientations.append(o)
        for p in self.unplaced:
            rec.unplaced_lines.extend(ln for ln in p.lines if ln >= 0)
        for p in self.urls:
            rec.notes.append((p.first.strip(), p.lines))
        return rec

    def widths(self) -> dict[str, int]:
        lengths: dict[str, list[int]] = {}

        def add(role: str, pc: Piece) -> None:
            lengths.setdefault(role, []).extend(len(t.strip()) for t in pc.texts if t.strip())

        for ori in self.oris:
            for obj in ori.objectives:
                for pc in obj.pieces:
                    add(columns.OBJECTIVE, pc)
                for row in obj.rows:
                    for pc in row.action:
                        add(columns.ACTION, pc)
                    for role, pcs in row.cells.items():
                        for pc in pcs:
                            add(role, pc)
        out: dict[str, int] = {}
        for role, vals in lengths.items():
            if len(vals) >= 8:
                vals.sort()
                out[role] = vals[min(len(vals) - 1, int(len(vals) * 0.95))]
        return out

    def objective_draft(self, obj: ObjState, rec: Recognized) -> ObjectiveDraft:
        texts = [t for pc in obj.pieces for t in pc.texts]
        code = obj.pieces[0].code if obj.pieces and obj.pieces[0].code else None
        if code is not None and texts:
            texts = [texts[0][code.end :], *texts[1:]]
        kind = None
        if code is not None and code.letters:
            kind = {"P": "principal", "S": "secondary"}.get(code.letters)
        ob = ObjectiveDraft(title=join_lines(texts), code=code.code if code else None, kind=kind)
        rec.track(ob, [ln for pc in obj.pieces for ln in pc.lines])
        for row in obj.rows:
            action = self.action_draft(row, rec)
            if action is not None:
                ob.actions.append(action)
            elif ob.actions:
                # a row with no action of its own adds to the action above
                _merge(ob.actions[-1], self.row_fields(row))
                rec.track(ob.actions[-1], _row_lines(row))
        return ob

    def row_fields(self, row: Row) -> ActionDraft:
        draft = ActionDraft(title="-")
        self.fill(draft, row)
        return draft

    def action_draft(self, row: Row, rec: Recognized) -> ActionDraft | None:
        if not row.action:
            return None
        texts = [t for pc in row.action for t in pc.texts]
        code = row.action[0].code
        if code is not None:
            texts = [texts[0][code.end :], *texts[1:]]
        title = _join_title(texts)
        title, hint = split_trailing_schedule(title)
        draft = ActionDraft(title=title or "-", code=code.code if code else None)
        self.fill(draft, row)
        if hint:
            draft.timing = draft.timing or hint
            from ..textutil import plan_years

            draft.schedule_years = draft.schedule_years or plan_years(hint)
        rec.track(draft, _row_lines(row))
        return draft

    def fill(self, draft: ActionDraft, row: Row) -> None:
        for role, pieces in row.cells.items():
            texts, hard = _cell_lines(pieces)
            if role == columns.ACTORS:
                draft.actors.extend(split_actors(texts))
            elif role == columns.RESULTS:
                draft.expected_results.extend(
                    split_items(
                        texts, width=self.know.widths.get(role), hard=hard, common=self.common
                    )
                )
            elif role == columns.INDICATORS:
                for kind, text in split_indicators(
                    texts, width=self.know.widths.get(role), common=self.common
                ):
                    draft.indicators.append(IndicatorDraft(text=text, kind=kind))
            elif role in (columns.SCHEDULE, columns.YEAR):
                timing = "; ".join(clean(t) for t in texts if t.strip()) or None
                if timing:
                    from ..textutil import plan_years

                    draft.timing = timing
                    draft.schedule_years = plan_years(timing)
            elif role == columns.STATUS:
                status, note = status_from([t for t in texts if t.strip()])
                draft.status = draft.status or status
                if note:
                    draft.progress_note = note
            elif role == columns.NOTES:
                note = join_lines(texts)
                if note:
                    draft.progress_note = (
                        f"{draft.progress_note}; {note}" if draft.progress_note else note
                    )


def _merge(into: ActionDraft, extra: ActionDraft) -> None:
    into.actors.extend(a for a in extra.actors if a not in into.actors)
    into.expected_results.extend(extra.expected_results)
    into.indicators.extend(extra.indicators)
    if extra.timing and not into.timing:
        into.timing = extra.timing
        into.schedule_years = extra.schedule_years
    if extra.status and not into.status:
        into.status = extra.status
    if extra.progress_note:
        into.progress_note = (
            extra.progress_note
            if not into.progress_note
            else f"{into.progress_note}; {extra.progress_note}"
        )


def _row_lines(row: Row) -> list[int]:
    out = [ln for pc in row.action for ln in pc.lines]
    for pieces in row.cells.values():
        out.extend(ln for pc in pieces for ln in pc.lines)
    return [ln for ln in out if ln >= 0]


def _cell_lines(pieces: list[Piece]) -> tuple[list[str], set[int]]:
    texts: list[str] = []
    hard: set[int] = set()
    for pc in pieces:
        if texts:
            hard.add(len(texts))
        for t in pc.texts:
            if t.strip():
                texts.append(t)
            elif texts:
                hard.add(len(texts))
    return texts, hard


def _join_title(texts: list[str]) -> str:
    """An action's lines joined; bullet items after a colon become "; "-separated."""
    parts: list[list[str]] = [[]]
    bulleted = False
    for t in texts:
        if not t.strip():
            continue
        if parts[-1] and (bullet_of(t) or (_lead_of(t) in (1, 2) and _colon_before(parts))):
            parts.append([t.strip().lstrip("".join(c for c in t.strip()[:1] if bullet_of(c)))])
            bulleted = True
        else:
            parts[-1].append(t)
    if not bulleted:
        return join_lines([t for t in texts if t.strip()])
    head = join_lines(parts[0])
    items = [join_lines(p).strip() for p in parts[1:] if p]
    return (head + " " + "; ".join(items)).strip()


def _lead_of(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _colon_before(parts: list[list[str]]) -> bool:
    return any(t.rstrip().endswith(":") for p in parts for t in p)


def _continues_piece(prev: Piece, p: Piece) -> bool:
    return continues(prev.last, p.first)


def _after_label(text: str) -> bool:
    m = ORIENTATION_RE.match(text)
    return bool(m) and bool(text[m.end() :].strip()) if m else True


def _orientation_title(pieces: list[Piece]) -> tuple[str, str | None]:
    if not pieces:
        return "", None
    first = pieces[0]
    m = ORIENTATION_RE.match(first.first)
    code = m.group(1) if m else None
    texts = [first.first[m.end() :] if m else first.first, *first.texts[1:]]
    for pc in pieces[1:]:
        texts.extend(pc.texts)
    return join_lines([t for t in texts if t.strip()]), code


def _learn(rec: Recognized, widths: dict[str, int]) -> Knowledge:
    know = Knowledge()
    for action in rec.iter_actions():
        for actor in action.actors:
            if 2 <= len(actor) <= 60 and len(actor.split()) <= 6:
                know.actors.add(fold(actor))
    know.widths = widths
    return know


class FlowRecognizer:
    """A wide table extracted as text without its cells, under repeated column headers."""

    name = "flow"
    prefers_known_cells = 2.0

    def applies(self, view: View) -> bool:
        return bool(view.layout.headers)

    def recognize(self, view: View) -> Reading | None:
        rec = recognize_flow(view.layout, view.used)
        return Reading(self.name, rec, view) if rec is not None else None
