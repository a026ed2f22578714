"""German words: data only (see `followup.words`)."""

from __future__ import annotations

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")
# Before a neuter noun, as the templates use them ("das zweite Gespräch").
ORDINALS = ("erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte",
            "neunte", "zehnte")

WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("montag",), ("dienstag",), ("mittwoch",), ("donnerstag",), ("freitag",),
    ("samstag", "sonnabend"), ("sonntag",),
)
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("januar", "jänner"), ("februar",), ("märz", "maerz"), ("april",), ("mai",), ("juni",),
    ("juli",), ("august",), ("september",), ("oktober", "okt"), ("november",),
    ("dezember", "dez"),
)
RELATIVE_DAYS: dict[str, int] = {"heute": 0, "morgen": 1, "übermorgen": 2}
NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "einer": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10,
}
