"""Citations as real documents write them: dates in figures or words, laws by name, several documents in
one basis, the short and full forms of [[mã]], and Party symbols checked by their own rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach.conventions import citations
from kehoach.model.plan import CitedDocument
from kehoach.render.context import build_context

sys.path.insert(0, str(Path(__file__).parent / "rules"))
from helpers import BASE, edit, findings, position_of  # noqa: E402


def doc(**fields) -> CitedDocument:
    return CitedDocument.model_validate(fields)


ND07 = dict(loai="Nghị định", so="07/2021/NĐ-CP", ngay="27/01/2021", co_quan="Chính phủ",
            trich_yeu="quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025")


def test_the_date_in_figures_or_in_words_with_the_zero_rule_in_both():
    assert citations.cite(doc(**ND07)) == ("Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định chuẩn"
                                           " nghèo đa chiều giai đoạn 2021 - 2025")
    words = doc(**ND07, kieu_ngay="chu")
    assert citations.cite(words).startswith("Nghị định số 07/2021/NĐ-CP ngày 27 tháng 01 năm 2021 của Chính phủ")
    assert citations.cite(doc(**ND07), style="chu").startswith("Nghị định số 07/2021/NĐ-CP ngày 27 tháng 01 năm 2021")
    july = doc(loai="Quyết định", so="24/2021/QĐ-TTg", ngay="16/07/2021", kieu_ngay="chu")
    assert citations.cite(july) == "Quyết định số 24/2021/QĐ-TTg ngày 16 tháng 7 năm 2021"


def test_laws_and_codes_by_name_with_year_date_passing_body_or_number():
    assert citations.cite(doc(loai="Bộ luật", trich_yeu="Lao động", nam=2012)) == "Bộ luật Lao động năm 2012"
    assert citations.cite(doc(loai="Luật", trich_yeu="Tổ chức chính quyền địa phương", ngay="19/6/2015",
                              thong_qua="Quốc hội")) == ("Luật Tổ chức chính quyền địa phương được Quốc hội thông qua"
                                                         " ngày 19 tháng 6 năm 2015")
    assert citations.cite(doc(loai="Luật", trich_yeu="Tổ chức chính quyền địa phương", ngay="19/6/2015",
                              kieu_ngay="so")) == "Luật Tổ chức chính quyền địa phương ngày 19/6/2015"
    assert citations.cite(doc(loai="Luật", trich_yeu="Ban hành văn bản quy phạm pháp luật", so="80/2015/QH13",
                              ngay="22/6/2015")) == ("Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22"
                                                     " tháng 6 năm 2015")
    amending = doc(loai="Luật", trich_yeu="sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức"
                   " chính quyền địa phương", ngay="22/11/2019", thong_qua="Quốc hội")
    assert citations.cite(amending, citations.SHORT) == ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ"
                                                         " và Luật Tổ chức chính quyền địa phương")


def test_a_date_and_a_pattern_kept_as_the_original_prints_them():
    party = doc(loai="quyết định", so="289-QĐ/TU", ngay="27/5/2016", ngay_ghi="27/05/2016",
                co_quan="Ban chấp hành Đảng bộ Tỉnh khóa XVIII", trich_yeu="ban hành chương trình giảm nghèo",
                mau="{loai} số: {so} ngày {ngay} của {co_quan} {trich_yeu}")
    assert citations.cite(party) == ("quyết định số: 289-QĐ/TU ngày 27/05/2016 của Ban chấp hành Đảng bộ Tỉnh khóa"
                                     " XVIII ban hành chương trình giảm nghèo")
    assert citations.cite(party, citations.SHORT) == "quyết định số 289-QĐ/TU ngày 27/05/2016"


def test_one_basis_citing_several_documents_and_a_basis_followed_by_the_preamble():
    text = edit(BASE, "  - van_ban: luat-pctt\n  - van_ban: nd-66\n  - van_ban: kh-20-huyen\n",
                "  - van_ban: [luat-pctt, nd-66]\n    kieu_ngay: so\n  - van_ban: kh-20-huyen\n    mo_dau: Thực hiện\n"
                "    dau_cuoi: \",\"\n    tiep: \"UBND xã xây dựng Kế hoạch như sau:\"\n")
    from kehoach.source.plan_file import read_plan_text
    loaded = read_plan_text(text, "ke-hoach.yaml")
    assert build_context(loaded.plan, loaded.refs)["bases"] == [
        "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013; Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ"
        " quy định chi tiết thi hành Luật Phòng, chống thiên tai;",
        "Thực hiện Kế hoạch số 20/KH-UBND ngày 10/02/2025 của UBND huyện Mường Ảng về công tác phòng, chống thiên tai"
        " năm 2025, UBND xã xây dựng Kế hoạch như sau:",
    ]
    assert findings(text, "ref-undefined") == []


def test_an_unknown_document_in_a_list_is_reported_at_its_place():
    text = edit(BASE, "  - van_ban: nd-66\n", "  - van_ban: [nd-66, nd-67]\n")
    line, column = position_of(text, "nd-67]")
    assert findings(text, "ref-undefined") == [(line, column, "dẫn chiếu «nd-67» không trỏ tới văn bản nào; hãy khai"
                                                              " báo mã này trong van_ban (có phải «nd-66»?)")]


@pytest.mark.parametrize(("written", "expected"), [
    ("[[nd-66]]", "Nghị định số 66/2021/NĐ-CP ngày 06/7/2021"),
    ("[[nd-66|ngan]]", "Nghị định số 66/2021/NĐ-CP ngày 06/7/2021"),
    ("[[nd-66|day-du]]", "Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ quy định chi tiết thi hành Luật"
                         " Phòng, chống thiên tai"),
    ("[[luat-pctt]]", "Luật Phòng, chống thiên tai"),
])
def test_a_reference_to_a_document_in_its_short_or_full_form(written, expected):
    from kehoach.source.plan_file import read_plan_text
    text = edit(BASE, "Phát các tin, bài về phòng, chống thiên tai.", f"Phát tin về {written}.")
    loaded = read_plan_text(text, "ke-hoach.yaml")
    body = " ".join(block["text"] for block in build_context(loaded.plan, loaded.refs)["body"])
    assert f"Phát tin về {expected}." in body


def test_an_unknown_form_is_reported():
    text = edit(BASE, "Phát các tin, bài về phòng, chống thiên tai.", "Phát tin về [[nd-66|dai]].")
    line, _ = position_of(text, "[[nd-66|dai]]")
    assert [(found[0], found[2]) for found in findings(text, "ref-undefined")] == [
        (line, "[[nd-66|dai]]: cách ghi «dai» không có; hãy viết [[nd-66]] (loại, số, ngày) hoặc [[nd-66|day-du]]"
               " (thêm cơ quan ban hành và trích yếu)")]


@pytest.mark.parametrize(("kind", "symbol"), [("Chỉ thị", "05-CT/TW"), ("Nghị quyết", "20-NQ/TU"),
                                              ("Quyết định", "289-QĐ/TU"), ("Kết luận", "12-KL/TU"),
                                              ("Văn bản hợp nhất", "1315/VBHN-BLĐTBXH"),
                                              ("Thông báo kết luận", "123-TB/TU")])
def test_party_symbols_and_consolidated_texts_are_correct_as_written(kind, symbol):
    text = edit(BASE, "    loai: Kế hoạch\n    so: 20/KH-UBND\n", f"    loai: {kind}\n    so: {symbol}\n")
    for rule in ("citation-symbol-type", "citation-normative-year", "citation-admin-year"):
        assert findings(text, rule) == [], (rule, symbol)


def test_a_party_symbol_of_the_wrong_type_is_fixed_in_the_partys_form():
    text = edit(BASE, "    loai: Kế hoạch\n    so: 20/KH-UBND\n", "    loai: Chỉ thị\n    so: 20-NQ/TU\n")
    assert [f[2] for f in findings(text, "citation-symbol-type")] == [
        "ký hiệu «20-NQ/TU» ghi «NQ» nhưng chữ viết tắt của Chỉ thị là «CT»; hãy viết «20-CT/TU» hoặc sửa loai"]
