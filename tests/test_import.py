"""`kehoach import`: a Word document back into a data file that renders the same document.

- import ∘ render is the identity on the data of every document rendered from this repository's data (the 2024
  plan, every example, every real document, a decision with the plan it issues): ids renamed, units compared by
  the names the document prints;
- a document typed by a clerk (tables or tabs, hand or Word numbering, soft breaks, TCVN3, tracked changes)
  imports to a file that renders back the same text, line by line;
- nothing is lost: every line of the original is in the data file, as structure or as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from clerk_docx import VARIANTS, Page, page_of, typed
from kehoach import api
from kehoach.errors import InputError, OutputError
from kehoach.features.importer import import_docx
from kehoach.model.outline import walk
from kehoach.model.plan import Duty
from kehoach.model.references import INLINE_REF
from kehoach.source.plan_file import read_plan, read_plan_text
from support import PLAN_2024, ROOT, invoke

EXAMPLES = [PLAN_2024, ROOT / "data" / "vi-du-bo-van-ban.yaml", ROOT / "data" / "vi-du-phu-luc.yaml",
            ROOT / "data" / "vi-du" / "ke-hoach-dang-uy-xa.yaml"]  # the Party's layout (Hướng dẫn 36-HD/VPTW)
#: The real documents written as kehoach data files (tests/real): kehoach renders each word for word.
def _kind(path: Path) -> str:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("loai", "Kế hoạch")


REAL_ALL = sorted((ROOT / "tests" / "real").glob("*.yaml"))
REAL = [p for p in REAL_ALL if _kind(p) == "Kế hoạch"]


#: Every document rendered from this repository's data: the 2024 plan, the examples, the real documents.
ALL_DATA = [*EXAMPLES[:3], *sorted((ROOT / "data" / "vi-du").glob("*.yaml")), *REAL_ALL]


def rendered(path: Path) -> bytes:
    """The .docx `kehoach render` makes of the data file at `path`, whatever its kind."""
    from kehoach.render import documents

    loaded = read_plan(path, str(path))
    own = documents.KE_HOACH
    return documents.render_document(own, loaded, documents.template_for(own, loaded.plan),
                                     documents.is_draft(own, loaded.plan))


def imported_text(tmp_path: Path, data: bytes, name: str = "van-ban.docx") -> str:
    source = tmp_path / name
    source.write_bytes(data)
    return import_docx(source).text


def render_text(text: str) -> bytes:
    from kehoach.render import documents

    loaded = read_plan_text(text, "nhap.yaml")
    own = documents.KE_HOACH
    return documents.render_document(own, loaded, documents.template_for(own, loaded.plan),
                                     documents.is_draft(own, loaded.plan))


# -- import ∘ render = identity on the data ---------------------------------------------------------


def document_view(text: str) -> dict:
    """The document's data up to the names of ids: ids replaced by what they name (a position, a number), each unit
    reference by «đơn vị «the name printed for it»» (a unit written as plain text stays plain text), the unit registry
    itself (and `thuoc`, never printed) left out; a date style given on a citation (`kieu_ngay`) moved to the
    document it cites, where it means the same; the layout as the document uses it (the_thuc written, or implied by
    a Party organ). A recipient is compared by its name alone: whether a unit named
    only in «Nơi nhận» is declared is the writer's choice, which the document does not show."""
    from kehoach.conventions.heads import head

    plan = read_plan_text(text, "x.yaml").plan
    data = plan.model_dump(by_alias=True, exclude_none=True, mode="json")
    units = plan.units
    for basis in data.get("can_cu", []):
        if style := basis.pop("kieu_ngay", None):
            for ref in basis.get("van_ban", []):
                data["van_ban"][ref].setdefault("kieu_ngay", style)
    names: dict[str, str] = {}
    for doc_id, doc in plan.documents.items():
        names[doc_id] = f"van-ban:{doc.type}:{doc.number or doc.title}"
    for node in walk(plan):
        if getattr(node.block, "id", None):
            names[node.block.id] = "muc:" + ".".join(map(str, node.path))

    def shown(ref: str, name=lambda unit: unit.display_name) -> str:
        return f"đơn vị «{name(units[ref])}»" if ref in units else ref

    def rename(value):
        if isinstance(value, str):
            return INLINE_REF.sub(lambda m: f"[[{names.get(m.group(1), m.group(1))}]]", value)
        if isinstance(value, list):
            return [rename(v) for v in value]
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                if key in ("chu_tri", "thuc_hien", "phoi_hop"):
                    out[key] = [shown(r) for r in item]
                elif key == "gui":
                    out[key] = [units[r].display_name if r in units else r for r in item]
                elif key == "kinh_gui":  # printed by the full name
                    out[key] = [shown(r, lambda unit: unit.name) for r in item]
                elif key in ("de_nghi", "thi_hanh"):  # printed as the title of the unit's head
                    out[key] = [f"đơn vị «{head(plan, r)}»" if r in units else r for r in
                                ([item] if isinstance(item, str) else item)]
                elif key == "luu":
                    out[key] = [units[r].code or units[r].display_name if r in units else r for r in item]
                elif key == "nhiem_vu":
                    out[key] = units[item].name if item in units else item
                elif key == "id":
                    continue  # whether a part has an id is immaterial: references are compared by their target
                elif key == "van_ban" and isinstance(item, str):
                    out[key] = names.get(item, item)
                elif key == "van_ban" and isinstance(item, list):  # a basis's documents
                    out[key] = [names.get(ref, ref) for ref in item]
                else:
                    out[key] = rename(item)
            return out
        return value

    data.pop("don_vi", None)
    data["the_thuc"] = plan.layout_id  # the layout, written or implied by a Party organ's name: the same document
    if getattr(plan, "appendix", None) is None:  # the organ's name in running text is printed only in the appendix's heading
        data["co_quan"].pop("ten_day_du", None)
    used = max((node.depth for node in walk(plan) if node.number is not None), default=0)
    scheme = tuple(data.pop("danh_so", None) or ())[:used]  # the levels the body uses; the decree's: not written
    if scheme and scheme != ("I.", "1.", "a)")[:len(scheme)]:
        data["danh_so"] = list(scheme)
    for other in ("quyet_dinh", "ket_qua"):  # other documents made from the same data: not in the plan's .docx
        data.pop(other, None)
    cited = {ref for basis in plan.bases for ref in basis.documents}
    cited |= {ref for ref in names if ref in plan.documents and f"[[{ref}" in text}
    data["van_ban"] = {names[k]: v for k, v in data.get("van_ban", {}).items() if k in cited}
    for node in walk(plan):  # a duty's title defaults to the unit's full name: compare what is printed
        if isinstance(node.block, Duty) and node.block.title is None and node.block.unit in units:
            target = data
            for step in node.path:
                target = target[step]
            target["tieu_de"] = units[node.block.unit].name
    return rename(data)


#: Documents whose data the import reads otherwise than their data file says, each with the reason (none is
#: left out silently: each is a strict expected failure).
READ_OTHERWISE: dict[str, str] = {}


def _each(paths: list[Path], exceptions: dict[str, str]) -> list:
    return [pytest.param(p, id=p.stem, marks=pytest.mark.xfail(strict=True, reason=exceptions[p.stem]))
            if p.stem in exceptions else pytest.param(p, id=p.stem) for p in paths]


@pytest.mark.parametrize("example", _each(ALL_DATA, READ_OTHERWISE))
def test_import_of_a_rendered_document_gives_back_its_data(tmp_path, example):
    """import ∘ render is the identity on the data, after fmt, up to the names of ids and the comments."""
    from kehoach.features.fmt import format_text

    text = imported_text(tmp_path, rendered(example), "van-ban.docx")
    assert format_text(text, "x.yaml") == text
    assert document_view(text) == document_view(example.read_text(encoding="utf-8"))


def test_the_imported_file_is_laid_out_as_fmt_writes_it(tmp_path):
    from kehoach.features.fmt import format_text

    text = imported_text(tmp_path, rendered(PLAN_2024))
    assert format_text(text, "x.yaml") == text
    assert text.startswith("# Lập bằng «kehoach import» từ van-ban.docx.")


def test_what_the_import_guessed_is_said_in_a_comment(tmp_path):
    text = imported_text(tmp_path, rendered(PLAN_2024))
    assert ("# đoán: «Các cơ quan thành viên BCĐ các Chương trình MTQG huyện» (tiêu đề nhiệm vụ) và «Thành viên Ban"
            in text)


def test_one_document_cited_twice_is_declared_once(tmp_path):
    text = imported_text(tmp_path, rendered(PLAN_2024))
    data = yaml.safe_load(text)
    assert [d["so"] for d in data["van_ban"].values()].count("4438/QĐ-UBND") == 1
    assert "[[qd-4438-ubnd]] của UBND huyện." in " ".join(text.split())


# -- a clerk's Word file renders back word for word -------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES + REAL, ids=lambda p: p.stem)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_clerk_typed_document_renders_back_line_by_line(tmp_path, example, variant):
    page = page_of(rendered(example))
    text = imported_text(tmp_path, typed(page, variant))
    again = page_of(render_text(text))
    assert again == page


def test_word_list_numbers_are_read_as_the_page_shows_them(tmp_path):
    page = page_of(rendered(PLAN_2024))
    data = yaml.safe_load(imported_text(tmp_path, typed(page, "danh-so")))
    assert [part["muc"] for part in data["noi_dung"]] == [
        "Mục đích, yêu cầu", "Đối tượng, phạm vi và thời gian thực hiện", "Nội dung thực hiện",
        "Kinh phí thực hiện", "Tổ chức thực hiện"]
    assert data["noi_dung"][1]["noi_dung"][1]["noi_dung"] == [
        {"muc": "Phạm vi thực hiện: Trên phạm vi toàn huyện."}, {"muc": "Thời gian thực hiện: Quý III-IV năm 2024."}]


def test_tracked_changes_are_taken_as_accepted(tmp_path):
    page = page_of(rendered(PLAN_2024))
    text = imported_text(tmp_path, typed(page, "danh-so"))
    assert "chữ đã xóa" not in text
    assert "co_quan: UBND tỉnh Điện Biên\n" in text  # «Biên;» was a tracked insertion: kept


def test_tcvn3_text_is_converted_to_unicode(tmp_path):
    page = page_of(rendered(PLAN_2024))
    data = typed(page, "tcvn3")
    assert "¦êng" in _all_text(data) or "Uû" in _all_text(data) or "nh©n" in _all_text(data)
    text = imported_text(tmp_path, data)
    assert "  ten:\n    - ỦY BAN NHÂN DÂN\n    - HUYỆN MƯỜNG ẢNG\n" in text  # .VnTimeH: capitals
    assert "    so: 06/2022/TT-BTTTT\n" in text  # a basis pasted in TCVN3 without its font
    from kehoach.rules.text_legacy_encoding import detect

    assert all(detect(line) is None for line in text.splitlines())


def _all_text(data: bytes) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


# -- nothing is lost ----------------------------------------------------------------------------------


def real_pages() -> list[tuple[str, Page]]:
    """The real documents of tests/real as Pages (their text after the notes, as published: cut short)."""
    folder = ROOT / "tests" / "real"
    found = []
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        found.append((path.stem, _page_of_text(path.read_text(encoding="utf-8"))))
    return found


def _page_of_text(text: str) -> Page:
    lines = [line.strip() for line in text.split("\n\n", 1)[1].splitlines() if not line.startswith("# ")]
    lines = [line for line in lines if line and not re.fullmatch(r"[-_\s]*", line)]
    page = Page()
    index = 0
    while index < len(lines) and not lines[index].startswith("CỘNG HÒA"):
        page.left.append(lines[index])
        index += 1
    while index < len(lines) and not lines[index].startswith("Số"):
        page.right.append(lines[index])
        index += 1
    if index < len(lines):
        page.left.append(lines[index])
        index += 1
    while index < len(lines) and ", ngày" in lines[index] and len(page.right) < 3:
        page.right.append(lines[index])
        index += 1
    page.kind = lines[index] if index < len(lines) else ""
    index += 1
    while index < len(lines) and not re.match(r"^[IVX]+\. ", lines[index]) and (
            lines[index].isupper() or not page.summary):
        page.summary.append(lines[index])
        index += 1
    page.body = lines[index:]
    page.recipients = ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
    page.signature = ["CHỦ TỊCH", "Nguyễn Văn A"]
    return page


def _pages():
    """Every document rendered from the repository's data (a decision with the plan it issues included), and the
    real documents' text as published."""
    pages = [(p.stem, page_of(rendered(p))) for p in ALL_DATA]
    return pages + [(f"{name}.txt", page) for name, page in real_pages()]


@pytest.mark.parametrize(("name", "page"), _pages(), ids=lambda v: v if isinstance(v, str) else "")
def test_nothing_in_the_document_is_lost(tmp_path, name, page):
    text = imported_text(tmp_path, typed(page, "bang"))
    comments = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("# ")]
    kept = " ".join(_strings(yaml.safe_load(text)) + [" ".join(" ".join(comments).split())])
    (tmp_path / "nhap.yaml").write_text(text, encoding="utf-8")
    again = page_of(rendered_by_the_command(tmp_path / "nhap.yaml", tmp_path / "lai.docx"))
    shown = (again.left + again.right + [again.kind] + again.summary + again.body + again.recipients + again.signature
             + again.appendix)
    missing = [line for line in page.left + page.right + [page.kind] + page.summary + page.body + page.recipients
               + page.signature + page.appendix if line not in shown and " ".join(line.split()).rstrip(";.") not in kept]
    assert missing == []


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [" ".join(str(node).split())]


# -- the command's guarded write ----------------------------------------------------------------------


def test_import_writes_the_data_file_beside_the_word_file(tmp_path):
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    result = api.import_docx(source)
    assert result.output == tmp_path / "ke-hoach-2024.yaml"
    assert read_plan(result.output).plan.summary.startswith("Triển khai thực hiện Tiểu dự án 2")


def test_import_never_replaces_an_existing_file(tmp_path):
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    existing = tmp_path / "ke-hoach-2024.yaml"
    existing.write_text("# của văn thư\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        api.import_docx(source)
    assert str(caught.value) == (f"{existing}: đã có tệp «{existing}»; kehoach import không ghi đè. Hãy chọn tên khác"
                                 " bằng -o")
    assert existing.read_text(encoding="utf-8") == "# của văn thư\n"
    with pytest.raises(InputError):
        api.import_docx(source, source)
    assert source.read_bytes() == rendered(PLAN_2024)


def test_a_file_that_is_not_a_word_document_is_refused(tmp_path):
    source = tmp_path / "anh.docx"
    source.write_bytes(b"\x89PNG not a document")
    with pytest.raises(InputError) as caught:
        api.import_docx(source)
    assert "không đọc được tệp Word (.docx) này" in str(caught.value)
    assert not (tmp_path / "anh.yaml").exists()


# -- the command ----------------------------------------------------------------------------------------


def test_the_command_writes_the_file_and_says_what_to_do_next(tmp_path):
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    result = invoke(["import", str(source)])
    made = tmp_path / "ke-hoach-2024.yaml"
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Đã ghi {made}.\n"
        f"Kiểm tra: «kehoach check {made}»; tạo lại văn bản: «kehoach render {made}»; lập kế hoạch năm sau:"
        f" «kehoach new {made}».\n")
    assert made.is_file()


def bases_in_one_paragraph(page: Page) -> Page:
    """The page with its legal bases written as one paragraph, «Căn cứ A; B; C.», as some provinces write them."""
    bases = [line for line in page.body if line.startswith("Căn cứ")]
    joined = "; ".join([bases[0].rstrip(";")] + [b.removeprefix("Căn cứ ").rstrip(";.") for b in bases[1:]]) + "."
    return Page(page.left, page.right, page.kind, page.summary, [joined] + page.body[len(bases):], page.recipients,
                page.signature)


def test_bases_in_one_paragraph_become_one_basis_citing_each_document(tmp_path):
    page = bases_in_one_paragraph(page_of(rendered(PLAN_2024)))
    source = tmp_path / "mot-doan.docx"
    source.write_bytes(typed(page, "bang"))
    text = imported_text(tmp_path, typed(page, "bang"))
    data = yaml.safe_load(text)
    assert data["can_cu"] == [{"van_ban": list(data["van_ban"])}]
    assert len(data["van_ban"]) == 9
    assert page_of(render_text(text)) == page


def test_the_command_counts_the_places_to_review(tmp_path):
    """A basis whose document is not recognised (a date «30/6/20222», a slip of the original) stays as written,
    marked."""
    page = page_of(rendered(PLAN_2024))
    page.body[1] = page.body[1].replace("30/6/2022", "30/6/20222")
    source = tmp_path / "so-so.docx"
    source.write_bytes(typed(page, "bang"))
    result = invoke(["import", str(source)])
    assert result.exit_code == 0
    assert "Có 1 chỗ kehoach chưa nhận ra cấu trúc, giữ nguyên văn và đánh dấu xem_lai" in result.stdout
    text = (tmp_path / "so-so.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["can_cu"][1] == {
        "noi_dung": page.body[1].rstrip(";"),
        "xem_lai": "kehoach không nhận ra văn bản được trích dẫn trong căn cứ này; giữ nguyên văn"}
    assert page_of(render_text(text)) == page


def test_the_readme_tells_a_clerk_to_start_with_kehoach_import_and_its_commands_work(tmp_path, monkeypatch):
    """The README's first section after installing is «Bắt đầu từ tệp Word của năm trước»; its three commands
    (import, check, new --year 2025), run as written beside last year's Word file, each succeed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = [line for line in readme.splitlines() if line.startswith("## ")]
    assert sections[0] == "## Bắt đầu từ tệp Word của năm trước"
    block = readme.split(sections[0], 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].split() for line in block.splitlines() if line.strip()]
    assert [c[:2] for c in commands] == [["kehoach", "import"], ["kehoach", "check"], ["kehoach", "new"]]
    (tmp_path / "ke-hoach-2024.docx").write_bytes(rendered(PLAN_2024))
    monkeypatch.chdir(tmp_path)
    for command in commands:
        result = invoke(command[1:])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    assert read_plan(tmp_path / "ke-hoach-2025.yaml").plan.year == 2025


def test_the_command_refuses_to_replace_a_file_with_exit_code_2(tmp_path):
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    result = invoke(["import", str(source), "-o", str(source)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{source}: tệp ra trùng với tệp Word đang đọc; hãy chọn tên .yaml khác bằng -o\n"
    assert source.read_bytes() == rendered(PLAN_2024)


def test_the_imported_2024_plan_checks_with_only_what_the_document_itself_lacks(tmp_path):
    """Two units coordinate an activity without being among the recipients: true of the document as issued (the
    hand-written data file declares them members of the steering committee, which the document does not say)."""
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    made = api.import_docx(source).output
    result = invoke(["check", str(made)])
    assert result.exit_code == 0
    assert re.findall(r"\[([a-z-]+)\]", result.stdout) == ["unit-not-informed", "unit-not-informed"]
    assert "«Phòng Văn hoá và Thông tin huyện» được giao phối hợp" in result.stdout
    assert "«Ban Tuyên giáo huyện» được giao phối hợp" in result.stdout


def test_a_unit_whose_name_says_it_is_a_member_of_a_group_belongs_to_it(tmp_path):
    """«Các cơ quan thành viên BCĐ …» belongs to (thuoc) the steering committee among the recipients, which is then
    declared as a unit; a unit whose membership the document does not show gets no `thuoc`."""
    data = yaml.safe_load(imported_text(tmp_path, rendered(PLAN_2024)))
    units = data["don_vi"]
    members = next(k for k, u in units.items() if u["ten"] == "Các cơ quan thành viên BCĐ các Chương trình MTQG huyện")
    group = units[members]["thuoc"]
    assert units[group] == {"ten": "BCĐ thực hiện các Chương trình MTQG giai đoạn 2021-2025 huyện"}
    assert group in data["noi_nhan"]["gui"]
    assert [k for k, u in units.items() if "thuoc" in u] == [members]


def test_a_decision_and_the_plan_it_issues_are_read_as_one_data_file(tmp_path):
    """Quyết định, page break, the attached plan under «(Ban hành kèm theo Quyết định số …)»: ban_hanh; the proposer
    and the executors are units named by their heads; Điều 1–3 and the summary are the kind's sentences, left out."""
    example = ROOT / "data" / "vi-du" / "quyet-dinh-ban-hanh-ke-hoach.yaml"
    text = imported_text(tmp_path, rendered(example))
    data = yaml.safe_load(text)
    assert data["ban_hanh"]["loai"] == "Kế hoạch"
    assert data["ban_hanh"]["trich_yeu"] == "Rà soát hộ nghèo, hộ cận nghèo năm 2023 trên địa bàn tỉnh An Giang"
    assert [part["muc"] for part in data["ban_hanh"]["noi_dung"]] == ["Mục đích, yêu cầu", "Tổ chức thực hiện"]
    assert "dieu" not in data and "trich_yeu" not in data
    assert data["don_vi"][data["de_nghi"]]["ten"] == "Sở Lao động - Thương binh và Xã hội"
    assert [data["don_vi"][ref]["ten"] for ref in data["thi_hanh"]] == [
        "Văn phòng Ủy ban nhân dân tỉnh", "Sở Lao động - Thương binh và Xã hội",
        "Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert page_of(render_text(text)) == page_of(rendered(example))


def test_an_attached_plan_typed_with_tabs_and_another_authority_is_read(tmp_path):
    """The attached plan's header typed with tabs, and its line «(Ban hành kèm theo …)» naming the organ rather than
    its Chairman: the authority written there becomes ten_tham_quyen, and the document renders back line by line."""
    page = page_of(rendered(ROOT / "data" / "vi-du" / "quyet-dinh-ban-hanh-ke-hoach.yaml"))
    assert page.appendix[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Độc lập - Tự do - Hạnh phúc"]
    page.appendix[6] = page.appendix[6].replace("của Chủ tịch Ủy ban", "của Ủy ban")
    typed_page = Page(page.left, page.right, page.kind, page.summary, page.body, page.recipients, page.signature,
                      ["ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "TỈNH AN GIANG\t\tĐộc lập - Tự do - Hạnh phúc", *page.appendix[4:]])
    text = imported_text(tmp_path, typed(typed_page, "tab"))
    data = yaml.safe_load(text)
    assert data["ten_tham_quyen"] == "Ủy ban nhân dân tỉnh An Giang"
    assert data["ky"] == {"quyen_han": ["KT. CHỦ TỊCH"], "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Lê Văn Phước"}
    assert page_of(render_text(text)) == page


def test_a_party_committee_header_is_recognised(tmp_path):
    """Hướng dẫn 36-HD/VPTW: «ĐẢNG CỘNG SẢN VIỆT NAM» instead of the national title, «Số 12-KH/ĐU», the higher
    Party committee above the issuing one."""
    page = page_of(rendered(PLAN_2024))
    page.left = ["ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ĐẢNG ỦY XÃ NẬM LỊCH", "*", "Số 12-KH/ĐU"]
    page.right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Nậm Lịch, ngày 05 tháng 3 năm 2024"]
    data = yaml.safe_load(imported_text(tmp_path, typed(page, "tab")))
    assert data["co_quan"] == {"chu_quan": "ĐẢNG BỘ HUYỆN MƯỜNG ẢNG", "ten": ["ĐẢNG ỦY XÃ NẬM LỊCH"], "viet_tat": "ĐU",
                               "dia_danh": "Nậm Lịch"}
    assert (data["so"], data["ngay"]) == (12, "05/3/2024")


def test_the_numbering_scheme_is_read_from_the_document(tmp_path):
    """«Phần thứ nhất» above «I.», and «1.1.» under «1.»: the document's own scheme becomes danh_so."""
    page = page_of(rendered(PLAN_2024))
    first = page.body.index("I. MỤC ĐÍCH, YÊU CẦU")
    page.body[first:first] = ["Phần thứ nhất", "NHỮNG VẤN ĐỀ CHUNG"]
    page.body = [line.replace("a) Phạm vi", "2.1. Phạm vi").replace("b) Thời gian", "2.2. Thời gian")
                 for line in page.body]
    text = imported_text(tmp_path, typed(page, "bang"))
    data = yaml.safe_load(text)
    assert data["danh_so"] == ["Phần thứ nhất", "I.", "1.", "1.1."]
    assert data["noi_dung"][0]["muc"] == "Những vấn đề chung"
    assert page_of(render_text(text)) == page


def test_vni_text_pasted_without_its_font_is_converted(tmp_path):
    page = page_of(rendered(PLAN_2024))
    first = next(i for i, line in enumerate(page.body) if line.startswith("- Tuyên truyền"))
    page.body[first] = "- Tuyeân truyeàn, phoå bieán chuû tröông, ñöôøng loái cuûa Ñaûng"
    data = yaml.safe_load(imported_text(tmp_path, typed(page, "bang")))
    assert data["noi_dung"][0]["noi_dung"][0]["noi_dung"][0] == {
        "gach": "Tuyên truyền, phổ biến chủ trương, đường lối của Đảng"}


def test_an_imported_plan_is_rolled_over_to_next_year(tmp_path):
    source = tmp_path / "ke-hoach-2024.docx"
    source.write_bytes(rendered(PLAN_2024))
    made = api.import_docx(source).output
    result = invoke(["new", str(made), "--year", "2025"])
    assert result.exit_code == 0, result.stderr
    assert read_plan(tmp_path / "ke-hoach-2025.yaml").plan.year == 2025


def test_text_in_a_text_box_is_read(tmp_path):
    """Some clerks draw the organ's name in a text box: its lines are read after the paragraph it is anchored in."""
    import io as _io

    import docx
    from docx.oxml import parse_xml

    page = page_of(rendered(PLAN_2024))
    document = docx.Document(_io.BytesIO(typed(page, "bang")))
    note = document.add_paragraph()
    note._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pict><v:shape'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Ghi chú trong khung</w:t>'
        '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    out = _io.BytesIO()
    document.save(out)
    assert "Ghi chú trong khung" in imported_text(tmp_path, out.getvalue())


# -- documents of the other kinds (data/vi-du: Tờ trình, Công văn, Báo cáo, Thông báo, Hướng dẫn, Quyết định) ------

KINDS = sorted(p for p in [*(ROOT / "data" / "vi-du").glob("*.yaml"), *REAL_ALL] if p not in EXAMPLES + REAL)


def rendered_by_the_command(path: Path, output: Path) -> bytes:
    result = invoke(["render", str(path), "-o", str(output), "--force"])
    assert result.exit_code == 0, result.stderr
    return output.read_bytes()


@pytest.mark.parametrize("example", _each(KINDS, READ_OTHERWISE))
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_document_of_another_kind_renders_back_line_by_line(tmp_path, example, variant):
    page = page_of(rendered_by_the_command(example, tmp_path / "goc.docx"))
    source = tmp_path / "van-thu.docx"
    source.write_bytes(typed(page, variant))
    result = invoke(["import", str(source), "-o", str(tmp_path / "nhap.yaml")])
    assert result.exit_code == 0, result.stderr
    assert page_of(rendered_by_the_command(tmp_path / "nhap.yaml", tmp_path / "lai.docx")) == page


def test_the_article_labels_and_the_archive_line_are_read_as_the_kinds_data_words_them(tmp_path, monkeypatch):
    """«Điều 1.» and «Lưu: …» are the kinds' sentences nhan-dieu and dong-luu (data/kinds/_chung.yaml): the importer
    reads them by that wording (a clerk's spaces around «:» allowed), and by a kind's own where it has one."""
    from kehoach.features.importer import header, kinds
    from kehoach.kinds import catalog

    label = kinds.article_label(catalog.find("Quyết định"))
    article = label.match("Điều 12. Quyết định này có hiệu lực.")
    assert article.group("n", "text") == ("12", "Quyết định này có hiệu lực.")
    assert label.match("Điều 12 Quyết định này có hiệu lực.") is None

    class Worded:  # a kind whose data words the label its own way
        def sentence(self, name, overrides=None, layout=None):
            return "Điều thứ {{ n }}:" if name == "nhan-dieu" else None

    assert kinds.article_label(Worded()).match("Điều thứ 2 : Giao Phòng Nội vụ.").group("text") == "Giao Phòng Nội vụ."
    page = page_of(rendered(PLAN_2024))
    page.recipients[-1] = "- Lưu :VT, LĐTBXH."
    assert yaml.safe_load(imported_text(tmp_path, typed(page, "bang")))["noi_nhan"]["luu"] == "ldtbxh"
    worded = {**catalog.shared_sentences(), "dong-luu": "Lưu tại {{ noi_luu }}"}
    monkeypatch.setattr(catalog, "shared_sentences", lambda: worded)
    assert header._archive_line().match("Lưu tại VT, LĐTBXH.").group("noi_luu") == "VT, LĐTBXH"


def test_an_archive_line_of_another_shape_is_kept_as_written(tmp_path):
    page = page_of(rendered(PLAN_2024))
    page.recipients[-1] = "- Lưu: VTVP.UBND tỉnh."
    text = imported_text(tmp_path, typed(page, "bang"))
    assert yaml.safe_load(text)["noi_nhan"]["luu_ghi"] == "VTVP.UBND tỉnh"
    assert page_of(render_text(text)) == page
