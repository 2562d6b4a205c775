"""The Word template: reproducible from nd30.py, adjustable by a clerk, and safe to fill."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from support import PLAN_2024, ROOT, docx_paragraphs, render_text_bytes
from tools.templates.plan import STYLES, build
from kehoach.render.templates import kind_template


def test_committed_template_is_what_the_builder_makes(tmp_path):
    """templates/ke-hoach.docx is regenerated on purpose only: run the builder and review the change."""
    build(tmp_path / "ke-hoach.docx")
    assert (tmp_path / "ke-hoach.docx").read_bytes() == (ROOT / "templates" / "ke-hoach.docx").read_bytes()


def test_the_plans_template_is_the_committed_one():
    assert kind_template().read_bytes() == (ROOT / "templates" / "ke-hoach.docx").read_bytes()


def test_template_names_every_paragraph_kind_by_a_vietnamese_style():
    with zipfile.ZipFile(kind_template()) as z:
        styles = z.read("word/styles.xml").decode()
        document = z.read("word/document.xml").decode()
    for style in STYLES:
        assert f'w:styleId="{style.style_id}"' in styles
        assert style.name.startswith("KH ")
    used = set(re.findall(r'w:pStyle w:val="([^"]+)"', document))
    assert used <= {s.style_id for s in STYLES}


def test_text_is_escaped_not_interpreted():
    text = PLAN_2024.read_text(encoding="utf-8")
    text = text.replace("ten: Ban Tuyên giáo huyện", 'ten: "Sở Tài chính & Kế hoạch <w:b/> {{ x }}"')
    texts = [p.text for p in docx_paragraphs(render_text_bytes(text))]
    assert any("Sở Tài chính & Kế hoạch <w:b/> {{ x }}; UBND các xã, thị trấn." in t for t in texts)


def test_a_clerk_can_change_a_style_in_the_template_and_the_document_follows(tmp_path):
    """Change «KH Nội dung» to 13 pt and the first-line indent to 1 cm, as one would in Word."""
    source = kind_template()
    changed = tmp_path / "mau.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(changed, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                xml = data.decode()
                start = xml.index('w:styleId="KHNoiDung"')
                end = xml.index("</w:style>", start)
                style = xml[start:end].replace('w:firstLine="720"', 'w:firstLine="567"').replace(
                    '<w:sz w:val="28"/>', '<w:sz w:val="26"/>')
                data = (xml[:start] + style + xml[end:]).encode()
            zout.writestr(item, data)
    document = render_text_bytes(PLAN_2024.read_text(encoding="utf-8"), changed)
    opening = next(p for p in docx_paragraphs(document) if p.text.startswith("UBND huyện Mường Ảng xây dựng"))
    assert (opening.para.size, opening.para.first_line) == (13, 567)


MINIMAL = """\
co_quan:
  chu_quan: UBND TỈNH ĐIỆN BIÊN
  ten: [SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI]
  viet_tat: SLĐTBXH
  dia_danh: Điện Biên
nam: 2025
trich_yeu: Thử một kế hoạch tối thiểu
van_ban:
  luat-tccqdp: {loai: Luật, trich_yeu: Tổ chức chính quyền địa phương, ngay: 19/6/2015}
can_cu:
  - van_ban: luat-tccqdp
  - noi_dung: Thực hiện chỉ đạo của UBND tỉnh;
mo_dau: Sở xây dựng Kế hoạch như sau
noi_dung:
  - muc: Mục đích
    noi_dung: [Một đoạn.]
ket_luan: Trên đây là Kế hoạch./.
noi_nhan: {gui: [UBND tỉnh], luu: [VP]}
ky: {quyen_han: [], chuc_vu: GIÁM ĐỐC, ho_ten: Lò Văn A}
"""


def test_parent_organ_line_is_upright_and_the_organ_name_may_take_more_lines():
    paras = docx_paragraphs(render_text_bytes(MINIMAL))
    parent = next(p for p in paras if p.text == "UBND TỈNH ĐIỆN BIÊN")
    assert (parent.para.bold, parent.para.align) == (False, "center")
    names = [p for p in paras if p.para.style_id == "KHTenCoQuan"]
    assert [p.text for p in names] == ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"] and all(p.para.bold for p in names)
    texts = [p.text for p in paras]
    assert "Số:" + " " * 9 + "/KH-SLĐTBXH" in texts
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" in texts
    assert "Thực hiện chỉ đạo của UBND tỉnh." in texts
    assert texts[-2:] == ["GIÁM ĐỐC", "Lò Văn A"]


def test_a_draft_leaves_number_and_date_blank_and_says_it_is_a_draft():
    data = render_text_bytes(MINIMAL)
    document = Document(io.BytesIO(data))
    paras = docx_paragraphs(data)
    texts = [p.text for p in paras]
    assert texts[0] == "DỰ THẢO"
    box = paras[0]
    assert box.para.bold and box.para.borders == {"top", "left", "bottom", "right"}
    assert any(re.fullmatch(r"Số:\s{6,}/KH-SLĐTBXH", t) for t in texts)
    assert "Điện Biên, ngày        tháng        năm 2025" in texts
    assert document.core_properties.comments == "Dự thảo"


def test_an_issued_plan_has_no_draft_mark(rendered, paras):
    assert "DỰ THẢO" not in [p.text for p in paras]
    assert rendered.core_properties.comments == ""
    assert rendered.core_properties.title.startswith("Kế hoạch Triển khai thực hiện Tiểu dự án 2")


def test_rendering_is_byte_identical(rendered_bytes):
    from kehoach.source.plan_file import read_plan
    from kehoach.render.docx_writer import render_bytes

    loaded = read_plan(PLAN_2024)
    assert render_bytes(loaded.plan, kind_template(), loaded.refs) == rendered_bytes
    with zipfile.ZipFile(io.BytesIO(rendered_bytes)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_every_shipped_template_carries_only_what_a_render_reads():
    """Each render opens, writes and compresses the whole template again: python-docx's default template's
    hundred table styles and Word 2010's stylesWithEffects.xml (740 KB of XML) are left out by the builders."""
    templates = sorted((ROOT / "templates").rglob("*.docx"))
    assert len(templates) >= 8
    for template in templates:
        with zipfile.ZipFile(template) as z:
            names = z.namelist()
            styles = z.read("word/styles.xml").decode()
            others = "".join(z.read(n).decode() for n in names if n.endswith(".xml") and n != "word/styles.xml")
        assert "word/stylesWithEffects.xml" not in names, template
        table_styles = re.findall(r'<w:style w:type="table"(?: w:default="1")? w:styleId="([^"]+)"', styles)
        named = set(re.findall(r'w:tblStyle w:val="([^"]+)"', others))
        assert set(table_styles) <= named | {"TableNormal"}, template
        assert len(styles) < 80_000, template
