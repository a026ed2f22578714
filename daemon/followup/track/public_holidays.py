"""Public holidays of the user's country and region (SPEC.md §5: business days), from the
`holidays` library, and the country a time zone belongs to.

The country defaults to the one IANA's `zone.tab` gives the user's time zone
(America/New_York → US, Europe/Berlin → DE); zones shared by several countries or by
none (UTC, Etc/GMT+5) give no country and so no public holidays. The subdivision has no
default: a zone such as America/New_York spans many states, and the national holidays are
the safe guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources

import holidays


@lru_cache(maxsize=1)
def _zone_countries() -> Mapping[str, str]:
    """{IANA zone: ISO 3166 alpha-2 code} from zone.tab, shipped by the `tzdata` package
    (one country per zone, unlike zone1970.tab which lists several)."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - tzdata is a dependency
        return {}
    found: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            found[fields[2].strip()] = fields[0].strip().upper()
    return found


def country_of_zone(zone: str) -> str | None:
    """The country a time zone is the local time of, or None (UTC, Etc/*, unknown)."""
    return _zone_countries().get(zone)


@lru_cache(maxsize=1)
def _country_names() -> Mapping[str, str]:
    """{casefolded country name: code} from iso3166.tab (shipped by `tzdata`)."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover
        return {}
    names: dict[str, str] = {}
    for line in text.splitlines():
        code, _, name = line.partition("\t")
        if not line.startswith("#") and name.strip():
            names[name.strip().casefold()] = code.strip().upper()
    return names


def country_code_of_name(name: str) -> str | None:
    """The ISO code of a country written by name ("Germany" → DE), or None."""
    return _country_names().get(name.strip().casefold())


def supported_countries() -> Mapping[str, Sequence[str]]:
    """{country code: its subdivision codes} that the `holidays` library knows."""
    return holidays.list_supported_countries(include_aliases=False)


def effective_country(country: str | None, zone: str) -> str | None:
    """The country whose holidays count: the configured one ("" means none), else the time
    zone's, when the library knows it."""
    if country is not None:
        return country.upper() or None
    guessed = country_of_zone(zone)
    return guessed if guessed in supported_countries() else None


@lru_cache(maxsize=64)
def _calendar(country: str, subdivision: str | None) -> holidays.HolidayBase:
    # `country_holidays` expands years lazily as dates are looked up (expand=True).
    return holidays.country_holidays(country, subdiv=subdivision)


def is_public_holiday(day: date, country: str | None, subdivision: str | None) -> bool:
    """True when `day` is a public holiday of `country` (and `subdivision`).

    Raises NotImplementedError (from the library) for an unknown country or subdivision:
    the configuration is validated before this is ever called."""
    if not country:
        return False
    return day in _calendar(country, subdivision or None)


def holiday_name(day: date, country: str | None, subdivision: str | None) -> str | None:
    """The name of the public holiday on `day`, or None."""
    if not country:
        return None
    name = _calendar(country, subdivision or None).get(day)
    return str(name) if name else None
