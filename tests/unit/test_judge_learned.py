"""The learned second opinion (judge/learned.py): trained by bench/train_learned.py, used only
where the rules say "other" unsure, and never sure itself (issue 12)."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.judge import learned
from followup.judge.classify import judge_message
from followup.judge.learned import Model, features, train
from followup.judge.model import INBOUND_KINDS, SURE_THRESHOLD
from followup.mail.parse import parse_message

ME = ["sam.rivera@example.org"]
ROOT = Path(__file__).resolve().parents[2]


def _raw(subject: str, body: str, sender: str = "Pat Doe <pat@quillon.example>") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Sam Rivera <sam.rivera@example.org>"
    message["Subject"] = subject
    message["Date"] = "Tue, 03 Mar 2026 10:00:00 -0500"
    message["Message-ID"] = "<m1@quillon.example>"
    message.set_content(body)
    return message.as_bytes()


# Made-up words, so that the rules cannot read them and only a model trained on them can.
_TOY_ROWS = [(features("zorblat", "the zorblat frindle of your application is done",
                       "quillon.example"), "status_update")
             for _ in range(6)] + \
            [(features("weekly digest", "ten new posts on the blog this week", "news.example"),
              "other") for _ in range(6)]


def test_features_are_words_bigrams_and_domain_parts() -> None:
    grams = features("Your Application", "We regret", "mail.greenhouse.io")
    assert {"your", "application", "your application", "we regret", "@greenhouse", "@io"} \
        <= set(grams)


def test_a_model_survives_its_file_format() -> None:
    model = train(_TOY_ROWS)
    again = Model.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model
    grams = features("zorblat", "a zorblat frindle", "")
    assert again.predict(grams) == model.predict(grams)
    assert model.predict(grams)[0] == "status_update" and model.predict(grams)[1] > 0.9


def test_rare_grams_are_left_out_of_the_model() -> None:
    rows = _TOY_ROWS + [(features("", "uniqueword", ""), "other")]
    assert "uniqueword" not in train(rows).grams
    assert "zorblat" in train(rows).grams


def test_the_shipped_model_knows_every_inbound_kind_and_is_small() -> None:
    model = learned.shipped()
    assert model is not None
    assert set(model.kinds) == set(INBOUND_KINDS)
    size = (ROOT / "daemon" / "followup" / "judge" / learned.MODEL_FILE).stat().st_size
    assert size < 2_500_000  # 2.0 MB after session 6 (1,549 real messages behind it)
    # A plain rejection in wording the model has seen many times.
    kind, probability = model.predict(features(
        "Your application", "Unfortunately we have decided not to move forward with your "
        "application. We wish you the best in your search.", "acme.example"))
    assert kind == "rejection" and probability > 0.9


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> Model:
    model = train(_TOY_ROWS)
    monkeypatch.setattr(learned, "shipped", lambda: model)
    return model


def test_what_the_rules_cannot_place_takes_the_models_reading_but_stays_unsure(
        toy_model: Model) -> None:
    message = parse_message(_raw("zorblat", "Hello Sam,\n\nthe zorblat frindle of your "
                                            "application is done.\n"))
    judgement = judge_message(message, ME)
    assert judgement.kind == "status_update"
    assert judgement.confidence < SURE_THRESHOLD and judgement.for_review
    assert any("model learned from labelled mail" in signal.name
               for signal in judgement.signals)
    rules_only = judge_message(message, ME, second_opinion=False)
    assert rules_only.kind == "other"


def test_the_model_never_overrides_what_the_rules_decided(toy_model: Model) -> None:
    # The rules read an invitation; the toy model would call it a status update.
    message = parse_message(_raw(
        "Interview invitation - zorblat",
        "Hi Sam,\n\nWe would like to invite you to an interview for the Data Engineer role. "
        "Please share your availability for next week. The zorblat frindle is done.\n"))
    assert judge_message(message, ME).kind == "interview_invitation"


def test_mail_the_rules_know_is_not_recruiting_never_asks_the_model(toy_model: Model) -> None:
    # Bulk mail is the rules' own evidence of "other": the model is not asked.
    raw = _raw("zorblat", "Hello Sam,\n\nthe zorblat frindle of your application is done.\n")
    raw = b"List-Unsubscribe: <mailto:unsubscribe@quillon.example>\r\nPrecedence: bulk\r\n" + raw
    assert judge_message(parse_message(raw), ME).kind == "other"


def test_mail_about_nothing_to_do_with_hiring_never_asks_the_model(toy_model: Model) -> None:
    message = parse_message(_raw("zorblat", "Hello Sam,\n\nthe zorblat frindle is done.\n"))
    assert judge_message(message, ME).kind == "other"


def test_the_model_never_proposes_an_offer(monkeypatch: pytest.MonkeyPatch) -> None:
    # An invented offer is the worst mistake: a model sure of an offer is not heard.
    model = train([(grams, "offer") for grams, _ in _TOY_ROWS[:6]] + _TOY_ROWS[6:])
    monkeypatch.setattr(learned, "shipped", lambda: model)
    message = parse_message(_raw("zorblat", "Hello Sam,\n\nthe zorblat frindle of your "
                                            "application is done.\n"))
    assert model.predict(features(message.subject, message.new_text, ""))[0] == "offer"
    assert judge_message(message, ME).kind == "other"
    assert "offer" not in learned.PROPOSES


def test_a_rejection_the_model_proposes_is_never_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    # Chosen by grouped CV (bench/cv_judge.py): unknown rejection wording is the largest
    # loss, so the model may name a rejection the rules cannot place; the user confirms it.
    model = train([(grams, "rejection") for grams, _ in _TOY_ROWS[:6]] + _TOY_ROWS[6:])
    monkeypatch.setattr(learned, "shipped", lambda: model)
    message = parse_message(_raw("zorblat", "Hello Sam,\n\nthe zorblat frindle of your "
                                            "application is done.\n"))
    judgement = judge_message(message, ME)
    assert judgement.kind == "rejection"
    assert not judgement.sure and judgement.for_review
    assert learned.PROPOSES["rejection"] > max(
        needed for kind, needed in learned.PROPOSES.items() if kind != "rejection")


def test_the_users_own_mail_never_asks_the_model(toy_model: Model) -> None:
    message = parse_message(_raw("zorblat", "the zorblat frindle is done",
                                 sender="Sam Rivera <sam.rivera@example.org>"))
    assert judge_message(message, ME).direction == "sent"
    assert judge_message(message, ME).kind.startswith("user_")


def test_without_a_shipped_model_the_rules_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "shipped", lambda: None)
    message = parse_message(_raw("zorblat", "the zorblat frindle of your application is done"))
    assert judge_message(message, ME).kind == "other"


def test_the_models_doubt_weighs_an_interview_proposed_and_set_together() -> None:
    """The model tells a proposed interview from a set one less well than the rules, and
    both lead to the same drafts: reading the neighbour is no doubt; reading another kind is."""
    from followup.judge.classify import DOUBTED, with_second_opinion

    reads_set = {"interview_scheduled": 0.9, "interview_invitation": 0.05, "other": 0.05}
    kind, confidence, _ = with_second_opinion("interview_invitation", 0.97, [], reads_set)
    assert (kind, confidence) == ("interview_invitation", 0.97)
    reads_other = {"other": 0.9, "interview_invitation": 0.05, "interview_scheduled": 0.05}
    kind, confidence, signals = with_second_opinion("interview_invitation", 0.97, [],
                                                    reads_other)
    assert kind == "interview_invitation" and confidence == DOUBTED < SURE_THRESHOLD
    assert "doubts" in signals[-1].name
    reads_invitation = {"interview_invitation": 0.9, "rejection": 0.05, "other": 0.05}
    _, confidence, _ = with_second_opinion("rejection", 0.97, [], reads_invitation)
    assert confidence == DOUBTED
