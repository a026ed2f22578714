"""Issue 12, round nine (session 9): families read across the held-back halves of
tests/corpus_real3, 5 and 6, opened this session after being scored blind three times or
more (bench/real_mail.py), and the seventh set of blind mailbox scenarios after their first
run. Each family is a way of saying one thing that several unrelated senders share; every
example here is written in our own words, none is a corpus message or a scenario's.
"""

from __future__ import annotations

import pytest

from tests.unit.test_judge_families import judged, kind_of, mail

HR_FR = "Recrutement <recrutement@atelier-verdier.example>"
HR_ES = "Selección <seleccion@andina-textiles.example>"
HR_DE = "Personalabteilung <bewerbung@moorfeld-werke.example>"
HR_EN = "Harbor Grill Hiring <hiring@harborgrill.example>"
PORTAL = "Empleos Sur <no-reply@empleos-sur.example>"


# --- the typographic apostrophe reads like the plain one -----------------------------------
@pytest.mark.parametrize(("body", "subject", "kind"), [
    ("Madame,\n\nnous avons le plaisir de vous confirmer notre promesse d’embauche pour le poste "
     "de technicienne de laboratoire, à compter du 1er juin.\n\nLa DRH", "Promesse d’embauche",
     "offer"),
    ("Hi Sam,\n\nWe’re pleased to offer you the position of Line Cook at Harbor Grill.\n",
     "Your offer", "offer"),
])
def test_a_typographic_apostrophe_reads_as_the_plain_one(body: str, subject: str,
                                                          kind: str) -> None:
    assert kind_of(mail(body, subject, HR_FR if "Madame" in body else HR_EN)) == kind


def test_other_applications_are_no_other_candidate() -> None:
    """'J'envoie d'autres candidatures' (a board's button) is no 'd'autres candidats'."""
    raw = mail("Votre candidature a bien été envoyée à Atelier Verdier pour le poste de "
               "comptable.\n\nJ’envoie d’autres candidatures\n\nSi l'entreprise ne vous a pas "
               "répondu sous 15 jours, relancez-la.", "Votre candidature chez Atelier Verdier",
               "La bonne alternance <nepasrepondre@alternance.example>")
    assert kind_of(raw) == "application_received"


# --- the hire said as the outcome, with no other job word ------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Great news Sam!\n\nYou've been hired at Harbor Grill. We'll send onboarding details "
     "soon. Welcome to the team!\n", "Welcome to the team", HR_EN),
    ("Dear Sam,\n\nCongratulations on being hired by Harbor Grill for the position of Line "
     "Cook!\n\nThe Portal Team", "Congratulations!", "Jobs Portal <noreply@jobsportal.example>"),
    ("Dear Sam,\n\nWe are delighted to tell you that you have been selected for the position of "
     "Junior Analyst at Harbor Grill.\n", "You've been selected", HR_EN),
    ("Hello Sam,\n\nYour application status has been updated to: Hired.\n\nRegards, HR",
     "Application Status Update", HR_EN),
])
def test_the_hire_said_as_the_outcome_is_an_offer(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "offer"


def test_selected_for_the_position_and_an_interview_is_no_offer() -> None:
    raw = mail("Dear Sam,\n\nYou have been selected for the position of Junior Analyst to move "
               "on to a first interview next week.\n", "Your application", HR_EN)
    assert kind_of(raw) != "offer"


@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Estimada Sam:\n\nNos complace comunicarle que ha sido seleccionado(a) para el puesto de "
     "Analista Contable.\n\nRecursos Humanos", "¡Felicitaciones!", HR_ES),
    ("Hola Sam,\n\nhas sido seleccionado/a para iniciar el periodo de prueba en el puesto de "
     "Camarero/a.\n\n¡Bienvenido/a!", "Periodo de prueba", HR_ES),
    ("Hola Sam,\n\nTras evaluarte, queremos ofrecerte la posición de Coordinadora de Compras en "
     "Andina Textiles.\n\nUn abrazo", "Tenemos una oferta para ti", HR_ES),
    ("¡Felicidades Sam!\n\nLa empresa Andina Textiles ha aceptado tu postulación para el cargo "
     "de Operaria de Tejido.\n", "Tu postulación fue aceptada", PORTAL),
    ("¡Hola!\n\n¡Estamos felices de contar contigo en nuestro servicio de Atención al Cliente!\n"
     "¡Bienvenido a tu nuevo equipo!\n", "¡Has sido seleccionado!", PORTAL),
])
def test_selected_for_the_job_in_spanish_is_an_offer(body: str, subject: str,
                                                      sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "offer"


def test_kept_and_integration_prepared_in_french_is_an_offer() -> None:
    raw = mail("Bonjour Sam,\n\nFélicitations, votre candidature a été retenue. Notre équipe vous "
               "contactera pour préparer votre intégration.\n\nL'équipe", "Résultat de votre "
               "candidature", HR_FR)
    assert kind_of(raw) == "offer"


def test_the_contract_papers_sent_in_german_are_an_offer() -> None:
    raw = mail("Hallo Sam,\n\nwir freuen uns: Wir senden Ihnen in den nächsten Tagen die "
               "Vertragsunterlagen zu.\n\nIhr Team", "Ihre Bewerbung als Pflegekraft", HR_DE)
    assert kind_of(raw) == "offer"


# --- where the application stands, with no decision ----------------------------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hi Sam,\n\nYour application for Line Cook at Harbor Grill has moved to a new stage: "
     "Interview Completed.\n", "Application update", "Tracker <notify@jobtrack.example>"),
    ("Hi Sam,\n\nWe missed you at your interview this morning. If you are still interested, "
     "reply and we will find another time.\n", "We missed you", HR_EN),
    ("Bonjour Sam,\n\nVotre désistement pour le poste de comptable a bien été pris en compte. "
     "Votre profil reste dans notre vivier.\n", "Votre candidature – désistement", HR_FR),
    ("Bonjour Sam,\n\nVotre candidature est en cours d'examen par l'entreprise, qui a 15 jours "
     "pour vous répondre.\n", "Votre candidature", HR_FR),
    ("Bonjour Sam,\n\nPour compléter votre candidature, merci de nous transmettre les pièces "
     "justificatives suivantes : diplôme, pièce d'identité.\n", "Votre candidature", HR_FR),
    ("Sehr geehrte Frau Rivera,\n\ndas Stellenbesetzungsverfahren dauert noch an; ich muss Sie "
     "weiter um Geduld bitten.\n", "AW: Ihre Bewerbung", HR_DE),
    ("Hallo Sam,\n\nder Status Ihrer Bewerbung als Lagerist wurde aktualisiert: In Prüfung\n",
     "Bewerbungsstatus aktualisiert", HR_DE),
    ("Estimado Sam:\n\nTu candidatura se encuentra actualmente en la etapa de revisión de "
     "referencias. Te mantendremos informado.\n", "Seguimiento de tu proceso", HR_ES),
])
def test_where_the_application_stands_is_a_status_update(body: str, subject: str,
                                                          sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "status_update"


# --- volunteering, mentoring and scholarships are no job --------------------------------------
@pytest.mark.parametrize(("body", "subject"), [
    ("Dear Sam,\n\nThank you for your application to volunteer at our conference. "
     "Unfortunately you have not been selected as a volunteer this year.\n",
     "Your volunteer application"),
    ("Bonjour Sam,\n\nVotre candidature n'a pas été retenue à ce stade. Vous pourrez "
     "repostuler plus tard.\n", "Votre candidature Mentor"),
    ("Hola Sam,\n\nLamentablemente no has sido seleccionado para la beca de alojamiento en "
     "esta convocatoria.\n", "Resultado del proceso de selección"),
])
def test_volunteering_mentoring_and_scholarships_are_no_job(body: str, subject: str) -> None:
    assert kind_of(mail(body, subject, "Programme <team@community-programme.example>")) == "other"


def test_a_job_that_mentions_a_mentor_stays_a_job() -> None:
    raw = mail("Dear Sam,\n\nWe are pleased to offer you the position of Junior Analyst. You "
               "will be paired with a mentor from your first day.\n", "Your offer", HR_EN)
    assert kind_of(raw) == "offer"


# --- the writer holds the interview too (seventh set of blind scenarios) --------------------
def _invite(organizer: str, guests: list[str], summary: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
             "UID:round9-writer-too", "DTSTART:20261006T130000Z", "DTEND:20261006T140000Z",
             f"SUMMARY:{summary}", f"ORGANIZER;CN={organizer}",
             *(f"ATTENDEE;CN={guest}" for guest in guests), "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def test_an_organiser_who_writes_and_i_is_an_interviewer_beside_the_guests() -> None:
    calendar = _invite("Jakob Berger:mailto:jakob@elbfaehre-studio.example",
                       ["Sam Rivera:mailto:sam.rivera@example.org",
                        "Lea Vogt:mailto:lea@elbfaehre-studio.example"],
                       "Kennenlernen Mediengestalter - Sam / Elbfähre")
    body = ("Hey Sam,\n\ndanke für deine Bewerbung! Lea (unsere Art Direktorin) und ich würden "
            "dich gern kennenlernen. Ich hab dir einen Termin geschickt.\n\nJakob")
    judgement = judged(mail(body, "Einladung: Kennenlernen Mediengestalter - Sam / Elbfähre",
                            "Jakob Berger <jakob@elbfaehre-studio.example>", calendar=calendar))
    assert {person.email for person in judgement.facts.interviewers} == {
        "lea@elbfaehre-studio.example", "jakob@elbfaehre-studio.example"}


@pytest.mark.parametrize("me_item", ["moi-même", "myself"])
def test_the_writer_last_in_a_list_of_interviewers_is_one(me_item: str) -> None:
    body = ("Madame,\n\nj'ai le plaisir de vous convier à un entretien le mardi 28 avril de 10h00 "
            "à 11h30.\n\nVous rencontrerez :\n- Mme Claire Noël, directrice financière\n"
            f"- M. Paul Simon, contrôleur de gestion\n- {me_item}\n\nBien cordialement,\n\n"
            "Inès Morel\nChargée de recrutement")
    judgement = judged(mail(body, "Entretien - Comptable", "Inès Morel <ines.morel@atelier-verdier"
                                                          ".example>"))
    names = {person.name for person in judgement.facts.interviewers}
    assert {"Claire Noël", "Paul Simon"} <= names
    assert "ines.morel@atelier-verdier.example" in {p.email for p in judgement.facts.interviewers}


# --- a French job whose field follows in small letters, up to the gender mark ---------------
@pytest.mark.parametrize(("subject", "role"), [
    ("Votre candidature - Responsable contrôle de gestion H/F - Lyon",
     "Responsable contrôle de gestion"),
    ("Candidature : Technicien maintenance industrielle (H/F)",
     "Technicien maintenance industrielle"),
    ("Votre candidature - Technicien le 3 mai", "Technicien"),
])
def test_a_french_job_keeps_its_small_letter_field(subject: str, role: str) -> None:
    judgement = judged(mail("Bonjour,\n\nNous avons bien reçu votre candidature.\n", subject,
                            "Recrutement <no-reply@jobaffinity.fr>"))
    assert judgement.facts.role == role


def test_a_german_first_meeting_word_is_not_part_of_the_job() -> None:
    judgement = judged(mail("Hallo Sam,\n\nwir würden dich gern zu einem Gespräch einladen. Ich "
                            "habe dir einen Termin geschickt.\n\nJakob",
                            "Einladung: Kennenlernen Frontend Developer (React) - Sam / Elbfähre",
                            "Jakob Berger <jakob@elbfaehre-studio.example>"))
    assert judgement.facts.role == "Frontend Developer (React)"


# --- German: a decision by a date, and someone else chosen ---------------------------------
def test_we_decide_by_the_end_of_next_week_is_a_sure_status_update() -> None:
    raw = mail("Hi Sam,\n\nkurzes Update: Wir führen diese Woche noch zwei Gespräche und "
               "entscheiden bis Ende nächster Woche. Ich melde mich dann bei dir.\n\nJakob",
               "Re: Einladung zum Kennenlernen", "Jakob Berger <jakob@elbfaehre-studio.example>")
    judgement = judged(raw)
    assert judgement.kind == "status_update"
    assert judgement.facts.decision_by is not None


def test_someone_with_more_experience_chosen_is_a_rejection() -> None:
    raw = mail("Hi Sam,\n\nfür die Stelle als Mediengestalter haben wir uns am Ende für "
               "jemanden mit mehr Erfahrung in Motion Design entschieden.\n\nAlles Gute\nJakob",
               "Mediengestalter - unsere Entscheidung",
               "Jakob Berger <jakob@elbfaehre-studio.example>")
    assert kind_of(raw) == "rejection"


# --- the interviewer named with a title between commas --------------------------------------
def test_a_name_then_a_title_then_the_wish_to_meet_names_the_interviewer() -> None:
    body = ("Hi Sam,\n\nThanks for applying. Liam Nguyen, our Principal Environmental\n"
            "Scientist, would like to meet you. Would Thursday 21 May at 10am work?\n\nTessa\n"
            "Talent Acquisition Advisor")
    judgement = judged(mail(body, "Senior Environmental Advisor - interview",
                            "Tessa Blackwood <tessa@karri.example>"))
    assert [person.name for person in judgement.facts.interviewers] == ["Liam Nguyen"]
    assert judgement.facts.role == "Senior Environmental Advisor"


# --- an agency's client acting after a dash -------------------------------------------------
def test_an_agency_names_its_client_acting_after_a_dash() -> None:
    body = ("Hi Sam,\n\nGood news - Severn Building Society would like to meet you for the "
            "Senior Risk Analyst role we discussed.\n\nRhiannon\nCastell Recruitment Ltd")
    judgement = judged(mail(body, "Senior Risk Analyst - interview",
                            "Rhiannon Hughes <rhiannon@castellrecruitment.example>"))
    assert judgement.facts.company == "Severn Building Society"


# --- more people to see, and a Swiss decision by the end of a month -------------------------
def test_a_couple_more_people_to_see_is_a_sure_status_update() -> None:
    body = ("Hi Sam,\n\nJust spoken to Gareth - positive feedback. They have a couple more "
            "people to see, so it'll be a little while. I'll chase them and come back to you "
            "as soon as I know more.\n\nRhiannon")
    judgement = judged(mail(body, "RE: Senior Risk Analyst - interview",
                            "Rhiannon Hughes <rhiannon@castellrecruitment.example>"))
    assert judgement.kind == "status_update" and judgement.confidence >= 0.92


def test_a_swiss_entscheid_by_the_end_of_april_is_a_status_update_with_a_date() -> None:
    body = ("Sehr geehrter Herr Rivera\n\nBesten Dank für das Gespräch. Wir führen noch "
            "Gespräche mit weiteren Kandidierenden und werden unseren Entscheid bis Ende April "
            "fällen.\n\nFreundliche Grüsse\nMarco Bianchi\nHR Business Partner")
    judgement = judged(mail(body, "Business Analyst - weiteres Vorgehen",
                            "Marco Bianchi <marco.bianchi@limmatbank.example>"))
    assert judgement.kind == "status_update"
    assert str(judgement.facts.decision_by).endswith("-04-30")


# --- an answer promised to everyone, and in French in the present tense -----------------------
def test_come_back_to_everyone_by_a_date_gives_the_date() -> None:
    judgement = judged(mail("Hi Sam,\n\nWe're wrapping up interviews next week and will come "
                            "back to everyone by Monday 16 March.\n\nDeclan",
                            "Re: Backend Engineer - technical interview",
                            "Declan Byrne <declan@fintry.example>"))
    assert judgement.kind == "status_update"
    assert str(judgement.facts.decision_by) == "2026-03-16"


def test_on_revient_vers_toi_by_a_day_is_a_status_update_with_a_date() -> None:
    judgement = judged(mail("Salut Sam,\n\nMerci encore pour hier ! On voit encore une personne "
                            "lundi et on revient vers toi d'ici mardi prochain pour le poste.\n\n"
                            "Julie", "Re: Entretien Product Owner",
                            "Julie Lambert <julie@pistache.example>"))
    assert judgement.kind == "status_update"
    assert judgement.facts.decision_by is not None


# --- a cancellation that asks about a new day moves the interview ---------------------------
def test_a_french_cancellation_asking_about_another_day_is_an_invitation() -> None:
    raw = mail("Salut Sam,\n\nDésolée, on doit annuler l'entretien de demain. Est-ce que jeudi 5 "
               "novembre à 16h, toujours avec Thomas, ça t'irait ?\n\nJulie",
               "Entretien de mardi - désolée !", "Julie Lambert <julie@pistache.example>")
    assert kind_of(raw) == "interview_invitation"


def test_a_day_of_the_month_before_a_time_is_no_range() -> None:
    from followup.judge.dates import find_times
    (found,) = find_times("Jeudi 5 à 16h, c'est parfait pour moi.")
    assert found.clock == (16, 0) and found.clock_end is None
    (ranged,) = find_times("de 14h à 15h")
    assert ranged.clock == (14, 0) and ranged.clock_end == (15, 0)


# --- an organiser who says "we'd be glad to talk with you" is at the interview -----------------
def test_an_organiser_who_is_no_coordinator_and_will_talk_is_an_interviewer() -> None:
    calendar = _invite("Julie Lambert:mailto:julie@pistache.example",
                       ["Sam Rivera:mailto:sam.rivera@example.org",
                        "Thomas Peeters:mailto:thomas@pistache.example"],
                       "Entretien Product Owner - Sam x Pistache")
    body = ("Salut Sam,\n\nMerci pour ta candidature ! On serait ravis d'en parler avec toi : je "
            "t'envoie une invitation pour mardi à 14h, avec Thomas.\n\nJulie\n"
            "Julie Lambert - Co-fondatrice & CEO")
    judgement = judged(mail(body, "Invitation: Entretien Product Owner",
                            "Julie Lambert <julie@pistache.example>", calendar=calendar))
    assert {p.email for p in judgement.facts.interviewers} == {"julie@pistache.example",
                                                             "thomas@pistache.example"}


def test_a_recruiter_organiser_who_will_talk_stays_out() -> None:
    calendar = _invite("Ana Ruiz:mailto:ana@pistache.example",
                       ["Sam Rivera:mailto:sam.rivera@example.org",
                        "Thomas Peeters:mailto:thomas@pistache.example"],
                       "Interview Product Owner")
    body = ("Hi Sam,\n\nWe'd love to chat with you: here is an invitation for Tuesday at 2pm "
            "with Thomas.\n\nAna Ruiz\nTalent Acquisition Partner")
    judgement = judged(mail(body, "Invitation: Interview Product Owner",
                            "Ana Ruiz <ana@pistache.example>", calendar=calendar))
    assert {p.email for p in judgement.facts.interviewers} == {"thomas@pistache.example"}


# --- a list of slots asked about, and someone else kept, in Québec French --------------------
def test_which_of_these_slots_is_an_invitation() -> None:
    raw = mail("Bonjour M. Rivera,\n\nMme Tremblay doit s'absenter demain; je dois donc reporter "
               "votre entrevue. Pourriez-vous m'indiquer lequel de ces créneaux vous "
               "conviendrait ?\n- jeudi 1er octobre à 14 h\n- vendredi 2 octobre à 10 h\n\n"
               "Marc-André", "RE: Entrevue - Analyste", "Marc-André Gagnon <mag@borealis.example>")
    assert kind_of(raw) == "interview_invitation"


def test_another_application_kept_that_fits_better_is_a_rejection() -> None:
    raw = mail("Bonjour M. Rivera,\n\nAprès mûre réflexion, nous avons retenu une candidature "
               "dont le profil correspond davantage à nos besoins actuels.\n\nMarc-André",
               "Votre candidature - Analyste principal", "Marc-André Gagnon <mag@borealis.example>")
    assert kind_of(raw) == "rejection"


def test_a_small_letter_field_after_a_comma_stays_in_a_french_job() -> None:
    judgement = judged(mail("Bonjour,\n\nNous aimerions vous rencontrer en entrevue.\n",
                            "Entrevue - Analyste principal, actuariat",
                            "Marc-André Gagnon <mag@borealis.example>"))
    assert judgement.facts.role == "Analyste principal, actuariat"


# --- Spanish: an answer by a date, and a board's receipt with an abbreviation ---------------
def test_le_informaremos_el_resultado_by_a_date() -> None:
    judgement = judged(mail("Estimado Sam:\n\nEstamos terminando las entrevistas y le "
                            "informaremos el resultado del proceso a más tardar el miércoles 20 "
                            "de mayo.\n\nValentina", "RE: Citación a entrevista - Analista",
                            "Valentina Soto <vsoto@andessur.example>"))
    assert judgement.kind == "status_update"
    assert str(judgement.facts.decision_by).endswith("-05-20")


def test_a_board_receipt_with_s_a_in_the_employers_name() -> None:
    raw = mail("¡Hola Sam!\n\nTu postulación a Analista de Riesgo en Financiera Andes Sur S.A. "
               "fue enviada con éxito. Te avisaremos cuando la empresa vea tu CV.\n",
               "Postulaste a Analista de Riesgo", "Laborum <no-reply@laborum.cl>")
    assert kind_of(raw) == "application_received"


# --- a street named after a doctor is no appointment ----------------------------------------
def test_a_street_named_after_a_doctor_is_no_personal_appointment() -> None:
    calendar = _invite("Marta Gil:mailto:marta@lumbre.example",
                       ["Sam Rivera:mailto:sam.rivera@example.org",
                        "Pablo Navarro:mailto:pablo@lumbre.example"],
                       "Entrevista UX/UI Senior - Sam Rivera")
    body = ("¡Hola Sam!\n\nTe mando la invitación para la entrevista con Pablo, para la posición "
            "de Diseñadora UX/UI Senior.\n\nMarta Gil · People & Culture\nLumbre · Calle del "
            "Doctor Fourquet 18, Madrid")
    judgement = judged(mail(body, "Invitación: Entrevista UX/UI Senior - Sam Rivera",
                            "Marta Gil <marta@lumbre.example>", calendar=calendar))
    assert judgement.kind == "interview_scheduled" and judgement.confidence >= 0.92


# --- German: a booking tool's link label, a subject word, others still to talk to ------------
def test_a_booking_tools_cancel_link_label_is_no_cancellation() -> None:
    raw = mail("Hallo Sam,\n\ndein Termin ist gebucht.\n\nEvent-Typ: Interview Frontend (60 Min.)"
               "\nDatum/Uhrzeit: 13:00 - 14:00, Dienstag, 24. März 2026\n\nTermin absagen: "
               "https://calendly.com/cancellations/abc\n",
               "Bestätigt: Interview Frontend mit Kranhaus Labs am Dienstag, 24. März 2026",
               "Calendly <no-reply@calendly.com>")
    judgement = judged(raw)
    assert judgement.kind == "interview_scheduled"
    assert judgement.facts.company != "Bestätigt"


def test_still_talking_to_more_people_is_a_status_update() -> None:
    raw = mail("Hi Sam,\n\ndanke dir für das Gespräch mit Timo heute! Wir sprechen gerade noch mit "
               "ein paar weiteren Leuten; sobald wir alle Gespräche geführt haben, melde ich mich "
               "bei dir.\n\nLena", "Re: Kranhaus Labs x Sam - nächster Schritt",
               "Lena Hofmann <lena@kranhaus.example>")
    assert kind_of(raw) == "status_update"


def test_a_date_or_a_word_of_the_mail_is_no_company() -> None:
    from followup.judge.plausible import company_problem
    assert company_problem("Di., 22") == "a date, not a name"
    assert company_problem("Einladung") == "a word of the mail, not a name"
    assert company_problem("Kranhaus Labs") is None


# --- an agency's client named after "Es handelt sich um", across a line break ----------------
def test_a_german_agency_names_its_client_across_a_line_break() -> None:
    body = ("Sehr geehrter Herr Rivera,\n\nwie besprochen darf ich Ihnen nun den Namen unseres "
            "Klienten nennen: Es handelt sich um die Pongauer\nSeilbahntechnik GmbH mit Sitz in "
            "Bischofshofen. Der Klient möchte Sie gerne kennenlernen.\n\nMag. Christina Wallner\n"
            "Salzach Personalberatung GmbH")
    judgement = judged(mail(body, "Ihre Bewerbung: Leitung Finanzbuchhaltung - Vorstellung",
                            "Christina Wallner <c.wallner@salzach-personal.example>"))
    assert judgement.facts.company == "Pongauer Seilbahntechnik"
    assert judgement.facts.role == "Leitung Finanzbuchhaltung"


# --- Mexican and Colombian Spanish ----------------------------------------------------------
@pytest.mark.parametrize(("body", "subject", "kind"), [
    ("Hola Sam,\n\n¡Gracias por postularte a Ingeniero/a Backend (Go) en Tapatío Pay! Nuestro "
     "equipo va a revisar tu perfil.\n", "Gracias por tu interés en Tapatío Pay",
     "application_received"),
    ("¡Hola, Sam!\n\nDiego quedó muy contento con la plática. Estamos cerrando el proceso la "
     "próxima semana y te aviso en cuanto tenga noticias.\n\nMariana",
     "Re: Entrevista Backend (Go)", "status_update"),
    ("¡Sam!\n\nCon mucho gusto te comparto que queremos que te sumes a Tapatío Pay como "
     "Ingeniera Backend. Adjunto la carta oferta.\n\nMariana", "¡Oferta! Ingeniero/a Backend",
     "offer"),
    ("Buenas tardes, Sam:\n\nNuestro cliente es Laboratorios Altiplano S.A.S. y el cargo es Jefe "
     "de Calidad. El cliente revisó su hoja de vida y desea entrevistarlo.\n\nNatalia",
     "Proceso Jefe de Calidad - presentación al cliente", "interview_invitation"),
    ("Buenas tardes, Sam:\n\nEl cliente quedó con muy buena impresión de la entrevista. Me "
     "informan que tomarán una decisión antes del viernes 14 de agosto. Apenas tenga noticias "
     "le escribo.\n\nNatalia", "RE: Proceso Jefe de Calidad", "status_update"),
])
def test_latin_american_spanish_families(body: str, subject: str, kind: str) -> None:
    sender = "Mariana Ortiz <mariana@tapatio.example>" if "Tapat" in body + subject or \
        "Backend" in subject else "Natalia Rojas <nrojas@andinatalento.example>"
    assert kind_of(mail(body, subject, sender)) == kind


def test_a_written_name_sharing_the_domains_words_beats_its_letters_split() -> None:
    judgement = judged(mail("Estimado Sam:\n\nLo invitamos a una entrevista el martes 4 de agosto "
                            "a las 9:00.\n\nCarolina Pérez\nGestión Humana",
                            "Entrevista cargo Jefe de Calidad - Laboratorios Altiplano",
                            "Carolina Pérez <carolina.perez@altiplanolab.example>"))
    assert judgement.facts.company == "Laboratorios Altiplano"


# --- a housing employer, a shortlist before a set time, a Dr in a panel list -----------------
def test_a_housing_employers_tenant_committee_is_no_tenancy() -> None:
    body = ("Dear Sam,\n\nYou have been shortlisted for the post of Senior Policy Officer. We "
            "would like to invite you to interview on Thursday 20 August at 3.30pm.\n\nYour "
            "panel will be:\n  - Gareth Lloyd, Head of Policy\n  - Dr Siân Howells, Chair of the "
            "Tenant Services Committee\n\nRhian Pritchard\nHR Officer")
    assert kind_of(mail(body, "Interview invitation - Senior Policy Officer",
                        "Rhian Pritchard <rhian@cartreftaf.example>")) != "other"


def test_a_guests_academic_title_in_the_text_reaches_the_interviewer() -> None:
    calendar = _invite("Rhian Pritchard:mailto:rhian@cartreftaf.example",
                       ["Sam Rivera:mailto:sam.rivera@example.org",
                        "Siân Howells:mailto:sian@cartreftaf.example",
                        "Gareth Lloyd:mailto:gareth@cartreftaf.example"],
                       "Interview - Sam Rivera - Senior Policy Officer")
    body = ("Dear Sam,\n\nYour panel will be:\n  - Gareth Lloyd, Head of Policy\n  - Dr Siân "
            "Howells, Board Member\n\nRhian Pritchard\nHR Officer")
    judgement = judged(mail(body, "Interview invitation - Senior Policy Officer",
                            "Rhian Pritchard <rhian@cartreftaf.example>", calendar=calendar))
    names = {p.email: p.name for p in judgement.facts.interviewers}
    assert names["sian@cartreftaf.example"] == "Dr. Siân Howells"
    assert names["gareth@cartreftaf.example"] == "Gareth Lloyd"


# --- German: someone's years are no delay, "vor Weihnachten" is no proposal ------------------
def test_someone_else_with_longer_experience_is_a_plain_rejection() -> None:
    raw = mail("Hoi Sam\n\nDanke nochmals für das offene Gespräch vor Weihnachten. Wir haben uns "
               "nach langem Abwägen für eine Person entschieden, die schon länger im "
               "Robotik-Umfeld als Product Owner arbeitet.\n\nLiebe Grüsse\nReto",
               "Re: Kennenlernen - Product Owner", "Reto Bucher <reto@reuss.example>")
    judgement = judged(raw)
    assert judgement.kind == "rejection" and judgement.confidence >= 0.92


# --- Belgian volunteering, and an answer by the day named before ----------------------------
def test_a_belgian_volunteer_application_is_no_job() -> None:
    raw = mail("Bonjour Sam,\n\nMerci pour votre candidature comme volontaire à la Maison "
               "Croix-Rouge. Nous vous proposons un entretien d'accueil le samedi 24 octobre à "
               "10h00.\n\nIsabelle, coordinatrice des volontaires",
               "Votre candidature de volontaire", "Volontariat <volontariat@croix.example>")
    assert kind_of(raw) == "other"


def test_an_answer_by_the_day_named_in_the_sentence_before() -> None:
    judgement = judged(mail("Bonjour Monsieur Rivera,\n\nLa décision doit être validée par notre "
                            "comité de direction, qui ne se réunira que le mardi 10 novembre. "
                            "Nous vous donnerons une réponse au plus tard ce jour-là.\n\nNathalie",
                            "RE: Votre candidature - Gestionnaire de paie",
                            "Nathalie Dewez <n.dewez@ourthe.example>"))
    assert judgement.kind == "status_update"
    assert str(judgement.facts.decision_by).endswith("-11-10")


# --- corpus_real9's train half: someone else chosen, in more words -------------------------
@pytest.mark.parametrize(("body", "sender"), [
    ("Thank you for your email. It was a very difficult decision and it came down to the other "
     "candidate having some festival experience. I am keeping your resume.\n",
     "Hiring Manager <internships@festival.example>"),
    ("Thank you for applying. After a long deliberation, we've finally selected a candidate "
     "whose background and skills more closely met the needs of the organization.\n",
     "Human Resources <hr@nonprofit.example>"),
    ("Absage. Andere Kandidaten passten besser. Unterlagen vernichtet.\n\nMfG\nK. Bauer",
     "K. Bauer <k.bauer@werkstatt.example>"),
    ("Bonjour,\n\nmalgré les qualités de votre dossier nous ne pouvons pas le retenir pour le "
     "poste d'animateur.\n", "Service recrutement <recrutement@centre-vacances.example>"),
])
def test_someone_else_chosen_in_more_words_is_a_rejection(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Your application", sender)) == "rejection"


def test_a_hiring_mailbox_makes_a_bare_rejection_about_a_job() -> None:
    raw = mail("Hallo Sam,\n\nLeider müssen wir Ihnen mitteilen, dass wir Sie für den weiteren "
               "Prozess nicht weiter berücksichtigen können.\n\nXYZ GmbH",
               "Assessment fehlgeschlagen", "XYZ GmbH Personal <bewerbung@xyz-gmbh.example>")
    assert kind_of(raw) == "rejection"


@pytest.mark.parametrize(("body", "subject", "sender", "kind"), [
    ("Hey! This is Tasha. I noticed that you haven't scheduled your coding challenge, which is "
     "the first step. Please click the link below to schedule.\n",
     "Reminder: your coding challenge", "Tasha Greene <tasha@smoothstack.example>", "assessment"),
    ("Dear Applicant,\n\nWe are pleased to inform you that you have successfully passed all "
     "stages of our recruitment process. Congratulations on being selected for the position!\n"
     "Our HR team will contact you about onboarding.\n", "Application result - QA Engineer",
     "Recruitment <recruitment@amnil.example>", "offer"),
    ("Hola, Sam!\n\nTu postulación para Pasante administrativo/a en\nEstudio Contable Ferreyra "
     "se ha realizado con éxito!\n", "Tu postulación se ha llevado a cabo con éxito",
     "Bualá! Jobs <no-reply@bualajobs.example>", "application_received"),
    ("Madame,\n\nNous vous confirmons la prise en compte de votre candidature auprès de la "
     "Communauté Électrique.\n\nDirection des Ressources Humaines",
     "Accusé de réception - Candidature n°STG-0388", "DRH <drh@ceb.example>",
     "application_received"),
])
def test_corpus9_train_families(body: str, subject: str, sender: str, kind: str) -> None:
    assert kind_of(mail(body, subject, sender)) == kind


# --- look-alikes: a grants or admissions mailbox, a contest, a job order -------------------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Your interview is confirmed for 14 October 2026 at 3:30 PM. Please be ready 10 minutes "
     "before.\n", "Interview Confirmed for 14 October 2026", "Vision Grants <grants@gala.example>"),
    ("Hola Sam,\n\nEn esta ocasión, tu video no ha sido seleccionado para continuar en el "
     "certamen. ¡Esperamos verte en futuras ediciones!\n",
     "Información sobre tu postulación", "Música Joven <concurso.musica@gmail.com>"),
    ("Sehr geehrte/r Sam Rivera,\n\nIhr Termin für den Auftrag #12345 wurde erfolgreich "
     "gebucht: 15.03.2026, 14:00 Uhr. Bitte führen Sie den Auftrag zum vereinbarten Zeitpunkt "
     "durch.\n", "Ihr Auftragstermin wurde bestätigt",
     "Nordwerk Services <bewerbung@nordwerk.example>"),
])
def test_grants_contests_and_job_orders_are_no_job(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "other"


# --- the opened halves: a no in more words, where the application stands in more words ------
@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hello Sam,\n\nYour application status has been updated to: Failed.\n\nThank you for "
     "applying.\n", "Application Status Update", HR_EN),
    ("After reviewing your application, we have determined that your skills do not quite match "
     "the requirements for this particular role.\n", "Thank you for your interest",
     "Mara Lee <notifications@app.bamboohr.com>"),
    ("Hola Sam,\n\nTras revisar tu candidatura, hemos decidido no avanzar con ella en esta "
     "ocasión.\n", "Actualización sobre tu candidatura", HR_ES),
    ("Hallo Sam,\n\nLeider können wir zum jetzigen Zeitpunkt nicht mit deiner Bewerbung "
     "fortfahren.\n", "Deine Bewerbung", HR_DE),
    ("Sehr geehrte Frau Rivera,\n\nnach Prüfung Ihrer Unterlagen müssen wir Ihnen mitteilen, dass "
     "wir im Moment keine passende Stelle für Sie haben.\n", "Ihre Initiativbewerbung", HR_DE),
])
def test_a_no_in_more_words_is_a_rejection(body: str, subject: str, sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "rejection"


@pytest.mark.parametrize(("body", "subject", "sender"), [
    ("Hi Sam,\n\nYour application for Marketing Analyst has been updated.\n\nCurrent status: "
     "Hiring Manager Review\n\nThank you for your interest in joining us.\n",
     "Application update", HR_EN),
    ("Hello Sam,\n\nYour application status has been updated to: For Interview.\n\nThank you for "
     "applying.\n", "Application Status Update", HR_EN),
    ("Dear Sam,\n\nThank you for your interest. Your application is currently under review by "
     "our hiring team.\n", "Application Status Update", HR_EN),
    ("Estimado Sam,\n\nHemos revisado su postulación y algunos documentos requieren corrección: "
     "falta la firma del empleador.\n", "Se requiere corrección de documentos", HR_ES),
])
def test_where_it_stands_in_more_words_is_a_status_update(body: str, subject: str,
                                                          sender: str) -> None:
    assert kind_of(mail(body, subject, sender)) == "status_update"


def test_a_permit_applied_for_is_no_job_but_a_question_about_one_is() -> None:
    permit = mail("Dear Sam,\n\nYour work permit application is currently under review. We will "
                  "contact you.\n", "Application status", "Permits <permits@gov.example>")
    assert kind_of(permit) == "other"
    job = mail("Hi Sam,\n\nWe'd like to invite you to an onsite interview. If you are currently "
               "on a visa or work permit, please tell us which.\n", "Onsite interview", HR_EN)
    assert kind_of(job) != "other"


# --- cold approaches in more words; an employee's meeting, an order, an identity check ------
@pytest.mark.parametrize(("body", "sender"), [
    ("Bonjour, je suis consultant en recrutement. Un de mes clients, éditeur de logiciel B2B, "
     "recherche un Engineering Manager pour accompagner sa croissance.\n",
     "Thomas Girard <t.girard@talents-conseil.example>"),
    ("Bonjour Sam,\n\nJ'ai découvert votre profil et vos compétences en Python. Nous serions "
     "ravis d'échanger sur une opportunité.\n", "Inès Benali <ines@talentis.example>"),
    ("Estimado/a Sam:\n\nEl Banco tiene abierto el proceso 017/2026 para el cargo de Analista. "
     "Por su perfil, le invitamos a participar.\n", "Ximena Rojas <xrojas@banco.example>"),
    ("Hi Sam,\n\nYou are invited to apply for jobs by Bangkok Rail Systems: Signalling "
     "Engineer, Planner.\n", "EngJobs <admin@engjobs.example>"),
])
def test_cold_approaches_in_more_words_are_outreach(body: str, sender: str) -> None:
    assert kind_of(mail(body, "Opportunité", sender)) == "recruiter_outreach"


@pytest.mark.parametrize(("body", "subject"), [
    ("Monsieur,\n\nNous vous informons que vous êtes convoqué à un entretien le 19 mars à 10h00. "
     "Cet entretien a pour objet les retards répétés constatés en février.\n",
     "Convocation à un entretien"),
    ("Guten Tag Sam Rivera,\n\nvielen Dank für die Erteilung Ihres Auftrags. Ihr Startgespräch "
     "ist eingetragen: Montag, 05.10.2026, 10:00 Uhr.\n", "Ihr Startgespräch"),
    ("Bonjour,\n\nVotre entretien de vérification d'identité est prévu le jeudi 12 mars à "
     "10h30.\n", "Entretien Niveau 3 planifié"),
])
def test_an_employees_meeting_an_order_or_an_identity_check_is_no_job(body: str,
                                                                      subject: str) -> None:
    assert kind_of(mail(body, subject, "Service <service@firma.example>")) == "other"


def test_a_manuscript_submitted_to_a_journal_is_no_job() -> None:
    raw = mail("Madame,\n\nNous vous remercions d'avoir soumis le manuscrit intitulé « Les ruelles "
               "vertes » à la revue. Nous l'avons bien reçu.\n", "Accusé de réception de la "
               "soumission", "Revue <redaction@revue.example>")
    assert kind_of(raw) == "other"
