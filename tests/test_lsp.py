"""`kehoach lsp` end to end: a real client (pytest-lsp) talks to the server over stdio.

The workspace is a folder with the 2024 plan whose cited documents live in a shared file (`dung_chung`),
so every capability is also shown across files.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from support import shared_workspace

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "kehoach", "lsp"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return shared_workspace(tmp_path_factory.mktemp("lsp"))


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, files):
    root = files[0].parent.parent
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name="ke-hoach")]))
    yield
    await lsp_client.shutdown_session()


async def _published(client: LanguageClient, uri: str) -> list[lsp.Diagnostic]:
    """Wait for the next diagnostics of `uri` (those published before were cleared by the caller)."""
    while uri not in client.diagnostics:
        await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


async def _open(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> list[lsp.Diagnostic]:
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=path.as_uri(), language_id="yaml", version=version,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return await _published(client, path.as_uri())


async def _replace(client: LanguageClient, path: Path, text: str, version: int, wait: Path | None = None):
    """Replace the whole (unsaved) text of an open document; the diagnostics of `wait` (default: the document)."""
    wait = wait or path
    client.diagnostics.pop(wait.as_uri(), None)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
    return await _published(client, wait.as_uri())


async def _close(client: LanguageClient, path: Path) -> None:
    """Close a document, and wait for its diagnostics from the file on disk (so that none comes later)."""
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(
        text_document=lsp.TextDocumentIdentifier(uri=path.as_uri())))
    await _published(client, path.as_uri())


def _at(text: str, needle: str, offset: int = 0) -> lsp.Position:
    """The position of `needle` (plus `offset` characters) in `text`."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return lsp.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


def _cli_check(root: Path, folder: str, text: str) -> list[tuple]:
    """What `kehoach check --format json` says of `text` saved as plan.yaml in a folder like `folder` (beside it,
    at the same depth, so that `dung_chung` finds the same shared file), named as the editor's file."""
    copy = root / f"{folder}-ban-sao" / "plan.yaml"
    copy.parent.mkdir(exist_ok=True)
    copy.write_text(text, encoding="utf-8")
    kehoach = Path(sys.executable).parent / "kehoach"
    try:
        done = subprocess.run([str(kehoach), "check", str(copy.relative_to(root)), "--format", "json"],
                              cwd=root, capture_output=True, text=True, encoding="utf-8")
    finally:
        copy.unlink()
        copy.parent.rmdir()
    found = json.loads(done.stdout)["problems"]
    return sorted((p["file"].replace(f"{folder}-ban-sao", folder), p["line"] - 1, p["column"] - 1, p["rule"],
                   p["severity"], p["message"].replace(f"{folder}-ban-sao", folder)) for p in found)


_SEVERITY = {lsp.DiagnosticSeverity.Error: "error", lsp.DiagnosticSeverity.Warning: "warning",
             lsp.DiagnosticSeverity.Information: "info"}


def _shown(file: str, diagnostics: list[lsp.Diagnostic]) -> list[tuple]:
    return sorted((file, d.range.start.line, d.range.start.character, d.code, _SEVERITY[d.severity], d.message)
                  for d in diagnostics)


async def test_a_valid_plan_with_shared_documents_has_no_diagnostics(client, files):
    plan, shared = files
    assert await _open(client, plan) == []
    await _close(client, plan)


async def test_diagnostics_are_those_of_kehoach_check_from_the_unsaved_text(client, files, tmp_path):
    plan, _ = files
    text = plan.read_text(encoding="utf-8")
    await _open(client, plan, text)
    broken = (text.replace("tổng hợp, báo cáo", "tổng hợp , báo  cáo ngày 5/03/2024")
                  .replace("- TT Huyện uỷ", "- “TT” Huyện uỷ \"HĐND\"").replace("- KT. CHỦ TỊCH", "- KT CHỦ TỊCH"))
    diagnostics = await _replace(client, plan, broken, 2)
    assert plan.read_text(encoding="utf-8") == text  # nothing saved: the server read the editor's text
    # The same file checked by the command line, in the same folder.
    root = plan.parent.parent
    assert {e[3] for e in _cli_check(root, "ke-hoach", broken)} == {"signature-format"}  # stops the rules
    assert _shown("ke-hoach/plan.yaml", diagnostics) == _cli_check(root, "ke-hoach", broken)
    # With the signature right, every rule runs: the text rules' findings, exactly as the command line's.
    fixed_signature = broken.replace("- KT CHỦ TỊCH", "- KT. CHỦ TỊCH")
    diagnostics = await _replace(client, plan, fixed_signature, 3)
    expected = _cli_check(root, "ke-hoach", fixed_signature)
    assert {e[3] for e in expected} == {"text-spacing", "text-date-format", "text-quotes"}
    assert _shown("ke-hoach/plan.yaml", diagnostics) == expected
    assert {d.source for d in diagnostics} == {"kehoach"}
    await _close(client, plan)


async def test_quick_fixes_correct_the_text(client, files):
    plan, _ = files
    text = plan.read_text(encoding="utf-8")
    broken = (text.replace("tổng hợp, báo cáo", "tổng hợp , báo  cáo ngày 5/03/2024")
              .replace('      - "Các nội dung dự kiến thực hiện trong năm 2024:"',
                       "      - Các nội dung dự kiến thực hiện trong năm 2024:")
              .replace("- KT. CHỦ TỊCH", "- KT CHỦ TỊCH"))
    assert "- Các nội dung dự kiến thực hiện trong năm 2024:\n" in broken
    current, version = broken, 1
    diagnostics = await _open(client, plan, current, version)
    titles = []
    # Apply the first fix offered, until no diagnostic has one: each fix is exact and its problem goes.
    for _ in range(10):
        actions = []
        for diagnostic in diagnostics:
            actions += await client.text_document_code_action_async(lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()), range=diagnostic.range,
                context=lsp.CodeActionContext(diagnostics=[diagnostic]))) or []
        if not actions:
            break
        action = actions[0]
        titles.append(action.title)
        assert action.kind == lsp.CodeActionKind.QuickFix
        current = _apply(current, action.edit.changes[plan.as_uri()])
        version += 1
        diagnostics = await _replace(client, plan, current, version)
    assert titles == ["Đặt «Các nội dung dự kiến thực hiện trong năm 2024:» trong ngoặc kép", "Viết «KT. CHỦ TỊCH»",
                      "Bỏ dấu cách trước «,»", "Để một dấu cách", "Viết «05/3/2024»"]
    assert diagnostics == []
    assert "tổng hợp, báo cáo ngày 05/3/2024" in current and "- KT. CHỦ TỊCH" in current
    assert current == text.replace("tổng hợp, báo cáo", "tổng hợp, báo cáo ngày 05/3/2024")
    await _close(client, plan)


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line
        line = lines[start.line]
        lines[start.line] = line[:start.character] + edit.new_text + line[end.character:]
    return "\n".join(lines)


async def test_shared_file_diagnostics_from_its_unsaved_text(client, files):
    plan, shared = files
    await _open(client, plan)
    shared_text = shared.read_text(encoding="utf-8")
    client.diagnostics.pop(plan.as_uri(), None)
    await _open(client, shared, shared_text)
    await _published(client, plan.as_uri())  # the plans that read a shared file are checked with it
    # A wrong date in the shared file's text: reported in the shared file, at its place, not in the plan.
    edited = shared_text.replace("về việc phê duyệt Chương trình", "ngày 5/1/2022 phê duyệt Chương trình")
    client.diagnostics.pop(plan.as_uri(), None)
    diagnostics = await _replace(client, shared, edited, 2)
    assert [(d.code, d.range.start.line + 1) for d in diagnostics] == [
        ("text-date-format", edited[:edited.index("ngày 5/1/2022")].count("\n") + 1)]
    assert diagnostics[0].message.startswith("ngày tháng «5/1/2022» sai quy tắc số 0; hãy viết «05/01/2022»")
    assert await _published(client, plan.as_uri()) == []
    # Removing a document from the shared file (unsaved) breaks the plan that cites it.
    removed = edited.replace("  qd-90-ttg:", "  qd-90-ttg-cu:")
    client.diagnostics.pop(plan.as_uri(), None)
    await _replace(client, shared, removed, 3)
    in_plan = await _published(client, plan.as_uri())
    assert [(d.code, d.message) for d in in_plan] == [
        ("ref-undefined", "dẫn chiếu «qd-90-ttg» không trỏ tới văn bản nào; hãy khai báo mã này trong van_ban"
                          " (có phải «qd-90-ttg-cu»?)")]
    client.diagnostics.pop(plan.as_uri(), None)
    await _replace(client, shared, shared_text, 4)
    assert await _published(client, plan.as_uri()) == []
    await _close(client, shared)
    await _close(client, plan)


async def test_completion_of_keys_ids_and_kinds(client, files):
    plan, _ = files
    text = plan.read_text(encoding="utf-8")
    await _open(client, plan, text)

    async def complete(position: lsp.Position) -> dict[str, lsp.CompletionItem]:
        found = await client.text_document_completion_async(lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()), position=position))
        return {item.label: item for item in found.items}

    # A unit id after chu_tri:, with the unit's full name.
    items = await complete(_at(text, "chu_tri: ldtbxh", len("chu_tri: ")))
    assert items["ttvh"].detail == "Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện"
    assert set(items) == {"ldtbxh", "ttvh", "vhtt", "ban-tuyen-giao", "thanh-vien-bcd", "bcd", "ubnd-xa"}
    # A cited document (declared in the shared file) after can_cu's van_ban:.
    items = await complete(_at(text, "  - van_ban: qd-650-ldtbxh", len("  - van_ban: ")))
    assert items["qd-4438-2023"].detail == "Quyết định số 4438/QĐ-UBND ngày 14/12/2023"
    assert "ldtbxh" not in items
    # Inside [[ : sections with their number, documents and units.
    items = await complete(_at(text, "[[qd-4438-2023]]", 2))
    assert items["noi-dung-thuc-hien"].detail == "III. Nội dung thực hiện"
    assert items["phong-su"].detail == "1. Phóng sự về công tác giảm nghèo trên địa bàn huyện"
    assert {"qd-90-ttg", "bcd"} <= set(items)
    # Keys an activity has not got yet, with their descriptions; not those it has.
    typing = text.replace("        phoi_hop: ubnd-xa\n", "        phoi_hop: ubnd-xa\n        \n", 1)
    await _replace(client, plan, typing, 2)
    items = await complete(_at(typing, "        \n", 8))
    assert {"thoi_gian", "kinh_phi"} <= set(items) and "hoat_dong" not in items and "chu_tri" not in items
    assert items["thoi_gian"].insert_text == "thoi_gian: "
    # The plan's loai: the kinds kehoach writes.
    items = await complete(_at(text, "loai: Kế hoạch", len("loai: ")))
    assert {"Kế hoạch", "Quyết định", "Báo cáo", "Tờ trình"} <= set(items)
    # The values of a key the model lists: true or false, the status of an activity in a report.
    typing = typing.replace("so: 185\n", "so: 185\nquy_pham: \n", 1)
    typing += ("ket_qua:\n  hoat_dong:\n    phong-su:\n      tinh_trang: \n")
    await _replace(client, plan, typing, 3)
    assert set(await complete(_at(typing, "quy_pham: ", len("quy_pham: ")))) == {"true", "false"}
    assert set(await complete(_at(typing, "tinh_trang: ", len("tinh_trang: ")))) == {"da-xong", "dang-lam", "chua-lam"}
    await _close(client, plan)


async def test_completion_in_a_shared_file(client, files):
    _, shared = files
    text = shared.read_text(encoding="utf-8")
    typing = text + "don_vi:\n  ubnd-tinh:\n    \n"
    await _open(client, shared, typing)

    async def complete(position: lsp.Position) -> set[str]:
        found = await client.text_document_completion_async(lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=shared.as_uri()), position=position))
        return {item.label for item in found.items}

    assert {"ten", "ten_ngan", "viet_tat", "thuoc"} <= await complete(_at(typing, "  ubnd-tinh:\n    ", 16))
    top = typing.replace("don_vi:\n", "d\n")
    await _replace(client, shared, top, 2)
    assert await complete(_at(top, "d\n  ubnd-tinh", 1)) == {"don_vi"}  # van_ban is there already
    await _replace(client, shared, text, 3)
    await _close(client, shared)


async def test_hover_shows_what_an_id_renders_to(client, files):
    plan, _ = files
    text = plan.read_text(encoding="utf-8")
    await _open(client, plan, text)

    async def hover(needle: str, offset: int) -> str:
        found = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()), position=_at(text, needle, offset)))
        return found.contents.value

    shown = await hover("[[qd-4438-2023]]", 4)
    assert "`[[qd-4438-2023]]` in ra: Quyết định số 4438/QĐ-UBND ngày 14/12/2023" in shown
    assert ("Trích dẫn đầy đủ: Quyết định số 4438/QĐ-UBND ngày 14/12/2023 của UBND huyện Mường Ảng về việc giao dự"
            " toán thu, chi ngân sách địa phương năm 2024") in shown
    assert "`[[noi-dung-thuc-hien]]` in ra: III" in await hover("[[noi-dung-thuc-hien]]", 5)
    shown = await hover("phoi_hop: [vhtt", len("phoi_hop: [v"))
    assert "**vhtt** — Phòng Văn hoá và Thông tin huyện" in shown
    shown = await hover("  luu: ldtbxh", len("  luu: l"))
    assert "`[[ldtbxh]]` in ra: Phòng Lao động TB&XH huyện" in shown
    assert "Tên đầy đủ: Phòng Lao động - Thương binh và Xã hội huyện" in shown
    # On a key: what it is for, from the model's description.
    assert await hover("  chuc_vu: PHÓ", 3) == "**chuc_vu**: Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH"
    await _close(client, plan)


async def test_definition_and_references_across_the_shared_file(client, files):
    plan, shared = files
    text = plan.read_text(encoding="utf-8")
    shared_text = shared.read_text(encoding="utf-8")
    await _open(client, plan, text)
    found = await client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()),
        position=_at(text, "[[qd-4438-2023]]", 3)))
    assert found.uri == shared.as_uri()
    assert found.range.start == _at(shared_text, "  qd-4438-2023:", 2)
    found = await client.text_document_definition_async(lsp.DefinitionParams(
        text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()), position=_at(text, "[[phong-su]]", 3)))
    assert (found.uri, found.range.start) == (plan.as_uri(), _at(text, "id: phong-su", 4))

    references = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()), position=_at(text, "  luu: ldtbxh", 8),
        context=lsp.ReferenceContext(include_declaration=True)))
    lines = text.split("\n")
    assert all(lines[r.range.start.line][r.range.start.character:r.range.end.character] == "ldtbxh"
               for r in references)
    assert len(references) == 1 + text.count(": ldtbxh") + text.count(": ldtbxh\n") * 0
    # From the shared file: the uses of a document in every plan that reads it, open or not.
    other = plan.parent.parent / "ke-hoach-2" / "plan.yaml"
    other.parent.mkdir()
    other.write_text(text, encoding="utf-8")
    await _open(client, shared, shared_text)
    references = await client.text_document_references_async(lsp.ReferenceParams(
        text_document=lsp.TextDocumentIdentifier(uri=shared.as_uri()), position=_at(shared_text, "qd-4438-2023", 1),
        context=lsp.ReferenceContext(include_declaration=False)))
    assert sorted((r.uri, r.range.start.line) for r in references) == sorted(
        (p.as_uri(), _at(text, needle).line) for p in (plan, other) for needle in ("van_ban: qd-4438-2023",
                                                                                   "[[qd-4438-2023]]"))
    other.unlink()
    other.parent.rmdir()
    await _close(client, shared)
    await _close(client, plan)


async def test_outline_has_the_numbers_of_the_document(client, files):
    plan, _ = files
    await _open(client, plan)
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(
        text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri())))
    assert [s.name for s in symbols] == ["I. Mục đích, yêu cầu", "II. Đối tượng, phạm vi và thời gian thực hiện",
                                         "III. Nội dung thực hiện", "IV. Kinh phí thực hiện", "V. Tổ chức thực hiện"]
    assert [c.name for c in symbols[0].children] == ["1. Mục đích", "2. Yêu cầu"]
    assert [c.name for c in symbols[2].children][:2] == [
        "1. Phóng sự về công tác giảm nghèo trên địa bàn huyện",
        "2. Xây dựng, tổ chức thực hiện các chương trình thông tin và truyền thông định hướng cho người dân tham"
        " gia, thụ hưởng chương trình, tiếp cận dịch vụ xã hội cơ bản"]
    assert [c.name for c in symbols[4].children] == [
        "1. Phòng Lao động - Thương binh và Xã hội huyện", "2. Trung tâm Văn hóa - Truyền thanh - Truyền hình",
        "3. Các cơ quan thành viên BCĐ các Chương trình MTQG huyện", "4. Ủy ban nhân dân các xã, thị trấn"]
    for outer in symbols:  # each section's range holds its children's
        for inner in outer.children:
            assert outer.range.start.line <= inner.range.start.line <= inner.range.end.line <= outer.range.end.line
    await _close(client, plan)


async def test_format_document_is_kehoach_fmt(client, files):
    from kehoach.features.fmt import format_text

    plan, _ = files
    messy = plan.read_text(encoding="utf-8").replace("  viet_tat: UBND\n  dia_danh: Mường Ảng\n",
                                                      "  dia_danh: Mường Ảng\n  viet_tat: UBND\n")
    await _open(client, plan, messy)
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=plan.as_uri()),
        options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert len(edits) == 1 and edits[0].range.start == lsp.Position(line=0, character=0)
    assert edits[0].new_text == format_text(messy, "ke-hoach/plan.yaml")
    assert "  viet_tat: UBND\n  dia_danh: Mường Ảng\n" in edits[0].new_text
    await _close(client, plan)


async def test_a_burst_of_changes_is_checked_once_and_a_change_during_a_check_right_after_it(tmp_path):
    from kehoach.features.lsp.server import KehoachServer

    server, checked = KehoachServer(), []
    plan = tmp_path / "plan.yaml"

    def check(path: Path) -> set:
        checked.append(server.plans.buffers[path])
        if server.plans.buffers[path] == "v5":  # the clerk types on while this check runs
            server.plans.buffers[path] = "v6"
            server.changed(path)
        return set()

    server._check = check
    for version in range(1, 6):  # one paste, or keys pressed faster than a check
        server.plans.buffers[plan] = f"v{version}"
        server.changed(plan)
    await server.running
    assert checked == ["v5", "v6"]


@pytest.mark.parametrize(("encoding", "column"), [("utf-16", 6), ("utf-8", 9), ("utf-32", 5)])
async def test_columns_in_the_editor_s_units(encoding, column, monkeypatch):
    """kehoach counts characters; an editor counts UTF-16 units (the default), bytes or characters, as agreed."""
    from kehoach.features.lsp.server import KehoachServer

    server = KehoachServer()
    monkeypatch.setattr(server, "_encoding", lambda: encoding)
    lines = ["  ký 😀 x: 1"]
    assert server.to_client(lines, 0, 7) == lsp.Position(line=0, character=column + 2)
    assert server.from_client(lines, lsp.Position(line=0, character=column + 2)) == (0, 7)
