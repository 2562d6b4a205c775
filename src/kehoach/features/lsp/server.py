"""`kehoach lsp`: the language server (pygls, over stdio) that gives an editor kehoach's own checks.

Diagnostics are `kehoach check`'s problems (the same rule ids, severities, positions and messages),
checked from the editor's unsaved text, published for the plan and for the shared files it reads.

Checking is coalesced rather than delayed: a change starts a check after `SETTLE` seconds (so that the
burst of changes of one paste or one multi-cursor edit is checked once); changes that arrive while a
check runs are checked together right after it. A check of the 2024 plan takes a few milliseconds, so
the clerk sees the result of a keystroke at once, and never a result older than the text.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from kehoach import __version__
from kehoach.features.lsp import answers
from kehoach.features.lsp.analysis import Workspace
from kehoach.problems import Problem, Severity

SETTLE = 0.01  # seconds: the changes of one burst are checked together

_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}


class KehoachServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("kehoach", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.plans = Workspace()
        self.dirty: set[Path] = set()
        self.running: asyncio.Task | None = None
        self.published: dict[Path, dict[Path, list[Problem]]] = {}  # checked file -> file -> its problems
        self.versions: dict[Path, int] = {}  # the editor's version of each open file

    # -- positions ------------------------------------------------------------------------------

    def _encoding(self) -> str:
        return str(self.server_capabilities.position_encoding or lsp.PositionEncodingKind.Utf16)

    def _lines(self, path: Path) -> list[str]:
        return (self.plans.text(path) or "").split("\n")

    def to_client(self, lines: list[str], row: int, column: int) -> lsp.Position:
        line = lines[row] if 0 <= row < len(lines) else ""
        head = line[:column]
        encoding = self._encoding()
        if encoding == lsp.PositionEncodingKind.Utf8:
            column = len(head.encode("utf-8"))
        elif encoding == lsp.PositionEncodingKind.Utf16:
            column = len(head.encode("utf-16-le")) // 2
        return lsp.Position(line=row, character=column)

    def from_client(self, lines: list[str], position: lsp.Position) -> tuple[int, int]:
        line = lines[position.line] if position.line < len(lines) else ""
        encoding = self._encoding()
        if encoding == lsp.PositionEncodingKind.Utf32:
            return position.line, position.character
        units, column = 0, 0
        for char in line:
            if units >= position.character:
                break
            units += len(char.encode("utf-8")) if encoding == lsp.PositionEncodingKind.Utf8 else \
                len(char.encode("utf-16-le")) // 2
            column += 1
        return position.line, column

    def client_range(self, path: Path, row: int, start: int, end: int, end_row: int | None = None) -> lsp.Range:
        lines = self._lines(path)
        return lsp.Range(start=self.to_client(lines, row, start),
                         end=self.to_client(lines, row if end_row is None else end_row, end))

    # -- diagnostics ----------------------------------------------------------------------------

    def changed(self, path: Path) -> None:
        """Check `path` (and, for a shared file, the plans that read it) as soon as the burst settles."""
        self.dirty.add(path)
        if self.running is None or self.running.done():
            self.running = asyncio.get_running_loop().create_task(self._check_dirty())

    async def _check_dirty(self) -> None:
        await asyncio.sleep(SETTLE)
        while self.dirty:
            path = self.dirty.pop()
            paths = [path] + (self.plans.users(path) if self.plans.is_shared(path) else [])
            targets: set[Path] = set()
            for checked_path in dict.fromkeys(paths):
                try:
                    targets |= self._check(checked_path)
                except Exception as error:  # a bug of kehoach: said in the editor's log, the server goes on
                    self.window_log_message(lsp.LogMessageParams(
                        type=lsp.MessageType.Error,
                        message=f"kehoach: lỗi nội bộ khi kiểm tra {checked_path} ({type(error).__name__}: {error})"))
            for target in sorted(targets):  # once each, with what every check found in it
                self._publish(target)
            await asyncio.sleep(0)  # let the changes that came meanwhile in

    def _check(self, path: Path) -> set[Path]:
        """Check `path`; the files whose diagnostics this changes."""
        checked = self.plans.check(path)
        before = self.published.get(path, {})
        now = self.plans.problems_by_file(checked)
        self.published[path] = now
        return set(before) | set(now)

    def _publish(self, target: Path) -> None:
        """The problems in `target` found by every check (a shared file's by each plan that reads it, once)."""
        problems: dict[tuple, Problem] = {}
        for by_file in self.published.values():
            for problem in by_file.get(target, []):
                problems.setdefault((problem.location, problem.rule, problem.message), problem)
        lines = self._lines(target)
        diagnostics = [self._diagnostic(p, lines) for p in sorted(problems.values(), key=Problem.sort_key)]
        # Checks run between two messages, so the open file's current version is the one checked.
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=target.as_uri(), diagnostics=diagnostics, version=self.versions.get(target)))

    def _diagnostic(self, problem: Problem, lines: list[str]) -> lsp.Diagnostic:
        row = (problem.location.line or 1) - 1
        start = (problem.location.column or 1) - 1
        line = lines[row] if row < len(lines) else ""
        end = _token_end(line, start)
        if problem.fix and len(problem.fix.edits) == 1:
            edit = problem.fix.edits[0]
            if (edit.start[0] - 1, edit.start[1] - 1) == (row, start) and edit.end[0] == edit.start[0]:
                end = max(end if edit.end[1] == edit.start[1] else 0, edit.end[1] - 1)
        data = {"fix": self._fix_json(problem)} if problem.fix else None
        return lsp.Diagnostic(range=lsp.Range(start=self.to_client(lines, row, start),
                                              end=self.to_client(lines, row, end)),
                              message=problem.message, severity=_SEVERITY[problem.severity], code=problem.rule,
                              source="kehoach", data=data)

    def _fix_json(self, problem: Problem) -> dict:
        edits = []
        for edit in problem.fix.edits:
            path = self.plans.real(edit.file)
            rng = self.client_range(path, edit.start[0] - 1, edit.start[1] - 1, edit.end[1] - 1, edit.end[0] - 1)
            edits.append({"uri": path.as_uri(), "range": {"start": {"line": rng.start.line, "character": rng.start.character},
                                                          "end": {"line": rng.end.line, "character": rng.end.character}},
                          "newText": edit.text})
        return {"title": problem.fix.title, "edits": edits}


def _token_end(line: str, start: int) -> int:
    """Where to end a problem's underline: the value written there, up to a comment or the line's end."""
    body = line.rstrip()
    comment = body.find(" #", start)
    end = comment if comment >= 0 else len(body)
    return max(end, start + 1) if start < len(line) else start


def build() -> KehoachServer:
    server = KehoachServer()

    def path_of(uri: str) -> Path:
        return Path(to_fs_path(uri) or uri).resolve()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: KehoachServer, params: lsp.InitializeParams) -> None:
        roots = [path_of(f.uri) for f in params.workspace_folders or []]
        if not roots and params.root_uri:
            roots = [path_of(params.root_uri)]
        ls.plans = Workspace(roots)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: KehoachServer, params: lsp.DidOpenTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        ls.plans.buffers[path] = params.text_document.text
        ls.versions[path] = params.text_document.version
        ls.changed(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: KehoachServer, params: lsp.DidChangeTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        ls.plans.buffers[path] = ls.workspace.get_text_document(params.text_document.uri).source
        ls.versions[path] = params.text_document.version
        ls.changed(path)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: KehoachServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.changed(path_of(params.text_document.uri))  # other plans of the folder read its `so:` from disk

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: KehoachServer, params: lsp.DidCloseTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        ls.plans.buffers.pop(path, None)  # its problems stay shown: the file on disk still has them
        ls.versions.pop(path, None)
        ls.changed(path)

    def place(ls: KehoachServer, params) -> tuple[Path, list[str], int, int]:
        path = path_of(params.text_document.uri)
        lines = ls._lines(path)
        row, column = ls.from_client(lines, params.position)
        return path, lines, row, column

    def location(ls: KehoachServer, found: answers.Place) -> lsp.Location:
        return lsp.Location(uri=found.path.as_uri(), range=ls.client_range(found.path, found.row, found.start, found.end))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["[", " ", ","]))
    def completion(ls: KehoachServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        path, lines, row, column = place(ls, params)
        return lsp.CompletionList(is_incomplete=False, items=answers.completion(ls.plans, path, lines, row, column))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: KehoachServer, params: lsp.HoverParams) -> lsp.Hover | None:
        path, lines, row, column = place(ls, params)
        found = answers.hover(ls.plans, path, lines, row, column)
        if found is not None and found.range is not None:
            r = found.range
            found.range = ls.client_range(path, r.start.line, r.start.character, r.end.character)
        return found

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: KehoachServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        found = answers.definition(ls.plans, *place(ls, params))
        return location(ls, found) if found is not None else None

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: KehoachServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        path, lines, row, column = place(ls, params)
        found = answers.references(ls.plans, path, lines, row, column, params.context.include_declaration)
        return [location(ls, p) for p in found]

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: KehoachServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        path = path_of(params.text_document.uri)
        found = answers.symbols(ls.plans, path, ls._lines(path))
        lines = ls._lines(path)

        def convert(symbol: lsp.DocumentSymbol) -> lsp.DocumentSymbol:
            for name in ("range", "selection_range"):
                r = getattr(symbol, name)
                setattr(symbol, name, lsp.Range(start=ls.to_client(lines, r.start.line, r.start.character),
                                                end=ls.to_client(lines, r.end.line, r.end.character)))
            symbol.children = [convert(c) for c in symbol.children or []]
            return symbol

        return [convert(s) for s in found]

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_actions(ls: KehoachServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        actions = []
        for diagnostic in params.context.diagnostics:
            fix = (diagnostic.data or {}).get("fix") if isinstance(diagnostic.data, dict) else None
            if diagnostic.source != "kehoach" or not fix:
                continue
            changes: dict[str, list[lsp.TextEdit]] = {}
            for edit in fix["edits"]:
                r = edit["range"]
                changes.setdefault(edit["uri"], []).append(lsp.TextEdit(
                    range=lsp.Range(start=lsp.Position(**r["start"]), end=lsp.Position(**r["end"])),
                    new_text=edit["newText"]))
            actions.append(lsp.CodeAction(title=fix["title"], kind=lsp.CodeActionKind.QuickFix,
                                          diagnostics=[diagnostic], is_preferred=True,
                                          edit=lsp.WorkspaceEdit(changes=changes)))
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: KehoachServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        from kehoach.errors import KehoachError
        from kehoach.features.fmt import format_text

        path = path_of(params.text_document.uri)
        text = ls.plans.text(path) or ""
        try:
            formatted = format_text(text, ls.plans.display(path))
        except KehoachError:  # FormatFailed too
            return None  # not YAML kehoach can read (the diagnostics say why), or nothing safe to write
        if formatted == text:
            return []
        lines = text.split("\n")
        end = ls.to_client(lines, len(lines) - 1, len(lines[-1]))
        return [lsp.TextEdit(range=lsp.Range(start=lsp.Position(line=0, character=0), end=end), new_text=formatted)]

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the editor ends it."""
    build().start_io()
