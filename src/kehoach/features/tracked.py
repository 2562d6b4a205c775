"""The new plan as a Word document with the changes from the old one as tracked changes (Accept/Reject).

Both plans are rendered with the same template; their paragraphs are aligned (difflib on paragraphs,
then on words inside a changed paragraph), container by container: the body between tables, and each
table cell (header, recipients, signer). Inserted words are wrapped in `w:ins`, deleted ones come back
from the old document in `w:del`, and whole inserted or deleted paragraphs also have their paragraph
mark tracked. Every change carries the author «kehoach» and the date of the new version: its commit's
date when it is read from git, else the time of the run (SOURCE_DATE_EPOCH, when set, stands for it, so
that a build can make the same bytes twice).
"""

from __future__ import annotations

import io
import os
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timezone
from difflib import SequenceMatcher
from pathlib import Path

from kehoach.source.plan_file import LoadedPlan
from kehoach.features.words import opcodes, tokens
from kehoach.render.oxml.revisions import (
    Segment, clear_runs, highest_id, is_plain, mark_paragraph, paragraph_chars, paragraph_properties,
    paragraph_property_change, paragraph_style, paragraph_text, place_after, revision_mark, run_properties,
    segments, text_run, unmark_paragraph, wrap_runs,
)

AUTHOR = "kehoach"
#: Below this likeness (difflib ratio on words) two paragraphs are a deletion and an insertion, not an edit.
SAME_PARAGRAPH = 0.5


def tracked_bytes(old: LoadedPlan, new: LoadedPlan, template: Path, date: str | None = None) -> bytes:
    """The .docx of `new` rendered into `template`, with the changes from `old` tracked on `date`
    (ISO 8601 in UTC, `revision_date()`: the run's time)."""
    from docx import Document

    from kehoach.render.docx_writer import render_bytes
    from kehoach.render.package import deterministic_bytes

    old_doc = Document(io.BytesIO(render_bytes(old.plan, template, old.refs)))
    new_doc = Document(io.BytesIO(render_bytes(new.plan, template, new.refs)))
    mark_changes(old_doc.element.body, new_doc.element.body, date or revision_date())
    return deterministic_bytes(new_doc)


def revision_date(when: datetime | None = None) -> str:
    """`when` (default: now, or SOURCE_DATE_EPOCH) as Word writes a revision's date: UTC, to the second."""
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class _Revisions:
    """Makes the `w:ins`/`w:del` marks: one author, one date, ids unique in the document."""

    date: str
    next_id: int

    def mark(self, tag: str):
        self.next_id += 1
        return revision_mark(tag, self.next_id, AUTHOR, self.date)


def mark_changes(old_body, new_body, date: str) -> None:
    """Track in `new_body`, in place, every change from `old_body` (both rendered from the same template)."""
    revisions = _Revisions(date, highest_id(new_body))
    old_segments = segments(old_body)
    for key, segment in segments(new_body).items():
        olds = old_segments.get(key)
        _mark_segment(olds.paragraphs if olds else [], segment, revisions)


def _mark_segment(olds: list, segment: Segment, revisions: _Revisions) -> None:
    """Track one segment's changes; deleted paragraphs come back from the old document at their place."""
    actions = _at_end(_align(olds, segment.paragraphs))
    cursor = segment.before
    placed = []
    for kind, old, new in actions:
        if kind == "del":
            new = deepcopy(old)
            wrap_runs(new, lambda: revisions.mark("w:del"))
            mark_paragraph(new, revisions.mark("w:del"))
            place_after(segment.parent, cursor, new)
        elif kind == "ins":
            wrap_runs(new, lambda: revisions.mark("w:ins"))
            mark_paragraph(new, revisions.mark("w:ins"))
        elif kind == "pair":
            _mark_words(old, new, revisions)
        if kind in ("keep", "pair") and paragraph_style(old) != paragraph_style(new):
            paragraph_property_change(new, paragraph_properties(old), revisions.mark("w:ins"))
        placed.append((kind, new))
        cursor = new
    # The last paragraph of a cell (or before a table) has no next one to merge into, so, as Word does it,
    # the mark of the paragraph before a trailing run of insertions (deletions) is the one tracked.
    kinds = [kind for kind, _ in placed]
    if kinds and kinds[-1] in ("ins", "del"):
        start = len(kinds) - 1
        while start > 0 and kinds[start - 1] == kinds[-1]:
            start -= 1
        if start > 0 and kinds[start - 1] in ("keep", "pair"):
            mark_paragraph(placed[start - 1][1], unmark_paragraph(placed[-1][1]))


def _align(olds: list, news: list) -> list[tuple]:
    """(kind, old, new) in document order: keep, pair (edited), del (old only), ins (new only)."""
    old_texts, new_texts = [paragraph_text(p) for p in olds], [paragraph_text(p) for p in news]
    actions: list[tuple] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_texts, new_texts, autojunk=False).get_opcodes():
        if tag == "equal":
            actions += [("keep", o, n) for o, n in zip(olds[i1:i2], news[j1:j2])]
        else:
            actions += _pair_up(olds[i1:i2], news[j1:j2])
    return actions


def _pair_up(olds: list, news: list) -> list[tuple]:
    """The most alike paragraphs paired in order (dynamic programming); the rest deleted or inserted."""
    old_words, new_words = [tokens(paragraph_text(p)) for p in olds], [tokens(paragraph_text(p)) for p in news]
    m, n = len(olds), len(news)
    like = [[_likeness(old_words[i], new_words[j]) if is_plain(olds[i]) and is_plain(news[j]) else 0.0
             for j in range(n)] for i in range(m)]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            paired = like[i][j] + best[i + 1][j + 1] if like[i][j] >= SAME_PARAGRAPH else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    actions: list[tuple] = []
    i = j = 0
    while i < m or j < n:
        if i < m and j < n and like[i][j] >= SAME_PARAGRAPH and best[i][j] == like[i][j] + best[i + 1][j + 1]:
            actions.append(("pair", olds[i], news[j]))
            i, j = i + 1, j + 1
        elif i < m and (j == n or best[i][j] == best[i + 1][j]):
            actions.append(("del", olds[i], None))  # deletions before insertions, as Word shows a replacement
            i += 1
        else:
            actions.append(("ins", None, news[j]))
            j += 1
    return actions


def _at_end(actions: list[tuple]) -> list[tuple]:
    """A segment may not end with a deleted paragraph next to an inserted one: they become one edited
    paragraph, since the container's last paragraph mark can be neither inserted nor deleted."""
    tail = len(actions)
    while tail and actions[tail - 1][0] in ("ins", "del"):
        tail -= 1
    dels = [k for k in range(tail, len(actions)) if actions[k][0] == "del"]
    inss = [k for k in range(tail, len(actions)) if actions[k][0] == "ins"]
    if not dels or not inss or not (is_plain(actions[dels[-1]][1]) and is_plain(actions[inss[-1]][2])):
        return actions
    d, k = dels[-1], inss[-1]
    pair = ("pair", actions[d][1], actions[k][2])
    rest = [a for index, a in enumerate(actions) if index not in (d, k)]
    return rest + [pair]


def _mark_words(old, new, revisions: _Revisions) -> None:
    """Rebuild `new`'s runs from a word diff against `old`: kept, inserted (`w:ins`), deleted (`w:del`)."""
    old_chars, new_chars = paragraph_chars(old), paragraph_chars(new)
    old_tokens = tokens("".join(c for c, _ in old_chars))
    new_tokens = tokens("".join(c for c, _ in new_chars))
    clear_runs(new)
    old_at, new_at = _offsets(old_tokens), _offsets(new_tokens)
    for tag, i1, i2, j1, j2 in opcodes(old_tokens, new_tokens):
        if tag == "equal":
            new.extend(_runs(new_chars[new_at[j1]:new_at[j2]]))
            continue
        if i2 > i1:
            mark = revisions.mark("w:del")
            mark.extend(_runs(old_chars[old_at[i1]:old_at[i2]], deleted=True))
            new.append(mark)
        if j2 > j1:
            mark = revisions.mark("w:ins")
            mark.extend(_runs(new_chars[new_at[j1]:new_at[j2]]))
            new.append(mark)


def _runs(chars: list[tuple[str, object]], deleted: bool = False) -> list:
    """Runs for a stretch of characters, one per stretch that came from the same source run."""
    runs = []
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or chars[index][1] is not chars[start][1]:
            source = chars[start][1]
            text = "".join(c for c, _ in chars[start:index])
            runs.append(text_run(text, run_properties(source), deleted))
            start = index
    return runs


def _offsets(tokens: list[str]) -> list[int]:
    """The character offset where each token starts, and the length of the whole text at the end."""
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


def _likeness(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
