"""Words for dates and times in English, German, French and Spanish, and time-zone names.

Data only; `followup.judge.dates` builds its patterns from these tables.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan januar jänner janvier enero ene",
    "february feb februar février fevrier febrero",
    "march mar märz maerz mars marzo",
    "april apr avril abril abr",
    "may mai mayo",
    "june jun juni juin junio",
    "july jul juli juillet julio",
    "august aug août aout agosto ago",
    "september sep sept septembre septiembre setiembre",
    "october oct oktober okt octobre octubre",
    "november nov novembre noviembre",
    "december dec dezember dez décembre decembre diciembre dic",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate((
    "monday mon montag lundi lunes",
    "tuesday tue tues dienstag mardi martes",
    "wednesday wed mittwoch mercredi miércoles miercoles",
    "thursday thu thur thurs donnerstag jeudi jueves",
    "friday fri freitag vendredi viernes",
    "saturday sat samstag sonnabend samedi sábado sabado",
    "sunday sun sonntag dimanche domingo",
)):
    for _name in _names.split():
        WEEKDAYS[_name] = _number

RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "heute": 0, "aujourd'hui": 0, "aujourd’hui": 0, "hoy": 0,
    "tomorrow": 1, "morgen": 1, "demain": 1, "mañana": 1,
    "day after tomorrow": 2, "übermorgen": 2, "après-demain": 2, "pasado mañana": 2,
}

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2,
    "ein": 1, "einer": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
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
