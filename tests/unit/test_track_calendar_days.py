"""Business days and wall-clock times in the user's timezone, across DST changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from followup.track.calendar_days import (
    add_business_days,
    add_hours,
    add_local_days,
    at_local_time,
    business_day_on_or_after,
    business_morning_after_date,
    business_morning_on_or_after,
    is_business_day,
    next_business_day,
)

from .test_track_builders import SAM, at

HOLIDAY_MONDAY = replace(SAM, holidays=(date(2026, 3, 9),))


def test_business_days_skip_weekends_and_holidays() -> None:
    assert is_business_day(date(2026, 3, 6), SAM)  # Friday
    assert not is_business_day(date(2026, 3, 7), SAM)
    assert next_business_day(date(2026, 3, 6), SAM) == date(2026, 3, 9)
    assert next_business_day(date(2026, 3, 6), HOLIDAY_MONDAY) == date(2026, 3, 10)
    assert business_day_on_or_after(date(2026, 3, 4), SAM) == date(2026, 3, 4)
    assert add_business_days(date(2026, 3, 5), 2, SAM) == date(2026, 3, 9)
    assert add_business_days(date(2026, 3, 5), 2, HOLIDAY_MONDAY) == date(2026, 3, 10)


def test_custom_working_days() -> None:
    sunday_to_thursday = replace(SAM, working_days=(6, 0, 1, 2, 3))
    assert next_business_day(date(2026, 3, 5), sunday_to_thursday) == date(2026, 3, 8)


def test_no_working_days_is_an_error() -> None:
    with pytest.raises(ValueError):
        next_business_day(date(2026, 3, 5), replace(SAM, working_days=()))


def test_local_times_are_wall_times_across_dst() -> None:
    before, after = at_local_time(date(2026, 3, 6), 9, SAM), at_local_time(date(2026, 3, 9),
                                                                           9, SAM)
    assert before.astimezone(UTC).hour == 14  # EST
    assert after.astimezone(UTC).hour == 13  # EDT
    skipped = at_local_time(date(2026, 3, 8), 2, SAM, minute=30)  # does not exist
    assert (skipped.hour, skipped.minute, skipped.utcoffset()) == (3, 30, timedelta(hours=-4))
    repeated = at_local_time(date(2026, 11, 1), 1, SAM, minute=30)  # happens twice
    assert repeated.utcoffset() == timedelta(hours=-4)


def test_calendar_days_keep_the_wall_clock_and_hours_are_elapsed_time() -> None:
    friday = at(2026, 3, 6, 15)
    moved = add_local_days(friday, 10, SAM)
    assert (moved.date(), moved.hour) == (date(2026, 3, 16), 15)
    assert moved.astimezone(UTC) - friday.astimezone(UTC) == timedelta(days=10, hours=-1)
    late_night = at(2026, 3, 8, 1)
    assert add_hours(late_night, 2, SAM) == datetime(2026, 3, 8, 8, tzinfo=UTC)
    assert add_hours(late_night, 2, SAM).hour == 4


def test_business_mornings() -> None:
    assert business_morning_on_or_after(at(2026, 3, 7, 14), 9, SAM) == at(2026, 3, 9, 9)
    assert business_morning_on_or_after(at(2026, 3, 3, 8), 9, SAM) == at(2026, 3, 3, 9)
    assert business_morning_on_or_after(at(2026, 3, 3, 9), 9, SAM) == at(2026, 3, 3, 9)
    assert business_morning_on_or_after(at(2026, 3, 3, 14), 9, SAM) == at(2026, 3, 4, 9)
    assert business_morning_on_or_after(at(2026, 3, 6, 14), 9, HOLIDAY_MONDAY) \
        == at(2026, 3, 10, 9)
    assert business_morning_after_date(date(2026, 3, 6), 9, SAM) == at(2026, 3, 9, 9)
    assert business_morning_after_date(date(2026, 3, 4), 9, SAM) == at(2026, 3, 5, 9)


def test_other_zones() -> None:
    berlin = replace(SAM, timezone="Europe/Berlin")
    morning = business_morning_on_or_after(at(2026, 3, 28, 12), 9, berlin)  # Sat, NY noon
    assert morning.astimezone(UTC) == datetime(2026, 3, 30, 7, tzinfo=UTC)  # CEST after DST
