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
        try:
            mentions[cite_in_text(CitedDocument.model_validate(doc))] = doc_id
        except ValueError:
            continue
    numbered = {part.number: part for part in parts}

    def one(text: str) -> str:
        for mention, doc_id in mentions.items():
            text = text.replace(mention, f"[[{doc_id}]]")
        return _SECTION_REF.sub(lambda m: _section_ref(m, numbered), text)

    _rewrite_texts(data, one)


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
