"""The configuration schema: the single source of truth for validation, the defaults and the
example.

Each `Key` carries its type, default, description and example. `followup.config` validates
YAML against it and `render_example()` writes `config.example.yaml` from it; a test checks
that the committed example is exactly what the schema renders, so they cannot drift. The
typed configuration (`config_model`) takes its defaults from here (`defaults`). Pure data,
below everything that reads a configuration.

Written by hand rather than with jsonschema: we need messages that name the file, the key
path and the fix in the user's words, and the example file generated with comments, and
both are easier from one small declarative tree than from a JSON Schema document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

REQUIRED = object()  # sentinel: the key must be present


@dataclass(frozen=True)
class Key:
    """One configuration key.

    `kind` is one of: str, int, float, bool, path, enum, str_list, date_list, int_list,
    section (children are the keys of a mapping), section_list (a list of such mappings).
    """

    name: str
    kind: str
    description: str
    default: Any = None
    example: Any = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    children: tuple[Key, ...] = field(default_factory=tuple)
    commented: bool = False  # shown commented-out in the example (optional, off by default)

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


ACCOUNT_KEYS: tuple[Key, ...] = (
    Key("name", "str", "A short name for this account, used in logs and `--account`.",
        REQUIRED, "personal"),
    Key("backend", "enum", "How to reach the mailbox: imap, gmail (the Gmail API) or maildir "
        "(a local Maildir folder, or a read-only mbox export).", "imap", "imap",
        choices=("imap", "gmail", "maildir")),
    Key("host", "str", "IMAP server host name (imap backend).", None, "imap.example.org"),
    Key("port", "int", "IMAP port; defaults to 993 with tls: implicit, 143 otherwise.",
        None, 993, minimum=1, maximum=65535),
    Key("tls", "enum", "implicit (TLS from the first byte, port 993), starttls (port 143), "
        "or none (plain text, allowed only to a loopback host such as 127.0.0.1).",
        "implicit", "implicit", choices=("implicit", "starttls", "none")),
    Key("ca_file", "path", "A CA certificate (PEM) to trust, for a self-hosted server with its "
        "own certificate authority. Certificates are always verified.", None,
        "~/.config/followup/my-ca.pem", commented=True),
    Key("username", "str", "IMAP login name.", None, "sam.rivera@example.org"),
    Key("auth", "enum", "password (LOGIN with a password or app password) or xoauth2 (the "
        "secret is an OAuth2 access token).", "password", "password",
        choices=("password", "xoauth2")),
    Key("password_file", "path", "File holding the password (first line). Keep it mode 0600. "
        "Exactly one of password_file, password_env, password_command, password_keyring, "
        "credential is needed for imap.", None, "~/.config/followup/imap-password"),
    Key("password_env", "str", "Name of an environment variable holding the password.",
        None, "FOLLOWUP_IMAP_PASSWORD", commented=True),
    Key("password_command", "str", "A command that prints the password, e.g. a password "
        "manager (run without a shell).", None, "pass show mail/imap", commented=True),
    Key("password_keyring", "str", "Service name under which the password is stored in the "
        "system keyring (needs the optional 'keyring' package), looked up with the username.",
        None, "followup", commented=True),
    Key("credential", "str", "Name of a systemd credential (LoadCredential=) in "
        "$CREDENTIALS_DIRECTORY holding the password.", None, "imap-password",
        commented=True),
    Key("connect_timeout", "float", "Seconds to wait for the server to answer a connection.",
        15.0, 15.0, minimum=1, maximum=600),
    Key("read_timeout", "float", "Seconds to wait for any one server reply before the "
        "connection is treated as dead.", 120.0, 120.0, minimum=5, maximum=3600),
    Key("path", "path", "Maildir folder (maildir backend): INBOX at its root, Sent and Drafts "
        "as subfolders.", None, "~/Mail/personal", commented=True),
    Key("mbox", "path", "An mbox file read read-only as mail (maildir backend), e.g. a Google "
        "Takeout export; drafts then go to `path`.", None, "~/Takeout/All mail.mbox",
        commented=True),
    Key("client_secrets", "path", "OAuth client file downloaded from Google Cloud (gmail "
        "backend).", None, "~/.config/followup/client_secret.json", commented=True),
    Key("token_file", "path", "Where the Gmail OAuth token is kept (gmail backend); defaults "
        "to <state dir>/gmail-<account name>.json, mode 0600.", None,
        "~/.local/state/followup/gmail-personal.json", commented=True),
    Key("folders", "section", "Folder names, when the server does not mark them with "
        "special-use attributes. Left empty, they are found by attribute, then by common "
        "names ([Gmail]/Drafts, Sent Items, ...).", {}, None, children=(
            Key("inbox", "str", "The folder incoming mail arrives in. On Gmail, INBOX means "
                "every message received (archived or filtered past the inbox too); another "
                "name is a label to read instead.", "INBOX", "INBOX"),
            Key("sent", "str", "The folder your sent mail is in.", None, "Sent",
                commented=True),
            Key("drafts", "str", "The folder drafts are placed in.", None, "Drafts",
                commented=True),
        )),
    Key("lookback_days", "int", "How far back the first scan reads, in days.", 120, 120,
        minimum=1, maximum=3650),
)

SCHEMA: tuple[Key, ...] = (
    Key("user", "section", "Who you are. Mail from your addresses counts as sent by you.",
        REQUIRED, None, children=(
            Key("name", "str", "Your name, as it should appear in drafts.", REQUIRED,
                "Sam Rivera"),
            Key("addresses", "str_list", "Every address you send from.", REQUIRED,
                ["sam.rivera@example.org"]),
            Key("timezone", "str", "Your time zone (IANA name); all due times are in it.",
                "UTC", "America/New_York"),
            Key("signature", "str", "Added under every draft.", "",
                "Sam Rivera\n+1 555 0100"),
            Key("working_days", "int_list", "Business days, 1 = Monday ... 7 = Sunday.",
                [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
            Key("country", "str", "Country whose public holidays are not business days "
                "(ISO 3166 code such as US, DE, FR, ES, GB; 'none' for no public holidays). "
                "Defaults to the country of your time zone (America/New_York: US).", None,
                "US", commented=True),
            Key("subdivision", "str", "State or region whose own public holidays also count "
                "(e.g. NY, CA for the US; BY, BE for Germany; CT for Spain). Left out, only "
                "the national holidays count.", None, "NY", commented=True),
            Key("holidays", "date_list", "Extra days off that are not business days "
                "(YYYY-MM-DD), on top of the public holidays.", [],
                ["2026-12-24", "2026-12-31"]),
            Key("language", "enum", "Language of a draft when the mail does not show one "
                "(drafts are written in the thread's language: en, de, fr or es).", "en", "en",
                choices=("en", "de", "fr", "es")),
        )),
    Key("accounts", "section_list", "The mailboxes to watch; at least one.", REQUIRED, None,
        children=ACCOUNT_KEYS),
    Key("scan", "section", "How often to look for new mail.", {}, None, children=(
        Key("interval_minutes", "float", "Minutes between polls in `followup run`.", 10.0,
            10.0, minimum=1, maximum=1440),
        Key("idle", "bool", "Use IMAP IDLE to hear about new mail at once, where offered.",
            True, True),
        Key("max_message_bytes", "int", "Messages larger than this are not read (their "
            "headers still are).", 25_000_000, 25_000_000, minimum=10_000),
    )),
    Key("timing", "section", "When drafts become due (README.md, \"When drafts appear\").",
        {}, None, children=(
        Key("thank_you_delay_hours", "float", "Hours after an interview ends before its "
            "thank-you is drafted.", 2.0, 2.0, minimum=0, maximum=48),
        Key("thank_you_deadline_hours", "float", "A thank-you must be in Drafts within this "
            "many hours of the interview's end.", 24.0, 24.0, minimum=1, maximum=168),
        Key("thank_you_window_hours", "float", "After this many hours from the interview's "
            "end, a thank-you not yet drafted is missed, not drafted.", 48.0, 48.0,
            minimum=1, maximum=336),
        Key("status_check_silence_days", "int", "Days of silence after the last interview "
            "or employer message before a status check, when they gave no date.", 10, 10,
            minimum=1, maximum=90),
        Key("status_check_hour", "int", "Local hour at which status checks become due.",
            9, 9, minimum=0, maximum=23),
        Key("final_note_after_days", "int", "Days after you sent a status check, with no "
            "reply, before a final note.", 14, 14, minimum=1, maximum=120),
        Key("rejection_response_window_hours", "float", "Hours after a rejection during "
            "which a gracious reply is still drafted.", 48.0, 48.0, minimum=1, maximum=336),
        Key("follow_up_window_days", "int", "Days after a status check or final note became "
            "due during which it is still drafted.", 7, 7, minimum=1, maximum=60),
        Key("max_status_checks", "int", "Status checks per stretch of silence.", 1, 1,
            minimum=0, maximum=3),
        Key("max_final_notes", "int", "Final notes per stretch of silence.", 1, 1,
            minimum=0, maximum=1),
    )),
    Key("drafts", "section", "How drafts are written.", {}, None, children=(
        Key("templates_dir", "path", "A folder of your own templates (thank_you.txt.j2, "
            "status_check.txt.j2, final_note.txt.j2, rejection_response.txt.j2); each one "
            "present replaces the built-in one.", None, "~/.config/followup/templates",
            commented=True),
        Key("html", "bool", "Also add an HTML part to drafts.", False, False),
        Key("message_id_domain", "str", "Domain used in drafts' Message-IDs; defaults to the "
            "domain of your first address.", None, "example.org", commented=True),
    )),
    Key("notify", "section", "Tell you when drafts are waiting, never by mail: once per pass "
        "that places drafts, and once more about a thank-you or a reply to a rejection still "
        "unsent when its moment is nearly gone. Through Apprise services (ntfy, Gotify, "
        "Matrix, Telegram, Signal, Pushover, desktop, ...; needs `pip install "
        "'followup[notify]'`) and/or a command of yours. Off unless a URL source or a command "
        "is set. URLs carry tokens, so like passwords they come from a file, the environment, "
        "a command or a systemd credential, never from this file.", {}, None, children=(
            Key("urls_file", "path", "File with Apprise URLs, one per line (e.g. "
                "ntfy://ntfy.sh/your-secret-topic); '#' starts a comment. Keep it mode 0600.",
                None, "~/.config/followup/notify-urls", commented=True),
            Key("urls_env", "str", "Name of an environment variable holding the URLs "
                "(separated by spaces or new lines).", None, "FOLLOWUP_NOTIFY_URLS",
                commented=True),
            Key("urls_command", "str", "A command that prints the URLs, one per line (run "
                "without a shell).", None, "pass show followup/notify-urls", commented=True),
            Key("urls_credential", "str", "Name of a systemd credential (LoadCredential=) in "
                "$CREDENTIALS_DIRECTORY holding the URLs.", None, "notify-urls",
                commented=True),
            Key("command", "str", "A command of yours, run without a shell once per "
                "notification: the text on its standard input, and FOLLOWUP_NOTIFY_TITLE, "
                "FOLLOWUP_NOTIFY_BODY, FOLLOWUP_NOTIFY_NEW, FOLLOWUP_NOTIFY_REMINDERS and "
                "FOLLOWUP_NOTIFY_BEST_BEFORE (ISO 8601, or empty) in its environment.", None,
                "~/bin/followup-notify", commented=True),
            Key("reminders", "bool", "Remind once about a time-critical draft still "
                "untouched in Drafts.", True, True),
            Key("thank_you_reminder_hours", "float", "Hours after an interview ended at which "
                "a thank-you still in Drafts is reminded of.", 18.0, 18.0, minimum=1,
                maximum=168),
            Key("rejection_reminder_hours", "float", "Hours after a rejection at which a reply "
                "still in Drafts is reminded of.", 36.0, 36.0, minimum=1, maximum=336),
        )),
    Key("state_dir", "path", "Where followup keeps its state; defaults to $STATE_DIRECTORY, "
        "else $XDG_STATE_HOME/followup, else ~/.local/state/followup.", None,
        "~/.local/state/followup", commented=True),
)

def defaults(*path: str) -> dict[str, Any]:
    """The defaults of the keys of the section at `path` ("user"; "accounts", "folders"),
    as the YAML would give them. Required keys and keys without a default are left out."""
    keys = SCHEMA
    for name in path:
        keys = next(key for key in keys if key.name == name).children
    return {key.name: key.default for key in keys
            if key.default is not REQUIRED and key.default is not None
            and key.kind not in ("section", "section_list")}


# Keys refused wherever they are written, with what to do instead.
REFUSED_KEYS: dict[str, str] = {
    "notify.urls": "notification URLs carry tokens and are not accepted in the config file; "
                   "put them one per line in a file (mode 0600) and set notify.urls_file, or "
                   "use notify.urls_env, notify.urls_command or notify.urls_credential",
}

# Keys that look like a secret written straight into the YAML: refused (README.md, "Safety").
SECRET_KEY_NAMES = frozenset({"password", "pass", "passwd", "secret", "token", "app_password",
                              "access_token", "refresh_token", "client_secret"})
