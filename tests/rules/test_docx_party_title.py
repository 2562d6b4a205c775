from pathlib import Path

import pytest
from test_docx_context import index_of, replace_text, run_properties

from kehoach.check.runner import check_docx
from support import ROOT, render_text

RULE = "docx-party-title"
TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_PLAN = ROOT / "data" / "vi-du" / "ke-hoach-dang-uy-xa.yaml"


@pytest.fixture(scope="module")
def party_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    render_text(PARTY_PLAN.read_text(encoding="utf-8")).save(buffer)
    return buffer.getvalue()


def findings(tmp_path: Path, data: bytes, rule: str = RULE, profile: str | None = None):
    path = tmp_path / "van-ban.docx"
    path.write_bytes(data)
    report = check_docx(path, "van-ban.docx", profile=profile)
    return [(p.location.line, p.message) for p in report.problems if p.rule == rule]


def test_the_rendered_party_plan_has_it(tmp_path, party_bytes):
    assert findings(tmp_path, party_bytes) == []


def test_size_and_weight(tmp_path, party_bytes):
    data = run_properties(party_bytes, TITLE, '<w:b w:val="0"/><w:sz w:val="26"/>')
    assert findings(tmp_path, data) == [
        (index_of(data, TITLE), f"«{TITLE}»: cỡ chữ 13 pt, chữ không đậm; Hướng dẫn 36 quy định «{TITLE}» cỡ 15 pt, "
                                "in đậm")]


def test_a_state_document_checked_as_a_party_one_has_no_title(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, profile="hd36") == [
        (None, f"không tìm thấy tiêu đề «{TITLE}» ở phần đầu văn bản; Hướng dẫn 36 quy định văn bản của Đảng có tiêu "
               "đề này ở dòng đầu, bên phải trang đầu, thay cho Quốc hiệu và Tiêu ngữ")]


def test_not_applied_to_a_state_document(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes) == []


def test_not_in_capitals(tmp_path, party_bytes):
    """Typed in lower case, the title is still found (and the document read as a Party one): it is reported."""
    data = replace_text(party_bytes, TITLE, "Đảng Cộng sản Việt Nam")
    assert findings(tmp_path, data) == [
        (index_of(data, "Đảng Cộng sản"), f"«Đảng Cộng sản Việt Nam»: chưa viết in hoa; Hướng dẫn 36 quy định «{TITLE}» "
                                          "in hoa")]
