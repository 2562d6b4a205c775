from test_docx_context import W, body_paragraphs, findings, index_of, rewrite, run_properties

RULE = "docx-bases"
FIRST = "Căn cứ Quyết định số 90/QĐ-TTg"
LAST = "Căn cứ Quyết định số 1006/QĐ-UBND"


def test_the_rendered_plan_passes(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_upright(tmp_path, rendered_bytes):
    data = run_properties(rendered_bytes, FIRST, '<w:i w:val="0"/>')
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, FIRST), "«Căn cứ Quyết định số 90/QĐ-TTg ngày…»: chữ không nghiêng; Nghị định 30 quy định "
                                "căn cứ in nghiêng")]


def test_a_plan_without_bases_passes(tmp_path, rendered_bytes):
    def change(root):
        for p in body_paragraphs(root):
            for t in p.iter(W + "t"):
                if t.text.startswith("Căn cứ Quyết định") or t.text.startswith("Căn cứ Thông tư"):
                    t.text = "Thực hiện" + t.text[len("Căn cứ"):]
                elif t.text.startswith("Căn cứ Kế hoạch"):
                    t.text = "Theo" + t.text[len("Căn cứ"):]
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == []
