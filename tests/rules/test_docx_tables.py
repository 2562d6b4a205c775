from lxml import etree
from test_docx_context import W, findings, index_of, rewrite

RULE = "docx-tables"
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_the_rendered_plan_uses_two_borderless_tables(tmp_path, rendered_bytes):
    assert findings(tmp_path, rendered_bytes, RULE) == []


def test_a_bordered_header_table(tmp_path, rendered_bytes):
    def change(root):
        borders = next(root.iter(W + "tblBorders"))
        borders.find(W + "insideV").set(W + "val", "single")
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TITLE), f"«{TITLE}»: bảng phần đầu (cơ quan, số; Quốc hiệu, ngày tháng) có đường viền; các "
                                "mẫu của Nghị định 30 dùng bảng không viền (Borders: None)")]


def test_a_cell_border_and_a_bordered_table_style(tmp_path, rendered_bytes):
    def change(root):
        closing = list(root.iter(W + "tbl"))[1]
        cell = next(closing.iter(W + "tcPr"))
        cell.append(etree.fromstring(f'<w:tcBorders xmlns:w="{W[1:-1]}"><w:top w:val="single"/></w:tcBorders>'))
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, "Nơi nhận:"), "«Nơi nhận:»: bảng phần cuối (nơi nhận; chữ ký) có đường viền; các mẫu của Nghị "
                                      "định 30 dùng bảng không viền (Borders: None)")]

    def grid(root):
        header = root.find(W + "body").find(W + "tbl")
        properties = header.find(W + "tblPr")
        properties.remove(properties.find(W + "tblBorders"))
        properties.insert(0, etree.fromstring(f'<w:tblStyle xmlns:w="{W[1:-1]}" w:val="TableGrid"/>'))

    def grid_style(root):
        root.append(etree.fromstring(
            f'<w:style xmlns:w="{W[1:-1]}" w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
            '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
            "</w:tblBorders></w:tblPr></w:style>"))
    data = rewrite(rewrite(rendered_bytes, grid), grid_style, "word/styles.xml")
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TITLE), f"«{TITLE}»: bảng phần đầu (cơ quan, số; Quốc hiệu, ngày tháng) có đường viền; các "
                                "mẫu của Nghị định 30 dùng bảng không viền (Borders: None)")]


def test_three_columns(tmp_path, rendered_bytes):
    def change(root):
        row = next(root.iter(W + "tr"))
        cell = etree.fromstring(etree.tostring(row.findall(W + "tc")[0]))
        for t in cell.iter(W + "t"):
            t.text = ""
        row.append(cell)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TITLE), f"«{TITLE}»: bảng phần đầu (cơ quan, số; Quốc hiệu, ngày tháng) có 3 cột; các mẫu của "
                                "Nghị định 30 dùng bảng 2 cột")]


def test_a_header_typed_outside_any_table(tmp_path, rendered_bytes):
    def change(root):
        body = root.find(W + "body")
        header = body.find(W + "tbl")
        for p in list(header.iter(W + "p")):
            header.addprevious(p)
        body.remove(header)
    data = rewrite(rendered_bytes, change)
    assert findings(tmp_path, data, RULE) == [
        (index_of(data, TITLE), f"«{TITLE}»: phần đầu (cơ quan, số; Quốc hiệu, ngày tháng) không nằm trong bảng; các "
                                "mẫu của Nghị định 30 dùng bảng 2 cột không viền")]
