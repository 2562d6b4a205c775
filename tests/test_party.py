"""The Party's layout (Hướng dẫn 36-HD/VPTW, profile hd36): a commune Party committee's plan renders in it, its
.docx passes the Party checks, and a document of one layout checked against the other is reported."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from kehoach import profiles
from kehoach.check.runner import check_docx, check_text
from kehoach.source.plan_file import read_plan_text
from support import ROOT, docx_paragraphs, render_text
from tools.templates import decision, plan, report

PARTY_PLAN = ROOT / "data" / "vi-du" / "ke-hoach-dang-uy-xa.yaml"
PARTY_TEXT = PARTY_PLAN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def party_bytes() -> bytes:
    buffer = io.BytesIO()
    render_text(PARTY_TEXT).save(buffer)
    return buffer.getvalue()


def _cells(data: bytes) -> list[list[str]]:
    """The header table's two top cells, as the lines of text each holds."""
    table = Document(io.BytesIO(data)).tables[0]
    return [[p.text for p in cell.paragraphs if p.text.strip()] for cell in table.rows[0].cells]


@pytest.mark.parametrize(("builder", "name"), [(plan, "ke-hoach"), (decision, "quyet-dinh"), (report, "bao-cao")])
def test_committed_party_templates_are_what_the_builders_make(tmp_path, builder, name):
    """templates/hd36/*.docx are built from data/profiles/hd36.yaml: regenerate them on purpose only."""
    builder.build(tmp_path / f"{name}.docx", profiles.load("hd36"))
    assert (tmp_path / f"{name}.docx").read_bytes() == (ROOT / "templates" / "hd36" / f"{name}.docx").read_bytes()


def test_the_party_header(party_bytes):
    organ, title = _cells(party_bytes)
    assert organ == ["ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ĐẢNG ỦY XÃ ẲNG NƯA", "*"]
    assert title == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Ẳng Nưa, ngày 15 tháng 01 năm 2025"]
    number = Document(io.BytesIO(party_bytes)).tables[0].rows[1].cells[0].paragraphs[0].text
    assert number == "Số 12-KH/ĐU"
    texts = [p.text for p in docx_paragraphs(party_bytes)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts and "Độc lập - Tự do - Hạnh phúc" not in texts


def test_the_party_header_looks_as_hd36_says(party_bytes):
    """Title 15 bold, the upper organ 14 not bold, the organ 14 bold, the kind name 16 bold (HD 36, Phụ lục 3)."""
    looks = {}
    for para in docx_paragraphs(party_bytes):
        runs = para.runs  # those with text
        if runs:
            looks.setdefault(para.text, (runs[0].size, runs[0].bold))
    assert looks["ĐẢNG CỘNG SẢN VIỆT NAM"] == (15, True)
    assert looks["ĐẢNG BỘ HUYỆN MƯỜNG ẢNG"] == (14, False)
    assert looks["ĐẢNG ỦY XÃ ẲNG NƯA"] == (14, True)
    assert looks["Số 12-KH/ĐU"] == (14, False)
    assert looks["KẾ HOẠCH"] == (16, True)
    assert looks["T/M ĐẢNG ỦY"] == (14, True) and looks["BÍ THƯ"] == (14, True)


def test_the_party_signature(party_bytes):
    closing = Document(io.BytesIO(party_bytes)).tables[-1]
    signature = [p.text for p in closing.rows[0].cells[1].paragraphs if p.text.strip()]
    assert signature == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Lò Văn Thanh"]


def test_the_party_plan_passes_the_party_checks(tmp_path, party_bytes):
    path = tmp_path / "dang-uy.docx"
    path.write_bytes(party_bytes)
    report_ = check_docx(path, "dang-uy.docx")
    assert [str(p) for p in report_.problems] == []
    assert check_text(PARTY_TEXT, "ke-hoach-dang-uy-xa.yaml").problems == []


def _rules(tmp_path, data: bytes, profile: str | None) -> set[str]:
    path = tmp_path / "van-ban.docx"
    path.write_bytes(data)
    return {p.rule for p in check_docx(path, "van-ban.docx", profile=profile).problems}


def test_a_state_document_checked_against_the_party_layout_is_reported(tmp_path, rendered_bytes):
    assert _rules(tmp_path, rendered_bytes, None) == set()
    found = _rules(tmp_path, rendered_bytes, "hd36")
    assert {"docx-party-title", "docx-number", "docx-signer", "docx-organ"} <= found
    assert "docx-national-title" not in found and "docx-motto" not in found


def test_a_party_document_checked_against_the_state_layout_is_reported(tmp_path, party_bytes):
    found = _rules(tmp_path, party_bytes, "nd30")
    assert {"docx-national-title", "docx-motto", "docx-number", "docx-signer"} <= found
    assert "docx-party-title" not in found


def test_party_number_and_signer_messages(tmp_path, rendered_bytes):
    path = tmp_path / "van-ban.docx"
    path.write_bytes(rendered_bytes)
    messages: dict[str, list[str]] = {}
    for problem in check_docx(path, "van-ban.docx", profile="hd36").problems:
        messages.setdefault(problem.rule, []).append(problem.message)
    assert messages["docx-number"] == ["«Số: 185/KH-UBND»: cỡ chữ 13 pt; Hướng dẫn 36 quy định số, ký hiệu cỡ 14 pt", (
        "«Số: 185/KH-UBND»: không đúng dạng «Số <số>-<tên loại>/<cơ quan>»; Hướng dẫn 36 quy định chữ «Số» không có "
        "dấu hai chấm, gạch nối trước tên loại, gạch chéo trước cơ quan, ví dụ «Số 05-KH/ĐU»")]
    assert messages["docx-signer"][:2] == [
        "«TM. ỦY BAN NHÂN DÂN»: viết sai thẩm quyền ký «TM»; Hướng dẫn 36 quy định viết tắt «T/M» (in hoa, có gạch "
        "chéo, không dấu chấm)",
        "«KT. CHỦ TỊCH»: viết sai thẩm quyền ký «KT»; Hướng dẫn 36 quy định viết tắt «K/T» (in hoa, có gạch chéo, "
        "không dấu chấm)"]


def test_the_layout_follows_the_organ_when_the_file_does_not_say(tmp_path):
    """A Party committee's file without `the_thuc` is still a Party document (HD 36 covers every Party organ)."""
    text = PARTY_TEXT.replace("the_thuc: hd36\n", "")
    assert read_plan_text(text, "x.yaml").plan.layout_id == "hd36"
    assert read_plan_text(text, "x.yaml").plan.number_and_symbol == "12-KH/ĐU"
    forced = text.replace("co_quan:", "the_thuc: nd30\nco_quan:", 1).replace("T/M ĐẢNG ỦY", "TM. ĐẢNG ỦY")
    assert read_plan_text(forced, "x.yaml").plan.number_and_symbol == "12/KH-ĐU"


def _load_errors(text: str) -> list[tuple[str, str]]:
    return [(p.rule, p.message) for p in check_text(text, "x.yaml").problems]


def test_the_data_check_wants_party_signing_lines_in_a_party_document():
    text = PARTY_TEXT.replace("quyen_han: T/M ĐẢNG ỦY", "quyen_han: TM. ĐẢNG ỦY")
    assert _load_errors(text) == [(
        "signature-format",
        "dòng thẩm quyền «TM. ĐẢNG ỦY» của văn bản Đảng phải bắt đầu bằng T/M, K/T hoặc T/L rồi đến tên cơ quan, chức "
        "danh (Hướng dẫn 36-HD/VPTW); có phải «T/M ĐẢNG ỦY»?")]


def test_the_data_check_is_not_loosened_for_a_state_document():
    state = (ROOT / "data" / "plan_2024.yaml").read_text(encoding="utf-8")
    assert "TM. ỦY BAN NHÂN DÂN" in state
    found = _load_errors(state.replace("TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN NHÂN DÂN"))
    assert [rule for rule, _ in found] == ["signature-format"]


def test_a_deputy_secretary_signs_k_t(tmp_path):
    text = PARTY_TEXT.replace("quyen_han: T/M ĐẢNG ỦY\n  chuc_vu: BÍ THƯ",
                              "quyen_han: T/M ĐẢNG ỦY\n  chuc_vu: PHÓ BÍ THƯ")
    assert _load_errors(text) == [("signature-authority", "PHÓ BÍ THƯ ký thay cấp trưởng nên cần dòng «K/T BÍ THƯ» "
                                                          "ngay trên chức vụ; hãy thêm vào quyen_han")]
    text = text.replace("quyen_han: T/M ĐẢNG ỦY", "quyen_han: [T/M ĐẢNG ỦY, K/T BÍ THƯ]")
    assert _load_errors(text) == []


def test_an_unknown_layout_is_refused():
    found = _load_errors(PARTY_TEXT.replace("the_thuc: hd36", "the_thuc: hd99"))
    assert found == [("schema-type", "thể thức «hd99» chưa có; hãy ghi nd30 (văn bản hành chính) hoặc hd36 (văn bản "
                                     "của Đảng)")]


def test_the_party_template_is_chosen_for_a_party_document():
    from kehoach.render.templates import kind_template

    assert kind_template("Kế hoạch", "hd36") == (ROOT / "templates" / "hd36" / "ke-hoach.docx").resolve()
    with zipfile.ZipFile(kind_template("Kế hoạch", "hd36")) as z:
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in z.read("word/document.xml").decode()


def test_check_a_word_file_against_the_layout_asked_for(tmp_path, party_bytes):
    from support import invoke

    path = tmp_path / "dang-uy.docx"
    path.write_bytes(party_bytes)
    assert invoke(["check", str(path)]) == invoke(["check", str(path), "--the-thuc", "hd36"])
    assert invoke(["check", str(path)]).exit_code == 0
    state = invoke(["check", str(path), "--the-thuc", "nd30"])
    assert state.exit_code == 1
    assert "không tìm thấy Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» ở phần đầu văn bản" in state.stdout


def test_textconv_and_info_speak_the_party_layout():
    from kehoach.features.info import plan_info
    from kehoach.features.textconv import plan_text

    assert plan_text(PARTY_PLAN).splitlines()[:6] == [
        "ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ĐẢNG ỦY XÃ ẲNG NƯA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/ĐU",
        "Ẳng Nưa, ngày 15 tháng 01 năm 2025"]
    assert plan_info(PARTY_PLAN, count_pages=False).number_symbol == "12-KH/ĐU"


def test_the_decision_issuing_a_party_plan_is_in_the_party_layout(tmp_path):
    from support import invoke

    data = tmp_path / "ke-hoach.yaml"
    data.write_text(PARTY_TEXT + "quyet_dinh:\n  so: 5\n  ngay: 15/01/2025\n  can_cu:\n"
                    "    - noi_dung: Căn cứ Điều lệ Đảng Cộng sản Việt Nam\n  thi_hanh: [van-phong, chi-bo]\n",
                    encoding="utf-8")
    made = tmp_path / "quyet-dinh.docx"
    assert invoke(["render", str(data), "--doc", "quyet-dinh", "-o", str(made)]).exit_code == 0
    texts = [p.text for p in docx_paragraphs(made)]
    assert "Số 05-QĐ/ĐU" in texts and "ĐẢNG CỘNG SẢN VIỆT NAM" in texts
    assert any(t.startswith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số 12-KH/ĐU ngày 15/01/2025")
               for t in texts)
    assert [str(p) for p in check_docx(made, "quyet-dinh.docx").problems] == []
