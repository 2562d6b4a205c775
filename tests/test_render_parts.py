"""Filling a template part by part: every part with a tag is filled, every part without one comes out as it went in.

docxtpl fills the body, the headers and footers, the footnotes and the document properties; render.docx_writer
leaves out the parts that hold no tag (Jinja would give them back unchanged). These tests hold both halves.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart

from support import PLAN_2024, render_text
from kehoach.render.oxml.footnotes import footnote, footnotes_root
from kehoach.render.templates import kind_template


def _clerk_template(path, header: str, footer: str, note: str, identifier: str) -> None:
    """The default template with tags put where a clerk may put them: the first header and footer, a footnote of
    the template's own, and a document property that kehoach does not set itself."""
    document = Document(kind_template())
    section = document.sections[0]
    section.header.paragraphs[0].add_run(header)
    last = document.sections[-1]  # the section the body ends with, printed whatever the plan holds
    last.footer.is_linked_to_previous = False
    last.footer.paragraphs[0].text = footer
    root = footnotes_root()
    root.append(footnote(5, note, "FootnoteText", "FootnoteReference"))
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.core_properties.identifier = identifier
    document.save(path)


def _part_text(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_tags_in_headers_footers_footnotes_and_properties_are_filled(tmp_path):
    template = tmp_path / "mau.docx"
    _clerk_template(template, " – {{ doc_type }}", "Trang cuối: {{ doc_type | lower }}", "Ghi chú {{ doc_type }}",
                    "KH-{{ doc_type }}")
    document = render_text(PLAN_2024.read_text(encoding="utf-8"), template)
    data = io.BytesIO()
    document.save(data)
    headers = [_part_text(data.getvalue(), f"word/header{i}.xml") for i in (1, 2)]
    assert any("– KẾ HOẠCH" in h for h in headers) and not any("{{" in h for h in headers)
    footers = [p.text for s in document.sections for p in s.footer.paragraphs]
    assert "Trang cuối: kế hoạch" in footers
    notes = _part_text(data.getvalue(), "word/footnotes.xml")
    assert "Ghi chú KẾ HOẠCH" in notes and "{{" not in notes
    assert document.core_properties.identifier == "KH-KẾ HOẠCH"


def test_parts_without_tags_come_out_as_they_are_in_the_template(tmp_path):
    """The default template's headers hold a page number and no tag: the document's are the template's bytes."""
    document = render_text(PLAN_2024.read_text(encoding="utf-8"))
    data = io.BytesIO()
    document.save(data)
    with zipfile.ZipFile(kind_template()) as z:
        assert _part_text(data.getvalue(), "word/header1.xml").encode() == z.read("word/header1.xml")


def test_a_tab_and_a_line_break_in_the_text_still_become_words_own(tmp_path):
    """docxtpl turns a tab in a text into Word's tab and a newline into a line break (its listing step): kept
    wherever the rendered text has one, skipped only where there is none."""
    text = PLAN_2024.read_text(encoding="utf-8")
    assert "ten: Ban Tuyên giáo huyện" in text
    text = text.replace("ten: Ban Tuyên giáo huyện", 'ten: "Cột một\\tcột hai\\ndòng sau"')
    document = render_text(text)
    body = document.element.body.xml
    assert "Cột một</w:t>" in body and "<w:tab/>" in body and "<w:br/>" in body
    assert "\t" not in "".join(t.text or "" for t in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def test_rendering_the_plan_alone_reads_no_other_kind_of_document(tmp_path):
    """`kehoach render plan.yaml` needs the plan's kind only; the kinds' data of every document (--doc quyet-dinh,
    bao-cao, all) is read when one of them is asked for."""
    from support import ROOT, probe_run

    report = "from kehoach.kinds import catalog\nresult = catalog.all_kinds.cache_info().currsize"
    for name in ("plan_2024.yaml", "vi-du-bo-van-ban.yaml"):
        (tmp_path / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    # The 2024 plan has no block a document is made from; the set of documents has one (its check reads the
    # kinds' data to fill their sentences, kehoach.source.plan_file).
    for plan, doc, read in (("plan_2024.yaml", "ke-hoach", 0), ("vi-du-bo-van-ban.yaml", "quyet-dinh", 1)):
        assert probe_run(["render", plan, "--doc", doc], report, cwd=tmp_path) == (0, read)
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["plan_2024.docx", "vi-du-bo-van-ban-quyet-dinh.docx"]
