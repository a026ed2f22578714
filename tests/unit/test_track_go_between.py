"""Session 7 (blind scenario 93): an agency's consultant runs the process for a client whose
manager interviews. The thank-you goes to the interviewer; a status check to the go-between
who ran the process. Examples in our own words."""

from __future__ import annotations

from followup.judge.model import Person
from followup.track.applications import contacts_of

from .test_track_builders import MARIA, SAM, at, record

CONSULTANT = Person("Pia Lund", "pia@keystone-search.example")


def test_the_go_between_who_wrote_comes_before_the_clients_interviewer() -> None:
    records = [
        record("application_received", at(2026, 3, 2), sender=CONSULTANT,
               company="Northwind Labs"),
        record("interview_scheduled", at(2026, 3, 5), sender=MARIA, company="Northwind Labs",
               start=at(2026, 3, 12), interviewers=(MARIA,)),
    ]
    contacts = contacts_of(records, SAM, "Northwind Labs")
    assert [p.email for p in contacts][:2] == [CONSULTANT.email, MARIA.email]
    # without the company known, the newest writer comes first as before
    assert contacts_of(records, SAM)[0].email == MARIA.email


def test_no_go_between_when_everyone_writes_from_the_employer() -> None:
    colleague = Person("Dana Kim", "dana.kim@northwindlabs.com")
    records = [
        record("application_received", at(2026, 3, 2), sender=colleague,
               company="Northwind Labs"),
        record("interview_scheduled", at(2026, 3, 5), sender=MARIA, company="Northwind Labs",
               start=at(2026, 3, 12), interviewers=(MARIA,)),
    ]
    assert contacts_of(records, SAM, "Northwind Labs")[0].email == MARIA.email


def test_an_agency_alone_is_no_go_between() -> None:
    records = [record("status_update", at(2026, 3, 2), sender=CONSULTANT,
                      company="Northwind Labs")]
    assert contacts_of(records, SAM, "Northwind Labs")[0].email == CONSULTANT.email


def test_latin_american_company_domains_and_job_boards() -> None:
    """Blind scenario 75: cafeandino.com.co is Café Andino's own domain (not "com.co"), and
    a Computrabajo receipt comes from a job board, whose name is no employer."""
    from followup.mail.senders import employer_domain, is_job_board

    assert employer_domain("andres@cafeandino.com.co") == "cafeandino.com.co"
    assert employer_domain("rrhh@ferreteria.com.pe") == "ferreteria.com.pe"
    assert is_job_board("computrabajo.com") and is_job_board("mail.bumeran.com.ar")
    assert employer_domain("noreply@computrabajo.com") is None
