"""A decision read back (kehoach.model.decision): who proposed it and who executes it, named as units, and what
the kind's sentences (data/kinds/quyet-dinh.yaml) would write by themselves left out of the data.

A decision names units by the title of their head: «Theo đề nghị của Giám đốc Sở Nội vụ», «Chánh Văn phòng …,
Giám đốc Sở … và Chủ tịch Ủy ban nhân dân … chịu trách nhiệm thi hành». Each such name becomes the unit's id
when kehoach.conventions.heads writes the same title for it again. Then the articles, the summary and the line
«(Ban hành kèm theo Quyết định số …)» are composed from the data as kehoach would; where they are what the
document says, the data leaves them out (Điều 1–3 from the kind's sentences), so that the file says what the
clerk wrote once and kehoach keeps the rest right.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kehoach.conventions.heads import titles, unit_headed
from kehoach.features.importer.units import Units

if TYPE_CHECKING:
    from kehoach.features.importer.recognise import Imported


def heads_in(text: str) -> list[str]:
    """The heads a list «A, B và C» names, cut only where a head's title begins (names hold «,» and «và» too)."""
    starts = "|".join(re.escape(title) for title in titles())
    return [piece for piece in re.split(rf"(?:, | và )(?=(?:{starts}))", text) if piece]


def as_units(data: dict, units: Units, kind) -> None:
    """«Theo đề nghị của …» and Điều 3's executors → unit ids where kehoach writes their heads the same."""
    if isinstance(data.get("de_nghi"), str) and (name := unit_headed(data["de_nghi"])):
        data["de_nghi"] = units.listed(name)
        units.anchored.add(data["de_nghi"])
    articles = data.get("dieu") or []
    template = kind.sentence("dieu-3") or ""
    if len(articles) < 3 or template.count("{{") != 1 or "{{ thi_hanh }}" not in template:
        return
    before, after = (re.escape(part) for part in template.split("{{ thi_hanh }}"))
    if not (m := re.fullmatch(f"{before}(?P<who>.+){after}", articles[2])):
        return
    executors = []
    for who in heads_in(m.group("who")):
        name = unit_headed(who)
        executors.append(units.listed(name) if name else who)
    data["thi_hanh"] = executors


def defaults_left_out(data: dict, out: Imported, attached_line: str | None) -> None:
    """Leave out what the kind's sentences write the same: the articles (with the executors, when Điều 3 names
    the proposer and «thi-hanh-khac»), the summary «Ban hành …»; and name the authority of «(Ban hành kèm theo
    … của …)» where it is not the one kehoach derives."""
    from kehoach.features.importer.kinds import trial_context

    if not data.get("ban_hanh"):  # the articles are the clerk's own: whom they name is in their words
        data.pop("thi_hanh", None)
        return
    for trial in _without_articles(data):
        context = trial_context(trial)
        if context is not None and [a["text"] for a in context["articles"]] == data.get("dieu", []):
            data.clear()
            data.update(trial)
            break
    else:
        data.pop("thi_hanh", None)  # the articles are the clerk's own: whom they name is in their words
    if "trich_yeu" in data:
        trial = {k: v for k, v in data.items() if k != "trich_yeu"}
        context = trial_context(trial)
        if context is not None and _one_line(context["summary_lines"]) == _one_line(data["trich_yeu"].split("\n")):
            data.clear()
            data.update(trial)
    if attached_line is None:
        return
    context = trial_context(data)
    if context is None or not context.get("attached") or context["attached"]["issued_with"] == attached_line:
        return
    if m := re.search(r" của (?P<who>.+)\)$", attached_line):
        trial = {**data, "ten_tham_quyen": m.group("who")}
        context = trial_context(trial)
        if context is not None and context["attached"]["issued_with"] == attached_line:
            data["ten_tham_quyen"] = m.group("who")
            return
    out.comments[("ban_hanh",)] = f"văn bản gốc ghi «{attached_line}»; kehoach in dòng này theo số, ngày của Quyết định"


def _without_articles(data: dict):
    """The data without its articles: with the executors as read, then without them (the default Điều 3)."""
    base = {k: v for k, v in data.items() if k != "dieu"}
    if "thi_hanh" in base:
        yield {k: v for k, v in base.items() if k != "thi_hanh"}
    yield base


def _one_line(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())
