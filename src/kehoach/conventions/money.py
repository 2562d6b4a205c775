"""Amounts of money as Vietnamese financial documents write them: «1.250.000» and «Một triệu hai trăm năm
mươi nghìn đồng».

Digits are grouped in threes by "." and "," would mark decimals (Nghị định 123/2020/NĐ-CP, Điều 10
khoản 13, the rule for invoices that budget tables follow). A plan's budget is in whole đồng.

The words follow invoice and accounting practice (e.g. the guide "Hướng dẫn viết số tiền bằng chữ trên
hóa đơn", aloketoan.com, 2018, and what accounting software prints), not num2words, whose
"hai nghìn lẻ hai mươi bốn" is not how a budget is written:

- every group of three digits after the first is read in full, with «không trăm»:
  2024 → hai nghìn không trăm hai mươi bốn; 1.000.005 → một triệu không trăm linh năm;
- a zero tens digit after the hundreds reads «linh» (the invoice guide's form; «lẻ» is the spoken
  northern variant): 105 → một trăm linh năm, 301 → ba trăm linh một;
- 10–19 read «mười …»; a 1 after tens of 20 or more reads «mốt»; a 5 after any tens reads «lăm»;
  a 4 stays «bốn» everywhere (hai mươi bốn), never «tư»: both are correct and «bốn» cannot be misheard;
- groups are nghìn, triệu, tỷ; beyond a tỷ the count of tỷ is read as a number of its own, which gives
  the invoice decree's nghìn tỷ, triệu tỷ, tỷ tỷ: 10^12 → một nghìn tỷ, 10^15 → một triệu tỷ.
"""

from __future__ import annotations

import re

from kehoach.errors import AmountError

#: The currency's name after every amount kehoach prints: the unit the law names («Đồng», Luật Ngân hàng Nhà nước
#: Việt Nam 2010), not a wording of kehoach's. So it is no sentence of the kinds' data (data/kinds/_chung.yaml) for a
#: document to reword, unlike the label before it («Kinh phí», nhan-kinh-phi).
CURRENCY = "đồng"

#: A plan's amounts stay far below this; it bounds what a clerk's typo can make us print.
MAX_AMOUNT = 10**18 - 1

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ((10**6, "triệu"), (10**3, "nghìn"), (1, ""))
_BILLION = 10**9

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+")
_CURRENCY = re.compile(r"\s*(?:đồng|đ)$", re.IGNORECASE)


def format_amount(amount: int) -> str:
    """1250000 → «1.250.000»."""
    if amount < 0:
        raise ValueError(f"negative amount {amount}")
    return f"{amount:,}".replace(",", ".")


def with_currency(amount: int) -> str:
    """1250000 → «1.250.000 đồng»: an amount in figures as a document prints it."""
    return f"{format_amount(amount)} {CURRENCY}"


def amount_in_words(amount: int) -> str:
    """1250000 → «Một triệu hai trăm năm mươi nghìn đồng»; 0 → «Không đồng»."""
    if amount < 0:
        raise ValueError(f"negative amount {amount}")
    words = " ".join(_words(amount, full=False)) if amount else "không"
    return f"{words[0].upper()}{words[1:]} {CURRENCY}"


def _words(number: int, full: bool) -> list[str]:
    """The words of a positive number; `full` when something was read before it (2 nghìn | không trăm …)."""
    billions, rest = divmod(number, _BILLION)
    words: list[str] = []
    if billions:
        words += _words(billions, full) + ["tỷ"]
        full = True
    for size, name in _GROUPS:
        group = rest // size % 1000
        if group:
            words += _group(group, full)
            if name:
                words.append(name)
            full = True
    return words


def _group(number: int, full: bool) -> list[str]:
    """Three digits: «không trăm» and «linh» only when a higher group was read before them."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def parse_amount(value: object) -> int:
    """1250000, «1.250.000», «1250000» or «1.250.000 đồng» → 1250000; AmountError for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise AmountError("cần một số tiền (số đồng), ví dụ 1.250.000")
    if isinstance(value, int):
        amount = value
    else:
        amount = _parse_text(value)
    if amount < 0:
        raise AmountError("số tiền không được âm")
    if amount > MAX_AMOUNT:
        raise AmountError("số tiền quá lớn; hãy kiểm tra lại số chữ số")
    return amount


def _parse_text(value: str) -> int:
    text = value.strip()
    digits = _CURRENCY.sub("", text).strip()
    if _GROUPED.fullmatch(digits) or _PLAIN.fullmatch(digits):
        return int(digits.replace(".", ""))
    if re.fullmatch(r"[\d.]+,\d+", digits):
        raise AmountError(f"«{text}»: kinh phí tính bằng đồng, không có phần lẻ sau dấu phẩy; hãy bỏ phần lẻ")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        fixed = digits.replace(",", ".")
        raise AmountError(f"«{text}»: dấu phân cách hàng nghìn là dấu chấm; có phải «{fixed}»?")
    if re.fullmatch(r"[\d.]+", digits):
        raise AmountError(f"«{text}»: sau mỗi dấu chấm phải có đúng ba chữ số, ví dụ 1.250.000")
    raise AmountError(f"«{text}» không phải số tiền; hãy viết số đồng bằng chữ số, ví dụ 1.250.000 hoặc"
                      " 1.250.000 đồng")
