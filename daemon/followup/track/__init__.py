"""Applications, their state, and when each draft is due. Pure code: data and `now` in.

- `group_applications(records, user, overrides, now=..., timing=...)`: judged mail records
  into applications with rounds, state, contacts (`applications`, `grouping`, `rounds`,
  `state`, `silence`).
- `plan_drafts(applications, user, timing, now, existing)`: the drafts README.md's "When
  drafts appear" calls for (`timing`, `thank_you`, `follow_ups`, `plans`, `replies`).
- `calendar_days`: business days and wall-clock times in the user's zone.

Machine addresses and employer domains live below, in `followup.mail.senders`, shared with
the judge (ARCHITECTURE.md).
"""
