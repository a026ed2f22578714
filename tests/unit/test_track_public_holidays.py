"""Business days with real public holidays (issue 13 point 6): the `holidays` library,
country and subdivision from the config, a default from the time zone, the configured days
off on top; bad values reported with the key and a did-you-mean."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from followup.config import parse_config
from followup.config_model import UserConfig
from followup.errors import ConfigError
from followup.track.calendar_days import business_morning_after_date, is_business_day
from followup.track.public_holidays import country_of_zone, effective_country

THANKSGIVING = date(2026, 11, 26)
BASE = {
    "user": {"name": "Sam Rivera", "addresses": ["sam.rivera@example.org"],
             "timezone": "America/New_York"},
    "accounts": [{"name": "personal", "backend": "imap", "host": "imap.example.org",
                  "username": "sam", "password_file": "~/pw"}],
}


def user_config(**user: object) -> UserConfig:
    return parse_config(yaml.safe_dump({**BASE, "user": {**BASE["user"], **user}})).user


def problems(**user: object) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        user_config(**user)
    return caught.value.problems


def test_a_new_york_user_does_not_work_on_thanksgiving_by_default() -> None:
    user = user_config()
    assert user.country is None and effective_country(None, user.timezone) == "US"
    assert not is_business_day(THANKSGIVING, user)
    assert is_business_day(date(2026, 11, 27), user)  # the day after is not a US holiday
    due = business_morning_after_date(date(2026, 11, 25), 9, user)
    assert due == datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def test_the_zone_gives_the_country_and_a_configured_country_wins() -> None:
    assert country_of_zone("Europe/Berlin") == "DE" and country_of_zone("UTC") is None
    berlin = user_config(timezone="Europe/Berlin")
    assert not is_business_day(date(2026, 10, 3), berlin)  # Tag der Deutschen Einheit
    assert is_business_day(THANKSGIVING, berlin)
    in_the_uk = user_config(country="gb", subdivision="sct")  # case does not matter
    assert (in_the_uk.country, in_the_uk.subdivision) == ("GB", "SCT")
    assert is_business_day(THANKSGIVING, in_the_uk)
    assert not is_business_day(date(2026, 11, 30), in_the_uk)  # St Andrew's Day (Scotland)


def test_a_subdivision_adds_its_own_holidays() -> None:
    bavaria = user_config(timezone="Europe/Berlin", subdivision="BY")
    berlin = user_config(timezone="Europe/Berlin")
    epiphany = date(2026, 1, 6)  # a Tuesday; a holiday in Bavaria, not in Berlin
    assert not is_business_day(epiphany, bavaria) and is_business_day(epiphany, berlin)


def test_configured_days_off_still_count_and_none_turns_public_holidays_off() -> None:
    user = user_config(country="none", holidays=["2026-11-27"])
    assert user.country == ""
    assert is_business_day(THANKSGIVING, user)
    assert not is_business_day(date(2026, 11, 27), user)
    utc_user = user_config(timezone="UTC")  # no country for UTC: weekdays only
    assert is_business_day(THANKSGIVING, utc_user)


def test_a_wrong_country_or_subdivision_names_the_key_and_a_fix() -> None:
    assert problems(country="Germany") == [
        "config.yaml: user.country: unknown country 'Germany' (did you mean 'DE'?); use an "
        "ISO 3166 code such as US, DE, FR, ES, GB, or 'none'"]
    [found] = problems(subdivision="NYC")
    assert found.startswith("config.yaml: user.subdivision: US has no subdivision 'NYC' "
                            "(did you mean 'NY'?)")
    [found] = problems(timezone="UTC", subdivision="NY")
    assert "user.subdivision: 'NY' needs a country; set user.country" in found


def test_the_demo_status_check_skips_thanksgiving(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from followup.demo.run import run_demo

    today = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    with open(tmp_path / "demo.txt", "w") as transcript:
        result = run_demo(tmp_path / "drafts", 14, console=Console(file=transcript, width=200),
                          today=today)
    checks = [draft.made_at for draft in result.drafts if draft.kind == "status_check"]
    assert result.start.date() == date(2026, 11, 16)
    assert [moment.date() for moment in checks] == [date(2026, 11, 27)]  # not Thu 26 Nov


def test_check_config_says_whose_holidays_count() -> None:
    from followup.config import summary

    config = parse_config(yaml.safe_dump({**BASE, "user": {
        **BASE["user"], "subdivision": "NY", "holidays": ["2026-12-24"]}}))
    assert "business days: working days less the public holidays of US-NY and 1 day(s) off " \
        "of your own" in summary(config)
