"""The Quyết định that issues a plan (`kehoach render --doc quyet-dinh`), made from the plan's own data."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kehoach.errors import InputErrors
from kehoach.check.runner import check_docx
from kehoach.source.plan_file import read_plan_text
from kehoach.conventions import heads
from kehoach.render.documents import KE_HOACH, KINDS, is_draft, render_document, template_for
from tools.templates.decision import STYLES, build
from kehoach.render.templates import shipped
from support import ROOT, docx_paragraphs, invoke

EXAMPLE = ROOT / "data" / "vi-du-bo-van-ban.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
ARTICLE_3 = ("Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Lao động - Thương binh và Xã hội huyện, Giám đốc Trung"
             " tâm Văn hóa - Truyền thanh - Truyền hình huyện, Thủ trưởng các cơ quan, đơn vị có liên quan và Chủ tịch"
             " Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm thi hành Quyết định này./.")


QUYET_DINH = KINDS["quyet-dinh"]


def render(text: str = TEXT, kind=QUYET_DINH) -> bytes:
    loaded = read_plan_text(text, "ke-hoach.yaml")
    return render_document(kind, loaded, template_for(kind, loaded.plan), is_draft(kind, loaded.plan))


def paragraphs(data: bytes):
    return docx_paragraphs(data)


def texts(data: bytes) -> list[str]:
    return [p.text for p in paragraphs(data)]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def only(paras, text: str):
    found = [p for p in paras if p.text == text]
    assert len(found) == 1, text
    return found[0]


@pytest.fixture(scope="module")
def decision() -> bytes:
    return render()


# -- the text --------------------------------------------------------------------------------------

def test_the_decision_says_everything_in_the_order_of_mau_1_3(decision):
    assert texts(decision) == [
        "ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG", "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
        "Số: 512/QĐ-UBND", "Mường Ảng, ngày 12 tháng 3 năm 2024",
        "QUYẾT ĐỊNH",
        "Về việc ban hành Kế hoạch tuyên truyền", "về giảm nghèo bền vững năm 2024 trên địa bàn huyện", "",
        "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ về việc phê duyệt Chương trình mục"
        " tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025;",
        "Theo đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội huyện.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số 36/KH-UBND ngày 12/3/2024 về tuyên truyền về giảm"
        " nghèo bền vững năm 2024 trên địa bàn huyện.",
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        f"Điều 3. {ARTICLE_3}",
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, LĐTBXH.",
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Văn Sơn",
    ]


def test_document_properties_describe_the_decision(decision):
    core = Document(io.BytesIO(decision)).core_properties
    assert core.title == ("Quyết định Về việc ban hành Kế hoạch tuyên truyền về giảm nghèo bền vững năm 2024 trên địa"
                          " bàn huyện")
    assert (core.subject, core.comments, core.created.date().isoformat()) == ("Quyết định", "", "2024-03-12")


def test_a_decision_without_number_and_date_is_a_draft_with_blanks_for_the_registry_clerk():
    text = edit(TEXT, "quyet_dinh:\n  so: 512\n  ngay: 12/3/2024\n", "quyet_dinh:\n")
    data = render(text)
    found = texts(data)
    assert found[0] == "DỰ THẢO"
    assert "Số:" + " " * 9 + "/QĐ-UBND" in found
    assert "Mường Ảng, ngày        tháng        năm 2024" in found
    assert Document(io.BytesIO(data)).core_properties.comments == "Dự thảo"


def test_a_plan_not_yet_numbered_is_issued_by_its_summary_alone():
    text = edit(TEXT, "so: 36\nngay: 12/3/2024\n", "nam: 2024\n")
    assert ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền về giảm nghèo bền vững năm 2024 trên"
            " địa bàn huyện.") in texts(render(text))


def test_a_summary_that_starts_with_ve_is_not_given_a_second_ve():
    text = edit(TEXT, "trich_yeu: Tuyên truyền về giảm nghèo", "trich_yeu: Về tuyên truyền giảm nghèo")
    assert ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số 36/KH-UBND ngày 12/3/2024 về tuyên truyền giảm"
            " nghèo bền vững năm 2024 trên địa bàn huyện.") in texts(render(text))


def test_what_the_clerk_leaves_out_comes_from_the_plan_and_the_decree():
    """No proposer, no executors, no recipients, no signer: Mẫu 1.3's defaults and the plan's signer."""
    text = edit(TEXT, """  de_nghi: ldtbxh  # «Theo đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội huyện.»
  thi_hanh:
    - vp
    - ldtbxh
    - ttvh
    - Thủ trưởng các cơ quan, đơn vị có liên quan
    - ubnd-xa
""", "")
    found = texts(render(text))
    assert found[found.index("QUYẾT ĐỊNH:") - 1].startswith("Căn cứ Quyết định số 90/QĐ-TTg")
    assert found[found.index("QUYẾT ĐỊNH:") - 1].endswith("giai đoạn 2021-2025.")
    assert "Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./." in found
    assert found[-7:] == ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, LĐTBXH.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                          "PHÓ CHỦ TỊCH", "Đinh Văn Sơn"]


def test_the_clerk_can_write_the_summary_authority_effect_recipients_and_signer():
    text = edit(TEXT, "quyet_dinh:\n  so: 512\n", """quyet_dinh:
  so: 512
  trich_yeu: |-
    Ban hành Kế hoạch tuyên truyền
    về giảm nghèo bền vững năm 2024
  tham_quyen: Chủ tịch Ủy ban nhân dân huyện Mường Ảng
  hieu_luc: Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2024.
  noi_nhan:
    gui: [Như Điều 3, UBND tỉnh Điện Biên]
    luu: [vp, ldtbxh]
  ky:
    quyen_han: []
    chuc_vu: CHỦ TỊCH
    ho_ten: Lò Văn Hùng
""")
    found = texts(render(text))
    assert found[9:13] == ["Ban hành Kế hoạch tuyên truyền", "về giảm nghèo bền vững năm 2024", "",
                           "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG"]
    assert "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2024." in found
    assert found[-6:] == ["Nơi nhận:", "- Như Điều 3;", "- UBND tỉnh Điện Biên;", "- Lưu: VT, VP, LĐTBXH.", "CHỦ TỊCH",
                          "Lò Văn Hùng"]


@pytest.mark.parametrize(("name", "head"), [
    ("Phòng Tài chính - Kế hoạch huyện", "Trưởng phòng Tài chính - Kế hoạch huyện"),
    ("Văn phòng HĐND và UBND huyện", "Chánh Văn phòng HĐND và UBND huyện"),
    ("Uỷ ban nhân dân các xã, thị trấn", "Chủ tịch Ủy ban nhân dân các xã, thị trấn"),
    ("Trung tâm Y tế huyện", "Giám đốc Trung tâm Y tế huyện"),
    ("Ban Chỉ huy Quân sự huyện", "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện"),
    ("Công an huyện", "Trưởng Công an huyện"),
    ("Các cơ quan thành viên Ban Chỉ đạo", "Thủ trưởng các cơ quan thành viên Ban Chỉ đạo"),
    ("Hội Nông dân huyện", "Thủ trưởng Hội Nông dân huyện"),
])
def test_a_unit_is_named_in_the_decision_by_the_title_of_its_head(name, head):
    text = edit(TEXT, "    ten: Văn phòng HĐND và UBND huyện\n", f"    ten: {name}\n")
    plan = read_plan_text(text, "ke-hoach.yaml").plan
    assert heads.head(plan, "vp") == head
    assert heads.head(plan, "Chánh Văn phòng Huyện ủy") == "Chánh Văn phòng Huyện ủy"  # as written


# -- the layout ------------------------------------------------------------------------------------

def test_type_summary_authority_and_quyet_dinh_line_are_bold_and_centred(decision):
    paras = paragraphs(decision)
    summary = [p for p in paras if p.para.style_id == "KHTrichYeu"]
    rule = paras[paras.index(summary[-1]) + 1]
    assert "bottom" in rule.para.borders and rule.text == ""
    for p in [only(paras, "QUYẾT ĐỊNH"), *summary, only(paras, "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG"),
              only(paras, "QUYẾT ĐỊNH:")]:
        look = p.para
        assert (look.size, look.bold, look.italic, look.align, p.in_table) == (14, True, False, "center", False), p.text


def test_bases_are_italic_and_the_proposal_ends_them(decision):
    paras = paragraphs(decision)
    bases = [p for p in paras if p.para.style_id == "KHCanCu"]
    assert [p.text[-1] for p in bases] == [";", ";", "."] and bases[-1].text.startswith("Theo đề nghị của ")
    assert all((p.para.italic, p.para.bold, p.para.align, p.para.first_line) == (True, False, "both", 720)
               for p in bases)


def test_articles_are_body_paragraphs_whose_number_alone_is_bold(decision):
    document = Document(io.BytesIO(decision))
    articles = [p for p in paragraphs(decision) if p.text.startswith("Điều ")]
    assert len(articles) == 3
    for number, article in enumerate(articles, start=1):
        look = article.para
        assert (look.size, look.align, look.first_line, look.before) == (14, "both", 720, 120)
        runs = [(r.text, r.bold) for r in article.runs]  # those with text: what a reader sees
        assert runs[0] == (f"Điều {number}.", True) and all(not bold for _, bold in runs[1:])
    assert document.styles["KH Số điều"].font.bold


def test_the_rendered_decision_passes_the_layout_checks_of_the_plan(decision, tmp_path):
    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(decision)
    assert check_docx(path).problems == []


def test_the_layout_checks_find_the_bases_of_a_decision(decision, tmp_path):
    """The issuing authority above the bases is not a basis, «Theo đề nghị của …» is the last one."""
    from kehoach.rules._docx import read

    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(decision)
    ctx = read(path, "quyet-dinh.docx")
    assert [p.clean[:25] for p in ctx.bases] == ["Căn cứ Luật Tổ chức chính", "Căn cứ Quyết định số 90/Q",
                                                 "Theo đề nghị của Trưởng p"]
    assert [p.clean for p in ctx.body][:2] == ["QUYẾT ĐỊNH:", ctx.body[1].clean]
    assert ctx.body[1].clean.startswith("Điều 1.") and ctx.body[-1].clean.endswith("./.")
    with zipfile.ZipFile(io.BytesIO(decision)) as z:
        xml = z.read("word/document.xml").decode()
    wrong = tmp_path / "sai.docx"
    with zipfile.ZipFile(io.BytesIO(decision)) as source, zipfile.ZipFile(wrong, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = xml.replace("Xã hội huyện.</w:t>", "Xã hội huyện;</w:t>").encode()
            out.writestr(item, data)
    found = [(p.rule, p.message) for p in check_docx(wrong).problems]
    assert found == [("docx-basis-end-mark", "«Theo đề nghị của Trưởng phòng Lao động -…»: căn cứ cuối cùng phải kết thúc "
                                    "bằng dấu «.» (Nghị định 30, Phụ lục I, II.6.a)")]


# -- the template ----------------------------------------------------------------------------------

def test_committed_template_is_what_the_builder_makes(tmp_path):
    """templates/quyet-dinh.docx is regenerated on purpose only: run the builder and review the change."""
    build(tmp_path / "quyet-dinh.docx")
    assert (tmp_path / "quyet-dinh.docx").read_bytes() == (ROOT / "templates" / "quyet-dinh.docx").read_bytes()
    assert shipped(QUYET_DINH.template) == (ROOT / "templates" / "quyet-dinh.docx").resolve()


def test_the_template_shares_the_plans_styles_and_names_its_own_in_vietnamese():
    from tools.templates.plan import STYLES as PLAN_STYLES

    with zipfile.ZipFile(shipped(QUYET_DINH.template)) as z:
        styles = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
    known = {s.style_id for s in [*PLAN_STYLES, *STYLES]}
    assert all(f'w:styleId="{s}"' in styles for s in known | {"KHSoDieu"})
    assert all(s.name.startswith("KH ") for s in STYLES)
    assert set(re.findall(r'w:pStyle w:val="([^"]+)"', document)) <= known


# -- the plan stays as it was -------------------------------------------------------------------------

def test_the_blocks_for_the_other_documents_leave_the_plan_itself_unchanged():
    start = TEXT.index("# Quyết định ban hành Kế hoạch")
    assert render(TEXT, KE_HOACH) == render(TEXT[:start], KE_HOACH)


# -- mistakes in the block ---------------------------------------------------------------------------

def problems(text: str) -> list[str]:
    with pytest.raises(InputErrors) as error:
        read_plan_text(text, "ke-hoach.yaml")
    return [f"{e} [{e.rule}]" for e in error.value.errors]


def where(text: str, needle: str) -> str:
    """ke-hoach.yaml:line:column of the first `needle` in `text`."""
    index = text.index(needle)
    return f"ke-hoach.yaml:{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


def test_an_unknown_unit_or_document_in_the_decision_is_reported_where_it_is_written():
    text = edit(TEXT, "    - vp\n", "    - van-phong\n")
    text = edit(text, "    - van_ban: luat-tccqdp\n", "    - van_ban: luat-tccqd\n")
    assert problems(text) == [
        f"{where(text, 'luat-tccqd' + chr(10))}: dẫn chiếu «luat-tccqd» không trỏ tới văn bản nào; hãy khai báo mã"
        " này trong van_ban (có phải «luat-tccqdp»?) [ref-undefined]",
        f"{where(text, 'van-phong')}: dẫn chiếu «van-phong» không trỏ tới đơn vị nào; hãy khai báo mã này trong"
        " don_vi [ref-undefined]",
    ]


# -- the command line ---------------------------------------------------------------------------------

def run(*args: str):
    return invoke(list(args))


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "ke-hoach.yaml").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_render_doc_quyet_dinh_writes_the_decision_beside_the_plan(folder):
    result = run("render", "ke-hoach.yaml", "--doc", "quyet-dinh")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "Đã tạo ke-hoach-quyet-dinh.docx (Quyết định, bản để trình ký).\n", "")
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach-quyet-dinh.docx", "ke-hoach.yaml"]
    assert "QUYẾT ĐỊNH:" in texts((folder / "ke-hoach-quyet-dinh.docx").read_bytes())


def test_render_doc_all_writes_the_three_documents(folder):
    result = run("render", "ke-hoach.yaml", "--doc", "all")
    assert (result.exit_code, result.stdout) == (0, (
        "Đã tạo ke-hoach.docx (Kế hoạch, bản để trình ký).\n"
        "Đã tạo ke-hoach-quyet-dinh.docx (Quyết định, bản để trình ký).\n"
        "Đã tạo ke-hoach-bao-cao.docx (Báo cáo, bản để trình ký).\n"))
    assert (folder / "ke-hoach.docx").read_bytes() == render(TEXT, KE_HOACH)
    assert (folder / "ke-hoach-quyet-dinh.docx").read_bytes() == render(TEXT)


def test_the_plan_alone_keeps_its_message(folder):
    result = run("render", "ke-hoach.yaml", "-o", "kh.docx")
    assert (result.exit_code, result.stdout) == (0, "Đã tạo kh.docx (bản để trình ký).\n")


def test_a_plan_without_the_block_says_which_block_to_add_and_writes_nothing(folder):
    (folder / "ke-hoach.yaml").write_text(TEXT[:TEXT.index("# Quyết định ban hành")], encoding="utf-8")
    (folder / "ke-hoach.docx").write_bytes(b"ban cu")
    for doc in ("quyet-dinh", "all"):
        result = run("render", "ke-hoach.yaml", "--doc", doc)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
            "ke-hoach.yaml: tệp kế hoạch chưa có khối quyet_dinh nên chưa tạo được Quyết định; hãy thêm khối"
            " «quyet_dinh:» (số, ngày, căn cứ, đơn vị trình và người thi hành Quyết định ban hành kế hoạch), xem ví"
            " dụ trong data/vi-du-bo-van-ban.yaml\n"))
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.docx", "ke-hoach.yaml"]
    assert (folder / "ke-hoach.docx").read_bytes() == b"ban cu"


@pytest.mark.parametrize(("args", "message"), [
    (["--doc", "quyet-dnh"], "Cách dùng: kehoach render [TÙY CHỌN] KẾ_HOẠCH.yaml...\nXem «kehoach render --help».\n\n"
                             "Lỗi: Giá trị không hợp lệ cho «--doc»: «quyet-dnh» không có; hãy dùng một trong: "
                             "ke-hoach, quyet-dinh, bao-cao, all. Có phải «quyet-dinh»?"),
    (["--doc", "all", "-o", "ra.docx"], "ra.docx: -o chỉ dùng khi tạo một văn bản; với --doc all, mỗi văn bản được"
                                        " ghi cạnh tệp kế hoạch: ke-hoach.docx, ke-hoach-quyet-dinh.docx,"
                                        " ke-hoach-bao-cao.docx"),
    (["--doc", "all", "--template", "mau.docx"], "mau.docx: --template chỉ dùng khi tạo một loại văn bản; hãy chạy"
                                                 " riêng từng --doc với mẫu của nó"),
])
def test_options_that_do_not_fit_are_refused(folder, args, message):
    result = run("render", "ke-hoach.yaml", *args)
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert sorted(p.name for p in folder.iterdir()) == ["ke-hoach.yaml"]


def test_a_folder_of_plans_gives_each_its_three_documents(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(edit(TEXT, "so: 36\n", f"so: {36 + (name == 'b')}\n"),
                                               encoding="utf-8")
    result = run("render", str(tmp_path), "--doc", "all", "--jobs", "1")
    assert (result.exit_code, result.stdout) == (0, "Đã tạo 6 văn bản.\n")
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [
        "a-bao-cao.docx", "a-quyet-dinh.docx", "a.docx", "b-bao-cao.docx", "b-quyet-dinh.docx", "b.docx"]


def test_a_plan_of_a_folder_without_the_block_is_listed_and_the_others_are_made(tmp_path):
    (tmp_path / "a.yaml").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(edit(TEXT[:TEXT.index("# Quyết định ban hành")], "so: 36\n", "so: 37\n"),
                                     encoding="utf-8")
    result = run("render", str(tmp_path), "--doc", "quyet-dinh", "--jobs", "1")
    assert (result.exit_code, result.stdout) == (2, (
        "Đã tạo 1 văn bản; 1 kế hoạch lỗi:\n"
        f"  {tmp_path / 'b.yaml'}: tệp kế hoạch chưa có khối quyet_dinh nên chưa tạo được Quyết định; hãy thêm khối"
        " «quyet_dinh:» (số, ngày, căn cứ, đơn vị trình và người thi hành Quyết định ban hành kế hoạch), xem ví dụ"
        " trong data/vi-du-bo-van-ban.yaml\n"))
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["a-quyet-dinh.docx"]


def test_a_plan_whose_documents_would_overwrite_another_plans_is_left_out(tmp_path):
    (tmp_path / "a.yaml").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a-bao-cao.yaml").write_text(edit(TEXT, "so: 36\n", "so: 37\n"), encoding="utf-8")
    result = run("render", str(tmp_path), "--doc", "all", "--jobs", "1")
    assert (result.exit_code, result.stdout.splitlines()[1:]) == (2, [
        f"  {tmp_path / 'a.yaml'}: văn bản tạo ra sẽ trùng tên a-bao-cao.docx với văn bản của"
        f" {tmp_path / 'a-bao-cao.yaml'}; hãy đổi tên một trong hai tệp kế hoạch"])


@pytest.mark.parametrize(("head", "unit"), [
    ("Trưởng phòng Tài chính - Kế hoạch huyện", "Phòng Tài chính - Kế hoạch huyện"),
    ("Chánh Văn phòng HĐND và UBND huyện", "Văn phòng HĐND và UBND huyện"),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", "Ban Chỉ huy Quân sự huyện"),
    ("Trưởng Công an huyện", "Công an huyện"),
    ("Thủ trưởng các cơ quan thành viên Ban Chỉ đạo", None),  # «Thủ trưởng» leads any unit: no name to read back
    ("Giám đốc Công an huyện", None),  # kehoach would write «Trưởng Công an huyện»
])
def test_a_head_is_read_back_as_its_unit_only_where_kehoach_writes_it_the_same(head, unit):
    """What `kehoach import` reads in «Theo đề nghị của …» and Điều 3 (kehoach.features.importer.decision)."""
    assert heads.unit_headed(head) == unit
    assert "Chỉ huy trưởng " in heads.titles() and heads.titles() == sorted(heads.titles(), key=len, reverse=True)
