"""The two phases of the IMAP backend's fetch, over a `fetch(uids, items)` callable.

Phase one turns each FETCH entry of (UID RFC822.SIZE INTERNALDATE FLAGS BODY.PEEK[HEADER]
[X-GM-THRID X-GM-MSGID]) into a `MessageSummary`. Phase two, for the summaries the caller
wants, fetches their BODYSTRUCTURE, then `BODY.PEEK[]` for messages that are all text /
calendar, otherwise `BODY.PEEK[<section>.MIME]` + `BODY.PEEK[<section>]` of the wanted parts
only, grouped so that messages with the same sections share one FETCH. BODYSTRUCTURE is
asked only for wanted messages: imapclient parses it character by character, which was the
largest single cost of a first scan when it came for every message (bench/README.md). No
imapclient import: the IMAP backend passes its own fetch function.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from followup.backends.base import FolderRole, MessageSummary, WantBody
from followup.backends.imap_fetch import (
    BodyPart,
    batches_by_size,
    parse_bodystructure,
    partial_sections,
    partial_size,
    rebuild_message,
)
from followup.backends.parts import message_id_from_header, strip_unwanted_parts

logger = logging.getLogger(__name__)

Fetch = Callable[[list[int], list[str]], dict[int, dict[bytes, Any]]]
FETCH_CHUNK = 300  # UIDs per FETCH: keeps command lines well under 8 KB (RFC 7162 §4)
BODY_BATCH_BYTES = 8_000_000  # bodies per FETCH response, roughly
SUMMARY_ITEMS = ["UID", "RFC822.SIZE", "INTERNALDATE", "FLAGS", "BODY.PEEK[HEADER]"]
GMAIL_ITEMS = ["X-GM-THRID", "X-GM-MSGID"]


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def summarise(account: str, folder: str, role: FolderRole, uid: int,
              entry: dict[bytes, Any]) -> MessageSummary | None:
    """Phase one: a MessageSummary from one FETCH response entry, or None (logged by UID)
    if the entry is unreadable."""
    try:
        header = bytes(entry.get(b"BODY[HEADER]") or b"")
        thread = entry.get(b"X-GM-THRID")
        internal_date = entry.get(b"INTERNALDATE")
        summary = MessageSummary(
            uid=str(uid), folder=folder, role=role,
            message_id=message_id_from_header(header),
            thread_id=str(thread) if thread is not None else None,
            internal_date=internal_date if isinstance(internal_date, datetime) else None,
            size=int(entry.get(b"RFC822.SIZE") or 0),
            flags=tuple(_text(flag) for flag in entry.get(b"FLAGS") or ()),
            header_bytes=header)
    except Exception as error:  # noqa: BLE001 - a hostile message is skipped
        logger.warning("%s: skipping UID %s in %s: unreadable summary (%s)",
                       account, uid, folder, type(error).__name__)
        return None
    return summary


def _structures(account: str, folder: str, fetch: Fetch,
                wanted: list[int]) -> dict[int, BodyPart | None]:
    """The parsed BODYSTRUCTURE of each wanted message (None if unreadable: its body is
    then fetched whole)."""
    structures: dict[int, BodyPart | None] = {}
    for start in range(0, len(wanted), FETCH_CHUNK):
        for uid, entry in fetch(wanted[start:start + FETCH_CHUNK], ["BODYSTRUCTURE"]).items():
            try:
                structures[uid] = parse_bodystructure(entry[b"BODYSTRUCTURE"])
            except Exception as error:  # noqa: BLE001 - a hostile message is read whole
                logger.warning("%s: UID %s in %s: unreadable BODYSTRUCTURE (%s); its body "
                               "will be fetched whole", account, uid, folder,
                               type(error).__name__)
                structures[uid] = None
    return structures


def fetch_bodies(account: str, folder: str, fetch: Fetch,
                 summaries: dict[int, MessageSummary],
                 want_body: WantBody, max_bytes: int, stats: dict[str, int]) -> dict[int, bytes]:
    """Phase two for the wanted messages: their BODYSTRUCTURE, then whole bodies where
    every part is text or calendar, else only those parts, rebuilt. Bodies over
    `max_bytes` are skipped (logged by UID). Counts are added to `stats` ("bodies",
    "partial", "too_large")."""
    whole: list[tuple[int, int]] = []
    by_sections: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    wanted = [uid for uid, summary in summaries.items() if want_body(summary)]
    structures = _structures(account, folder, fetch, wanted) if wanted else {}
    for uid in wanted:
        summary, structure = summaries[uid], structures.get(uid)
        sections = partial_sections(structure) if structure is not None else None
        if sections is None or structure is None:
            cost = summary.size
        else:
            cost = partial_size(structure)
        if cost > max_bytes:
            logger.warning("%s: skipping the body of UID %s in %s: %d bytes is over the "
                           "limit of %d", account, uid, folder, cost, max_bytes)
            stats["too_large"] = stats.get("too_large", 0) + 1
            continue
        if sections is None:
            whole.append((uid, summary.size))
        else:
            by_sections.setdefault(tuple(sections), []).append((uid, cost))
    bodies: dict[int, bytes] = {}
    for batch in batches_by_size(whole, FETCH_CHUNK, BODY_BATCH_BYTES):
        for uid, entry in fetch(batch, ["BODY.PEEK[]"]).items():
            raw = entry.get(b"BODY[]")
            if raw is not None:
                known = structures.get(uid) is not None
                bodies[uid] = bytes(raw) if known else strip_unwanted_parts(bytes(raw))
    for wanted_sections, members in by_sections.items():
        items = [f"BODY.PEEK[{s}{suffix}]" for s in wanted_sections
                 for suffix in (".MIME", "")]
        fetched: dict[int, dict[bytes, Any]] = {}
        if wanted_sections:
            for batch in batches_by_size(members, FETCH_CHUNK, BODY_BATCH_BYTES):
                fetched.update(fetch(batch, items))
        for uid, _ in members:
            if wanted_sections and uid not in fetched:
                continue
            entry = fetched.get(uid, {})
            parts = {s: (bytes(entry.get(f"BODY[{s}.MIME]".encode()) or b""),
                         bytes(entry.get(f"BODY[{s}]".encode()) or b""))
                     for s in wanted_sections}
            structure = structures[uid]
            assert structure is not None
            bodies[uid] = rebuild_message(summaries[uid].header_bytes, structure, parts)
            stats["partial"] = stats.get("partial", 0) + 1
    stats["bodies"] = stats.get("bodies", 0) + len(bodies)  # summed over a folder's chunks
    return bodies
