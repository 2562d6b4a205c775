"""kehoach.inspect.sections: every section of a Word document, and the headers and footers its pages show."""

from __future__ import annotations

import io

from support import ROOT

from kehoach.inspect.body import read_body
from kehoach.inspect.formatting import Styles
from kehoach.inspect.package import STYLES, Package
from kehoach.inspect.sections import read_sections
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from kehoach.source.plan_file import read_plan


def sections_of(data: bytes):
    with Package(io.BytesIO(data)) as package:
        styles = Styles(package.parse(package.related(package.main, STYLES)))
        with package.stream(package.main) as stream:
            body = read_body(stream, styles)
        return read_sections(package, body.sections, styles)


def shown(section) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, type, part, the page number's text) of each header and footer the section's pages show."""
    return [(kind, type_, story and story.part, story and story.page_number and story.page_number.text)
            for kind, type_, story in section.shown()]


def test_a_plan_with_an_appendix_has_two_sections_each_numbering_its_pages(tmp_path):
    loaded = read_plan(ROOT / "data" / "vi-du-phu-luc.yaml")
    text, appendix = sections_of(render_bytes(loaded.plan, kind_template("Kế hoạch", loaded.plan.layout_id),
                                              loaded.refs))
    assert (text.index, text.title_page, text.restart, text.even_and_odd) == (0, True, None, False)
    assert (appendix.index, appendix.title_page, appendix.restart) == (1, True, 1)
    assert shown(text) == [("header", "first", "word/header2.xml", None), ("header", "default", "word/header1.xml", "2"),
                           ("footer", "first", None, None), ("footer", "default", None, None)]
    assert shown(appendix) == [("header", "first", "word/header4.xml", None),
                               ("header", "default", "word/header3.xml", "2"),
                               ("footer", "first", None, None), ("footer", "default", None, None)]
    assert appendix.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgSz").get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}orient") == "landscape"


def test_a_section_without_its_own_headers_shows_the_previous_ones_and_even_pages_need_the_setting(tmp_path):
    from test_check_docx import hand_typed, numbered_from_one

    def appendix(doc, section):  # its own header; the footer stays linked to the text's (none: blank)
        numbered_from_one(doc, section)
        doc.sections[0].footer.paragraphs[0].add_run("Trang chân")  # the text's own footer, passed on
        section.even_page_header.is_linked_to_previous = False
        section.even_page_header.paragraphs[0].add_run("chẵn")

    data = hand_typed(tmp_path / "a.docx", appendix=appendix).read_bytes()
    text, annex = sections_of(data)
    text_footer = text.story("footer", "default")
    assert [p.text for p in text_footer.paragraphs] == ["Trang chân"]
    assert annex.story("footer", "default") is text_footer  # «Link to Previous»: the same part, read once
    assert annex.story("header", "default") is not text.story("header", "default")
    assert annex.story("header", "even") is not None and text.story("header", "even") is None
    assert [t for _, t, _ in annex.shown()] == ["first", "default"] * 2  # no even pages without the setting
