"""Which records belong to one application: by thread, then company, then role.

1. Threads: records that share a provider thread id (per account) or any Message-ID
   through `Message-ID` / `In-Reply-To` / `References` are one conversation (union-find).
2. Company: conversations join when a normalised company name matches, or when an
   employer domain matches (or fits a company name) and their names do not disagree. ATS,
   scheduling and free-mail domains name no employer (`senders.employer_domain`).
3. Role: inside a company, conversations with different known roles are different
   applications; a conversation without a role joins the company's only application, else
   the one most recently active when it arrived.

Only inbound recruiting mail founds an application: a conversation of nothing but
`other` / `recruiter_outreach` mail and the user's own messages makes none. The user's
thank-you and follow-up mail outside any thread joins by recipient domain or company.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from followup.config_model import UserConfig
from followup.judge.kinds import (  # noqa: F401 - the sets other track modules take from here
    APPLICATION_KINDS,
    NON_APPLICATION_KINDS,
    TERMINAL_KINDS,
    USER_TO_EMPLOYER_KINDS,
)
from followup.mail.senders import ats_slug, employer_domain, is_machine_address
from followup.track.model import MailRecord
from followup.track.names import (
    companies_match,
    company_abbreviated_in_domain,
    is_user,
    normalise_company,
    normalise_role,
    roles_match,
)


@dataclass
class Conversation:
    """One thread: its records (oldest first) and who it is about."""

    records: list[MailRecord]
    names: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # the employer's people who wrote or met
    # Roles from sources that name the job itself (see `_names_the_job`): only these found
    # a second application at one company; a role read from a person's mail alone may be
    # their own title ("Engineering Manager") and joins instead.
    job_roles: set[str] = field(default_factory=set)

    @property
    def first(self) -> MailRecord:
        return self.records[0]

    @property
    def founds_application(self) -> bool:
        return any(r.direction == "inbound" and r.kind in APPLICATION_KINDS
                   for r in self.records)


@dataclass
class _Cluster:
    """Conversations believed to be about one company."""

    conversations: list[Conversation]
    names: set[str]
    domains: set[str]
    serial: int = 0  # founding order: the first matching cluster is the oldest
    alive: bool = True  # False once merged into an older cluster


def _order(record: MailRecord) -> tuple[datetime, str]:
    return (record.date, record.key)


def _clean_id(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def split_threads(records: Sequence[MailRecord]) -> list[Conversation]:
    """Records joined into conversations by thread id and Message-ID links, oldest first."""
    unique = list({r.key: r for r in sorted(records, key=_order, reverse=True)}.values())
    unique.sort(key=_order)
    parent = list(range(len(unique)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, record in enumerate(unique):
        links = [f"thread:{record.account}:{record.thread_id}"] if record.thread_id else []
        links += ["id:" + _clean_id(m) for m in
                  (record.message_id, record.in_reply_to, *record.references) if m]
        for link in links:
            if link in owner:
                parent[find(index)] = find(owner[link])
            else:
                owner[link] = index
    groups: dict[int, list[MailRecord]] = {}
    for index, record in enumerate(unique):
        groups.setdefault(find(index), []).append(record)
    return sorted((Conversation(sorted(g, key=_order)) for g in groups.values()),
                  key=lambda c: _order(c.first))


def _describe(conversation: Conversation, user: UserConfig) -> None:
    """Fill in the names, employer domains and roles a conversation speaks of."""
    for record in conversation.records:
        if record.kind in NON_APPLICATION_KINDS:
            continue
        if record.facts.company:
            conversation.names.add(normalise_company(record.facts.company))
        if record.facts.role:
            conversation.roles.add(normalise_role(record.facts.role))
            if _names_the_job(record):
                conversation.job_roles.add(normalise_role(record.facts.role))
        if record.direction == "inbound":
            slug = ats_slug(record.sender.email) if record.sender else None
            if slug:  # the ATS's name for the employer: tidewaterenergy ~ Tidewater Energy
                conversation.names.add(normalise_company(slug))
            addresses = [p.email for p in (*record.reply_to, *record.facts.interviewers)]
            if record.sender:  # no-reply@acme.com still names acme.com; ATS domains do not
                addresses.append(record.sender.email)
            if record.facts.contact:
                addresses.append(record.facts.contact)
            conversation.people.update(a.strip().lower() for a in addresses
                                       if a and not is_user(a, user.addresses)
                                       and not is_machine_address(a))
        else:
            addresses = [p.email for p in (*record.to, *record.cc)]
        for address in addresses:
            domain = employer_domain(address) if address else None
            if domain and not is_user(address, user.addresses):
                conversation.domains.add(domain)
    conversation.names.discard("")
    conversation.roles.discard("")


def _names_the_job(record: MailRecord) -> bool:
    """True when the record's role comes from a source that names the job: an
    acknowledgement, an ATS's mail, a message the user started, or a subject that holds
    the role's words."""
    if record.kind == "application_received" or record.automated:
        return True
    if record.direction == "sent" and not record.in_reply_to:
        return True
    role = set(normalise_role(record.facts.role).split())
    return bool(role) and role <= set(normalise_role(record.subject).split())


def _compatible(names: set[str], domains: set[str], other: Conversation | _Cluster) -> bool:
    if any(companies_match(a, b) for a in names for b in other.names):
        return True
    if names and other.names:
        # Both named, differently: a shared domain is an agency's or a parent's, unless it
        # is the employer's own by one side's name (brackenridge.io for "Brackenridge
        # Software": a scheduling tool's mail misread as from "Scheduling" with its
        # interviewers at brackenridge.io).
        shared = domains & other.domains
        return any(company_abbreviated_in_domain(n, d) for d in shared
                   for n in (*names, *other.names))
    if domains & other.domains:
        return True
    return (any(company_abbreviated_in_domain(n, d) for n in names for d in other.domains)
            or any(company_abbreviated_in_domain(n, d) for n in other.names for d in domains))


def _initials(names: set[str], domains: set[str]) -> set[str]:
    """The first letters of a party's names and domains. Every way `_compatible` can say yes
    (equal names, one name the first words of the other, a shared domain, a name that fits
    a domain's first label) needs one first letter in common, so clusters are looked up by
    them: grouping stays near-linear in the conversations instead of comparing each one
    with every cluster (0.4 s of a 0.65 s plan at 300 applications)."""
    return {name.replace(" ", "")[:1] for name in names} | {domain[:1] for domain in domains}


class _Clusters:
    """Clusters in the order they were founded, indexed by `_initials`."""

    def __init__(self) -> None:
        self.ordered: list[_Cluster] = []
        self._by_initial: dict[str, list[_Cluster]] = {}

    def matching(self, names: set[str], domains: set[str]) -> list[_Cluster]:
        """The clusters `_compatible` with these names and domains, oldest first: exactly
        `[c for c in clusters if _compatible(names, domains, c)]`."""
        seen: dict[int, _Cluster] = {}
        for initial in _initials(names, domains):
            for cluster in self._by_initial.get(initial, ()):
                seen.setdefault(id(cluster), cluster)
        found = [c for c in seen.values() if c.alive and _compatible(names, domains, c)]
        return sorted(found, key=lambda cluster: cluster.serial)

    def found(self, conversation: Conversation) -> None:
        cluster = _Cluster([conversation], set(conversation.names), set(conversation.domains),
                           serial=len(self.ordered))
        self.ordered.append(cluster)
        self._index(cluster)

    def join(self, target: _Cluster, conversation: Conversation,
             others: Sequence[_Cluster] = ()) -> None:
        for other in others:  # this conversation bridges clusters: they were one company
            target.conversations += other.conversations
            target.names |= other.names
            target.domains |= other.domains
            other.alive = False
        target.conversations.append(conversation)
        target.names |= conversation.names
        target.domains |= conversation.domains
        self._index(target)

    def _index(self, cluster: _Cluster) -> None:
        for initial in _initials(cluster.names, cluster.domains):
            bucket = self._by_initial.setdefault(initial, [])
            if not bucket or bucket[-1] is not cluster:
                bucket.append(cluster)

    def alive(self) -> list[_Cluster]:
        return [cluster for cluster in self.ordered if cluster.alive]


def _cluster_by_company(conversations: Iterable[Conversation]) -> _Clusters:
    clusters = _Clusters()
    for conversation in conversations:
        matching = clusters.matching(conversation.names, conversation.domains)
        if not matching:
            clusters.found(conversation)
            continue
        target, *others = matching
        clusters.join(target, conversation, others)
    return clusters


def _adopt_nameless(clusters: _Clusters) -> None:
    """A cluster that names no company and no employer domain (a job board's receipt that
    left the employer out: "Indeed Application: Senior Controller") joins the one named
    cluster whose job it names, when exactly one names it; with two or none it stays apart
    (session 8: one application per job, issue 13 point 1)."""
    named = [cluster for cluster in clusters.alive() if cluster.names or cluster.domains]
    for cluster in clusters.alive():
        if cluster.names or cluster.domains:
            continue
        roles = {role for conversation in cluster.conversations for role in conversation.job_roles}
        if not roles:
            continue
        fits = [other for other in named if any(
            roles_match(role, theirs) for role in roles
            for conversation in other.conversations for theirs in conversation.roles)]
        if len(fits) == 1:
            fits[0].conversations += cluster.conversations
            cluster.alive = False


def _most_recent_active(applications: list[list[Conversation]],
                        when: datetime) -> list[Conversation]:
    """The application a role-less conversation arriving at `when` most likely belongs to:
    the one with the latest record before it that had no offer or rejection by then; else
    the one with the latest record before it; else the next one to begin."""
    def records_before(app: list[Conversation]) -> list[MailRecord]:
        return [r for c in app for r in c.records if r.date <= when]

    def active(app: list[Conversation]) -> bool:
        return not any(r.kind in TERMINAL_KINDS for r in records_before(app))

    started = [app for app in applications if records_before(app)]
    for candidates in ([a for a in started if active(a)], started):
        if candidates:
            return max(candidates, key=lambda a: max(_order(r) for r in records_before(a)))
    return min(applications, key=lambda a: min(_order(c.first) for c in a))


def _split_by_role(conversations: list[Conversation]) -> list[list[Conversation]]:
    """A company's conversations split into applications, one per known role; role-less
    conversations and the user's own threads join an existing one."""
    applications: list[list[Conversation]] = []
    roles: list[set[str]] = []
    roleless: list[Conversation] = []
    ordered = sorted(conversations, key=lambda c: _order(c.first))
    # Conversations that name the job found applications first, so that a person's title
    # read as a role in an earlier message cannot found one of its own.
    founding = [c for c in ordered if c.founds_application and c.job_roles] + \
        [c for c in ordered if c.founds_application and not c.job_roles]
    followers = [c for c in ordered if not c.founds_application]
    for conversation in founding + followers:
        matched = next((i for i, known in enumerate(roles)
                        if any(roles_match(a, b) for a in known for b in conversation.roles)),
                       None)
        if matched is not None:
            applications[matched].append(conversation)
            roles[matched] |= conversation.roles
        elif conversation.job_roles and conversation.founds_application or (
                conversation.roles and conversation.founds_application and not applications):
            applications.append([conversation])
            roles.append(set(conversation.roles))
        else:
            roleless.append(conversation)
    for conversation in roleless:
        if not applications:
            applications.append([conversation])
            roles.append(set())
        elif len(applications) == 1:
            applications[0].append(conversation)
        else:
            (_shares_people(applications, conversation)
             or _most_recent_active(applications, conversation.first.date)).append(conversation)
    return applications


def _shares_people(applications: list[list[Conversation]],
                   conversation: Conversation) -> list[Conversation] | None:
    """The one application whose people wrote this conversation or were written to in it
    (the recruiter of one of two roles at a company), or None."""
    addresses = set(conversation.people) | {
        p.email.strip().lower() for r in conversation.records if r.direction == "sent"
        for p in (*r.to, *r.cc)}
    sharing = [app for app in applications
               if addresses & {a for c in app for a in c.people}]
    return sharing[0] if len(sharing) == 1 else None


def _people_index(clusters: _Clusters) -> dict[str, _Cluster | None]:
    """{address: the one cluster whose employer people include it}; None when several do
    (a recruiter at an agency writing for two clients says nothing by address alone)."""
    index: dict[str, _Cluster | None] = {}
    for cluster in clusters.alive():
        for address in {a for c in cluster.conversations for a in c.people}:
            index[address] = cluster if index.get(address, cluster) is cluster else None
    return index


def _written_to(conversation: Conversation,
                people: dict[str, _Cluster | None]) -> _Cluster | None:
    """The cluster whose people the user's own mail in `conversation` went to, if one."""
    found = {id(cluster): cluster for record in conversation.records
             if record.direction == "sent" and record.kind not in NON_APPLICATION_KINDS
             for person in (*record.to, *record.cc)
             if (cluster := people.get(person.email.strip().lower())) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def group_records(records: Sequence[MailRecord],
                  user: UserConfig) -> list[tuple[list[MailRecord], list[MailRecord]]]:
    """Records grouped into applications.

    Returns, per application, its records oldest first and the first record of each
    conversation joined into it (the seeds of its aliases)."""
    conversations = split_threads(records)
    for conversation in conversations:
        _describe(conversation, user)
    founding = [c for c in conversations if c.founds_application]
    clusters = _cluster_by_company(founding)
    _adopt_nameless(clusters)
    people = _people_index(clusters)
    for conversation in conversations:
        if conversation.founds_application:
            continue
        written_to = _written_to(conversation, people)
        if written_to is not None:
            # The user wrote (any kind of mail, from any address, in a new thread) to someone
            # who wrote or interviewed for one application: it is that application's.
            written_to.conversations.append(conversation)
            continue
        if not conversation.names | conversation.domains:
            continue
        if not any(r.kind in USER_TO_EMPLOYER_KINDS for r in conversation.records):
            continue  # other, outreach and the user's unrelated mail found nothing
        matching = clusters.matching(conversation.names, conversation.domains)
        if matching:
            matching[0].conversations.append(conversation)
    result = []
    for cluster in clusters.alive():
        for application in _split_by_role(cluster.conversations):
            members = sorted((r for c in application for r in c.records), key=_order)
            result.append((members, sorted((c.first for c in application), key=_order)))
    return sorted(result, key=lambda group: _order(group[0][0]))
