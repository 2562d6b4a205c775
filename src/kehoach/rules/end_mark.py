"""Đoạn cuối của nội dung chưa kết thúc bằng dấu «./.».

    Cùng quy tắc, cùng lời với docx-end-mark ở tệp Word: các mẫu văn bản của Nghị định 30 (Phụ lục III) kết thúc
    phần nội dung bằng «./.» để không ai viết thêm được vào sau; phần quy tắc (Phụ lục I) không ghi thành điều
    khoản, nên đây là cảnh báo theo thông lệ. Đoạn cuối là đoạn cuối của ket_luan, hoặc (khi không có
    ket_luan) đoạn văn hay ý gạch đầu dòng cuối cùng của noi_dung.

    Đúng:
        ket_luan: Trên đây là Kế hoạch … đề nghị các cơ quan, đơn vị triển khai thực hiện./.

    Sai:
        ket_luan: Trên đây là Kế hoạch … đề nghị các cơ quan, đơn vị triển khai thực hiện.
"""

from collections.abc import Iterator

from kehoach.model.outline import walk_blocks
from kehoach.model.plan import Bullet
from kehoach.rules._text import law, raw
from kehoach.rules.base import PlanContext, Problem, Severity
from kehoach.source.fixes import replace

ID = "end-mark"
SEVERITY = Severity.WARNING
STAGE = "plan"


def message(law: str) -> str:
    """What both checks say (this one and docx-end-mark), naming the text the layout comes from."""
    return f"đoạn cuối của nội dung chưa có dấu kết thúc «./.»; các mẫu của {law} kết thúc nội dung bằng «./.»"


def _last(ctx: PlanContext) -> tuple[tuple, str] | None:
    """The last paragraph of the content as printed, with its path; None when it is not a text of the clerk's."""
    if ctx.plan.closing:
        index = len(ctx.plan.closing) - 1
        return (("ket_luan", index) if isinstance(ctx.source.data.get("ket_luan"), list) else ("ket_luan",),
                ctx.plan.closing[-1])
    if _default_closing(ctx):
        return None  # the kind writes its own closing sentence (a Tờ trình's «Kính trình … ./.»)
    if hasattr(ctx.plan, "articles"):
        articles = ctx.plan.articles  # a decision ends with its last article (the kind's, or the clerk's dieu)
        return (("dieu", len(articles) - 1), articles[-1]) if articles else None
    nodes = list(walk_blocks(list(ctx.plan.body), scheme=getattr(ctx.plan, "numbering", None)))
    if not nodes:
        return None
    node = nodes[-1]
    if isinstance(node.block, str):
        return node.path, node.block
    if isinstance(node.block, Bullet):
        return node.path + ("gach",), node.block.text
    return None  # a heading or an activity ends the body: the template's own lines follow it


def _default_closing(ctx: PlanContext) -> bool:
    """Whether the document's kind closes it with a sentence of its own when the data has no ket_luan."""
    from kehoach.kinds import catalog

    kind = catalog.find(ctx.plan.type)
    own = getattr(ctx.plan, "sentences", {}) or {}
    return bool(own.get("ket-luan") or (kind is not None and kind.sentences.get("ket-luan")))


def check(ctx: PlanContext) -> Iterator[Problem]:
    if getattr(ctx.plan, "appendix", None) is not None:
        return  # the pointer to the appendix is the body's last paragraph, written by kehoach
    last = _last(ctx)
    if last is not None and not last[1].rstrip().endswith("./.") and "CẦN ĐIỀN" not in last[1]:
        path, text = last
        written = raw(ctx, path)
        fix = None
        if isinstance(written, str):
            end = len(written.rstrip())  # the last character is replaced by itself and the mark (exact edits only)
            last_char = written[end - 1:end]
            fix = replace(ctx.source, path, end - 1, end, last_char + ("/." if last_char == "." else "./."),
                          "Thêm «./.»") if end else None
        yield Problem(message(law(ctx)), path, fix=fix)
