"""Message-IDs of our drafts: stable for one planned draft, recognisable by us, plain to others.

A draft's Message-ID is `<{token}.{check}@{domain}>`: `token` is 20 base32 characters of an
HMAC-SHA256 of the sender address and the draft's ledger key, `check` 6 base32 characters of
a second HMAC over the token. So

- the same planned draft always gets the same id (the runner finds a draft it made before a
  crash by searching Drafts for it: exactly-once rests on this);
- `is_own_message_id` recognises our ids without any state (an arbitrary id passes the
  checksum with a chance of one in 2**30);
- nothing in it says a program made it: it looks like the random ids mail clients make.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from followup.compose.errors import DraftAddressError
from followup.config_model import DraftsConfig, UserConfig

_TOKEN_KEY = b"followup/draft-message-id/1"
_CHECK_KEY = b"followup/draft-message-id-check/1"
TOKEN_LENGTH = 20
CHECK_LENGTH = 6
_OWN_ID = re.compile(
    rf"^<?(?P<token>[a-z2-7]{{{TOKEN_LENGTH}}})\.(?P<check>[a-z2-7]{{{CHECK_LENGTH}}})"
    rf"@(?P<domain>[^<>@\s]+)>?$"
)
_DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                     r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")


def _base32(digest: bytes, length: int) -> str:
    return base64.b32encode(digest).decode("ascii").lower()[:length]


def _check(token: str) -> str:
    return _base32(hmac.new(_CHECK_KEY, token.encode("ascii"), hashlib.sha256).digest(),
                   CHECK_LENGTH)


def make_message_id(draft_key: str, sender: str, domain: str) -> str:
    """The Message-ID (with angle brackets) of the draft with ledger key `draft_key`, sent
    from `sender`. The sender is in the hash so two users' drafts never share an id."""
    material = f"{sender.strip().lower()}\x00{draft_key}".encode()
    token = _base32(hmac.new(_TOKEN_KEY, material, hashlib.sha256).digest(), TOKEN_LENGTH)
    return f"<{token}.{_check(token)}@{check_domain(domain)}>"


def is_own_message_id(message_id: str | None, domain: str | None = None) -> bool:
    """True when `message_id` (with or without angle brackets) is one `make_message_id` made,
    and, when `domain` is given, for that domain (case-insensitive)."""
    if not message_id:
        return False
    match = _OWN_ID.match(message_id.strip())
    if match is None:
        return False
    if domain is not None and match["domain"].lower() != domain.strip().lower():
        return False
    return hmac.compare_digest(match["check"], _check(match["token"]))


def check_domain(domain: str) -> str:
    """`domain` lower-cased (IDNA-encoded when not ASCII); raises DraftAddressError when it is
    not a host name."""
    text = domain.strip().strip(".").lower()
    try:
        text = text.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise DraftAddressError("Message-ID domain", domain, "not a valid domain") from error
    if not _DOMAIN.match(text):
        raise DraftAddressError("Message-ID domain", domain, "not a valid domain")
    return text


def message_id_domain(user: UserConfig, drafts: DraftsConfig) -> str:
    """`drafts.message_id_domain`, else the domain of the user's first address."""
    if drafts.message_id_domain:
        return check_domain(drafts.message_id_domain)
    if not user.addresses or "@" not in user.addresses[0]:
        raise DraftAddressError("From", "", "the configuration has no user address")
    return check_domain(user.addresses[0].rsplit("@", 1)[1])


def draft_message_id(draft_key: str, user: UserConfig, drafts: DraftsConfig) -> str:
    """The Message-ID `build_draft` gives the draft with ledger key `draft_key`, without
    building it (for the runner's search of Drafts after a crash)."""
    if not user.addresses:
        raise DraftAddressError("From", "", "the configuration has no user address")
    return make_message_id(draft_key, user.addresses[0], message_id_domain(user, drafts))
