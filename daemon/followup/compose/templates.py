"""Finding and rendering the draft templates.

A template is a Jinja2 file named `<kind>.txt.j2` (or `<kind>.<lang>.txt.j2`, e.g.
`thank_you.de.txt.j2`, tried first for that language; built in for en, de, fr and es, each
with both registers) with two blocks:

    {% block subject %}Thank you – {{ user_name }}{% endblock %}
    {% block body %}
    Hello,
    ...
    {% endblock %}

`subject` is the subject of a fresh message; a draft that replies in the employer's thread
takes "Re: <their subject>" instead, so that it stays in the conversation. `body` is the
plain-text body. Anything outside the two blocks is ignored (comments welcome). Blank-line
and spacing seams left by `{% if %}`s are tidied after rendering (see
`followup.compose.text.normalise_body`), so a sentence can simply leave a missing fact out.

The user's `drafts.templates_dir` is searched first, then the built-in templates, so a user
file replaces one kind only. A user template may also start with
`{% extends "builtin/thank_you.txt.j2" %}` and override just one block.

For HTML drafts (`drafts.html`), `<kind>.html.j2` (autoescaped; its `body` block, or the
whole output when it has none) is used when present; otherwise the HTML part is made from the
plain text, paragraph for paragraph.

Variables: see `followup.compose.context`. An unknown variable is an error, as is a syntax
error; both name the file and the line.
"""

from __future__ import annotations

import html as html_lib
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2

from followup.compose.errors import DraftTemplateError
from followup.compose.text import normalise_body
from followup.config_model import DraftsConfig

Form = Literal["txt", "html"]
BUILTIN_PREFIX = "builtin"


@dataclass(frozen=True)
class RenderedDraft:
    """A rendered template: the fresh subject, the tidied text body, the HTML body if asked."""

    subject: str
    text: str
    html: str | None = None
    template: str = ""


def template_names(kind: str, language: str, form: Form) -> list[str]:
    """The file names tried for `kind` in `language`, most specific first."""
    names = [f"{kind}.{language}.{form}.j2"] if language else []
    names.append(f"{kind}.{form}.j2")
    return names


_FRENCH_ELIDING = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)


def french_de(words: object) -> str:
    """French "de" before `words`, elided before a vowel: "de Chef de projet", "d'Actuaire
    confirmé", "d'Ingénieur" (the `de` filter of the templates)."""
    text = str(words)
    return f"d'{text}" if _FRENCH_ELIDING.match(text) else f"de {text}"


class DraftTemplates:
    """The template set of one configuration: the user's directory over the built-ins.

    Build one per run and pass it to `build_draft(templates=...)`; compiled templates are
    cached by Jinja.
    """

    def __init__(self, templates_dir: Path | str | None = None) -> None:
        """Raises DraftTemplateError when `templates_dir` is given but is not a directory."""
        builtin = jinja2.PackageLoader("followup.compose", "templates")
        # "builtin/<name>" always means the shipped file, whatever the user's directory holds.
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin})]
        self.templates_dir = Path(templates_dir).expanduser() if templates_dir else None
        if self.templates_dir is not None:
            if not self.templates_dir.is_dir():
                raise DraftTemplateError(str(self.templates_dir), None,
                                         "the templates directory does not exist")
            loaders.append(jinja2.FileSystemLoader(str(self.templates_dir)))
        loaders.append(builtin)
        loader = jinja2.ChoiceLoader(loaders)
        options: dict[str, Any] = {
            "loader": loader,
            "undefined": jinja2.StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
        }
        self._text_environment = jinja2.Environment(autoescape=False, **options)
        self._html_environment = jinja2.Environment(autoescape=True, **options)
        for environment in (self._text_environment, self._html_environment):
            environment.filters["de"] = french_de

    @classmethod
    def from_config(cls, drafts: DraftsConfig) -> DraftTemplates:
        return cls(drafts.templates_dir)

    def render(self, kind: str, context: Mapping[str, object], *, language: str = "en",
               html: bool = False) -> RenderedDraft:
        """Render `kind` with `context` (see `followup.compose.context`).

        Returns the fresh subject, the normalised text and, when `html`, the HTML body.
        Raises DraftTemplateError for a template that is missing, broken, uses an unknown
        variable or renders an empty subject or body.
        """
        template = self._select(self._text_environment, template_names(kind, language, "txt"))
        if template is None:
            raise DraftTemplateError(f"{kind}.txt.j2", None,
                                     f"no template for the draft kind {kind!r}")
        blocks = _render_blocks(template, context, required=("subject", "body"))
        subject = " ".join(blocks["subject"].split())
        text = normalise_body(blocks["body"])
        name = template.filename or template.name or kind
        if not subject:
            raise DraftTemplateError(name, None, "the subject block rendered empty")
        if not text.strip():
            raise DraftTemplateError(name, None, "the body block rendered empty")
        html_body = self._render_html(kind, language, context, text) if html else None
        return RenderedDraft(subject=subject, text=text, html=html_body, template=name)

    def _select(self, environment: jinja2.Environment,
                names: list[str]) -> jinja2.Template | None:
        try:
            return environment.select_template(names)
        except jinja2.TemplatesNotFound:
            return None
        except jinja2.TemplateSyntaxError as error:
            raise DraftTemplateError(error.filename or error.name or names[-1], error.lineno,
                                     f"syntax error: {error.message}") from error

    def _render_html(self, kind: str, language: str, context: Mapping[str, object],
                     text: str) -> str:
        template = self._select(self._html_environment, template_names(kind, language, "html"))
        if template is None:
            return text_to_html(text)
        blocks = _render_blocks(template, context, required=())
        body = blocks.get("body", blocks[""])
        lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
        return "\n".join(line for index, line in enumerate(lines)
                         if line or (index and lines[index - 1])).strip("\n") + "\n"


def _render_blocks(template: jinja2.Template, context: Mapping[str, object],
                   required: tuple[str, ...]) -> dict[str, str]:
    """Render the whole template once (which runs any `extends` and so gathers the blocks of
    its parents), then each block on its own. The whole output is under the key ""."""
    name = template.filename or template.name or "<template>"
    try:
        render_context = template.new_context(dict(context))
        whole = "".join(template.root_render_func(render_context))
        rendered = {"": whole}
        for block_name in required:
            if block_name not in render_context.blocks:
                raise DraftTemplateError(name, None,
                                         f"has no {{% block {block_name} %}}")
        for block_name, functions in render_context.blocks.items():
            rendered[block_name] = "".join(functions[0](render_context))
        return rendered
    except DraftTemplateError:
        raise
    except jinja2.TemplateSyntaxError as error:
        raise DraftTemplateError(error.filename or error.name or name, error.lineno,
                                 f"syntax error: {error.message}") from error
    except Exception as error:  # a user template can raise anything while rendering
        file, line = _template_position(template.environment, error, name)
        if isinstance(error, jinja2.UndefinedError):
            problem = f"unknown variable: {error.message}"
        else:
            problem = f"{type(error).__name__}: {error}"
        raise DraftTemplateError(file, line, problem) from error


def _template_position(environment: jinja2.Environment, error: BaseException,
                       default: str) -> tuple[str, int | None]:
    """The template file and line where `error` happened.

    Jinja rewrites a traceback so that its frames carry template lines (what
    `Template.render` does); we render through `root_render_func`, so ask for it here.
    """
    try:
        environment.handle_exception()
    except Exception as rewritten:  # noqa: BLE001 - handle_exception always re-raises
        error = rewritten
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return default, None


def text_to_html(text: str) -> str:
    """The plain-text body as simple HTML: one <p> per paragraph, <br> between its lines."""
    paragraphs = [paragraph for paragraph in text.strip("\n").split("\n\n") if paragraph]
    parts = []
    for paragraph in paragraphs:
        lines = [html_lib.escape(line) for line in paragraph.split("\n")]
        parts.append("<p>" + "<br>\n".join(lines) + "</p>")
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")
