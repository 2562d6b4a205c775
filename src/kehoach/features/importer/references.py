"""Mentions inside the text that kehoach keeps right by itself: a declared document («Quyết định số 4438/QĐ-UBND
ngày 14/12/2023») and a part («mục 1 và mục 2 Phần III») become [[id]], so that a renumbering or a corrected
date follows everywhere.
"""

from __future__ import annotations

import re

from kehoach.features.importer import body as body_parts

_SECTION_REF = re.compile(r"(?P<words>(?:mục \d+(?:,\s*| và )?)+)\s*(?P<part>Phần|phần) (?P<roman>[IVXLC]+)\b")


def rewrite(data: dict, parts) -> None:
    """A later mention of a declared document («Quyết định số 4438/QĐ-UBND ngày 14/12/2023») and of a part
    («mục 1 và mục 2 Phần III») become [[id]], so that kehoach keeps them right when things move."""
    from kehoach.model.plan import CitedDocument
    from kehoach.model.references import cite_in_text

    mentions = {}
    for doc_id, doc in data.get("van_ban", {}).items():
        if "so" not in doc:
            continue  # a law's short mention is its bare name: ordinary words of a sentence, left as they are
        try:
            mentions[cite_in_text(CitedDocument.model_validate(doc))] = doc_id
        except ValueError:
            continue
    numbered = {part.number: part for part in parts}
    local = "danh_so" not in data  # «mục 2» of the same part, numbered by the decree's default scheme

    def within(part):
        def one(text: str) -> str:
            for mention, doc_id in mentions.items():
                text = text.replace(mention, f"[[{doc_id}]]")
            text = _SECTION_REF.sub(lambda m: _section_ref(m, numbered), text)
            if part is not None and local:
                text = _LOCAL_REF.sub(lambda m: _local_ref(m, part), text)
            return text
        return one

    for key in ("mo_dau", "ket_luan"):
        if key in data:
            data[key] = _rewritten(data[key], within(None))
    for item, part in zip(data.get("noi_dung", []), parts):
        _rewrite_texts(item, within(part))


def rewrite_in(attached: dict, data: dict, parts) -> None:
    """`rewrite` inside the document a decision issues (ban_hanh), with the decision's declared documents."""
    view = {**attached, "van_ban": data.get("van_ban", {})}
    if "danh_so" in data:
        view["danh_so"] = data["danh_so"]
    rewrite(view, parts)
    for key in ("mo_dau", "ket_luan", "noi_dung"):
        if key in attached:
            attached[key] = view[key]


def _rewritten(value, one):
    if isinstance(value, str):
        return one(value)
    if isinstance(value, list):
        return [one(v) if isinstance(v, str) else v for v in value]
    return value


#: «mục 2» alone, of the part the text stands in (when no «Phần …» follows).
_LOCAL_REF = re.compile(r"\bmục (\d+)\b(?!\s*(?:(?:,\s*| và )mục \d+\s*)*[Pp]hần )")


def _local_ref(match: re.Match, part) -> str:
    items = [c for c in part.children if isinstance(c, body_parts.Part)]
    index = int(match.group(1)) - 1
    if 0 <= index < len(items) and items[index].id:
        return f"mục [[{items[index].id}]]"
    return match.group(0)


def _section_ref(match: re.Match, numbered: dict) -> str:
    part = numbered.get(match.group("roman"))
    if part is None or not part.id:
        return match.group(0)
    items = [c for c in part.children if isinstance(c, body_parts.Part)]

    def item(m: re.Match) -> str:
        index = int(m.group(1)) - 1
        if 0 <= index < len(items) and items[index].id:
            return f"mục [[{items[index].id}]]"
        return m.group(0)

    words = re.sub(r"mục (\d+)", item, match.group("words"))
    if "[[" not in words:
        return match.group(0)
    return f"{words} {match.group('part')} [[{part.id}]]"


def _rewrite_texts(node, rewrite, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("noi_dung", "mo_dau", "ket_luan", "gach") and isinstance(v, str):
                node[k] = rewrite(v)
            elif k in ("noi_dung", "mo_dau", "ket_luan") and isinstance(v, list):
                node[k] = [rewrite(x) if isinstance(x, str) else _rewrite_texts(x, rewrite) or x for x in v]
            elif k not in ("van_ban", "don_vi", "can_cu"):
                _rewrite_texts(v, rewrite)
    elif isinstance(node, list):
        for x in node:
            _rewrite_texts(x, rewrite)
    return None
