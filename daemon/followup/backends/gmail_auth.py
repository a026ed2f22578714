"""Gmail OAuth: the scopes followup asks for, the token file, refresh, and the consent flow.

followup asks for exactly two scopes (`SCOPES`): `gmail.readonly` to read mail and history,
`gmail.compose` to create drafts. Neither lets it delete or relabel mail; `gmail.compose`
would also allow sending, which the backend refuses by construction (`gmail.ALLOWED`). No
broader scope is ever requested, and the metadata-only scope is avoided on purpose: it
disables search (`q`) and the `raw` format.

The token file (`account.token_file`, else `<state_dir>/gmail-<account>.json`) holds the
authorised-user JSON of google-auth (refresh token, client id and secret). It is written
atomically (a temporary file created 0600 in the same directory, then `os.replace`), so a
crash never leaves half a token and the token is never readable by others, whatever the
umask.

Imports google-auth and google-auth-oauthlib, never googleapiclient (only `gmail.py` does).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httplib2
from google.auth.exceptions import RefreshError, TransportError
from google.oauth2.credentials import Credentials
from google_auth_httplib2 import Request

from followup.config_model import AccountConfig, Config
from followup.errors import AuthenticationError, ConnectionLost, FollowupError

logger = logging.getLogger(__name__)

READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly"
COMPOSE_SCOPE = "https://www.googleapis.com/auth/gmail.compose"
SCOPES: tuple[str, ...] = (READONLY_SCOPE, COMPOSE_SCOPE)
TOKEN_MODE = 0o600
DEFAULT_PORT = 8080
REFRESH_TIMEOUT = 30.0


def token_path(account: AccountConfig, config: Config) -> Path:
    """Where the account's token lives: `token_file`, else `<state_dir>/gmail-<name>.json`."""
    if account.token_file is not None:
        return account.token_file.expanduser()
    if config.state_dir is None:
        raise FollowupError(f"account {account.name!r}: set token_file (no state directory)")
    return config.state_dir.expanduser() / f"gmail-{account.name}.json"


def reauthorise_hint(account_name: str) -> str:
    return f"run `followup auth gmail --account {account_name}`"


def refused_message(account_name: str) -> str:
    """The one message for a refresh token Google no longer accepts (`invalid_grant`)."""
    return (f"Gmail refused the saved authorisation for account {account_name} (revoked, or "
            f"expired: apps left in 'Testing' get tokens that die after 7 days); "
            f"{reauthorise_hint(account_name)} again")


class AuthorisationRefused(AuthenticationError):
    """Google refused the saved refresh token (`invalid_grant`): revoked, or expired."""

    def __init__(self, account_name: str, *, paused: bool = False) -> None:
        message = refused_message(account_name)
        if paused:
            message += "; the account is paused until then (its token has not changed)"
        super().__init__(message)


def _refusal_marker(path: Path) -> Path:
    return path.with_name(path.name + ".refused")


def _token_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def remember_refusal(path: Path) -> None:
    """Note that Google refused the token now in `path` (a digest of the file beside it,
    never the token): until the file changes, `refused_before` says so without asking
    Google again. A revoked or expired refresh token never works again (RFC 6749 §5.2,
    `invalid_grant`), so retrying it every pass only adds log lines and requests."""
    digest = _token_digest(path)
    if digest is None:
        return
    with _ignoring(OSError):
        marker = _refusal_marker(path)
        descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, TOKEN_MODE)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(digest)


def refused_before(path: Path) -> bool:
    """True if Google refused the token file as it is now; a changed file (a new
    `followup auth gmail`) clears the note."""
    marker = _refusal_marker(path)
    try:
        noted = marker.read_text(encoding="ascii").strip()
    except OSError:
        return False
    if noted == _token_digest(path):
        return True
    with _ignoring(OSError):
        marker.unlink()
    return False


def save_token(path: Path, credentials: Credentials) -> None:
    """Write `credentials` to `path` atomically, mode 0600 from the first byte.

    Raises OSError if the directory cannot be written; the old file is then intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = credentials.to_json()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        os.fchmod(descriptor, TOKEN_MODE)  # mkstemp makes 0600 already; say so explicitly
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with _ignoring(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def _ignoring(*errors: type[BaseException]) -> Iterator[None]:
    try:
        yield
    except errors:
        pass


def load_token(path: Path, account_name: str, *, token_uri: str | None = None
               ) -> Credentials:
    """The saved credentials. Raises AuthenticationError if there are none or they are
    unreadable, with the command that makes them.

    google-auth always refreshes at Google's token endpoint, whatever the file says (a
    tampered file cannot send the refresh token elsewhere); `token_uri` overrides that for
    tests against a loopback fake.
    """
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuthenticationError(
            f"account {account_name}: no Gmail authorisation saved at {path}; "
            f"{reauthorise_hint(account_name)}") from None
    except (OSError, ValueError) as error:
        raise AuthenticationError(
            f"account {account_name}: cannot read the Gmail token {path} "
            f"({type(error).__name__}); {reauthorise_hint(account_name)}") from None
    if not isinstance(info, dict) or not info.get("refresh_token"):
        raise AuthenticationError(f"account {account_name}: the Gmail token {path} has no "
                                  f"refresh token; {reauthorise_hint(account_name)}")
    if path.stat().st_mode & 0o077:
        logger.warning("%s: %s is readable by others; making it 0600", account_name, path)
        path.chmod(TOKEN_MODE)
    try:
        credentials = Credentials.from_authorized_user_info(info, scopes=list(SCOPES))
    except ValueError as error:
        raise AuthenticationError(f"account {account_name}: the Gmail token {path} is "
                                  f"incomplete ({error}); {reauthorise_hint(account_name)}"
                                  ) from None
    if token_uri:
        expiry = credentials.expiry
        credentials = credentials.with_token_uri(token_uri)
        credentials.expiry = expiry  # the copy forgets it
    return credentials


def auth_error(error: Exception, account_name: str) -> FollowupError:
    """The followup error for a google-auth failure during refresh."""
    if isinstance(error, RefreshError):
        details = error.args[1] if len(error.args) > 1 else None
        code = details.get("error") if isinstance(details, dict) else None
        if code == "invalid_grant" or "invalid_grant" in str(error):
            return AuthorisationRefused(account_name)
        if getattr(error, "retryable", False):
            return ConnectionLost(f"account {account_name}: Google's token service failed "
                                  f"({code or 'temporary error'}); retrying later may work")
        return AuthenticationError(f"account {account_name}: Gmail authorisation failed "
                                   f"({code or error}); {reauthorise_hint(account_name)}")
    if isinstance(error, TransportError):
        return ConnectionLost(f"account {account_name}: cannot reach Google's token service "
                              f"({type(error.__cause__ or error).__name__})")
    return AuthenticationError(f"account {account_name}: {error}")


def fresh_credentials(path: Path, account_name: str, *, http: httplib2.Http | None = None,
                      token_uri: str | None = None) -> Credentials:
    """Load the token and refresh it now if it is expired (saving the new one back).

    Raises AuthenticationError (no token, refused) or ConnectionLost (network).
    """
    credentials = load_token(path, account_name, token_uri=token_uri)
    if not credentials.valid:
        refresh(credentials, path, account_name, http=http)
    return credentials


def refresh(credentials: Credentials, path: Path, account_name: str, *,
            http: httplib2.Http | None = None) -> None:
    """Refresh the access token and save the token file back atomically."""
    try:
        credentials.refresh(Request(http or httplib2.Http(timeout=REFRESH_TIMEOUT)))
    except (RefreshError, TransportError) as error:
        raise auth_error(error, account_name) from None
    except (OSError, httplib2.HttpLib2Error) as error:
        raise ConnectionLost(f"account {account_name}: cannot reach Google's token service "
                             f"({type(error).__name__})") from None
    save_token(path, credentials)


def missing_scopes(credentials: Credentials) -> list[str]:
    """Those of `SCOPES` the user did not grant (Google lets them untick each one)."""
    granted = credentials.granted_scopes or credentials.scopes or []
    return [scope for scope in SCOPES if scope not in granted]


def authorise(client_secrets: Path, *, port: int = DEFAULT_PORT,
              host: str = "localhost") -> Credentials:
    """Run the consent flow: print the URL, wait on http://localhost:PORT/ for Google's
    redirect, exchange the code. Never opens a browser (headless servers: tunnel the port).

    Raises FollowupError when the client file is unusable, the user refused, or a scope
    was left unticked.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow

    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(client_secrets),
                                                         scopes=list(SCOPES))
    except FileNotFoundError:
        raise FollowupError(f"no OAuth client file at {client_secrets}; download it from "
                            "Google Cloud (see README, 'Gmail')") from None
    except (ValueError, KeyError) as error:
        raise FollowupError(f"{client_secrets} is not an OAuth client file for a desktop "
                            f"app ({error}); see README, 'Gmail'") from None
    previous = os.environ.get("OAUTHLIB_RELAX_TOKEN_SCOPE")
    # Google lets the user untick a scope; oauthlib would then raise a bare Warning.
    # Accept the token and say plainly what is missing instead.
    os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = "1"
    try:
        credentials = flow.run_local_server(
            host=host, port=port, open_browser=False, prompt="consent",
            authorization_prompt_message="Open this address in a browser and allow access:"
                                         "\n\n    {url}\n",
            success_message="followup is authorised. You can close this window.")
    except OSError as error:
        raise FollowupError(f"cannot listen on {host}:{port} for Google's answer ({error}); "
                            "choose another port with --port") from None
    except Exception as error:  # noqa: BLE001 - oauthlib raises many types for one refusal
        raise FollowupError(f"Google did not authorise followup: {error}") from None
    finally:
        if previous is None:
            os.environ.pop("OAUTHLIB_RELAX_TOKEN_SCOPE", None)
        else:
            os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = previous
    if not credentials.refresh_token:
        raise FollowupError("Google returned no refresh token; remove followup's access at "
                            "https://myaccount.google.com/permissions and run this again")
    missing = missing_scopes(credentials)
    if missing:
        raise FollowupError("not every permission was granted (missing: "
                            f"{', '.join(missing)}); run this again and tick both boxes")
    return credentials
