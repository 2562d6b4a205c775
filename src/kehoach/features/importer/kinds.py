"""What documents of other kinds print around their body, read back (kehoach.kinds: Tờ trình, Công văn, Báo cáo,
Thông báo, Hướng dẫn, Quyết định): «Kính gửi:», the issuing authority, «Theo đề nghị của …», «QUYẾT ĐỊNH:» and the
articles; and the sentences a kind writes by itself (its `cau_chu`: «Kính trình … xem xét, phê duyệt./.», «Như
trên»), which are left out of the data when the document says exactly them, so that kehoach writes them again.
"""

from __future__ import annotations

import re
from functools import cache

_ADDRESSEE = re.compile(r"^Kính gửi\s*:\s*(?P<to>.*)$")
DECIDE = "QUYẾT ĐỊNH:"
_NAME = re.compile(r"\{\{ ?([a-z_]+) ?\}\}")


def sentence_pattern(template: str, names: dict[str, str]) -> str:
    """The regex that reads back what the sentence `template` writes: its words as they are (a clerk's spaces around
    «:» allowed), each `{{ name }}` a group matching names[name]."""
    out = []
    for index, piece in enumerate(_NAME.split(template.strip())):
        if index % 2:
            out.append(f"(?P<{piece}>{names[piece]})")
            continue
        for word in re.split(r"(\s+|:)", re.sub(r"\s*:\s*", ":", piece)):
            out.append(r"\s*:\s*" if word == ":" else r"\s+" if word.isspace() else re.escape(word))
    return "".join(out)


_NUMBER = r"\d+"


@cache
def article(template: str) -> re.Pattern:
    """An article, «Điều 1. <text>», read by its label as the kinds' sentence «nhan-dieu» words it (`template`)."""
    return re.compile(rf"^{sentence_pattern(template, {'n': _NUMBER})}\s+(?P<text>\S.*)$")


def article_label(kind=None, layout: str | None = None) -> re.Pattern:
    """`article` for the label a kind writes in a layout, or the one every kind shares (data/kinds/_chung.yaml)."""
    from kehoach.kinds import catalog

    template = (kind.sentence("nhan-dieu", None, layout) if kind else None) or catalog.shared_sentences()["nhan-dieu"]
    return article(template)


def kind_of(doc_type: str):
    """The kind (kehoach.kinds.catalog.Kind) of a document type, or None."""
    try:
        from kehoach.kinds import catalog
    except ImportError:  # pragma: no cover - kinds are part of kehoach
        return None
    return catalog.find(doc_type)


def addressee(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the names after «Kính gửi:», the lines after them) when the lines open with «Kính gửi»."""
    if not lines or not (m := _ADDRESSEE.match(lines[0])):
        return [], lines
    if m.group("to"):
        return [m.group("to").strip()], lines[1:]
    names, index = [], 1
    while index < len(lines) and lines[index].startswith(("- ", "– ")):
        names.append(lines[index][2:].strip().rstrip(";.").strip())
        index += 1
    return names, lines[index:]


def authority(lines: list[str], organ_lines: list[str]) -> tuple[str | None, list[str]]:
    """A decision's issuing authority (the capital line above its bases), when it is not the organ's own name."""
    if not lines or not lines[0].isupper() or article_label().match(lines[0]) or lines[0] == DECIDE:
        return None, lines
    default = " ".join(organ_lines).upper()
    return (None if lines[0] == default else lines[0]), lines[1:]


def decision_tail(lines: list[str], kind=None, layout: str | None = None,
                  organ_lines: tuple[str, ...] = ()) -> tuple[dict, list[str], list[str]]:
    """A decision's «Theo đề nghị của …» (the Party's «Xét đề nghị của …,»), «QUYẾT ĐỊNH:» (the Party's «BAN THƯỜNG
    VỤ … QUYẾT ĐỊNH») and articles, worded as the kind's data words them in the document's layout (`theo_the_thuc`):
    (data, the articles' leftover lines, the rest).

    `lines` start after the bases. Lines between the articles that are no article are returned as leftover,
    for the caller to keep as marked text."""
    data: dict = {}
    rest = list(lines)
    proposal = (kind.sentence("de-nghi", None, layout) if kind else None) or "Theo đề nghị của {{ de_nghi }}."
    lead, _, mark = proposal.partition("{{ de_nghi }}")
    if rest and (m := re.match(rf"^{re.escape(lead)}(?P<who>.+?)(?P<end>[.,;])?$", rest[0])):
        data["de_nghi"] = m.group("who").strip()
        if (m.group("end") or "") != mark:
            data["cau_chu"] = {"de-nghi": lead + "{{ de_nghi }}" + (m.group("end") or "")}
        rest = rest[1:]
    decide = (kind.sentence("quyet-dinh", None, layout) if kind else None) or DECIDE
    pattern = re.escape(decide).replace(re.escape("{{ tham_quyen_in_hoa }}"), "(?P<authority>.+)")
    if rest and (m := re.match(f"^{pattern}$", rest[0])):
        authority = m.groupdict().get("authority")
        if authority and authority != " ".join(organ_lines).upper():
            data["tham_quyen"] = authority  # «BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH»: who decides
        rest = rest[1:]
    articles, leftover, index = [], [], 0
    label = article_label(kind, layout)
    while index < len(rest):
        m = label.match(rest[index])
        if m is None:
            if not articles:
                break
            leftover.append(rest[index])
        else:
            articles.append(m.group("text"))
        index += 1
    if articles:
        data["dieu"] = articles
    return data, leftover, rest[index:] if articles else rest


def defaults_left_out(data: dict, out) -> None:
    """Leave out the closing and the first recipient when they are the kind's own sentences for this document."""
    kind = kind_of(data.get("loai", ""))
    if kind is None or kind.model == "ke-hoach":
        return
    from kehoach.kinds.wording import sentence, sentence_names

    trial = {k: v for k, v in data.items() if k != "ket_luan"}
    made = _document(trial)
    if made is None:
        return
    document, refs = made
    names = sentence_names(document, refs)
    closing = sentence(kind, document, "ket-luan", names)
    if closing and data.get("ket_luan") in (closing, [closing]):
        del data["ket_luan"]
    first = sentence(kind, document, "noi-nhan", names)
    sent = data.get("noi_nhan", {}).get("gui")
    if first and isinstance(sent, list) and sent and sent[0] == first:
        data["noi_nhan"]["gui"] = sent[1:] or sent


def trial_context(data: dict) -> dict | None:
    """What kehoach's composer prints for the document `data` holds (kehoach.render.compose.build), or None
    when `data` is no valid document: a trial of what a default would write."""
    made = _document(data)
    kind = kind_of(data.get("loai", ""))
    if made is None or kind is None:
        return None
    from kehoach.render.compose import build

    return build(made[0], kind, made[1])


def _document(data: dict):
    """(document, references) read from `data` as a data file would be, or None when it is not valid."""
    from kehoach.errors import KehoachError
    from kehoach.model.references import References
    from kehoach.source.plan_file import read_plan_text

    try:
        document = read_plan_text(_dump(data), "nhap.yaml").plan
    except (KehoachError, ValueError):
        return None
    return document, References(document)


def _dump(data: dict) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
