"""French words: data only (see `followup.words`)."""

from __future__ import annotations

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
# Before "entretien" (masculine), as the templates use them.
ORDINALS = ("premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième",
            "septième", "huitième", "neuvième", "dixième")

WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("lundi",), ("mardi",), ("mercredi",), ("jeudi",), ("vendredi",), ("samedi",),
    ("dimanche",),
)
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",),
    ("juillet",), ("août", "aout"), ("septembre",), ("octobre",), ("novembre",),
    ("décembre", "decembre"),
)
RELATIVE_DAYS: dict[str, int] = {
    "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
}
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
}

# The commonest words of the language, counted to tell which language a message is in.
STOP_WORDS = frozenset((
    "le", "la", "les", "et", "vous", "votre", "vos", "nous", "pour", "avec", "est", "sont", "une",
    "des", "du", "au", "aux", "merci", "bien", "dans", "pas", "que", "qui", "sur", "de", "ce",
    "cette", "je", "à",
))

# For mail too short for stop words: day and month names not spelt alike in another
# language, and the words calendar notices and job alerts are made of.
SHORT_MAIL_WORDS = frozenset((
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
    "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "heure",
    "offre", "offres", "recrute", "nouvelles", "entretien", "annulé", "candidature",
))
# Letters only this language of the four writes.
LETTERS = frozenset("çèêàâœîôûëù")

# Honorifics by their plain form (lower case, no full stop), each with the spelling a
# formal greeting uses ("" when a greeting leaves it out).
HONORIFICS: dict[str, str] = {
    "m": "M.", "mme": "Mme", "mlle": "Mlle", "monsieur": "M.", "madame": "Mme",
}
# Honorifics as written, by what they tell: an academic title, a woman, a man.
ACADEMIC_TITLES: frozenset[str] = frozenset()
FEMININE_HONORIFICS = frozenset({"Mme", "Mlle"})
MASCULINE_HONORIFICS = frozenset({"M."})
# Words that make a display name a team, a function or a tool rather than a person.
NOT_A_PERSON = frozenset("rh recrutement équipe equipe".split())

# "and" in a list of names or things ("Dana, Lee and Sam").
AND = "et"

# Words that end a company's name ("Bluefin Analytics", "Möwenpost Verlag") or open it
# ("Grupo Alcaraván", "Laboratoires Bellechasse").
COMPANY_NAME_TAIL_WORDS = frozenset("groupe numérique numerique santé sante".split())
COMPANY_NAME_HEAD_WORDS = frozenset("groupe laboratoires banque atelier ateliers maison".split())
# Words of a sender's display name that name a function or a tool, not the employer.
GENERIC_SENDER_WORDS = frozenset("recrutement".split())

# Words that are no person's name where a name could stand ("Termin", "Regards",
# "Engineer"): job words, greetings, places, times.
NOT_A_NAME = frozenset("cordialement poste ingénieur".split())

# The words the judge's patterns look for, as alternatives of a regular expression
# (`followup.words.alternatives` joins each list of the four languages, in order).
# A person's honorific before their name ("Dr. Lydia Chen").
HONORIFIC_PATTERNS = ("Mme", "M")
# "our" before a person's title ("Dana Kim, our Engineering Manager").
OUR_PATTERNS = ("notre",)
# Small words inside a job title ("Head of Data", "Responsable des ventes").
TITLE_LINK_PATTERNS = ("de", "des", "du", "la", "le")
# "at" between a person's title and the employer ("Engineering Manager at Northwind").
AT_EMPLOYER_PATTERNS = ("chez",)
# Words that make a line a person's job title ("Head of Quant Engineering").
JOB_TITLE_PATTERNS = ("responsable", "directeu", "ingénieur", "chef", "chargée?", "équipe")
# The label of a line that names a person ("Interviewer: Dana Kim"), and of the line under
# it that gives their title ("Title: Engineering Manager").
PERSON_LABEL_PATTERNS = ("interlocuteur", "interlocutrice")
TITLE_LABEL_PATTERNS = ("poste", "fonction", "rôle")
# Words that end a job title without being part of it ("Manager and", "Lead who").
TITLE_TAIL_WORDS = frozenset(("de", "la", "le", "et"))
# Words that tie a period to an answer from the employer ("we will get back to you").
ANSWER_PATTERNS = (
    "décision", "retour", "revenir vers vous", r"revien\w* vers (?:vous|toi)", "reviendrons",
    "réponse", "nouvelles", "(?:vous|te) (?:tiendr|recontact|dir)", "ferons savoir",
    "fera savoir", r"(?:vous|te) répondr(?:ons|a|ai|ont)\b", "répondent",
)
# A time too vague to hold anyone to ("in due course").
VAGUE_TIME_PATTERNS = ("début de semaine prochaine",)
# What comes before a period ("within", "in the next") and the period's units.
WITHIN_PATTERNS = ("sous", "dans les", "d'ici", r"dans un délai (?:maximum |max\. )?de")
WORKING_DAY_PATTERNS = ("ouvrés? ",)
DAY_UNIT_PATTERNS = ("jours?", "semaines?")
END_OF_MONTH_PATTERNS = ("fin du mois",)
# What comes before an answer's date ("by", "no later than", "hear from us").
BY_DATE_PATTERNS = ("d'ici(?: le)?", "avant(?: le)?", "au plus tard(?: le)?")
# Someone away ("out until Thursday", "on holiday"), and "until" before a date.
ABSENCE_PATTERNS = ("absente?", "en congé")
UNTIL_PATTERNS = ("jusqu'(?:à|au)",)
# A recruitment agency's name ("Harbor Talent Partners", "Beacon Search Group").
AGENCY_PATTERNS = ("intérim", "interim", "cabinet de recrutement")
# "no reply" in a mailbox's name, with or without separators (no-reply@, donotreply@).
NO_REPLY_PATTERNS = ("ne[-_.]?pas[-_.]?repondre",)
# Mailboxes of a desk, not a person (support@, careers@, karriere@).
ROLE_MAILBOX_PATTERNS = ("recrutement", "emplois?", "carrieres?", "rh")
# Honorifics before a name in a list of people: written without a full stop, and
# abbreviations that may take one ("Dr. Lydia Chen", "Herrn Weber", "D. Javier Ruiz").
HONORIFIC_WORD_PATTERNS = ("Mme",)
# ("avec M. Pascal Favre": the dot does not end the sentence; session 8, blind 108)
HONORIFIC_ABBREVIATION_PATTERNS = ("M", "Dr", "Pr")
# An interview moved ("rescheduled", "new time").
MOVED_PATTERNS = ("déplac", "deplac", "report[ée]", "decal", "décal")
# "and me" after a list of interviewers: the writer interviews too; "and me" or "and
# myself" anywhere, the same for the writer.
AND_ME_PATTERNS = ("et moi(?:-même)?", "et (?:la|le) soussignée?", "(?<=; )moi(?:-même)?(?=;|$)")
SENDER_TOO_PATTERNS = ("et moi(?:-même)?", "et (?:la|le) soussignée?",
                       # "Vous rencontrerez :\n- Mme X\n- M. Y\n- moi-même" (session 9)
                       "(?<=[-•*] )moi(?:-même)?(?= *$)")
# What ends a list of names ("with Dana Kim for the final round").
NAMES_END_PATTERNS = ("pour", "à", "que", "qui")
# Who to write to, not who interviews ("reach out to Dana with questions").
CONTACT_ONLY_PATTERNS = ("contacter",)
# The stage of the process a subject glues after a company's name ("Acme final round"):
# the words before the stage, and the stage or the mail's subject itself.
STAGE_ADJECTIVE_PATTERNS = ("premier", "deuxième", "dernier")
STAGE_NOUN_PATTERNS = ("entretien", "candidature")
# The stage of the process written before or after a job ("Technical Interview",
# "Vorstellungsgespräch"): the words before the stage, and the stage.
STAGE_BEFORE_JOB_ADJECTIVE_PATTERNS = ("premier", "second", "dernier")
STAGE_BEFORE_JOB_PATTERNS = ("entretien",)
# A stage of the process or a kind of mail, which is never a job's title.
NOT_A_ROLE_PATTERNS = ("entretien", "candidature")
# Where and how a job is done, or when, in brackets after it ("(Remote)", "(Summer 2027)").
WHERE_AND_HOW_PATTERNS = ("télétravail",)
# Words a sender's name or a subject puts after the company, which no company's name
# ends with ("VMware Human Resources", "Slalom Follow Up").
NOT_A_COMPANY_TAIL_PATTERNS = ("ressources humaines",)
# A word for what a person does, which no company's name holds.
PERSONS_JOB_PATTERNS = ("développeu(?:r|se)",)
# A word for a job, which a job's title holds: stems matched at a word's start or inside a
# compound ("Softwareentwickler", "Datenanalyst").
JOB_WORD_PATTERNS = (
    "ingénieur", "développeu", "analyste", "chargée? de", "responsable", "directeu",
    "directrice", "comptable", "chef de", "stagiaire", "alternant", "technicien",
    "actuaire", "gestionnaire", "juriste", "contrôleu", "conseill", "auditeu", "auditrice",
    "acheteu", "administrat", "coordinat", "spécialiste", r"chargé(?:e|·e|\(e\))? d",
)
# A sender's display name that is the employer's team ("Northwind Recruiting").
TEAM_NAME_PATTERNS = ("recrutement",)
# An agency's client ("our client, Orbital Pay").
CLIENT_PATTERNS = (r"\bnotre\s+client(?:e)?,?(?:\s+(?:est))?(?:\s+(?:la société|le groupe))?",)
# Words that are no company's name ("Ihre", "uns").
NOT_A_COMPANY_PATTERNS = ("vous", "nous")
# Words that do not go on a French or Spanish job's title: the start of the next sentence
# or a stage of the process ("Développeur Java", not "Développeur Entretien").
ROLE_STOP_PATTERNS = (
    "Entretien", "Candidature", "Offre", "Poste", "Le", "La", "Les", "Un", "Une", "Nous", "Vous",
    "Votre", "Tu", "Chez", "En", "Et", "Pour", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi",
    "Madame", "Monsieur", "Mme", "Équipe",
)
# Adjectives that qualify a French or Spanish job ("Chef de projet digital").
JOB_ADJECTIVE_PATTERNS = (
    "digital", "numérique", "commercial", "commerciale", "financier", "financière", "junior",
    "senior", "sénior", "confirmée?", "expérimentée?", "technique", "logiciel", "embarquée?",
    r"principal(?:\(e\)|e)?", "full[ -]?stack", "backend", "frontend", "web", "mobile", "cloud",
    "produit", "marketing", "ventes", "informatique", "logistique", "administratif",
    # English words French job titles keep lower-case ("Chef de projet data"; session 8)
    "data", "devops", "ux", "ui", "rh", "qualité", "sécurité", "réglementaires?",
)
JOB_NOUN_PATTERNS = ("Développeu(?:r|se)", "Ingénieur", "Analyste", "Architecte",
                     "Chef de projet", r"Chargé(?:e|·e|\(e\))? (?:de|d') ?[\wÀ-ÿ]+",
                     "Responsable",
                     # (session 8, blind scenario 152: "Spécialiste Assurance Qualité",
                     # "Chargé·e d'affaires réglementaires")
                     "Spécialiste", r"Technicien(?:ne|·ne)?", r"Conseill(?:er|ère|er·ère)",
                     "Direct(?:eur|rice)",
                     # professions a French posting names by one noun whose qualifier, if
                     # any, is an adjective ("Actuaire confirmé", "Juriste senior"); not
                     # "Comptable fournisseurs", whose qualifier is a bare noun we cannot
                     # bound
                     "Actuaire", "Juriste", "Contrôleu(?:r|se) de gestion",
                     "Audit(?:eur|rice)", "Achet(?:eur|euse)", "Coordinat(?:eur|rice)",
                     "Gestionnaire")
# Titles that take no qualifier of their own ("Product Manager", "Stagiaire").
WHOLE_JOB_TITLE_PATTERNS = ("Stagiaire",)
# Words of a subject that open no job's title ("Interview", "Re"), and that no job's
# qualifier after a comma is ("Data Engineer, Interview").
SUBJECT_WORD_PATTERNS = ("Entretien", "Entrevue", "Candidature", "Offre", "Poste", "Processus")
NOT_A_QUALIFIER_PATTERNS = ("Entretien", "Candidature", "Offre")
# What comes before a job's title ("your application for", "as a").
ROLE_LEAD_PATTERNS = ("poste de", "comme")
# A calendar summary's stage before the job in brackets ("Recruiter Screen (Engineer)").
STAGE_WORD_PATTERNS = ("entretien",)
# Words after a job's title that end it ("... for Product Manager, AI Platform, and").
ROLE_FRAME_END_PATTERNS = ("chez", "comme", "pour")
# A subject that is no name ("Interview scheduled", "We got your application").
SUBJECT_NOT_NAME_PATTERNS = ("votre", "entretien", "entrevue")
# Calendar words as the reader of dates looks for them (judge/dates.py): the words before
# a weekday ("next Tuesday") and after it ("Tuesday next week"), an article between a
# weekday and its date ("Freitag, den 20. März"), noon, "at" before a time and the words
# between the two ends of a range ("2 to 3pm"), "your time" after a time and before it,
# and the words before a length of time ("duration: 1h").
WEEKDAY_QUALIFIER_PATTERNS = ("prochain",)
NEXT_WEEK_PATTERNS = ("de la semaine prochaine",)
DATE_ARTICLE_PATTERNS = ("le",)
NOON_PATTERNS = ("midi",)
AT_TIME_PATTERNS = ("à",)
TIME_RANGE_PATTERNS = ("à", "et")
YOUR_TIME_PATTERNS = (r"pour vous\b", "votre heure")
YOUR_TIME_BEFORE_PATTERNS = ("pour vous", "chez vous")
DURATION_PATTERNS = ("durée", "duree", "pendant", "durant")
# What makes a message worth downloading from its headers alone (judge/prefilter.py): a
# subject about recruiting (grown round by round from the messages it missed: other words
# for a job, a recruiter's first line, the steps after a yes, a booking tool's subject, what
# an answer about an application is called), a sender named for the hiring side, and what
# bulk mail must say to be read (an application or an interview, a job's title, the
# user's own application on a job board).
RECRUITING_SUBJECT_PATTERNS = (
    "candidature", "poste", "entretien", "offre", "recrutement", "rendez-vous", "ingénieur",
    "développeur", "bienvenue chez", "entrevue", "demande d'emploi", r"\bemploi\b", "embauche",
    "immersion", "alternance", "résultat", "réponse", "félicitation", "sélection", "processus",
    "dossier", r"\bstage\b",
    # session 8: "Exercice technique", "Évaluation technique", "Une mission ... vous attend",
    # "vous a envoyé un InMail", "Demande bien reçue"
    "exercice", "évaluation", r"\bmission\b", "inmail", "demande bien reçue",
)
HIRING_SENDER_PATTERNS = ("rh", "recrutement", "ressources humaines")
APPLICATION_SUBJECT_PATTERNS = ("candidature", "entretien")
JOB_TITLE_SUBJECT_PATTERNS = ("ingénieur", "développeur")
JOB_BOARD_PERSONAL_PATTERNS = ("candidature",)
# How long an interview lasts, written out (judge/facts.py): an hour and a half, half an
# hour, two hours (the word for two, the plural of hour), one hour (the word for one, the
# singular of hour); and a week as the unit of a period, by the start of its word
# (judge/deadlines.py).
HOUR_AND_A_HALF_PATTERNS = ("une heure et demie", "1[.,]5 heures?")
HALF_HOUR_PATTERNS = ("demi-heure",)
TWO_PATTERNS = ("deux",)
HOURS_PATTERNS = ("heures",)
ONE_PATTERNS = ("une",)
HOUR_PATTERNS = ("heure",)
WEEK_STEMS = ("semai",)
# A room booked as a calendar attendee (judge/facts.py): words of its name, the first word
# of its name ("Salle Jaurès"; "Raúl Sala" is a person), and how its address starts
# (room-4b@); and words a capitalised run before a job title holds only when it is no
# person's name (judge/names.py: "Hiring Team, Data Engineer").
ROOM_NAME_PATTERNS: tuple[str, ...] = ()
ROOM_FIRST_WORD_PATTERNS = ("salle",)
ROOM_ADDRESS_PATTERNS = ("salle",)
NOT_IN_A_NAME_PATTERNS = ("Poste",)
# Around the stage written before or after a job (judge/plausible.py): a second stage word
# ("Interview Call"), a word after the stage ("Entretien technique", "Interview with Dana"),
# what a subject opens with ("Invitation:", "Re:", "AW:"), and what links the stage to the
# job ("Interview for Data Engineer").
SECOND_STAGE_PATTERNS: tuple[str, ...] = ()
AFTER_STAGE_PATTERNS = ("technique", "finale", "rh")
WITH_PATTERNS = ("avec",)
# "and" between two people ("with Dana (CTO) and Lee (Tech Lead)"; judge/titles.py).
AND_PATTERNS = ("et",)
# How a mail names the tool it was sent through ("envoyé via Jobtoolz").
SENT_THROUGH_PATTERNS = ("envoyée? (?:via|avec|par)", "propulsé par")
# What opens "you applied to <job> at <employer>" ("chez" alone does: judge/names.py).
APPLIED_TO_PATTERNS: tuple[str, ...] = ()
SUBJECT_PREFIX_PATTERNS = ("tr",)
STAGE_TO_JOB_PATTERNS = ("pour", "de")
# The words before an employer's name in a sentence (judge/names.py): "on behalf of",
# "bei", "chez"; and "your interest in the ... at", by its parts.
EMPLOYER_AFTER_PATTERNS = ("chez",)
INTEREST_PATTERNS = ("intérêt",)
INTEREST_IN_PATTERNS = ("pour",)
ARTICLE_PATTERNS = ("la",)
# "in" before a city that names a time zone ("11:00 en Nueva York"; judge/dates.py).
IN_CITY_PATTERNS = ("à",)
# What an organisation is called before its name in brackets ("a logistics client
# (Eastbay Freight)"): the name in the brackets is no person's.
ORGANISATION_NOUN_PATTERNS = ("client(?:e)?", "entreprise", "société", "employeur")
EMPLOYER_ACTS_PATTERNS = ("veut vous", "souhaite vous", "vous invite", "a (?:consulté|examiné|décidé|"
                          "retenu|programmé|planifié)")
FROM_EMPLOYER_PATTERNS = ("(?:invitation|proposition d'entretien) (?:de la part )?de",)
# A hedged promise ("Unternehmen melden sich meist innerhalb von zwei Wochen": a job
# board's tip, no date to hold anyone to; session 8, blind scenario 116).
HEDGE_PATTERNS = ("généralement", "en général", "habituellement", "normalement")
