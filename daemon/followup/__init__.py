"""followup: recognises job-application mail and leaves follow-up drafts for review.

It never sends mail and never changes the user's mail; see README.md, "Safety".
"""

__version__ = "0.1.0"
