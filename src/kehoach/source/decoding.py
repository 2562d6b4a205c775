"""A plan file's bytes to text: UTF-8 only, with a Vietnamese message saying how the file was saved instead
(UTF-16, UTF-32, Windows-1258 or TCVN3) and how to save it as UTF-8; Notepad's UTF-8 mark is dropped."""

from __future__ import annotations

from kehoach.errors import InputError
from kehoach.problems import Location
from kehoach.source.lines import line_col

_FILE = "file-unreadable"  # the rule id of problems with the file itself (kehoach.rules)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: ASCII characters leave every other byte zero."""
    sample = data[:256]
    half = len(sample) // 2
    return half >= 2 and (
        (sample[1::2].count(0) >= half * 0.6 and sample[0::2].count(0) == 0)
        or (sample[0::2].count(0) >= half * 0.6 and sample[1::2].count(0) == 0)
    )


def decode(data: bytes, name: str) -> str:
    where = Location(name)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("tệp được lưu dạng UTF-32; hãy lưu lại dạng UTF-8", where, "file-encoding")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8", where, "file-encoding")
    if data.startswith(b"\xef\xbb\xbf"):  # Notepad's UTF-8 BOM: harmless; dropped so columns match editors
        data = data[3:]
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError("tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8", where, "file-encoding")
        message = "tệp không phải văn bản YAML (có byte 0); hãy chỉ ra đúng tệp kế hoạch .yaml"
        raise InputError(message, where, _FILE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start].decode("utf-8")  # valid by definition of e.start
        line, column = line_col(before, len(before))
        raise InputError(
            f"tệp không được lưu dạng UTF-8 (gặp byte 0x{data[e.start]:02X}; có thể là Windows-1258"
            " hoặc TCVN3); hãy mở tệp và lưu lại dạng UTF-8",
            Location(name, line, column),
            "file-encoding",
        ) from None
