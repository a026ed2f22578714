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
BY_DATE_PATTERNS = ("bis(?: zum| spätestens)?", "spätestens(?: am| bis)?")
# Someone away ("out until Thursday", "on holiday"), and "until" before a date.
ABSENCE_PATTERNS = ("abwesend", "im urlaub")
UNTIL_PATTERNS = ("bis",)
# A recruitment agency's name ("Harbor Talent Partners", "Beacon Search Group").
AGENCY_PATTERNS = ("personalberatung", r"personaldienstleist\w*", "zeitarbeit")
# "no reply" in a mailbox's name, with or without separators (no-reply@, donotreply@).
NO_REPLY_PATTERNS = ("nicht[-_.]?antworten", "keine[-_.]?antwort")
# Mailboxes of a desk, not a person (support@, careers@, karriere@).
ROLE_MAILBOX_PATTERNS = ("karriere", "bewerbung(?:en)?", "personal")
# Honorifics before a name in a list of people: written without a full stop, and
# abbreviations that may take one ("Dr. Lydia Chen", "Herrn Weber", "D. Javier Ruiz").
HONORIFIC_WORD_PATTERNS = ("Frau", "Herrn?")
HONORIFIC_ABBREVIATION_PATTERNS = ("Ing", "Dr", "Prof")
# An interview moved ("rescheduled", "new time").
MOVED_PATTERNS = ("verschoben", "verlegt")
# "and me" after a list of interviewers: the writer interviews too; "and me" or "and
# myself" anywhere, the same for the writer.
AND_ME_PATTERNS = ("und ich", "und (?:die|der) unterzeichnende", "(?<=; )ich(?: selbst)?(?=;|$)")
SENDER_TOO_PATTERNS = ("und (?:ich|mir)", "und (?:die|der) unterzeichnende",
                       "(?<=[-•*] )(?:ich(?: selbst)?)(?= *$)")
# What ends a list of names ("with Dana Kim for the final round").
NAMES_END_PATTERNS = ("für", "zur", "zum", "um", "der", "die", "das")
# Who to write to, not who interviews ("reach out to Dana with questions").
CONTACT_ONLY_PATTERNS = (r"kontakt\w*", "wenden sie sich")
# The stage of the process a subject glues after a company's name ("Acme final round"):
# the words before the stage, and the stage or the mail's subject itself.
STAGE_ADJECTIVE_PATTERNS = ("erstes", "zweites", "finales", "letztes")
STAGE_NOUN_PATTERNS = ("vorstellungsgespräch", "gespräch", "interview", "bewerbung",
                       "einladung")
# The stage of the process written before or after a job ("Technical Interview",
# "Vorstellungsgespräch"): the words before the stage, and the stage.
STAGE_BEFORE_JOB_ADJECTIVE_PATTERNS = ("erstes", "zweites", "finales", "technisches",
                                       "persönliches")
STAGE_BEFORE_JOB_PATTERNS = ("[\\wäöü]*gespräch", "kennenlernen")
# A stage of the process or a kind of mail, which is never a job's title.
NOT_A_ROLE_PATTERNS = ("bewerbung", "einladung")
# Where and how a job is done, or when, in brackets after it ("(Remote)", "(Summer 2027)").
WHERE_AND_HOW_PATTERNS = ("homeoffice",)
# Words a sender's name or a subject puts after the company, which no company's name
# ends with ("VMware Human Resources", "Slalom Follow Up").
NOT_A_COMPANY_TAIL_PATTERNS = ("personalabteilung",)
# A word for what a person does, which no company's name holds.
PERSONS_JOB_PATTERNS = ("entwickler(?:in)?",)
# A word for a job, which a job's title holds: stems matched at a word's start or inside a
# compound ("Softwareentwickler", "Datenanalyst").
JOB_WORD_PATTERNS = (
    "ingenieur", "entwickler", "berater", "leiter", "referent", "werkstudent", "sachbearbeiter",
    "fachkraft", "mitarbeiter", "projektleit", "buchhalter",
)
# A sender's display name that is the employer's team ("Northwind Recruiting").
TEAM_NAME_PATTERNS = ("karriere",)
# An agency's client ("our client, Orbital Pay").
# ("unserem Mandanten, der Novalis Pharma AG": the article after the comma; session 8)
CLIENT_PATTERNS = (r"\b(?:unser(?:em|en)?|unseres|mein(?:em|en)?|meines)\s+(?:Kunden?|Mandanten?|"
                   r"Klienten?),?(?:\s+(?:der|die|dem|den|das))?",
                   # "den Namen unseres Klienten nennen: Es handelt sich um die Pongauer
                   # Seilbahntechnik GmbH" (session 9, blind scenario 172)
                   r"\b(?:Kunden|Mandanten|Klienten)\b[^.]{0,40}?[:.]\s+Es handelt sich (?:dabei )?"
                   r"um (?:die|den|das)",)
# Words that are no company's name ("Ihre", "uns").
NOT_A_COMPANY_PATTERNS = ("uns", "ihre", "ihnen", "ihrer", "ihrem", "ihres", "fragen",
                          "deine[mnrs]?", "dein", "unsere[mnrs]?")
# Words that do not go on a German job's title: the start of the next sentence or a stage
# of the process ("Referent Sie", "Entwickler Vorstellungsgespräch").
ROLE_STOP_PATTERNS = (
    "Sie", "Ihre[nmrs]?", "Ihnen", "Ihr", "Wir", "Uns", r"Unser\w*", "Der", "Die", "Das", "Dem",
    "Den", "Des", r"Ein\w*", "Bei", "Und", "Oder", "Mit", "Zum", "Zur", "Am", "Im", "In", "Für",
    "Von", "Vom", "Nach", "Auf", "Du", "Dich", "Dir", r"Dein\w*", *WEEKDAYS, r"Stellen\w*",
    r"Bewerbung\w*", r"Einladung\w*", r"Termin\w*", "Job-?ID", r"Referenz\w*", "Kennziffer",
    r"[\wÄÖÜäöü]*[Gg]espräch\w*", r"Interview\w*", "Team", "Gmbh", "GmbH", "AG", "SE", "KG",
)
# German jobs, compounds included ("Softwareentwickler:in", "IT-Sicherheitsanalyst:in"):
# the stems a compound ends with, those of the second form of a pair ("Referentin /
# Referent"), and the nouns written alone.
JOB_NOUN_STEM_PATTERNS = ("ingenieur", "entwickler", "berater", "leiter", "referent",
                          "analyst", "architekt", "spezialist", "administrator", "designer",
                          "manager", "sachbearbeiter")
PAIRED_JOB_NOUN_STEM_PATTERNS = ("ingenieur", "entwickler", "berater", "leiter", "referent",
                                 "analyst", "architekt", "spezialist", "manager",
                                 "sachbearbeiter")
JOB_NOUN_PATTERNS = ("Ingenieur", "Entwickler", "Berater", "Leiter", "Referent",
                     "Sachbearbeiter", "Werkstudent",
                     # "Leitung Finanzbuchhaltung": with what is led, never alone
                     r"Leitung(?=[ \t]+[A-ZÄÖÜ][a-zäöüß])")
# Titles that take no qualifier of their own ("Product Manager", "Stagiaire").
WHOLE_JOB_TITLE_PATTERNS = ("Werkstudent(?:in)?",)
# Words of a subject that open no job's title ("Interview", "Re"), and that no job's
# qualifier after a comma is ("Data Engineer, Interview").
SUBJECT_WORD_PATTERNS = (r"[\wÄÖÜäöü]*[Gg]espräch", "Bewerbung", "Einladung", "Angebot", "Kennenlernen",
                         "Absage", "Stelle", "AW", "WG")
NOT_A_QUALIFIER_PATTERNS = (r"[\wÄÖÜäöü]*gespräch", r"[\wÄÖÜäöü]*[Bb]estätigung", "Bewerbung",
                            r"Vorstellung\w*", "Kennenlernen", r"Termin\w*",
                            "Einladung", "Absage", "Zusage")
# What comes before a job's title ("your application for", "as a").
ROLE_LEAD_PATTERNS = ("stelle als", "position als", "als")
# A calendar summary's stage before the job in brackets ("Recruiter Screen (Engineer)").
STAGE_WORD_PATTERNS = ("gespräch",)
# Words after a job's title that end it ("... for Product Manager, AI Platform, and").
ROLE_FRAME_END_PATTERNS = ("bei", "als")
# A subject that is no name ("Interview scheduled", "We got your application").
SUBJECT_NOT_NAME_PATTERNS = ("ihre", r"\w*gespräch", "bestätigt", "bestätigung", "gebucht",
                             "abgesagt", "verschoben", "einladung", "termin")
# Calendar words as the reader of dates looks for them (judge/dates.py): the words before
# a weekday ("next Tuesday") and after it ("Tuesday next week"), an article between a
# weekday and its date ("Freitag, den 20. März"), noon, "at" before a time and the words
# between the two ends of a range ("2 to 3pm"), "your time" after a time and before it,
# and the words before a length of time ("duration: 1h").
WEEKDAY_QUALIFIER_PATTERNS = ("nächsten", "nächster", "kommenden")
NEXT_WEEK_PATTERNS = ("nächste woche",)
DATE_ARTICLE_PATTERNS = ("den", "der")
NOON_PATTERNS = ("mittag",)
AT_TIME_PATTERNS = ("um",)
TIME_RANGE_PATTERNS = ("bis", "und")
YOUR_TIME_PATTERNS = ("ihrer (?:orts)?zeit", r"für sie\b")
YOUR_TIME_BEFORE_PATTERNS = ("bei (?:ihnen|dir)", "für sie")
DURATION_PATTERNS = ("dauer", "während")
# What makes a message worth downloading from its headers alone (judge/prefilter.py): a
# subject about recruiting (grown round by round from the messages it missed: other words
# for a job, a recruiter's first line, the steps after a yes, a booking tool's subject, what
# an answer about an application is called), a sender named for the hiring side, and what
# bulk mail must say to be read (an application or an interview, a job's title, the
# user's own application on a job board).
RECRUITING_SUBJECT_PATTERNS = (
    "bewerbung", "stelle", "vorstellung", "gespräch", "einladung", "absage", "angebot", "termin",
    "ingenieur", "entwickler", "willkommen (?:bei|im team)", "rückmeldung", "ergebnis",
    "zusage", "glückwunsch", "auswahl", "entscheidung", "verfahren", "unterlagen", "praktikum",
    "ausbildung",
    # session 8 (the train halves' first-scan misses): "Kennenlernen – Elektro Brandl",
    # "Probearbeiten bei ...", "Ihr Arbeitsvertrag ist bereit", "Verfügbarkeit / Gehalt"
    "kennenlern", "probearbeit", "arbeitsvertrag", "gehalt", "verfügbarkeit", "nachweis",
)
HIRING_SENDER_PATTERNS = ("karriere", "personalabteilung")
APPLICATION_SUBJECT_PATTERNS = ("bewerbung", "vorstellungsgespräch")
JOB_TITLE_SUBJECT_PATTERNS = ("ingenieur", "entwickler")
JOB_BOARD_PERSONAL_PATTERNS = ("bewerbung",)
# How long an interview lasts, written out (judge/facts.py): an hour and a half, half an
# hour, two hours (the word for two, the plural of hour), one hour (the word for one, the
# singular of hour); and a week as the unit of a period, by the start of its word
# (judge/deadlines.py).
HOUR_AND_A_HALF_PATTERNS = ("anderthalb stunden", "eineinhalb stunden", "1[.,]5 stunden")
HALF_HOUR_PATTERNS = ("halbe stunde",)
TWO_PATTERNS = ("zwei",)
HOURS_PATTERNS = ("stunden",)
ONE_PATTERNS = ("eine",)
HOUR_PATTERNS = ("stunde",)
WEEK_STEMS = ("woche",)
# A room booked as a calendar attendee (judge/facts.py): words of its name, the first word
# of its name ("Salle Jaurès"; "Raúl Sala" is a person), and how its address starts
# (room-4b@); and words a capitalised run before a job title holds only when it is no
# person's name (judge/names.py: "Hiring Team, Data Engineer").
ROOM_NAME_PATTERNS = ("raum", r"\w*(?:besprechungs|konferenz|sitzungs|meeting)raum")
ROOM_FIRST_WORD_PATTERNS: tuple[str, ...] = ()
ROOM_ADDRESS_PATTERNS = ("raum",)
NOT_IN_A_NAME_PATTERNS = ("Stelle",)
# Around the stage written before or after a job (judge/plausible.py): a second stage word
# ("Interview Call"), a word after the stage ("Entretien technique", "Interview with Dana"),
# what a subject opens with ("Invitation:", "Re:", "AW:"), and what links the stage to the
# job ("Interview for Data Engineer").
SECOND_STAGE_PATTERNS = ("gespräch",)
AFTER_STAGE_PATTERNS = ("technisch", "finale")
WITH_PATTERNS = ("mit",)
# "and" between two people ("with Dana (CTO) and Lee (Tech Lead)"; judge/titles.py).
AND_PATTERNS = ("und",)
# How a mail names the tool it was sent through ("versendet über JOIN").
SENT_THROUGH_PATTERNS = ("(?:versendet|verschickt|gesendet) (?:über|via|mit)",)
# What opens "you applied to <job> at <employer>" ("bei" alone does: judge/names.py).
APPLIED_TO_PATTERNS: tuple[str, ...] = ()
SUBJECT_PREFIX_PATTERNS = ("einladung", "aw")
STAGE_TO_JOB_PATTERNS = ("für", "zum", "zur", "als")
# The words before an employer's name in a sentence (judge/names.py): "on behalf of",
# "bei", "chez"; and "your interest in the ... at", by its parts.
EMPLOYER_AFTER_PATTERNS = ("bei der", "bei")
INTEREST_PATTERNS = ("interesse",)
INTEREST_IN_PATTERNS = ("an",)
ARTICLE_PATTERNS = ("der",)
# "in" before a city that names a time zone ("11:00 en Nueva York"; judge/dates.py).
IN_CITY_PATTERNS: tuple[str, ...] = ()
# What an organisation is called before its name in brackets ("a logistics client
# (Eastbay Freight)"): the name in the brackets is no person's.
ORGANISATION_NOUN_PATTERNS = ("Kunden?", "Mandanten?", "Unternehmen", "Firma", "Arbeitgeber")
# (not "hat Ihre ...": "Unser Recruiting-Team hat Ihre Unterlagen" starts with a noun too)
EMPLOYER_ACTS_PATTERNS = ("möchte (?:Sie|dich) (?:gerne |gern )?(?:kennenlernen|einladen)",
                          "lädt (?:Sie|dich) ein")
# (not "Einladung von": "Einladung von Google Kalender")
FROM_EMPLOYER_PATTERNS: tuple[str, ...] = ()
# A hedged promise ("Unternehmen melden sich meist innerhalb von zwei Wochen": a job
# board's tip, no date to hold anyone to; session 8, blind scenario 116).
HEDGE_PATTERNS = ("meist(?:ens)?", "in der regel", "normalerweise", "üblicherweise")
