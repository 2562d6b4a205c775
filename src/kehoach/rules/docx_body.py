"""Đoạn nội dung sai cỡ chữ, chưa căn đều hai bên, sai lùi đầu dòng, cách đoạn hoặc cách dòng.

    Nghị định 30 (Phụ lục I, II.6.e): nội dung văn bản trình bày bằng chữ in thường, cỡ chữ 13–14,
    canh đều hai lề; đầu dòng lùi vào 1 cm hoặc 1,27 cm; khoảng cách giữa các đoạn (cách trên + cách
    dưới) tối thiểu 6 pt; cách dòng từ một dòng (single) đến 1,5 dòng. Đề mục in hoa (I. MỤC ĐÍCH…) và
    «Phần I», «Chương I» không bắt buộc căn đều và lùi đầu dòng. Nội dung là các đoạn từ sau căn cứ (hoặc
    trích yếu, hoặc dòng «Kính gửi:» của báo cáo, tờ trình) đến trước «Nơi nhận:», không kể bảng biểu.

    Đúng:
        Paragraph → Alignment: Justified, First line: 1,27 cm, Spacing Before: 6 pt, Line spacing: Single
        (chữ cỡ 14)

    Sai:
        Paragraph → Alignment: Left, First line: (none), Spacing: 0 pt, Line spacing: Double   (chữ cỡ 12)
"""

import re
from collections.abc import Iterator

from kehoach.profiles.units import LINE_UNITS, TWIPS_PER_PT, Twips
from kehoach.rules._docx import DocxContext, Paragraph, differences, pt, upper
from kehoach.rules.base import Problem, Severity

ID = "docx-body"
SEVERITY = Severity.ERROR
STAGE = "docx"

_HEADING = re.compile(r"^(phần|chương|mục|tiểu mục)\s+(thứ\s+\w+|[ivxlcdm]+|\d+)\b", re.IGNORECASE)
#: One line of Times New Roman is 1.107 times its size ((winAscent + winDescent) / unitsPerEm): what
#: "single" means when a paragraph sets its line spacing in points (Exactly, At least).
_LINE_HEIGHT = 1.107
_LINE_TOLERANCE = 0.05  # of a line: Word's "Multiple 1,15" and rounded point values stay inside
_AUTO_SPACING = 14 * TWIPS_PER_PT  # what Word puts for spacing "Auto"
_CM = Twips.cm(1)


def check(doc: DocxContext) -> Iterator[Problem]:
    if doc.doc_type is not None and not doc.body:
        yield doc.at((doc.bases or doc.summary or [doc.doc_type])[-1], "không có đoạn nội dung nào sau đoạn này "
                     "(trước «Nơi nhận:»); văn bản thiếu phần nội dung")
    layout = doc.profile.body
    tolerance = doc.profile.tolerances.indent.value
    size, default_size = doc.profile.sizes.body, doc.profile.tolerances.default_size.value
    # The bounds and the words of what is asked, worked out once: a long document has tens of thousands of paragraphs.
    indent = layout.first_line_indent
    indent_low, indent_high = indent.low - tolerance, indent.high + tolerance
    indent_wanted = f"lùi đầu dòng {_cm(indent.low)} hoặc {_cm(indent.high)}"
    spacing_min = layout.paragraph_spacing_min.value
    spacing_wanted = f"cách đoạn (trên + dưới) tối thiểu {pt(spacing_min.in_pt)}"
    low, high = (v / LINE_UNITS for v in (layout.line_spacing.low, layout.line_spacing.high))
    lines_low, lines_high = low - _LINE_TOLERANCE, high + _LINE_TOLERANCE
    lines_wanted = f"cách dòng từ một dòng (single) đến {_number(high)} dòng"
    for p in doc.body:
        heading = bool(_HEADING.match(p.clean)) or (upper(p) and any(c.isalpha() for c in p.clean))
        wrong, want = differences(p, size=size, align=None if heading else "both", default_size=default_size)
        if not heading and not indent_low <= p.para.first_line <= indent_high:
            wrong.append(f"lùi đầu dòng {_cm(p.para.first_line)}")
            want.append(indent_wanted)
        spacing = _spacing(doc, p)
        if spacing < spacing_min:
            wrong.append(f"cách đoạn {pt(spacing / TWIPS_PER_PT)}")
            want.append(spacing_wanted)
        lines = _lines(p)
        if not lines_low <= lines <= lines_high:
            wrong.append(f"cách dòng {_number(lines)} dòng")
            want.append(lines_wanted)
        finding = doc.differ(p, "nội dung", wrong, want)
        if finding is not None:
            yield finding

def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _cm(twips: int) -> str:
    return f"{_number(twips / _CM)} cm"


def _spacing(doc: DocxContext, p: Paragraph) -> int:
    """Space before + after, as Word lays it out: automatic spacing counts 14 pt, and "don't add space
    between paragraphs of the same style" removes it next to a paragraph of the same style."""
    before = _AUTO_SPACING if p.para.auto_before else p.para.before
    after = _AUTO_SPACING if p.para.auto_after else p.para.after
    if p.para.contextual:
        neighbours = [doc.paragraphs[i - 1] for i in (p.index - 1, p.index + 1) if 1 <= i <= len(doc.paragraphs)]
        same = [n.index for n in neighbours if n.para.style_id == p.para.style_id]
        before = 0 if p.index - 1 in same else before
        after = 0 if p.index + 1 in same else after
    return before + after


def _lines(p: Paragraph) -> float:
    """The line spacing of `p` in lines (1 = single)."""
    line = p.para.line
    if line is None:
        return 1.0
    rule = p.para.line_rule or "auto"
    if rule == "auto":
        return line / LINE_UNITS
    size = max((r.size or 10.0 for r in p.runs), default=p.para.size or 10.0)
    lines = line / (size * TWIPS_PER_PT * _LINE_HEIGHT)
    return max(lines, 1.0) if rule == "atLeast" else lines
