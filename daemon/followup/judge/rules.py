"""Names of the judge's rules that other code acts on. A rule is known by the name its cue
carries in `lexicon` (what `followup classify` shows among the reasons); code outside the
judge refers to it by these constants, never by writing the label again.
`tests/unit/test_kinds.py` checks that the lexicon has a cue of each name.
"""

from __future__ import annotations

# The role, search or hiring process is paused or frozen: with a status update or a
# cancelled interview, the process is closed without a rejection.
ROLE_ON_HOLD = "on hold"

ACTED_ON = (ROLE_ON_HOLD,)
