"""parse_message: headers, addresses, dates, ids, MIME structure, charsets, attachments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.errors import MailParseError
from followup.mail.headers import KEPT_HEADERS
from followup.mail.model import Address
from followup.mail.parse import parse_message

SAMPLES = Path(__file__).parent / "mail_samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def codes(defects: tuple[str, ...]) -> set[str]:
    return {defect.partition(":")[0] for defect in defects}


def simple(headers: str, body: bytes = b"Hello\n") -> bytes:
    return headers.strip().replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n" + body


def part(content_type: str, body: bytes, encoding: str = "8bit", extra: str = "") -> bytes:
    head = f"Content-Type: {content_type}\nContent-Transfer-Encoding: {encoding}\n{extra}"
    return head.strip().encode() + b"\n\n" + body


# --- a real notification -------------------------------------------------------------------


def test_greenhouse_notification_reads_headers_and_html_as_text() -> None:
    message = parse_message(sample("greenhouse_notification.eml"), thread_id="18e0c1")

    assert message.sender == Address("Northwind Labs", "no-reply@us.greenhouse-mail.io")
    assert message.reply_to == (Address("Maria Lopez", "maria.lopez@northwindlabs.com"),)
    assert message.to == (Address("Sam Rivera", "sam.rivera@example.org"),)
    assert message.subject == "Thank you for applying to Northwind Labs"
    assert message.date == datetime(2026, 3, 2, 9, 14, 7, tzinfo=UTC)
    assert message.message_id == "<6e1f3a9c.20260302091407.4471923@us.greenhouse-mail.io>"
    assert message.thread_id == "18e0c1"
    assert "Senior Data Engineer role at Northwind Labs — we’re excited" in message.text
    assert "Role | Senior Data Engineer" in message.text
    assert "View your application" in message.text
    for hidden in ("what happens next", "tracking", "document.write", "font-family"):
        assert hidden not in message.text
    assert message.new_text == message.text
    assert (
        "View your application",
        "https://boards.greenhouse.io/northwindlabs/applications/4471923?utm_source=email&t=abc",
    ) in message.html_links
    assert message.defects == ()


def test_kept_headers_are_decoded_unfolded_and_limited_to_the_list() -> None:
    message = parse_message(sample("greenhouse_notification.eml"))

    assert message.headers["list-unsubscribe"] == (
        "<https://app.greenhouse.io/unsubscribe/4471923>, "
        "<mailto:unsubscribe@us.greenhouse-mail.io?subject=4471923>"
    )
    assert message.headers["x-mailgun-tag"] == "application_confirmation"
    assert message.headers["feedback-id"] == "confirmation:greenhouse:mailgun"
    assert set(message.headers) <= set(KEPT_HEADERS)
    assert "received" not in message.headers and "x-mailgun-sid" not in message.headers
    assert all("\n" not in value and "\r" not in value for value in message.headers.values())


def test_crlf_and_lf_line_ends_give_the_same_message() -> None:
    lf = sample("gmail_reply.eml")
    assert parse_message(lf.replace(b"\n", b"\r\n")) == parse_message(lf)


# --- header decoding -----------------------------------------------------------------------


def test_rfc2047_names_in_any_charset() -> None:
    raw = simple("""
From: =?utf-8?q?Jos=C3=A9_Mu=C3=B1oz?= <Jose.Munoz@Example.COM>
To: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.de>, =?utf-8?b?5bGx55Sw?= <y@example.jp>
Cc: =?utf-8?q?Mu=C3=B1oz=2C_Jos=C3=A9?= <jose@example.com>
Subject: =?utf-8?b?SW50ZXJ2aWV3?= =?utf-8?b?IGVpbmxhZHVuZyDwn5GN?=
""")
    message = parse_message(raw)

    assert message.sender == Address("José Muñoz", "jose.munoz@example.com")
    assert message.to == (Address("Jürgen Müller", "jm@example.de"), Address("山田", "y@example.jp"))
    # an encoded comma stays inside the name: the list is split before names are decoded
    assert message.cc == (Address("Muñoz, José", "jose@example.com"),)
    assert message.subject == "Interview einladung 👍"


def test_multibyte_character_split_across_encoded_words_is_joined() -> None:
    # "é" is C3 A9; each encoded-word carries one byte of it
    message = parse_message(simple("From: a@b.org\nSubject: =?utf-8?q?caf=C3?= =?utf-8?q?=A9?="))
    assert message.subject == "café"


def test_broken_and_unknown_encodings_in_headers_are_tolerated() -> None:
    raw = simple("""
From: =?x-unknown-charset?q?Ana_Mar=EDa?= <ana@example.es>
To: =?utf-8?b?!!!not base64?= <to@example.org>
Subject: =?utf-8?q?Entrevista?= =?bogus
""")
    message = parse_message(raw)

    assert message.sender == Address("Ana María", "ana@example.es")
    assert message.to[0].email == "to@example.org"
    assert message.subject.startswith("Entrevista")


def test_raw_utf8_and_latin1_in_headers() -> None:
    raw = (b"From: J\xc3\xbcrgen <j@example.de>\r\nTo: Ren\xe9 <r@example.fr>\r\n"
           b"Subject: Gespr\xc3\xa4ch\r\n\r\nx")
    message = parse_message(raw)

    assert message.sender == Address("Jürgen", "j@example.de")
    assert message.to == (Address("René", "r@example.fr"),)
    assert message.subject == "Gespräch"
    assert "header-8bit" in codes(message.defects)


def test_folded_subject_is_unfolded_and_control_characters_removed() -> None:
    raw = b"From: a@b.org\r\nSubject: Interview\r\n\tinvitation\x00 for\x07 you\r\n\r\nx"
    assert parse_message(raw).subject == "Interview invitation for you"


# --- addresses -----------------------------------------------------------------------------


def test_addresses_are_lower_cased_unquoted_and_garbage_is_skipped() -> None:
    raw = simple("""
From: "'Taylor Reed'" <Taylor.Reed@Acme.IO>
To: undisclosed-recipients:;
Cc: not an address, "Doe, Jane" <JANE@example.org>, @@@, bob@example.org, bob@example.org
Reply-To: <>
""")
    message = parse_message(raw)

    assert message.sender == Address("Taylor Reed", "taylor.reed@acme.io")
    assert message.to == ()
    assert message.cc == (Address("Doe, Jane", "jane@example.org"), Address("", "bob@example.org"))
    assert message.reply_to == ()
    assert "address-invalid" in codes(message.defects)


def test_missing_from_gives_no_sender() -> None:
    message = parse_message(simple("Subject: hello"))
    assert message.sender is None and message.to == () and message.subject == "hello"


# --- dates ---------------------------------------------------------------------------------


def test_date_is_aware_with_the_sender_offset() -> None:
    message = parse_message(simple("From: a@b.org\nDate: Tue, 3 Mar 2026 14:30:00 -0800"))
    assert message.date == datetime(2026, 3, 3, 14, 30, tzinfo=timezone(timedelta(hours=-8)))


def test_date_without_zone_is_read_as_utc_with_a_defect() -> None:
    message = parse_message(simple("From: a@b.org\nDate: Tue, 3 Mar 2026 14:30:00 -0000"))
    assert message.date == datetime(2026, 3, 3, 14, 30, tzinfo=UTC)
    assert "date-without-zone" in codes(message.defects)


@pytest.mark.parametrize("value", ["yesterday", "Tue, 99 Foo 2026 99:99:99 +9999", "", "0"])
def test_invalid_date_is_none(value: str) -> None:
    message = parse_message(simple(f"From: a@b.org\nDate: {value}"))
    assert message.date is None


# --- message ids ---------------------------------------------------------------------------


def test_message_ids_are_normalised() -> None:
    raw = simple("""
From: a@b.org
Message-ID:   abc.123@mail.example.org
In-Reply-To: <CAK7+mXw2@mail.gmail.com> (Jane Doe's message of "Fri, 27 Feb 2026")
References: <first@x.org>
 <second @x.org>   <first@x.org>
\t<third@x.org>
""")
    message = parse_message(raw)

    assert message.message_id == "<abc.123@mail.example.org>"
    assert message.in_reply_to == "<CAK7+mXw2@mail.gmail.com>"
    assert message.references == ("<first@x.org>", "<second@x.org>", "<third@x.org>")
    assert message.thread_keys[0] == "<abc.123@mail.example.org>"


def test_gmail_reply_threading_and_split() -> None:
    message = parse_message(sample("gmail_reply.eml"))

    assert message.in_reply_to == "<CAK7+mXw2@mail.gmail.com>"
    assert message.references == ("<CAJ1x5=Zq8c@mail.gmail.com>", "<CAK7+mXw2@mail.gmail.com>")
    assert message.new_text == (
        "Hi Sam,\n\nGreat, Tuesday at 2:30pm PT works. I'll send the invite shortly.\n\n"
        "Best,\nMaria"
    )
    assert message.signature.startswith("Maria Lopez\nSenior Technical Recruiter")
    assert "Unfortunately I'm not available" in message.quoted_text
    assert "Unfortunately" not in message.new_text
    # the plain part was read, but the HTML twin still gives its links
    assert ("maria.lopez@northwindlabs.com",
            "mailto:maria.lopez@northwindlabs.com") in message.html_links


def test_german_outlook_reply() -> None:
    message = parse_message(sample("german_outlook_reply.eml"))

    assert message.sender == Address("Müller, Jürgen", "juergen.mueller@nordlicht-mobility.de")
    assert message.subject == "AW: Einladung zum Kennenlernen – Bestätigung"
    assert message.new_text.startswith("Hallo Herr Rivera,\n\nvielen Dank für Ihre Rückmeldung.")
    assert message.new_text.endswith("Jürgen Müller\nPersonalreferent | Nordlicht Mobility GmbH")
    assert message.quoted_text.startswith("Von: Sam Rivera <sam.rivera@example.org>")
    assert "leider passt mir Montag nicht" not in message.new_text
    assert message.headers["content-language"] == "de-DE"
    assert message.defects == ()


# --- bodies and charsets -------------------------------------------------------------------


def test_plain_is_preferred_in_an_alternative_but_html_links_are_kept() -> None:
    email = EmailMessage()
    email["From"] = "Recruiter <r@acme.io>"
    email.set_content("Plain version. Book a time: https://cal.acme.io/r\n")
    email.add_alternative('<p>HTML version. <a href="https://cal.acme.io/r">Book a time</a></p>',
                          subtype="html")
    message = parse_message(email.as_bytes())

    assert message.text == "Plain version. Book a time: https://cal.acme.io/r"
    assert message.html_links == (("Book a time", "https://cal.acme.io/r"),)


def test_a_plain_stub_gives_way_to_the_html_alternative() -> None:
    email = EmailMessage()
    email["From"] = "r@acme.io"
    email.set_content("To view this email, please use an HTML-capable mail client.\n")
    email.add_alternative("<p>We would love to <b>interview</b> you.</p>", subtype="html")
    assert parse_message(email.as_bytes()).text == "We would love to interview you."


def test_amp_and_watch_alternatives_are_never_read() -> None:
    raw = b"\n".join([
        b'From: a@b.org\nContent-Type: multipart/alternative; boundary="alt"\n',
        b"--alt", part("text/plain", b""),
        b"--alt", part("text/html", b"<p>The HTML body</p>"),
        b"--alt", part("text/x-amp-html", b"<html amp4email><p>AMP body</p></html>"),
        b"--alt", part("text/watch-html", b"<p>Watch body</p>"),
        b"--alt--",
    ])
    assert parse_message(raw).text == "The HTML body"


def test_base64_html_only_message() -> None:
    email = EmailMessage()
    email["From"] = "Workday <wd-noreply@myworkday.com>"
    html = "<html><body><p>Dear Sam,</p><p>Thank you for your interest in Halvorsen.</p></body></html>"
    email.set_content(html, subtype="html", cte="base64")
    message = parse_message(email.as_bytes())

    assert b"Content-Transfer-Encoding: base64" in email.as_bytes()
    assert message.text == "Dear Sam,\n\nThank you for your interest in Halvorsen."


def test_iso_8859_1_quoted_printable_body() -> None:
    body = "Grüße aus München, señor. Prix: 50 €".encode("iso-8859-15")
    raw = simple("From: a@b.de\nContent-Type: text/plain; charset=ISO-8859-15\n"
                 "Content-Transfer-Encoding: 8bit", body)
    assert parse_message(raw).text == "Grüße aus München, señor. Prix: 50 €"


def test_latin1_label_reads_windows_1252_punctuation() -> None:
    body = "It\u2019s \u201cgreat\u201d \u2013 really".encode("cp1252")
    raw = simple("From: a@b.org\nContent-Type: text/plain; charset=iso-8859-1", body)
    message = parse_message(raw)
    assert message.text == "It’s “great” – really"
    assert message.defects == ()


@pytest.mark.parametrize(
    ("charset", "body", "expected"),
    [
        ("us-ascii", "José Muñoz".encode(), "José Muñoz"),  # declared ascii, really UTF-8
        ("utf-8", "café – déjà".encode("cp1252"), "café – déjà"),  # declared UTF-8, really 1252
        ("iso-8859-1", "naïve façade".encode(), "naïve façade"),  # declared latin-1, really UTF-8
    ],
)
def test_mislabelled_charsets_are_read_right_with_a_defect(
    charset: str, body: bytes, expected: str
) -> None:
    raw = simple(f"From: a@b.org\nContent-Type: text/plain; charset={charset}", body)
    message = parse_message(raw)
    assert message.text == expected
    assert "charset-mislabelled" in codes(message.defects)


def test_unknown_or_missing_charset_falls_back() -> None:
    unknown = parse_message(simple("From: a@b.org\nContent-Type: text/plain; charset=x-klingon",
                                   "Olá".encode()))
    missing = parse_message(simple("From: a@b.org", "Olá".encode("cp1252")))

    assert unknown.text == "Olá" and "charset-unknown" in codes(unknown.defects)
    assert missing.text == "Olá" and "charset-missing" in codes(missing.defects)


def test_mostly_valid_utf8_with_one_broken_byte_stays_utf8() -> None:
    body = "Grüße, Zoë, Renée and Chloé".encode() + b"\xff"
    message = parse_message(simple("From: a@b.org\nContent-Type: text/plain; charset=utf-8", body))
    assert message.text == "Grüße, Zoë, Renée and Chloé"
    assert "charset-invalid-bytes" in codes(message.defects)


def test_format_flowed_lines_are_joined() -> None:
    body = b"This is a long line that the sender's client \r\nwrapped for transport.\r\n-- \r\nSam"
    raw = simple("From: a@b.org\nContent-Type: text/plain; charset=utf-8; format=flowed", body)
    message = parse_message(raw)
    assert message.new_text == "This is a long line that the sender's client wrapped for transport."
    assert message.signature == "Sam"


# --- structure: attachments, related, forwarded --------------------------------------------


def test_text_attachments_are_listed_not_read() -> None:
    email = EmailMessage()
    email["From"] = "r@acme.io"
    email.set_content("Please find the job description attached.\n")
    email.add_attachment("Secret notes: rejected", filename="notes.txt")
    email.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf",
                         filename="Offer Letter – Sam.pdf")
    message = parse_message(email.as_bytes())

    assert message.text == "Please find the job description attached."
    assert message.attachments == ("notes.txt", "Offer Letter – Sam.pdf")


def test_rfc2231_and_rfc2047_file_names() -> None:
    mixed = b"\n".join([
        b'From: a@b.org\nContent-Type: multipart/mixed; boundary="xx"\n',
        b"--xx", part("text/plain", b"body"),
        b"--xx", part("application/pdf", b"JVBERi0=", "base64",
                      "Content-Disposition: attachment;\n filename*0*=utf-8''Lebenslauf%20J;\n"
                      " filename*1*=%C3%BCrgen.pdf"),
        b"--xx", part('application/octet-stream; name="=?utf-8?q?R=C3=A9sum=C3=A9.docx?="',
                      b"x", "base64"),
        b"--xx--",
    ])
    assert parse_message(mixed).attachments == ("Lebenslauf Jürgen.pdf", "Résumé.docx")


def test_inline_images_of_a_related_html_body_are_not_attachments() -> None:
    raw = b"\n".join([
        b'From: a@b.org\nContent-Type: multipart/related; boundary="rel"; type="text/html"\n',
        b"--rel", part("text/html; charset=utf-8", b'<p>Hi <img src="cid:image001.png@01DA"></p>'),
        b"--rel", part('image/png; name="image001.png"', b"iVBORw==", "base64",
                       'Content-Disposition: inline; filename="image001.png"\n'
                       "Content-ID: <image001.png@01DA>"),
        b"--rel", part("application/pdf", b"JVBERi0=", "base64",
                       'Content-Disposition: attachment; filename="agenda.pdf"'),
        b"--rel--",
    ])
    message = parse_message(raw)
    assert message.attachments == ("agenda.pdf",)
    assert message.text == "Hi"


def test_forwarded_message_attachment_is_quoted_text() -> None:
    inner = EmailMessage()
    inner["From"] = "Halcyon Talent <talent@halcyon.io>"
    inner["Subject"] = "Unfortunately..."
    inner["Date"] = "Tue, 10 Feb 2026 16:15:00 -0500"
    inner.set_content("We regret to inform you that we will not move forward.\n")
    outer = EmailMessage()
    outer["From"] = "Friend <friend@example.net>"
    outer["Subject"] = "Fwd: Unfortunately..."
    outer.set_content("Sorry to hear this, want to grab coffee?\n")
    outer.add_attachment(inner)
    message = parse_message(outer.as_bytes())

    assert message.new_text == "Sorry to hear this, want to grab coffee?"
    assert "We regret to inform you" in message.quoted_text
    assert "From: Halcyon Talent <talent@halcyon.io>" in message.quoted_text
    assert "We regret" in message.text


def test_message_without_mime_headers_is_plain_text() -> None:
    message = parse_message(b"From: a@b.org\n\nJust text.\n")
    assert message.text == message.new_text == "Just text."


def test_missing_blank_line_after_headers() -> None:
    message = parse_message(b"From: a@b.org\nSubject: hi\nThis line starts the body.\n")
    assert message.subject == "hi"
    assert message.text == "This line starts the body."
    assert "missing-header-separator" in codes(message.defects)


def test_mbox_from_line_is_skipped() -> None:
    message = parse_message(b"From a@b.org Tue Mar  3 10:00:00 2026\nFrom: a@b.org\n\nHi\n")
    assert message.sender == Address("", "a@b.org")


@pytest.mark.parametrize("raw", [b"", b"  \r\n\r\n ", b"\x00\xff\xfe binary \x01\x02 garbage"])
def test_nothing_readable_raises_mail_parse_error(raw: bytes) -> None:
    with pytest.raises(MailParseError):
        parse_message(raw)
