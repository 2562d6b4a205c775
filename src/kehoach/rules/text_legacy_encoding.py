"""Chữ gõ bằng bảng mã cũ TCVN3 (phông .VnTime) hoặc VNI (phông VNI-Times), dán vào thành ký tự lạ.

    Văn bản cũ soạn bằng phông .VnTime (bảng mã TCVN3/ABC) hay VNI-Times (bảng mã VNI) khi sao chép sang tệp
    Unicode sẽ thành chuỗi ký tự lạ: «Céng hßa x· héi» (TCVN3) hay «Coäng hoøa xaõ hoäi» (VNI). Nghị định 30
    (Phụ lục I, phần I) quy định phông chữ tiếng Việt của bộ mã ký tự Unicode (TCVN 6909:2001). Hãy chuyển mã
    đoạn chữ đó bằng Unikey (Công cụ chuyển mã: nguồn TCVN3 hoặc VNI, đích Unicode) rồi dán lại.

    Đúng:
        trich_yeu: Ủy ban nhân dân xã Nậm Lịch

    Sai:
        trich_yeu: Uû ban nh©n d©n x· NËm LÞch      (chữ TCVN3, phông .VnTime)
        trich_yeu: UÛy ban nhaân daân xaõ Naäm Lòch  (chữ VNI, phông VNI-Times)
"""

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterator

from kehoach.rules._text import locate
from kehoach.rules.base import PlanContext, Problem, Severity

ID = "text-legacy-encoding"
SEVERITY = Severity.ERROR
STAGE = "plan"

_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng



def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# TCVN3 (TCVN 5712:1993, table VN3): the .VnTime font's bytes 0xA1–0xFE, read as Windows-1252 when the text is
# pasted, one letter each. Each row is one base letter: its byte codes, then the letters they stand for.
_TCVN3 = {code: letter for codes, letters in (
    ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"), ("¨©ª«¬\xad®", "ăâêôơưđ"), ("µ¸¶·¹", "àáảãạ"), ("»¾¼½Æ", "ằắẳẵặ"),
    ("ÇÊÈÉË", "ầấẩẫậ"), ("ÌÐÎÏÑ", "èéẻẽẹ"), ("ÒÕÓÔÖ", "ềếểễệ"), ("×ÝØÜÞ", "ìíỉĩị"), ("ßãáâä", "òóỏõọ"),
    ("åèæçé", "ồốổỗộ"), ("êíëìî", "ờớởỡợ"), ("ïóñòô", "ùúủũụ"), ("õøö÷ù", "ừứửữự"), ("úýûüþ", "ỳýỷỹỵ"),
) for code, letter in zip(codes, letters)}


def _vni_table() -> dict[str, str]:
    """VNI-Windows: a vowel followed by a mark byte (aø = à, oä = ộ), plus one-byte letters (ñ = đ, ö = ư)."""
    table = {"ñ": "đ", "ô": "ơ", "ö": "ư", "î": "ỵ"}
    table.update(zip("íìæóò", (_nfc("i" + tone) for tone in _TONES)))
    groups = (("ùøûõï", "aeouyôö", "", _TONES), ("âáàåãä", "aeo", "\u0302", ("", *_TONES)),
              ("êéèúüë", "a", "\u0306", ("", *_TONES)))
    for marks, bases, shape, tones in groups:
        for base in bases:
            for mark, tone in zip(marks, tones):
                letter = _nfc(table.get(base, base) + shape + tone)
                table[base + mark] = letter
                table[base.upper() + mark] = table[base.upper() + mark.upper()] = letter.upper()
    table.update({code.upper(): letter.upper() for code, letter in list(table.items()) if len(code) == 1})
    return table


_VNI = _vni_table()


def _convert(word: str, table: dict[str, str]) -> str:
    out, i = [], 0
    while i < len(word):
        size = 2 if word[i : i + 2] in table else 1
        out.append(table.get(word[i : i + size], word[i : i + size]))
        i += size
    return "".join(out)


_INITIALS = ("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", *"bcdđghklmnprstvx", "")
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
_OPEN = set("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oay oeo uây uôi ươi ươu uya uyu"
            .split())  # vowel groups that end the syllable (no final consonant after them)
_CLOSED = set("ă â iê yê uô ươ oă uâ uyê oo".split())  # vowel groups that need a final consonant
_FREE = set("a e ê i o ô ơ u ư y oa oe uê uy uơ".split())


@lru_cache(maxsize=1 << 16)  # a plan repeats its words: each is judged once
def is_syllable(word: str) -> bool:
    """True for a Vietnamese syllable in Unicode: initial, vowel group, final, at most one tone."""
    letters = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in letters if c in _TONES]
    base = _nfc("".join(c for c in letters if c not in _TONES))
    if len(tones) > 1:
        return False
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        rest = base[len(initial) :]
        for final in _FINALS:
            if rest.endswith(final) and (rest[: -len(final)] in _CLOSED | _FREE):
                stop = final in ("p", "t", "c", "ch")  # a syllable ending in p, t, c, ch: sắc or nặng only
                if not stop or tones and tones[0] in ("\u0301", "\u0323"):
                    return True
        if rest in _OPEN | _FREE:
            return True
    return False


_ENCODINGS = (("TCVN3", ".VnTime", _TCVN3), ("VNI", "VNI-Times", _VNI))
_TABLES = {name: table for name, _, table in _ENCODINGS}
#: The letters of the tables' codes that are not ASCII: every code has one (a VNI vowel's mark, a TCVN3 byte), so a
#: word without any is the same in Unicode after either table and cannot be a legacy word. Most Vietnamese words
#: (Kế, hoạch, Mường, năm: letters beyond Latin-1) are set aside by it before the costlier syllable test.
_CODE_LETTERS = frozenset(c for _, _, table in _ENCODINGS for code in table for c in code if not c.isascii())


@lru_cache(maxsize=1 << 16)
def _converted(word: str, encoding: str) -> str:
    return _convert(word, _TABLES[encoding])
_WORD = re.compile(r"[^\s/\-–—]+")
_EDGES = ".,;:!?()[]{}\"'“”‘’…"


@lru_cache(maxsize=1 << 16)  # a plan, and a folder of plans, repeat their words: each is judged once
def _odd_word(raw: str) -> tuple[int, tuple[str, ...]] | None:
    """(offset in `raw`, variants) of a word that is not a Vietnamese syllable as written; None for one that is."""
    word = raw.strip(_EDGES)
    variants = tuple(w for w in (word, word.strip("«»")) if w)  # « and » are TCVN3 letters, and quotation marks
    if word.isascii() or any(is_syllable(w) for w in variants):
        return None
    return raw.index(word), variants


def to_unicode(text: str, encoding: str, capitals: bool = False, sure: bool = False) -> str:
    """`text` typed in `encoding` (TCVN3 or VNI, as `detect` names them) in Unicode NFC, word by word: a word
    that is already a Vietnamese syllable stays as it is, unless `sure` (the text's font is the legacy one).
    `capitals`: the .VnTimeH font, which draws capitals for the codes of small letters. Used by kehoach import
    for text pasted from old documents."""
    def word(match: re.Match) -> str:
        raw = match.group()
        if raw.isascii():
            return raw.upper() if capitals else raw
        if not sure and is_syllable(raw.strip(_EDGES)):
            return raw
        unicode = _converted(raw, encoding)
        return unicode.upper() if capitals else unicode

    return _nfc(_WORD.sub(word, text))


def detect(text: str) -> tuple[str, str, int, str, str] | None:
    """(encoding, font, offset, word, word in Unicode) of the first mojibake word, when `text` reads as one.

    A word counts when it is not a Vietnamese syllable as written but becomes one once converted (so
    Unicode Vietnamese never counts); it takes two different such words, and at least half of the words
    that a table would change and that are not Vietnamese syllables (so French «où», «café» stay French).
    """
    if _CODE_LETTERS.isdisjoint(text):  # no word of it can be a legacy-encoded letter (ids, numbers, dates, …)
        return None
    odd = []  # (offset, variants) of the words that are not Vietnamese syllables as written
    for match in _WORD.finditer(text):
        if _CODE_LETTERS.isdisjoint(match.group()):  # unchanged by both tables: neither a hit nor a suspect
            continue
        verdict = _odd_word(match.group())
        if verdict is not None:
            odd.append((match.start() + verdict[0], verdict[1]))
    best = None
    for name, font, _ in _ENCODINGS:
        hits, suspects = [], 0
        for offset, variants in odd:
            changed = [(w, unicode) for w in variants if (unicode := _converted(w, name)) != w]
            suspects += bool(changed)
            good = [(w, unicode) for w, unicode in changed if is_syllable(unicode)]
            if good:
                w, unicode = good[0]
                hits.append((offset + variants[0].index(w), w, unicode))
        distinct = len({word.casefold() for _, word, _ in hits})
        if distinct >= 2 and 2 * len(hits) >= suspects and (best is None or len(hits) > len(best[2])):
            best = (name, font, hits)
    if best is None:
        return None
    name, font, hits = best
    offset, word, unicode = hits[0]
    capitals = sum(c.isascii() and c.isupper() for c in word)
    if name == "TCVN3" and capitals >= 2 and not any(c.isascii() and c.islower() for c in word):
        unicode = unicode.upper()  # .VnTimeH: the font draws capitals, the codes are those of small letters
    return name, font, offset, word, unicode


def check(ctx: PlanContext) -> Iterator[Problem]:
    for path, text in ctx.strings():
        found = detect(text)
        if found is None:
            continue
        name, font, offset, word, unicode = found
        yield Problem(f"«{word}» có vẻ là chữ {name} (phông {font}) dán vào thành ký tự lạ (đọc là «{unicode}»); "
                      f"hãy chuyển mã đoạn này bằng Unikey (Công cụ chuyển mã, từ {name} sang Unicode) rồi dán lại",
                      location=locate(ctx, path, offset))
