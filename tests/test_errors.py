"""One exception family: every exception kehoach defines is declared in kehoach.errors and derives from
KehoachError, with its exit code; kehoach's own faults (a broken data file it ships) are said as bugs are."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from kehoach import errors
from kehoach.cli.app import EXIT_INTERNAL
from kehoach.kinds import catalog
from support import ROOT, CliResult, invoke

PACKAGE = Path(errors.__file__).parent


def _exception_classes(path: Path) -> list[str]:
    """The classes of a module whose bases name an exception (…Error, …Exception, …Failed, …Unreadable…)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    family = {name for name in dir(errors) if isinstance(getattr(errors, name), type)
              and issubclass(getattr(errors, name), BaseException)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases]
            if any(base in family or base.endswith(("Error", "Exception", "Interrupt")) for base in bases):
                found.append(node.name)
    return found


#: Exceptions that never reach the clerk, each turned into a member of the family where it is caught.
SIGNALS = {
    # A jinja TemplateError, so that jinja lets it through the template's code; kehoach.render.docx_writer
    # turns it into an InputError naming the template's part and paragraph.
    "render/sandbox.py: TemplateLimit",
}


def test_every_exception_is_declared_in_errors_py():
    """Besides SIGNALS, only private control-flow exceptions (`_NestingLimit`, caught where raised)."""
    outside = {f"{path.relative_to(PACKAGE).as_posix()}: {name}" for path in PACKAGE.rglob("*.py")
               if path.name != "errors.py" for name in _exception_classes(path) if not name.startswith("_")}
    assert outside == SIGNALS


def test_every_exception_of_errors_py_is_of_the_family():
    declared = _exception_classes(PACKAGE / "errors.py")
    assert {"KehoachError", "InputError", "DocxUnreadable", "AmountError", "SentenceError", "OutputError",
            "PdfError", "PlanHasErrors", "Interrupted", "InternalError", "PackageDataError", "KindDataError",
            "ProfileError", "UnitError", "FormatFailed"} <= set(declared)
    assert [name for name in declared if not issubclass(getattr(errors, name), errors.KehoachError)] == []


@pytest.mark.parametrize(("error", "code"), [
    (errors.DocxUnreadable("không phải văn bản Word"), 2),
    (errors.AmountError("số tiền không được âm"), 1),
    (errors.SentenceError("mẫu câu viết sai cú pháp Jinja"), 1),
    (errors.OutputError("tệp đang mở"), 2),
    (errors.PdfError("LibreOffice không trả lời"), 2),
    (errors.PlanHasErrors("còn lỗi"), 1),
    (errors.Interrupted("Đã dừng"), 130),
    (errors.KindDataError("x.yaml: thiếu khóa mau"), EXIT_INTERNAL),
    (errors.ProfileError("không có thể thức «x»"), EXIT_INTERNAL),
    (errors.UnitError("«14 mm»: cỡ chữ phải tính bằng pt"), EXIT_INTERNAL),
    (errors.FormatFailed("x.yaml: định dạng lại sẽ làm đổi dữ liệu của tệp"), EXIT_INTERNAL),
], ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value))
def test_each_error_has_the_exit_code_of_the_readme(error, code):
    assert error.exit_code == code


def test_an_internal_error_reads_as_a_bug_and_keeps_its_own_message():
    error = errors.KindDataError("x.yaml: thiếu khóa mau")
    assert error.message == "x.yaml: thiếu khóa mau"
    assert str(error) == ("lỗi nội bộ của kehoach (KindDataError: x.yaml: thiếu khóa mau); không tệp nào bị thay đổi. "
                          "Hãy chạy lại với KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.")


@pytest.fixture
def broken_kind(tmp_path, monkeypatch):
    """The shipped kinds, with to-trinh.yaml missing its template (`mau`)."""
    folder = tmp_path / "kinds"
    shutil.copytree(catalog._FOLDER, folder)
    kind = folder / "to-trinh.yaml"
    kind.write_text(kind.read_text(encoding="utf-8").replace("mau: van-ban.docx\n", ""), encoding="utf-8")
    monkeypatch.setattr(catalog, "_FOLDER", folder)
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    catalog.all_kinds.cache_clear()
    catalog._by_name.cache_clear()
    yield
    catalog.all_kinds.cache_clear()
    catalog._by_name.cache_clear()


def test_a_broken_shipped_kind_is_kehoachs_fault_exit_70(broken_kind, tmp_path):
    plan = tmp_path / "to-trinh.yaml"
    shutil.copy(ROOT / "data" / "vi-du" / "to-trinh.yaml", plan)
    assert invoke(["check", str(plan)]) == CliResult(
        70, "", "lỗi nội bộ của kehoach (KindDataError: to-trinh.yaml: thiếu khóa mau); không tệp nào bị thay đổi. "
        "Hãy chạy lại với KEHOACH_DEBUG=1 và gửi kết quả cho người phát triển.\n")
    verbose = invoke(["-v", "check", str(plan)])  # -v: the traceback first, as for any bug
    assert verbose.stderr.startswith("Traceback (most recent call last):\n")
    assert verbose.exit_code == 70


@pytest.mark.parametrize(("sentence", "why"), [
    ("{{ kinh_gui.ten }}", "mẫu dùng một tên hay thuộc tính không có (mỗi tên là một đoạn chữ, hãy viết như "
                           "{{ kinh_gui }}, không thêm «.» hay «[…]» sau tên)"),
    ("{{ 1 / 0 }}", "mẫu chia cho 0"),
    ("{{ kinh_gui - 1 }}", "mẫu tính toán trên chữ như trên số"),
], ids=["attribute", "division", "arithmetic"])
def test_a_sentence_of_the_document_that_fails_to_fill_is_said_at_its_place(tmp_path, sentence, why):
    """`cau_chu` is read when the file is (syntax, names); filling it with the document's values happens when the
    document is made: a failure there is the clerk's mistake, at file:line:column, exit 1, nothing written."""
    text = (ROOT / "data" / "vi-du" / "to-trinh.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "to-trinh.yaml"
    plan.write_text(text.replace("kinh_gui: ubnd-tinh\n", f"kinh_gui: ubnd-tinh\ncau_chu:\n  ket-luan: '{sentence}'\n"),
                    encoding="utf-8")
    line = plan.read_text(encoding="utf-8").splitlines().index(f"  ket-luan: '{sentence}'") + 1
    assert invoke(["render", str(plan)]) == CliResult(
        1, "", f"{plan}:{line}:13: không ghép được câu từ mẫu «{sentence}»: {why}; hãy sửa mẫu này\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-trinh.yaml"]


#: A document's own sentences that read well and use only known names, but fail once filled with the document's
#: values: with another document's values (a longer text, a named executor) each would fill.
FAILING_WITH_ITS_VALUES = [
    ("{{ kinh_gui.ten }}", "mẫu dùng một tên hay thuộc tính không có (mỗi tên là một đoạn chữ, hãy viết như "
                           "{{ kinh_gui }}, không thêm «.» hay «[…]» sau tên)"),
    ("{{ kinh_gui - 1 }}", "mẫu tính toán trên chữ như trên số"),
    ("{{ thi_hanh[0] }}", "mẫu dùng một tên hay thuộc tính không có (mỗi tên là một đoạn chữ, hãy viết như "
                          "{{ kinh_gui }}, không thêm «.» hay «[…]» sau tên)"),  # nobody executes a Tờ trình
    ("{{ 100 // (trich_yeu | length - 68) }}", "mẫu chia cho 0"),  # only this summary is 68 letters long
]


@pytest.mark.parametrize(("sentence", "why"), FAILING_WITH_ITS_VALUES,
                         ids=["attribute", "arithmetic", "empty-name", "its-length"])
def test_check_finds_a_sentence_that_fails_to_fill_where_render_does(tmp_path, sentence, why):
    """`kehoach check` fills the document's own sentences with its values as render does: the same message at the
    same file:line:column, exit 1 — before, only `render` found these."""
    text = (ROOT / "data" / "vi-du" / "to-trinh.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "to-trinh.yaml"
    plan.write_text(text.replace("kinh_gui: ubnd-tinh\n", f"kinh_gui: ubnd-tinh\ncau_chu:\n  ket-luan: '{sentence}'\n"),
                    encoding="utf-8")
    line = plan.read_text(encoding="utf-8").splitlines().index(f"  ket-luan: '{sentence}'") + 1
    message = f"không ghép được câu từ mẫu «{sentence}»: {why}; hãy sửa mẫu này"
    assert invoke(["check", str(plan)]) == CliResult(
        1, f"{plan}\n  {line}:13  lỗi  {message}  [schema-type]\n\n1 lỗi trong 1 tệp.\n", "")
    assert invoke(["render", str(plan)]) == CliResult(1, "", f"{plan}:{line}:13: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-trinh.yaml"]


def test_check_finds_a_block_sentence_that_fails_with_the_values_of_the_document_made_from_it(tmp_path):
    """A plan's `quyet_dinh` makes a Quyết định: its `cau_chu` is filled with what that decision says of the plan
    («Kế hoạch số 36/KH-UBND ngày 12/3/2024», 37 letters), and its executors («thi_hanh»)."""
    text = (ROOT / "data" / "vi-du-bo-van-ban.yaml").read_text(encoding="utf-8")
    sentence = "Giao {{ thi_hanh }}; {{ 1 // (van_ban_goc | length - 37) }}."
    text = text.replace("quyet_dinh:\n  so: 512\n", f"quyet_dinh:\n  so: 512\n  cau_chu:\n    dieu-3: '{sentence}'\n", 1)
    plan = tmp_path / "bo.yaml"
    plan.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"    dieu-3: '{sentence}'") + 1
    message = f"không ghép được câu từ mẫu «{sentence}»: mẫu chia cho 0; hãy sửa mẫu này"
    assert invoke(["check", str(plan)]) == CliResult(
        1, f"{plan}\n  {line}:13  lỗi  {message}  [schema-type]\n\n1 lỗi trong 1 tệp.\n", "")
    assert invoke(["render", str(plan), "--doc", "quyet-dinh"]) == CliResult(1, "", f"{plan}:{line}:13: {message}\n")
    working = text.replace("length - 37", "length - 36")
    plan.write_text(working, encoding="utf-8")
    assert invoke(["check", str(plan)]).exit_code == 0
