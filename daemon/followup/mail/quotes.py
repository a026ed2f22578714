"""What a message adds, what it quotes, and its signature.

`split_quotes(text)` cuts plain text (or HTML read as text, where quotations already carry
"> ") at the first sign of an earlier message: an attribution line ("On ... wrote:", also
wrapped, and its German, French, Spanish, Dutch, Italian, Portuguese forms), an
"Original Message" or "Forwarded message" banner, an Outlook header block ("From: / Sent: /
Subject:" and localised), or an underscore rule followed by one. Lines starting with ">"
are quotation wherever they are, so inline answers between quoted lines stay new text.

The signature is only what follows a "-- " line or a mobile "Sent from my iPhone" line;
sign-offs and names before it stay in the new text, where the judge reads them. If a cut
would leave no new text at all (a bare forward, a message that is only quotation), nothing
is cut: the text is all there is to judge.

Every pattern here is matched against a stripped line, from its start: a leading "\\s*"
before another optional part would make a regex quadratic on a long line of spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ATTRIBUTION_CHARS = 500
_ATTRIBUTION_START = re.compile(r"(?:On|Am|Le|El|Op|Il|Em|Den|Dne)\s", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(?:wrote|writes|schrieb|a\s+écrit|escribió|escribio|schreef|ha\s+scritto|escreveu|"
    r"skrev|napsal)\b[^:\n]{0,120}:\s*$",
    re.IGNORECASE,
)
_BANNER = re.compile(
    r"-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|"
    r"message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale|"
    r"forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|"
    r"doorgestuurd bericht|messaggio inoltrato)\s*-*\s*$"
    r"|(?:begin forwarded message|anfang der weitergeleiteten nachricht|"
    r"début du message réexpédié|inicio del mensaje reenviado)\s*:\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"_{10,}$")
_FROM_FIELD = re.compile(r"\**(?:From|Von|De|Van|Da|Fra|Od)\s*:\**\s*\S", re.IGNORECASE)
_SENT_FIELD = re.compile(
    r"\**(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado(?: el)?|Fecha|Verzonden|Inviato|"
    r"Data|Sendt|Odesláno)\s*:", re.IGNORECASE)
_SUBJECT_FIELD = re.compile(
    r"\**(?:Subject|Betreff|Objet|Asunto|Onderwerp|Oggetto|Assunto|Emne|Předmět)\s*:",
    re.IGNORECASE)
_ONE_LINE_HEADER = re.compile(r"\**(?:From|Von|De)\s*:.{1,300}?\b(?:Sent|Gesendet|Envoyé|"
                              r"Enviado|Date)\s*:.{1,300}?\b(?:Subject|Betreff|Objet|Asunto)\s*:",
                              re.IGNORECASE)
_MOBILE_SIGNATURE = re.compile(
    r"(?:sent from (?:my |outlook|mail for|yahoo mail|proton)|get outlook for|"
    r"von meinem .{1,40} gesendet|gesendet von (?:meinem|outlook|mail)|envoyé de (?:mon|outlook)|"
    r"enviado desde (?:mi|outlook)|verzonden vanaf mijn|inviato da)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SplitText:
    new_text: str
    quoted_text: str
    signature: str


def split_quotes(text: str) -> SplitText:
    """Split `text` (LF line ends) into new text, quoted text and signature."""
    lines = text.split("\n")
    cut, attribution_end = _find_cut(lines)
    quoted: list[str] = []
    head = lines
    if cut is not None:
        if attribution_end is not None and _is_interleaved(lines, attribution_end + 1):
            quoted = lines[cut:attribution_end + 1]
            head = lines[:cut] + lines[attribution_end + 1:]
        else:
            head, quoted = lines[:cut], lines[cut:]
    kept = [line for line in head if not line.lstrip().startswith(">")]
    if len(kept) != len(head):
        quoted = [line for line in head if line.lstrip().startswith(">")] + quoted
    body, signature = _split_signature(kept)
    new_text = "\n".join(body).strip()
    if not new_text:
        return SplitText(text.strip(), "", "")
    return SplitText(new_text, "\n".join(quoted).strip(), "\n".join(signature).strip())


def _find_cut(lines: list[str]) -> tuple[int | None, int | None]:
    """The first line of the quotation, and for an attribution its last line."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith(">"):
            continue
        if _ATTRIBUTION_START.match(stripped) and len(stripped) <= MAX_ATTRIBUTION_CHARS:
            end = _attribution_end(lines, index)
            if end is not None:
                return index, end
        if _BANNER.match(stripped):
            return index, None
        if _RULE.match(stripped) and _header_follows(lines, index + 1, skip_blank=2):
            return index, None
        if _FROM_FIELD.match(stripped) and (_header_follows(lines, index, skip_blank=0)
                                            or _ONE_LINE_HEADER.match(stripped)):
            return index, None
    return None, None


def _attribution_end(lines: list[str], start: int) -> int | None:
    if not any(line.rstrip().endswith(":") for line in lines[start:start + 3]):
        return None
    joined = ""
    for end in range(start, min(start + 3, len(lines))):
        joined = f"{joined} {lines[end].strip()}" if joined else lines[end].strip()
        if len(joined) > MAX_ATTRIBUTION_CHARS:
            return None
        if _ATTRIBUTION_END.search(joined) and any(char.isdigit() for char in joined):
            return end
    return None


def _header_follows(lines: list[str], start: int, skip_blank: int) -> bool:
    """True if an Outlook-style header block (From, then Sent/Date and Subject within a few
    lines) starts at `start`, after at most `skip_blank` blank lines."""
    while skip_blank and start < len(lines) and not lines[start].strip():
        start += 1
        skip_blank -= 1
    if start >= len(lines) or not _FROM_FIELD.match(lines[start].strip()):
        return False
    block = [line.strip() for line in lines[start + 1:start + 8]]
    return (any(_SENT_FIELD.match(line) for line in block)
            and any(_SUBJECT_FIELD.match(line) for line in block))


def _is_interleaved(lines: list[str], start: int) -> bool:
    """After an attribution: quoted lines first, then the writer's own lines between them."""
    rest = [line.strip() for line in lines[start:] if line.strip()]
    if not rest or not rest[0].startswith(">"):
        return False
    own = [line for line in rest if not line.startswith(">")]
    return bool(own) and not all(_is_signature_start(line) for line in own[:1])


def _is_signature_start(line: str) -> bool:
    return line.rstrip() in ("--", "-- ") or bool(_MOBILE_SIGNATURE.match(line))


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    delimiter = None
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].rstrip() == "--":
            delimiter = index
            break
    non_blank = [index for index, line in enumerate(lines) if line.strip()]
    for index in non_blank[-4:]:
        if len(lines[index]) <= 100 and _MOBILE_SIGNATURE.match(lines[index].strip()):
            delimiter = index if delimiter is None else min(delimiter, index)
            break
    if delimiter is None or not any(line.strip() for line in lines[:delimiter]):
        return lines, []
    signature = lines[delimiter:]
    if signature and signature[0].rstrip() == "--":
        signature = signature[1:]
    return lines[:delimiter], signature
