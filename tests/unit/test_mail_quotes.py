"""split_quotes: new text vs quoted earlier mail vs signature, in several languages."""

from __future__ import annotations

import pytest

from followup.mail.quotes import split_quotes

NEW = "Thanks Sam, Tuesday at 2pm works for us.\n\nBest,\nMaria"


@pytest.mark.parametrize(
    "quotation",
    [
        "On Mon, Mar 2, 2026 at 9:00 AM Sam Rivera <sam@rivera.dev> wrote:\n> Could we meet?",
        # Gmail wraps a long attribution line
        "On Mon, Mar 2, 2026 at 9:00 AM Sam Rivera <\nsam.rivera@example.org> wrote:\n\n> Hi",
        "On Mon, Mar 2, 2026 at 9:00 AM Sam Rivera\n<sam.rivera@example.org>\nwrote:\n> Hi",
        "On 2 Mar 2026, at 09:00, Sam Rivera <sam@rivera.dev> wrote:\n\nHi Maria, unquoted",
        "-----Original Message-----\nFrom: Sam Rivera\nSent: Monday\nSubject: Hi\n\nold",
        "----- Original Message -----\nFrom: Sam\nold",
        ("________________________________\nFrom: Sam Rivera <sam@rivera.dev>\n"
        "Sent: Monday, March 2, 2026 9:00 AM\nTo: Maria Lopez\nSubject: RE: Interview\n\nold"),
        ("From: Sam Rivera <sam@rivera.dev>\nSent: Monday, March 2, 2026 9:00 AM\n"
        "To: Maria Lopez <maria@northwind.io>\nCc: Priya\nSubject: RE: Interview\n\nold"),
        "*From:* Sam Rivera <sam@rivera.dev>\n*Sent:* Monday\n*To:* Maria\n*Subject:* RE: x",
        "From: Sam Rivera <sam@rivera.dev> Sent: Monday, March 2 To: Maria Subject: RE: x",
        "Begin forwarded message:\n\nFrom: Sam\nSubject: x\n\nold",
        "---------- Forwarded message ---------\nFrom: Sam <sam@rivera.dev>\nold",
        "> Could we meet on Monday?\n> Sam",
    ],
)
def test_english_quotations_are_cut(quotation: str) -> None:
    split = split_quotes(f"{NEW}\n\n{quotation}\n")
    assert split.new_text == NEW
    assert split.quoted_text.split()[0] == quotation.split()[0]
    assert split.signature == ""


@pytest.mark.parametrize(
    "quotation",
    [
        "Am Mo., 2. März 2026 um 09:00 Uhr schrieb Sam Rivera <sam@rivera.dev>:\n> Hallo",
        "Am 02.03.2026 um 09:00 schrieb Sam Rivera:\n> Hallo",
        ("Von: Sam Rivera <sam@rivera.dev>\nGesendet: Montag, 2. März 2026 09:00\n"
        "An: Jürgen Müller\nBetreff: AW: Termin\n\nHallo"),
        "-----Ursprüngliche Nachricht-----\nVon: Sam Rivera\nalt",
        "Le lun. 2 mars 2026 à 09:00, Sam Rivera <sam@rivera.dev> a écrit :\n> Bonjour",
        ("De : Sam Rivera <sam@rivera.dev>\nEnvoyé : lundi 2 mars 2026 09:00\n"
        "À : Élodie\nObjet : RE: Entretien\n\nBonjour"),
        "El lun, 2 mar 2026 a las 9:00, Sam Rivera (<sam@rivera.dev>) escribió:\n> Hola",
        ("De: Sam Rivera <sam@rivera.dev>\nEnviado el: lunes, 2 de marzo de 2026 9:00\n"
        "Para: Lucía\nAsunto: RE: Entrevista\n\nHola"),
        "-------- Weitergeleitete Nachricht --------\nBetreff: x",
        "---------- Message transféré ---------\nDe : x",
    ],
)
def test_german_french_spanish_quotations_are_cut(quotation: str) -> None:
    split = split_quotes(f"{NEW}\n\n{quotation}\n")
    assert split.new_text == NEW
    assert quotation.split("\n")[0].strip() in split.quoted_text


def test_interleaved_answers_stay_new_text() -> None:
    text = ("On Mon, Mar 2, 2026 at 9:00 AM Sam <sam@rivera.dev> wrote:\n"
            "> Does Tuesday work?\n"
            "Yes, Tuesday at 2pm.\n"
            "> And who will I meet?\n"
            "Priya, our tech lead.\n")
    split = split_quotes(text)
    assert split.new_text == "Yes, Tuesday at 2pm.\nPriya, our tech lead."
    assert "Does Tuesday work?" in split.quoted_text
    assert "And who will I meet?" in split.quoted_text


def test_signature_after_the_delimiter_is_separated() -> None:
    split = split_quotes("Thanks!\n\nMaria\n-- \nMaria Lopez\nSenior Recruiter, Northwind\n")
    assert split.new_text == "Thanks!\n\nMaria"
    assert split.signature == "Maria Lopez\nSenior Recruiter, Northwind"


@pytest.mark.parametrize(
    "mobile", ["Sent from my iPhone", "Get Outlook for Android", "Von meinem iPhone gesendet",
               "Envoyé de mon iPhone", "Enviado desde mi iPhone", "Sent from Yahoo Mail on Android"]
)
def test_mobile_signature_lines(mobile: str) -> None:
    split = split_quotes(f"Sounds good, see you then.\n\n{mobile}\n")
    assert split.new_text == "Sounds good, see you then."
    assert split.signature == mobile


def test_sign_off_without_delimiter_stays_in_new_text() -> None:
    text = "Hi Sam,\n\nWe'd love to move forward.\n\nBest,\nJordan Okafor\nSenior Recruiter, Kestrel"
    split = split_quotes(text)
    assert split.new_text == text
    assert split.signature == "" and split.quoted_text == ""


def test_signature_then_quotation() -> None:
    text = ("Works for me.\n-- \nJane Doe | Recruiter\n\n"
            "On Mon, Mar 2, 2026 at 9:00 AM Sam <sam@rivera.dev> wrote:\n> slot?\n")
    split = split_quotes(text)
    assert (split.new_text, split.signature) == ("Works for me.", "Jane Doe | Recruiter")
    assert split.quoted_text.startswith("On Mon, Mar 2, 2026")


@pytest.mark.parametrize(
    "text",
    [
        "> only a quotation\n> nothing else",
        "---------- Forwarded message ---------\nFrom: HR <hr@acme.io>\n\nYou got the job!",
        "-- \nonly a signature",
    ],
)
def test_nothing_is_cut_when_nothing_new_would_remain(text: str) -> None:
    split = split_quotes(text)
    assert split.new_text == text.strip()
    assert split.quoted_text == "" and split.signature == ""


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the team wrote:\nsomething without a date",  # no digit: not an attribution
        "On second thought, Tuesday is better.\nThanks!",
        "From: the team's side, everything is fine.\nNext line.",
        "We met -- briefly -- at the fair.\n--------\nMore text",
    ],
)
def test_ordinary_sentences_are_not_cut(text: str) -> None:
    assert split_quotes(text).new_text == text


def test_forward_note_is_new_text() -> None:
    text = ("saw this and thought of you!\n\n---------- Forwarded message ---------\n"
            "From: Halcyon Talent <talent@halcyon.io>\nDate: Tue, Feb 10, 2026\n"
            "Subject: We're hiring\n\nWe're hiring a Senior Data Engineer.")
    split = split_quotes(text)
    assert split.new_text == "saw this and thought of you!"
    assert "We're hiring a Senior Data Engineer." in split.quoted_text
