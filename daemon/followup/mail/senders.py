"""Who is a machine, and which domain is the employer's: what `judge` and `track` both
know about senders, kept below both (ARCHITECTURE.md, "Layers").

The judge reads the domain lists as signals (a sender at an ATS domain is a strong
recruiting signal; it is never the employer's domain); `track` uses them to group mail and
to keep drafts from machine addresses. Every list holds registrable domains; `domain_in`
also matches any subdomain (`us.greenhouse-mail.io`, `hire.lever.co`,
`acme.wd5.myworkdayjobs.com`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from followup.words import alternatives

APPLICANT_TRACKING_DOMAINS: frozenset[str] = frozenset({
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "ashbyhq.com", "myworkday.com",
    "myworkdayjobs.com", "workday.com", "icims.com", "smartrecruiters.com",
    "teamtailor.com", "teamtailor-mail.com", "personio.de", "personio.com", "bamboohr.com",
    "jobvite.com", "workable.com", "workablemail.com", "recruitee.com", "breezy.hr",
    "jazzhr.com", "applytojob.com", "successfactors.com", "successfactors.eu",
    "taleo.net", "pinpointhq.com", "join.com", "gem.com", "paradox.ai", "hirevue.com",
    "softgarden.io", "softgarden.de", "zohorecruit.com", "manatal.com", "homerun.co",
    "welcomekit.co", "jobylon.com", "recruiterbox.com", "hireology.com", "avature.net",
    "jobadder.com", "fountain.com", "dvinci-hr.com", "dvinci-easy.com", "dvinci.de", "rexx-recruitment.com",
    # More trackers that send in the employer's name (vendors' own sending domains), in
    # the US and in the German-, French- and Spanish-speaking markets: a sender here is
    # recruiting mail whatever its subject says.
    "jobscore.com", "comeet.co", "comeet.com", "recruitcrm.io", "freshteam.com",
    "hirehive.com", "hiringthing.com", "trakstar.com", "clearcompany.com", "csod.com",
    "ultipro.com", "eightfold.ai", "phenompeople.com", "beamery.com", "gohire.io",
    "recooty.com", "jobdiva.com", "bullhornstaffing.com", "talentsoft.com", "taleez.com",
    "digitalrecruiters.com", "flatchr.io", "beetween.com", "jobaffinity.fr",
    "kenjo.io", "factorialhr.com", "bizneo.com", "talentclue.com", "umantis.com",
    "concludis.de", "prescreen.io", "onlyfy.com", "coveto.de", "heyrecruit.de",
    # Swiss, Austrian and Benelux trackers (session 9)
    "refline.ch", "jobbase.io", "otys.nl", "carerix.com",
    # UK public and third sector (Oleeo's tal.net, Jobtrain, Networx)
    "tal.net", "jobtrain.co.uk", "networxrecruitment.com",
})
SCHEDULING_DOMAINS: frozenset[str] = frozenset({
    "calendly.com", "goodtime.io", "modernloop.io", "prelude.co", "cal.com",
    "youcanbook.me", "savvycal.com", "zcal.co", "doodle.com", "acuityscheduling.com",
    "chilipiper.com",
})
ASSESSMENT_DOMAINS: frozenset[str] = frozenset({
    "hackerrank.com", "codility.com", "codesignal.com", "coderpad.io", "testgorilla.com",
    # interviews and tests run for the employer by a vendor
    "karat.io", "karat.com", "brighthire.ai", "hackerearth.com", "codingame.com",
    "qualified.io", "devskiller.com", "testdome.com", "mettl.com", "pymetrics.ai",
    "harver.com", "vervoe.com", "woven.team", "byteboard.dev", "criteriacorp.com",
    # one-way video interviews and psychometric tests sent for the employer
    "sparkhire.com", "vidcruiter.com", "willo.video", "myinterview.com", "modernhire.com",
    "shl.com", "cut-e.com", "alva-labs.com", "aon-assessment.com",
})
ATS_DOMAINS: frozenset[str] = APPLICANT_TRACKING_DOMAINS | SCHEDULING_DOMAINS | ASSESSMENT_DOMAINS
"""Recruiting tools that send for an employer: applicant tracking systems, interview
scheduling, assessments. Mail from them is about an application; their domain is never
the employer's."""

JOB_BOARD_DOMAINS: frozenset[str] = frozenset({
    "linkedin.com", "indeed.com", "glassdoor.com", "ziprecruiter.com", "monster.com",
    "otta.com", "welcometothejungle.com", "wellfound.com", "angel.co", "stepstone.de",
    "stepstone.com", "xing.com", "dice.com", "hired.com", "builtin.com", "simplyhired.com",
    "careerbuilder.com", "seek.com.au", "reed.co.uk", "totaljobs.com", "cwjobs.co.uk",
    "infojobs.net", "apec.fr", "hellowork.com", "jobteaser.com", "remoteok.com",
    "weworkremotely.com", "himalayas.app", "jobs.ch", "karriere.at", "talent.com",
    "jooble.org", "adzuna.com", "handshake.com", "joinhandshake.com", "levels.fyi",
    "teal.com", "tealhq.com", "theladders.com", "flexjobs.com", "idealist.org",
    # Latin America's and Québec's (session 7, blind scenarios 75, 89 and 91)
    "computrabajo.com", "bumeran.com", "bumeran.com.ar", "zonajobs.com.ar", "occ.com.mx",
    "laborum.cl", "trabajando.com", "jobillico.com",
})
CALENDAR_SYSTEM_DOMAINS: frozenset[str] = frozenset({
    "resource.calendar.google.com", "group.calendar.google.com",
    "calendar-server.bounces.google.com",
})
SENDING_SERVICE_DOMAINS: frozenset[str] = frozenset({
    "sendgrid.net", "mailgun.org", "amazonses.com", "mcsv.net", "mandrillapp.com",
    "sparkpostmail.com", "mktomail.com", "hubspotemail.net", "postmarkapp.com",
})
"""Bulk-mail services that send on anyone's behalf."""

MEETING_SERVICE_DOMAINS: frozenset[str] = frozenset({
    "zoom.us", "zoom.com", "webex.com", "gotomeeting.com", "goto.com", "whereby.com",
})
"""Video-meeting services: their notifications speak for whoever booked the meeting."""

# Tools whose notifications quote anything at all (an issue titled "Offer letter", a chat
# about someone's rejection): never mail from an employer.
NOTIFICATION_DOMAINS: frozenset[str] = frozenset({
    "github.com", "gitlab.com", "atlassian.net", "atlassian.com", "slack.com",
    "slackhq.com", "notion.so", "linear.app", "figma.com", "discord.com", "trello.com",
    "asana.com", "bitbucket.org", "stackoverflow.email", "meetup.com", "medium.com",
    "substack.com", "docs.google.com", "dropbox.com",
})

MACHINE_DOMAINS: frozenset[str] = (ATS_DOMAINS | JOB_BOARD_DOMAINS | CALENDAR_SYSTEM_DOMAINS
                                   | SENDING_SERVICE_DOMAINS | MEETING_SERVICE_DOMAINS)
"""Every address at these domains (or their subdomains) is treated as a machine."""

FREE_MAIL_DOMAINS: frozenset[str] = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com",
    "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "gmx.de", "gmx.net",
    "gmx.com", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "posteo.de",
    "mailbox.org", "aol.com", "mail.com", "zoho.com", "yandex.com", "yandex.ru",
    "fastmail.com", "fastmail.fm", "hey.com", "tutanota.com", "tuta.io", "orange.fr",
    "free.fr", "laposte.net", "libero.it", "qq.com", "163.com",
})
# Providers with a domain in many countries (yahoo.co.uk, hotmail.fr, gmx.ch, ...).
_FREE_MAIL_FAMILIES = frozenset({"yahoo", "hotmail", "outlook", "live", "gmx", "yandex",
                                 "aol"})

# Second-level public suffixes under which a company registers its own name.
TWO_LEVEL_SUFFIXES: frozenset[str] = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "com.au", "net.au",
    "org.au", "co.nz", "co.za", "co.jp", "ne.jp", "or.jp", "co.kr", "co.in", "co.il",
    "com.br", "com.mx", "com.ar", "com.sg", "com.hk", "com.cn", "com.tw", "com.tr",
    "com.es", "com.pl", "co.at", "or.at",
    # Latin America's (cafeandino.com.co is Café Andino's own name; session 7, blind 75)
    "com.co", "com.pe", "com.uy", "com.ve", "com.ec", "com.bo", "com.py", "com.gt",
    "com.do", "com.sv", "com.hn", "com.ni", "com.pa", "co.cr", "com.pr", "com.cu",
    # Canada's provinces and territories (hydrolab.qc.ca is Hydrolab's own name)
    "ab.ca", "bc.ca", "mb.ca", "nb.ca", "nl.ca", "ns.ca", "nt.ca", "nu.ca", "on.ca", "pe.ca",
    "qc.ca", "sk.ca", "yk.ca",
})

_MACHINE_LOCAL = re.compile(
    rf"""^(?:.*(?:{alternatives('NO_REPLY_PATTERNS', 'en fr es de')}).*
        |mailer[-_.]?daemon|postmaster|bounces?(?:[-+._].*)?|notifications?(?:[-+._].*)?
        |notify|alerts?|automated|auto[-_.]?reply|autoresponder|robot|daemon
        |calendar(?:[-_.]notification)?s?|invitations?
        |(?:jobs|careers|recruiting|talent|hiring)[-_.](?:noreply|notifications?|alerts?))$""",
    re.VERBOSE,
)
# A calendar service's own sender (Google Calendar's calendar-notification@google.com): its
# domain is the service's, not the employer's; learning it would read all of Google's mail.
_CALENDAR_SERVICE = re.compile(r"^calendar(?:[-_.](?:notifications?|server))?s?$")
_MACHINE_NAME = re.compile(
    r"no[-_ ]?reply|do not reply|mail delivery (?:subsystem|system)|mailer[- ]daemon"
    r"|^google calendar$|^calendar$",
    re.IGNORECASE,
)


def split_address(email: str) -> tuple[str, str]:
    """The local part and the lower-cased domain of an address ("" where missing)."""
    local, _, domain = email.strip().strip("<>").lower().rpartition("@")
    return local, domain.rstrip(".")


def domain_in(domain: str, domains: Collection[str]) -> bool:
    """True when `domain` is one of `domains` or a subdomain of one of them."""
    domain = domain.lower().rstrip(".")
    labels = domain.split(".")
    return any(".".join(labels[i:]) in domains for i in range(len(labels) - 1))


def registrable_domain(domain: str) -> str:
    """The name an organisation registered: `mail.acme.com` → `acme.com`,
    `careers.acme.co.uk` → `acme.co.uk`."""
    labels = [label for label in domain.lower().rstrip(".").split(".") if label]
    if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_free_mail_domain(domain: str) -> bool:
    """True for a mailbox provider anyone can sign up with (gmail.com, web.de, ...)."""
    base = registrable_domain(domain)
    return base in FREE_MAIL_DOMAINS or base.split(".")[0] in _FREE_MAIL_FAMILIES


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


# Recruiting tools known by a name their sending domain does not spell.
_TOOL_BRANDS = frozenset({
    "docusign", "hellosign", "adobesign", "njoyn", "vidcruiter", "sparkhire", "myinterview",
    "willo", "goodtime", "modernloop", "googlecalendar", "microsoftteams", "outlookcalendar",
    "welcometothejungle", "wttj", "hackerrankforwork", "greenhouserecruiting",
})
_TOOL_LABELS = frozenset(domain.split(".")[0] for domain in (
    MACHINE_DOMAINS | NOTIFICATION_DOMAINS) if len(domain.split(".")[0]) >= 4)


def is_tool_name(name: str) -> bool:
    """True when `name` is a recruiting tool's, a job board's or a scheduling or meeting
    service's ("InfoJobs", "Welcome to the Jungle", "CodeSignal", "DocuSign", "Greenhouse"),
    never an employer's: the letters of the name are a machine domain's first label."""
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    return bool(letters) and (letters in _TOOL_LABELS or letters in _TOOL_BRANDS)


def is_machine_address(email: str, name: str = "") -> bool:
    """True when mail to `email` would reach no human: no-reply and notification
    addresses, bounces, ATS / scheduling / assessment / job-board / shared-calendar
    domains. An empty or malformed address counts as a machine (nobody to write to)."""
    local, domain = split_address(email)
    if not local or "." not in domain:
        return True
    if domain_in(domain, MACHINE_DOMAINS) or domain.endswith(".calendar.google.com"):
        return True
    if _MACHINE_LOCAL.match(local):
        return True
    return bool(name) and bool(_MACHINE_NAME.search(name.strip()))


def employer_domain(email: str) -> str | None:
    """The employer's registrable domain for a sender, or None when the domain says
    nothing about the employer: recruiting tools, job boards, calendars, free mail.

    A no-reply address at the employer's own domain still names the employer
    (`no-reply@acme.com` → `acme.com`)."""
    local, domain = split_address(email)
    if "." not in domain:
        return None
    if domain_in(domain, MACHINE_DOMAINS) or domain.endswith(".calendar.google.com"):
        return None
    if is_free_mail_domain(domain) or _CALENDAR_SERVICE.match(local):
        return None
    return registrable_domain(domain)


_GENERIC_SLUGS = frozenset({
    "us", "eu", "uk", "ca", "au", "de", "app", "apps", "www", "mail", "email", "hire", "jobs",
    "job", "careers", "career", "boards", "board", "recruiting", "recruitment", "talent",
    "hiring", "hr", "apply", "notifications", "notification", "notify", "no-reply", "noreply",
    "team", "info", "support", "system", "mailer", "candidates", "candidate", "ats", "portal",
    "sandbox", "prod", "secure", "login", "emails", "messages", "reply", "replies",
})
_WORKDAY_INSTANCE = re.compile(r"^(?:wd\d+|wd\d+-impl|myworkdayjobs|myworkday)$")


def ats_slug(email: str) -> str | None:
    """The name an applicant tracking system knows the employer by, from its sending
    address: `acme.wd5.myworkdayjobs.com` → acme, `tidewaterenergy@myworkday.com` →
    tidewaterenergy, `acme@smartrecruiters.com` → acme; None for a shared or no-reply
    address (`no-reply@us.greenhouse-mail.io`) or a non-ATS domain."""
    local, domain = split_address(email)
    if "." not in domain or not domain_in(domain, APPLICANT_TRACKING_DOMAINS):
        return None
    labels = domain.split(".")
    base = next(i for i in range(len(labels) - 1)
                if ".".join(labels[i:]) in APPLICANT_TRACKING_DOMAINS)
    for label in labels[:base]:
        if label not in _GENERIC_SLUGS and not _WORKDAY_INSTANCE.match(label) \
                and len(label) >= 3:
            return label
    if local and local not in _GENERIC_SLUGS and not _MACHINE_LOCAL.match(local) \
            and len(local) >= 3 and "." not in local:
        return local  # first.last@ is a person at the ATS, not a slug
    return None
