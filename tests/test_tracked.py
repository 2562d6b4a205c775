"""kehoach diff --docx: the new plan with the changes as Word tracked changes, read back from its XML."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from copy import deepcopy
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree

from kehoach.source.plan_file import read_plan_text
from kehoach.render.docx_writer import render_bytes
from kehoach.render.templates import kind_template
from kehoach.features.tracked import revision_date
from support import PLAN_2024
from test_plan_diff import PLAN, block, dump, plan_2025, plan_data, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The time of the run, fixed by SOURCE_DATE_EPOCH for these tests (autouse fixture below): 2026-12-06 08:00 UTC.
DATE_2025 = "2026-12-06T08:00:00Z"


@pytest.fixture(autouse=True)
def run_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796544000")


def document_xml(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def rendered(text: str):
    loaded = read_plan_text(text, "ke-hoach.yaml")
    return document_xml(render_bytes(loaded.plan, kind_template(), loaded.refs))


def tracked(tmp_path, old: str, new: str) -> bytes:
    (tmp_path / "cu.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "moi.yaml").write_text(new, encoding="utf-8")
    out = tmp_path / "thay-doi.docx"
    result = run("diff", str(tmp_path / "cu.yaml"), str(tmp_path / "moi.yaml"), "--docx", str(out))
    assert result.exit_code == 1, result.stderr
    assert result.stdout.splitlines()[-1] == f"Đã tạo {out} (kế hoạch mới, các thay đổi được đánh dấu)."
    return out.read_bytes()


def revisions(root) -> list[tuple[str, str]]:
    """("ins" or "del", text) for each tracked insertion or deletion of text, in document order."""
    found = []
    for element in root.iter(W + "ins", W + "del"):
        if element.getparent().tag != W + "rPr":  # not a paragraph mark
            text = "".join(t.text or "" for t in element.iter(W + "t", W + "delText"))
            found.append((etree.QName(element).localname, text))
    return found


def paragraphs(root) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]


def resolve(root, accept: bool) -> list[str]:
    """The paragraphs' text once every change is accepted (or rejected), as Word and LibreOffice do it:
    tracked text kept or dropped, and a paragraph whose mark goes joins the next one."""
    root = deepcopy(root)
    gone, kept = (W + "del", W + "ins") if accept else (W + "ins", W + "del")
    for element in list(root.iter(gone)):
        if element.getparent().tag != W + "rPr":
            element.getparent().remove(element)
    for element in list(root.iter(kept)):
        if element.getparent().tag != W + "rPr":
            for child in list(element):
                element.addprevious(child)
            element.getparent().remove(element)
    for element in root.iter(W + "delText"):
        element.tag = W + "t"
    texts, carried = [], ""
    for p in root.iter(W + "p"):
        text, carried = carried + "".join(t.text or "" for t in p.iter(W + "t")), ""
        if p.find(f"{W}pPr/{W}rPr/{gone}") is not None:
            following = p.getnext()
            if following is not None and following.tag == W + "p":
                carried = text
                continue
            if not text:
                continue  # a whole paragraph gone before a table
        texts.append(text)
    return texts


def other_changes() -> tuple[str, str]:
    """A draft become a numbered plan, with items moved, removed, added and restyled, a closing paragraph
    added at the end of the body, a recipient added at the top of its cell and a line gone from the signer's."""
    old, new = plan_data(), plan_data()
    del old["so"], old["ngay"]
    old["nam"] = 2024
    activities = block(new, "id", "noi-dung-thuc-hien")["noi_dung"]
    activities.remove(block(new, "id", "doi-thoai"))
    activities[0] = {"gach": activities[0].replace("2024", "2025")}  # a paragraph become a bullet
    duties = block(new, "id", "to-chuc-thuc-hien")["noi_dung"]
    duties[2], duties[3] = duties[3], duties[2]
    new["ket_luan"] = [new["ket_luan"], "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về phòng"
                       " Lao động TB&XH huyện./."]
    new["noi_nhan"]["gui"].insert(0, "Sở Lao động - Thương binh và Xã hội tỉnh")
    new["ky"]["quyen_han"] = ["TM. ỦY BAN NHÂN DÂN"]  # the chairman signs: «KT. CHỦ TỊCH» goes
    new["ky"]["chuc_vu"] = "CHỦ TỊCH"
    return dump(old), dump(new)


def test_insertions_and_deletions_are_exactly_the_changed_words(tmp_path):
    root = document_xml(tracked(tmp_path, PLAN, plan_2025()))
    basis = ("Căn cứ Quyết định số 50/QĐ-UBND ngày 05/01/2025 của UBND huyện Mường Ảng về việc giao dự toán ngân"
             " sách năm 2025.")
    assert revisions(root) == [
        ("del", "185/KH-UBND"), ("ins", "12/KH-UBND"),  # Số: …
        ("del", "05"), ("ins", "10"), ("del", "7"), ("ins", "01"), ("del", "2024"), ("ins", "2025"),  # the date
        ("del", "2024"), ("ins", "2025"),  # the summary's last line
        ("del", "."), ("ins", ";"), ("ins", basis),  # the last basis is no longer last
        ("ins", "; Phòng Văn hoá và Thông tin huyện"),  # III.3, coordinating units
        ("del", "2024 và năm 2023 chuyển nguồn sang thực hiện năm 2024"), ("ins", "2025"),  # the budget
        ("del", "4438/QĐ-UBND"), ("ins", "50/QĐ-UBND"), ("del", "14/12/2023"), ("ins", "05/01/2025"),
        ("del", "- Tổ chức triển khai, theo dõi, đôn đốc thực hiện kế hoạch; tổng hợp, báo cáo về tiến độ và kết"
                " quả thực hiện kế hoạch."),
    ]
    # Whole paragraphs carry their paragraph mark's revision too.
    marks = [(etree.QName(m).localname, "".join(m.getparent().getparent().getparent().itertext()))
             for m in root.iter(W + "ins", W + "del") if m.getparent().tag == W + "rPr"]
    assert marks == [("ins", basis), ("del", revisions(root)[-1][1])]


def test_every_change_has_author_date_and_its_own_id(tmp_path):
    root = document_xml(tracked(tmp_path, PLAN, plan_2025()))
    changes = list(root.iter(W + "ins", W + "del", W + "pPrChange"))
    assert len(changes) == 23
    assert {(c.get(W + "author"), c.get(W + "date")) for c in changes} == {("kehoach", DATE_2025)}
    ids = [c.get(W + "id") for c in changes]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)


@pytest.mark.parametrize("scenario", ["2025", "structure"])
def test_accepting_all_gives_the_new_plan_and_rejecting_all_the_old(tmp_path, scenario):
    old, new = (PLAN, plan_2025()) if scenario == "2025" else other_changes()
    root = document_xml(tracked(tmp_path, old, new))
    assert resolve(root, accept=True) == paragraphs(rendered(new))
    assert resolve(root, accept=False) == paragraphs(rendered(old))
    assert resolve(root, accept=True) != resolve(root, accept=False)


def test_a_paragraph_whose_style_changed_keeps_the_old_style_for_reject(tmp_path):
    root = document_xml(tracked(tmp_path, *other_changes()))
    changed = [p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}pPrChange") is not None]
    assert len(changed) == 1
    p = changed[0]
    assert p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "KHGach"
    assert p.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle").get(W + "val") == "KHNoiDung"
    assert revisions(p) == [("ins", "- "), ("del", "2024"), ("ins", "2025")]


def test_the_same_plans_at_the_same_time_give_the_same_bytes_and_a_draft_has_a_real_date(tmp_path):
    first = tracked(tmp_path, PLAN, plan_2025())
    assert tracked(tmp_path, PLAN, plan_2025()) == first
    old, new = other_changes()
    root = document_xml(tracked(tmp_path, new, old))  # the new plan is a draft: the date is the run's all the same
    assert {c.get(W + "date") for c in root.iter(W + "ins", W + "del")} == {DATE_2025}


def test_without_source_date_epoch_changes_carry_the_time_of_the_run(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = revision_date()
    root = document_xml(tracked(tmp_path, PLAN, plan_2025()))
    dates = {c.get(W + "date") for c in root.iter(W + "ins", W + "del")}
    assert len(dates) == 1 and before <= dates.pop() <= revision_date()
    assert revision_date(datetime(2025, 1, 10, 15, 30, tzinfo=timezone(timedelta(hours=7)))) == "2025-01-10T08:30:00Z"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_version_from_git_carries_its_commit_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = dict(os.environ, GIT_AUTHOR_DATE="2025-01-10T09:15:00+07:00", GIT_COMMITTER_DATE="2025-01-10T09:15:00+07:00",
               GIT_AUTHOR_NAME="Văn thư", GIT_AUTHOR_EMAIL="vt@example.invalid", GIT_COMMITTER_NAME="Văn thư",
               GIT_COMMITTER_EMAIL="vt@example.invalid")
    (tmp_path / "ke-hoach.yaml").write_text(plan_2025(), encoding="utf-8")
    (tmp_path / "cu.yaml").write_text(PLAN, encoding="utf-8")
    for args in (["init", "-q"], ["add", "ke-hoach.yaml"], ["commit", "-qm", "2025"]):
        subprocess.run(["git", *args], check=True, env=env, capture_output=True)
    result = run("diff", "cu.yaml", "HEAD:ke-hoach.yaml", "--docx", "thay-doi.docx")
    assert result.exit_code == 1, result.stderr
    root = document_xml((tmp_path / "thay-doi.docx").read_bytes())
    assert {c.get(W + "date") for c in root.iter(W + "ins", W + "del")} == {"2025-01-10T02:15:00Z"}


def test_json_keeps_stdout_for_json_and_a_failure_keeps_the_old_document(tmp_path):
    (tmp_path / "moi.yaml").write_text(plan_2025(), encoding="utf-8")
    out = tmp_path / "thay-doi.docx"
    result = run("diff", str(PLAN_2024), str(tmp_path / "moi.yaml"), "--docx", str(out), "-f", "json")
    assert result.exit_code == 1
    assert result.stdout.startswith("{")
    assert result.stderr == f"Đã tạo {out} (kế hoạch mới, các thay đổi được đánh dấu).\n"
    before = out.read_bytes()
    (tmp_path / "hong.yaml").write_text(PLAN.replace("so: 185", "so: [185"), encoding="utf-8")
    result = run("diff", str(PLAN_2024), str(tmp_path / "hong.yaml"), "--docx", str(out))
    assert result.exit_code == 2 and out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.yaml", "moi.yaml", "thay-doi.docx"]


def test_an_open_document_or_a_missing_template_is_refused_before_any_work(tmp_path):
    out = tmp_path / "thay-doi.docx"
    lock = tmp_path / ".~lock.thay-doi.docx#"
    lock.write_text("", encoding="utf-8")
    result = run("diff", str(PLAN_2024), str(PLAN_2024), "--docx", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.startswith(f"{out}: tệp đang được mở trong Word hoặc LibreOffice")
    lock.unlink()
    result = run("diff", str(PLAN_2024), str(PLAN_2024), "--docx", str(out), "--template", str(tmp_path / "mau.docx"))
    assert (result.exit_code, result.stderr) == (
        2, f"{tmp_path / 'mau.docx'}: không tìm thấy mẫu Word; kiểm tra lại đường dẫn sau --template\n")
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and pdftotext are not installed")
def test_libreoffice_opens_it_with_the_changes(tmp_path):
    docx = tmp_path / "thay-doi.docx"
    docx.write_bytes(tracked(tmp_path, PLAN, plan_2025()))
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo'}"  # its own profile: runs never share a lock
    for target in ("pdf", "odt"):
        subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path / target),
                        str(docx)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "pdf" / "thay-doi.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    # Lines break in new places with the changes shown inline, and pdftotext drops a hyphen at a line's end.
    letters = "".join(text.split()).replace("-", "")
    for words in ("12/KH-UBND", "Phòng Văn hoá và Thông tin huyện", "Quyết định số 50/QĐ-UBND ngày 05/01/2025"):
        assert "".join(words.split()).replace("-", "") in letters
    # LibreOffice read them as tracked changes: its own document lists them, with kehoach as the author.
    with zipfile.ZipFile(tmp_path / "odt" / "thay-doi.odt") as package:
        content = etree.fromstring(package.read("content.xml"))
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    regions = list(content.iter(text_ns + "changed-region"))
    kinds = [etree.QName(next(iter(r))).localname for r in regions]
    assert kinds.count("insertion") >= 10 and kinds.count("deletion") >= 9
    authors = {a.text for a in content.iter("{http://purl.org/dc/elements/1.1/}creator")}
    assert authors == {"kehoach"}
