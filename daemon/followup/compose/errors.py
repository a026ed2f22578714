"""The errors draft composition raises. Both are `FollowupError`s the user can act on."""

from __future__ import annotations

from followup.errors import EX_CONFIG, FollowupError


class DraftTemplateError(FollowupError):
    """A draft template cannot be used: a syntax error, an unknown variable, a missing block.

    `template` is the file (its path when it is on disk, else its template name) and `line`
    the line in it, when known. The message names both, so the user can go and fix it.
    """

    exit_status = EX_CONFIG

    def __init__(self, template: str, line: int | None, problem: str) -> None:
        self.template = template
        self.line = line
        self.problem = problem
        where = f"{template}, line {line}" if line else template
        super().__init__(f"draft template {where}: {problem}")


class DraftAddressError(FollowupError):
    """A draft cannot be addressed safely: a recipient or the sender is not one valid address.

    The runner marks such a draft `blocked` and goes on; nothing is written.
    """

    def __init__(self, role: str, value: str, problem: str) -> None:
        self.role = role
        self.value = value
        self.problem = problem
        super().__init__(f"draft {role} address {value!r} is not usable: {problem}")
