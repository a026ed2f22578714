"""Finding the Drafts and Sent folders of a mailbox by attribute, override and common name.

Pure: takes a folder listing, returns names. Used by the IMAP backend (with the server's
LIST response) and the Maildir backend (with the folders on disk).

The order, per role:

1. the config override (`folders.drafts` / `folders.sent`), if set: it is what the user
   asked for, so it wins, and if no such folder exists that is an error (FolderNotFound), not
   a reason to guess;
2. the RFC 6154 special-use attribute (`\\Drafts`, `\\Sent`), compared case-insensitively;
3. common names, English first, then localised ones (German, French, Spanish, ...), each
   also under the `[Gmail]/`, `[Google Mail]/` and `INBOX.` / `INBOX/` prefixes.

It never falls back to INBOX: FolderNotFound names everything that was tried.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from followup.errors import FolderNotFound

SPECIAL_USE_ATTRIBUTES = {"drafts": "\\Drafts", "sent": "\\Sent"}

COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "drafts": (
        "Drafts", "Draft", "Entwürfe", "Entwurf", "Brouillons", "Brouillon", "Borradores",
        "Borrador", "Bozze", "Concepten", "Rascunhos", "Kladder", "Utkast", "Luonnokset",
    ),
    "sent": (
        "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sent-Mail", "Gesendet",
        "Gesendete Elemente", "Gesendete Objekte", "Envoyés", "Éléments envoyés",
        "Messages envoyés", "Enviados", "Elementos enviados", "Correo enviado",
        "Posta inviata", "Inviati", "Verzonden", "Verzonden items", "Itens enviados",
        "Skickat", "Sendt", "Lähetetyt",
    ),
}
NAME_PREFIXES = ("", "[Gmail]/", "[Google Mail]/", "INBOX.", "INBOX/")
UNSELECTABLE = {"\\noselect", "\\nonexistent"}


@dataclass(frozen=True)
class ListedFolder:
    """One folder of a listing: its name (decoded), hierarchy delimiter and attributes."""

    name: str
    delimiter: str | None
    attributes: tuple[str, ...]

    @property
    def selectable(self) -> bool:
        return not UNSELECTABLE & {attribute.lower() for attribute in self.attributes}


def _fold(name: str) -> str:
    """A name for comparisons: NFC-normalised (macOS sends NFD), case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


def candidate_names(role: str) -> list[str]:
    """Every name tried for `role`, in order, prefixes included (for messages and tests)."""
    return [prefix + name for name in COMMON_NAMES[role] for prefix in NAME_PREFIXES]


def find_folder(role: str, folders: Sequence[ListedFolder], override: str | None,
                where: str) -> str:
    """The name of the `role` ("drafts" or "sent") folder among `folders`.

    `where` names the server or directory for the error message. Raises FolderNotFound
    saying what was tried and how to fix it.
    """
    selectable = [folder for folder in folders if folder.selectable]
    if override:
        for folder in selectable:
            if folder.name == override or _fold(folder.name) == _fold(override):
                return folder.name
        raise FolderNotFound(
            f"{where} has no folder {override!r} (set as folders.{role} in the config); "
            f"folders there: {_describe(selectable)}")
    attribute = SPECIAL_USE_ATTRIBUTES[role]
    for folder in selectable:
        if attribute.lower() in {value.lower() for value in folder.attributes}:
            return folder.name
    by_folded_name = {_fold(folder.name): folder.name for folder in selectable}
    for candidate in candidate_names(role):
        found = by_folded_name.get(_fold(candidate))
        if found is not None:
            return found
    tried = ", ".join(COMMON_NAMES[role])
    raise FolderNotFound(
        f"no {role.capitalize()} folder found on {where}: no folder has the "
        f"{attribute} attribute and none is named {tried} (also tried under [Gmail]/, "
        f"[Google Mail]/ and INBOX.); set folders.{role} in the config to the right folder. "
        f"Folders there: {_describe(selectable)}")


def _describe(folders: Iterable[ListedFolder], limit: int = 30) -> str:
    names = [folder.name for folder in folders]
    shown = ", ".join(repr(name) for name in names[:limit])
    if len(names) > limit:
        shown += f", ... ({len(names) - limit} more)"
    return shown or "(none)"
