"""A layout profile: every number of a document's layout, typed, with the clause it comes from.

The numbers live in `data/profiles/<id>.yaml`; `load` (in `__init__`) turns one file into a `Profile` of
the immutable named tuples below. The template builders (tools/templates) and the .docx checks read the
same object, so that what kehoach writes and what it accepts cannot drift apart. Each group mirrors one
part of the page; a field's type says the unit its number is read in (`units`).

Why `NamedTuple` and not `@dataclass(frozen=True)`: every `check` and `render` imports this module, and a
frozen dataclass costs 0.5–0.7 ms to create (dataclasses exec()s the generated `__init__`, `__eq__`,
`__hash__`, `__setattr__`…), a NamedTuple ~70 µs: the 13 classes here took 7.3 ms of a 256 ms check as
dataclasses. They keep what mattered: immutable, typed fields, equal by value. Being tuples, a group also
iterates over its values; read it by name (`_fields`, `_replace`, `_asdict` where a dataclass had the
module functions).
"""

# No `from __future__ import annotations`: typing.NamedTuple compiles a ForwardRef for each string annotation (85
# fields here: ~0.5 ms of `kehoach render`); as objects they cost next to nothing (subscripts are cached).
from typing import Generic, NamedTuple, TypeVar

from kehoach.profiles.units import Eighths, Lines, Pt, Ratio, Twips

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """One number of the layout: the value kehoach uses, the range the text allows, and where it comes from."""

    value: T
    clause: str
    low: T
    high: T
    why: str = ""
    #: For a font size: how its text looks, in words: caps, bold / regular, italic / upright, underline.
    look: str = ""

    @property
    def chosen(self) -> T:
        return self.value

    def __contains__(self, other) -> bool:
        return self.low <= other <= self.high

    @property
    def bold(self) -> bool | None:
        """True: bold; False: not bold; None: the clause says nothing."""
        return _word(self.look, "bold", "regular")

    @property
    def italic(self) -> bool | None:
        return _word(self.look, "italic", "upright")

    @property
    def caps(self) -> bool | None:
        return True if "caps" in self.look.split() else None

    @property
    def underline(self) -> bool | None:
        return True if "underline" in self.look.split() else None


def _word(look: str, yes: str, no: str) -> bool | None:
    words = look.split()
    return True if yes in words else False if no in words else None


class Page(NamedTuple):
    width: Setting[Twips]
    height: Setting[Twips]
    margin_top: Setting[Twips]
    margin_bottom: Setting[Twips]
    margin_left: Setting[Twips]
    margin_right: Setting[Twips]
    header_distance: Setting[Twips]

    @property
    def text_width(self) -> Twips:
        """The width between the margins kehoach uses, on a portrait page."""
        return Twips(self.width.value - self.margin_left.value - self.margin_right.value)


class Texts(NamedTuple):
    """The fixed words of the header: the State's Quốc hiệu and Tiêu ngữ, or the Party's name and «*»; and the mark
    the last legal basis may end with besides «.»."""

    national_title: Setting[str] | None = None
    motto: Setting[str] | None = None
    party_title: Setting[str] | None = None
    organ_mark: Setting[str] | None = None
    last_basis_mark: Setting[str] | None = None


class Sizes(NamedTuple):
    """Font sizes per element, in points."""

    organ: Setting[Pt]
    number: Setting[Pt]
    place_date: Setting[Pt]
    doc_type: Setting[Pt]
    summary: Setting[Pt]
    body: Setting[Pt]
    part_heading: Setting[Pt]  # «Phần thứ nhất» / «Phần I» and the part's title under it
    bases: Setting[Pt]
    signer: Setting[Pt]
    recipients_label: Setting[Pt]
    recipients: Setting[Pt]
    page_number: Setting[Pt]
    draft_mark: Setting[Pt]
    appendix_label: Setting[Pt]
    appendix_title: Setting[Pt]
    appendix_reference: Setting[Pt]
    table: Setting[Pt]
    footnote: Setting[Pt]
    national_title: Setting[Pt] | None = None  # State header
    motto: Setting[Pt] | None = None
    party_title: Setting[Pt] | None = None  # Party header
    parent_organ: Setting[Pt] | None = None  # the parent organ's line, when it looks unlike the organ's


class Body(NamedTuple):
    first_line_indent: Setting[Twips]
    paragraph_spacing_min: Setting[Twips]
    space_before: Setting[Twips]
    line_spacing: Setting[Lines]


class HeaderTable(NamedTuple):
    indent: Setting[Twips]
    left_column: Setting[Twips]
    right_overhang: Setting[Twips]
    draft_box_width: Setting[Twips]


class ClosingTable(NamedTuple):
    left_column: Setting[Twips]
    space_above: Setting[Twips]
    signature_space: Setting[Twips]


class Rules(NamedTuple):
    """The solid lines of the header and the title block, as a fraction of the text line above them."""

    under_motto: Setting[Ratio]
    short: Setting[Ratio]
    weight: Setting[Eighths]


class Tables(NamedTuple):
    cell_margin: Setting[Twips]
    border_weight: Setting[Eighths]
    cell_space: Setting[Twips]


class Appendix(NamedTuple):
    first_page: Setting[int]
    columns: Setting[tuple[Twips | None, ...]]


class Signing(NamedTuple):
    """How the number line and the signing authority are written."""

    number_prefix: Setting[str]
    symbol: Setting[str]  # «{kind}-{organ}»: the ký hiệu after the number
    joiner: Setting[str]  # between the number and the ký hiệu: «/» (12/KH-UBND), «-» (12-KH/ĐU)
    authority: Setting[tuple[str, ...]]  # the abbreviations a signing-authority line starts with
    collective: Setting[tuple[str, ...]]  # organs that sign on behalf of the body («TM. ỦY BAN NHÂN DÂN»)


class Tolerances(NamedTuple):
    """The checker's own margins of error: what a Word dialog rounds away. Not numbers of the decree."""

    paper: Setting[Twips]
    margin: Setting[Twips]
    indent: Setting[Twips]
    default_size: Setting[Pt]
    signature_gap: Setting[Twips]


#: The style ids of the templates that draw a rule (a paragraph's bottom border), and which rule each is.
RULE_STYLE_IDS = {"KHDuongKeNgan": "short", "KHDuongKeDai": "under_motto"}


class Profile(NamedTuple):
    """Every number of one layout (Nghị định 30, Hướng dẫn 36), read from its profile file."""

    id: str
    name: str
    cite: str  # how a message names the text: «Nghị định 30 quy định …»
    header: str  # "state": Quốc hiệu and Tiêu ngữ; "party": «ĐẢNG CỘNG SẢN VIỆT NAM» and «*»
    page: Page
    font: Setting[str]
    texts: Texts
    sizes: Sizes
    body: Body
    header_table: HeaderTable
    closing_table: ClosingTable
    rules: Rules
    tables: Tables
    appendix: Appendix
    signing: Signing
    tolerances: Tolerances

    @property
    def text_width(self) -> Twips:
        return self.page.text_width

    @property
    def header_columns(self) -> tuple[Twips, Twips]:
        """The header table's columns: the organ's, and the rest of the line plus the overhang."""
        table = self.header_table
        left = table.left_column.value
        return left, Twips(self.text_width - table.indent.value - left + table.right_overhang.value)

    @property
    def closing_columns(self) -> tuple[Twips, Twips]:
        left = self.closing_table.left_column.value
        return left, Twips(self.text_width - left)

    @property
    def appendix_page(self) -> tuple[Twips, Twips]:
        """A Phụ lục's page, A4 turned (width, height): its table is wide."""
        return self.page.height.value, self.page.width.value

    @property
    def appendix_text_width(self) -> Twips:
        return Twips(self.appendix_page[0] - self.page.margin_left.value - self.page.margin_right.value)

    @property
    def appendix_columns(self) -> tuple[Twips, ...]:
        """The task table's columns; the one left open (Nội dung) takes what the others leave."""
        fixed = self.appendix.columns.value
        rest = Twips(self.appendix_text_width - sum(width for width in fixed if width))
        return tuple(rest if width is None else width for width in fixed)

    @property
    def rule_styles(self) -> dict[str, float]:
        """The template styles that draw a rule, and the fraction of the line above each one's length."""
        return {style: getattr(self.rules, name).value for style, name in RULE_STYLE_IDS.items()}

    @property
    def is_party(self) -> bool:
        return self.header == "party"
