"""Each load-stage rule id is what the loader or the model reports for its kind of problem."""

from __future__ import annotations

import pytest
from helpers import BASE, edit

from kehoach import rules
from kehoach.check.runner import check_text

# rule id → a change to the base plan that must produce exactly that id (and make the plan unusable).
BROKEN = {
    "yaml-syntax": ("mo_dau: \"", "mo_dau: \"a: b\" c\n#\""),
    "yaml-unsafe": ("chu_tri: van-hoa", "chu_tri: &x van-hoa"),
    "yaml-duplicate-key": ("so: 12\n", "so: 12\nso: 13\n"),
    "yaml-too-deep": ("so: 12\n", "so: 12\nx: " + "[" * 70 + "]" * 70 + "\n"),
    "text-control-char": ("Tuyên truyền kịp thời", "Tuyên truyền\x0bkịp thời"),
    "schema-type": ("trich_yeu: Tuyên truyền phòng, chống thiên tai năm 2025",
                    "trich_yeu: [Tuyên truyền phòng, chống thiên tai năm 2025]"),
    "schema-missing": ("  ho_ten: Lò Văn Pánh\n", ""),
    "schema-unknown-key": ("\ntrich_yeu: Tuyên", "\ntrich_yue: Tuyên"),
    "schema-id": ("    id: noi-dung\n", "    id: Nội dung\n"),
    "date-invalid": ("ngay: 14/3/2025", "ngay: 30/02/2025"),
    "doctype-unknown": ("loai: Nghị định", "loai: Nghị đinh"),
    "signature-format": ("[TM. ỦY BAN NHÂN DÂN]", "[TM ỦY BAN NHÂN DÂN]"),
    "ref-undefined": ("chu_tri: van-hoa", "chu_tri: van-hoaa"),
    "id-duplicate": ("      - hoat_dong: Họp bản\n", "      - hoat_dong: Họp bản\n        id: phat-thanh\n"),
    "structure-depth": ("          - gach: Tuyên truyền kịp thời, đúng đối tượng.\n",
                        "          - muc: A\n            noi_dung:\n              - muc: B\n"),
}


@pytest.mark.parametrize("rule_id", sorted(BROKEN))
def test_load_stage_rule_is_reported_with_its_id(rule_id):
    old, new = BROKEN[rule_id]
    text = BASE.replace(old, new, 1) if rule_id == "yaml-syntax" else edit(BASE, old, new)
    report = check_text(text, "ke-hoach.yaml")
    assert report.unusable
    assert [p.rule for p in report.problems] == [rule_id], [str(p) for p in report.problems]


def test_every_load_stage_rule_of_a_plan_is_exercised():
    load_rules = {r.ID for r in rules.rules_of_stage("load")}
    file_level = {"file-unreadable", "file-encoding", "config-invalid"}  # tested in test_lint.py
    assert load_rules - file_level == set(BROKEN)


def test_the_base_plan_is_clean():
    report = check_text(BASE, "ke-hoach.yaml")
    assert (report.unusable, [str(p) for p in report.problems]) == (False, [])
