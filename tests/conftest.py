"""Shared fixtures. The Dovecot ones: one real server per session, a fresh user per test.

A missing Dovecot fails every test that needs it, loudly, with the command that installs it:
these tests are never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer, DovecotUnavailable, DovecotUser
from draft_audit import SeenDraft, audit, from_mailbox


def _started(server: DovecotServer) -> DovecotServer:
    try:
        server.start()
    except DovecotUnavailable as error:
        problem = str(error)
    else:
        return server
    server.cleanup()
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """The session's Dovecot: special-use Drafts, Sent, Trash, Junk for every user."""
    server = _started(DovecotServer())
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def bare_dovecot_server() -> Iterator[DovecotServer]:
    """A second Dovecot whose users have no folder but INBOX (no special-use folders)."""
    server = _started(DovecotServer(special_folders=False))
    yield server
    server.cleanup()


@pytest.fixture
def dovecot_user(dovecot_server: DovecotServer) -> DovecotUser:
    """A fresh user of the session's Dovecot, with an empty mailbox."""
    return dovecot_server.add_user()


# --- every draft the suites produce is read (tests/draft_audit.py) ---------------------------

_BUILTIN_TEMPLATES = str(Path(__file__).resolve().parent.parent / "daemon" / "followup" /
                         "compose" / "templates")


@pytest.fixture(autouse=True)
def read_every_draft(request: pytest.FixtureRequest,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[list[SeenDraft]]:
    """Collect every draft this test renders in-process (built-in templates) and every
    draft it leaves in a Dovecot user's Drafts, and fail the test on any problem a careful
    recipient would see (`draft_audit.audit`). A test that feeds hostile facts on purpose
    carries `@pytest.mark.draft_audit_exempt(reason)`."""
    from followup.compose.templates import DraftTemplates

    seen: list[SeenDraft] = []
    original = DraftTemplates.render

    def recording(self: DraftTemplates, kind: str, context: Any, **options: Any) -> Any:
        rendered = original(self, kind, context, **options)
        if str(rendered.template).startswith(_BUILTIN_TEMPLATES):
            seen.append(SeenDraft(
                where=f"{request.node.nodeid} ({kind}, rendered)", text=rendered.text,
                subject=rendered.subject, recipient_names=[str(context["recipient_name"])],
                language=str(context["language"]), user_name=str(context["user_name"])))
        return rendered

    monkeypatch.setattr(DraftTemplates, "render", recording)
    user = request.getfixturevalue("dovecot_user") \
        if "dovecot_user" in request.fixturenames else None
    yield seen
    if request.node.get_closest_marker("draft_audit_exempt"):
        return
    if user is not None:
        seen.extend(_drafts_in(request.getfixturevalue("dovecot_server"), user,
                               request.node.nodeid))
    problems = [f"{draft.where}: {problem}\n    {draft.text[:400]!r}"
                for draft in seen for problem in audit(draft)]
    if problems:
        pytest.fail("drafts a careful reader would not send:\n" + "\n".join(problems),
                    pytrace=False)


def _drafts_in(server: DovecotServer, user: DovecotUser, where: str) -> list[SeenDraft]:
    """The drafts in the user's Drafts folder, each beside its thread (INBOX and Sent)."""
    folders: dict[str, list[bytes]] = {}
    for folder in ("Drafts", "INBOX", "Sent"):
        try:
            folders[folder] = [entry["raw"] for entry in server.read_folder(user, folder)]
        except Exception:  # noqa: BLE001 - a server stopped by the test, or no such folder
            folders[folder] = []
    return from_mailbox(f"{where} (Drafts)", folders["Drafts"],
                        folders["INBOX"] + folders["Sent"])
