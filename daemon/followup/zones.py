"""The user's time zone: an IANA place name, checked with a did-you-mean.

Every due time is computed in this zone, so a name that parses but means the wrong thing is
as bad as a typo. `EST`, `MST`, `HST`, `GMT` and `Etc/GMT+5` are fixed offsets: they never
change for daylight saving, so someone in New York who writes `EST` gets drafts an hour off
for eight months of the year. The tz database keeps them, and old aliases such as
`US/Eastern` or `Japan`, only for backward compatibility ("backward" file of the tz
database: "links for backward compatibility"; tz-link.html: "use a location-based name such
as America/New_York"). They are refused here, each with the place name to use instead.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Areas of the tz database whose names are places (tz-link.html, "Time zone names").
PLACE_AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
               "Europe", "Indian", "Pacific")
UTC_NAMES = ("UTC", "Etc/UTC")

# Fixed offsets people write for a region that has daylight saving: what they most likely
# meant, and the place with the same offset all year for those who really mean that.
FIXED_OFFSETS = {
    "EST": "America/New_York (Eastern time, with daylight saving), or America/Panama for "
           "UTC-5 all year",
    "MST": "America/Denver (Mountain time, with daylight saving), or America/Phoenix for "
           "Arizona's UTC-7 all year",
    "HST": "Pacific/Honolulu",
    "GMT": "Europe/London (UK time, with summer time), or UTC",
}
# Old rule names with daylight saving whose data is not byte for byte one place's.
OLD_RULES = {
    "EST5EDT": "America/New_York", "CST6CDT": "America/Chicago",
    "MST7MDT": "America/Denver", "PST8PDT": "America/Los_Angeles",
    "CET": "the zone of your city, such as Europe/Berlin or Europe/Paris",
    "MET": "the zone of your city, such as Europe/Berlin or Europe/Paris",
    "EET": "the zone of your city, such as Europe/Athens or Europe/Helsinki",
    "WET": "the zone of your city, such as Europe/Lisbon",
}


def zone_problem(name: str) -> str | None:
    """None if `name` is an IANA place name (or UTC); else what is wrong and what to write
    instead, e.g. "'EST' is a fixed offset ...; use America/New_York ...".

    Pure apart from reading the tz database that ships with Python's `tzdata`.
    """
    text = name.strip()
    if text in UTC_NAMES:
        return None
    if text.upper() in FIXED_OFFSETS or text.upper().startswith(("ETC/GMT", "GMT")):
        meant = FIXED_OFFSETS.get(text.upper(), FIXED_OFFSETS["GMT"] if text.upper() in (
            "GMT0", "GMT+0", "GMT-0", "ETC/GMT", "ETC/GMT0", "ETC/GMT+0", "ETC/GMT-0")
            else "the name of your city's zone, such as Europe/Berlin or America/Chicago")
        return (f"{text!r} is a fixed offset from UTC that never changes for daylight "
                f"saving, so due times would be an hour off for part of the year; use "
                f"{meant}")
    if _exists(text):
        if text.split("/")[0] in PLACE_AREAS:
            return None
        target = _links().get(text, "")
        if text.upper() in OLD_RULES:
            instead = OLD_RULES[text.upper()]
        elif target in UTC_NAMES:
            instead = "UTC"
        elif target.split("/")[0] in PLACE_AREAS:
            instead = target
        else:
            instead = "a place name such as Europe/Berlin or America/New_York"
        return f"{text!r} is an old alias kept for backward compatibility; use {instead}"
    close = suggestions(text)
    hint = f"; did you mean {close[0]!r}?" if close else \
        "; use an IANA name such as Europe/Berlin or America/New_York"
    return f"unknown time zone {text!r}{hint}"


def suggestions(text: str) -> list[str]:
    """Place names close to `text` (case and spelling), best first."""
    places = sorted(n for n in available_timezones() if n.split("/")[0] in PLACE_AREAS)
    lowered = {n.lower(): n for n in places}
    if text.lower() in lowered:
        return [lowered[text.lower()]]
    spaced = text.replace(" ", "_")
    close = difflib.get_close_matches(spaced.lower(), list(lowered), n=3, cutoff=0.75)
    if not close and "/" not in spaced:  # a city alone: "Aukland" -> Pacific/Auckland
        cities = {n.rsplit("/", 1)[-1].lower(): n for n in places}
        close = [cities[c] for c in difflib.get_close_matches(spaced.lower(), list(cities),
                                                               n=3, cutoff=0.8)]
        return close
    return [lowered[c] for c in close]


def _exists(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@lru_cache(maxsize=None)
def _links() -> dict[str, str]:
    """{alias: target} from the link lines (`L TARGET ALIAS`) of tzdata's tzdata.zi."""
    try:
        text = resources.files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text("utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    links = {}
    for line in text.splitlines():
        if line.startswith("L "):
            parts = line.split()
            if len(parts) == 3:
                links[parts[2]] = parts[1]
    return links
