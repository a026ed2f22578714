"""The kinds of message as one enum, its named sets, and the rule names code acts on."""

from __future__ import annotations

import json

from followup.judge import kinds
from followup.judge.kinds import Kind
from followup.judge.lexicon import CUES
from followup.judge.rules import ACTED_ON


def test_kinds_are_the_strings_readme_names_and_the_store_keeps() -> None:
    assert [kind.value for kind in kinds.INBOUND_KINDS] == [
        "application_received", "interview_invitation", "interview_scheduled",
        "interview_canceled", "assessment", "rejection", "offer", "status_update",
        "recruiter_outreach", "other"]
    assert [kind.value for kind in kinds.SENT_KINDS] == [
        "user_thank_you", "user_follow_up", "user_other"]
    assert Kind.OFFER == "offer" and "offer" in kinds.TERMINAL_KINDS
    assert json.dumps({"kind": Kind.REJECTION}) == '{"kind": "rejection"}'
    assert Kind("status_update") is Kind.STATUS_UPDATE


def test_the_named_sets_fit_together() -> None:
    inbound, sent = set(kinds.INBOUND_KINDS), set(kinds.SENT_KINDS)
    assert not inbound & sent and inbound | sent == set(Kind)
    assert kinds.APPLICATION_KINDS | kinds.NON_APPLICATION_KINDS == inbound
    assert kinds.TERMINAL_KINDS | kinds.INTERVIEW_KINDS | kinds.PROCESS_CLOSING_KINDS \
        <= kinds.APPLICATION_KINDS
    assert kinds.USER_TO_EMPLOYER_KINDS < sent
    assert Kind.OTHER not in kinds.RECRUITING_KINDS


def test_every_rule_named_outside_the_lexicon_is_a_cue_of_the_lexicon() -> None:
    names = {cue.name for cue in CUES}
    assert set(ACTED_ON) <= names
