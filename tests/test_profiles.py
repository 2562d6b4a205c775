"""Layout profiles: every number of data/profiles/*.yaml is typed, names its clause, and is what the shipped
templates hold, so that the builders and the .docx checks read one source."""

from __future__ import annotations

import subprocess
import typing
import sys
import zipfile

import pytest

from kehoach import profiles
from kehoach.profiles import ProfileError, Setting
from kehoach.profiles.profile import Profile
from kehoach.profiles.units import Eighths, Lines, Pt, Ratio, Twips, UnitError
from support import ROOT


def _settings(obj, where=""):
    for name in obj._fields:
        value = getattr(obj, name)
        if isinstance(value, Setting):
            yield f"{where}{name}", value
        elif hasattr(value, "_fields"):
            yield from _settings(value, f"{where}{name}.")


@pytest.mark.parametrize("profile_id", profiles.available())
def test_every_number_names_its_clause_and_lies_in_its_range(profile_id):
    profile = profiles.load(profile_id)
    found = list(_settings(profile))
    assert len(found) > 40
    for name, setting in found:
        assert setting.clause.strip(), name
        if not isinstance(setting.value, (tuple, str)):
            assert setting.value in setting, name


def test_numbers_are_typed_by_their_unit():
    nd30 = profiles.load("nd30")
    assert type(nd30.page.margin_left.value) is Twips and nd30.page.margin_left.value == 1701  # 30 mm
    assert nd30.page.margin_left.value.in_mm == pytest.approx(30, abs=0.01)
    assert type(nd30.sizes.body.value) is Pt and nd30.sizes.body.value == 14
    assert (nd30.sizes.organ.low, nd30.sizes.organ.high) == (12, 13)
    assert type(nd30.body.line_spacing.value) is Lines and nd30.body.line_spacing.high == 360
    assert type(nd30.rules.weight.value) is Eighths and nd30.rules.weight.value == 6  # 0.75 pt
    assert type(nd30.rules.short.value) is Ratio and nd30.rules.short.low == pytest.approx(1 / 3)
    assert nd30.body.first_line_indent.value == 720  # 1.27 cm
    assert nd30.page.margin_left.clause.startswith("I.3")


def test_a_profile_is_immutable_and_its_fields_are_typed():
    """What kehoach relies on: nobody can change a loaded profile that the whole process shares, and each field
    declares its unit (the reader converts every value by it)."""
    nd30 = profiles.load("nd30")
    for obj, name in ((nd30, "font"), (nd30.page, "margin_left"), (nd30.page.margin_left, "value")):
        with pytest.raises(AttributeError):
            setattr(obj, name, None)
    hints = typing.get_type_hints(Profile)
    assert hints["id"] is str and typing.get_origin(hints["font"]) is Setting
    assert typing.get_args(typing.get_type_hints(type(nd30.page))["margin_left"]) == (Twips,)
    assert typing.get_args(typing.get_type_hints(type(nd30.sizes))["body"]) == (Pt,)
    assert nd30.page._replace(margin_left=nd30.page.margin_right) != nd30.page  # a changed copy, never in place
    assert profiles.load("nd30") is nd30 and profiles.load("nd30").page.margin_left.value == 1701


@pytest.mark.parametrize("profile_id", profiles.available())
def test_a_text_read_without_building_the_profile_is_the_profile_s(profile_id):
    """profiles.text (what a check of a YAML plan reads) gives every text and text setting as load() types it."""
    profile = profiles.load(profile_id)
    texts = [((name,), value) for name, value in zip(profile._fields, profile) if isinstance(value, str)]
    texts += [(tuple(name.split(".")), setting.value) for name, setting in _settings(profile)
              if isinstance(setting.value, str) or isinstance(setting.value, tuple) and
              all(isinstance(item, str) for item in setting.value)]
    assert {"cite", "header", "signing.authority"} <= {".".join(names) for names, _ in texts}
    assert [(names, profiles.text(profile_id, *names)) for names, _ in texts] == texts
    for names in [("page",), ("signing", "nope"), ("appendix", "first_page")]:  # a group, nothing, a whole number
        with pytest.raises(ProfileError, match=f"{profile_id}.yaml: {'.'.join(names)} không phải chữ"):
            profiles.text(profile_id, *names)


@pytest.mark.parametrize(("unit", "text", "message"), [
    (Pt, "20 mm", "«20 mm»: cỡ chữ phải tính bằng pt"),
    (Twips, "14", "«14»: độ dài phải có đơn vị mm, cm, pt hoặc tw"),
    (Lines, "1 pt", "«1 pt»: giãn dòng phải tính bằng dòng (lines)"),
    (Eighths, "1 mm", "«1 mm»: độ dày đường kẻ phải tính bằng pt"),
    (Ratio, "1 mm", "«1 mm»: tỉ lệ không có đơn vị"),
    (Pt, "mười pt", "«mười pt» không phải một số kèm đơn vị"),
])
def test_units_refuse_the_wrong_kind_of_number_in_vietnamese(unit, text, message):
    """Only a developer meets these (a broken profile is kehoach's bug, exit 70), but inside the line a clerk sees."""
    assert Twips.parse("20 mm") == 1134 and Twips.parse("6 pt") == 120 and Twips.parse("-0,5 cm") == -283
    with pytest.raises(UnitError) as info:
        unit.parse(text)
    assert info.value.message == message


def test_a_profile_file_that_does_not_fit_the_schema_is_refused_in_vietnamese(tmp_path, monkeypatch):
    text = (profiles.FOLDER / "nd30.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(profiles, "FOLDER", tmp_path)
    profiles.load.cache_clear()

    def refused(profile_id: str, old: str, new: str) -> str:
        (tmp_path / f"{profile_id}.yaml").write_text(text.replace("id: nd30", f"id: {profile_id}").replace(old, new, 1),
                                                     encoding="utf-8")
        with pytest.raises(ProfileError) as info:
            profiles.load(profile_id)
        return info.value.message

    try:
        assert refused("x1", "value: 14 pt", "value: 14 mm") == "x1.yaml: «14 mm»: cỡ chữ phải tính bằng pt"
        assert refused("x2", "  margin_top:", "  margin_up:") == "x2.yaml: x2.page: khóa không dùng: margin_up"
        assert refused("x3", "value: 20 mm, allowed", "value: 19 mm, allowed").startswith(
            "x3.yaml: x3.page.margin_top: 19 mm nằm ngoài khoảng cho phép [")
        assert refused("x4", "id: x4", "id: x5") == "x4.yaml: mã «x5» khác tên tệp"
        with pytest.raises(ProfileError) as info:
            profiles.load("hd99")
        assert info.value.message == "không có thể thức «hd99»; các thể thức có: x1, x2, x3, x4"
        assert "lỗi nội bộ của kehoach (ProfileError: không có thể thức «hd99»" in str(info.value)
    finally:
        profiles.load.cache_clear()


def _xml(template: str, part: str) -> str:
    with zipfile.ZipFile(ROOT / "templates" / template) as z:
        return z.read(part).decode()


@pytest.mark.parametrize("profile_id", ["nd30", "hd36"])
@pytest.mark.parametrize("kind", ["ke-hoach", "quyet-dinh", "bao-cao"])
def test_the_shipped_templates_hold_the_profile_numbers(profile_id, kind):
    """Page, margins, font, sizes and the header's column widths of each template are its profile's."""
    nd30 = profiles.load(profile_id)
    template = f"{kind}.docx" if profile_id == "nd30" else f"{profile_id}/{kind}.docx"
    document = _xml(template, "word/document.xml")
    styles = _xml(template, "word/styles.xml")
    page = nd30.page
    assert f'<w:pgSz w:w="{page.width.value}" w:h="{page.height.value}"/>' in document
    assert (f'<w:pgMar w:top="{page.margin_top.value}" w:right="{page.margin_right.value}" '
            f'w:bottom="{page.margin_bottom.value}" w:left="{page.margin_left.value}"') in document
    left, right = nd30.header_columns
    assert f'<w:gridCol w:w="{left}"/><w:gridCol w:w="{right}"/>' in document
    assert f'w:ascii="{nd30.font.value}"' in styles

    def size_of(style_id: str) -> float:
        start = styles.index(f'w:styleId="{style_id}"')
        style = styles[start:styles.index("</w:style>", start)]
        return int(style.split('<w:sz w:val="')[1].split('"')[0]) / 2

    sizes = nd30.sizes
    header = ([("KHTenDang", sizes.party_title)] if nd30.is_party
              else [("KHQuocHieu", sizes.national_title), ("KHTieuNgu", sizes.motto)])
    for style_id, setting in header + [("KHCoQuanChuQuan", sizes.parent_organ),
                              ("KHTenCoQuan", sizes.organ), ("KHSoKyHieu", sizes.number),
                              ("KHDiaDanh", sizes.place_date), ("KHTenLoai", sizes.doc_type),
                              ("KHTrichYeu", sizes.summary), ("KHNoiDung", sizes.body),
                              ("KHNoiNhan", sizes.recipients_label), ("KHNoiNhanMuc", sizes.recipients),
                              ("KHNguoiKy", sizes.signer)]:
        assert size_of(style_id) == setting.value, style_id


def test_reading_a_profile_loads_neither_pydantic_nor_python_docx():
    """A profile is read on every render and check: plain immutable types, cheap to import."""
    code = ("import sys; from kehoach import profiles; profiles.load('nd30'); "
            "print(sorted(m for m in ('docx', 'pydantic') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_docx_checks_read_their_numbers_and_tolerances_from_the_profile(tmp_path, monkeypatch, rendered_bytes):
    """A profile that allows other margins, or rounds less, changes the verdict on the same document."""
    from kehoach.check.runner import check_docx

    text = (profiles.FOLDER / "nd30.yaml").read_text(encoding="utf-8")
    for name in ("nd30", "hd36"):
        (tmp_path / f"{name}.yaml").write_text((profiles.FOLDER / f"{name}.yaml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    wider = text.replace("id: nd30", "id: wide").replace(
        "margin_left: {value: 30 mm, allowed: [30 mm, 35 mm]", "margin_left: {value: 31 mm, allowed: [31 mm, 35 mm]")
    (tmp_path / "wide.yaml").write_text(wider, encoding="utf-8")
    exact = text.replace("id: nd30", "id: exact").replace("paper: {value: 60 tw", "paper: {value: 0 tw")
    (tmp_path / "exact.yaml").write_text(exact, encoding="utf-8")
    monkeypatch.setattr(profiles, "FOLDER", tmp_path)
    profiles.load.cache_clear()
    document = tmp_path / "ke-hoach.docx"
    document.write_bytes(rendered_bytes)
    try:
        def problems(profile_id):
            return [(p.rule, p.message) for p in check_docx(document, "ke-hoach.docx", profile=profile_id).problems]

        assert problems("nd30") == []
        assert problems("wide") == [("docx-margins", "lề trái 30 mm; Nghị định 30 quy định lề trái 31–35 mm")]
        # ND30's own file is 11907 × 16840 twips: inside 60 twips of A4, outside 0.
        _rewrite(document, "word/document.xml", lambda xml: xml.replace('w:w="11906" w:h="16838"',
                                                                        'w:w="11907" w:h="16840"'))
        assert problems("nd30") == []
        assert [rule for rule, _ in problems("exact")] == ["docx-paper"]
    finally:
        profiles.load.cache_clear()


def _rewrite(path, part: str, change) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in items:
            target.writestr(item, change(data.decode("utf-8")).encode("utf-8") if item.filename == part else data)
