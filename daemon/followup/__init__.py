"""followup: recognises job-application mail and leaves follow-up drafts for review.

It never sends mail and never changes the user's mail; see SPEC.md §2.
"""

__version__ = "0.1.0"
