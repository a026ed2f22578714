"""The reader of every draft (tests/draft_audit.py) catches what issue 13 found in real
drafts: each bad draft below is one the suites must never produce."""

from __future__ import annotations

import pytest

from draft_audit import SeenDraft, audit

GOOD = ("Hi Rosa,\n\nThank you for the final-round conversation for the Senior Backend "
        "Engineer role at Brackenridge Software on Thursday, March 5. I especially valued "
        "your view of the work as Engineering Manager.\n\nKind regards,\nSam Rivera\n")
THREAD = ("Hi Sam,\n\nThanks for applying for the Senior Backend Engineer role. You'll meet "
          "Rosa Diaz, Engineering Manager, on Thursday.\n\n"
          "Lydia Chen, Head of Quant Engineering, joins too.",)


def seen(text: str, **kwargs: object) -> SeenDraft:
    values: dict[str, object] = {"where": "test", "text": text, "subject": "Thank you",
                                 "recipient_names": ["Rosa Diaz"], "language": "en",
                                 "thread_texts": THREAD, "user_name": "Sam Rivera"}
    values.update(kwargs)
    return SeenDraft(**values)  # type: ignore[arg-type]


def test_a_good_draft_passes() -> None:
    assert audit(seen(GOOD)) == []


@pytest.mark.parametrize("bad, found", [
    (GOOD.replace("Senior Backend Engineer role", "VPNfkUDD2tTld6GVW6TrtxwBj3bXCsK0auV4fzJ role"),
     "token from a link"),
    (GOOD.replace("Senior Backend Engineer role", "Engineering Manager role"),
     "person's title written as the job"),
    (GOOD.replace("Senior Backend Engineer role", "Head of Quant Engineering role"),
     "person's title written as the job"),
    (GOOD.replace("at Brackenridge Software on", "at Brackenridge Software final round on"),
     "glued to the company"),
    (GOOD.replace("Senior Backend Engineer role", "Senior Backend Engineer (Brackenridge) role"),
     "company written into the role"),
    (GOOD.replace("Hi Rosa,", "Hi Dr.,"), "title, not a person"),
    (GOOD.replace("Hi Rosa,", "Hello,"), "without a name"),
    (GOOD.replace("Senior Backend Engineer", "{{ role }}"), "placeholder"),
    (GOOD.replace("Senior Backend Engineer", "None"), "placeholder"),
    (GOOD.replace("Senior Backend Engineer role", "Sam Rivera role"), "own name"),
    (GOOD.replace("Thank you for", "Thank you " + "very " * 150 + "much for"), "words"),
])
def test_a_bad_draft_is_caught(bad: str, found: str) -> None:
    problems = audit(seen(bad))
    assert any(found in problem for problem in problems), problems


def test_a_draft_in_another_language_than_the_thread_is_caught() -> None:
    assert any("not in the thread's language 'de'" in problem
               for problem in audit(seen(GOOD, thread_language="de")))
    german = ("Hallo Rosa,\n\nvielen Dank für das Gespräch über die Stelle bei Brackenridge. "
              "Ich habe mich sehr gefreut, Sie und das Team kennenzulernen, und bin gespannt "
              "auf die nächsten Schritte.\n\nViele Grüße\nSam Rivera\n")
    assert audit(seen(german, language="de", thread_language="de")) == []
    assert any("not in its own language" in problem
               for problem in audit(seen(german, language="en")))


def test_a_job_the_thread_never_names_is_caught() -> None:
    thread = ("Subject: Interview\nThanks for applying for the Senior Backend Engineer role.",)
    assert audit(seen(GOOD, thread_texts=thread)) == []
    invented = GOOD.replace("Senior Backend Engineer role", "Senior Frontend Engineer role")
    assert any("never names" in problem for problem in audit(seen(invented,
                                                                  thread_texts=thread)))
