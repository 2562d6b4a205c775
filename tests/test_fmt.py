"""`kehoach fmt`: one layout for every plan file, the same data and the same comments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.source import yaml_roundtrip
from kehoach.errors import InputError
from kehoach.features.fmt import format_text
from kehoach.source.load import load_yaml_text
from support import PLAN_2024, ROOT, invoke


def plan_files() -> list[Path]:
    """Every plan file of the repository that kehoach can read (the corpus also holds broken ones on purpose)."""
    found = []
    for path in [*sorted((ROOT / "data").glob("*.yaml")), ROOT / "tests" / "rules" / "base_plan.yaml",
                 *sorted((ROOT / "tests" / "corpus").glob("*.yaml"))]:
        try:
            load_yaml_text(path.read_text(encoding="utf-8"), str(path))
        except (InputError, UnicodeDecodeError):
            continue
        found.append(path)
    return found


def whole_line_comments(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_formats_to_the_same_data_and_comments_and_stays_formatted(path):
    text = path.read_text(encoding="utf-8")
    once = format_text(text, str(path))
    assert format_text(once, str(path)) == once
    assert load_yaml_text(once, "after").data == load_yaml_text(text, "before").data
    assert whole_line_comments(once) == whole_line_comments(text)
    assert yaml_roundtrip.comments(once) == yaml_roundtrip.comments(text)


def test_the_repository_has_plans_to_format():
    names = {str(p.relative_to(ROOT)) for p in plan_files()}
    assert {"data/plan_2024.yaml", "tests/rules/base_plan.yaml"} <= names


def test_the_example_plan_is_in_the_layout():
    text = PLAN_2024.read_text(encoding="utf-8")
    assert format_text(text, "data/plan_2024.yaml") == text


SCRAMBLED = """\
# Kế hoạch thử: khóa viết lộn thứ tự.

trich_yeu: 'Tuyên truyền phòng, chống thiên tai năm 2025'    # trích yếu
ky:
  ho_ten: Lò Văn Pánh
  quyen_han: [TM. ỦY BAN NHÂN DÂN]
  chuc_vu: CHỦ TỊCH

# Cơ quan ban hành
co_quan:
  dia_danh: Nậm Lịch
  ten: [ỦY BAN NHÂN DÂN, XÃ NẬM LỊCH]
  viet_tat: UBND
noi_dung:
  - id: noi-dung
    muc: Nội dung thực hiện
    noi_dung:
      - hoat_dong: Phát thanh trên hệ thống loa
        thuc_hien:
          - truyen-thanh
        phoi_hop: [ban, "Các đoàn thể, hội"]
        # đơn vị chủ trì
        chu_tri: van-hoa
        noi_dung: Phát các tin, bài về phòng, chống thiên tai trên hệ thống loa truyền thanh của xã và các bản, mỗi tuần hai lần.
      - Một đoạn văn rất dài được viết trên một dòng, dài hơn độ rộng cho phép của tệp kế hoạch, nên phải gấp lại thành khối.
so: 12
ngay: 14/3/2025
"""

FORMATTED = """\
# Kế hoạch thử: khóa viết lộn thứ tự.

# Cơ quan ban hành
co_quan:
  ten:
    - ỦY BAN NHÂN DÂN
    - XÃ NẬM LỊCH
  viet_tat: UBND
  dia_danh: Nậm Lịch
so: 12
ngay: 14/3/2025
trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025  # trích yếu
noi_dung:
  - muc: Nội dung thực hiện
    id: noi-dung
    noi_dung:
      - hoat_dong: Phát thanh trên hệ thống loa
        noi_dung: >-
          Phát các tin, bài về phòng, chống thiên tai trên hệ thống loa truyền thanh của xã và các bản,
          mỗi tuần hai lần.
        # đơn vị chủ trì
        chu_tri: van-hoa
        thuc_hien: [truyen-thanh]
        phoi_hop: [ban, "Các đoàn thể, hội"]
      - >-
        Một đoạn văn rất dài được viết trên một dòng, dài hơn độ rộng cho phép của tệp kế hoạch, nên phải
        gấp lại thành khối.
ky:
  quyen_han:
    - TM. ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Lò Văn Pánh
"""


def test_the_layout_keys_in_the_models_order_comments_with_their_keys():
    assert format_text(SCRAMBLED, "x.yaml") == FORMATTED
    assert format_text(FORMATTED, "x.yaml") == FORMATTED


def test_texts_keep_their_meaning_whatever_quotes_they_need():
    text = """\
so: '05'
ngay: "2025-01-05"
noi_dung:
  - 'đoạn văn'
  - 'yes'
  - "on"
  - '1.5'
  - "true"
  - tRuE
  - "Thời gian: Quý III"
  - "Các nội dung:"
  - '#1 trong năm'
  - 'Ông "A" nói'
"""
    expected = """\
so: "05"
ngay: "2025-01-05"
noi_dung:
  - đoạn văn
  - yes
  - on
  - "1.5"
  - "true"
  - tRuE
  - "Thời gian: Quý III"
  - "Các nội dung:"
  - "#1 trong năm"
  - Ông "A" nói
"""
    assert format_text(text, "x.yaml") == expected
    # `tRuE` written bare is a yes/no for kehoach: it stays bare, so it keeps meaning that.
    assert load_yaml_text(expected, "x").data == load_yaml_text(text, "x").data


def test_a_folded_paragraph_keeps_its_breaks_until_a_line_is_too_long():
    words = [f"từ{i}" for i in range(90)]
    first, second, rest = " ".join(words[:20]), " ".join(words[20:30]), " ".join(words[30:])
    keep = f"mo_dau: >-\n  {first}\n  {second}\n"
    assert format_text(keep, "x.yaml") == keep  # a short line, but the clerk's: kept
    long_line = f"mo_dau: >-\n  {first}\n  {second} {rest}\n"
    once = format_text(long_line, "x.yaml")
    assert once.splitlines() == [
        "mo_dau: >-",
        f"  {first}",  # before the long line: as it was
        "  " + " ".join(words[20:40]),  # from the long line on: filled up to the width
        "  " + " ".join(words[40:60]),
        "  " + " ".join(words[60:80]),
        "  " + " ".join(words[80:]),
    ]
    assert max(len(line) for line in once.splitlines()) <= yaml_roundtrip.WIDTH < len("  " + " ".join(words[20:41]))
    assert load_yaml_text(once, "x").data == load_yaml_text(long_line, "x").data


def test_a_literal_block_and_a_list_with_comments_are_left_as_written():
    text = """\
trich_yeu: |-
  Dòng một
  dòng hai rất ngắn
noi_nhan:
  gui:
    - UBND huyện
  luu:
    - van-hoa  # bộ phận soạn
    - HC
"""
    assert format_text(text, "x.yaml") == text


# -- the command ----------------------------------------------------------------------------------------


def run(*args: str):
    return invoke(list(args))


def test_check_lists_the_files_that_would_change_and_writes_nothing(tmp_path):
    shutil.copy(PLAN_2024, tmp_path / "plan_2024.yaml")
    scrambled = tmp_path / "thu.yaml"
    scrambled.write_text(SCRAMBLED, encoding="utf-8")
    result = run("fmt", "--check", str(tmp_path))
    assert (result.exit_code, result.stdout) == (1, f"{scrambled}\n")
    assert result.stderr == "1/2 tệp chưa đúng định dạng; chạy «kehoach fmt» với các tệp này để sửa.\n"
    assert scrambled.read_text(encoding="utf-8") == SCRAMBLED

    written = run("fmt", str(tmp_path))
    assert (written.exit_code, written.stdout) == (0, f"Đã định dạng {scrambled}.\n1 tệp đã đúng định dạng, không đổi.\n")
    assert scrambled.read_text(encoding="utf-8") == FORMATTED
    assert (tmp_path / "plan_2024.yaml").read_bytes() == PLAN_2024.read_bytes()

    clean = run("fmt", "--check", str(tmp_path))
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "2 tệp đã đúng định dạng.\n")


def test_the_example_plan_passes_the_check():
    result = run("fmt", "--check", str(PLAN_2024))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "1 tệp đã đúng định dạng.\n")


def test_a_file_that_is_not_yaml_is_reported_and_left_alone(tmp_path):
    broken = tmp_path / "hong.yaml"
    broken.write_text("co_quan:\n  ten: [UBND\n", encoding="utf-8")
    result = run("fmt", str(broken))
    assert result.exit_code == 2
    assert result.stderr == f"{broken}:3:1: lỗi cú pháp YAML: thiếu dấu phẩy hoặc dấu đóng «]» cho ngoặc mở ở dòng 2\n"
    assert broken.read_text(encoding="utf-8") == "co_quan:\n  ten: [UBND\n"


# -- tabs: libyaml (what a plan means) reads them where ruamel (the rewrite) does not -------------------

TABBED = {
    "in an unquoted text": ("trich_yeu: Tuyên truyền", "trich_yeu: Tuyên\ttruyền"),
    "between a key and its value": ("so: 12", "so:\t12"),
    "before a comment, and inside it": ("ngay: 14/3/2025", "ngay: 14/3/2025\t# ngày\tký"),
    "in a list item": ("  ban:\n    ten: Trưởng các bản", "  ban:\n    ten: Trưởng\tcác bản"),
    "in a text over two lines": ("trich_yeu: Tuyên truyền", "trich_yeu: Tuyên\ttruyền phòng,\n  chống\tthiên"),
    "at the end of a line": ("so: 12", "so: 12\t"),
}


@pytest.mark.parametrize("where", TABBED)
def test_fmt_keeps_the_meaning_of_a_plan_with_tabs(tmp_path, where):
    base = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
    old, new = TABBED[where]
    assert old in base
    text = base.replace(old, new, 1)
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(text, encoding="utf-8")
    result = run("fmt", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"Đã định dạng {plan}.\n", "")
    once = plan.read_text(encoding="utf-8")
    assert load_yaml_text(once, "after").data == load_yaml_text(text, "before").data
    assert yaml_roundtrip.comments(once) == yaml_roundtrip.comments(text)
    assert run("fmt", "--check", str(plan)).exit_code == 0  # formatted for good


def test_a_tab_in_a_text_is_written_as_an_escape_in_double_quotes():
    assert yaml_roundtrip.with_tabs_quoted("a: x\ty\nb:\t[p\tq, r]  # c\td\nc: 'u\tv'\n") == (
        'a: "x\\ty"\nb: ["p\\tq", r]  # c\td\nc: \'u\tv\'\n')


def test_new_keeps_a_tab_of_last_years_plan(tmp_path):
    base = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "ke-hoach-2025.yaml"
    plan.write_text(base.replace("trich_yeu: Tuyên truyền", "trich_yeu: Tuyên\ttruyền", 1), encoding="utf-8")
    result = run("new", str(plan))
    assert result.exit_code == 0, result.stderr
    made = load_yaml_text((tmp_path / "ke-hoach-2026.yaml").read_text(encoding="utf-8"), "new").data
    assert made["trich_yeu"] == "Tuyên\ttruyền phòng, chống thiên tai năm 2026"


def test_what_the_rewrite_cannot_read_is_a_positioned_message_and_the_file_is_left_alone(tmp_path, monkeypatch):
    """Were a tab (or anything libyaml reads) still refused by ruamel: a message in Vietnamese, never a traceback."""
    monkeypatch.setattr(yaml_roundtrip, "with_tabs_quoted", lambda text: text)
    base = (ROOT / "tests" / "rules" / "base_plan.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "ke-hoach.yaml"
    text = base.replace("trich_yeu: Tuyên truyền", "trich_yeu: Tuyên\ttruyền", 1)
    plan.write_text(text, encoding="utf-8")
    result = run("fmt", str(plan))
    line = text[:text.index("\t")].count("\n") + 1
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        f"{plan}:{line}:17: kehoach đọc được chỗ này nhưng chưa viết lại được tệp từ đây, nên không thay đổi tệp; hãy"
        " đặt giá trị ở đây trong ngoặc kép rồi chạy lại\n"))
    assert plan.read_text(encoding="utf-8") == text
