"""A YAML key that means the same in two models is declared once, so that an editor's hover says the same of it
wherever the clerk types it (a Quyết định's own file and a plan's `quyet_dinh` block, a Báo cáo and a plan's
`ket_qua` block, a document and a shared file)."""

import importlib
import pkgutil
from collections import defaultdict

from pydantic import BaseModel

import kehoach.model

#: Keys two models accept with different descriptions because they do not mean the same there (reviewed): a block's
#: `so`, `ngay`, `nam`, `trich_yeu`, `noi_nhan`, `ky`, `can_cu`, `cau_chu` take the plan's by default, which the
#: document's own do not; `mo_dau`, `ket_luan` of a Báo cáo block have default sentences; a cited document's `loai`,
#: `so`, `ngay`, `nam`, `co_quan`, `trich_yeu`, `ngay_ghi`, `kieu_ngay` are another document's; a basis's `mo_dau`,
#: `noi_dung`, `van_ban` are its lead word, free text and document ids; the rest are other things under one word.
DIFFERENT = {
    "can_cu", "cau_chu", "co_quan", "hoat_dong", "ket_luan", "ket_qua", "kieu_ngay", "kinh_phi", "ky", "loai", "mo_dau",
    "nam", "ngay", "ngay_ghi", "noi_dung", "noi_nhan", "so", "ten", "tieu_de", "trich_yeu", "van_ban", "viet_tat",
}


def _descriptions() -> dict[str, set[str]]:
    """Every key of every kehoach model, with the descriptions it is declared with."""
    for info in pkgutil.iter_modules(kehoach.model.__path__):
        importlib.import_module(f"kehoach.model.{info.name}")
    importlib.import_module("kehoach.source.registry")
    found: dict[str, set[str]] = defaultdict(set)
    pending = [BaseModel]
    while pending:
        for model in pending.pop().__subclasses__():
            pending.append(model)
            if model.__module__.startswith("kehoach."):
                model.model_rebuild()
                for name, field in model.model_fields.items():
                    found[field.alias or name].add(field.description or "")
    return found


def test_a_key_that_means_the_same_is_described_once():
    described = _descriptions()
    assert {"tham_quyen", "de_nghi", "thi_hanh", "kinh_gui", "id", "don_vi"} <= set(described)
    assert {key for key, texts in described.items() if len(texts) > 1} == DIFFERENT


def test_a_decision_block_and_a_decision_file_accept_the_same_values_for_their_shared_keys():
    from kehoach.model.blocks import Decision
    from kehoach.model.decision import DecisionDocument

    for key in ("tham_quyen", "de_nghi", "thi_hanh"):
        block, own = ([f for f in model.model_fields.values() if f.alias == key][0] for model in (Decision, DecisionDocument))
        assert (block.annotation, block.get_default(call_default_factory=True), block.description) == (
            own.annotation, own.get_default(call_default_factory=True), own.description), key
