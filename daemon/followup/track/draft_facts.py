"""The facts a draft may use: one typed, frozen hand-off from the planners to `compose`.

Built by `track.gather_facts`. Every fact is checked before it is handed over
(`judge.plausible`): a role that is a
person's title in the thread, the user's name or a token from a link, a company with the
words of a subject glued on, is left out, and the template writes its sentence without it.
`sources` says, for `plan`, where each fact came from, and which were left out and why.

The thread's language and register come from the people the draft answers: the latest
message of the recipient, else of any human at the employer, else any message of the
application; `user.language` only when the mail says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from followup.judge.person_names import PersonName

LANGUAGES = ("en", "de", "fr", "es")


@dataclass(frozen=True)
class FactSource:
    """Where one fact came from, or why it was left out (`used` False)."""

    name: str
    value: str
    source: str
    used: bool = True


@dataclass(frozen=True)
class DraftFacts:
    """What a template may say. Strings are "" and dates None when unknown or implausible."""

    language: str = ""  # the thread's: en | de | fr | es; "" = the user's language
    register: str = ""  # formal | informal | "" (the language's usual for a first reply)
    company: str = ""
    role: str = ""
    user_name: str = ""
    note: str = ""  # the user's talking point (`app note`)
    recipient: PersonName = field(default_factory=PersonName)
    recipient_is_interviewer: bool = False
    interviewer: PersonName = field(default_factory=PersonName)
    interviewer_email: str = ""
    interviewer_title: str = ""  # "Engineering Manager", "Payments team"
    other_interviewers: tuple[PersonName, ...] = ()  # the rest of the panel
    interview_date: date | None = None
    interview_kind: str = ""  # first_call | technical | panel | final | ""
    round: int = 0  # the interview's number in the application, 0 when none
    rounds: int = 0  # how many interviews took place
    general: bool = False  # a thank-you to the contact, for interviewers without addresses
    decision_by: date | None = None
    follow_up_number: int = 0
    rejection_date: date | None = None
    sources: tuple[FactSource, ...] = ()

    def used(self) -> tuple[FactSource, ...]:
        return tuple(source for source in self.sources if source.used)

    def left_out(self) -> tuple[FactSource, ...]:
        return tuple(source for source in self.sources if not source.used)


