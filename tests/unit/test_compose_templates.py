"""Draft templates: every kind renders cleanly with any combination of facts; overrides."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.compose import (
    DraftTemplateError,
    DraftTemplates,
    build_draft,
    check_templates,
)
from followup.compose.subjects import reply_subject, strip_subject_prefixes
from followup.compose.text import first_name_of, format_day, normalise_body
from followup.config_model import DraftsConfig, UserConfig
from followup.judge.model import Person
from followup.judge.person_names import PersonName
from followup.track.draft_facts import DraftFacts
from followup.track.model import DRAFT_KINDS, PlannedDraft, Threading

NOW = datetime(2026, 3, 4, 15, 30, tzinfo=timezone(timedelta(hours=-5)))
USER = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org",),
                  signature="Sam Rivera\n+1 555 0100")
DRAFTS = DraftsConfig()
TEMPLATES = DraftTemplates()

INTERVIEWER = ("Dana Whitfield", "Dana")
OPTIONAL_FACTS: dict[str, object] = {
    "company": "Northwind Labs",
    "role": "Senior Data Engineer",
    "interviewer": INTERVIEWER,
    "interview_date": date(2026, 3, 3),
    "interview_weekday": "Tuesday",
    "note": "the plan to move billing onto event streams",
    "decision_by": date(2026, 3, 13),
    "round": 2,
}
# Which given facts each kind must show, and how they read in the text.
SHOWN = {
    "thank_you": ("company", "role", "interview_date", "note", "interviewer"),
    "status_check": ("company", "role", "interview_date", "decision_by"),
    "final_note": ("company", "role", "interview_date"),
    "rejection_response": ("company", "role", "interview_date"),
}
READS_AS = {
    "company": "Northwind Labs",
    "role": "Senior Data Engineer",
    "interview_date": "Tuesday, March 3",
    "note": "the plan to move billing onto event streams",
    "decision_by": "Friday, March 13",
    "interviewer": "Dana",
}
FORBIDDEN = ("{{", "}}", "{%", "%}", "{#", "None", "  ", " ,", " .", "Hi ,", "Dear ,",
             "Hello ,", "the  role", "the role at,", "[", "]", "undefined")


def planned_draft(kind: str, facts: DraftFacts, *, to: tuple[Person, ...] | None = None,
                  threading: Threading | None = None) -> PlannedDraft:
    return PlannedDraft(
        key=f"app-1:{kind}:1:dana@northwindlabs.com",
        application_id="app-1",
        kind=kind,  # type: ignore[arg-type]
        round=1,
        to=to if to is not None else (Person("Dana Whitfield", "dana@northwindlabs.com"),),
        due=NOW,
        window_end=NOW + timedelta(days=2),
        status="due",
        reason="test",
        threading=threading or Threading(subject=""),
        facts=facts,
    )


def expand(chosen: tuple[str, ...]) -> DraftFacts:
    facts = DraftFacts(user_name="Sam Rivera")
    for name in chosen:
        if name == "interviewer":
            facts = replace(facts, interviewer=PersonName("Dana", "Whitfield"))
        elif name != "interview_weekday":
            facts = replace(facts, **{name: OPTIONAL_FACTS[name]})
    return facts


def assert_clean(text: str, *, user: UserConfig = USER) -> None:
    for fragment in FORBIDDEN:
        assert fragment not in text, (fragment, text)
    lines = text.split("\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    for line in lines:
        assert line == line.rstrip() or line == "-- ", repr(line)
        assert line == line.lstrip(), repr(line)
    assert "\n\n\n" not in text
    greeting = lines[0]
    assert greeting == "Hello," or (greeting.startswith("Hi ") and greeting.endswith(",")
                                    and len(greeting) > len("Hi ,")), greeting
    assert user.name in text
    signature_lines = [line for line in user.signature.split("\n") if line.strip()]
    for line in signature_lines:
        assert line in text
    paragraphs = [block for block in text.strip().split("\n\n")]
    # greeting, at most three paragraphs, sign-off with signature
    assert len(paragraphs) <= 5, text


ALL_SUBSETS = [subset for size in range(len(OPTIONAL_FACTS) + 1)
               for subset in itertools.combinations(OPTIONAL_FACTS, size)]


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_every_subset_of_facts_renders_cleanly(kind: str) -> None:
    for chosen in ALL_SUBSETS:
        for to in ((Person("Dana Whitfield", "dana@northwindlabs.com"),),
                   (Person("", "dana@northwindlabs.com"),)):
            planned = planned_draft(kind, expand(chosen), to=to)
            draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
            assert_clean(draft.text)
            assert draft.subject and "\n" not in draft.subject and "  " not in draft.subject
            assert "None" not in draft.subject
            for fact in SHOWN[kind]:
                if fact in chosen:
                    assert READS_AS[fact] in draft.text, (kind, chosen, fact, draft.text)


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_no_facts_at_all(kind: str) -> None:
    planned = planned_draft(kind, DraftFacts(), to=(Person("", "someone@example.com"),))
    draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
    assert_clean(draft.text)
    assert draft.text.startswith("Hello,\n")


def test_thank_you_greets_the_interviewer_by_first_name() -> None:
    draft = build_draft(planned_draft("thank_you", expand(tuple(OPTIONAL_FACTS))), USER,
                        DRAFTS, NOW, templates=TEMPLATES)
    assert draft.text.startswith("Hi Dana,\n")
    assert "Senior Data Engineer role at Northwind Labs on Tuesday, March 3" in draft.text


def test_thank_you_to_the_contact_passes_thanks_on() -> None:
    planned = planned_draft("thank_you", expand(tuple(OPTIONAL_FACTS)),
                            to=(Person("Maria Lopez", "maria@northwindlabs.com"),))
    draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
    assert draft.text.startswith("Hi Maria,\n")
    assert "conversation with Dana Whitfield" in draft.text
    assert "pass my thanks on to Dana." in draft.text


def test_explicit_recipient_first_name_wins() -> None:
    facts = replace(expand(()), recipient=PersonName("Mo"))
    draft = build_draft(planned_draft("status_check", facts), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert draft.text.startswith("Hi Mo,\n")


def test_team_display_name_is_not_greeted() -> None:
    planned = planned_draft("rejection_response", DraftFacts(),
                            to=(Person("Northwind Recruiting", "jobs@northwindlabs.com"),))
    draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
    assert draft.text.startswith("Hello,\n")


def test_two_recipients_are_both_greeted() -> None:
    planned = planned_draft("status_check", DraftFacts(), to=(
        Person("Dana Whitfield", "dana@northwindlabs.com"),
        Person("Lee Park", "lee@northwindlabs.com")))
    draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
    assert draft.text.startswith("Hi Dana and Lee,\n")


def test_note_as_a_whole_sentence_is_used_as_written() -> None:
    facts = replace(expand(("role",)), note="I still owe them the link to my talk on Kafka.")
    draft = build_draft(planned_draft("thank_you", facts), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert "I still owe them the link to my talk on Kafka." in draft.text
    assert "discussion of I still" not in draft.text


def test_note_keeps_dotted_words() -> None:
    facts = replace(expand(()), note="their move from .NET to Go")
    draft = build_draft(planned_draft("thank_you", facts), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert "their move from .NET to Go." in draft.text


@pytest.mark.parametrize("signature, expected_tail", [
    ("", "Kind regards,\nSam Rivera\n"),
    ("+1 555 0100", "Kind regards,\nSam Rivera\n+1 555 0100\n"),
    ("Sam Rivera\nsam.rivera@example.org", "Kind regards,\nSam Rivera\nsam.rivera@example.org\n"),
    ("--\nSam Rivera", "Kind regards,\n-- \nSam Rivera\n"),
])
def test_signature(signature: str, expected_tail: str) -> None:
    user = UserConfig(name="Sam Rivera", addresses=("sam.rivera@example.org",),
                      signature=signature)
    draft = build_draft(planned_draft("thank_you", DraftFacts()), user, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert draft.text.endswith(expected_tail)


def test_year_is_written_when_not_this_year() -> None:
    facts = replace(expand(()), interview_date=date(2025, 12, 30))
    draft = build_draft(planned_draft("thank_you", facts), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert "on Tuesday, December 30, 2025." in draft.text


# --- subjects ---------------------------------------------------------------------------

@pytest.mark.parametrize("original, expected", [
    ("Interview confirmation", "Re: Interview confirmation"),
    ("Re: Interview confirmation", "Re: Interview confirmation"),
    ("RE: Re: re: Interview", "RE: Re: re: Interview"),  # one of ours is enough
    ("Re:Interview", "Re:Interview"),
    # Foreign markers stay: Gmail threads a reply only under the thread's own subject.
    ("AW: Ihre Bewerbung", "Re: AW: Ihre Bewerbung"),
    ("Fwd: Interview", "Re: Fwd: Interview"),
    ("TR: Entretien", "Re: TR: Entretien"),
    ("RV: Entrevista", "Re: RV: Entrevista"),
    ("SV: Intervju", "Re: SV: Intervju"),
    ("Re[2]: Interview", "Re: Re[2]: Interview"),
    ("Your interview: next steps", "Re: Your interview: next steps"),
    ("Regarding your application", "Re: Regarding your application"),
    ("Next  steps\r\n\tfolded", "Re: Next steps folded"),
    ("Re: ", ""),
    ("", ""),
])
def test_reply_subject(original: str, expected: str) -> None:
    assert reply_subject(original) == expected


def test_a_long_subject_is_never_shortened_in_a_reply() -> None:
    original = "Interview " + "with the platform team " * 20 + "on Tuesday"
    assert len(original) > 400
    assert reply_subject(original) == f"Re: {original}"


def test_strip_subject_prefixes_only_strips_the_front() -> None:
    assert strip_subject_prefixes("Re: Fwd: A Re: B") == "A Re: B"


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_reply_in_thread_keeps_the_thread_subject(kind: str) -> None:
    """The thread's subject as it is, with no second Re: (RFC 5322 §3.6.5) and no marker
    stripped (Gmail would leave the draft outside the conversation)."""
    threading = Threading(subject="RE: AW: Next steps – Senior Data Engineer",
                          in_reply_to="<abc@mail.northwindlabs.com>")
    draft = build_draft(planned_draft(kind, expand(("role",)), threading=threading), USER,
                        DRAFTS, NOW, templates=TEMPLATES)
    assert draft.subject == "RE: AW: Next steps – Senior Data Engineer"


@pytest.mark.parametrize("kind, with_role, without_role", [
    ("thank_you", "Thank you – Senior Data Engineer interview",
     "Thank you – Sam Rivera"),
    ("status_check", "Following up on the Senior Data Engineer position",
     "Following up on my application"),
    ("final_note", "Thank you for considering me for the Senior Data Engineer role",
     "Thank you – Sam Rivera"),
    ("rejection_response", "Thank you for the update on the Senior Data Engineer role",
     "Thank you – Sam Rivera"),
])
def test_fresh_subjects(kind: str, with_role: str, without_role: str) -> None:
    draft = build_draft(planned_draft(kind, expand(("role",))), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert draft.subject == with_role
    draft = build_draft(planned_draft(kind, DraftFacts()), USER, DRAFTS, NOW, templates=TEMPLATES)
    assert draft.subject == without_role


def test_status_check_subject_names_the_company_without_a_role() -> None:
    draft = build_draft(planned_draft("status_check", expand(("company",))), USER, DRAFTS,
                        NOW, templates=TEMPLATES)
    assert draft.subject == "Following up on my application to Northwind Labs"


def test_thread_without_subject_gets_a_fresh_subject() -> None:
    threading = Threading(subject="Re:", in_reply_to="<abc@mail.northwindlabs.com>")
    draft = build_draft(planned_draft("status_check", expand(("role",)), threading=threading),
                        USER, DRAFTS, NOW, templates=TEMPLATES)
    assert draft.subject == "Following up on the Senior Data Engineer position"


def test_subject_without_threading_ids_is_fresh() -> None:
    threading = Threading(subject="Interview confirmation")
    draft = build_draft(planned_draft("thank_you", DraftFacts(), threading=threading), USER, DRAFTS,
                        NOW, templates=TEMPLATES)
    assert draft.subject == "Thank you – Sam Rivera"


# --- hostile or odd fact values ----------------------------------------------------------

fact_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="{}%#"),
    max_size=40)


@pytest.mark.draft_audit_exempt("random text as names and facts on purpose")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(DRAFT_KINDS), company=fact_text, role=fact_text,
       interviewer=fact_text, note=fact_text, name=fact_text)
def test_any_fact_text_renders_cleanly(kind: str, company: str, role: str, interviewer: str,
                                       note: str, name: str) -> None:
    facts = DraftFacts(company=company, role=role,
                       interviewer=PersonName(*(interviewer.split(" ", 1) + [""])[:2]),
                       note=note, interview_date=date(2026, 3, 3))
    planned = planned_draft(kind, facts, to=(Person(name, "dana@northwindlabs.com"),))
    draft = build_draft(planned, USER, DRAFTS, NOW, templates=TEMPLATES)
    text = draft.text
    assert "\r" not in text
    for line in text.split("\n"):
        assert line == line.strip() or line == "-- "
        assert "  " not in line
    assert "\n\n\n" not in text
    assert USER.name in text
    assert "\n" not in draft.subject and "\r" not in draft.subject


@pytest.mark.parametrize("bad_value", ["", "   ", "\r\n", "None", "null"])
def test_empty_like_values_are_missing_facts(bad_value: str) -> None:
    facts = DraftFacts(company=bad_value, role=bad_value, interviewer=PersonName(bad_value),
                       note=bad_value)
    for kind in DRAFT_KINDS:
        draft = build_draft(planned_draft(kind, facts), USER, DRAFTS, NOW, templates=TEMPLATES)
        assert_clean(draft.text)


# --- text helpers ----------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Hello  there ,  friend .\n", "Hello there, friend.\n"),
    ("a\n\n\n\nb\n\n", "a\n\nb\n"),
    ("  indented   \n", "indented\n"),
    ("about the role ( at Acme ) .", "about the role (at Acme).\n"),
    ("for ,, us, .", "for, us.\n"),
    ("with .NET and C#.", "with .NET and C#.\n"),
    ("--  \nSam", "-- \nSam\n"),
    ("\n\nx", "x\n"),
    ("a\r\nb\rc", "a\nb\nc\n"),
])
def test_normalise_body(raw: str, expected: str) -> None:
    assert normalise_body(raw) == expected


@pytest.mark.parametrize("name, first", [
    ("Dana Whitfield", "Dana"),
    ("Whitfield, Dana", "Dana"),
    ("Dr. Dana Whitfield", "Dana"),
    ("DANA WHITFIELD", "Dana"),
    ("dana", "Dana"),
    ("Jean-Luc Picard", "Jean-Luc"),
    ("Northwind Recruiting", ""),
    ("Talent Acquisition Team", ""),
    ("dana@northwindlabs.com", ""),
    ("HR", ""),
    ("", ""),
    ("R2D2", ""),
    ("\u202eDana", "Dana"),
])
def test_first_name_of(name: str, first: str) -> None:
    assert first_name_of(name) == first


def test_format_day() -> None:
    assert format_day(date(2026, 3, 3), today=date(2026, 3, 4)) == "Tuesday, March 3"
    assert format_day(date(2025, 3, 3), today=date(2026, 3, 4)) == "Monday, March 3, 2025"


# --- user templates ----------------------------------------------------------------------

def write(directory: Path, name: str, content: str) -> Path:
    path = directory / name
    path.write_text(content, encoding="utf-8")
    return path


def test_user_override_replaces_only_its_kind(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.txt.j2",
          "{% block subject %}Thanks from {{ user_name }}{% endblock %}\n"
          "{% block body %}\nHey {{ greeting_name or 'there' }},\n\nCheers for the chat "
          "{{ interview_date }}.\n\n{{ signature }}\n{% endblock %}\n")
    drafts = DraftsConfig(templates_dir=tmp_path)
    facts = expand(tuple(OPTIONAL_FACTS))
    thank_you = build_draft(planned_draft("thank_you", facts), USER, drafts, NOW)
    assert thank_you.subject == "Thanks from Sam Rivera"
    assert thank_you.text.startswith("Hey Dana,\n\nCheers for the chat Tuesday, March 3.\n")
    assert thank_you.template.endswith("thank_you.txt.j2")
    assert str(tmp_path) in thank_you.template
    status = build_draft(planned_draft("status_check", facts), USER, drafts, NOW)
    assert status.subject == "Following up on the Senior Data Engineer position"
    assert str(tmp_path) not in status.template


def test_user_template_may_extend_the_builtin(tmp_path: Path) -> None:
    write(tmp_path, "final_note.txt.j2",
          '{% extends "builtin/final_note.txt.j2" %}'
          "{% block subject %}One last note – {{ user_name }}{% endblock %}")
    drafts = DraftsConfig(templates_dir=tmp_path)
    draft = build_draft(planned_draft("final_note", expand(("company",))), USER, drafts, NOW)
    assert draft.subject == "One last note – Sam Rivera"
    assert "My interest in Northwind Labs has not changed." in draft.text


def test_language_specific_template_then_english_fallback(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.de.txt.j2",
          "{% block subject %}Vielen Dank{% endblock %}\n"
          "{% block body %}\nHallo,\n\nvielen Dank.\n\n{{ signature }}\n{% endblock %}\n")
    drafts = DraftsConfig(templates_dir=tmp_path)
    german = replace(expand(()), language="de")
    assert build_draft(planned_draft("thank_you", german), USER, drafts, NOW).subject \
        == "Vielen Dank"
    status = build_draft(planned_draft("status_check", german), USER, drafts, NOW)
    assert status.subject == "Nachfrage zu meiner Bewerbung"  # the built-in German one
    english = build_draft(planned_draft("thank_you", expand(())), USER, drafts, NOW)
    assert english.subject == "Thank you – Sam Rivera"


def test_odd_language_tag_falls_back_to_english() -> None:
    facts = replace(expand(()), language="../../etc/passwd")
    draft = build_draft(planned_draft("thank_you", facts), USER, DRAFTS, NOW,
                        templates=TEMPLATES)
    assert draft.subject == "Thank you – Sam Rivera"


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "status_check.txt.j2",
                 "{% block subject %}Hi{% endblock %}\n{% block body %}\nHello,\n"
                 "{% if role %}\nbroken\n{% endblock %}\n")
    templates = DraftTemplates(tmp_path)
    with pytest.raises(DraftTemplateError) as caught:
        build_draft(planned_draft("status_check", DraftFacts()), USER, DRAFTS, NOW,
                    templates=templates)
    assert caught.value.template == str(path)
    assert caught.value.line == 6
    assert str(path) in str(caught.value) and "line 6" in str(caught.value)
    assert "syntax error" in str(caught.value)


def test_unknown_variable_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "rejection_response.txt.j2",
                 "{% block subject %}Thanks{% endblock %}\n{% block body %}\nHello,\n\n"
                 "Thanks, {{ recruiter_nickname }}.\n{% endblock %}\n")
    templates = DraftTemplates(tmp_path)
    with pytest.raises(DraftTemplateError) as caught:
        build_draft(planned_draft("rejection_response", DraftFacts()), USER, DRAFTS, NOW,
                    templates=templates)
    assert caught.value.template == str(path)
    assert caught.value.line == 5
    assert "recruiter_nickname" in str(caught.value)


def test_missing_block_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "final_note.txt.j2", "Subject: hello\n\nBody\n")
    with pytest.raises(DraftTemplateError, match="block subject"):
        build_draft(planned_draft("final_note", DraftFacts()), USER, DRAFTS, NOW,
                    templates=DraftTemplates(tmp_path))


def test_empty_subject_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "final_note.txt.j2",
          "{% block subject %}{{ role }}{% endblock %}{% block body %}x{% endblock %}")
    with pytest.raises(DraftTemplateError, match="subject block rendered empty"):
        build_draft(planned_draft("final_note", DraftFacts()), USER, DRAFTS, NOW,
                    templates=DraftTemplates(tmp_path))


def test_missing_templates_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DraftTemplateError, match="does not exist"):
        DraftTemplates(tmp_path / "nowhere")


def test_check_templates(tmp_path: Path) -> None:
    check_templates(USER, DRAFTS)
    check_templates(USER, DraftsConfig(html=True))
    write(tmp_path, "thank_you.txt.j2",
          "{% block subject %}x{% endblock %}{% block body %}{{ nope }}{% endblock %}")
    with pytest.raises(DraftTemplateError, match="nope"):
        check_templates(USER, DraftsConfig(templates_dir=tmp_path))


def test_html_override_is_autoescaped(tmp_path: Path) -> None:
    write(tmp_path, "thank_you.html.j2",
          "{% block body %}<p>Thank you, {{ note }}!</p>{% endblock %}")
    drafts = DraftsConfig(templates_dir=tmp_path, html=True)
    facts = replace(expand(()), note="<b>Acme</b> & Co")
    draft = build_draft(planned_draft("thank_you", facts), USER, drafts, NOW)
    assert draft.html == "<p>Thank you, &lt;b&gt;Acme&lt;/b&gt; &amp; Co!</p>\n"
    assert "<b>Acme</b> & Co" in draft.text
