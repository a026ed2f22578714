"""`followup auth gmail`: authorising the Gmail API backend.

Runs Google's consent flow for one account and saves the token (0600, atomically) where
the backend looks for it. Never opens a browser: it prints the address and waits on
http://localhost:PORT/ for Google's redirect, so it works on a headless server through
`ssh -L PORT:localhost:PORT server`.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.cli import Context, cli, pass_context
from followup.config_model import AccountConfig, Config
from followup.errors import FollowupError


@cli.group()
def auth() -> None:
    """Authorise followup to read a mailbox and create drafts in it."""


def _gmail_account(config: Config, name: str | None) -> AccountConfig:
    accounts = [account for account in config.accounts if account.backend == "gmail"]
    if name is not None:
        for account in config.accounts:
            if account.name == name:
                if account.backend != "gmail":
                    raise FollowupError(f"account {name!r} uses the {account.backend} "
                                        "backend, not gmail")
                return account
        raise FollowupError(f"no account named {name!r} in the configuration")
    if len(accounts) == 1:
        return accounts[0]
    if not accounts:
        raise FollowupError("no account with `backend: gmail` in the configuration")
    names = ", ".join(account.name for account in accounts)
    raise FollowupError(f"several Gmail accounts ({names}); choose one with --account")


@auth.command("gmail")
@click.option("--account", "account_name", default=None, metavar="NAME",
              help="The account to authorise: a name from accounts[].name with backend: "
                   "gmail, as `followup check-config` lists them (default: the only one).")
@click.option("--client-secrets", type=click.Path(path_type=Path), default=None,
              help="OAuth client file (Desktop app) from Google Cloud; default: the "
                   "account's client_secrets.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True,
              help="Local port that receives Google's answer (tunnel it with ssh -L).")
@pass_context
def auth_gmail(context: Context, account_name: str | None, client_secrets: Path | None,
               port: int) -> None:
    """Let followup read this Gmail account and create drafts in it (never send).

    Prints an address to open in a browser. On a headless server, first run
    `ssh -L PORT:localhost:PORT SERVER` on your workstation, then open the address there.
    """
    from followup.backends.gmail_auth import SCOPES, authorise, save_token, token_path

    config = context.config()
    account = _gmail_account(config, account_name)
    secrets = client_secrets or account.client_secrets
    if secrets is None:
        raise FollowupError(f"account {account.name!r}: no OAuth client file; set "
                            "client_secrets in the config or pass --client-secrets "
                            "(see README, 'Gmail')")
    path = token_path(account, config)
    click.echo(f"Authorising Gmail account {account.name!r} for: read mail "
               f"({SCOPES[0].rsplit('/', 1)[1]}) and create drafts "
               f"({SCOPES[1].rsplit('/', 1)[1]}). followup never sends mail.")
    click.echo(f"Headless server? On your workstation run `ssh -L {port}:localhost:{port} "
               "<this server>` first, then open the address below there.\n")
    credentials = authorise(secrets.expanduser(), port=port)
    try:
        save_token(path, credentials)
    except OSError as error:
        raise FollowupError(f"cannot save the token to {path}: {error.strerror}") from None
    click.echo(f"Saved the authorisation to {path} (mode 0600).")
