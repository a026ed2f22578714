"""Business days and local wall-clock times in the user's timezone.

A business day is a configured working day that is not a public holiday of the user's
country and region (the `holidays` library, see `public_holidays`) nor a configured day off.

Every local time is built as a wall time (date + hour in the user's zone) and only then
turned into an instant, so 09:00 stays 09:00 across a DST change. "N calendar days later"
is counted on the wall clock too (10 days after 15:00 is 15:00), while durations in hours
(2 h after an interview) are real elapsed time and are added in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup.config_model import UserConfig
from followup.track.public_holidays import effective_country, is_public_holiday

_MAX_SEARCH_DAYS = 366  # a year of holidays would be a configuration error


def user_zone(user: UserConfig) -> ZoneInfo:
    """The user's configured timezone."""
    return ZoneInfo(user.timezone)


def local(instant: datetime, user: UserConfig) -> datetime:
    """An aware instant shown in the user's timezone."""
    return instant.astimezone(user_zone(user))


def local_date(instant: datetime, user: UserConfig) -> date:
    """The user's calendar date at `instant`."""
    return local(instant, user).date()


def is_business_day(day: date, user: UserConfig) -> bool:
    """True for a configured working day that is neither a public holiday of the user's
    country and subdivision (`public_holidays`) nor one of their configured days off."""
    if day.weekday() not in user.working_days or day in user.holidays:
        return False
    country = effective_country(user.country, user.timezone)
    return not is_public_holiday(day, country, user.subdivision if country else None)


def business_day_on_or_after(day: date, user: UserConfig) -> date:
    """`day` itself if it is a business day, else the next business day.

    Raises ValueError when no business day falls within a year (no working days set)."""
    for offset in range(_MAX_SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if is_business_day(candidate, user):
            return candidate
    raise ValueError("no business day within a year: check working_days and holidays")


def next_business_day(day: date, user: UserConfig) -> date:
    """The first business day strictly after `day`."""
    return business_day_on_or_after(day + timedelta(days=1), user)


def add_business_days(day: date, count: int, user: UserConfig) -> date:
    """The business day `count` business days after `day` (count >= 0; 0 gives the
    business day on or after `day`)."""
    result = business_day_on_or_after(day, user)
    for _ in range(count):
        result = next_business_day(result, user)
    return result


def at_local_time(day: date, hour: int, user: UserConfig, minute: int = 0) -> datetime:
    """`day` at hour:minute on the user's wall clock, as an aware datetime in their zone.

    A wall time that does not exist (skipped by a DST change) moves forward by the gap; an
    ambiguous one (repeated) takes its first occurrence."""
    zone = user_zone(user)
    wall = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return wall.astimezone(UTC).astimezone(zone)


def add_local_days(instant: datetime, days: int, user: UserConfig) -> datetime:
    """`days` calendar days after `instant` at the same wall-clock time in the user's zone."""
    wall = local(instant, user)
    moved = datetime.combine(wall.date() + timedelta(days=days), wall.timetz().replace(
        tzinfo=None), tzinfo=user_zone(user))
    return moved.astimezone(UTC).astimezone(user_zone(user))


def add_hours(instant: datetime, hours: float, user: UserConfig) -> datetime:
    """Real elapsed time after `instant`, shown in the user's zone."""
    return (instant.astimezone(UTC) + timedelta(hours=hours)).astimezone(user_zone(user))


def business_time_on_or_after(instant: datetime, hour: int, user: UserConfig) -> datetime:
    """`instant` itself when it falls on a business day at or after `hour`:00, else the
    first `hour`:00 on a business day after it (Thursday 09:15 stays; Thursday 07:00 →
    Thursday 09:00; Saturday 14:00 → Monday 09:00)."""
    wall = local(instant, user)
    if is_business_day(wall.date(), user) and wall >= at_local_time(wall.date(), hour, user):
        return wall
    return business_morning_on_or_after(instant, hour, user)


def business_morning_on_or_after(instant: datetime, hour: int, user: UserConfig) -> datetime:
    """The first `hour`:00 on a business day at or after `instant` (Saturday 14:00 →
    Monday 09:00; Tuesday 08:00 → Tuesday 09:00; Tuesday 14:00 → Wednesday 09:00)."""
    day = local_date(instant, user)
    while True:
        day = business_day_on_or_after(day, user)
        candidate = at_local_time(day, hour, user)
        if candidate >= instant:
            return candidate
        day += timedelta(days=1)


def business_morning_after_date(day: date, hour: int, user: UserConfig) -> datetime:
    """`hour`:00 on the first business day strictly after `day` (a stated decision date)."""
    return at_local_time(next_business_day(day, user), hour, user)
