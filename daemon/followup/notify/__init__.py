"""Notifications: the user hears when drafts are placed, and once more while a timely one
sits unsent. Never by mail. `notices` decides (pure), `deliver` sends (Apprise or the
user's command), `announce` is the step at the end of a pass that joins them to the store.
"""
