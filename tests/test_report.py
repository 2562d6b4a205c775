"""The printed check report: plain when piped, ANSI colours on a terminal."""

from __future__ import annotations

from kehoach.check.runner import FileReport
from kehoach.problems import Location, Problem, Severity
from kehoach.check.report import human

REPORTS = [FileReport("kh.yaml", [
    Problem("ngày sai", location=Location("kh.yaml", 3, 5), rule="date-format", severity=Severity.ERROR),
    Problem("lỗi chính tả", location=Location("kh.yaml", 9, 1), rule="text-typo", severity=Severity.WARNING),
])]


def test_plain_report_has_no_escape_codes():
    assert human(REPORTS) == (
        "kh.yaml\n"
        "  3:5  lỗi       ngày sai  [date-format]\n"
        "  9:1  cảnh báo  lỗi chính tả  [text-typo]\n"
        "\n"
        "1 lỗi, 1 cảnh báo trong 1 tệp."
    )


def test_colour_report_paints_file_bold_and_each_level_in_its_colour():
    lines = human(REPORTS, colour=True).splitlines()
    assert lines[0] == "\x1b[1mkh.yaml\x1b[0m"
    assert "\x1b[31m\x1b[1mlỗi     \x1b[0m" in lines[1]  # errors red and bold
    assert "\x1b[33m\x1b[1mcảnh báo\x1b[0m" in lines[2]  # warnings yellow and bold
    assert lines[-1] == "1 lỗi, 1 cảnh báo trong 1 tệp."
