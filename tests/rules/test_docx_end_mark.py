from test_docx_context import findings, index_of, replace_text

RULE = "docx-end-mark"
END = "hoàn thành đúng tiến độ kế hoạch đã đề ra./."


def test_the_rendered_plan_ends_with_the_mark(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_full_stop_only(tmp_path, rendered_bytes):
    data = replace_text(rendered_bytes, END, END.removesuffix("/."))
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Trên đây là"), "«Trên đây là Kế hoạch triển khai thực…»: đoạn cuối của nội dung chưa có dấu "
                                        "kết thúc «./.»; các mẫu của Nghị định 30 kết thúc nội dung bằng «./.»")]
