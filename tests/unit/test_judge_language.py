"""Which language a message is written in (judge/language.py): long mail by stop words,
short mail (calendar notices, one-line replies, job alerts) by the letters, day and month
names and notice words only one language writes. A wrong answer sends a French thread an
English draft (issue 13), so each family has its case."""

from __future__ import annotations

import pytest

from followup.judge.language import detect_language


@pytest.mark.parametrize(("text", "language"), [
    # Google Calendar notices: two lines and the event's title.
    ("Invitation: Échange Data Analyst - Hugo Martin / Julien Roux @ jeu. 24 sept. 2026\n"
     "jeudi 24 septembre 2026 ⋅ 10:00 – 10:45 (heure d'été d'Europe centrale - Paris)\n"
     "Participer avec Google Meet", "fr"),
    ("Einladung: Vorstellungsgespräch Sam Rivera – Werkstudent - Di., 22. Sept. 2026\n"
     "Sie wurden zu folgendem Termin eingeladen.", "de"),
    ("Abgesagt: Vorstellungsgespräch (2. Runde) – Sam Rivera", "de"),
    ("Invitación: Entrevista técnica @ jueves 14 de agosto de 2026 16:00 – 17:00", "es"),
    # Job alerts and one-line replies.
    ("Sam, OPEN-PROD recrute un Chef de Projet ERP H/F\nHello Sam ! 3 nouvelles offres "
     "correspondent à votre profil.", "fr"),
    ("Leider passt der vorgeschlagene Termin am Montag nicht -- wäre Freitag um 10 Uhr "
     "möglich?", "de"),
    # "la", "de", "que" are French and Spanish alike: the letters break the tie.
    ("Cita cancelada. Se eliminó esta cita de la agenda de la empresa. Proveedor: Rocío "
     "Méndez. Razón: la vacante se cerró.", "es"),
    ("Invitation: Interview with Dana @ Tuesday, March 3 2pm - 3pm (EST)", "en"),
])
def test_short_mail_is_read_in_its_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_long_mail_is_still_read_by_its_stop_words() -> None:
    text = ("Vielen Dank für Ihre Bewerbung. Wir haben uns die Unterlagen angesehen und "
            "melden uns bei Ihnen, sobald wir eine Entscheidung getroffen haben.")
    assert detect_language(text) == "de"


def test_an_english_mail_with_a_french_name_stays_english() -> None:
    text = ("Thank you for your time today. We will be in touch with you about the next "
            "steps for the role at Crédit Agricole.")
    assert detect_language(text) == "en"


def test_no_evidence_gives_the_default() -> None:
    assert detect_language("OK", default="") == ""
    assert detect_language("12:00 - 13:00") == "en"
