"""Who sent it, for the judge: the sender knowledge lives in `followup.track.senders`;
this module adds the two yes/no questions the judge asks of a domain."""

from __future__ import annotations

from followup.track.senders import (
    APPLICANT_TRACKING_DOMAINS,
    ATS_DOMAINS,
    JOB_BOARD_DOMAINS,
    domain_in,
    employer_domain,
    is_machine_address,
)

# Tools whose notifications quote anything at all (an issue titled "Offer letter", a chat
# about someone's rejection): never mail from an employer.
NOTIFICATION_DOMAINS = frozenset({
    "github.com", "gitlab.com", "atlassian.net", "atlassian.com", "slack.com",
    "slackhq.com", "notion.so", "linear.app", "figma.com", "discord.com", "trello.com",
    "asana.com", "bitbucket.org", "stackoverflow.email", "meetup.com", "medium.com",
    "substack.com", "docs.google.com", "dropbox.com",
})

__all__ = ["ATS_DOMAINS", "JOB_BOARD_DOMAINS", "employer_domain", "is_ats_domain",
           "is_job_board", "is_machine_address"]


def is_ats_domain(domain: str) -> bool:
    """True for an applicant tracking system's or scheduling tool's domain (or subdomain)."""
    return bool(domain) and domain_in(domain.lower(), ATS_DOMAINS)


def is_applicant_tracker(domain: str) -> bool:
    """True for an applicant tracking system proper (not a scheduling or test tool)."""
    return bool(domain) and domain_in(domain.lower(), APPLICANT_TRACKING_DOMAINS)


def is_notification_service(domain: str) -> bool:
    """True for a collaboration tool's notification domain (GitHub, Slack, ...)."""
    return bool(domain) and domain_in(domain.lower(), NOTIFICATION_DOMAINS)


def is_job_board(domain: str) -> bool:
    """True for a job board's domain (or subdomain)."""
    return bool(domain) and domain_in(domain.lower(), JOB_BOARD_DOMAINS)
