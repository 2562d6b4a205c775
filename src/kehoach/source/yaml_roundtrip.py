"""Plan files as a tree that remembers how they were written: comments, key order, quotes, line breaks.

`kehoach new` and `kehoach fmt` rewrite a clerk's file, and a plain YAML loader would drop the clerk's
comments; so these two edit a ruamel.yaml round-trip tree and write it back. Nothing else reads plans
through here: what a file means is decided by kehoach.source.load alone, so every text written here is read
back with kehoach.source.load by its caller and compared before it may replace anything.

ruamel.yaml keeps the comment lines that stand below an entry with that entry (deep inside it when its
value is a block), not with the entry they precede. `trailing` and `set_trailing` show them as
(end-of-line comment, lines after), so that a caller moving, inserting or removing entries can keep every
comment where the clerk put it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import CommentMark, MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from kehoach.errors import InputError
from kehoach.problems import Location

#: The longest line the layout aims at (comments and unbreakable words may be longer): about 100, and
#: exactly the widest line of the hand-written example plan, so that its paragraphs keep their breaks.
WIDTH = 105
#: data/plan_2024.yaml's indentation: keys by 2, "- " two spaces in from its key, items' text 4 in.
MAPPING_INDENT = 2
SEQUENCE_INDENT = 4
SEQUENCE_DASH_OFFSET = 2


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)  # round trip; YAML 1.2, so `yes`, `on`, 08:30 stay text
    yaml.indent(mapping=MAPPING_INDENT, sequence=SEQUENCE_INDENT, offset=SEQUENCE_DASH_OFFSET)
    # Line breaks in text are ours to choose (folded blocks, see `folded`): ruamel must never wrap a plain
    # scalar by itself, which leaves a trailing space at each break.
    yaml.width = 4096
    yaml.allow_unicode = True  # Vietnamese as it is typed, never \u escapes
    yaml.preserve_quotes = True
    return yaml


#: Said when ruamel cannot read what kehoach.source.load accepted: nothing is written, and quoting the value
#: (which both read alike) lets the rewrite go on.
NOT_REWRITTEN = ("kehoach đọc được chỗ này nhưng chưa viết lại được tệp từ đây, nên không thay đổi tệp; hãy đặt giá trị"
                 " ở đây trong ngoặc kép rồi chạy lại")


def parse(text: str, source: str) -> Any:
    """The round-trip tree of `text` (which the caller has already read with kehoach.source.load)."""
    try:
        return _yaml().load(with_tabs_quoted(text))
    except MarkedYAMLError as error:  # kehoach.source.load accepted it, so this is rare: say where and stop
        mark = error.problem_mark or error.context_mark
        where = Location(source, mark.line + 1, mark.column + 1) if mark else Location(source)
        raise InputError(NOT_REWRITTEN, where) from None
    except YAMLError:
        raise InputError(NOT_REWRITTEN, Location(source)) from None


# -- tabs --------------------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def with_tabs_quoted(text: str) -> str:
    """`text` with the same meaning, written so that ruamel and PyYAML's pure scanner can read it.

    kehoach.source.load reads with libyaml, which takes a tab inside an unquoted text as part of the text
    (`trich_yeu: Tuyên<TAB>truyền`, as YAML allows) and a tab between a key and its value as a space; ruamel
    and PyYAML's pure scanner refuse both. Such a text is written in double quotes with the tab as \\t
    (its value, read back, is the same), and a tab between tokens becomes a space; comments and quoted or
    block texts are left as they are.
    """
    if "\t" not in text:
        return text
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:  # without libyaml, kehoach.source.load refused the tab already
        return text
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    previous = 0
    try:
        for token in yaml.scan(text, Loader=loader):
            start = starts[token.start_mark.line] + token.start_mark.column
            end = starts[token.end_mark.line] + token.end_mark.column
            if "\t" in text[previous:start]:
                edits.append((previous, start, _spaced(text[previous:start])))
            if isinstance(token, yaml.ScalarToken) and token.plain and "\t" in text[start:end]:
                edits.append((start, end, '"' + "".join(_ESCAPES.get(c, c) for c in token.value) + '"'))
            previous = max(previous, end)
    except (yaml.YAMLError, IndexError):
        return text  # the reader's own message says where
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text


def _spaced(gap: str) -> str:
    """The text between two tokens with each tab before a comment made a space (a comment keeps its own)."""
    lines = []
    for line in gap.splitlines(keepends=True):
        cut = next((i for i, c in enumerate(line) if c == "#" and (i == 0 or line[i - 1] in " \t")), len(line))
        lines.append(line[:cut].replace("\t", " ") + line[cut:])
    return "".join(lines)


def dump(tree: Any) -> str:
    out = io.StringIO()
    _yaml().dump(tree, out)
    return out.getvalue()


# -- comments ----------------------------------------------------------------------------------------


@dataclass
class Trailing:
    """What follows an entry: its end-of-line comment (at `column`), then whole lines (comments, blanks)."""

    eol: str | None = None
    column: int = 0
    after: str = ""  # whole lines, each ending with "\n", with their own indentation


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def last_key(container: CommentedMap | CommentedSeq) -> Any:
    return next(reversed(container)) if isinstance(container, CommentedMap) else len(container) - 1


def _holder(container: Any, key: Any) -> tuple[Any, Any]:
    """The entry whose comment slot holds what follows `container[key]`: the last scalar inside it."""
    while _is_block(container[key]):
        container, key = container[key], last_key(container[key])
    return container, key


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0  # ruamel's places in ca.items


def has_other_comments(container: Any, key: Any) -> bool:
    """A comment ruamel keeps in another place of the entry (after `>-` on a block's first line, or the lines
    before a key that follows a `[a, b]` list, which move with that key): leave the entry's style alone."""
    slots = container.ca.items.get(key) or []
    return any(value is not None for index, value in enumerate(slots) if index != _slot(container))


def trailing(container: Any, key: Any) -> Trailing:
    holder, hkey = _holder(container, key)
    slots = holder.ca.items.get(hkey)
    token = slots[_slot(holder)] if slots else None
    if token is None:
        return Trailing()
    value = token.value
    if isinstance(holder[hkey], (LiteralScalarString, FoldedScalarString)):
        # A block scalar ends with its line break: all of it is whole lines; the first one's indent is the
        # token's column.
        indent = " " * token.column if value[:1] not in ("\n", "") else ""
        return Trailing(after=indent + value)
    if value.startswith("\n"):
        return Trailing(after=value[1:])
    eol, _, after = value.partition("\n")
    return Trailing(eol, token.column, after)


def set_trailing(container: Any, key: Any, trail: Trailing) -> None:
    holder, hkey = _holder(container, key)
    if isinstance(holder[hkey], (LiteralScalarString, FoldedScalarString)):
        text = trail.after
        stripped = text.lstrip(" ")
        column = len(text) - len(stripped) if stripped[:1] not in ("\n", "") else 0
        token = CommentToken(stripped, CommentMark(column)) if stripped else None
    elif trail.eol is None and not trail.after:
        token = None
    else:
        token = CommentToken((trail.eol or "") + "\n" + trail.after, CommentMark(trail.column))
    slots = holder.ca.items.setdefault(hkey, [None, None, None, None])
    slots[_slot(holder)] = token
    value = holder[hkey]
    if isinstance(value, (CommentedMap, CommentedSeq)):
        _own_comment(value, token)  # ruamel keeps a flow or empty collection's comment twice: the copies agree
    if token is None and not any(slots):
        del holder.ca.items[hkey]


def key_line(container: Any, key: Any) -> Trailing:
    """The comment on the line of `key:` when its value is a block, and the lines before its first entry."""
    token = (container.ca.items.get(key) or [None, None, None])[2]
    if token is None:
        return Trailing()
    value = token.value
    if value.startswith("\n"):
        return Trailing(after=value[1:])
    eol, _, after = value.partition("\n")
    return Trailing(eol, token.column, after)


def set_key_line(container: Any, key: Any, trail: Trailing) -> None:
    token = None
    if trail.eol is not None or trail.after:
        token = CommentToken((trail.eol or "") + "\n" + trail.after, CommentMark(trail.column))
    container.ca.items.setdefault(key, [None, None, None, None])[2] = token
    _own_comment(container[key], token)


def _own_comment(value: Any, token: CommentToken | None) -> None:
    # Never None: ruamel then also forgets the lines it keeps at the end of the collection (ca.end).
    before = value.ca.comment[1] if value.ca.comment else None
    value.ca.comment = [token, before]


# -- scalars -----------------------------------------------------------------------------------------

_ANALYSER = Emitter(io.StringIO(), allow_unicode=True)


@lru_cache(maxsize=4096)
def reads_as_text(text: str) -> bool:
    """kehoach.source.load, which decides what a plan means, reads `text` written bare as this very text
    (`true`, `~`, `12` are not text there)."""
    from kehoach.source.load import load_yaml_text

    try:
        return load_yaml_text(text, "-").data == text
    except InputError:
        return False


@lru_cache(maxsize=4096)
def _plain_means_itself(text: str) -> bool:
    """Both readers take `text` written bare as this text: kehoach.source.load, and ruamel.yaml (1.5 is a number)."""
    try:
        theirs = _yaml().load(text)
    except YAMLError:
        return False
    return type(theirs) is str and theirs == text and reads_as_text(text)


def plain_allowed(text: str, flow: bool = False) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    analysis = _ANALYSER.analyze_scalar(text)
    allowed = analysis.allow_flow_plain if flow else analysis.allow_block_plain
    return allowed and not analysis.multiline and _plain_means_itself(text)


def one_line(text: str, flow: bool = False) -> str:
    """`text` on one line: bare when it can be, else in double quotes."""
    return str(text) if plain_allowed(text, flow) else DoubleQuotedScalarString(text)


def written_width(value: str) -> int:
    """How many characters a one-line scalar takes once written."""
    if isinstance(value, DoubleQuotedScalarString):
        return len(value) + 2 + sum(value.count(c) for c in '"\\')
    return len(value)


def _breakable(text: str, index: int) -> bool:
    """A single space between two words: where a folded block may break its line."""
    return 0 < index < len(text) - 1 and text[index] == " " and text[index - 1] != " " and text[index + 1] != " "


def _greedy(text: str, start: int, room: int) -> list[int]:
    breaks: list[int] = []
    line_start, candidate = start, None
    for index in range(start, len(text) + 1):
        at_end = index == len(text)
        if not (at_end or _breakable(text, index)):
            continue
        if index - line_start > room and candidate is not None:
            breaks.append(candidate)
            line_start = candidate + 1
        candidate = None if at_end else index
    return breaks


def fold_points(text: str, indent: int, keep: list[int] | None = None) -> list[int]:
    """Where a folded block of `text`, its lines at column `indent`, breaks its lines.

    The clerk's own breaks are kept while every line fits: then changing a word changes one line of a
    diff, not a whole re-flowed paragraph. From the first line that is too long on, lines are filled.
    """
    room = max(WIDTH - indent, 20)
    kept = sorted(p for p in set(keep or []) if _breakable(text, p))
    starts = [0] + [p + 1 for p in kept]
    ends = kept + [len(text)]
    for number, (start, end) in enumerate(zip(starts, ends)):
        if end - start > room:
            return kept[:number] + _greedy(text, start, room)
    return kept


def foldable(text: str) -> bool:
    """Text a folded block gives back exactly: no edge spaces, nothing but printable characters and spaces
    (a tab or a no-break space beside a line break would be read differently)."""
    return bool(text) and text == text.strip() and text.isprintable()


def folded(text: str, indent: int, keep: list[int] | None = None) -> FoldedScalarString:
    value = FoldedScalarString(text)
    value.fold_pos = fold_points(text, indent, keep)
    return value


def fold_kept(value: Any) -> list[int]:
    return list(getattr(value, "fold_pos", None) or []) if isinstance(value, FoldedScalarString) else []


def fitted(text: str, start: int, indent: int, keep: list[int] | None = None, flow: bool = False) -> str:
    """`text` on one line if it fits from column `start`, else as a folded block whose lines start at `indent`."""
    line = one_line(text, flow)
    if flow or start + written_width(line) <= WIDTH or not foldable(text):
        return line
    return folded(text, indent, keep)


def put(container: Any, key: Any, value: Any) -> None:
    """container[key] = value, as written: ruamel would keep the old quotes when `value` is a bare str."""
    container[key] = None
    container[key] = value


def with_text(value: Any, text: str) -> Any:
    """A scalar holding `text`, written the way `value` was (quotes, block style, line breaks)."""
    if type(value) is str:
        return text
    new = type(value)(text)
    if isinstance(value, FoldedScalarString):  # the clerk's line breaks, where they still fall between words
        new.fold_pos = [p for p in fold_kept(value) if _breakable(text, p)]
    if getattr(value, "comment", None) is not None:  # a block scalar's own comment (after `>-`)
        new.comment = value.comment
    return new


# -- checking a rewrite ------------------------------------------------------------------------------


def comments(text: str) -> list[str]:
    """Every comment of a YAML text, sorted: what a rewrite must keep, found between PyYAML's tokens."""
    import yaml

    text = with_tabs_quoted(text)  # the pure scanner refuses a tab in an unquoted text; comments are kept as they are
    found: list[str] = []
    position = 0

    def take(start: int, end: int) -> None:
        for line in text[start:end].splitlines():
            if "#" in line:
                found.append(line[line.index("#"):].rstrip())

    for token in yaml.scan(text, Loader=yaml.SafeLoader):  # the pure-Python scanner counts characters
        start, end = token.start_mark.index, token.end_mark.index
        take(position, start)
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            header = text[start:end].split("\n", 1)[0]
            if "#" in header:
                found.append(header[header.index("#"):].rstrip())
        position = max(position, end)
    take(position, len(text))
    return sorted(found)
