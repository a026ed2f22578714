"""Applications, their state, and when each draft is due. Pure code: data and `now` in.

- `group_applications(records, user, overrides, now=..., timing=...)`: judged mail records
  into applications with rounds, state, contacts (`applications`, `grouping`, `rounds`,
  `state`, `silence`).
- `plan_drafts(applications, user, timing, now, existing)`: the drafts SPEC.md §5 calls for
  (`timing`, `thank_you`, `follow_ups`, `plans`, `replies`).
- `senders`: machine addresses and employer domains (`ATS_DOMAINS` and friends);
  `calendar_days`: business days and wall-clock times in the user's zone.

Nothing is imported here, so that `followup.judge` can import `track.senders` alone.
"""
