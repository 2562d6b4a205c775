from helpers import BASE, PLAN_2024, edit, findings, line_of, position_of

RULE = "citation-duplicate"
KH_20 = ("  kh-20-huyen:\n    loai: Kế hoạch\n    so: 20/KH-UBND\n    ngay: 10/02/2025\n"
         "    co_quan: UBND huyện Mường Ảng\n    trich_yeu: về công tác phòng, chống thiên tai năm 2025\n")


def _second(so="20/KH-UBND", ngay="10/02/2025", co_quan="UBND huyện Mường Ảng",
            trich_yeu="về công tác phòng, chống thiên tai năm 2025"):
    return KH_20 + (f"  kh-20-lai:\n    loai: Kế hoạch\n    so: {so}\n    ngay: {ngay}\n    co_quan: {co_quan}\n"
                    f"    trich_yeu: {trich_yeu}\n")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_example_plan_passes():
    assert findings(PLAN_2024, RULE) == []


def test_example_plan_with_decision_4438_declared_twice_as_issued():
    # The issued plan cites Quyết định 4438/QĐ-UBND in its bases dated 14/12/2024 and under Kinh phí dated
    # 14/12/2023: declare it the same way, twice, and cite the 2024 one as a basis.
    declared = ("  qd-4438-2023:\n    loai: Quyết định\n    so: 4438/QĐ-UBND\n    ngay: 14/12/2023\n"
                "    co_quan: UBND huyện Mường Ảng\n"
                "    trich_yeu: về việc giao dự toán thu, chi ngân sách địa phương năm 2024\n")
    text = edit(PLAN_2024, declared, declared + declared.replace("qd-4438-2023", "qd-4438-2024")
                .replace("14/12/2023", "14/12/2024"))
    text = edit(text, "  - van_ban: qd-4438-2023\n", "  - van_ban: qd-4438-2024\n")
    first = line_of(text, "  qd-4438-2023:\n")
    line, column = position_of(text, "4438/QĐ-UBND\n    ngay: 14/12/2024")
    assert findings(text, RULE) == [(line, column, f"Quyết định số 4438/QĐ-UBND đã khai báo ở «qd-4438-2023» (dòng "
                                                   f"{first}), với ngày khác (14/12/2023 và 14/12/2024); một văn bản "
                                                   "chỉ khai báo một lần: hãy giữ một mã với ngày, trích yếu đúng và "
                                                   "dẫn chiếu mọi chỗ bằng mã đó")]


def test_same_symbol_written_differently_is_the_same_document():
    text = edit(BASE, KH_20, _second(so="20 / kh-UBND"))
    line, column = position_of(text, "20 / kh-UBND")
    assert findings(text, RULE) == [(line, column, f"Kế hoạch số 20 / kh-UBND đã khai báo ở «kh-20-huyen» (dòng "
                                                   f"{line_of(text, 'kh-20-huyen:')}); hãy bỏ mã «kh-20-lai» và dẫn "
                                                   "chiếu bằng «kh-20-huyen»")]


def test_different_title_and_date():
    text = edit(BASE, KH_20, _second(so="20/KH-UBND ", ngay="11/02/2025", trich_yeu="về phòng, chống thiên tai"))
    line, column = position_of(text, "20/KH-UBND \n")
    assert findings(text, RULE) == [(line, column, f"Kế hoạch số 20/KH-UBND đã khai báo ở «kh-20-huyen» (dòng "
                                                   f"{line_of(text, 'kh-20-huyen:')}), với ngày khác (10/02/2025 và "
                                                   "11/02/2025) và trích yếu khác; một văn bản chỉ khai báo một lần: "
                                                   "hãy giữ một mã với ngày, trích yếu đúng và dẫn chiếu mọi chỗ bằng "
                                                   "mã đó")]


def test_same_symbol_from_another_organ_is_another_document():
    text = edit(BASE, KH_20, _second(co_quan="UBND tỉnh Điện Biên", ngay="05/01/2025"))
    assert findings(text, RULE) == []


def test_same_symbol_of_another_type_is_another_document():
    text = edit(BASE, KH_20, _second().replace("kh-20-lai:\n    loai: Kế hoạch", "kh-20-lai:\n    loai: Báo cáo"))
    assert findings(text, RULE) == []


def test_the_same_law_declared_twice():
    law = "  luat-pctt:\n    loai: Luật\n    trich_yeu: Phòng, chống thiên tai\n    ngay: 19/6/2013\n"
    text = edit(BASE, law, law + law.replace("luat-pctt", "luat-pctt-2013").replace("Phòng, chống", "Phòng,  Chống"))
    line, column = position_of(text, "Phòng,  Chống thiên tai")
    assert findings(text, RULE) == [(line, column, f"Luật Phòng,  Chống thiên tai đã khai báo ở «luat-pctt» (dòng "
                                                   f"{line_of(text, 'luat-pctt:')}); hãy bỏ mã «luat-pctt-2013» và "
                                                   "dẫn chiếu bằng «luat-pctt»")]


def test_laws_of_the_same_name_and_different_dates_are_different_laws():
    law = "  luat-pctt:\n    loai: Luật\n    trich_yeu: Phòng, chống thiên tai\n    ngay: 19/6/2013\n"
    text = edit(BASE, law, law + law.replace("luat-pctt", "luat-pctt-2020").replace("19/6/2013", "17/6/2020"))
    assert findings(text, RULE) == []


def test_the_same_basis_cited_twice():
    text = edit(BASE, "  - van_ban: kh-20-huyen\n", "  - van_ban: kh-20-huyen\n  - van_ban: nd-66\n")
    line = line_of(text, "  - van_ban: kh-20-huyen\n") + 1
    first = line_of(text, "  - van_ban: nd-66\n  - van_ban: kh-20-huyen")
    assert findings(text, RULE) == [(line, 14, f"căn cứ «nd-66» đã ghi ở dòng {first}; hãy bỏ căn cứ lặp lại")]
