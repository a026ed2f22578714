"""Draft composition: planned drafts in, complete RFC 5322 messages out (pure).

    build_draft(planned, user, drafts_cfg, now, templates=None) -> ComposedDraft
    draft_message_id(key, user, drafts_cfg) -> str     the id build_draft will give it
    is_own_message_id(message_id, domain=None) -> bool
    DraftTemplates(templates_dir)                      user templates over the built-ins
    check_templates(user, drafts_cfg)                  fail early on a broken template

Templates and their variables: `followup.compose.templates`, `followup.compose.context`.
"""

from followup.compose.errors import DraftAddressError, DraftTemplateError
from followup.compose.message import (
    ComposedDraft,
    build_draft,
    check_templates,
    draft_message_id,
    is_own_message_id,
)
from followup.compose.templates import DraftTemplates, RenderedDraft

__all__ = [
    "ComposedDraft",
    "DraftAddressError",
    "DraftTemplateError",
    "DraftTemplates",
    "RenderedDraft",
    "build_draft",
    "check_templates",
    "draft_message_id",
    "is_own_message_id",
]
