"""Words for dates and times in English, German, French and Spanish, and time-zone names.

The words are each language's (`followup.words`); here they are joined into the tables
`followup.judge.dates` and `followup.judge.deadlines` build their patterns from.
"""

from __future__ import annotations

from followup.words import BY_LANGUAGE

_LANGUAGES = tuple(BY_LANGUAGE.values())

# Every spelling of a month or weekday, with its number (January 1, Monday 0), month by
# month and English first, as `followup.words` lists them.
MONTHS: dict[str, int] = {
    name: number
    for number, spellings in enumerate(zip(*(language.MONTH_SPELLINGS
                                             for language in _LANGUAGES), strict=True), start=1)
    for names in spellings for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, spellings in enumerate(zip(*(language.WEEKDAY_SPELLINGS
                                             for language in _LANGUAGES), strict=True))
    for names in spellings for name in names
}
RELATIVE_DAYS: dict[str, int] = {
    word: offset
    for offset in range(3) for language in _LANGUAGES
    for word, days in language.RELATIVE_DAYS.items() if days == offset
}
NUMBER_WORDS: dict[str, int] = {
    word: number for language in _LANGUAGES for word, number in language.NUMBER_WORDS.items()
}

# Zone names people write after a time, mapped to IANA zones (so PT follows DST) or to a
# fixed offset in minutes. Checked longest first.
ZONES: dict[str, str | int] = {
    "pacific time": "America/Los_Angeles", "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "mountain time": "America/Denver", "mountain": "America/Denver",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "central time": "America/Chicago", "central": "America/Chicago",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "eastern time": "America/New_York", "eastern": "America/New_York",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "central european time": "Europe/Berlin", "central european summer time": "Europe/Berlin",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin", "berlin time": "Europe/Berlin", "paris time": "Europe/Paris",
    "heure de paris": "Europe/Paris", "hora de madrid": "Europe/Madrid",
    "hora peninsular": "Europe/Madrid", "london time": "Europe/London",
    "uk time": "Europe/London", "bst": "Europe/London", "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon", "eet": "Europe/Athens", "eest": "Europe/Athens",
    "ist": "Asia/Kolkata", "sgt": "Asia/Singapore", "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "gmt": 0, "utc": 0, "z": 0,
    # Cities people name for a zone ("11:00 in New York", "16h heure de Montréal").
    "new york": "America/New_York", "nueva york": "America/New_York",
    "new york time": "America/New_York", "boston": "America/New_York",
    "toronto": "America/Toronto", "montreal": "America/Toronto", "montréal": "America/Toronto",
    "heure de montréal": "America/Toronto", "heure de l'est": "America/Toronto",
    "chicago": "America/Chicago", "denver": "America/Denver",
    "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles", "mexico city": "America/Mexico_City",
    "ciudad de méxico": "America/Mexico_City", "cdmx": "America/Mexico_City",
    "hora del centro": "America/Mexico_City", "hora centro": "America/Mexico_City",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "hora de buenos aires": "America/Argentina/Buenos_Aires",
    "hora argentina": "America/Argentina/Buenos_Aires",
    "london": "Europe/London", "londres": "Europe/London", "paris": "Europe/Paris",
    "berlin": "Europe/Berlin", "deutscher zeit": "Europe/Berlin",
    "deutsche zeit": "Europe/Berlin", "madrid": "Europe/Madrid", "wien": "Europe/Vienna",
    "vienna": "Europe/Vienna", "zürich": "Europe/Zurich", "zurich": "Europe/Zurich",
    "amsterdam": "Europe/Amsterdam", "bruxelles": "Europe/Brussels",
    "brussels": "Europe/Brussels",
}
