"""The plan as Markdown, for the pandoc peer: the same text kehoach prints, in pandoc's Markdown.

    python3 bench/plan_markdown.py CONTEXT.json OUT.md

Works from the JSON dump of kehoach's render context (bench/dump_context.py), so the words are exactly
kehoach's: organ, number, place and date, title, summary, bases, opening, the numbered body, closing,
recipients and signer. Each paragraph sits in a fenced div with `custom-style` naming the paragraph style
of kehoach's template («KH …»); with that template as `--reference-doc`, pandoc lays the text out in the
same styles (no header table and no rules under the lines: pandoc has no way to say those in Markdown).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: The body's block kinds → the template's paragraph styles (as in tools.templates.plan).
BODY_STYLES = {
    "muc1": "KH Mục (I.)",
    "muc2": "KH Khoản (1.)",
    "muc3": "KH Điểm (a))",
    "gach": "KH Gạch đầu dòng",
    "doan": "KH Nội dung",
}

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """Literal text: every ASCII punctuation mark backslash-escaped (pandoc allows it for all of them)."""
    return _PUNCT.sub(r"\\\1", text)


def paragraphs(ctx: dict) -> list[tuple[str, str]]:
    """(style, text) for each paragraph of the document, in order."""
    out: list[tuple[str, str]] = []
    if ctx.get("draft"):
        out.append(("KH Dự thảo", "DỰ THẢO"))
    if ctx["organ"].get("parent"):
        out.append(("KH Cơ quan chủ quản", ctx["organ"]["parent"]))
    out += [("KH Tên cơ quan", line) for line in ctx["organ"]["lines"]]
    out.append(("KH Quốc hiệu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    out.append(("KH Tiêu ngữ", "Độc lập - Tự do - Hạnh phúc"))
    out.append(("KH Số, ký hiệu", ctx["number_line"]))
    out.append(("KH Địa danh, ngày tháng", ctx["place_date"]))
    out.append(("KH Tên loại", ctx["doc_type"]))
    out += [("KH Trích yếu", line) for line in ctx["summary_lines"]]
    out += [("KH Căn cứ", line) for line in ctx["bases"]]
    out += [("KH Nội dung", line) for line in ctx["opening"]]
    out += [(BODY_STYLES.get(block["kind"], "KH Nội dung"), block["text"]) for block in ctx["body"]]
    out += [("KH Đoạn kết", line) for line in ctx["closing"]]
    out.append(("KH Nơi nhận", "Nơi nhận:"))
    out += [("KH Nơi nhận - dòng", line) for line in ctx["recipients"]]
    out += [("KH Thẩm quyền ký", line) for line in ctx["signature"]["authority"]]
    out.append(("KH Thẩm quyền ký", ctx["signature"]["position"]))
    out.append(("KH Người ký", ctx["signature"]["name"]))
    return out


def markdown(ctx: dict) -> str:
    chunks: list[str] = []
    current = None
    for style, text in paragraphs(ctx):
        if style != current:
            if current is not None:
                chunks.append(":::\n")
            chunks.append(f'::: {{custom-style="{style}"}}\n')
            current = style
        chunks.append(escape(text) + "\n\n")
    if current is not None:
        chunks.append(":::\n")
    return "".join(chunks)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    context = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    Path(sys.argv[2]).write_text(markdown(context), encoding="utf-8")
