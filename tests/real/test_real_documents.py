"""Real issued documents, written as data, come back word for word — and the checks never cry wolf on them.

Each `NN_….yaml` here is one of the real documents of `NN_….txt` (the opening of an issued document, as copied
from a public site, with `# ` notes and `[… gap …]` marks where the copy lost or cut text). The test renders the
data and compares, paragraph by paragraph and word for word, every part the copy has: the paragraphs between two
gaps must follow one another in the rendered document exactly as in the copy; a paragraph the copy cut short
(just before a gap) must begin the rendered one. What the data adds to complete the document is not compared.

A document may differ from its copy only where the data file says so in a comment
`# khác bản gốc: «as in the copy» → «as kehoach prints it»  (why)`: only for texts kehoach prints itself by the
decree (the motto), never for the clerk's words.

Each data file lists, in `# kỳ vọng: <rule>` comments, the findings `kehoach check` must give on it — the places
where the original itself departs from Decree 30 — and nothing else: no false alarm on the data, and the same
verdict on the rendered .docx (no error, and none of the .docx rules raises what the data check did not).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from kehoach.check.runner import check_docx, check_file
from kehoach.problems import Severity
from kehoach import api, rules

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("*.yaml"))
_GAP = "[… gap …]"
_RULE_LINE = re.compile(r"^-{3,}$")  # the short and long rules under the organ and the motto
_EXPECT = re.compile(r"^#\s*kỳ vọng:\s*(?P<rule>[a-z0-9-]+)")
_DIFFERS = re.compile(r"^#\s*khác bản gốc:\s*«(?P<copy>[^»]*)»\s*→\s*«(?P<ours>[^»]*)»")


def copy_segments(case: Path) -> list[list[str]]:
    """The copy's text as runs of paragraphs between gaps (notes, blank lines and drawn rules left out). The
    document text follows the first blank line; every run of these copies ends at a gap or where the copy stops."""
    lines = [line for line in case.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("# ")]
    start = next(i for i, line in enumerate(lines) if not line.strip())
    segments: list[list[str]] = [[]]
    for line in lines[start:]:
        line = line.strip()
        if line == _GAP:
            segments.append([])
        elif line and not _RULE_LINE.match(line):
            segments[-1].append(line)
    return [segment for segment in segments if segment]


def rendered_paragraphs(path: Path) -> list[str]:
    """The rendered document's non-empty paragraphs in order (table cells included), footnote marks as numbers."""
    document = Document(str(path))
    found, notes = [], 0
    for paragraph in document.element.body.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(qn("w:t"), qn("w:footnoteReference")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            else:
                notes += 1
                parts.append(str(notes))
        text = "".join(parts).strip()
        if text:
            found.append(text)
    return found


def _notes(case: Path) -> list[str]:
    return [line for line in case.read_text(encoding="utf-8").splitlines() if line.startswith("#")]


def expected_rules(case: Path) -> Counter:
    return Counter(m["rule"] for line in _notes(case) if (m := _EXPECT.match(line)))


def differences(case: Path) -> list[tuple[str, str]]:
    return [(m["copy"], m["ours"]) for line in _notes(case) if (m := _DIFFERS.match(line))]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("real")
    made = {}
    for case in CASES:
        target = out / case.with_suffix(".docx").name
        api.render(case, target)
        made[case.name] = target
    return made


#: Copies not yet written as data, with the reason. Empty: every real document comes back word for word.
PENDING: dict[str, str] = {}


def test_every_real_document_has_its_data_file():
    copies = {p.stem for p in HERE.glob("*.txt")}
    written = {p.stem for p in CASES}
    assert written <= copies, "a data file without the copy it reproduces"
    assert copies - written == set(PENDING)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_renders_word_for_word(case, rendered):
    paragraphs = rendered_paragraphs(rendered[case.name])
    segments = copy_segments(case)
    position = 0
    for number, segment in enumerate(segments):
        segment = [_as_ours(line, case) for line in segment]
        first = next((i for i in range(position, len(paragraphs))
                      if _same(paragraphs[i], segment[0], len(segment) == 1)), None)
        assert first is not None, f"{case.name}: «{segment[0]}» is not in the rendered document after paragraph {position}"
        for offset, line in enumerate(segment):
            index = first + offset
            last = offset == len(segment) - 1
            assert index < len(paragraphs), f"{case.name}: the document ends before «{line}»"
            assert _same(paragraphs[index], line, last), (
                f"{case.name}, segment {number + 1}, line {offset + 1}:\n copy: {line}\n ours: {paragraphs[index]}")
        position = first + len(segment)


def _as_ours(line: str, case: Path) -> str:
    for copy, ours in differences(case):
        line = line.replace(copy, ours)
    return line


def _same(paragraph: str, line: str, may_be_cut: bool) -> bool:
    return paragraph == line or (may_be_cut and paragraph.startswith(line))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_check_of_the_data_finds_only_the_originals_own_slips(case):
    report = check_file(case)
    found = Counter(problem.rule for problem in report.problems)
    assert found == expected_rules(case), [str(p) for p in report.problems]
    assert not [p for p in report.problems if p.severity == Severity.ERROR]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_check_of_the_docx_agrees_with_the_check_of_the_data(case, rendered):
    report = check_docx(rendered[case.name])
    data_rules = set(expected_rules(case))
    errors = [str(p) for p in report.problems if p.severity == Severity.ERROR]
    assert errors == []
    # Each .docx finding is the counterpart of a finding of the data (docx-summary-case ↔ summary-case, …).
    unexplained = [str(p) for p in report.problems if counterpart(p.rule) not in data_rules]
    assert unexplained == []


def counterpart(rule_id: str) -> str:
    """The data rule that finds what a .docx rule finds (its COUNTERPART, else its id without «docx-»)."""
    rule = rules.by_id()[rule_id]
    return getattr(rule, "COUNTERPART", rule_id.removeprefix("docx-"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_legal_basis_is_a_checked_citation(case):
    from kehoach.source.plan_file import read_plan

    plan = read_plan(case).plan  # 09 has no basis at all, as its copy
    assert [basis.text for basis in plan.bases if basis.text is not None] == []
