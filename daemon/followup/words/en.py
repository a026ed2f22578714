"""English words: data only (see `followup.words`)."""

from __future__ import annotations

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth")

WEEKDAY_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
    ("sunday", "sun"),
)
MONTH_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
RELATIVE_DAYS: dict[str, int] = {"today": 0, "tomorrow": 1, "day after tomorrow": 2}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2,
}

# The commonest words of the language, counted to tell which language a message is in.
STOP_WORDS = frozenset((
    "the", "and", "you", "your", "for", "with", "we", "our", "to", "of", "is", "are", "this",
    "that", "have", "will", "be", "thank", "would", "please", "at", "on", "in",
))

# For mail too short for stop words: day and month names not spelt alike in another
# language, and the words calendar notices and job alerts are made of.
SHORT_MAIL_WORDS = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "june", "july", "october", "december",
))
# Letters only this language of the four writes: none.
LETTERS: frozenset[str] = frozenset()

# Honorifics by their plain form (lower case, no full stop), each with the spelling a
# formal greeting uses ("" when a greeting leaves it out).
HONORIFICS: dict[str, str] = {
    "dr": "Dr.", "doctor": "Dr.", "prof": "Prof.", "professor": "Prof.",
    "mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "miss": "Miss", "sir": "",
}
# Honorifics as written, by what they tell: an academic title, a woman, a man.
ACADEMIC_TITLES = frozenset({"Dr.", "Prof."})
FEMININE_HONORIFICS = frozenset({"Mrs.", "Ms.", "Miss"})
MASCULINE_HONORIFICS = frozenset({"Mr."})
# Words that make a display name a team, a function or a tool rather than a person.
NOT_A_PERSON = frozenset("""
team teams recruiting recruitment recruiter recruiters careers career talent hr jobs job
hiring people noreply no-reply donotreply support info admin notifications notification
calendar scheduling scheduler office department group acquisition staffing human resources
via bot assistant service services mailer system systems news newsletter alerts the and
""".split())

# "and" in a list of names or things ("Dana, Lee and Sam").
AND = "and"

# Clock hours written out ("half past ten", "three o'clock").
HOUR_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Words that end a company's name ("Bluefin Analytics", "Möwenpost Verlag") or open it
# ("Grupo Alcaraván", "Laboratoires Bellechasse").
COMPANY_NAME_TAIL_WORDS = frozenset("""
analytics software systems labs lab health healthcare insurance learning mobility university
college energy logistics capital media telecom pharmacy pharma bank banking consulting
technologies technology tech solutions studios studio games robotics bio biosciences biotech
therapeutics foods motors partners networks security cloud data ai payments finance financial
holdings industries ventures devices medical medtech engineering manufacturing automation
aerospace freight shipping transport foundation institute museum press publishing records
apparel outdoor travel realty properties homes research credit union mutual dynamics works
group interactive digital solar power semiconductors semiconductor pharmaceuticals
""".split())
COMPANY_NAME_HEAD_WORDS = frozenset("group".split())
# Words of a sender's display name that name a function or a tool, not the employer.
GENERIC_SENDER_WORDS = frozenset("""
careers career jobs job recruiting recruitment talent team hiring hr people acquisition no
reply noreply notifications notification the via at candidates applications application
""".split())

# Words that are no person's name where a name could stand ("Termin", "Regards",
# "Engineer"): job words, greetings, places, times.
NOT_A_NAME = frozenset("""
insurance group plaza federal bank health labs software systems analytics manager
engineering engineer data platform research computing ops team director lead head office
university am the our your interview panel principal staff senior hiring talent acquisition
recruiting recruiter coordinator people product design security infrastructure backend
frontend machine learning calendar room conference building floor street avenue suite hr vp
chief officer founder ceo cto cfo coo partner president architect scientist analyst
developer specialist consultant associate intern welcome lunch break wrap coding system
kernel drivers board virtual onsite phone screen technical behavioral final round pm central
eastern pacific mountain time ct et pt range front ave st rd blvd road regards position
""".split())

# The words the judge's patterns look for, as alternatives of a regular expression
# (`followup.words.alternatives` joins each list of the four languages, in order).
# A person's honorific before their name ("Dr. Lydia Chen").
HONORIFIC_PATTERNS = ("Dr", "Prof", "Mr", "Ms", "Mrs")
# "our" before a person's title ("Dana Kim, our Engineering Manager").
OUR_PATTERNS = ("our", "the", "my")
# Small words inside a job title ("Head of Data", "Responsable des ventes").
TITLE_LINK_PATTERNS = ("of", "and", "for")
# "at" between a person's title and the employer ("Engineering Manager at Northwind").
AT_EMPLOYER_PATTERNS = ("at",)
# Words that make a line a person's job title ("Head of Quant Engineering").
JOB_TITLE_PATTERNS = (
    "engineer", "developer", "manager", "designer", "scientist", "analyst", "architect",
    r"lead\b", "director", "head of", r"vp\b", "vice president", "cto", "ceo", "coo", "cfo",
    "founder", "recruiter", "partner", "specialist", "coordinator", "officer", "talent",
    "people", r"\bteam\b",
)
# The label of a line that names a person ("Interviewer: Dana Kim"), and of the line under
# it that gives their title ("Title: Engineering Manager").
PERSON_LABEL_PATTERNS = ("interviewer", "contact")
TITLE_LABEL_PATTERNS = ("title", "job title", "position", "role")
# Words that end a job title without being part of it ("Manager and", "Lead who").
TITLE_TAIL_WORDS = frozenset(("and", "of", "for", "will", "who"))
# Words that tie a period to an answer from the employer ("we will get back to you").
ANSWER_PATTERNS = (
    "decision", "decide", "hear (back|from (?:us|me))", "get back to", "update",
    "let (?:you|us|me) know", "outcome", "let (?:all|every) (?:the )?(?:candidates|applicants)"
    " know",
    "be in touch", "respond", "reply", "feedback", "next steps?",
    "come back to (?:you|everyone|everybody|all)",
    "reach out", "contact you", "wrap up", "final(i[sz]e)?", "conclude", "answer", "revert",
)
# A time too vague to hold anyone to ("in due course").
VAGUE_TIME_PATTERNS = ("early next week", "early in the week", "coming weeks", "in due course")
# A hedged promise ("we usually respond within two weeks"); English only.
HEDGE_PATTERNS = (
    "try to", "usually", "typically", "generally", "normally", "occasionally", "in most cases",
    "can take", "may take", "(?:we|i) (?:had )?promised",
)
# What comes before a period ("within", "in the next") and the period's units.
WITHIN_PATTERNS = ("within", "in", "over", "in the next", "over the next", "within the next",
                   "within a maximum of")
WORKING_DAY_PATTERNS = ("business ", "working ")
DAY_UNIT_PATTERNS = ("days?", "weeks?")
END_OF_MONTH_PATTERNS = ("end of (?:the |this )?month",)
# What comes before an answer's date ("by", "no later than", "hear from us").
BY_DATE_PATTERNS = (
    "by", "before", "no later than", "on or before", "until", "by end of day", "in touch",
    "back to you", "hear from (?:me|us)", "(?:an )?update", "decision",
)
# Someone away ("out until Thursday", "on holiday"), and "until" before a date.
ABSENCE_PATTERNS = ("out", "away", "off", "travell?ing", "on leave", "on vacation",
                    "on holiday")
UNTIL_PATTERNS = ("until", "till")
# A recruitment agency's name ("Harbor Talent Partners", "Beacon Search Group").
AGENCY_PATTERNS = (
    "staffing", "recruitment", "recruiting", "personnel", r"headhunt\w*", "executive search",
    "search (?:group|partners)", "talent (?:partners|source|solutions|group)", "intersearch",
    r"search$",  # a firm's name ending in "Search" ("Harbor Lane Search") finds people
)
# "no reply" in a mailbox's name, with or without separators (no-reply@, donotreply@).
NO_REPLY_PATTERNS = ("no[-_.]?reply", "do[-_.]?not[-_.]?reply", "dont[-_.]?reply")
# Mailboxes of a desk, not a person (support@, careers@, karriere@).
ROLE_MAILBOX_PATTERNS = (
    "support", "help", "helpdesk", "requests?", "assessments?", "tests?", "jobs", "careers?",
    r"recruit\w*", "itrecruiting", "talent", "hr", "people", "team", "info", "hello", "contact",
    "apply", "applications?", "admissions?", "gradadmit", "office", "admin", "lists?",
    r"[\w-]*-?devs?", "candidates?", "hiring", "staffing",
)
# Honorifics before a name in a list of people: written without a full stop, and
# abbreviations that may take one ("Dr. Lydia Chen", "Herrn Weber", "D. Javier Ruiz").
HONORIFIC_WORD_PATTERNS: tuple[str, ...] = ()
HONORIFIC_ABBREVIATION_PATTERNS = ("Dr", "Prof", "Mr", "Ms", "Mrs", "Mx")
# An interview moved ("rescheduled", "new time").
MOVED_PATTERNS = ("reschedul", r"moved?\b", r"moving\b", r"instead\b", "new time")
# "and me" after a list of interviewers: the writer interviews too; "and me" or "and
# myself" anywhere, the same for the writer.
AND_ME_PATTERNS = ("(?:and|&) (?:me|myself)", "and the undersigned", "(?<=; )(?:me|myself)(?=;|$)")
SENDER_TOO_PATTERNS = ("(?:and|&) (?:me|myself)", "and the undersigned",
                       # "it will be me and Daniel Papadopoulos" (session 8, blind 113)
                       "(?:will|'ll|would) be (?:me|myself) and",
                       # the writer as the last item of a list of interviewers ("- myself")
                       "(?<=[-•*] )(?:me|myself)(?= *$)")
# What ends a list of names ("with Dana Kim for the final round").
NAMES_END_PATTERNS = ("for", "about", "regarding", "on", "at", "to", "who")
# Who to write to, not who interviews ("reach out to Dana with questions").
CONTACT_ONLY_PATTERNS = ("in touch", "contact", "reach out", "questions?", r"reschedul\w*")
# The stage of the process a subject glues after a company's name ("Acme final round"):
# the words before the stage, and the stage or the mail's subject itself.
STAGE_ADJECTIVE_PATTERNS = (
    "final", "first", "second", "third", "last", "next", "technical", "tech", "phone", "video",
    "onsite", "on-site", "virtual", "panel", "hiring", "coding", "system design", "behavioral",
    "behavioural", "culture", "intro(?:ductory)?", "recruiter", "screening", "follow-up",
)
STAGE_NOUN_PATTERNS = (
    "round", "rounds", "screen", "screening", "interview", "interviews", "call", "chat", "loop",
    "stage", "onsite", "on-site", "panel", "debrief", "assessment", "challenge", "take-home",
    "exercise", "conversation", "meeting", "next steps?", "update", "offer", "application",
    "invitation", "invite", "feedback", "decision",
)
# The stage of the process written before or after a job ("Technical Interview",
# "Vorstellungsgespräch"): the words before the stage, and the stage.
STAGE_BEFORE_JOB_ADJECTIVE_PATTERNS = (
    "first", "second", "third", "final", "last", "technical", "tech", "phone", "video", "onsite",
    "on-site", "virtual", "panel", "hiring manager", "recruiter", "intro(?:ductory)?",
    "behaviou?ral", "coding", "system design", "culture",
)
STAGE_BEFORE_JOB_PATTERNS = ("interviews?", "round", "screen(?:ing)?", "call", "chat", "loop",
                             "onsite")
# A stage of the process or a kind of mail, which is never a job's title.
NOT_A_ROLE_PATTERNS = (
    "interview", "round", "screen", "call", "application", "candidate", "invitation", "offer",
    "rejection", "update", "assessment", "regards", "thanks?",
)
# Where and how a job is done, or when, in brackets after it ("(Remote)", "(Summer 2027)").
WHERE_AND_HOW_PATTERNS = ("remote", "hybrid", "on-?site", "onsite")
SEASON_PATTERNS = ("spring", "summer", "fall", "autumn", "winter")
# Words a sender's name or a subject puts after the company, which no company's name
# ends with ("VMware Human Resources", "Slalom Follow Up").
NOT_A_COMPANY_TAIL_PATTERNS = (
    "human resources", "hr", "talent acquisition", "careers?", "campus",
    "early(?: careers?| talent)?", "university recruiting", "recruiting", "recruitment",
    "opportunit(?:y|ies)", "follow[- ]up", "bad news", "good news", "reach out",
    "(?:take[- ]home )?assignment",
)
# A word for what a person does, which no company's name holds.
PERSONS_JOB_PATTERNS = ("engineer", "developer", "programmer", "analyst", "intern",
                        "recruiter", "designer", "scientist")
# A word for a job, which a job's title holds: stems matched at a word's start or inside a
# compound ("Softwareentwickler", "Datenanalyst").
JOB_WORD_PATTERNS = (
    "engineer", "developer", "programmer", "manager", "designer", "scientist", "analyst",
    "architect", r"\blead\b", "director", "specialist", "consultant", "coordinator",
    "administrator", "researcher", r"\bowner\b", "intern", "associate", "officer", "advocate",
    "writer", "editor", "strategist", "representative", "recruiter", "accountant", "technician",
    r"\bhead of\b", r"\bvp\b", "vice president", r"\bsre\b", "devops", "executive", "marketer",
    "counsel", "nurse", "teacher", "assistant", r"\bchef\b", "cook", "driver", "operator",
    "agent", "planner", "buyer", "controller", "auditor", "lawyer", "attorney", "physician",
    "therapist", "pharmacist", "product", "data", "software", "platform", "backend",
    "frontend", "full[- ]?stack", "security", "infrastructure", r"qa\b", "tester", "scrum",
    "support", "sales", "marketing", "success", "advis[oe]r",
)
# A sender's display name that is the employer's team ("Northwind Recruiting").
TEAM_NAME_PATTERNS = ("recruiting", "recruitment", "talent(?: acquisition)?", "careers?",
                      "hiring team", "jobs", "hr", "people(?: team)?", "team")
# An agency's client ("our client, Orbital Pay").
CLIENT_PATTERNS = (r"\b(?:our|my|a|the)\s+client(?:,| is| -)?", r"\bclient\s+of\s+(?:ours|mine),?")
# A job's title: its seniority, and the nouns that end it ("Senior Data Engineer").
SENIORITY_PATTERNS = ("Senior", r"Sr\.?", "Junior", r"Jr\.?", "Staff", "Principal", "Lead",
                      "Chief", "Associate", "Head", "Founding", "Mid-level")
JOB_NOUN_PATTERNS = (
    "Engineer", "Developer", "Manager", "Designer", "Scientist", "Analyst", "Architect", "Lead",
    "Director", "Specialist", "Consultant", "Coordinator", "Administrator", "Researcher",
    "Owner", "Intern(?:ship)?", "Associate", "Officer", "Advocate", "Writer", "Editor",
    "Strategist", "Representative", "Recruiter", "Accountant", "Controller", "Technician",
    "Programmer", r"Head of [A-Z][\w&]+(?: [A-Z][\w&]+)?", r"VP[\w ,]+", "SRE", "DevOps",
    "Partner", "Executive", "Marketer", "Counsel", "Nurse", "Teacher", "Planner", "Buyer",
    "Advis[oe]r",
)
# Titles that take no qualifier of their own ("Product Manager", "Stagiaire").
WHOLE_JOB_TITLE_PATTERNS = ("Product Manager", "Data Scientist")
# Words of a subject that open no job's title ("Interview", "Re"), and that no job's
# qualifier after a comma is ("Data Engineer, Interview").
SUBJECT_WORD_PATTERNS = ("Interview", "Application", "Invitation", "Position", "Re", "Fwd")
NOT_A_QUALIFIER_PATTERNS = ("Interview", "Round", "Screen", "Call", "Chat", "Confirmation",
                            "Application", "Update", "Offer")
# What comes before a job's title ("your application for", "as a").
ROLE_LEAD_PATTERNS = ("for (?:the|a|an|our)", "as (?:a|an|the|our)", "position of", "role of",
                      "application for(?: the)?", "applied for(?: the)?")
# A calendar summary's stage before the job in brackets ("Recruiter Screen (Engineer)").
STAGE_WORD_PATTERNS = ("interview", "chat", "screen", "call", "round", "conversation")
# Words after a job's title that end it ("... for Product Manager, AI Platform, and").
ROLE_FRAME_END_PATTERNS = ("position", "role", "opening", "job", "posting", "vacancy", "at",
                           "with", "in", "is", "has", "was", "were", "and", "for", "on", "we",
                           "you")
# A subject that is no name ("Interview scheduled", "We got your application").
SUBJECT_NOT_NAME_PATTERNS = (
    "your", "you", "we", "application", "applying", "interview(?:ing)?", "scheduled",
    "invitation", "invite", "needed", "required", "update", "regarding", "thank", "thanks",
    "reminder", "confirmed", "confirmation", "availability", "next steps?",
)
# Calendar words as the reader of dates looks for them (judge/dates.py): the words before
# a weekday ("next Tuesday") and after it ("Tuesday next week"), an article between a
# weekday and its date ("Freitag, den 20. März"), noon, "at" before a time and the words
# between the two ends of a range ("2 to 3pm"), "your time" after a time and before it,
# and the words before a length of time ("duration: 1h").
WEEKDAY_QUALIFIER_PATTERNS = ("next", "this", "coming")
NEXT_WEEK_PATTERNS = ("next week",)
DATE_ARTICLE_PATTERNS = ("the",)
NOON_PATTERNS = ("noon", "midday")
AT_TIME_PATTERNS = ("at",)
TIME_RANGE_PATTERNS = ("to", "until", "till", "and")
YOUR_TIME_PATTERNS = ("your (?:local )?time", "in your time ?zone", r"for you\b")
YOUR_TIME_BEFORE_PATTERNS = ("for you", "on your end")
DURATION_PATTERNS = ("duration", "length", "for")
# What makes a message worth downloading from its headers alone (judge/prefilter.py): a
# subject about recruiting (grown round by round from the messages it missed: other words
# for a job, a recruiter's first line, the steps after a yes, a booking tool's subject, what
# an answer about an application is called), a sender named for the hiring side, and what
# bulk mail must say to be read (an application or an interview, a job's title, the
# user's own application on a job board).
RECRUITING_SUBJECT_PATTERNS = (
    # session 8 (the train halves' first-scan misses): "Appointment Letter", "Notice of
    # Written Examination", "National Police Check required", "Referee details required",
    # "Shall we stay in touch?"
    "appointment letter", "examination", "police check", "background check", "referee",
    "stay in touch",
    "applica", "candida", "interview", "position", r"role\b", "job", "offer", "opportunit",
    "recruit", "hiring", "talent", "career", "assessment", "challenge", "take[- ]home", "test",
    "screen", "next step", "availability", "schedul", "invitation", "invite", "meeting", "call",
    "chat", "conversation", "decision", "update", "status", "thank", "follow", "reject",
    "regret", "unfortunately", "team", "onsite", "on-site", "panel", "reference", r"\bgigs?\b",
    "vacanc", "freelance", r"contract\b", "contractor", "headhunt", r"\bcv\b", "résumé",
    "resume", "talk (?:to|with) you", "speak (?:to|with) you", "connect with you",
    "reach(?:ing)? out", "your (?:profile|background|experience)", "introduc", "messaged you",
    "shortlist", "engineer", "developer", "designer", "analyst", "scientist", "architect",
    r"\bintern(?:ship)?\b", "consultant", "background (?:check|screening|verification)",
    "onboarding", "welcome to the team", "feedback", r"\bresults?\b", "outcome", "good news",
    "congratulat", r"\bselect(?:ed|ion)", "submi(?:ssion|tted)",
)
HIRING_SENDER_PATTERNS = ("hiring", r"recruit\w*", "talent", "careers?", "human resources",
                          "people team")
APPLICATION_SUBJECT_PATTERNS = (
    "applica", "applied", "applying", "candida", "interview", "assessment", "take[- ]home",
    "(?:coding|technical|online) (?:challenge|test|exercise|assignment)", "offer letter",
    "job offer", "recruit", "hiring (?:team|manager|process)",
)
JOB_TITLE_SUBJECT_PATTERNS = (
    "role", "position", "opportunit(?:y|ies)", "job", "gigs?", "vacanc(?:y|ies)", "hiring",
    r"recruit\w*", "talk (?:to|with) you", "engineer", "developer", "sre", "devops", "designer",
    "analyst", "scientist", "architect", "(?:product|engineering|program|project) manager",
    "lead", "head of", "cto", "vp",
)
JOB_BOARD_PERSONAL_PATTERNS = (
    "your application", "application (?:was |has been )?(?:sent|submitted|received|viewed)",
    "sent you a (?:new )?message", r"\binmail\b", "new message from", "interview", "employer",
    "canceled", "cancelled",
)
# How long an interview lasts, written out (judge/facts.py): an hour and a half, half an
# hour, two hours (the word for two, the plural of hour), one hour (the word for one, the
# singular of hour); and a week as the unit of a period, by the start of its word
# (judge/deadlines.py).
HOUR_AND_A_HALF_PATTERNS = ("(?:an? )?hour and a half", "(?:1[.,]5|one and a half) hours?")
HALF_HOUR_PATTERNS = ("half an hour", "(?:a )?half[- ]hour")
TWO_PATTERNS = ("two", "2")
HOURS_PATTERNS = ("hours?",)
ONE_PATTERNS = ("an?", "one", "1")
HOUR_PATTERNS = ("hours?",)
WEEK_STEMS = ("week",)
# A room booked as a calendar attendee (judge/facts.py): words of its name, the first word
# of its name ("Salle Jaurès"; "Raúl Sala" is a person), and how its address starts
# (room-4b@); and words a capitalised run before a job title holds only when it is no
# person's name (judge/names.py: "Hiring Team, Data Engineer").
ROOM_NAME_PATTERNS = (r"(?:meeting|conference|board|interview)\s*room", "room", "auditorium",
                      "boardroom")
ROOM_FIRST_WORD_PATTERNS: tuple[str, ...] = ()
ROOM_ADDRESS_PATTERNS = ("room", "conf", "resource")
NOT_IN_A_NAME_PATTERNS = ("Team", "Interview", "Application", "Role", "Position")
# Around the stage written before or after a job (judge/plausible.py): a second stage word
# ("Interview Call"), a word after the stage ("Entretien technique", "Interview with Dana"),
# what a subject opens with ("Invitation:", "Re:", "AW:"), and what links the stage to the
# job ("Interview for Data Engineer").
SECOND_STAGE_PATTERNS = ("interviews?", "call", "chat")
AFTER_STAGE_PATTERNS = ("final",)
WITH_PATTERNS = ("with",)
# "and" between two people ("with Dana (CTO) and Lee (Tech Lead)"; judge/titles.py).
AND_PATTERNS = ("and",)  # not "&": "Harrow & Finch (Platform Engineer)" is a firm
# How a mail names the tool it was sent through ("Sent via Workable", "Powered by X"):
# that name is never the employer (judge/names.py).
SENT_THROUGH_PATTERNS = ("sent (?:via|with|through|using)", "powered by")
# What opens "you applied to <job> at <employer>" (judge/names.py).
APPLIED_TO_PATTERNS = ("applied (?:to|for)", "applying (?:to|for)")
SUBJECT_PREFIX_PATTERNS = ("invitation", "re")
STAGE_TO_JOB_PATTERNS = ("for", "the")
# The words before an employer's name in a sentence (judge/names.py): "on behalf of",
# "bei", "chez"; and "your interest in the ... at", by its parts.
EMPLOYER_AFTER_PATTERNS = ("on behalf of", "joining", "join", "team at", "here at", "hiring at",
                           # a job board's receipt: "The following items were sent to X"
                           "items were sent to", "application (?:was|has been) sent to")
INTEREST_PATTERNS = ("interest",)
INTEREST_IN_PATTERNS = ("in",)
ARTICLE_PATTERNS = ("the",)
# "in" before a city that names a time zone ("11:00 en Nueva York"; judge/dates.py).
IN_CITY_PATTERNS = ("in",)
# What an organisation is called before its name in brackets ("a logistics client
# (Eastbay Freight)"): the name in the brackets is no person's.
ORGANISATION_NOUN_PATTERNS = ("client", "company", "customer", "firm", "start-?up", "employer",
                              "business", "organi[sz]ation", "brand")
# What an employer does to the candidate on a job board's page, said with its name first
# ("Lekki Fintech Hub has scheduled an interview", "Nube Azul has reviewed your application"):
# the name is the employer's, not the board's (judge/names.py, mail sent by a job board).
EMPLOYER_ACTS_PATTERNS = ("invites you", "has invited you", "wants to", "would like to",
                          "is hiring", "has (?:reviewed|viewed|scheduled?|decided|shortlisted|"
                          "moved|sent you|selected|declined)")
# What the board relays from the employer: "a new job invitation/offer from Lekki Fintech Hub".
# (not "message from" or "request from": a person sends those)
FROM_EMPLOYER_PATTERNS = ("(?:job |interview )?(?:invitation|offer)s?(?:/\\w+)? from",)
