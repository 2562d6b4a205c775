"""Templates: a clerk's own Word template runs bounded in time, memory, recursion and numbers; every failure
is a message naming the template, its part and paragraph, exit 2, and no document written."""

from __future__ import annotations

import pytest
from docx import Document

_FIX = "hãy sửa thẻ này trong mẫu"
_LOOPS = "hãy sửa các vòng lặp trong mẫu"
_OTHER_FILE = ("thẻ {{% {} %}} đọc một tệp mẫu khác, điều kehoach không cho phép (mẫu Word chỉ gồm chính nó); hãy chép"
               " nội dung cần dùng vào mẫu rồi xóa thẻ này")

#: (tag, message): each alone in the second paragraph of a template.
CASES = [
    ("{{ 9 ** 99999999 }}", f"phép lũy thừa (**) cho một số quá lớn (hơn 4.096 bit, khoảng 1.200 chữ số); {_FIX}"),
    ("{{ (10 ** 1000) * (10 ** 1000) }}", f"phép nhân (*) cho một số quá lớn (hơn 4.096 bit, khoảng 1.200 chữ số); {_FIX}"),
    ("{{ 10.0 ** 1000 }}", f"mẫu Word tính ra một số quá lớn; {_FIX}"),
    ("{{ 'a' * 10**9 }}", f"chuỗi hoặc danh sách nhân lên (*) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{{ [1] * 10**9 }}", f"chuỗi hoặc danh sách nhân lên (*) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{% set a = 'x' * 5000000 %}{{ a ~ a ~ a }}", f"chuỗi ghép (~) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{% set a = 'x' * 6000000 %}{{ a + a }}", f"chuỗi hoặc danh sách ghép (+) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{{ (['b'] * 100000) | join('a' * 1000) }}", f"chuỗi nối (join) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{{ ('a' * 1000).join(['b'] * 100000) }}", f"chuỗi nối (join) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{{ ('a' * 10000).replace('a', 'b' * 10000) }}", f"chuỗi thay thế (replace) quá dài (hơn 10.000.000 ký tự); {_FIX}"),
    ("{{ 'a' | center(1000000000) }}", f"«center» nhận số 1.000.000.000, quá giới hạn 100.000; {_FIX}"),
    ("{{ 'a'.ljust(1000000000) }}", f"«ljust» nhận số 1.000.000.000, quá giới hạn 100.000; {_FIX}"),
    ("{{ '{:>999999999}'.format(1) }}", f"chuỗi định dạng có độ rộng quá lớn (hơn 100.000); {_FIX}"),
    ("{{ '%0999999999d' % 1 }}", f"chuỗi định dạng có độ rộng quá lớn (hơn 100.000); {_FIX}"),
    ("{{ '%0999999999d' | format(1) }}", f"chuỗi định dạng có độ rộng quá lớn (hơn 100.000); {_FIX}"),
    ("{% for i in range(10**9) %}x{% endfor %}",
     f"range() cho 1.000.000.000 phần tử, quá giới hạn 100.000; {_FIX}"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     f"mẫu chạy quá nhiều bước (hơn 2.000.000), thường do vòng lặp lồng nhau; {_LOOPS}"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxx{% endfor %}{% endfor %}",
     f"mẫu chạy quá nhiều bước (hơn 2.000.000), thường do vòng lặp lồng nhau; {_LOOPS}"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
     "mẫu Word gọi lồng nhau quá sâu (một macro hoặc vòng lặp recursive gọi lại chính nó mãi); " + _FIX),
    ("{% for x in [[1]] recursive %}{{ loop([[1]]) }}{% endfor %}",
     "mẫu Word gọi lồng nhau quá sâu (một macro hoặc vòng lặp recursive gọi lại chính nó mãi); " + _FIX),
    ("{% include 'mau.docx' %}", _OTHER_FILE.format("include")),
    ("{% import 'mau.docx' as m %}", _OTHER_FILE.format("import")),
    ("{% from 'mau.docx' import m %}", _OTHER_FILE.format("from … import")),
    ("{% extends 'mau.docx' %}", _OTHER_FILE.format("extends")),
    ("{% if 1 %}" * 500 + "x" + "{% endif %}" * 500,
     "các thẻ {% … %} lồng nhau quá sâu (hơn 30 tầng); hãy tách bớt điều kiện và vòng lặp"),
    ("{{ 1 / 0 }}", f"mẫu Word có thẻ chạy lỗi (ZeroDivisionError: division by zero); {_FIX}"),
    ("{{ x }", "mẫu Word có thẻ Jinja sai: unexpected '}'; hãy sửa thẻ trong mẫu"),
    ("{{ ''.__class__ }}", "mẫu Word có thẻ truy cập thuộc tính nội bộ «__class__» của Python, bị từ chối vì lý do an"
                           " toàn; hãy xóa thẻ này khỏi mẫu"),
]


def template(path, *paragraphs: str) -> None:
    document = Document()
    document.add_paragraph("Kế hoạch")
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


@pytest.mark.parametrize(("tag", "message"), CASES, ids=[tag[:40] for tag, _ in CASES])
def test_a_template_beyond_a_limit_is_refused_where_it_is(folder, tag, message):
    template(folder.path / "xau.docx", tag)
    done = folder.run("render", "ke-hoach.yaml", "-t", "xau.docx")
    where = f"phần thân văn bản, đoạn 2 «{_quoted(tag)}»"
    assert (done.code, done.stdout, done.stderr) == (2, "", f"xau.docx: {where}: {message}\n")
    folder.unchanged()


def test_expressions_nested_beyond_what_python_compiles(folder):
    template(folder.path / "xau.docx", "{{ " + "(" * 300 + "1" + ")" * 300 + " }}")
    done = folder.run("render", "ke-hoach.yaml", "-t", "xau.docx")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "xau.docx: phần thân văn bản: mẫu Word có biểu thức lồng nhau quá sâu (quá nhiều dấu ngoặc hoặc thẻ lồng"
               " nhau); hãy viết đơn giản hơn\n")
    folder.unchanged()


def test_a_failure_in_a_header_names_the_header(folder):
    document = Document()
    document.add_paragraph("Kế hoạch")
    document.sections[0].header.paragraphs[0].text = "{{ 9 ** 99999999 }}"
    document.save(folder.path / "xau.docx")
    done = folder.run("render", "ke-hoach.yaml", "-t", "xau.docx")
    assert (done.code, done.stdout, done.stderr) == (
        2, "", "xau.docx: phần đầu trang (Header, header1.xml), đoạn 1 «{{ 9 ** 99999999 }}»: phép lũy thừa (**) cho một"
               f" số quá lớn (hơn 4.096 bit, khoảng 1.200 chữ số); {_FIX}\n")
    folder.unchanged()


def test_what_a_template_may_do_within_the_limits_still_works(folder):
    template(folder.path / "mau-rieng.docx", "{{ '%s-%s' | format(1, 2) }} {{ '{:,}'.format(1500000) }} {{ 2 ** 10 }}"
             " {{ 'ab' * 3 }} {{ range(3) | list | join(',') }} {{ 'x' | center(5) }}|")
    done = folder.run("render", "ke-hoach.yaml", "-t", "mau-rieng.docx", "-o", "ra.docx")
    assert (done.code, done.stderr) == (0, "")
    folder.unchanged("ra.docx")
    texts = [p.text for p in Document(folder.path / "ra.docx").paragraphs]
    assert "1-2 1,500,000 1024 ababab 0,1,2   x  |" in texts
