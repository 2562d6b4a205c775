from helpers import BASE, PLAN_2024, edit, findings, position_of

RULE = "yaml-flow-split"


def test_base_and_example_plans_pass():
    assert findings(BASE, RULE) == [] and findings(PLAN_2024, RULE) == []


def test_a_name_with_a_comma_split_by_a_bracketed_list():
    text = edit(BASE, "gui: [UBND huyện Mường Ảng, ban]", "gui: [UBND huyện Mường Ảng, UBND các huyện, thị xã]")
    line, column = position_of(text, "thị xã]")
    assert findings(text, RULE) == [(line, column, "dấu phẩy trong [ … ] tách «UBND các huyện, thị xã» thành hai phần"
                                                   " tử, «thị xã» thành một mục riêng; nếu đó là một tên, hãy đặt trong"
                                                   " ngoặc kép: \"UBND các huyện, thị xã\"")]


def test_quoted_names_ids_and_block_lists_pass():
    text = edit(BASE, "gui: [UBND huyện Mường Ảng, ban]", "gui: [UBND huyện Mường Ảng, \"UBND các huyện, thị xã\", ban]")
    assert findings(text, RULE) == []
    text = edit(BASE, "gui: [UBND huyện Mường Ảng, ban]", "gui:\n    - UBND huyện Mường Ảng\n    - thị xã")
    assert findings(text, RULE) == []
