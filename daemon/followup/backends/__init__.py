"""Mailbox backends behind one small interface (`base.Mailbox`).

Each backend is the only module that imports its client library.
"""
