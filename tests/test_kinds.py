"""Kinds of documents as data (data/kinds/*.yaml): each example of data/vi-du/ renders in one command into a
.docx that passes `kehoach check`, with the parts and sentences its kind's data gives it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kehoach import api
from kehoach.errors import InputErrors
from kehoach.kinds import catalog
from kehoach.source.plan_file import read_plan_text
from kehoach.problems import Severity
from support import ROOT, docx_paragraphs
from tools.templates.document import build

EXAMPLES = sorted((ROOT / "data" / "vi-du").glob("*.yaml"))


def render(path: Path, tmp_path: Path) -> list[str]:
    output = tmp_path / f"{path.stem}.docx"
    api.render(path, output)
    return [p.text for p in docx_paragraphs(output)]


def render_text(text: str, tmp_path: Path) -> list[str]:
    source = tmp_path / "van-ban.yaml"
    source.write_text(text, encoding="utf-8")
    return render(source, tmp_path)


def test_every_kind_has_an_example():
    kinds = {kind.name for kind in catalog.all_kinds()}
    written = {read_plan_text(p.read_text(encoding="utf-8"), str(p), p).plan.type for p in EXAMPLES}
    assert kinds - {"Kế hoạch"} <= written  # the plan's examples are data/plan_2024.yaml and its neighbours


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_renders_and_its_docx_passes_check(example, tmp_path):
    output = tmp_path / f"{example.stem}.docx"
    result = api.render(example, output)
    assert not result.errors and not result.warnings
    [report] = api.check([output])
    assert [str(p) for p in report.problems if p.severity is Severity.ERROR] == []


def test_to_trinh_has_kinh_gui_and_the_default_closing(tmp_path):
    texts = render(ROOT / "data/vi-du/to-trinh.yaml", tmp_path)
    assert "TỜ TRÌNH" in texts
    assert "Kính gửi: Ủy ban nhân dân tỉnh Điện Biên" in texts
    assert texts[texts.index("Nơi nhận:") - 1] == "Kính trình Ủy ban nhân dân tỉnh Điện Biên xem xét, phê duyệt./."
    assert texts[texts.index("Nơi nhận:") + 1] == "- Như trên;"


def test_cong_van_has_no_kind_line_and_its_summary_under_the_number(tmp_path):
    texts = render(ROOT / "data/vi-du/cong-van.yaml", tmp_path)
    assert "CÔNG VĂN" not in texts
    number = texts.index("Số: 845/UBND-LĐTBXH")
    assert texts[number + 1] == "V/v báo cáo số liệu hộ nghèo quý I năm 2024"
    assert "Kính gửi: Ủy ban nhân dân các xã, thị trấn" in texts


def test_a_decision_of_the_chairman_issues_its_plan_in_the_same_docx(tmp_path):
    texts = render(ROOT / "data/vi-du/quyet-dinh-ban-hanh-ke-hoach.yaml", tmp_path)
    assert texts.count("QUYẾT ĐỊNH") == 1 and "QUYẾT ĐỊNH:" in texts
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG" in texts
    assert "Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội." in texts
    assert ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch rà soát hộ nghèo, hộ cận nghèo năm 2023 trên địa bàn"
            " tỉnh An Giang.") in texts
    assert texts[texts.index("Nơi nhận:") + 1] == "- Như Điều 3;"
    plan = texts.index("KẾ HOẠCH")
    assert texts[plan + 1:plan + 3] == [
        "Rà soát hộ nghèo, hộ cận nghèo năm 2023 trên địa bàn tỉnh An Giang",
        "(Ban hành kèm theo Quyết định số 1373/QĐ-UBND ngày 28 tháng 8 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh An"
        " Giang)"]
    assert [t for t in texts[plan:] if t.startswith("Số:")] == []  # no number of its own
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts[plan:]


def test_the_attached_document_is_headed_as_the_decree_draws_it_without_number_date_or_signature(tmp_path):
    """ND30 Phụ lục III, «Mẫu văn bản được ban hành, phê duyệt kèm theo quyết định»: the organ's name and the Quốc
    hiệu with their rules; no number, place or date; kind line, summary, the italic «(… kèm theo Quyết định số …)»
    line and a short rule; the body; no Nơi nhận and no signature (the decision's carry it)."""
    output = tmp_path / "qd.docx"
    api.render(ROOT / "data/vi-du/quyet-dinh-ban-hanh-ke-hoach.yaml", output)
    paras = docx_paragraphs(output)
    start = next(i for i, p in enumerate(paras) if p.para.style_id == "KHNgatTrang")
    attached = [p for p in paras[start + 1:] if p.text]
    assert [(p.text, p.in_table, p.para.bold, p.para.align) for p in attached[:5]] == [
        ("ỦY BAN NHÂN DÂN", True, True, "center"), ("TỈNH AN GIANG", True, True, "center"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, True, "center"),
        ("Độc lập - Tự do - Hạnh phúc", True, True, "center"), ("KẾ HOẠCH", False, True, "center")]
    rules = [p.para.style_id for p in paras[start + 1:] if p.para.style_id in ("KHDuongKeNgan", "KHDuongKeDai")]
    assert rules == ["KHDuongKeNgan", "KHDuongKeDai", "KHDuongKeNgan"]  # organ, motto, the «kèm theo» line
    issued_with = attached[6]
    assert issued_with.text.startswith("(Ban hành kèm theo Quyết định số 1373/QĐ-UBND ngày 28 tháng 8 năm 2023")
    assert (issued_with.para.italic, issued_with.para.bold, issued_with.para.align) == (True, False, "center")
    texts = [p.text for p in attached]
    assert not [t for t in texts if t.startswith("Số:") or ", ngày " in t]
    assert "Nơi nhận:" not in texts and "Lê Văn Phước" not in texts and "PHÓ CHỦ TỊCH" not in texts
    assert texts[-1] == "Tổ chức rà soát trên địa bàn; báo cáo kết quả về Sở Lao động - Thương binh và Xã hội."


def test_the_attached_document_starts_a_new_page(tmp_path):
    output = tmp_path / "qd.docx"
    api.render(ROOT / "data/vi-du/quyet-dinh-ban-hanh-ke-hoach.yaml", output)
    import zipfile

    xml = zipfile.ZipFile(output).read("word/document.xml").decode()
    assert xml.count("<w:pageBreakBefore/>") == 0  # the break is the style's, not a run's
    styles = zipfile.ZipFile(output).read("word/styles.xml").decode()
    assert 'w:styleId="KHNgatTrang"' in styles and "<w:pageBreakBefore/>" in styles
    assert 'w:pStyle w:val="KHNgatTrang"' in xml


def test_a_legal_normative_decision_carries_its_year_in_the_number(tmp_path):
    texts = render(ROOT / "data/vi-du/quyet-dinh.yaml", tmp_path)
    assert "Số: 36/2013/QĐ-UBND" in texts
    assert texts[texts.index("QUYẾT ĐỊNH:") + 1].startswith("Điều 1. Ban hành kèm theo Quyết định này Quy định")


def test_a_decision_written_as_free_paragraphs_gets_no_articles_of_its_own(tmp_path):
    """What `kehoach import` makes of a decision it cannot split into articles: the body as written."""
    text = (ROOT / "data/vi-du/quyet-dinh.yaml").read_text(encoding="utf-8")
    start, end = text.index("dieu:\n"), text.index("noi_nhan:\n")
    text = text[:start] + "noi_dung:\n  - Điều 1. Ban hành Quy định.\n  - Điều 2. Thi hành./.\n" + text[end:]
    texts = render_text(text, tmp_path)
    assert texts[texts.index("QUYẾT ĐỊNH:") + 1:texts.index("Nơi nhận:")] == [
        "Điều 1. Ban hành Quy định.", "Điều 2. Thi hành./."]

def test_every_sentence_can_be_replaced_from_the_data_file(tmp_path):
    text = (ROOT / "data/vi-du/to-trinh.yaml").read_text(encoding="utf-8")
    text += "cau_chu:\n  ket-luan: Kính trình {{ kinh_gui }} xem xét, quyết định./.\n"
    texts = render_text(text, tmp_path)
    assert "Kính trình Ủy ban nhân dân tỉnh Điện Biên xem xét, quyết định./." in texts


def test_an_unknown_sentence_is_refused_where_it_is_written(tmp_path):
    text = (ROOT / "data/vi-du/to-trinh.yaml").read_text(encoding="utf-8")
    text += "cau_chu:\n  ket-luam: Kính trình./.\n"
    with pytest.raises(InputErrors) as info:
        read_plan_text(text, "to-trinh.yaml")
    line = text.splitlines().index("  ket-luam: Kính trình./.") + 1
    assert [str(e) for e in info.value.errors] == [
        f"to-trinh.yaml:{line}:13: loại Tờ trình không có câu «ket-luam»; có phải «ket-luan»?"]


def test_a_sentence_naming_what_kehoach_does_not_give_is_refused(tmp_path):
    text = (ROOT / "data/vi-du/to-trinh.yaml").read_text(encoding="utf-8")
    text += "cau_chu:\n  ket-luan: Kính trình {{ cap_tren }}./.\n"
    with pytest.raises(InputErrors) as info:
        read_plan_text(text, "to-trinh.yaml")
    assert "mẫu câu dùng tên không có: cap_tren" in str(info.value.errors[0])


def test_committed_generic_template_is_what_the_builder_makes(tmp_path):
    """templates/van-ban.docx is regenerated on purpose only: run the builder and review the change."""
    build(tmp_path / "van-ban.docx")
    assert (tmp_path / "van-ban.docx").read_bytes() == (ROOT / "templates" / "van-ban.docx").read_bytes()


def test_the_json_schema_accepts_every_example():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(api.json_schema())
    for example in EXAMPLES:
        jsonschema.validate(yaml.safe_load(example.read_text(encoding="utf-8")), schema)
def test_the_sentences_of_a_plans_decision_and_report_are_data_and_replaceable_in_their_blocks(tmp_path):
    text = (ROOT / "data/vi-du-bo-van-ban.yaml").read_text(encoding="utf-8")
    text = text.replace("quyet_dinh:\n  so: 512\n", "quyet_dinh:\n  so: 512\n  cau_chu:\n"
                        "    dieu-1: Phê duyệt và ban hành kèm theo Quyết định này {{ van_ban_kem_theo }}.\n", 1)
    text = text.replace("ket_qua:\n  so: 410\n", "ket_qua:\n  so: 410\n  cau_chu:\n    phan-ton-tai: Hạn chế\n", 1)
    source = tmp_path / "bo.yaml"
    source.write_text(text, encoding="utf-8")
    api.render(source, doc="all")
    decision = [p.text for p in docx_paragraphs(tmp_path / "bo-quyet-dinh.docx")]
    report = [p.text for p in docx_paragraphs(tmp_path / "bo-bao-cao.docx")]
    assert ("Điều 1. Phê duyệt và ban hành kèm theo Quyết định này Kế hoạch số 36/KH-UBND ngày 12/3/2024 về tuyên"
            " truyền về giảm nghèo bền vững năm 2024 trên địa bàn huyện.") in decision
    assert "II. HẠN CHẾ" in report


def test_an_unknown_sentence_in_a_block_is_refused_where_it_is_written():
    text = (ROOT / "data/vi-du-bo-van-ban.yaml").read_text(encoding="utf-8")
    text = text.replace("quyet_dinh:\n  so: 512\n", "quyet_dinh:\n  so: 512\n  cau_chu:\n    dieu-9: Thừa./.\n", 1)
    with pytest.raises(InputErrors) as info:
        read_plan_text(text, "bo.yaml")
    line = text.splitlines().index("    dieu-9: Thừa./.") + 1
    [error] = [str(e) for e in info.value.errors]
    assert error.startswith(f"bo.yaml:{line}:13: loại Quyết định không có câu «dieu-9»; có phải «dieu-")


def test_every_kind_named_by_the_data_exists():
    for kind in catalog.all_kinds():
        for made in kind.derived:
            assert catalog.find(made.type) is not None, made.type


def test_the_names_a_sentence_may_use_are_those_the_composer_gives():
    from kehoach.kinds import wording
    from kehoach.kinds.sentences import SENTENCE_NAMES

    loaded = read_plan_text((ROOT / "data/vi-du/to-trinh.yaml").read_text(encoding="utf-8"), "to-trinh.yaml")
    assert set(wording.sentence_names(loaded.plan, loaded.refs)) == set(SENTENCE_NAMES)
    assert set(wording.names_of(loaded.plan, loaded.refs)) == set(SENTENCE_NAMES)


def test_huong_dan_a_kind_added_with_data_only(tmp_path):
    """Hướng dẫn: added by data/kinds/huong-dan.yaml and an example, with no Python (see the README)."""
    texts = render(ROOT / "data/vi-du/huong-dan.yaml", tmp_path)
    assert texts[:2] == ["UBND TỈNH HÀ TĨNH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert "Số: 20/HD-SLĐTBXH" in texts
    title = texts.index("HƯỚNG DẪN")
    assert texts[title + 1] == "Quy trình và kế hoạch rà soát lại hộ nghèo, hộ cận nghèo"
    assert "I. NHỮNG QUY ĐỊNH CHUNG" in texts and "1. Khái niệm về hộ nghèo, hộ cận nghèo" in texts


PARTY_NOTICE = """\
loai: Thông báo
co_quan:
  chu_quan: ĐẢNG BỘ HUYỆN MƯỜNG ẢNG
  ten: [ĐẢNG ỦY XÃ ẲNG NƯA]
  viet_tat: ĐU
  dia_danh: Ẳng Nưa
so: 15
ngay: 20/01/2025
trich_yeu: Kết luận của Ban Thường vụ Đảng ủy về công tác giảm nghèo năm 2025
noi_dung:
  - Ban Thường vụ Đảng ủy kết luận như sau.
  - gach: Các chi bộ tập trung lãnh đạo thực hiện công tác giảm nghèo./.
noi_nhan:
  gui: [Các chi bộ trực thuộc]
  luu: Văn phòng Đảng ủy
ky:
  quyen_han: T/M BAN THƯỜNG VỤ
  chuc_vu: BÍ THƯ
  ho_ten: Lò Văn Thanh
"""


def test_a_kind_renders_in_the_party_layout_too(tmp_path):
    """A Party committee's Thông báo: the generic template of the hd36 profile, checked by the Party's rules."""
    output = tmp_path / "thong-bao.docx"
    source = tmp_path / "thong-bao.yaml"
    source.write_text(PARTY_NOTICE, encoding="utf-8")
    api.render(source, output)
    texts = [p.text for p in docx_paragraphs(output)]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts and "Số 15-TB/ĐU" in texts and "THÔNG BÁO" in texts
    [report] = api.check([output])
    assert [str(p) for p in report.problems if p.severity is Severity.ERROR] == []


def test_committed_party_generic_template_is_what_the_builder_makes(tmp_path):
    from kehoach import profiles

    build(tmp_path / "van-ban.docx", profiles.load("hd36"))
    assert (tmp_path / "van-ban.docx").read_bytes() == (ROOT / "templates" / "hd36" / "van-ban.docx").read_bytes()


def test_the_lines_kehoach_writes_into_a_plan_are_data_and_replaceable(tmp_path):
    """The activity labels, the pointer to the Phụ lục, its title and its «(Kèm theo …)» line are sentences of
    data/kinds/_chung.yaml: a plan's `cau_chu` rewords each, as it does the other sentences."""
    text = (ROOT / "data/vi-du-phu-luc.yaml").read_text(encoding="utf-8")
    texts = render_text(text, tmp_path)
    assert "- Đơn vị chủ trì: Ban Chỉ huy Quân sự xã." in texts
    assert "(Chi tiết tại Phụ lục kèm theo Kế hoạch này)" in texts
    assert texts[texts.index("Phụ lục") + 1:texts.index("Phụ lục") + 3] == [
        "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH",
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 14 tháng 3 năm 2025 của Ủy ban nhân dân xã Nậm Lịch)"]
    text += ("\ncau_chu:\n  nhan-chu-tri: Cơ quan chủ trì\n  nhan-kinh-phi: Dự toán kinh phí\n"
             "  phu-luc-dan-chieu: (Có Phụ lục kèm theo)\n  phu-luc-ten: Các nhiệm vụ của {{ loai }}\n"
             "  phu-luc-kem-theo: (Kèm theo {{ loai }} số {{ so_ky_hieu }} {{ ngay_day_du }})\n")
    texts = render_text(text, tmp_path)
    assert "- Cơ quan chủ trì: Ban Chỉ huy Quân sự xã." in texts
    assert "- Dự toán kinh phí: 15.000.000 đồng." in texts
    assert "(Có Phụ lục kèm theo)" in texts and "(Chi tiết tại Phụ lục kèm theo Kế hoạch này)" not in texts
    assert texts[texts.index("Phụ lục") + 1:texts.index("Phụ lục") + 3] == [
        "CÁC NHIỆM VỤ CỦA KẾ HOẠCH", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 14 tháng 3 năm 2025)"]


def test_the_shared_sentences_are_sentences_of_every_kind():
    shared = catalog.shared_sentences()
    assert {"nhan-chu-tri", "phu-luc-dan-chieu", "nhan-kinh-gui"} <= set(shared)
    for kind in catalog.all_kinds():
        assert set(shared) <= set(kind.sentences), kind.name
    assert "_chung" not in {kind.id for kind in catalog.all_kinds()}


def test_no_sentence_of_a_document_is_left_in_the_composers():
    """What the composers once wrote as Python constants is in the data now (the class: a label or sentence
    printed in a document); no string in render/ (nor in the sentences' names, kinds/wording.py) starts with a shared
    sentence's wording, and the model holds no default wording of a decision's article."""
    package = ROOT / "src" / "kehoach"
    composers = [*(package / "render").glob("*.py"), package / "kinds" / "wording.py"]
    render = "".join(p.read_text(encoding="utf-8") for p in composers)
    for name, template in catalog.shared_sentences().items():
        literal = template.split("{", 1)[0].strip(" (")
        assert f'"{literal}' not in render and f"'{literal}" not in render, (name, literal)
    model = "".join(p.read_text(encoding="utf-8") for p in (package / "model").glob("*.py"))
    assert 'Field("Quyết định này' not in model


def test_a_party_committees_decision_is_worded_as_the_party_writes_it(tmp_path):
    """The kind's sentences in the hd36 layout (quyet-dinh.yaml, theo_the_thuc): no authority line above the bases,
    «Xét đề nghị của …,» and «BAN THƯỜNG VỤ … QUYẾT ĐỊNH»; the symbol and the signature are the Party's."""
    texts = render(ROOT / "data/vi-du/quyet-dinh-dang-uy-xa.yaml", tmp_path)
    assert texts[:3] == ["ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ĐẢNG ỦY XÃ ẲNG NƯA", "*"]
    assert "Số 25-QĐ/ĐU" in texts
    start = texts.index("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
    assert texts[start - 2:start] == [
        "Về việc thành lập Tổ công tác kiểm tra việc thực hiện Nghị quyết của Đảng ủy về giảm nghèo năm 2025", ""]
    assert texts[start + 2:start + 4] == ["Xét đề nghị của Văn phòng Đảng ủy xã,", "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH"]
    assert texts[start + 4].startswith("Điều 1. Thành lập Tổ công tác")
    assert "QUYẾT ĐỊNH:" not in texts
    assert texts[-3:] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lò Văn Pánh"]


def test_a_documents_own_wording_wins_over_its_layouts(tmp_path):
    text = (ROOT / "data/vi-du/quyet-dinh-dang-uy-xa.yaml").read_text(encoding="utf-8")
    text += "cau_chu:\n  quyet-dinh: \"{{ tham_quyen_in_hoa }} ĐẢNG ỦY XÃ QUYẾT ĐỊNH:\"\n"
    texts = render_text(text.replace("tham_quyen: BAN THƯỜNG VỤ ĐẢNG ỦY XÃ", "tham_quyen: BAN THƯỜNG VỤ"), tmp_path)
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH:" in texts


def test_a_party_decisions_attached_document_has_the_party_header(tmp_path):
    text = (ROOT / "data/vi-du/quyet-dinh-dang-uy-xa.yaml").read_text(encoding="utf-8")
    start, end = text.index("dieu:\n"), text.index("noi_nhan:\n")
    text = text[:start] + ("ban_hanh:\n  loai: Quy chế\n  trich_yeu: Làm việc của Tổ công tác\n  noi_dung:\n"
                           "    - Tổ công tác làm việc theo chế độ tập thể./.\n") + text[end:]
    output = tmp_path / "qd.docx"
    source = tmp_path / "qd.yaml"
    source.write_text(text, encoding="utf-8")
    api.render(source, output)
    paras = [p for p in docx_paragraphs(output) if p.text or p.para.style_id == "KHNgatTrang"]
    start = next(i for i, p in enumerate(paras) if p.para.style_id == "KHNgatTrang")
    assert [p.text for p in paras[start + 1:]] == [
        "ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ĐẢNG ỦY XÃ ẲNG NƯA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "QUY CHẾ",
        "Làm việc của Tổ công tác",
        "(Ban hành kèm theo Quyết định số 25-QĐ/ĐU ngày 10 tháng 3 năm 2025 của Đảng ủy xã Ẳng Nưa)",
        "Tổ công tác làm việc theo chế độ tập thể./."]
    [report] = api.check([output])
    assert [str(p) for p in report.problems if p.severity is Severity.ERROR] == []


def test_the_minimal_files_the_readme_shows_for_the_kinds_render_and_check_clean(tmp_path):
    """The README's section on the kinds shows a minimal data file for a kind and what it renders: keep it true."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Các loại văn bản", 1)[1].split("\n### ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```yaml\n")[1:]]
    complete = [b for b in blocks if b.startswith("loai:") and "co_quan:" in b]
    assert len(complete) >= 2
    for index, block in enumerate(complete):
        source = tmp_path / f"readme-{index}.yaml"
        source.write_text(block, encoding="utf-8")
        output = tmp_path / f"readme-{index}.docx"
        result = api.render(source, output)
        assert not result.errors, block
        [report] = api.check([output])
        assert [str(p) for p in report.problems if p.severity is Severity.ERROR] == [], block
    party = [p.text for p in docx_paragraphs(tmp_path / f"readme-{len(complete) - 1}.docx")]
    shown = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "Xét đề nghị của Văn phòng Đảng ủy xã,",
             "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH"]
    start = party.index(shown[0])
    assert party[start:start + 3] == shown


def _shipped_sentences() -> list[str]:
    templates = {t for kind in catalog.all_kinds() for t in kind.sentences.values()}
    templates |= {t for kind in catalog.all_kinds() for own in kind.by_layout.values() for t in own.values()}
    templates |= {t for kind in catalog.all_kinds() for made in kind.derived for t in made.sentences.values()}
    return sorted(templates)


@pytest.mark.parametrize("extra", ["", "\n", " {{ loai }}\n\n", " {{ khong_co }}", "{% if loai %}x{% endif %}",
                                   "{{loai}}", " {{ loai | upper }}", " { } {#", "\r\n{{ loai }}"])
def test_a_sentence_filled_without_jinja_is_what_jinja_makes_of_it(extra):
    """A sentence that only places names is filled without Jinja (kehoach.kinds.sentences): for every sentence the
    kinds ship, and for the edges of what counts as plain, the text is Jinja's to the character (or Jinja's error)."""
    from kehoach.errors import SentenceError
    from kehoach.kinds import sentences, wording
    from kehoach.kinds.sentences import render_sentence

    loaded = read_plan_text((ROOT / "data/vi-du/to-trinh.yaml").read_text(encoding="utf-8"), "to-trinh.yaml")
    names = {**wording.names_of(loaded.plan, loaded.refs), "nam_cu": "2024", "nam_moi": "2025", "loai": "Tờ trình"}
    plain = 0
    for template in [t + extra for t in _shipped_sentences()]:
        try:
            jinja = sentences._compiled(template).render(**names)
        except Exception:  # noqa: BLE001 - then ours must fail too, with kehoach's message
            with pytest.raises(SentenceError):
                render_sentence(template, names)
            continue
        assert render_sentence(template, names) == jinja, template
        plain += bool(sentences._PLAIN.fullmatch(template))
    assert plain > (20 if extra in ("", "\n", " {{ loai }}\n\n", "{{loai}}") else -1)


def test_a_kind_is_found_by_its_file_and_the_same_as_in_the_list():
    """find() reads the file named by the kind's name first (a check reads one kind's file, not all eight), and
    gives the very object all_kinds() lists; a name that is no file's, or is not one of a plain file, is looked
    for among them all."""
    from kehoach.kinds import catalog

    for kind in catalog.all_kinds():
        assert catalog._file_id(catalog._key(kind.name)) == kind.id
        assert catalog.find(kind.name) is kind and catalog.find(kind.name.upper()) is kind
    assert [catalog._file_id(name) for name in ("../../etc/passwd", "a/b", "tờ  trình", "")] == [
        None, None, "to-trinh", None]
    assert catalog.find("Chương trình") is None and catalog.find("../ke-hoach") is None


def test_the_article_label_and_the_archive_line_are_sentences_a_document_rewords(tmp_path):
    """«Điều 1.» (nhan-dieu, with its own name {{ n }}) and «- Lưu: VT, ….» (dong-luu, with {{ noi_luu }}) are sentences
    of data/kinds/_chung.yaml: as shipped they write what the decree draws, and a document's `cau_chu` rewords each."""
    text = (ROOT / "data/vi-du/quyet-dinh.yaml").read_text(encoding="utf-8")
    texts = render_text(text, tmp_path)
    assert [t[:12] for t in texts if t.startswith("Điều ")] == ["Điều 1. Ban ", "Điều 2. Quyế", "Điều 3. Chán"]
    assert texts[texts.index("Nơi nhận:") + 1:texts.index("Nơi nhận:") + 6] == [
        "- Như Điều 3;", "- Bộ Nội vụ;", "- TT. Tỉnh ủy;", "- TT. HĐND tỉnh;", "- Lưu: VT, VP."]
    text += "cau_chu:\n  nhan-dieu: \"Điều thứ {{ n }}:\"\n  dong-luu: Lưu tại Văn thư ({{ noi_luu }})\n"
    texts = render_text(text, tmp_path)
    assert [t[:15] for t in texts if t.startswith("Điều ")] == ["Điều thứ 1: Ban", "Điều thứ 2: Quy", "Điều thứ 3: Chá"]
    assert "- Lưu tại Văn thư (VT, VP)." in texts and "- Lưu: VT, VP." not in texts


def test_a_plans_archive_line_and_a_blocks_articles_are_reworded_where_they_are_written(tmp_path):
    plan = (ROOT / "data/vi-du-bo-van-ban.yaml").read_text(encoding="utf-8")
    plan = plan.replace("quyet_dinh:\n", "quyet_dinh:\n  cau_chu:\n    nhan-dieu: \"Điều {{ n }} -\"\n", 1)
    source = tmp_path / "ke-hoach.yaml"
    source.write_text(plan + "cau_chu:\n  dong-luu: \"Lưu VT ({{ noi_luu }})\"\n", encoding="utf-8")
    api.render(source, tmp_path / "ke-hoach.docx")
    api.render(source, tmp_path / "quyet-dinh.docx", doc="quyet-dinh")
    texts = [p.text for p in docx_paragraphs(tmp_path / "ke-hoach.docx")]
    decision = [p.text for p in docx_paragraphs(tmp_path / "quyet-dinh.docx")]
    assert [t for t in texts if "Lưu" in t] == ["- Lưu VT (VT, LĐTBXH)."]
    assert [t[:9] for t in decision if t.startswith("Điều ")] == ["Điều 1 - ", "Điều 2 - ", "Điều 3 - "]
    assert [t for t in decision if "Lưu" in t] == ["- Lưu: VT, LĐTBXH."]  # the plan's wording is the plan's own


def test_an_archive_line_copied_as_written_is_worded_by_the_same_sentence(tmp_path):
    text = (ROOT / "data/vi-du/quyet-dinh.yaml").read_text(encoding="utf-8")
    text = text.replace("  luu: vp\n", "  luu: []\n  luu_ghi: VTVP.\n")
    assert "- Lưu: VTVP." in render_text(text, tmp_path)
    texts = render_text(text + "cau_chu:\n  dong-luu: \"Lưu {{ noi_luu }}\"\n", tmp_path)
    assert "- Lưu VTVP." in texts


@pytest.mark.parametrize(("name", "sentence", "message"), [
    ("dieu-2", "Thi hành từ Điều {{ n }}.", "mẫu câu dùng tên không có: n; các tên dùng được: co_quan, loai,"),
    ("nhan-dieu", "Điều {{ noi_luu }}.", "mẫu câu dùng tên không có: noi_luu; các tên dùng được: co_quan,"),
    ("dong-luu", "Lưu: {{ n }}", "mẫu câu dùng tên không có: n; các tên dùng được: co_quan, loai,"),
])
def test_a_sentences_own_name_is_refused_in_another_sentence(name, sentence, message):
    text = (ROOT / "data/vi-du/quyet-dinh.yaml").read_text(encoding="utf-8") + f"cau_chu:\n  {name}: \"{sentence}\"\n"
    with pytest.raises(InputErrors) as info:
        read_plan_text(text, "quyet-dinh.yaml")
    [error] = info.value.errors
    assert message in str(error) and str(error).startswith(f"quyet-dinh.yaml:{text.count(chr(10))}:")


def test_own_names_are_listed_for_their_sentence_and_filled_when_the_file_is_read():
    """check, not only render, finds a label that fails with the values it is filled with: {{ n }} is text."""
    text = (ROOT / "data/vi-du/quyet-dinh.yaml").read_text(encoding="utf-8")
    with pytest.raises(InputErrors) as info:
        read_plan_text(text + "cau_chu:\n  nhan-dieu: \"Điều {{ n + 1 }}.\"\n", "quyet-dinh.yaml")
    [error] = info.value.errors
    assert "không ghép được câu từ mẫu «Điều {{ n + 1 }}.»: mẫu tính toán trên chữ như trên số" in str(error)
    with pytest.raises(InputErrors) as info:
        read_plan_text(text + "cau_chu:\n  nhan-dieu: \"Điều {{ so }}.\"\n", "quyet-dinh.yaml")
    assert str(info.value.errors[0]).endswith("hieu_luc, n")  # the names it may use end with its own
