"""The kinds of message (README.md, "Classification") and the named sets of them that the
judge, the tracker and the runner act on: each set defined here once.

`Kind` is a `str` enum: a member equals its value (`Kind.OFFER == "offer"`), hashes like
it, and is stored as it, so records written before the enum read back unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a message is. Inbound kinds first (mail from anyone but the user), then the
    user's own."""

    APPLICATION_RECEIVED = "application_received"
    INTERVIEW_INVITATION = "interview_invitation"
    INTERVIEW_SCHEDULED = "interview_scheduled"
    INTERVIEW_CANCELED = "interview_canceled"
    ASSESSMENT = "assessment"
    REJECTION = "rejection"
    OFFER = "offer"
    STATUS_UPDATE = "status_update"
    RECRUITER_OUTREACH = "recruiter_outreach"
    OTHER = "other"
    USER_THANK_YOU = "user_thank_you"
    USER_FOLLOW_UP = "user_follow_up"
    USER_OTHER = "user_other"


SENT_KINDS: tuple[Kind, ...] = (Kind.USER_THANK_YOU, Kind.USER_FOLLOW_UP, Kind.USER_OTHER)
INBOUND_KINDS: tuple[Kind, ...] = tuple(kind for kind in Kind if kind not in SENT_KINDS)
KINDS: tuple[Kind, ...] = tuple(Kind)

# Inbound mail about a job, the user's or one offered cold (everything but `other`).
RECRUITING_KINDS: tuple[Kind, ...] = tuple(kind for kind in INBOUND_KINDS
                                           if kind is not Kind.OTHER)
# Inbound mail that belongs to no application: cold outreach and everything else.
NON_APPLICATION_KINDS = frozenset({Kind.OTHER, Kind.RECRUITER_OUTREACH})
# Inbound mail about one of the user's applications.
APPLICATION_KINDS = frozenset(INBOUND_KINDS) - NON_APPLICATION_KINDS
# Mail that no thread is learnt from: it is about no application of the user's.
UNRELATED_KINDS = NON_APPLICATION_KINDS | {Kind.USER_OTHER}
# The employer's decision: nothing more is drafted for the application.
TERMINAL_KINDS = frozenset({Kind.OFFER, Kind.REJECTION})
# Kinds that, sure and with a strong score, settle what the message is about.
DECIDING_KINDS = frozenset({Kind.REJECTION, Kind.OFFER, Kind.INTERVIEW_CANCELED,
                            Kind.INTERVIEW_SCHEDULED})
# News that moves an application on (an interview, a test, a decision).
PROGRESS_KINDS: tuple[Kind, ...] = (Kind.INTERVIEW_INVITATION, Kind.INTERVIEW_SCHEDULED,
                                    Kind.INTERVIEW_CANCELED, Kind.ASSESSMENT, Kind.REJECTION,
                                    Kind.OFFER)
# An interview asked for or set: the application is interviewing (again).
INTERVIEW_KINDS = frozenset({Kind.INTERVIEW_INVITATION, Kind.INTERVIEW_SCHEDULED})
# Mail in which an employer may propose or change an interview's time.
PROPOSING_KINDS = INTERVIEW_KINDS | {Kind.INTERVIEW_CANCELED, Kind.STATUS_UPDATE}
# The user writing to the employer: it joins the application wherever it is written.
USER_TO_EMPLOYER_KINDS = frozenset({Kind.USER_THANK_YOU, Kind.USER_FOLLOW_UP})
# Employer mail that can close the process without a rejection (a role put on hold).
PROCESS_CLOSING_KINDS = frozenset({Kind.STATUS_UPDATE, Kind.INTERVIEW_CANCELED})
