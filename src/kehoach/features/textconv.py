"""A plan or a rendered document as plain text in the document's own order, for `git diff` and reviews.

A YAML plan is printed as the document it renders to (numbers and references resolved), so that a diff
of two plan versions reads like a diff of the two documents; a .docx is printed paragraph by paragraph.
"""

from __future__ import annotations

from pathlib import Path

from kehoach import profiles
from kehoach.errors import InputError, Location


def plan_text(path: Path, display: str | None = None) -> str:
    """The text a plan renders to, one paragraph per line."""
    from kehoach.source.plan_file import read_plan
    from kehoach.render.compose import context_for

    loaded = read_plan(path, display or str(path))
    return "\n".join(context_lines(context_for(loaded.plan, loaded.refs))) + "\n"


def context_lines(context: dict) -> list[str]:
    """The template context in reading order: header, title, bases, body, closing, recipients, signer."""
    lines: list[str] = []
    if context["draft"]:
        lines.append("DỰ THẢO")
    organ = context["organ"]
    if organ["parent"]:
        lines.append(organ["parent"])
    lines += organ["lines"]
    texts = profiles.load(context.get("layout", profiles.DEFAULT)).texts
    if texts.organ_mark is not None:
        lines.append(texts.organ_mark.value)
    lines += [t.value for t in (texts.national_title, texts.motto, texts.party_title) if t is not None]
    lines += [context["number_line"], *context.get("summary_under_number", []), context["place_date"], ""]
    lines += [context["doc_type"]] if context["doc_type"] else []
    lines += context["summary_lines"]
    lines.append("")
    if context.get("addressee"):
        lines += context["addressee"]["text"].splitlines()
    lines += [context["authority"]] if context.get("authority") else []
    lines += context["bases"]
    lines += [context["decide"]] if context.get("decide") else []
    lines += context["opening"]
    lines += [block["text"] for block in context["body"]]
    lines += [f"{article['label']} {article['text']}" for article in context.get("articles", [])]
    lines += context["closing"]
    lines += ["", "Nơi nhận:"] + context["recipients"]
    signature = context["signature"]
    lines += [""] + signature["authority"] + [signature["position"], signature["name"]]
    attached = context.get("attached")
    if attached:  # the document a decision issues, on its own pages
        lines += ["", *attached["organ"]["lines"], attached["doc_type"], *attached["summary_lines"],
                  attached["issued_with"], ""]
        lines += attached["opening"] + [block["text"] for block in attached["body"]] + attached["closing"]
    appendix = context.get("appendix")
    if appendix:  # the last section of the document: heading, then one line per row of the table
        lines += ["", "Phụ lục", appendix["title"], appendix["reference"]]
        for row in appendix["rows"]:
            cells = [row["number"], row["content"], row["lead"], row["implementing"], row["coordinating"],
                     row["period"], row["budget"]]
            lines.append(" | ".join(cells))
        if appendix["has_budget"]:
            lines += [f"Tổng cộng | {appendix['total']}", f"Bằng chữ: {appendix['total_words']}"]
    return lines


def docx_text(path: Path, display: str | None = None) -> str:
    """The paragraphs of a Word document in order (table cells included), one per line."""
    from docx import Document
    from docx.oxml.ns import qn

    from kehoach.source.reading import read_docx

    data = read_docx(path, "docx", display or str(path))
    try:
        document = Document(data)
    except Exception:  # python-docx raises many kinds for a file that is not a Word document
        raise InputError("không đọc được tệp Word này; hãy chỉ ra một tệp .docx", Location(display or str(path)),
                         "file-unreadable") from None
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return "\n".join(lines) + "\n"


def textconv(path: Path) -> str:
    """Text for a plan (.yaml/.yml) or a document (.docx), chosen by the file's name."""
    if path.suffix.lower() == ".docx":
        return docx_text(path)
    return plan_text(path)
