"""Footnotes: `[^text]` becomes a real Word footnote (footnotes part, reference runs, styles)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from kehoach import profiles
from kehoach.source.plan_file import read_plan_text
from kehoach.render import footnotes
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from support import ROOT

EXAMPLE = ROOT / "data" / "vi-du-phu-luc.yaml"
NOTE_1 = ("Theo Luật Phòng, chống thiên tai, thiên tai gồm bão, áp thấp nhiệt đới, lốc, sét, mưa lớn, lũ, lũ quét,"
          " ngập lụt, sạt lở đất và các loại thiên tai khác.")
NOTE_2 = "Mỗi tuần hai buổi, theo lịch phát sóng của Đài Truyền thanh xã."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(text: str, template=None) -> bytes:
    loaded = read_plan_text(text, "ke-hoach.yaml")
    return render_bytes(loaded.plan, template or kind_template(), loaded.refs)


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


@pytest.fixture(scope="module")
def example() -> bytes:
    return render(EXAMPLE.read_text(encoding="utf-8"))


def notes(root) -> list[tuple[str, str | None, str]]:
    """(id, type, text) of every footnote of a footnotes part."""
    return [(n.get(W + "id"), n.get(W + "type"), "".join(t.text or "" for t in n.iter(W + "t")))
            for n in root.findall(W + "footnote")]


def test_the_footnotes_part_holds_the_separators_and_the_notes_in_order(example):
    root = part(example, "word/footnotes.xml")
    assert notes(root) == [("-1", "separator", ""), ("0", "continuationSeparator", ""),
                           ("1", None, f" {NOTE_1}"), ("2", None, f" {NOTE_2}")]
    assert root.find(f"{W}footnote/{W}p/{W}r/{W}separator") is not None
    assert root.find(f"{W}footnote/{W}p/{W}r/{W}continuationSeparator") is not None
    for note in root.findall(W + "footnote")[2:]:
        p = note.find(W + "p")
        assert p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "FootnoteText"
        mark = p.find(W + "r")  # the note's own number first, in the reference style
        assert mark.find(W + "footnoteRef") is not None
        assert mark.find(f"{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"


def test_the_part_is_related_typed_and_named_in_the_settings(example):
    rels = part(example, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type").endswith("/footnotes")]
    assert targets == ["footnotes.xml"]
    types = part(example, "[Content_Types].xml")
    assert [o.get("ContentType") for o in types if o.get("PartName") == "/word/footnotes.xml"] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"]
    settings = part(example, "word/settings.xml")
    assert [f.get(W + "id") for f in settings.find(f"{W}footnotePr").findall(W + "footnote")] == ["-1", "0"]
    tags = [e.tag for e in settings]  # footnotePr before compat: Word reads settings in schema order
    assert tags.index(W + "footnotePr") < tags.index(W + "compat")


def test_references_stand_where_the_notes_were_written(example):
    body = part(example, "word/document.xml").find(W + "body")
    references = list(body.iter(W + "footnoteReference"))
    assert [r.get(W + "id") for r in references] == ["1", "2"]
    for reference in references:
        run = reference.getparent()
        assert run.find(f"{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"
    first = references[0].getparent().getparent()
    runs = ["".join(t.text for t in r.iter(W + "t")) or "[1]" for r in first.findall(W + "r")]
    assert runs == ["- Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai", "[1]", "."]
    second = references[1].getparent().getparent()
    assert "".join(t.text for t in second.iter(W + "t")) == "- Nội dung: Phát các tin, bài về phòng, chống thiên tai."
    assert "[^" not in etree.tostring(body, encoding="unicode")


def test_footnote_styles_are_in_the_template_for_a_clerk_to_adjust():
    document = Document(str(kind_template()))
    text = document.styles["footnote text"]
    footnote = profiles.load("nd30").sizes.footnote
    assert text.style_id == "FootnoteText" and text.font.size.pt == footnote.value
    assert footnote.value in footnote
    reference = document.styles["footnote reference"]
    assert reference.style_id == "FootnoteReference" and reference.font.superscript


def test_a_run_split_by_a_note_keeps_its_formatting_on_both_sides():
    document = Document()
    p = document.add_paragraph()
    run = p.add_run("Trước[^Chú thích] sau")
    run.bold = True
    assert footnotes.apply(document) == 1
    runs = p._p.findall(qn("w:r"))
    assert [("".join(t.text for t in r.iter(qn("w:t"))), r.find(qn("w:rPr")) is not None and
             r.find(qn("w:rPr")).find(qn("w:b")) is not None) for r in runs] == [
        ("Trước", True), ("", False), (" sau", True)]
    assert runs[1].find(qn("w:footnoteReference")).get(qn("w:id")) == "1"


def test_notes_are_kept_out_of_the_appendix_table(example):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "hoat_dong: Họp bản", "hoat_dong: Họp bản[^Họp thường kỳ hằng tháng của các bản.]")
    document = Document(io.BytesIO(render(text)))
    table = document.tables[2]
    assert [row.cells[1].text for row in table.rows][4] == "Họp bản"
    assert not list(table._tbl.iter(qn("w:footnoteReference")))
    body_refs = list(document.element.body.iter(qn("w:footnoteReference")))
    assert len(body_refs) == 3  # the heading «4. Họp bản» carries it


def test_a_template_with_its_own_footnotes_part_gets_the_notes_appended(tmp_path, example):
    # A template saved by Word has word/footnotes.xml already; python-docx keeps it as bytes.
    template = tmp_path / "mau-co-chu-thich.docx"
    with zipfile.ZipFile(kind_template()) as zin, zipfile.ZipFile(template, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        with zipfile.ZipFile(io.BytesIO(example)) as rendered:
            zout.writestr("word/footnotes.xml", rendered.read("word/footnotes.xml"))
    _add_footnotes_relation(template)  # relate it and type it, as Word does
    data = render(EXAMPLE.read_text(encoding="utf-8"), template)
    assert [(i, t) for i, t, _ in notes(part(data, "word/footnotes.xml"))] == [
        ("-1", "separator"), ("0", "continuationSeparator"), ("1", None), ("2", None), ("3", None), ("4", None)]
    body = part(data, "word/document.xml")
    assert [r.get(W + "id") for r in body.iter(W + "footnoteReference")] == ["3", "4"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist().count("word/footnotes.xml") == 1


def _add_footnotes_relation(path) -> None:
    with zipfile.ZipFile(path) as z:
        items = {name: z.read(name) for name in z.namelist()}
    rels = items["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    items["word/_rels/document.xml.rels"] = rels.encode()
    types = items["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                          'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    items["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in items.items():
            z.writestr(name, data)


def test_a_plan_without_notes_has_no_footnotes_part(rendered_bytes):
    with zipfile.ZipFile(io.BytesIO(rendered_bytes)) as z:
        assert "word/footnotes.xml" not in z.namelist()
        assert b"footnotePr" not in z.read("word/settings.xml")


def test_what_is_a_note():
    assert footnotes.strip("thiên tai[^ghi chú]. Và [^ hai ] x") == "thiên tai. Và  x"
    assert [m.group(1) for m in footnotes.NOTE.finditer("a[^ b ]c [^d e]")] == ["b", "d e"]
    assert footnotes.NOTE.search("a [b] [^] [[id]] [ ^x]") is None  # only a non-empty [^…] is a note


def test_the_text_of_the_plan_keeps_its_notes_as_written():
    from kehoach.features.textconv import plan_text

    text = plan_text(EXAMPLE)
    assert "- Nội dung: Phát các tin, bài về phòng, chống thiên tai[^Mỗi tuần hai buổi" in text


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are not installed")
def test_libreoffice_prints_the_notes_at_the_bottom_of_the_page(tmp_path, example):
    docx = tmp_path / "vi-du.docx"
    docx.write_bytes(example)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "vi-du.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = " ".join(page.split())
    assert NOTE_1 in flat and NOTE_2 in flat
    # pdftotext puts the superscript numbers where it likes; what matters is that the notes are printed on
    # the page of their references, after its body text.
    assert flat.index(NOTE_1) > flat.index("- Tuyên truyền kịp thời, đúng đối tượng.")
    assert flat.index(NOTE_2) > flat.index("- Kinh phí: 2.500.000 đồng.")
