"""Spanish words: data only (see `followup.words`)."""

from __future__ import annotations

WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
# Before "entrevista" (feminine), as the templates use them.
ORDINALS = ("primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima",
            "octava", "novena", "décima")

WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",),
    ("sábado", "sabado"), ("domingo",),
)
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",), ("junio",),
    ("julio",), ("agosto", "ago"), ("septiembre", "setiembre"), ("octubre",),
    ("noviembre",), ("diciembre", "dic"),
)
RELATIVE_DAYS: dict[str, int] = {"hoy": 0, "mañana": 1, "pasado mañana": 2}
NUMBER_WORDS: dict[str, int] = {
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
}

# The commonest words of the language, counted to tell which language a message is in.
STOP_WORDS = frozenset((
    "el", "la", "los", "las", "y", "usted", "tu", "su", "sus", "nosotros", "para", "con", "es",
    "son", "una", "por", "gracias", "del", "al", "que", "en", "muy", "hemos", "tus", "de", "se",
    "esta", "este", "te", "lo", "ha",
))

# For mail too short for stop words: day and month names not spelt alike in another
# language, and the words calendar notices and job alerts are made of.
SHORT_MAIL_WORDS = frozenset((
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre", "cita", "entrevista", "cancelada", "ofertas", "nuevas", "candidatura",
))
# Letters only this language of the four writes.
LETTERS = frozenset("ñ¿¡áíóú")

# Honorifics by their plain form (lower case, no full stop), each with the spelling a
# formal greeting uses ("" when a greeting leaves it out).
HONORIFICS: dict[str, str] = {
    "dra": "Dra.", "sr": "Sr.", "sra": "Sra.", "srta": "Srta.", "don": "", "doña": "",
    "ing": "Ing.", "lic": "Lic.",
}
# Honorifics as written, by what they tell: an academic title, a woman, a man.
ACADEMIC_TITLES = frozenset({"Dra.", "Ing.", "Lic."})
FEMININE_HONORIFICS = frozenset({"Sra.", "Srta.", "Dra."})
MASCULINE_HONORIFICS = frozenset({"Sr."})
# Words that make a display name a team, a function or a tool rather than a person.
NOT_A_PERSON = frozenset("rh empleo empleos seleccion selección equipo".split())

# "and" in a list of names or things ("Dana, Lee and Sam").
AND = "y"

# Words that end a company's name ("Bluefin Analytics", "Möwenpost Verlag") or open it
# ("Grupo Alcaraván", "Laboratoires Bellechasse").
COMPANY_NAME_TAIL_WORDS = frozenset("""
energía telecomunicaciones tecnologías tecnologias tecnología tecnologia salud energías energias
""".split())
COMPANY_NAME_HEAD_WORDS = frozenset("grupo laboratorios banco casa editorial".split())
# Words of a sender's display name that name a function or a tool, not the employer.
GENERIC_SENDER_WORDS = frozenset("empleo".split())

# Words that are no person's name where a name could stand ("Termin", "Regards",
# "Engineer"): job words, greetings, places, times.
NOT_A_NAME = frozenset("plataforma datos saludos puesto ingeniero".split())

# The words the judge's patterns look for, as alternatives of a regular expression
# (`followup.words.alternatives` joins each list of the four languages, in order).
# A person's honorific before their name ("Dr. Lydia Chen").
HONORIFIC_PATTERNS = ("Sra?",)
# "our" before a person's title ("Dana Kim, our Engineering Manager").
OUR_PATTERNS = ("nuestr[oa]",)
# Small words inside a job title ("Head of Data", "Responsable des ventes").
TITLE_LINK_PATTERNS = ("del",)
# "at" between a person's title and the employer ("Engineering Manager at Northwind").
AT_EMPLOYER_PATTERNS = ("en",)
# Words that make a line a person's job title ("Head of Quant Engineering").
JOB_TITLE_PATTERNS = ("gerente", "jef[ea]", "director[a]?", "líder", "reclutador", "equipo")
# The label of a line that names a person ("Interviewer: Dana Kim"), and of the line under
# it that gives their title ("Title: Engineering Manager").
PERSON_LABEL_PATTERNS = ("entrevistador(?:a)?", "interlocutor", "interlocutora", "contacto")
TITLE_LABEL_PATTERNS = ("cargo", "puesto")
# Words that end a job title without being part of it ("Manager and", "Lead who").
TITLE_TAIL_WORDS = frozenset(("y",))
# Words that tie a period to an answer from the employer ("we will get back to you").
ANSWER_PATTERNS = (
    "decisión", "decidir", "respuesta", "noticias", "contactaremos", "comunicaremos",
    "volveremos", "sabr[áa]s? (?:algo )?de nosotros",
    "(?:te|le|les) (?:diremos|avisaremos|avisamos|escribiremos|contestaremos|informaremos)",
)
# A time too vague to hold anyone to ("in due course").
VAGUE_TIME_PATTERNS: tuple[str, ...] = ()
# What comes before a period ("within", "in the next") and the period's units.
WITHIN_PATTERNS = ("dentro de", "en las próximas", "en los próximos",
                   "en un plazo (?:máximo |maximo )?de", "en")
WORKING_DAY_PATTERNS: tuple[str, ...] = ()
DAY_UNIT_PATTERNS = ("días?", "semanas?")
END_OF_MONTH_PATTERNS = ("finales de(?:l| este) mes",)
# What comes before an answer's date ("by", "no later than", "hear from us").
BY_DATE_PATTERNS = ("antes del?", "para el", "hasta el", "a más tardar el", "como máximo el",
                    "no más tarde del?", "como (?:muy )?tarde el")
# Someone away ("out until Thursday", "on holiday"), and "until" before a date.
ABSENCE_PATTERNS = ("ausente", "de vacaciones")
UNTIL_PATTERNS = ("hasta",)
# A recruitment agency's name ("Harbor Talent Partners", "Beacon Search Group").
AGENCY_PATTERNS = ("selección de personal", "consultora de selección",
                   "empresa de trabajo temporal", "ett")
# "no reply" in a mailbox's name, with or without separators (no-reply@, donotreply@).
NO_REPLY_PATTERNS = ("no[-_.]?responder", "no[-_.]?contestar")
# Mailboxes of a desk, not a person (support@, careers@, karriere@).
ROLE_MAILBOX_PATTERNS = ("empleos?", "reclutamiento", "seleccion", "rrhh", "talento")
# Honorifics before a name in a list of people: written without a full stop, and
# abbreviations that may take one ("Dr. Lydia Chen", "Herrn Weber", "D. Javier Ruiz"; "D."
# and "Dña." are Don and Doña).
HONORIFIC_WORD_PATTERNS = ("Doña", "Don")
HONORIFIC_ABBREVIATION_PATTERNS = ("Sra?", "Ing", "Lic", "Mtr[oa]", "D", "Dña")
# An interview moved ("rescheduled", "new time").
MOVED_PATTERNS = ("cambi", "mov[ií]")
# "and me" after a list of interviewers: the writer interviews too; "and me" or "and
# myself" anywhere, the same for the writer.
AND_ME_PATTERNS = ("y (?:yo|conmigo)", "y (?:la|el) suscrit[oa]", "(?<=; )yo(?: mism[oa])?(?=;|$)")
SENDER_TOO_PATTERNS = ("y (?:yo|conmigo)", "y (?:la|el) suscrit[oa]",
                       "(?<=[-•*] )(?:yo(?: mism[oa])?)(?= *$)")
# "En ella estaremos D. Xosé Vázquez, Director de Operaciones, y yo misma" (session 8, 122):
# "y yo" already names the writer; "misma" needs nothing more.
# What ends a list of names ("with Dana Kim for the final round").
NAMES_END_PATTERNS = ("para", "el", "que")
# Who to write to, not who interviews ("reach out to Dana with questions").
CONTACT_ONLY_PATTERNS = ("contactar", r"escrib\w+")
# The stage of the process a subject glues after a company's name ("Acme final round"):
# the words before the stage, and the stage or the mail's subject itself.
STAGE_ADJECTIVE_PATTERNS = ("primera", "segunda", "última")
STAGE_NOUN_PATTERNS = ("entrevista", "candidatura", "proceso")
# The stage of the process written before or after a job ("Technical Interview",
# "Vorstellungsgespräch"): the words before the stage, and the stage.
STAGE_BEFORE_JOB_ADJECTIVE_PATTERNS = ("primera", "segunda", "última", "final")
STAGE_BEFORE_JOB_PATTERNS = ("entrevista", "videollamada", "llamada")
# A stage of the process or a kind of mail, which is never a job's title.
NOT_A_ROLE_PATTERNS = ("entrevista",)
# Where and how a job is done, or when, in brackets after it ("(Remote)", "(Summer 2027)").
WHERE_AND_HOW_PATTERNS = ("remoto", "híbrido")
# Words a sender's name or a subject puts after the company, which no company's name
# ends with ("VMware Human Resources", "Slalom Follow Up").
NOT_A_COMPANY_TAIL_PATTERNS = ("rrhh", "recursos humanos")
# A word for what a person does, which no company's name holds.
PERSONS_JOB_PATTERNS = ("desarrollador(?:a)?",)
# A word for a job, which a job's title holds: stems matched at a word's start or inside a
# compound ("Softwareentwickler", "Datenanalyst").
JOB_WORD_PATTERNS = (
    "contable", "desarrollador", "ingenier", "analista", "diseñador", "arquitect", "consultor",
    "programador", "técnic", "líder", "gerente", "jef[ea] de", "becari",
)
# A sender's display name that is the employer's team ("Northwind Recruiting").
TEAM_NAME_PATTERNS = ("empleo",)
# An agency's client ("our client, Orbital Pay").
CLIENT_PATTERNS = (r"\bnuestr[oa]\s+cliente,?(?:\s+(?:es|será|sería))?(?:\s+(?:la empresa|el "
                   r"grupo))?",)
# Words that are no company's name ("Ihre", "uns").
NOT_A_COMPANY_PATTERNS = ("nuestro", "nuestra")
# Words that do not go on a French or Spanish job's title: the start of the next sentence
# or a stage of the process ("Développeur Java", not "Développeur Entretien").
ROLE_STOP_PATTERNS = (
    "Entrevista", "Candidatura", "Oferta", "Puesto", "La", "El", "Los", "Las", "Un", "Tu", "Su",
    "Con", "En", "Y", "Para", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sr", "Sra",
    "Don", "Doña", "Dña", "Equipo",
)
# Adjectives that qualify a French or Spanish job ("Chef de projet digital").
JOB_ADJECTIVE_PATTERNS = (
    "financiero", "financiera", "comercial", "semi senior", "técnic[oa]", "informático",
    "informática", "logística", "administrativo", "administrativa", "de datos", "data",
    "devops", "ux",
)
JOB_NOUN_PATTERNS = ("Desarrollador(?:a)?", "Ingenier[oa]", "Analista", "Diseñador(?:a)?",
                     "Arquitect[oa]", "Consultor", "Programador(?:a)?", "Técnic[oa]", "Líder",
                     "Gerente",
                     r"Jef[ea] de [\wÀ-ÿ]+")
# Titles that take no qualifier of their own ("Product Manager", "Stagiaire").
WHOLE_JOB_TITLE_PATTERNS = ("Becari[oa]",)
# Words of a subject that open no job's title ("Interview", "Re"), and that no job's
# qualifier after a comma is ("Data Engineer, Interview").
SUBJECT_WORD_PATTERNS = ("Entrevista", "Oferta", "Puesto", "Proceso", "Vacante", "Cargo")
NOT_A_QUALIFIER_PATTERNS = ("Entrevista", "Candidatura", "Oferta")
# What comes before a job's title ("your application for", "as a").
ROLE_LEAD_PATTERNS = ("puesto de", "como")
# A calendar summary's stage before the job in brackets ("Recruiter Screen (Engineer)").
STAGE_WORD_PATTERNS = ("entrevista",)
# Words after a job's title that end it ("... for Product Manager, AI Platform, and").
ROLE_FRAME_END_PATTERNS = ("en", "como", "para")
# A subject that is no name ("Interview scheduled", "We got your application").
SUBJECT_NOT_NAME_PATTERNS = ("tu", "su", "entrevista")
# Calendar words as the reader of dates looks for them (judge/dates.py): the words before
# a weekday ("next Tuesday") and after it ("Tuesday next week"), an article between a
# weekday and its date ("Freitag, den 20. März"), noon, "at" before a time and the words
# between the two ends of a range ("2 to 3pm"), "your time" after a time and before it,
# and the words before a length of time ("duration: 1h").
WEEKDAY_QUALIFIER_PATTERNS = ("próximo",)
NEXT_WEEK_PATTERNS = ("de la próxima semana",)
DATE_ARTICLE_PATTERNS = ("el",)
NOON_PATTERNS = ("mediodía",)
AT_TIME_PATTERNS = ("a las", "a la", "entre las")
TIME_RANGE_PATTERNS = ("a", "hasta", "y(?: las)?")
YOUR_TIME_PATTERNS = (r"para ti\b", "(?:en |a )?su hora")
YOUR_TIME_BEFORE_PATTERNS = ("para ti", "para usted")
DURATION_PATTERNS = ("duración", "duracion", "durante")
# What makes a message worth downloading from its headers alone (judge/prefilter.py): a
# subject about recruiting (grown round by round from the messages it missed: other words
# for a job, a recruiter's first line, the steps after a yes, a booking tool's subject, what
# an answer about an application is called), a sender named for the hiring side, and what
# bulk mail must say to be read (an application or an interview, a job's title, the
# user's own application on a job board).
RECRUITING_SUBJECT_PATTERNS = (
    "candidatura", "puesto", "entrevista", "oferta", "vacante", "proceso", "reunión", "aplicaci",
    "postulaci", "empleo", "vacantes?", "selecci[oó]n", "solicitud", "ingeniero",
    "desarrollador", "bienvenid[oa] al equipo", r"\bcitas?\b", "respuesta", "resultado",
    "seguimiento", "felicidades", "enhorabuena", "prácticas", r"\bbeca\b", "hoja de vida",
    "curr[ií]cul",
    # session 8: "Prueba técnica", "Evaluación de integridad", "¡Quedaste entre los
    # finalistas!", "Avanzaste en una búsqueda", "La empresa revisó tu perfil", "quiere
    # contactarte", "Gracias por postularte", "Oportunidad laboral", "Has sido aceptado",
    # "Notificación Contratación", "Te ha enviado un nuevo mensaje"
    r"\bprueba", "evaluaci[oó]n", "finalista", "búsqueda", r"tu perfil", "contactarte",
    "postular", "oportunidad", "aceptad[oa]", "contrataci", "nuevo mensaje",
)
HIRING_SENDER_PATTERNS = ("selección", "reclutamiento", "rrhh", "recursos humanos")
APPLICATION_SUBJECT_PATTERNS = ("candidatura", "entrevista")
JOB_TITLE_SUBJECT_PATTERNS = ("ingeniero", "desarrollador")
JOB_BOARD_PERSONAL_PATTERNS = ("candidatura",)
# How long an interview lasts, written out (judge/facts.py): an hour and a half, half an
# hour, two hours (the word for two, the plural of hour), one hour (the word for one, the
# singular of hour); and a week as the unit of a period, by the start of its word
# (judge/deadlines.py).
HOUR_AND_A_HALF_PATTERNS = ("una hora y media", "hora y media", "1[.,]5 horas?")
HALF_HOUR_PATTERNS = ("media hora",)
TWO_PATTERNS = ("dos",)
HOURS_PATTERNS = ("horas",)
ONE_PATTERNS = ("una",)
HOUR_PATTERNS = ("hora",)
WEEK_STEMS = ("seman",)
# A room booked as a calendar attendee (judge/facts.py): words of its name, the first word
# of its name ("Salle Jaurès"; "Raúl Sala" is a person), and how its address starts
# (room-4b@); and words a capitalised run before a job title holds only when it is no
# person's name (judge/names.py: "Hiring Team, Data Engineer").
ROOM_NAME_PATTERNS: tuple[str, ...] = ()
ROOM_FIRST_WORD_PATTERNS = ("sala",)
ROOM_ADDRESS_PATTERNS = ("sala",)
NOT_IN_A_NAME_PATTERNS = ("Puesto",)
# Around the stage written before or after a job (judge/plausible.py): a second stage word
# ("Interview Call"), a word after the stage ("Entretien technique", "Interview with Dana"),
# what a subject opens with ("Invitation:", "Re:", "AW:"), and what links the stage to the
# job ("Interview for Data Engineer").
SECOND_STAGE_PATTERNS: tuple[str, ...] = ()
AFTER_STAGE_PATTERNS = ("técnica", "final")
WITH_PATTERNS = ("con",)
# "and" between two people ("with Dana (CTO) and Lee (Tech Lead)"; judge/titles.py).
AND_PATTERNS = ("y", "e")
# How a mail names the tool it was sent through ("enviado a través de X").
SENT_THROUGH_PATTERNS = ("enviad[oa] (?:vía|via|a través de|con|por)", "a través de")
# What opens "postulaste a <puesto> en <empresa>" (judge/names.py).
APPLIED_TO_PATTERNS = ("postulaste a", "(?:tu|su) postulación a")
SUBJECT_PREFIX_PATTERNS = ("invitación", "rv")
STAGE_TO_JOB_PATTERNS = ("para", "del")
# The words before an employer's name in a sentence (judge/names.py): "on behalf of",
# "bei", "chez"; and "your interest in the ... at", by its parts.
EMPLOYER_AFTER_PATTERNS = ("en la empresa",)
INTEREST_PATTERNS = ("interés",)
INTEREST_IN_PATTERNS = ("en", "por")
ARTICLE_PATTERNS = ("el",)
# "in" before a city that names a time zone ("11:00 en Nueva York"; judge/dates.py).
IN_CITY_PATTERNS = ("en", "a")
# What an organisation is called before its name in brackets ("a logistics client
# (Eastbay Freight)"): the name in the brackets is no person's.
ORGANISATION_NOUN_PATTERNS = ("cliente", "empresa", "compañía", "empleador")
EMPLOYER_ACTS_PATTERNS = ("te invita", "te ha invitado", "quiere", "ha (?:revisado|decidido|visto|"
                          "programado|descartado|seleccionado)")
FROM_EMPLOYER_PATTERNS = ("(?:invitación|propuesta de empleo) de",)
# A hedged promise ("Unternehmen melden sich meist innerhalb von zwei Wochen": a job
# board's tip, no date to hold anyone to; session 8, blind scenario 116).
HEDGE_PATTERNS = ("normalmente", "generalmente", "por lo general", "habitualmente")
