"""How the docx-… rules find the ND30 elements of a Word document, and the helpers their tests share.

The helpers break a rendered plan the way a clerk would in Word: by editing the XML inside the .docx
(a margin, a run's font, a date, a removed paragraph), so that each test changes exactly one thing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from support import PLAN_2024

from kehoach.check.runner import check_docx
from kehoach.source.plan_file import read_plan_text
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from kehoach.rules._docx import read

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
NAME = "van-ban.docx"


# -- helpers for the rule tests --------------------------------------------------------------------

@pytest.fixture(scope="session")
def rendered_draft_bytes() -> bytes:
    """The 2024 plan without its number and date: kehoach renders it as a draft, blanks left for the clerk."""
    text = PLAN_2024.read_text(encoding="utf-8")
    text = text.replace("\nso: 185\n", "\n").replace("\nngay: 05/7/2024\n", "\n")
    loaded = read_plan_text(text, "du-thao.yaml")
    assert loaded.plan.is_draft
    return render_bytes(loaded.plan, kind_template(), loaded.refs)


def rewrite(data: bytes, change, part: str = DOCUMENT) -> bytes:
    """`data` with one XML part parsed, changed in place by `change(root)`, and written back."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            if item.filename == part:
                root = etree.fromstring(blob)
                change(root)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, blob)
    return out.getvalue()


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def body_paragraphs(root) -> list:
    """The body's paragraphs in document order, text boxes left out: what the checker numbers from 1."""
    return [p for p in root.find(W + "body").iter(W + "p")
            if not any(a.tag == W + "txbxContent" for a in p.iterancestors())]


def paragraph(root, start: str):
    """The one paragraph whose text starts with `start`."""
    found = [p for p in body_paragraphs(root) if text_of(p).startswith(start)]
    assert len(found) == 1, f"{start!r}: {len(found)} paragraphs"
    return found[0]


def index_of(data: bytes, start: str) -> int:
    """The 1-based number of the paragraph starting with `start`, counted straight from the XML."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(DOCUMENT))
    return body_paragraphs(root).index(paragraph(root, start)) + 1


def replace_text(data: bytes, old: str, new: str) -> bytes:
    """`old` replaced by `new` in the one text run that is `old`, or else the one holding it."""
    def change(root):
        runs = list(root.iter(W + "t"))
        found = [t for t in runs if t.text == old] or [t for t in runs if old in (t.text or "")]
        assert len(found) == 1, f"{old!r}: {len(found)} runs"
        found[0].text = found[0].text.replace(old, new)
    return rewrite(data, change)


def remove_paragraph(data: bytes, start: str) -> bytes:
    def change(root):
        p = paragraph(root, start)
        p.getparent().remove(p)
    return rewrite(data, change)


def run_properties(data: bytes, start: str, xml: str) -> bytes:
    """Direct formatting (`xml`: the children of w:rPr, e.g. '<w:b w:val="0"/>') on the first run of the
    paragraph starting with `start`."""
    def change(root):
        run = paragraph(root, start).find(W + "r")
        rpr = run.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(run, W + "rPr")
            run.remove(rpr)
            run.insert(0, rpr)
        for child in _fragment(xml):
            rpr.append(child)
    return rewrite(data, change)


def paragraph_properties(data: bytes, start: str, xml: str) -> bytes:
    """Direct paragraph formatting (`xml`: children of w:pPr, e.g. '<w:jc w:val="left"/>')."""
    def change(root):
        p = paragraph(root, start)
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        for child in _fragment(xml):
            ppr.append(child)
    return rewrite(data, change)


def set_attributes(data: bytes, tag: str, part: str = DOCUMENT, **attributes: str) -> bytes:
    """Set `w:` attributes on the one element `tag` (e.g. "pgMar") of a part."""
    def change(root):
        found = list(root.iter(W + tag))
        assert len(found) == 1, f"{tag}: {len(found)} elements"
        for name, value in attributes.items():
            found[0].set(W + name, value)
    return rewrite(data, change, part)


def _fragment(xml: str) -> list:
    wrapper = etree.fromstring(f'<w:x xmlns:w="{W[1:-1]}">{xml}</w:x>')
    return list(wrapper)


def findings(tmp_path: Path, data: bytes, rule: str) -> list[tuple[int | None, str]]:
    """(paragraph number, message) of each problem `rule` reports in the document `data`."""
    path = tmp_path / NAME
    path.write_bytes(data)
    report = check_docx(path, NAME)
    assert not report.unusable, [str(p) for p in report.problems]
    return [(p.location.line, p.message) for p in report.problems if p.rule == rule]


def context(tmp_path: Path, data: bytes):
    path = tmp_path / NAME
    path.write_bytes(data)
    return read(path, NAME)


# -- what the context finds ------------------------------------------------------------------------

def texts(paragraphs) -> list[str]:
    return [p.clean for p in paragraphs]


def test_the_rendered_plan_has_every_element_where_the_xml_puts_it(tmp_path, rendered_bytes):
    doc = context(tmp_path, rendered_bytes)
    assert texts(doc.organ) == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"] and doc.parent_organ is None
    assert doc.national_title.index == index_of(rendered_bytes, "CỘNG HÒA")
    assert doc.motto.clean == "Độc lập - Tự do - Hạnh phúc"
    assert (doc.number.clean, doc.date.clean) == ("Số: 185/KH-UBND", "Mường Ảng, ngày 05 tháng 7 năm 2024")
    assert (doc.doc_type.clean, doc.doc_type_info.abbreviation) == ("KẾ HOẠCH", "KH")
    assert len(doc.summary) == 3 and len(doc.bases) == 9
    assert doc.body[0].index == index_of(rendered_bytes, "UBND huyện Mường Ảng xây dựng")
    assert doc.body[-1].index == index_of(rendered_bytes, "Trên đây là Kế hoạch")
    assert [i.text for i in doc.recipients][-1] == "- Lưu: VT, LĐTBXH."
    assert texts(doc.signer_titles) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.signer_name.clean == "Đinh Văn Sơn"


def test_paragraph_numbers_count_table_cells_and_empty_paragraphs(tmp_path, rendered_bytes):
    doc = context(tmp_path, rendered_bytes)
    assert [p.index for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert doc.recipients_label.index == index_of(rendered_bytes, "Nơi nhận:")


def test_a_non_bold_line_above_the_organ_is_its_parent(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "ỦY BAN NHÂN DÂN", "UBND TỈNH ĐIỆN BIÊN")
    data = run_properties(data, "UBND TỈNH ĐIỆN BIÊN", '<w:b w:val="0"/>')
    doc = context(tmp_path, data)
    assert (doc.parent_organ.clean, texts(doc.organ)) == ("UBND TỈNH ĐIỆN BIÊN", ["HUYỆN MƯỜNG ẢNG"])


def test_a_non_bold_uy_ban_nhan_dan_is_still_part_of_the_organ_name(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, "ỦY BAN NHÂN DÂN", '<w:b w:val="0"/>')
    doc = context(tmp_path, data)
    assert doc.parent_organ is None and texts(doc.organ) == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"]


def test_recipients_split_by_line_breaks_and_carried_over_lines(tmp_path, rendered_bytes):
    def change(root):
        p = paragraph(root, "- Lãnh đạo UBND huyện;")
        run = p.find(W + "r")
        run.append(etree.fromstring(f'<w:br xmlns:w="{W[1:-1]}"/>'))
        tail = etree.SubElement(run, W + "t")
        tail.text = "- Các phòng, ban"
        extra = etree.fromstring(etree.tostring(p))
        for t in extra.iter(W + "t"):
            t.text = ""
        list(extra.iter(W + "t"))[0].text = "chuyên môn huyện;"
        p.addnext(extra)
    doc = context(tmp_path, rewrite(rendered_bytes, change))
    assert [i.text for i in doc.recipients] == [
        "- TT Huyện uỷ - TT HĐND huyện;", "- Lãnh đạo UBND huyện;", "- Các phòng, ban chuyên môn huyện;",
        "- BCĐ thực hiện các Chương trình MTQG giai đoạn 2021-2025 huyện;", "- UBND các xã, thị trấn;",
        "- Lưu: VT, LĐTBXH.",
    ]


def test_the_room_left_for_the_signature_tells_a_name_in_capitals_from_a_title(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "Đinh Văn Sơn", "ĐINH VĂN SƠN")
    doc = context(tmp_path, data)
    assert doc.signer_name.clean == "ĐINH VĂN SƠN" and len(doc.signer_titles) == 3


def test_without_room_for_the_signature_a_line_in_capitals_is_a_title(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, "Đinh Văn Sơn", "ĐINH VĂN SƠN")
    data = paragraph_properties(data, "ĐINH VĂN SƠN", '<w:spacing w:before="0"/>')
    doc = context(tmp_path, data)
    assert doc.signer_name is None and texts(doc.signer_titles)[-1] == "ĐINH VĂN SƠN"


def test_a_placeholder_in_the_signature_room_is_neither_title_nor_name(tmp_path, rendered_bytes):
    def change(root):
        name = paragraph(root, "Đinh Văn Sơn")
        placeholder = etree.fromstring(etree.tostring(name))
        list(placeholder.iter(W + "t"))[0].text = "(Đã ký)"
        name.addprevious(placeholder)
    doc = context(tmp_path, rewrite(rendered_bytes, change))
    assert texts(doc.signer_titles)[-1] == "PHÓ CHỦ TỊCH" and doc.signer_name.clean == "Đinh Văn Sơn"


def test_the_draft_is_found_too(tmp_path, rendered_draft_bytes):
    doc = context(tmp_path, rendered_draft_bytes)
    assert doc.paragraphs[0].clean == "DỰ THẢO"
    assert texts(doc.organ) == ["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG ẢNG"]
    assert doc.number.clean == "Số: /KH-UBND"


def test_content_controls_and_nested_tables_are_read_in_document_order(tmp_path, rendered_bytes):
    """The reader streams the XML: a paragraph inside a content control (w:sdt) and one in a table nested in the
    closing table keep the numbers the XML gives them, and the nested one belongs to its own cell and table."""
    def change(root):
        opening = paragraph(root, "UBND huyện Mường Ảng xây dựng")
        control = etree.SubElement(opening.getparent(), W + "sdt")
        opening.addprevious(control)
        etree.SubElement(control, W + "sdtContent").append(opening)
        cell = paragraph(root, "Nơi nhận:").getparent()
        nested = etree.fromstring(f'<w:tbl xmlns:w="{W[1:-1]}"><w:tr><w:tc><w:p><w:r><w:t>Ô lồng</w:t></w:r></w:p>'
                                  '</w:tc></w:tr></w:tbl>')
        cell.append(nested)
        cell.append(etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}"/>'))
    data = rewrite(rendered_bytes, change)
    doc = context(tmp_path, data)
    assert doc.body[0].index == index_of(data, "UBND huyện Mường Ảng xây dựng")
    inner = next(p for p in doc.paragraphs if p.clean == "Ô lồng")
    assert inner.index == index_of(data, "Ô lồng") and inner.index > doc.recipients_label.index
    assert inner.cell is not doc.recipients_label.cell and inner.table is not doc.closing_table
    assert doc.closing_table is doc.recipients_label.table and doc.closing_table.columns == 2
    assert [i.text for i in doc.recipients][-1] == "- Lưu: VT, LĐTBXH."
    assert doc.signer_name.clean == "Đinh Văn Sơn"
