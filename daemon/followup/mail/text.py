"""Bytes to clean text: charsets, transfer encodings, control characters, format=flowed.

Pure helpers shared by the header, MIME, HTML and calendar readers. None of them raises on
bad input; what had to be guessed is recorded in a `Defects`.
"""

from __future__ import annotations

import binascii
import codecs
import re

from followup.mail.defects import Defects

# Labels mail really carries that Python does not know, or knows under a narrower meaning.
# ISO-8859-1 is read as windows-1252, as every browser does: the C1 range is never control
# characters in real mail, it is curly quotes and dashes from Windows.
_CHARSET_ALIASES = {
    "utf8": "utf-8",
    "us-ascii": "ascii",
    "ansi_x3.4-1968": "ascii",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "x-user-defined": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "x-sjis": "cp932",
    "big5": "big5hkscs",
    "tis-620": "cp874",
    "windows-874": "cp874",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
}
# Python codecs that are not mail charsets (some are slow on crafted input): never used.
_NOT_CHARSETS = frozenset({"punycode", "idna", "unicode_escape", "raw_unicode_escape",
                           "base64", "hex", "zlib", "bz2", "quopri", "uu", "rot_13"})
_UNKNOWN_LABELS = frozenset({"unknown-8bit", "x-unknown", "unknown", "default", "charset"})

# Codecs in which ASCII bytes do not stand for themselves: never take the ASCII fast path.
_ASCII_INCOMPATIBLE = ("utf_7", "utf_16", "utf_32", "iso2022", "hz", "cp037", "cp500", "cp1140",
                       "cp273", "cp424", "cp875", "cp1026")
_SINGLE_BYTE_LEGACY = ("cp125", "iso8859", "latin_1", "mac_", "koi8", "cp437", "cp850", "cp874")

# C0 controls (but tab and newline), DEL, zero-width characters and the BOM go; NBSP and
# other exotic spaces become plain spaces so later regexes see ordinary words.
_CLEAN_TABLE: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CLEAN_TABLE.update({0x7F: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None,
                     0xFEFF: None, 0x00AD: None, 0x034F: None, 0xFFFD: None})
_CLEAN_TABLE.update({c: " " for c in (0xA0, 0x2007, 0x202F, 0x2009, 0x200A, 0x3000, 0x0C)})

_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_BASE64_JUNK = re.compile(rb"[^A-Za-z0-9+/]+")


def codec_for(charset: str | None) -> str | None:
    """The Python codec name for a MIME charset label, or None if it is unknown or absent."""
    if not charset:
        return None
    label = charset.strip().strip("\"'").lower()
    if not label or label in _UNKNOWN_LABELS:
        return None
    label = _CHARSET_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):
        return None
    return None if name.replace("-", "_") in _NOT_CHARSETS else name


def decode_bytes(data: bytes, charset: str | None, defects: Defects, where: str = "") -> str:
    """Decode `data` declared as `charset`, guessing well when the label is missing or lies.

    A legacy single-byte label on bytes that are valid UTF-8 is read as UTF-8 (the other way
    round almost never happens by accident); invalid UTF-8 is read as windows-1252 unless it
    is mostly valid UTF-8 with a few broken sequences. Never raises.
    """
    where_suffix = f" in {where}" if where else ""
    codec = codec_for(charset)
    if codec is None and charset and charset.strip().strip("\"'"):
        defects.add("charset-unknown", f"{charset[:40]!r}{where_suffix}")
    is_ascii = data.isascii()
    if is_ascii and (codec is None or not codec.startswith(_ASCII_INCOMPATIBLE)):
        return data.decode("ascii")
    if codec is None or codec == "ascii":
        if codec == "ascii":
            defects.add("charset-mislabelled", f"declared us-ascii, has 8-bit bytes{where_suffix}")
        elif not charset:
            defects.add("charset-missing", f"8-bit text without a charset{where_suffix}")
        return _guess(data)
    if codec == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return _broken_utf8(data, defects, where_suffix)
    if codec.startswith(_SINGLE_BYTE_LEGACY) and not is_ascii:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            defects.add("charset-mislabelled", f"declared {charset}, is utf-8{where_suffix}")
            return text
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    except (LookupError, ValueError, TypeError):  # codecs that cannot decode at all
        return _guess(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        defects.add("charset-invalid-bytes", f"invalid {charset} bytes replaced{where_suffix}")
        return data.decode(codec, "replace")
    defects.add("charset-mislabelled", f"declared {charset}, is utf-8{where_suffix}")
    return text


def _guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _broken_utf8(data: bytes, defects: Defects, where_suffix: str) -> str:
    as_utf8 = data.decode("utf-8", "replace")
    broken = as_utf8.count("\ufffd")
    decoded_well = len(as_utf8) - len(as_utf8.encode("ascii", "ignore")) - broken
    if decoded_well > broken:
        defects.add("charset-invalid-bytes", f"{broken} invalid utf-8 sequences{where_suffix}")
        return as_utf8
    defects.add("charset-mislabelled", f"declared utf-8, read as windows-1252{where_suffix}")
    return data.decode("cp1252", "replace")


def clean_text(text: str) -> str:
    """Unix newlines, no control or zero-width characters, no trailing spaces, at most one
    blank line in a row."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_CLEAN_TABLE)
    # rstrip per line, not a regex: "[ \t]+\n" is quadratic on a long run of spaces
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def decode_transfer(body: bytes, encoding: str, defects: Defects, where: str = "") -> bytes:
    """Undo a Content-Transfer-Encoding. Unknown encodings pass the bytes through."""
    encoding = encoding.strip().lower()
    if encoding == "base64":
        return decode_base64(body, defects, where)
    if encoding in ("quoted-printable", "quoted_printable", "qp"):
        return binascii.a2b_qp(body)
    return body


def decode_base64(data: bytes, defects: Defects, where: str = "") -> bytes:
    """Lenient base64: junk characters dropped, missing padding supplied."""
    try:
        return binascii.a2b_base64(data)
    except (binascii.Error, ValueError):
        pass
    defects.add("transfer-encoding-invalid", f"invalid base64 repaired in {where or 'body'}")
    cleaned = _BASE64_JUNK.sub(b"", data)
    cleaned = cleaned[: len(cleaned) - len(cleaned) % 4 if len(cleaned) % 4 == 1 else None]
    cleaned += b"=" * (-len(cleaned) % 4)
    try:
        return binascii.a2b_base64(cleaned)
    except (binascii.Error, ValueError):
        return b""


def unflow(text: str, delete_space: bool) -> str:
    """Join the soft line breaks of RFC 3676 format=flowed text.

    Lines join only within one quote depth; the "-- " signature line never joins.
    """
    out: list[str] = []
    pending = ""
    pending_depth = -1
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        content = content.removeprefix(" ")  # space-stuffing, or the space after the quote marks
        if pending_depth >= 0 and depth != pending_depth:
            out.append(_quoted(pending_depth, pending))
            pending, pending_depth = "", -1
        if content.endswith(" ") and content != "-- ":
            pending += content[:-1] if delete_space else content
            pending_depth = depth
            continue
        out.append(_quoted(depth, pending + content))
        pending, pending_depth = "", -1
    if pending_depth >= 0:
        out.append(_quoted(pending_depth, pending))
    return "\n".join(out)


def _quoted(depth: int, line: str) -> str:
    return ">" * depth + " " + line if depth else line


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a line break when one is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", limit - 2000, limit)
    return text[: cut if cut > 0 else limit]
