"""Số trang thiếu, không ở giữa lề trên, sai cỡ chữ, hoặc hiện cả ở trang đầu.

    Nghị định 30 (Phụ lục I, I.7): số trang đánh bằng số Ả Rập, cỡ chữ 13–14, kiểu chữ đứng, canh giữa
    theo chiều ngang trong phần lề trên của văn bản, không hiển thị số trang thứ nhất. Trong Word: số trang
    (trường PAGE) ở đầu trang (Header), căn giữa, và bật «Different First Page» (w:titlePg) để trang 1
    không có số.

    Đúng:
        Insert → Page Number → Top of Page (căn giữa), Different First Page: bật

    kehoach xét từng phần (section) của văn bản, với đầu trang mà các trang của phần đó hiện (của riêng phần
    đó, hoặc nối tiếp phần trước: «Link to Previous»): phần phụ lục khổ ngang cũng phải có số trang; khi bật
    «Different Odd & Even Pages», đầu trang của trang chẵn cũng phải có số trang; phần sau đánh số nối tiếp mà
    bật «Different First Page» thì trang đầu của phần đó mất số trang (phụ lục đánh số lại từ 1 thì không sao).

    Sai:
        Insert → Page Number → Bottom of Page               # số trang ở chân trang
        Different First Page: tắt                           # trang 1 cũng có số
        Phụ lục (section 2): đầu trang không có số trang    # trang phụ lục không đánh số
"""

from collections.abc import Iterator

from kehoach.inspect import sections as pages  # as a module: pages.HEADER is a story's kind, not a rule's header
from kehoach.rules._docx import DocxContext, pt, pt_range, sections_name, story_name
from kehoach.rules.base import Problem, Severity

ID = "docx-page-number"
SEVERITY = Severity.ERROR
STAGE = "docx"


def check(doc: DocxContext) -> Iterator[Problem]:
    # Each section's pages, each named where it is; what several sections share (one header, passed on by «Link to
    # Previous») is one finding naming them all, and none when all do.
    found: dict[tuple, list[int]] = {}
    for section in doc.sections:
        for key, message in _section(doc, section):
            found.setdefault((key, message), []).append(section.index)
    for (_, message), indices in found.items():
        yield doc.whole(sections_name(indices, len(doc.sections)) + message)


def _section(doc: DocxContext, section: pages.Section) -> Iterator[tuple[object, str]]:
    """(what it is about, message) for each way the page numbers of `section` differ from the decree."""
    header, footer = section.story(pages.HEADER, pages.DEFAULT), section.story(pages.FOOTER, pages.DEFAULT)
    numbered = _numbered(header)
    if not numbered:
        key = (_part(header), _part(footer))
        if _numbered(footer):
            yield key, (f"số trang đặt ở chân trang; {doc.law} quy định số trang canh giữa ở phần lề trên "
                        "(Header)")
        else:
            yield key, (f"văn bản chưa đánh số trang; {doc.law} quy định số trang canh giữa ở phần lề trên "
                        "(Header), từ trang 2")
    else:
        yield from _looks(doc, header, "")
    if numbered and section.even_and_odd:  # even pages show a header of their own
        even = section.story(pages.HEADER, pages.EVEN)
        if _numbered(even):
            yield from _looks(doc, even, f" ở {story_name(pages.HEADER, pages.EVEN)}")
        else:
            yield _part(even), ("trang chẵn không có số trang: đã bật «Different Odd & Even Pages» (Trang chẵn lẻ "
                                f"khác) mà {story_name(pages.HEADER, pages.EVEN)} chưa có số trang; {doc.law} quy "
                                "định đánh số trang từ trang 2")
    first = section.story(pages.HEADER, pages.FIRST)
    if section.index == 0:
        if not section.title_page:
            if numbered:
                yield section.index, (f"trang đầu cũng hiện số trang; {doc.law} quy định không hiển thị số trang "
                                      "thứ nhất: hãy bật «Different First Page» (Trang đầu khác)")
        elif _numbered(first):
            yield section.index, (f"đầu trang của trang 1 có số trang; {doc.law} quy định không hiển thị số trang "
                                  "thứ nhất")
    elif numbered and section.title_page and section.restart is None and not _numbered(first):
        # Numbering goes on from the section before: its first page is no page 1 and must show its number. (A
        # section that starts again from 1, an appendix numbered on its own, may hide it like page 1.)
        yield section.index, ("trang đầu của phần này không có số trang: đã bật «Different First Page» (Trang đầu "
                              f"khác) mà {story_name(pages.HEADER, pages.FIRST)} chưa có số trang, và phần này đánh "
                              f"số trang tiếp theo phần trước; {doc.law} chỉ không hiển thị số trang của trang thứ "
                              "nhất")


def _looks(doc: DocxContext, story: pages.Story, where: str) -> Iterator[tuple[object, str]]:
    """The page number of `story` (`where`: which header, for the even pages') centred and sized as asked."""
    if story.page_number.para.align != "center":
        yield story.part, f"số trang{where} chưa canh giữa; {doc.law} quy định số trang canh giữa ở phần lề trên"
    default = doc.profile.tolerances.default_size.value
    allowed = doc.profile.sizes.page_number
    bad = [size for size in (r.size or default for r in story.page_runs) if size not in allowed]
    if bad:
        yield story.part, (f"số trang{where} cỡ chữ {pt(bad[0])}; {doc.law} quy định số trang cỡ "
                           f"{pt_range(allowed)}")


def _numbered(story: pages.Story | None) -> bool:
    return story is not None and story.page_number is not None


def _part(story: pages.Story | None) -> str | None:
    return story.part if story is not None else None
