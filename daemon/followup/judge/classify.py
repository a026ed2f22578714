"""One kind per message, with the signals that decided it and how much each weighed.

`judge_message(message, me)` is pure: a parsed `Message`, the user's addresses and an
optional `ThreadContext` in, a `Judgement` out. Evidence is weighed sentence by sentence
over the subject and the message's *new* text only (quoted earlier mail never drives the
kind), plus the calendar part, the sender and the bulk-mail headers.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Literal

from followup.judge.dates import TimeMention
from followup.judge.facts import extract_facts, future_moments
from followup.judge.language import detect_language, has_foreign_words, stop_word_counts
from followup.judge.lexicon import CUES, ENGLISH_CUES, Cue
from followup.judge.model import Judgement, Signal
from followup.judge.names import extract_role
from followup.mail.model import Message
from followup.mail.senders import (
    employer_domain,
    is_applicant_tracker,
    is_ats_domain,
    is_job_board,
    is_machine_address,
    is_notification_service,
)

RECRUITING_KINDS = ("application_received", "interview_invitation", "interview_scheduled",
                    "interview_canceled", "assessment", "rejection", "offer", "status_update",
                    "recruiter_outreach")
THRESHOLD = 2.0
_PROGRESS_KINDS = ("interview_invitation", "interview_scheduled", "interview_canceled",
                   "assessment", "rejection", "offer")

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_CONDITIONAL = re.compile(
    r"\bif (?:you are |you're |your \w+ (?:is|are) |we (?:decide|feel|think) )?(?:not )?"
    r"(?:selected|shortlisted|successful|a (?:good )?(?:match|fit)|chosen|invited|progress)|"
    r"\bshould (?:you|your \w+) be (?:selected|shortlisted|successful)|\bin the event that|"
    r"\bonce (?:we|the team) (?:have |has )?review|falls sie|sofern sie|"
    r"\bif (?:it|that|this|all|everything) goes well|"
    r"\bsi (?:vous|votre|ton|tu|su) (?:\w+ ){0,2}(?:correspond|êtes retenu|est retenu|sélectionn|"
    r"encaj|coincid|es seleccionad|eres seleccionad|resultas)|"
    r"\bwenn (?:ihr|dein|sie|du) (?:\w+ ){0,3}(?:passt|passen|überzeug|ausgewählt)",
    re.IGNORECASE)
_YOUR_APPLICATION = re.compile(r"your (?:application|candidacy|interview)|you applied|"
                               r"ihre bewerbung|votre candidature|tu candidatura",
                               re.IGNORECASE)
_MAILER = re.compile(r"^(?:news|newsletters?|digest|marketing|updates?|promo|offers|deals|"
                     r"hello)@|@(?:news|newsletters?|mail|email|e|em|info|marketing|mailer)\.",
                     re.IGNORECASE)
_EMPLOYER_VOICE = re.compile(r"\b(?:we|we're|we've|we'll|we'd|our|us|wir|unser\w*|nous|"
                             r"notre|nos|nosotros|nuestr[oa]s?)\b", re.IGNORECASE)
_RECRUITER_TITLE = re.compile(
    r"\b(?:recruit(?:er|ing|ment)|talent (?:acquisition|partner|team)|people (?:partner|"
    r"operations)|hr (?:manager|business partner|generalist|specialist)|human resources|"
    r"hiring manager|sourcer|personalreferent|"
    r"chargée? de recrutement|reclutador|talent)\b", re.IGNORECASE)
_CALENDAR_JOB = re.compile(
    r"interview|screen|recruit|hiring|candidate|onsite|on-site|technical|panel|\brole\b|"
    r"position|application|vorstellung|bewerbung|gespräch|entretien|candidat|entrevista|"
    r"chat with|intro call|meet the team|hiring manager|loop", re.IGNORECASE)
_JOB_TITLE_WORD = re.compile(r"\b(?:engineer|developer|analyst|scientist|designer|manager|"
                             r"architect|ingenieur|entwickler|ingénieur|développeur|ingeniero|"
                             r"desarrollador)", re.IGNORECASE)
_FORWARD_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv)\s*:\s*)*(?:fwd?|wg|tr|rv|enc|fw)\s*:",
                             re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|vs|ref|rif|antw|réf|fwd?|wg|tr)\s*:", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|n't|unable|no longer|never|won't|cannot|nicht|kein|pas|"
                       r"ne|no)\b|n't\b", re.IGNORECASE)
_NEGATABLE = {"offer", "interview_invitation", "interview_scheduled"}
_RECRUITING_WORDS = re.compile(
    r"\b(?:application|applied|applying|candidates?|candidacy|interview\w*|position|role|"
    r"gespräch\w*|bewerb\w*|kandidat\w*|entretiens?|entrevue|candidat\w*|entrevistas?|"
    r"recruit\w*|hiring|hire|talent|resume|résumé|cv|job|career|opening|vacancy|offer|"
    r"salary|equity|compensation|founding|co-?founder|"
    r"onsite|on-site|debrief|shortlist|hiring manager|next round|headcount|screen|panel|"
    r"bewerbung|stelle|vorstellungsgespräch|kandidat\w*|candidature|poste|entretien|"
    r"recrutement|candidatura|puesto|vacante|entrevista|selección|proceso)\b",
    re.IGNORECASE)
_THANK_YOU = re.compile(
    r"thank(?:s| you)(?: (?:so|very) much)?(?: again)? for (?:your time|taking the time|"
    r"meeting|speaking|talking|having me|organi[sz]ing|(?:the|today's|yesterday's|our|your) "
    r"(?:\S+ ){0,3}?(?:opportunity|conversation|chat|interview|call|time|session|onsite|"
    r"meeting|discussion))|^thank you\b|thank you [–-]|appreciate your time|thanks (?:so much )?"
    r"for the [^.!?\n]{1,40} today|(?:great|nice|wonderful|a pleasure) (?:to )?"
    r"(?:meet|meeting|speak|speaking|talk|talking) (?:with )?you|enjoyed (?:our|the|"
    r"meeting|speaking|talking)|vielen dank für (?:das|unser|ihre zeit)|merci (?:pour|de) "
    r"(?:notre|l'|cet|votre temps)|gracias por (?:tu|su|la|el) (?:tiempo|entrevista|"
    r"conversación|reunión)", re.IGNORECASE)
_USER_OTHER = re.compile(
    r"withdraw|here are (?:a few|some|my) (?:\S+ )?(?:times|windows|slots|options)|"
    r"accepted (?:an|another) offer|here are my (?:\w+ )?references|(?:decline|"
    r"declining) (?:the|your|this)|not (?:be )?(?:interested|looking) (?:at the moment|right "
    r"now)|happy to accept|i(?:'m| am) (?:pleased|delighted|thrilled) to accept|"
    r"zurückziehen|retirer ma candidature|retirar mi candidatura", re.IGNORECASE)
_FOLLOW_UP = re.compile(
    r"follow(?:ing)?[- ]up|(?<!for )checking in|check in on|touch(?:ing)? base|any updates?|"
    r"one last time|closing the loop|(?:where|how) things stand|expect to hear|"
    r"(?:status|update) (?:of|on) (?:my|the) (?:application|candidacy)|have(?:n't| not) "
    r"heard|still (?:very )?interested|where things stand|next steps in the process|"
    r"nachfragen|nachhaken|stand (?:meiner|der) bewerbung|relanc|faire le point|"
    r"des nouvelles|seguimiento|novedades", re.IGNORECASE)


@dataclass(frozen=True)
class ThreadContext:
    """What is known about the thread a message belongs to (from earlier messages)."""

    recruiting: bool = False
    kinds: tuple[str, ...] = ()


def judge_message(message: Message, me: Sequence[str], *, thread: ThreadContext | None = None,
                  user_tz: tzinfo | None = None, working_days: tuple[int, ...] = (0, 1, 2, 3, 4)
                  ) -> Judgement:
    """Classify `message` for a user whose addresses are `me`."""
    mine = {address.lower() for address in me}
    sender = message.sender.email if message.sender else ""
    counts = stop_word_counts(f"{message.subject}\n{message.new_text}")
    language = detect_language("", counts=counts)
    moments: list[TimeMention] | None = None
    role = extract_role(message)  # read once: the context score and the facts both use it
    direction: Literal["inbound", "sent"]
    if sender in mine:
        kind, signals = _judge_sent(message)
        direction = "sent"
    else:
        moments = future_moments(message, language, user_tz)
        kind, signals = _judge_inbound(message, thread or ThreadContext(), moments, mine,
                                       foreign=has_foreign_words(counts), role=role)
        direction = "inbound"
    confidence = _confidence(kind, signals)
    facts = extract_facts(message, kind=kind, direction=direction, me=mine, language=language,
                          working_days=working_days, moments=moments,
                          user_tz=user_tz, role=role)
    return Judgement(kind=kind, direction=direction, confidence=confidence, facts=facts,
                     signals=tuple(signals))


def _judge_sent(message: Message) -> tuple[str, list[Signal]]:
    # A reply's subject is the other side's words ("Re: Checking in"): only the body counts.
    subject = "" if _REPLY_PREFIX.match(message.subject) else message.subject
    text = f"{subject}\n{message.new_text[:3000]}"
    if _USER_OTHER.search(text):
        return "user_other", [Signal("you withdrew, accepted, declined or sent references",
                                     "user_other", 3.0)]
    if _FOLLOW_UP.search(text):
        return "user_follow_up", [Signal("you asked for an update", "user_follow_up", 3.0)]
    if _THANK_YOU.search(text):
        return "user_thank_you", [Signal("you thanked them for an interview",
                                         "user_thank_you", 3.0)]
    return "user_other", [Signal("sent by you, neither thanks nor a follow-up", "user_other",
                                 1.0)]


def _judge_inbound(message: Message, thread: ThreadContext, moments: list[TimeMention],
                   mine: Collection[str] = (), *, foreign: bool = True,
                   role: str | None = None) -> tuple[str, list[Signal]]:
    signals: list[Signal] = []
    sender = message.sender
    domain = sender.domain if sender else ""
    headers = message.headers
    body = message.new_text[:30000]
    subject = message.subject

    auto = headers.get("auto-submitted", "no").lower()
    if auto.startswith("auto-replied") or "x-autoreply" in headers or \
            "x-autorespond" in headers:
        # An applicant tracker's confirmation is sent as an automatic reply too; from a
        # person's mailbox it is an out-of-office, never the employer answering.
        signals.append(Signal("an automatic reply (Auto-Submitted)", "other",
                              1.0 if is_ats_domain(domain) else 6.0))

    bulk = any(name in headers for name in ("list-unsubscribe", "list-id")) or \
        headers.get("precedence", "").lower() in ("bulk", "list", "junk")
    ats = is_ats_domain(domain)
    if ats:
        signals.append(Signal(f"sent by an applicant tracking system ({domain})",
                              "application_received", 0.5))
    inmail = bool(re.search(r"inmail|sent you a (?:new )?message|new message from",
                            f"{subject} {sender.email if sender else ''}", re.IGNORECASE))
    if is_job_board(domain) and not ats and not inmail:
        signals.append(Signal(f"sent by a job board ({domain})", "other",
                              5.0 if bulk else 2.5))
    if bulk and not ats:
        signals.append(Signal("bulk mail (List-Unsubscribe / Precedence)", "other", 1.5))
    if _MAILER.search(sender.email if sender else ""):
        signals.append(Signal("sent from a newsletter / marketing address", "other", 2.5))
    if is_notification_service(domain):
        signals.append(Signal(f"a notification from a tool ({domain})", "other", 8.0))

    calendar = list(_calendar_signals(message, mine))
    cues = _cue_signals(subject, body, foreign)
    if any(signal.kind == "other" for signal in calendar):
        # "Invitation: Climbing @ Thu Mar 19": the calendar's own subject for any event.
        cues = [signal for signal in cues if signal.name != "subject: invitation subject with time"]
    signals.extend(cues)
    signals.extend(calendar)
    signals.extend(_moment_signals(moments))
    if _invited_to_one_set_time(signals, moments, f"{subject}\n{message.new_text[:20000]}"):
        signals.append(Signal("invited to one set time, not asked which", "interview_scheduled",
                              3.5))

    context = _context_score(message, thread, ats, role)
    if message.in_reply_to and not thread.recruiting and \
            not any(signal.name == "bumping my note" for signal in signals):
        signals.append(Signal("a reply in an existing conversation", "recruiter_outreach", -2.0))
    if _YOUR_APPLICATION.search(body):
        signals.append(Signal("mentions your application", "recruiter_outreach", -2.0))

    scores = combine(signals)
    recruiting = {kind: scores[kind] for kind in RECRUITING_KINDS}
    cold = not message.in_reply_to and not _YOUR_APPLICATION.search(body) and \
        not thread.recruiting
    if cold and recruiting["recruiter_outreach"] >= 3:
        # An invitation to talk in a cold message is how outreach asks; it is not an
        # interview for an application the user made.
        recruiting["interview_invitation"] -= 1.5
    # "Thanks for applying" opens many a later message: an acknowledgement only wins when
    # nothing that moves the application forward (or ends it) was said as well.
    if max(recruiting[kind] for kind in _PROGRESS_KINDS) >= 2.5:
        recruiting["application_received"] -= 1.0
    best = max(recruiting, key=lambda kind: recruiting[kind])
    best = _settle(best, recruiting, signals)
    human = bool(sender) and not is_machine_address(sender.email if sender else "",
                                                    sender.name if sender else "")
    if recruiting[best] >= THRESHOLD and recruiting[best] > scores["other"]:
        free_mail = bool(domain) and not ats and employer_domain(sender.email if sender
                                                                 else "") is None
        outreach = best == "recruiter_outreach" and cold
        if context >= 2 or outreach or (recruiting[best] >= 3 and not free_mail and
                                        context >= 1):
            return best, signals
        signals.append(Signal("nothing about a job application", "other", 3.0))
        return "other", signals
    # Nothing decisive: an employer writing in a hiring conversation without a decision is a
    # status update; anything else is not about an application.
    free_mail = bool(domain) and employer_domain(sender.email if sender else "") is None \
        and not ats
    employer_voice = bool(_EMPLOYER_VOICE.search(body)) or ats or thread.recruiting
    if scores["other"] < 3 and context >= 3 and (human or ats) and not is_job_board(domain) \
            and employer_voice and not (free_mail and not thread.recruiting):
        signals.append(Signal("the employer writes about the process, no decision",
                              "status_update", 2.0))
        return "status_update", signals
    return "other", signals


_DEFINITE_REJECTION = frozenset({
    "moving forward with other candidates", "pursue other candidates", "position has been filled",
    "continue with candidates who", "going with another candidate", "decided not to proceed",
    "not moving forward with your application", "not selected", "leider absage",
    "lamentablemente", "offer went to another candidate", "won't be moving ahead"})


def _settle(best: str, scores: dict[str, float], signals: Sequence[Signal]) -> str:
    """Where two kinds both have strong evidence, the one that decides the application wins:
    a cancelled interview with a rejection is a rejection; with a role put on hold it is a
    status update; an invitation to a next stage that is a take-home is an assessment."""
    names = {signal.name for signal in signals}
    if best == "interview_canceled" and "cancel the interview (broad)" not in names:
        if names & _DEFINITE_REJECTION:
            return "rejection"
        if "on hold" in names:
            return "status_update"  # "this is why your interview was canceled": the news is the hold
    if best == "interview_invitation" and scores["assessment"] >= 3 and not names & {
            "share your availability", "pick a time link", "would you be up for a chat"}:
        return "assessment"
    if best == "interview_invitation" and scores["interview_scheduled"] >= 3 and \
            "one concrete date and time" in names:
        return "interview_scheduled"
    if best in ("assessment", "application_received", "status_update") and \
            scores["rejection"] >= 3:
        return "rejection"
    if best == "offer" and scores["status_update"] >= 2.5 and names & {"onboarding"} and \
            not names & {"pleased to offer", "offer letter"}:
        return "status_update"
    if best != "application_received" and scores["application_received"] >= 3 and names & {
            "subject: application received subject", "subject: your application was sent"}:
        return "application_received"
    return best


def _context_score(message: Message, thread: ThreadContext, ats: bool,
                   role: str | None = None) -> int:
    """How clearly the message is about hiring: distinct recruiting words, ATS, thread."""
    text = f"{message.subject}\n{message.new_text[:20000]}"
    words = {word.lower() for word in _RECRUITING_WORDS.findall(text)}
    score = min(len(words), 6)
    if _JOB_TITLE_WORD.search(message.subject):
        score += 1
    if role:
        score += 1
    if _RECRUITER_TITLE.search(text):
        score += 2
    if thread.recruiting:
        score += 3
    if ats:
        score += 2 if is_applicant_tracker(message.sender.domain if message.sender else "") \
            else 1
    return score


def _cue_signals(subject: str, body: str, foreign: bool = True) -> list[Signal]:
    fired: dict[str, Signal] = {}
    cues = CUES if foreign else ENGLISH_CUES
    # A reply's subject was written for the first message of the thread: it counts less.
    scale = 0.4 if _REPLY_PREFIX.match(subject) else 1.0
    lowered_subject = subject.lower()
    for cue in cues:
        if cue.where in ("subject", "both") and cue.pattern.search(lowered_subject):
            fired.setdefault(cue.name, Signal(f"subject: {cue.name}", cue.kind,
                                              cue.weight * scale))
    # Hard-wrapped lines are joined so a sentence is read whole. Each cue scans the whole
    # text once; a match is then judged within its own sentence (found by bisection), which
    # is ~50x cheaper than running every cue over every sentence.
    joined = re.sub(r"(?<=[^\n.!?:])\n(?=[^\n\-•*\d ])", " ", body).lower()
    ends = [match.end() for match in _SENTENCE_END.finditer(joined)]
    for cue in cues:
        if cue.where == "subject" or cue.name in fired:
            continue
        for match in cue.pattern.finditer(joined):
            index = bisect.bisect_right(ends, match.start())
            start = ends[index - 1] if index else 0
            stop = ends[index] if index < len(ends) else len(joined)
            sentence = joined[start:stop]
            inner = cue.pattern.search(sentence)
            if inner is None:
                inner_start = match.start() - start
                conditional = bool(_CONDITIONAL.search(sentence))
                if _discounted_at(cue, sentence, inner_start, conditional):
                    continue
            elif _discounted(cue, sentence, inner, bool(_CONDITIONAL.search(sentence))):
                continue
            fired[cue.name] = Signal(cue.name, cue.kind, cue.weight)
            break
    return list(fired.values())


def _discounted(cue: Cue, sentence: str, match: re.Match[str], conditional: bool) -> bool:
    """Cues in a conditional ("if selected for an interview") or negated sentence don't count."""
    return _discounted_at(cue, sentence, match.start(), conditional)


def _discounted_at(cue: Cue, sentence: str, position: int, conditional: bool) -> bool:
    if cue.kind in ("offer", "rejection") and sentence.rstrip().endswith("?"):
        return True  # "did they ever make you an offer?" asks; it does not announce
    if conditional and cue.kind not in ("application_received", "status_update", "other"):
        return True
    return cue.kind in _NEGATABLE and bool(_NEGATION.search(sentence[:max(position, 0)]))


def _plain_address(address: str) -> str:
    """ "Sam+Jobs@Rivera.dev" → "sam@rivera.dev": plus-addressing reaches the same person."""
    local, _, domain = address.lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}"


def _calendar_signals(message: Message, mine: Collection[str] = ()) -> Iterable[Signal]:
    forwarded = bool(_FORWARD_PREFIX.match(message.subject))
    me = {_plain_address(address) for address in mine}
    for event in message.calendar:
        guests = {_plain_address(attendee.email) for attendee in event.attendees
                  if attendee.email}
        if organizer := (event.organizer.email if event.organizer else ""):
            guests.add(_plain_address(organizer))
        if forwarded and me and guests and not guests & me:
            # A friend forwarding their own invitation: the interview is not the user's.
            yield Signal("calendar: a forwarded invitation you are not a guest of", "other", 6.0)
            break
        method = (event.method or "").upper()
        status = (event.status or "").upper()
        if method == "CANCEL" or status == "CANCELLED":
            yield Signal("calendar: the event is cancelled (METHOD:CANCEL)",
                         "interview_canceled", 4.0)
        elif method == "REPLY":
            yield Signal("calendar: an attendee's answer (METHOD:REPLY)", "other", 3.0)
        elif method in ("REQUEST", "") and event.start is not None:
            # The summary and subject name the meeting; a description may mention an
            # interview in passing ("post-interview-season climbing").
            # "Sam Rivera / Arcadia Freight - Solutions Architect": a job title names it too.
            named = f"{event.summary} {message.subject}"
            looks_like_interview = _CALENDAR_JOB.search(named) or _JOB_TITLE_WORD.search(named)
            weight = 4.0 if looks_like_interview else 1.0
            kind = "interview_scheduled" if looks_like_interview else "other"
            label = ("calendar: an interview invitation with a set time" if looks_like_interview
                     else "calendar: a meeting with nothing about a job")
            yield Signal(label, kind, weight)
        break  # the first event decides; the rest are usually recurrences


# Cues that ask the candidate for times: an invitation that says them is still open.
_ASKS_FOR_TIMES = frozenset({"share your availability", "pick a time link", "a scheduling link",
                             "can you talk Monday", "would you be up for a chat"})
_PROPOSAL = re.compile(r"\?|\b(?:would|does|could|will|can)\b[^.!?\n]{0,60}\bwork|works? for you|"
                       r"suits? you|passt (?:ihnen|dir|es)|vous convien|te (?:viene|va) bien|"
                       r"le (?:viene|va) bien|\bor\b|\boder\b|\bou\b|\bo\b", re.IGNORECASE)


_ASKS_WHEN = re.compile(
    r"\b(?:which|what) (?:days?|times?|dates?|slots?)\b|\bwhen (?:would|are|is|could) you|"
    r"let (?:me|us) know (?:which|what|when)|\bweek of\b|wann (?:hätten|passt|können|wäre)|"
    r"quel(?:le)?s? (?:jours?|créneaux?|horaires?|dates?)|quand (?:seriez|êtes|pourriez)|"
    r"qué (?:días?|horas?|fechas?)|cuándo (?:puedes|podrías|te viene)", re.IGNORECASE)


def _invited_to_one_set_time(signals: Sequence[Signal], moments: list[TimeMention],
                             text: str) -> bool:
    """An invitation that names one time as settled ("we invite you to an interview on
    Tuesday, 3 March at 14:00") sets the interview: a set time makes it `interview_scheduled`.
    Not when the time is put as a question or a choice, or the mail asks for times."""
    if len({moment.start for moment in moments}) != 1:
        return False
    names = {signal.name for signal in signals}
    if names & _ASKS_FOR_TIMES or not any(signal.kind == "interview_invitation"
                                          and signal.weight > 0 for signal in signals):
        return False
    if _ASKS_WHEN.search(text):
        return False
    position = moments[0].position
    begin = max(text.rfind(".", 0, position), text.rfind("\n\n", 0, position), 0)
    ends = [index for index in (text.find(".", position), text.find("\n\n", position))
            if index >= 0]
    sentence = text[begin:min(ends) if ends else len(text)]
    return not _PROPOSAL.search(sentence)


def _moment_signals(moments: list[TimeMention]) -> Iterable[Signal]:
    distinct = {moment.start for moment in moments}
    if len(distinct) >= 2:
        yield Signal(f"{len(distinct)} different times offered", "interview_invitation", 1.5)
    elif len(distinct) == 1:
        yield Signal("one concrete date and time", "interview_scheduled", 1.5)


def combine(signals: Iterable[Signal]) -> dict[str, float]:
    """Each kind's score: its strongest signal counts fully, the next half, then a quarter.

    Several phrasings of one thought ("cancel the interview", "the interview is cancelled")
    are one piece of evidence, not two; negative signals always count in full.
    """
    positive: dict[str, list[float]] = defaultdict(list)
    scores: dict[str, float] = defaultdict(float)
    for signal in signals:
        if signal.weight > 0:
            positive[signal.kind].append(signal.weight)
        else:
            scores[signal.kind] += signal.weight
    for kind, weights in positive.items():
        weights.sort(reverse=True)
        scores[kind] += sum(weight / (2 ** index) for index, weight in enumerate(weights))
    return scores


def _confidence(kind: str, signals: list[Signal]) -> float:
    scores = combine(signals)
    own = max(scores.get(kind, 0.0), 0.0)
    rivals = sorted((score for other, score in scores.items() if other != kind), reverse=True)
    rival = max(rivals[0], 0.0) if rivals else 0.0
    return round(min(0.99, max(0.05, (own + 1.0) / (own + rival + 2.0))), 2)
