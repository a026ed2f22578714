"""Who sent it, for the judge: the sender knowledge lives in `followup.track.senders`;
this module adds the two yes/no questions the judge asks of a domain."""

from __future__ import annotations

from followup.track.senders import (ATS_DOMAINS, JOB_BOARD_DOMAINS, domain_in,
                                    employer_domain, is_machine_address)

__all__ = ["ATS_DOMAINS", "JOB_BOARD_DOMAINS", "employer_domain", "is_ats_domain",
           "is_job_board", "is_machine_address"]


def is_ats_domain(domain: str) -> bool:
    """True for an applicant tracking system's or scheduling tool's domain (or subdomain)."""
    return bool(domain) and domain_in(domain.lower(), ATS_DOMAINS)


def is_job_board(domain: str) -> bool:
    """True for a job board's domain (or subdomain)."""
    return bool(domain) and domain_in(domain.lower(), JOB_BOARD_DOMAINS)
