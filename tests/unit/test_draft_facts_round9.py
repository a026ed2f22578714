"""The facts that reach a draft, round 9 (issue 13; the seventh set of blind mailbox
scenarios after their first run). One family a section; the mail is our own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from followup.config_model import UserConfig
from followup.judge.deadlines import find_decision_by
from followup.judge.model import Person
from followup.mail.senders import is_ats_domain
from followup.track.applications import group_applications
from followup.track.gather_facts import base_facts

from .test_track_builders import at, record

USER = UserConfig(name="Kavya Iyer", addresses=("kavya.iyer@example.net",))
RACHEL = Person("Rachel Lim", "rachel.lim@merlion.example")
JASMINE = Person("Jasmine Koh", "jasmine.koh@merlion.example")


def _with(record_, **facts: object):  # type: ignore[no-untyped-def]
    return replace(record_, facts=replace(record_.facts, **facts))


def _application(*records):  # type: ignore[no-untyped-def]
    return group_applications(list(records), USER, now=at(2026, 5, 20))[0]


# -- a title the text gives a person whose address names them plainly -----------------------
def test_the_academic_title_the_text_gives_reaches_the_greeting() -> None:
    invitation = _with(record("interview_scheduled", at(2026, 5, 12), sender=JASMINE,
                              company="Merlion", role="Senior Data Scientist",
                              interviewers=(RACHEL,)),
                       people_titles=(("Dr. Rachel Lim", "Head of Data Science"),),
                       language="en")
    facts = base_facts(_application(invitation), USER, RACHEL)
    assert facts.recipient.honorific == "Dr."
    assert facts.recipient.family == "Lim"


def test_another_person_with_the_same_family_name_lends_no_title() -> None:
    invitation = _with(record("interview_scheduled", at(2026, 5, 12), sender=JASMINE,
                              company="Merlion", role="Senior Data Scientist",
                              interviewers=(RACHEL,)),
                       people_titles=(("Dr. Wei Lim", "Chief Scientist"),), language="en")
    facts = base_facts(_application(invitation), USER, RACHEL)
    assert facts.recipient.honorific == ""


# -- in English, only a person's mail sets the register -------------------------------------
def test_a_trackers_hi_does_not_set_the_english_register() -> None:
    ats = _with(record("application_received", at(2026, 5, 2),
                       sender=Person("Merlion", "no-reply@hire.lever.co"), company="Merlion",
                       role="Senior Data Scientist"), language="en", register="informal")
    person = _with(record("interview_scheduled", at(2026, 5, 12), sender=JASMINE,
                          company="Merlion", role="Senior Data Scientist"),
                   language="en", register="")
    assert base_facts(_application(ats, person), USER, JASMINE).register == ""


def test_a_trackers_register_still_counts_in_german() -> None:
    ats = _with(record("application_received", at(2026, 5, 2),
                       sender=Person("Moorfeld", "noreply@refline.ch"), company="Moorfeld",
                       role="Business Analyst"), language="de", register="formal")
    person = _with(record("interview_scheduled", at(2026, 5, 12),
                          sender=Person("Marco Bianchi", "marco@moorfeld.example"),
                          company="Moorfeld", role="Business Analyst"),
                   language="de", register="")
    facts = base_facts(_application(ats, person), USER,
                       Person("Marco Bianchi", "marco@moorfeld.example"))
    assert facts.register == "formal"


# -- the end of a month named is a decision date ---------------------------------------------
def test_the_end_of_a_named_month_is_its_last_day() -> None:
    for text in ("Wir werden unseren Entscheid bis Ende April fällen.",
                 "We will make a decision by the end of April.",
                 "Nous prendrons une décision d'ici fin avril.",
                 "Tomaremos una decisión antes de finales de abril."):
        assert find_decision_by(text, date(2026, 4, 17), day_first=True) == date(2026, 4, 30)
    assert find_decision_by("We will make a decision by the end of January.",
                            date(2026, 11, 3), day_first=False) == date(2027, 1, 31)


def test_a_swiss_tracker_sends_in_the_employers_name() -> None:
    assert is_ats_domain("refline.ch")


# -- every form a domain's letters: the one with its words apart ---------------------------------
def test_a_spaced_form_of_the_domain_wins_over_the_label_run_together() -> None:
    from followup.track.decided import decided_company
    valentina = Person("Valentina Soto", "vsoto@andessur.example")
    records = [record("interview_scheduled", at(2026, 5, 7), sender=valentina,
                      company="Andes Sur"),
               record("status_update", at(2026, 5, 14), sender=valentina, company="Andessur"),
               record("status_update", at(2026, 5, 15), sender=valentina, company="Andessur")]
    assert decided_company(records) == "Andes Sur"
