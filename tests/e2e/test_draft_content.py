"""What the drafts say (issue 13, points 2-4; issue 12, point 6), end to end: mail in a
real Dovecot, `followup scan --now T` and `plan`/`app note` through the CLI, the Drafts
folder read back over IMAP. Every draft here is also read by tests/draft_audit.py."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from tests.e2e.scenario import ME, Mailbox, at, message

pytestmark = pytest.mark.dovecot

ROSA = ("Rosa Diaz", "rosa.diaz@brackenridge.io")
ATS = ("Brackenridge Software", "no-reply@greenhouse.io")


def ics(start: datetime, minutes: int, summary: str, organiser: tuple[str, str],
        attendees: list[tuple[str, str]], uid: str) -> str:
    def utc(moment: datetime) -> str:
        return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "METHOD:REQUEST",
             "BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:0", f"DTSTAMP:{utc(start)}",
             f"DTSTART:{utc(start)}", f"DTEND:{utc(start + timedelta(minutes=minutes))}",
             f"SUMMARY:{summary}", f"ORGANIZER;CN={organiser[0]}:mailto:{organiser[1]}",
             f"ATTENDEE;CN={ME[0]};ROLE=REQ-PARTICIPANT:mailto:{ME[1]}"]
    lines += [f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{address}"
              for name, address in attendees]
    lines += ["STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def scan_ok(mailbox: Mailbox, when: datetime) -> str:
    """A scan at `when`; a message the judge was unsure of is confirmed as the user would
    (`followup review`, then `app correct KEY GUESS`) and the scan repeated, since these
    scenarios are about what the drafts say, not about the judge's confidence."""
    result = mailbox.scan(when)
    assert result.returncode == 0, result.stdout + result.stderr
    review = mailbox.cli("review", "--json")
    assert review.returncode == 0, review.stderr
    unsure = json.loads(review.stdout or "[]")
    for row in unsure:
        settled = mailbox.cli("app", "correct", row["key"], row["guess"])
        assert settled.returncode == 0, settled.stderr
    if unsure:
        result = mailbox.scan(when)
        assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def drafts_by_recipient(mailbox: Mailbox) -> dict[str, tuple[str, str]]:
    return {draft["To"].addresses[0].addr_spec: (str(draft["Subject"]),
                                                 draft.get_content().replace("\r\n", "\n"))
            for draft in mailbox.drafts()}


def plan(mailbox: Mailbox, when: datetime) -> dict:  # type: ignore[type-arg]
    result = mailbox.cli("plan", "--json", "--now", when.isoformat())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- facts that are right or left out ------------------------------------------------------

def test_the_interviewers_title_a_link_token_and_glued_words_never_reach_the_draft(
        mailbox: Mailbox) -> None:
    """The job is Senior Backend Engineer; Rosa is the Engineering Manager; the scheduling
    link carries a token; the calendar's subject glues "final round" to the company."""
    mailbox.deliver(message(at(2, 9), ATS, ME, "Thank you for applying to Brackenridge Software",
                            "Hi Sam,\n\nThank you for applying for the Senior Backend Engineer "
                            "role at Brackenridge Software. Our team will review your "
                            "application.\n\nBrackenridge Software Recruiting",
                            message_id="<ack@greenhouse.io>"))
    mailbox.deliver(message(at(3, 10), ROSA, ME, "Brackenridge Software final round",
                            "Hi Sam,\n\nI'm Rosa Diaz, Engineering Manager here. We'd love to "
                            "have you for the final round. Pick a slot here: https://app."
                            "schedule.example/VPNfkUDD2tTld6GVW6TrtxwBj3bXCsK0auV4fzJ\n\n"
                            "Rosa Diaz\nEngineering Manager, Brackenridge Software",
                            message_id="<rosa-1@brackenridge.io>"))
    mailbox.deliver(message(
        at(3, 15), ROSA, ME, "Invitation: Brackenridge Software final round",
        "Hi Sam,\n\nYour final round interview is confirmed for Thursday, March 5 at 2:00 PM "
        "Eastern.\n\nRosa Diaz\nEngineering Manager, Brackenridge Software",
        message_id="<rosa-2@brackenridge.io>", in_reply_to="<rosa-1@brackenridge.io>",
        calendar=ics(at(5, 14), 60, "Brackenridge Software final round - Sam Rivera", ROSA,
                     [ROSA], "brk-1@brackenridge.io")))
    scan_ok(mailbox, at(5, 17, 1))
    drafts = drafts_by_recipient(mailbox)
    subject, text = drafts[ROSA[1]]
    assert text.startswith("Hi Rosa,\n")
    assert "Senior Backend Engineer" in text
    assert "Engineering Manager role" not in text
    assert "VPNfkUDD2" not in text
    assert "final round at" not in text and "Brackenridge Software final round" not in text
    assert "the final-round conversation" in text  # the kind of interview, from the mail
    document = plan(mailbox, at(5, 17, 2))
    [thank_you] = [d for a in document["applications"] for d in a["drafts"]
                   if d["kind"] == "thank_you"]
    used = {fact["name"]: fact for fact in thank_you["facts"]}
    assert used["role"]["value"] == "Senior Backend Engineer"
    assert "Brackenridge" in used["company"]["value"] and \
        "final" not in used["company"]["value"]
    assert used["interview_kind"]["value"] == "final"
    assert used["language"]["value"].startswith("en")


def test_names_with_titles_and_names_from_the_address(mailbox: Mailbox) -> None:
    """ "Dr. Dana Whitfield" is greeted as Dr. Whitfield, never "Hi Dr.,"; a recruiter
    known only by dana.whitfield@... is greeted by her first name."""
    whitfield = ("Dr. Dana Whitfield", "dana.whitfield@lakeshore.tech")
    mailbox.deliver(message(at(9, 10), whitfield, ME, "Your application to Lakeshore Tech",
                            "Dear Sam,\n\nThank you for your interest in the Data Scientist "
                            "role at Lakeshore Tech. After careful consideration we have "
                            "decided to move forward with other candidates.\n\nDr. Dana "
                            "Whitfield\nDirector of Research, Lakeshore Tech",
                            message_id="<reject@lakeshore.tech>"))
    quayside = ("", "lena.brook@quayside-logistics.com")
    mailbox.deliver(message(at(9, 11), quayside, ME, "Your application - Quayside Logistics",
                            "Hi Sam,\n\nThanks for applying for the Senior Software Engineer, "
                            "Routing role at Quayside Logistics. Unfortunately we have decided "
                            "not to move forward with your application.\n\nLena",
                            message_id="<reject@quayside-logistics.com>"))
    scan_ok(mailbox, at(9, 12))
    drafts = drafts_by_recipient(mailbox)
    assert drafts[whitfield[1]][1].startswith("Dear Dr. Whitfield,\n")
    assert drafts[quayside[1]][1].startswith("Hi Lena,\n")
    assert "Quayside Logistics" in drafts[quayside[1]][1]


# -- drafts in the language of the thread ------------------------------------------------------

MOEWE = ("Anna Schmidt", "anna.schmidt@moewenpost.de")
JONAS = ("Jonas Weber", "jonas.weber@moewenpost.de")


def test_a_german_thread_gets_a_german_thank_you_in_its_register(mailbox: Mailbox) -> None:
    mailbox.deliver(message(
        at(3, 10), MOEWE, ME, "Einladung zum Fachgespräch – Data Engineer (m/w/d)",
        "Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung als Data Engineer bei der "
        "Möwenpost Verlag GmbH. Gern laden wir Sie zu einem Fachgespräch mit Jonas Weber ein, "
        "am Donnerstag, 5. März 2026, um 14:00 Uhr. Die Einladung finden Sie im Anhang.\n\n"
        "Mit freundlichen Grüßen\nAnna Schmidt\nPersonalreferentin, Möwenpost Verlag",
        message_id="<einladung@moewenpost.de>",
        calendar=ics(at(5, 14), 60, "Fachgespräch Möwenpost – Sam Rivera", MOEWE, [JONAS],
                     "moewe-1@moewenpost.de")))
    scan_ok(mailbox, at(5, 17, 1))
    subject, text = drafts_by_recipient(mailbox)[JONAS[1]]
    assert text.startswith("Guten Tag Jonas Weber,\n\nvielen Dank für das technische Interview")
    assert "Donnerstag, 5. März" in text and "Data Engineer" in text
    assert "Ihnen" in text and " dir " not in text and " du " not in text
    assert "Mit freundlichen Grüßen\nSam Rivera" in text
    assert "Teamleiter" not in text and "Personalreferentin" not in text


def test_a_spanish_rejection_written_with_tu_gets_an_answer_with_tu(mailbox: Mailbox) -> None:
    lucia = ("Lucía Gómez", "lucia.gomez@vientosur.es")
    mailbox.deliver(message(
        at(9, 10), lucia, ME, "Tu candidatura en Vientosur",
        "Hola, Sam:\n\nMuchas gracias por tu interés en el puesto de Ingeniero/a de Datos en "
        "Vientosur y por el tiempo que nos has dedicado. Lamentablemente, hemos decidido "
        "seguir adelante con otras candidaturas.\n\nTe deseamos mucha suerte.\n\nUn saludo,\n"
        "Lucía Gómez", message_id="<rechazo@vientosur.es>"))
    scan_ok(mailbox, at(9, 12))
    subject, text = drafts_by_recipient(mailbox)[lucia[1]]
    assert subject == "Re: Tu candidatura en Vientosur"
    assert text.startswith("Hola, Lucía:\n\nMuchas gracias por contármelo")
    assert "Un saludo,\nSam Rivera" in text


def test_a_french_rejection_written_with_vous_gets_an_answer_with_vous(mailbox: Mailbox) -> None:
    claire = ("Claire Dubois", "claire.dubois@azur-energie.fr")
    mailbox.deliver(message(
        at(9, 10), claire, ME, "Votre candidature chez Azur Énergie",
        "Bonjour Sam,\n\nNous vous remercions de l'intérêt que vous portez à Azur Énergie et "
        "au poste de Data Engineer. Nous avons le regret de vous informer que votre "
        "candidature n'a pas été retenue.\n\nNous vous souhaitons une bonne continuation.\n\n"
        "Claire Dubois\nChargée de recrutement", message_id="<refus@azur-energie.fr>"))
    scan_ok(mailbox, at(9, 12))
    subject, text = drafts_by_recipient(mailbox)[claire[1]]
    assert text.startswith("Bonjour Claire Dubois,\n\nMerci pour votre retour")
    assert "Bien cordialement,\nSam Rivera" in text


# -- drafts specific to the interview -----------------------------------------------------------

DANA = ("Dana Kim", "dana.kim@northwindlabs.com")
LUIS = ("Luis Ortega", "luis.ortega@northwindlabs.com")
MARIA = ("Maria Lopez", "maria.lopez@northwindlabs.com")


def test_a_panel_gets_notes_about_the_interview_and_the_users_note(mailbox: Mailbox) -> None:
    mailbox.deliver(message(
        at(3, 10), MARIA, ME, "Senior Data Engineer - technical panel",
        "Hi Sam,\n\nThanks for applying to Northwind Labs for the Senior Data Engineer role! "
        "Next is a technical panel on Thursday, March 5 at 2:00 PM Eastern with Dana Kim "
        "(Engineering Manager) and Luis Ortega (Staff Engineer).\n\nMaria Lopez\nTalent "
        "Partner, Northwind Labs", message_id="<panel-1@northwindlabs.com>",
        calendar=ics(at(5, 14), 60, "Northwind Labs technical panel - Sam Rivera", MARIA,
                     [DANA, LUIS], "nwl-panel@northwindlabs.com")))
    reminder = scan_ok(mailbox, at(5, 15, 30))  # the panel ended at 15:00; due at 17:00
    assert "add a talking point" in reminder and "followup app note" in reminder
    assert mailbox.drafts() == []
    [application] = plan(mailbox, at(5, 15, 31))["applications"]
    noted = mailbox.cli("app", "note", application["id"], "their move to event streams",
                        "--now", at(5, 15, 31).isoformat())
    assert noted.returncode == 0, noted.stderr
    shown = plan(mailbox, at(5, 15, 32))
    assert shown["applications"][0]["note"] == "their move to event streams"
    text_plan = mailbox.cli("plan", "--now", at(5, 15, 32).isoformat()).stdout
    assert "note: their move to event streams" in text_plan
    scan_ok(mailbox, at(5, 17, 1))
    drafts = drafts_by_recipient(mailbox)
    (dana_subject, dana), (luis_subject, luis) = drafts[DANA[1]], drafts[LUIS[1]]
    assert dana != luis
    for text in (dana, luis):
        assert "panel interview" in text and "their move to event streams" in text
        assert len(text.split("Kind regards,")[0].split()) <= 150
    assert "as Engineering Manager" in dana and "pass my thanks on to Luis" in dana
    assert "as Staff Engineer" in luis and "pass my thanks on to Dana" in luis
    assert len(dana_subject) <= 60


def test_a_german_status_check_names_the_promised_date_the_german_way(mailbox: Mailbox) -> None:
    mailbox.deliver(message(
        at(3, 10), MOEWE, ME, "Einladung zum Fachgespräch – Data Engineer (m/w/d)",
        "Sehr geehrter Herr Rivera,\n\nvielen Dank für Ihre Bewerbung als Data Engineer bei der "
        "Möwenpost Verlag GmbH. Gern laden wir Sie zu einem Fachgespräch mit Jonas Weber ein, "
        "am Donnerstag, 5. März 2026, um 14:00 Uhr.\n\nMit freundlichen Grüßen\nAnna Schmidt",
        message_id="<einladung@moewenpost.de>",
        calendar=ics(at(5, 14), 60, "Fachgespräch Möwenpost – Sam Rivera", MOEWE, [JONAS],
                     "moewe-1@moewenpost.de")))
    mailbox.deliver(message(
        at(6, 10), MOEWE, ME, "AW: Einladung zum Fachgespräch – Data Engineer (m/w/d)",
        "Sehr geehrter Herr Rivera,\n\nvielen Dank für das Gespräch. Wir führen noch weitere "
        "Gespräche und melden uns bis Freitag, 13. März 2026 mit einer Entscheidung bei "
        "Ihnen.\n\nMit freundlichen Grüßen\nAnna Schmidt", message_id="<stand@moewenpost.de>",
        in_reply_to="<einladung@moewenpost.de>"))
    mailbox.deliver(message(at(5, 19), ME, JONAS, "Vielen Dank für das Gespräch",
                            "Hallo Herr Weber,\n\nvielen Dank für das Gespräch heute.\n\n"
                            "Viele Grüße\nSam Rivera", message_id="<danke@example.org>"),
                    folder="Sent")
    scan_ok(mailbox, at(16, 9, 30))  # Monday after the promised Friday
    subject, text = drafts_by_recipient(mailbox)[MOEWE[1]]
    assert subject.startswith("Re: ") and "Einladung" in subject  # a reply in the thread
    assert text.startswith("Guten Tag Anna Schmidt,\n\nich hoffe, es geht Ihnen gut.")
    assert "Freitag, 13. März" in text and "Mit freundlichen Grüßen" in text
