from helpers import BASE, edit, findings, line_of, position_of

RULE = "register-number-used"


def message(other: str = "b.yaml", number: str = "12", line: int = line_of(BASE, "so: 12")) -> str:
    return (f"số {number}/KH-UBND năm 2025 đã dùng cho văn bản ở tệp {other} (dòng {line}); hãy lấy số tiếp theo "
            "trong sổ đăng ký văn bản")


def at_number(text: str) -> tuple[int, int]:
    return position_of(text, "so: 12")[0], position_of(text, "so: 12")[1] + len("so: ")


def test_base_plan_passes():
    assert findings(BASE, RULE) == []


def test_a_folder_without_other_plans_passes(tmp_path):
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")  # the checked file itself does not count
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == []


def test_a_number_already_used_in_the_folder_is_reported_at_the_number(tmp_path):
    (tmp_path / "b.yaml").write_text(BASE, encoding="utf-8")
    line, column = at_number(BASE)
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == [(line, column, message())]


def test_the_number_is_compared_as_a_number(tmp_path):
    (tmp_path / "b.yml").write_text(edit(BASE, "so: 12", "so: 012"), encoding="utf-8")
    line, column = at_number(BASE)
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == [(line, column, message("b.yml"))]


def test_every_other_file_with_the_number_is_named(tmp_path):
    (tmp_path / "b.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("# bản sao\n" + BASE, encoding="utf-8")
    assert [m for _, _, m in findings(BASE, RULE, path=tmp_path / "a.yaml")] == [
        message("b.yaml"), message("c.yaml", line=line_of(BASE, "so: 12") + 1)]


def test_another_number_year_organ_or_type_passes(tmp_path):
    (tmp_path / "so.yaml").write_text(edit(BASE, "so: 12", "so: 13"), encoding="utf-8")
    (tmp_path / "nam.yaml").write_text(edit(BASE, "ngay: 14/3/2025", "ngay: 14/3/2024"), encoding="utf-8")
    (tmp_path / "ten.yaml").write_text(edit(BASE, "XÃ NẬM LỊCH", "XÃ ẲNG NƯA"), encoding="utf-8")
    (tmp_path / "viet-tat.yaml").write_text(edit(BASE, "viet_tat: UBND", "viet_tat: VHXH"), encoding="utf-8")
    (tmp_path / "loai.yaml").write_text("loai: Báo cáo\n" + BASE, encoding="utf-8")
    (tmp_path / "du-thao.yaml").write_text(edit(BASE, "ngay: 14/3/2025\n", "nam: 2025\n"), encoding="utf-8")
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == []


def test_files_that_are_not_plans_are_ignored(tmp_path):
    (tmp_path / "hong.yaml").write_text(BASE + "  : [", encoding="utf-8")
    (tmp_path / "ghi-chu.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / ".kehoach.yaml").write_text("quy_tac: {}\n", encoding="utf-8")
    (tmp_path / "thu-muc.yaml").mkdir()
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == []


def test_a_draft_is_not_compared(tmp_path):
    (tmp_path / "b.yaml").write_text(BASE, encoding="utf-8")
    assert findings(edit(BASE, "so: 12\n", ""), RULE, path=tmp_path / "a.yaml") == []


def test_a_changed_file_is_read_again(tmp_path):
    other = tmp_path / "b.yaml"
    other.write_text(BASE, encoding="utf-8")
    assert len(findings(BASE, RULE, path=tmp_path / "a.yaml")) == 1
    other.write_text(edit(BASE, "so: 12", "so: 112"), encoding="utf-8")
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == []


def test_folders_do_not_share_their_plans(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "b.yaml").write_text(BASE, encoding="utf-8")
    assert len(findings(BASE, RULE, path=tmp_path / "x" / "a.yaml")) == 1
    assert findings(BASE, RULE, path=tmp_path / "y" / "a.yaml") == []


def test_only_plans_carrying_the_same_number_are_read_in_full(tmp_path, monkeypatch):
    """A folder of many plans: the others are told apart by a glance at their «so:» line."""
    from kehoach.rules import register_number_used as rule

    for number in range(13, 33):
        (tmp_path / f"kh-{number}.yaml").write_text(edit(BASE, "so: 12", f"so: {number}"), encoding="utf-8")
    (tmp_path / "trung.yaml").write_text(edit(BASE, "so: 12", 'so: "012"  # sao chép'), encoding="utf-8")
    read = []
    real = rule.read_plan
    monkeypatch.setattr(rule, "read_plan", lambda path, *a: read.append(path.name) or real(path, *a))
    line, column = at_number(BASE)
    assert findings(BASE, RULE, path=tmp_path / "a.yaml") == [(line, column, message("trung.yaml"))]
    assert read == ["trung.yaml"]
