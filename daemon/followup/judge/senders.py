"""Who sent it: job boards, and (re-exported from `followup.track.senders`) machine
addresses, applicant tracking systems and employer domains."""

from __future__ import annotations

from followup.track.senders import ATS_DOMAINS, employer_domain, is_machine_address

JOB_BOARD_DOMAINS = frozenset({
    "linkedin.com", "indeed.com", "glassdoor.com", "ziprecruiter.com", "monster.com",
    "otta.com", "welcometothejungle.com", "wellfound.com", "angel.co", "stepstone.de",
    "stepstone.com", "xing.com", "dice.com", "hired.com", "builtin.com", "simplyhired.com",
    "careerbuilder.com", "seek.com.au", "reed.co.uk", "totaljobs.com", "cwjobs.co.uk",
    "infojobs.net", "apec.fr", "hellowork.com", "jobteaser.com", "remoteok.com",
    "weworkremotely.com", "himalayas.app", "jobs.ch", "karriere.at", "talent.com",
    "jooble.org", "adzuna.com", "handshake.com", "joinhandshake.com", "levels.fyi",
    "teal.com", "tealhq.com", "theladders.com", "flexjobs.com", "idealist.org",
})

__all__ = ["ATS_DOMAINS", "JOB_BOARD_DOMAINS", "employer_domain", "is_ats_domain",
           "is_job_board", "is_machine_address"]


def _matches(domain: str, domains: frozenset[str] | set[str]) -> bool:
    domain = domain.lower().strip(".")
    parts = domain.split(".")
    return any(".".join(parts[index:]) in domains for index in range(len(parts) - 1))


def is_ats_domain(domain: str) -> bool:
    """True for an applicant tracking system's or scheduling tool's domain (or subdomain)."""
    return bool(domain) and _matches(domain, ATS_DOMAINS)


def is_job_board(domain: str) -> bool:
    """True for a job board's domain (or subdomain)."""
    return bool(domain) and _matches(domain, JOB_BOARD_DOMAINS)

