"""Judgement: what a message is (its kind) and the facts a follow-up needs. Pure code."""
