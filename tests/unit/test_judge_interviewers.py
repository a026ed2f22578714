"""Who interviews: the ways recruiting mail names interviewers, each written here as a
small message (names and companies made up for these tests, not from the corpora)."""

from __future__ import annotations

from followup.judge.classify import judge_message
from followup.mail.parse import parse_message

from .test_judge_cases import ME, mail


def interviewers(raw: bytes) -> list[tuple[str, str]]:
    judgement = judge_message(parse_message(raw), ME)
    assert judgement.kind in ("interview_scheduled", "interview_invitation",
                              "interview_canceled"), judgement.kind
    return [(person.name, person.email) for person in judgement.facts.interviewers]


def test_a_first_name_is_completed_from_the_copied_address() -> None:
    raw = mail("Hi Sam,\n\nYou're confirmed for Thursday, March 5 at 10:00 AM ET with Priya "
               "(45 min). I've copied Priya here.\n\nMaria",
               subject="Re: Data Engineer interview",
               headers={"Cc": "Priya Natarajan <priya@northwindlabs.com>"})
    assert interviewers(raw) == [("Priya Natarajan", "priya@northwindlabs.com")]


def test_a_first_name_is_completed_from_the_quoted_earlier_mail() -> None:
    raw = mail("Hi Sam,\n\nRound two is booked for Thursday, March 5, 3:00-4:00 PM ET: a "
               "pairing session with Tomasz on a small service.\n\nMaria\n\n"
               "On Mon, Mar 2, 2026 at 9:00 AM Maria Lopez <maria.lopez@northwindlabs.com> "
               "wrote:\n> Confirmed for Tuesday with Tomasz\n> Wojcik from the platform team.\n",
               subject="Re: Data Engineer interview - confirmed")
    assert interviewers(raw) == [("Tomasz Wojcik", "")]


def test_a_booking_page_field_ends_at_the_next_field() -> None:
    raw = mail("Your booking is confirmed\n\nService | Data Engineer - First Interview\n"
               "Date and time | Thursday, March 5, 2026 2:00 PM-3:00 PM Eastern Time\n"
               "Staff | Dr. Lena Okafor\nLocation | Microsoft Teams meeting\n",
               subject="Booking confirmed: Data Engineer - First Interview",
               sender="Northwind Recruiting <recruiting@northwindlabs.com>")
    assert interviewers(raw) == [("Lena Okafor", "")]


def test_a_scheduling_tools_host_with_the_hosts_reply_to_address() -> None:
    raw = mail("Hi Sam Rivera,\n\nA new event has been scheduled.\n\nEvent Type:\n30 Minute "
               "Interview\n\nEvent Date/Time:\n2:00pm - 2:30pm (Eastern Time) on Thursday, "
               "March 5, 2026\n\nHost:\nOmar Haddad\n\nNeed to make changes to this event?\n",
               subject="Confirmed: 30 Minute Interview with Omar Haddad on Thursday",
               sender="Calendly <notifications@calendly.com>",
               headers={"Reply-To": "Omar Haddad <omar.haddad@northwindlabs.com>"})
    assert interviewers(raw) == [("Omar Haddad", "omar.haddad@northwindlabs.com")]


def test_someone_met_in_an_earlier_round_is_not_this_rounds_interviewer() -> None:
    raw = mail("Hi Sam,\n\nThanks again for your time with Greta last Wednesday. We'd like to "
               "invite you to the final round of interviews. Could you send me your "
               "availability for next week?\n\nMaria", subject="Next steps")
    assert interviewers(raw) == []


def test_with_someone_and_me_includes_the_writer() -> None:
    raw = mail("Hi Sam,\n\nConfirming your video interview on Thursday, March 5 at 10:00 am ET "
               "with Ruben Alves (Director of Data) and me.\n\nMaria",
               subject="Interview confirmation")
    assert sorted(interviewers(raw)) == [("Maria Lopez", "maria.lopez@northwindlabs.com"),
                                         ("Ruben Alves", "")]


def test_a_list_of_names_is_not_read_as_a_job_title() -> None:
    raw = mail("Hi Sam,\n\nYou're booked for Monday, March 9 at 1:00 PM ET with the same panel "
               "(Anita Kowal, Jerome Pike and Sven Dahl) and the same Zoom link.\n\nMaria",
               subject="New time for your panel interview")
    assert interviewers(raw) == [("Anita Kowal", ""), ("Jerome Pike", ""), ("Sven Dahl", "")]


def test_the_person_who_cannot_make_it_is_the_interviewer_of_a_cancelled_round() -> None:
    raw = mail("Hi Sam,\n\nI'm sorry, but Dana Whitlow is out sick, so we have to cancel "
               "tomorrow's 11am interview. I'll be in touch with new times.\n\nMaria",
               subject="Tomorrow's interview - cancelled")
    assert interviewers(raw) == [("Dana Whitlow", "")]


def test_a_coordinator_who_will_name_the_interviewers_later_is_none_of_them() -> None:
    raw = mail("Dear Sam,\n\nWe would like to invite you to interview in person on Monday the "
               "9th or Tuesday the 10th. Once you confirm the day, I'll send the detailed "
               "agenda and the names of your interviewers.\n\nMaria Lopez\nHR Business "
               "Partner", subject="Interview invitation")
    assert interviewers(raw) == []


def test_a_hiring_manager_inviting_to_a_call_with_them() -> None:
    raw = mail("Hi Sam - Karim here, hiring manager for the Platform Engineer role. Are you "
               "free for a call sometime this week? 30 min or so.\n\nKarim",
               subject="Platform Engineer role",
               sender="Karim Benali <karim.benali@northwindlabs.com>")
    assert interviewers(raw) == [("Karim Benali", "karim.benali@northwindlabs.com")]


def test_a_spanish_interviewer_whose_name_starts_with_an_accent() -> None:
    raw = mail("Hola Sam,\n\nNos gustaría conocerte en una primera entrevista por videollamada "
               "con Íñigo Sanz, nuestro responsable de datos. ¿Podrías indicarme tu "
               "disponibilidad?\n\nMaria", subject="Proceso de selección - entrevista")
    assert interviewers(raw) == [("Íñigo Sanz", "")]


def _invitation(*attendees: str) -> bytes:
    lines = "".join(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{address}\r\n"
                    for name, address in (item.split("|") for item in attendees))
    ics = ("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:room@n\r\n"
           "DTSTART:20260917T120000Z\r\nDTEND:20260917T130000Z\r\n"
           "SUMMARY:Vorstellungsgespräch Referent Risikomanagement\r\n"
           "ORGANIZER;CN=Anna Berg:mailto:anna.berg@rhenania.example\r\n"
           f"{lines}ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@example.org\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    return mail("Sie wurden zu folgendem Termin eingeladen: Vorstellungsgespräch, zweite "
                "Runde.", subject="Einladung: Vorstellungsgespräch Referent Risikomanagement",
                sender="Anna Berg <anna.berg@rhenania.example>", calendar=ics)


def test_a_room_booked_as_an_attendee_is_nobody_to_thank() -> None:
    # Exchange and Google rooms often come without CUTYPE=ROOM: the name or address says so.
    raw = _invitation("Markus Lenz|markus.lenz@rhenania.example",
                      "Besprechungsraum A 4.12|raum-a412@rhenania.example",
                      "Boardroom 3|c_1888@resource.calendar.google.com",
                      "Salle Jaurès|salle-jaures@rhenania.example")
    assert interviewers(raw) == [("Markus Lenz", "markus.lenz@rhenania.example")]


def test_a_person_whose_name_holds_room_like_letters_is_still_a_person() -> None:
    raw = _invitation("Rosalie Salazar|rosalie.salazar@rhenania.example",
                      "Raúl Sala|raul.sala@rhenania.example")
    assert {email for _, email in interviewers(raw)} == {
        "rosalie.salazar@rhenania.example", "raul.sala@rhenania.example"}


def test_spanish_don_and_dona_are_honorifics_not_names() -> None:
    raw = mail("Estimada Lucía:\n\nNos gustaría invitarle a una entrevista presencial el "
               "viernes 2 de octubre a las 11:00 h en nuestras oficinas, con D. Javier Ruiz, "
               "Director de Operaciones, a quien pongo en copia.\n\nUn cordial saludo,\n\n"
               "Marta Gil", subject="Entrevista - Responsable de Compras",
               sender="Marta Gil <marta.gil@alboran.example>",
               headers={"Cc": "Javier Ruiz <javier.ruiz@alboran.example>"})
    assert interviewers(raw) == [("Javier Ruiz", "javier.ruiz@alboran.example")]
    raw = mail("Estimado Sam:\n\nLe confirmamos la entrevista el martes 6 de octubre a las "
               "10:00 h con Dña. Carmen Vidal, Directora Financiera.\n\nSaludos,\nMarta Gil",
               subject="Confirmación de entrevista", sender="Marta Gil <marta.gil@alboran.example>")
    assert interviewers(raw) == [("Carmen Vidal", "")]


def test_the_organiser_who_says_and_me_interviews_too() -> None:
    ics = ("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:moi@n\r\n"
           "DTSTART:20260609T123000Z\r\nDTEND:20260609T133000Z\r\n"
           "SUMMARY:Entretien Sam Rivera - Chef de projet digital\r\n"
           "ORGANIZER;CN=Sophie Marchand:mailto:sophie.marchand@verlaine.example\r\n"
           "ATTENDEE;CN=Antoine Lefèvre:mailto:antoine.lefevre@verlaine.example\r\n"
           "ATTENDEE;CN=Sophie Marchand:mailto:sophie.marchand@verlaine.example\r\n"
           "ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@example.org\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    text = ("Bonjour Sam,\n\nIl aura lieu le mardi 9 juin de 14h30 à 15h30 dans nos locaux, avec "
            "Antoine Lefèvre, Directeur digital, et moi-même.\n\nBien cordialement,\nSophie")
    raw = mail(text, subject="Invitation à un entretien - Chef de projet digital",
               sender="Sophie Marchand <sophie.marchand@verlaine.example>", calendar=ics)
    assert set(interviewers(raw)) == {("Antoine Lefèvre", "antoine.lefevre@verlaine.example"),
                                      ("Sophie Marchand", "sophie.marchand@verlaine.example")}
    # Without "et moi-même" the organiser only organises.
    raw = mail(text.replace(", et moi-même", ""),
               subject="Invitation à un entretien - Chef de projet digital",
               sender="Sophie Marchand <sophie.marchand@verlaine.example>", calendar=ics)
    assert interviewers(raw) == [("Antoine Lefèvre", "antoine.lefevre@verlaine.example")]


def test_an_agencys_who_field_names_both_and_the_job_is_nobody() -> None:
    raw = mail("Hi Chris,\n\nGood news! Lumen Health would like to meet you for the Financial "
               "Controller position.\n\nWhen: Thursday, June 4, 2:00pm - 3:00pm\nWhere: Lumen "
               "Health, 100 Summer Street, Boston\nWho: Mark Ellison (CFO) and Rachel Stein (HR "
               "Business Partner)\n\nKevin", subject="Interview confirmed - Lumen Health",
               sender="Kevin Walsh <kevin.walsh@harbortalent.example>")
    # "meet you for the Financial Controller position": the one met is the user; an HR
    # business partner on the panel interviews, a recruiting coordinator would only organise.
    assert interviewers(raw) == [("Mark Ellison", ""), ("Rachel Stein", "")]
