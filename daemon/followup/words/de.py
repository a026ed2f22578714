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

# The commonest words of the language, counted to tell which language a message is in.
STOP_WORDS = frozenset((
    "und", "der", "die", "das", "sie", "ihre", "ihr", "wir", "uns", "mit", "für", "ist", "sind",
    "nicht", "eine", "einen", "vielen", "dank", "bitte", "wie", "auf", "zu", "den", "dem", "des",
    "im", "bei", "ein", "ihnen", "wurde", "werden", "haben", "sich",
))

# For mail too short for stop words: day and month names not spelt alike in another
# language, and the words calendar notices and job alerts are made of.
SHORT_MAIL_WORDS = frozenset((
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar",
    "februar", "märz", "juni", "juli", "oktober", "dezember", "uhr", "einladung", "termin",
    "abgesagt", "abgelehnt", "angenommen", "von", "hat", "wurden", "stelle", "bewerbung",
))
# Letters only this language of the four writes.
LETTERS = frozenset("äöüß")

# Honorifics by their plain form (lower case, no full stop), each with the spelling a
# formal greeting uses ("" when a greeting leaves it out).
HONORIFICS: dict[str, str] = {
    "herr": "Herr", "herrn": "Herr", "frau": "Frau", "ing": "Ing.", "dipl": "", "mag": "Mag.",
}
# Honorifics as written, by what they tell: an academic title, a woman, a man.
ACADEMIC_TITLES = frozenset({"Ing.", "Mag."})
FEMININE_HONORIFICS = frozenset({"Frau"})
MASCULINE_HONORIFICS = frozenset({"Herr"})
# Words that make a display name a team, a function or a tool rather than a person.
NOT_A_PERSON = frozenset("personal personalabteilung bewerbermanagement karriere".split())

# "and" in a list of names or things ("Dana, Lee and Sam").
AND = "und"

# Words that end a company's name ("Bluefin Analytics", "Möwenpost Verlag") or open it
# ("Grupo Alcaraván", "Laboratoires Bellechasse").
COMPANY_NAME_TAIL_WORDS = frozenset("""
energie logistik verlag medizintechnik werk werke gruppe technologien gesundheit
""".split())
COMPANY_NAME_HEAD_WORDS = frozenset("gruppe".split())
# Words of a sender's display name that name a function or a tool, not the employer.
GENERIC_SENDER_WORDS = frozenset("bewerbermanagement karriere".split())

# Words that are no person's name where a name could stand ("Termin", "Regards",
# "Engineer"): job words, greetings, places, times.
NOT_A_NAME = frozenset("""
termin ihren frau herr grüßen gruß grüße energie stelle entwickler softwareentwickler
teamleiter teamleiterin teamleitung leiter leiterin
""".split())

# The words the judge's patterns look for, as alternatives of a regular expression
# (`followup.words.alternatives` joins each list of the four languages, in order).
# A person's honorific before their name ("Dr. Lydia Chen").
HONORIFIC_PATTERNS = ("Frau", "Herr")
# "our" before a person's title ("Dana Kim, our Engineering Manager").
OUR_PATTERNS = ("unser(?:e|em)?",)
# Small words inside a job title ("Head of Data", "Responsable des ventes").
TITLE_LINK_PATTERNS = ("der", "für")
# "at" between a person's title and the employer ("Engineering Manager at Northwind").
AT_EMPLOYER_PATTERNS = ("bei",)
# Words that make a line a person's job title ("Head of Quant Engineering").
JOB_TITLE_PATTERNS = ("leiter", "referent", "entwickler", "ingenieur")
# The label of a line that names a person ("Interviewer: Dana Kim"), and of the line under
# it that gives their title ("Title: Engineering Manager").
PERSON_LABEL_PATTERNS = ("interviewerin", "gesprächspartner(?:in)?", "ansprechpartner(?:in)?")
TITLE_LABEL_PATTERNS = ("funktion",)
# Words that end a job title without being part of it ("Manager and", "Lead who").
TITLE_TAIL_WORDS = frozenset(("der", "und"))
# Words that tie a period to an answer from the employer ("we will get back to you").
ANSWER_PATTERNS = (
    "entscheid", "rückmeldung", "melden", "bescheid", "antwort", "hörst", "hören (?:sie|du)",
    r"(?:sie|ihr) hört?e?n?\b", "von uns hören",
)
# A time too vague to hold anyone to ("in due course").
VAGUE_TIME_PATTERNS = ("anfang nächster woche",)
# What comes before a period ("within", "in the next") and the period's units.
WITHIN_PATTERNS = ("innerhalb(?: von)?", "in den nächsten", "binnen")
WORKING_DAY_PATTERNS = ("Werk",)
DAY_UNIT_PATTERNS = ("tage?n?", "wochen?")
END_OF_MONTH_PATTERNS = ("ende (?:des|dieses) monats",)
# What comes before an answer's date ("by", "no later than", "hear from us").
BY_DATE_PATTERNS = ("bis(?: zum| spätestens)?", "spätestens")
# Someone away ("out until Thursday", "on holiday"), and "until" before a date.
ABSENCE_PATTERNS = ("abwesend", "im urlaub")
UNTIL_PATTERNS = ("bis",)
# A recruitment agency's name ("Harbor Talent Partners", "Beacon Search Group").
AGENCY_PATTERNS = ("personalberatung", r"personaldienstleist\w*", "zeitarbeit")
# "no reply" in a mailbox's name, with or without separators (no-reply@, donotreply@).
NO_REPLY_PATTERNS = ("nicht[-_.]?antworten", "keine[-_.]?antwort")
