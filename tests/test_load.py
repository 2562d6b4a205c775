"""Tests of the hardened YAML loader: values, positions, refusals and their Vietnamese messages."""

from __future__ import annotations

import random
import unicodedata

import pytest
import yaml

import kehoach.source.load
from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.source.load import MAX_BYTES, MAX_DEPTH, LoadedYaml, Position, load_yaml_file, load_yaml_text

ANCHOR_MSG = "không dùng neo/bí danh (&, *) trong tệp kế hoạch; hãy viết đầy đủ giá trị"
DEPTH_MSG = "dữ liệu lồng nhau quá sâu (hơn 64 tầng); hãy kiểm tra lại dấu ngoặc và thụt lề"
EXTRA_MSG = (
    "lỗi cú pháp YAML: phần thừa sau khi giá trị trước đã kết thúc; hãy kiểm tra dấu ngoặc, dòng «...» và thụt lề ở đây"
)
UTF16_MSG = "tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8"


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Run a test with libyaml and with the pure-Python fallback: their error texts differ."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(kehoach.source.load, "_LOADER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(kehoach.source.load, "_LOADER", yaml.SafeLoader)
    return request.param


def refused(text: str, source: str = "kh.yaml") -> InputError:
    with pytest.raises(InputError) as info:
        load_yaml_text(text, source)
    assert unicodedata.is_normalized("NFC", info.value.message)
    return info.value


def refused_file(path, display: str | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        load_yaml_file(path, display)
    assert unicodedata.is_normalized("NFC", info.value.message)
    return info.value


DOC = """\
ke_hoach:
  tên: "Kế hoạch"
  đơn_vị: Ủy ban xã Mường Ảng
  muc:
    - noi_dung: Tập huấn
      ngay: 2024-01-05
    - [a, 05]
  rỗng:
"""


@pytest.fixture
def loaded() -> LoadedYaml:
    return load_yaml_text(DOC, "kh.yaml")


def test_data(loaded):
    assert loaded.source == "kh.yaml"
    assert loaded.data == {
        "ke_hoach": {
            "tên": "Kế hoạch",
            "đơn_vị": "Ủy ban xã Mường Ảng",
            "muc": [{"noi_dung": "Tập huấn", "ngay": "2024-01-05"}, ["a", "05"]],
            "rỗng": None,
        }
    }


def test_value_positions(parser):
    loaded = load_yaml_text(DOC, "kh.yaml")
    assert loaded.values == {
        (): Position(1, 1),
        ("ke_hoach",): Position(2, 3),
        ("ke_hoach", "tên"): Position(2, 8),
        ("ke_hoach", "đơn_vị"): Position(3, 11),  # columns count characters, not UTF-8 bytes
        ("ke_hoach", "muc"): Position(5, 5),
        ("ke_hoach", "muc", 0): Position(5, 7),
        ("ke_hoach", "muc", 0, "noi_dung"): Position(5, 17),
        ("ke_hoach", "muc", 0, "ngay"): Position(6, 13),
        ("ke_hoach", "muc", 1): Position(7, 7),
        ("ke_hoach", "muc", 1, 0): Position(7, 8),
        ("ke_hoach", "muc", 1, 1): Position(7, 11),
        ("ke_hoach", "rỗng"): Position(8, 8),
    }


def test_key_positions(parser):
    loaded = load_yaml_text(DOC, "kh.yaml")
    assert loaded.keys == {
        ("ke_hoach",): Position(1, 1),
        ("ke_hoach", "tên"): Position(2, 3),
        ("ke_hoach", "đơn_vị"): Position(3, 3),
        ("ke_hoach", "muc"): Position(4, 3),
        ("ke_hoach", "muc", 0, "noi_dung"): Position(5, 7),
        ("ke_hoach", "muc", 0, "ngay"): Position(6, 7),
        ("ke_hoach", "rỗng"): Position(8, 3),
    }


def test_where(loaded):
    assert loaded.where(("ke_hoach", "muc", 0, "ngay")) == Location("kh.yaml", 6, 13)
    # Unknown tail: the longest known prefix.
    assert loaded.where(("ke_hoach", "muc", 0, "không_có", 3)) == Location("kh.yaml", 5, 7)
    assert loaded.where(("khác",)) == Location("kh.yaml", 1, 1)
    assert loaded.where(()) == Location("kh.yaml", 1, 1)
    assert loaded.key_where(("ke_hoach", "muc", 0, "ngay")) == Location("kh.yaml", 6, 7)
    # No key for a list item: falls back to the value.
    assert loaded.key_where(("ke_hoach", "muc", 1)) == Location("kh.yaml", 7, 7)
    assert str(loaded.where(("ke_hoach", "tên"))) == "kh.yaml:2:8"


def test_where_on_empty_document():
    empty = load_yaml_text("", "kh.yaml")
    assert (empty.data, empty.values, empty.keys) == (None, {}, {})
    assert empty.where(("a",)) == Location("kh.yaml")


@pytest.mark.parametrize("text", ["", "# chỉ có ghi chú\n", "---\n", "\n\n"])
def test_empty_files_give_none(text):
    assert load_yaml_text(text, "kh.yaml").data is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("8:30", "8:30"),
        ("05", "05"),
        ("-05", "-05"),
        ("0", 0),
        ("-0", 0),
        ("2024", 2024),
        ("-3", -3),
        ("+7", 7),
        ("1.5", "1.5"),
        ("1e3", "1e3"),
        ("1_000", "1_000"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("2024-01-05", "2024-01-05"),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("nULL", "nULL"),
        ("", None),
        ("true", True),
        ("True", True),
        ("FALSE", False),
        ("tRuE", True),
        ('"true"', "true"),
        ("'05'", "05"),
        ('"2024"', "2024"),
        ('"~"', "~"),
        ("''", ""),
        ("Mường Ảng", "Mường Ảng"),
        ("|\n  dòng 1\n  dòng 2", "dòng 1\ndòng 2\n"),
    ],
)
def test_scalar_resolution(written, expected):
    value = load_yaml_text(f"v: {written}\n", "kh.yaml").data["v"]
    assert value == expected
    assert type(value) is type(expected)  # True == 1, so check the type too


def test_keys_are_strings_as_written():
    data = load_yaml_text("2024: a\ntrue: b\n05: c\n~: d\n'x': e\n", "kh.yaml").data
    assert data == {"2024": "a", "true": "b", "05": "c", "~": "d", "x": "e"}


def test_huge_integer_is_refused_not_crashing():
    error = refused("a: 1\nb: " + "9" * 5000 + "\n")
    assert error.message == "số quá dài; nếu đây là chữ, hãy đặt nó trong ngoặc kép"
    assert error.location == Location("kh.yaml", 2, 4)


def test_duplicate_key(parser):
    error = refused("ke_hoach:\n  tên: A\n  số: 1\n  tên: B\n")
    assert error.message == "khóa «tên» bị lặp lại (đã có ở dòng 2); mỗi khóa chỉ được viết một lần"
    assert error.location == Location("kh.yaml", 4, 3)
    assert str(error) == "kh.yaml:4:3: khóa «tên» bị lặp lại (đã có ở dòng 2); mỗi khóa chỉ được viết một lần"


def test_a_list_item_missing_its_dash_is_not_called_a_repeated_key(parser):
    error = refused("can_cu:\n  - van_ban: a\n    van_ban: b\n  - van_ban: c\n")
    assert str(error) == ("kh.yaml:3:5: khóa «van_ban» lặp lại trong cùng một phần tử danh sách (đã có ở dòng 2); "
                          "nếu dòng này là phần tử mới, hãy thêm dấu «- » ở đầu, thẳng hàng với dấu «- » của dòng 2")


@pytest.mark.parametrize(
    ("text", "line", "column", "written"),
    [
        ("so: 1\ntrich_yeu:Phòng chống thiên tai\n", 2, 11, "trich_yeu: Phòng chống thiên ta…"),
        ("co_quan:\n  ten:ABC\n  viet_tat: X\n", 2, 7, "ten: ABC"),
        ("a: 1\nb:2\nc: 3\n", 2, 3, "b: 2"),
    ],
)
def test_a_key_glued_to_its_value_is_a_missing_space_not_a_missing_colon(text, line, column, written, parser):
    error = refused(text)
    key = written.split(":")[0]
    assert str(error) == (f"kh.yaml:{line}:{column}: lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm của khóa «{key}»; "
                          f"hãy viết «{written}» (giá trị có dấu hai chấm thì đặt trong ngoặc kép)")
    assert error.rule == "yaml-syntax"


def test_duplicate_key_after_conversion():
    error = refused('2024: a\n"2024": b\n')
    assert error.message == "khóa «2024» bị lặp lại (đã có ở dòng 1); mỗi khóa chỉ được viết một lần"
    assert error.location == Location("kh.yaml", 2, 1)


def test_same_key_in_different_mappings_is_fine():
    assert load_yaml_text("a: {x: 1}\nb: {x: 2}\n", "kh.yaml").data == {"a": {"x": 1}, "b": {"x": 2}}


def test_non_scalar_key():
    error = refused("a: 1\n[x, y]: 2\n")
    assert error.message == "khóa phải là một tên đơn giản, không được là danh sách hay nhóm khóa"
    assert error.location == Location("kh.yaml", 2, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a: &x 1\nb: 2\n", 1, 4),
        ("a: 1\nb: *x\n", 2, 4),
        ("a:\n  - &m\n    b: 1\n", 2, 5),
        ("a: 1\nb: [1, *x]\n", 2, 8),
    ],
)
def test_anchor_and_alias_refused(text, line, column, parser):
    error = refused(text)
    assert error.message == ANCHOR_MSG
    assert error.location == Location("kh.yaml", line, column)


@pytest.mark.parametrize(
    ("text", "tag", "line", "column"),
    [
        ("a: !!python/object/apply:os.system [echo hi]\n", "!!python/object/apply:os.system", 1, 4),
        ("a: 1\nb: !foo x\n", "!foo", 2, 4),
        ("a: 1\nb: !!str 5\n", "!!str", 2, 4),
        ("a: !!map\n  b: 1\n", "!!map", 1, 4),
        ("a: ! 5\n", "!", 1, 4),
    ],
)
def test_tags_refused(text, tag, line, column, parser):
    error = refused(text)
    assert error.message == (
        f"không dùng thẻ kiểu «{tag}» trong tệp kế hoạch; hãy bỏ thẻ"
        " (nếu muốn giữ giá trị dạng chữ, hãy đặt nó trong ngoặc kép)"
    )
    assert error.location == Location("kh.yaml", line, column)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        (
            "tên: A\ngiờ: họp lúc 8: 30\n",
            "lỗi cú pháp YAML: dấu hai chấm (:) không đúng chỗ; nếu giá trị có dấu hai chấm,"
            " hãy đặt nó trong ngoặc kép",
            2,
            15,
        ),
        ('a: 1\nb: "abc\nc: 2\n', "lỗi cú pháp YAML: thiếu dấu \" đóng cho giá trị mở bằng \" ở đây", 2, 4),
        ("a: 1\nb: 'abc\n", "lỗi cú pháp YAML: thiếu dấu ' đóng cho giá trị mở bằng ' ở đây", 2, 4),
        (
            "a: 1\nb\nc: 2\n",
            "lỗi cú pháp YAML: thiếu dấu hai chấm (:) sau tên khóa; mỗi dòng phải có dạng «khóa: giá trị»",
            2,
            1,
        ),
        (
            "a:\n    b: 1\n  c: 2\n",
            "lỗi cú pháp YAML: thụt lề không đúng: dòng này không thẳng hàng với các dòng cùng cấp;"
            " hãy kiểm tra số dấu cách đầu dòng",
            3,
            3,
        ),
        ("a: [1, 2\nb: 3\n", "lỗi cú pháp YAML: thiếu dấu phẩy hoặc dấu đóng «]» cho ngoặc mở ở dòng 1", 2, 2),
        (
            "a: @x\n",
            "lỗi cú pháp YAML: ký tự «@» không được đứng đầu một giá trị; hãy đặt cả giá trị trong ngoặc kép",
            1,
            4,
        ),
        (
            "%YAML 2.0\n---\na: 1\n",
            "lỗi cú pháp YAML: chỉ dùng được YAML phiên bản 1.x; hãy bỏ dòng «%YAML» ở đầu tệp",
            1,
            1,
        ),
        ("a: 1\n...\nb: 2\n", EXTRA_MSG, 3, 1),
        ('a: 1\nb: "x" y\n', EXTRA_MSG, 2, 8),
        ("a: [x] y\n", EXTRA_MSG, 1, 8),
        ('"x" y\n', EXTRA_MSG, 1, 5),
        ("[a, b]\nc: 1\n", EXTRA_MSG, 2, 1),
    ],
)
def test_syntax_errors(text, message, line, column, parser):
    error = refused(text)
    assert error.message == message
    assert error.location == Location("kh.yaml", line, column)


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("b: 1\na: [\n", "thiếu giá trị hoặc dấu đóng ngoặc cho ngoặc mở «[» ở dòng 2", 3, 1),
        ("a: {b: 1,\n", "thiếu giá trị hoặc dấu đóng ngoặc cho ngoặc mở «{» ở dòng 1", 2, 1),
        ("a: |x\n  b\n", "sau dấu | hoặc > chỉ được ghi dấu +, - hoặc một chữ số; hãy đưa phần còn lại xuống dòng "
         "dưới, hoặc đặt cả giá trị trong ngoặc kép", 1, 5),
        ("a: *\n", "dấu & hoặc * không được đứng đầu một giá trị; hãy đặt cả giá trị trong ngoặc kép", 1, 5),
        ("%FOO\na: 1\n", "dòng bắt đầu bằng dấu % không dùng được trong tệp kế hoạch; hãy xóa dòng này", 1, 5),
    ],
)
def test_more_syntax_errors_in_vietnamese(text, message, line, column):
    error = refused(text)
    assert (error.message, error.location) == (f"lỗi cú pháp YAML: {message}", Location("kh.yaml", line, column))


def test_untranslated_problem_keeps_the_english(parser):
    error = refused("a: 1\nb: !x!foo 1\n")
    assert error.message.startswith("lỗi cú pháp YAML (found undefined tag handle")
    assert error.message.endswith(")")
    assert error.location == Location("kh.yaml", 2, 4)


@pytest.mark.parametrize(("text", "line"), [("a:\n\tb: 1\n", 2), ("a:\n  b: 1\n\t c: 2\n", 3)])
def test_tab_indentation(text, line, parser):
    error = refused(text)
    assert error.message == "lỗi cú pháp YAML: không dùng phím Tab để thụt lề; hãy dùng dấu cách"
    assert error.location == Location("kh.yaml", line, 1)


@pytest.mark.parametrize(
    ("char", "code"), [("\x0b", "U+000B"), ("\x00", "U+0000"), ("\x7f", "U+007F"), ("\ud800", "U+D800")]
)
def test_control_character(char, code):
    error = refused(f"a: 1\ntên: Mường{char}Ảng\n")
    assert error.message == (
        f"có ký tự điều khiển {code} (không nhìn thấy được, thường do sao chép từ Word hay PDF); hãy xóa ký tự này"
    )
    assert error.location == Location("kh.yaml", 2, 11)


def test_multiple_documents(parser):
    error = refused("a: 1\n---\nb: 2\n")
    assert error.message == (
        "tệp kế hoạch chỉ được chứa một tài liệu YAML; hãy bỏ dòng «---» này và phần sau nó"
        " (hoặc tách thành tệp riêng)"
    )
    assert error.location == Location("kh.yaml", 2, 1)


def test_one_explicit_document_is_fine():
    assert load_yaml_text("---\na: 1\n...\n", "kh.yaml").data == {"a": 1}


def alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, current in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{current}: &{current} [" + ",".join(["*" + previous] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_refused(parser):
    bomb = alias_bomb()
    assert len(bomb.encode()) == 342
    error = refused(bomb)
    assert error.message == ANCHOR_MSG
    assert error.location == Location("kh.yaml", 1, 4)


def test_depth_limit_boundary():
    deep_enough = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    data = load_yaml_text(deep_enough, "kh.yaml").data
    for _ in range(MAX_DEPTH - 1):
        data = data[0]
    assert data == []
    error = refused("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert error.message == DEPTH_MSG
    assert error.location == Location("kh.yaml", 1, 65)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[" * 10_000 + "]" * 10_000, 1, 65),
        ("[" * 10_000, 1, 65),  # never closed
        ("{a: " * 10_000 + "}" * 10_000, 1, 257),
        ("- " * 10_000 + "x\n", 1, 129),
        ("".join(" " * i + "a:\n" for i in range(10_000)), 65, 65),  # block mapping, 10,000 deep
    ],
    ids=["flow-sequence", "unclosed", "flow-mapping", "block-sequence", "block-mapping"],
)
def test_very_deep_nesting_is_refused_cleanly(text, line, column, parser):
    error = refused(text)
    assert error.message == DEPTH_MSG
    assert error.location == Location("kh.yaml", line, column)


# --- files -------------------------------------------------------------------------------------


def test_file_loads_with_display_name(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_text(DOC, encoding="utf-8")
    loaded = load_yaml_file(path, display="kh.yaml")
    assert loaded.source == "kh.yaml"
    assert loaded.data["ke_hoach"]["muc"][1] == ["a", "05"]
    assert loaded.where(("ke_hoach", "rỗng")) == Location("kh.yaml", 8, 8)
    assert load_yaml_file(path).source == str(path)


def test_one_megabyte_single_line_loads(tmp_path):
    path = tmp_path / "dai.yaml"
    path.write_text("ghi_chu: " + "ệ" * 350_000 + "\n", encoding="utf-8")  # ≈ 1 MB on one line
    assert path.stat().st_size > 1_000_000
    assert load_yaml_file(path).data == {"ghi_chu": "ệ" * 350_000}


def test_size_limit(tmp_path):
    path = tmp_path / "lon.yaml"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: refused from its size, never read
    error = refused_file(path, "lon.yaml")
    assert error.message == "tệp quá lớn (2.097.153 byte); tệp kế hoạch chỉ vài KB, giới hạn là 2 MB"
    assert error.location == Location("lon.yaml")


def test_exactly_max_bytes_is_accepted(tmp_path):
    path = tmp_path / "vua.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 4) + b"\n")
    assert len(load_yaml_file(path).data["a"]) == MAX_BYTES - 4


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file(tmp_path, encoding):
    path = tmp_path / "kh.yaml"
    path.write_bytes("tên: Mường Ảng\n".encode(encoding))
    error = refused_file(path, "kh.yaml")
    assert error.message == UTF16_MSG
    assert error.location == Location("kh.yaml")


def test_utf32_file(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_bytes("tên: Mường Ảng\n".encode("utf-32"))
    assert refused_file(path, "kh.yaml").message == "tệp được lưu dạng UTF-32; hãy lưu lại dạng UTF-8"


def test_windows_1258_file(tmp_path):
    path = tmp_path / "kh.yaml"
    # Windows-1258 writes tones as combining marks: "Mường Ảng" is M ư ơ+grave n g A+hook n g.
    legacy = "Mư" + "ơ\u0300" + "ng " + "A\u0309ng"
    assert unicodedata.normalize("NFC", legacy) == "Mường Ảng"
    path.write_bytes(b"ten: UBND\ndon_vi: " + legacy.encode("cp1258") + b"\n")
    error = refused_file(path, "kh.yaml")
    assert error.message == (
        "tệp không được lưu dạng UTF-8 (gặp byte 0xFD; có thể là Windows-1258 hoặc TCVN3);"
        " hãy mở tệp và lưu lại dạng UTF-8"
    )
    assert error.location == Location("kh.yaml", 2, 10)


def test_invalid_utf8_column_counts_characters(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_bytes("tên: Ủy ban ".encode() + b"\xe0\n")
    assert refused_file(path, "kh.yaml").location == Location("kh.yaml", 1, 13)


def test_binary_file(tmp_path):
    path = tmp_path / "anh.yaml"
    path.write_bytes(random.Random(30).randbytes(4096) + b"\x00")
    error = refused_file(path, "anh.yaml")
    assert error.message == "tệp không phải văn bản YAML (có byte 0); hãy chỉ ra đúng tệp kế hoạch .yaml"
    assert error.location == Location("anh.yaml")


def test_missing_file(tmp_path):
    error = refused_file(tmp_path / "khong_co.yaml", "khong_co.yaml")
    assert error.message == "không tìm thấy tệp «khong_co.yaml»; kiểm tra lại đường dẫn"
    assert error.location == Location("khong_co.yaml")
    assert str(error) == "khong_co.yaml: không tìm thấy tệp «khong_co.yaml»; kiểm tra lại đường dẫn"


def test_directory(tmp_path):
    error = refused_file(tmp_path, "thu_muc")
    assert error.message == "«thu_muc» là một thư mục, không phải tệp; hãy chỉ ra tệp kế hoạch .yaml"
    assert error.location == Location("thu_muc")


def test_utf8_bom_accepted(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + "tên: Mường Ảng\nsố: 05\n".encode())
    loaded = load_yaml_file(path, "kh.yaml")
    assert loaded.data == {"tên": "Mường Ảng", "số": "05"}
    assert loaded.keys[("tên",)] == Position(1, 1)
    assert loaded.values[("tên",)] == Position(1, 6)


def test_errors_inside_file_carry_the_display_name(tmp_path):
    path = tmp_path / "kh.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    assert str(refused_file(path, "ke-hoach.yaml")).startswith("ke-hoach.yaml:2:1: khóa «a» bị lặp lại")
