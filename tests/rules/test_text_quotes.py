from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "text-quotes"
STRAIGHT, CURLY = 'ngoặc kép thẳng ("…")', "ngoặc kép cong (“…”)"
GOAL = "          - gach: Nâng cao nhận thức của Nhân dân về phòng, chống thiên tai."
DUTY = '        noi_dung: [Chủ trì theo dõi và báo cáo kết quả.]'


def message(minor: str, major: str, count: int, more: str = "", usage: str = "chủ yếu dùng") -> str:
    return (f"dùng {minor}{more} trong khi kế hoạch {usage} {major} ({count} chỗ); hãy dùng một kiểu ngoặc "
            "kép cho cả kế hoạch")


def test_base_plan_and_example_plan_pass():
    assert findings(BASE, RULE) == []
    assert findings(PLAN_2024, RULE) == []


def test_one_style_throughout_passes_and_yaml_quotes_do_not_count():
    text = edit(BASE, GOAL, GOAL[:-1] + ' "Phòng hơn chống".')
    text = edit(text, DUTY, "        noi_dung: ['Chủ trì, theo dõi \"cả năm\".']")
    assert findings(text, RULE) == []


def test_the_minority_style_is_reported_at_each_of_its_quotes():
    text = edit(BASE, GOAL, GOAL[:-1] + " “Phòng hơn chống” và “Chủ động”.")
    text = edit(text, DUTY, "        noi_dung: ['Chủ trì, theo dõi \"cả năm\".']")
    assert findings(text, RULE) == [(*position_of(text, '"cả'), message(STRAIGHT, CURLY, 2))]


def test_on_a_tie_the_style_used_first_wins():
    text = edit(BASE, GOAL, GOAL[:-1] + " “Phòng hơn chống”.")
    text = edit(text, DUTY, "        noi_dung: ['Chủ trì, theo dõi \"cả năm\".']")
    assert findings(text, RULE) == [(*position_of(text, '"cả'), message(STRAIGHT, CURLY, 1, usage="dùng trước"))]
    text = edit(BASE, GOAL, GOAL[:-1] + " 'Phòng hơn \"chống\"'.")
    text = edit(text, DUTY, "        noi_dung: [Chủ trì “theo dõi”.]")
    assert findings(text, RULE) == [(*position_of(text, "“theo"), message(CURLY, STRAIGHT, 1, usage="dùng trước"))]


def test_within_one_value_the_first_quote_decides_which_style_came_first():
    text = edit(BASE, "ho_ten: Lò Văn Pánh", "ho_ten: 'Lò “Văn” \"Pánh\"'")
    assert findings(text, RULE) == [(*position_of(text, '"Pánh'), message(STRAIGHT, CURLY, 1, usage="dùng trước"))]


def test_in_a_block_value_each_quote_is_reported_where_it_stands():
    text = edit(BASE, GOAL, GOAL[:-1] + " “Phòng” “hơn” “chống”.")
    text = edit(text, "ket_luan: Trên đây là Kế hoạch tuyên truyền",
                'ket_luan: >-\n  Trên đây là "Kế hoạch"\n  "tuyên truyền"')
    assert findings(text, RULE) == [(*position_of(text, '"Kế'), message(STRAIGHT, CURLY, 3)),
                                    (*position_of(text, '"tuyên'), message(STRAIGHT, CURLY, 3))]
