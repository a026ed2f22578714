"""HTML read as text: what a person sees, links, tables, quotations, limits."""

from __future__ import annotations

import time

from followup.mail.defects import Defects
from followup.mail.html import MAX_HTML_BYTES, html_to_text
from followup.mail.quotes import split_quotes


def text_of(html: str) -> str:
    return html_to_text(html, Defects()).text


def test_invisible_things_are_dropped() -> None:
    html = """<html><head><title>Newsletter</title><style>p {color: red}</style>
    <script>var tracking = 1;</script></head><body>
    <div class="preheader">Preview: you have news</div>
    <span style="display: none !important; mso-hide: all">hidden preheader</span>
    <div style="visibility:hidden">invisible</div><p hidden>also hidden</p>
    <noscript>enable JS</noscript><template><p>template</p></template>
    <p>Visible text<img src="https://t.example/open.gif" width="1" height="1" alt="pixel"></p>
    <img src="https://t.example/o.gif" style="width:1px;height:1px" alt="px2">
    <!-- a comment --><!--[if mso]><p>Outlook only</p><![endif]-->
    </body></html>"""
    assert text_of(html) == "Visible text"


def test_text_after_a_dropped_element_is_kept() -> None:
    assert text_of("<p>before<script>x()</script> after<span hidden>no</span> end</p>") == (
        "before after end"
    )


def test_links_are_collected_with_their_text() -> None:
    result = html_to_text(
        '<p>Please <a href="https://app.ashbyhq.com/s?a=1&amp;b=2">pick&nbsp;a   time</a> or '
        '<a href="mailto:jane@acme.io">email Jane</a>. <a href="#top">Top</a> '
        '<a href="javascript:void(0)">js</a> '
        '<a href="https://acme.io/apply"><img src="b.png" alt="Apply now"></a></p>',
        Defects(),
    )
    assert result.text == "Please pick a time or email Jane. Top js Apply now"
    assert result.links == (
        ("pick a time", "https://app.ashbyhq.com/s?a=1&b=2"),
        ("email Jane", "mailto:jane@acme.io"),
        ("Apply now", "https://acme.io/apply"),
    )


def test_block_elements_break_lines_and_paragraphs_leave_a_blank_line() -> None:
    html = ("<div>Hi Sam,</div><div><br></div><div>Line one<br>Line two</div>"
            "<p>Paragraph</p><ul><li>first</li><li>second</li></ul><h2>Next steps</h2>after")
    assert text_of(html) == (
        "Hi Sam,\n\nLine one\nLine two\n\nParagraph\n\n- first\n- second\n\nNext steps\n\nafter"
    )


def test_table_rows_stay_on_one_line() -> None:
    html = """<table>
      <tr><th>Date</th><th>Time</th><th></th><th>Interviewer</th></tr>
      <tr><td>Tue, March 3</td><td>2:30 PM PT</td><td>&nbsp;</td><td>Priya Natarajan</td></tr>
    </table>"""
    assert text_of(html) == (
        "Date | Time | Interviewer\nTue, March 3 | 2:30 PM PT | Priya Natarajan"
    )


def test_layout_tables_with_nested_blocks() -> None:
    html = """<table><tr><td><table><tr><td><p>Hello Sam</p></td></tr></table></td>
      <td><div>Sidebar</div></td></tr></table>"""
    assert text_of(html) == "Hello Sam\n\nSidebar"


def test_whitespace_entities_and_invisible_characters() -> None:
    html = ("<p>  Caf&eacute;\n\n   &amp;   r&eacute;sum&eacute;&#8203;\u200c"
            "\u00ad\u034f &mdash; &lt;ok&gt;  </p>")
    assert text_of(html) == "Café & résumé — <ok>"


def test_pre_keeps_its_lines() -> None:
    assert text_of("<pre>def f():\n    return 1</pre><p>done</p>") == (
        "def f():\n    return 1\n\ndone"
    )


def test_blockquote_is_marked_as_quoted() -> None:
    html = ("<div>Sounds good!</div><blockquote type=\"cite\">Earlier note<br>"
            "<blockquote>even earlier</blockquote></blockquote><div>Thanks</div>")
    text = text_of(html)
    assert text == "Sounds good!\n> Earlier note\n> > even earlier\nThanks"
    split = split_quotes(text)
    assert split.new_text == "Sounds good!\nThanks"
    assert "even earlier" in split.quoted_text


def test_gmail_quote_is_quoted() -> None:
    html = ('<div dir="ltr">Tuesday works.</div><br><div class="gmail_quote">'
            '<div class="gmail_attr">On Fri, Feb 27, 2026 at 10:12 AM Sam wrote:<br></div>'
            '<blockquote class="gmail_quote">Unfortunately Monday is out.</blockquote></div>')
    split = split_quotes(text_of(html))
    assert split.new_text == "Tuesday works."
    assert "Unfortunately" in split.quoted_text


def test_outlook_reply_header_quotes_everything_after_it() -> None:
    html = """<div class="WordSection1"><p>Thanks, confirmed.</p>
      <div id="appendonsend"></div><hr>
      <div id="divRplyFwdMsg"><b>From:</b> Sam Rivera<br><b>Sent:</b> Monday</div>
      <div><p>Unfortunately I cannot make it.</p></div></div>
      <p>Footer of the old mail</p>"""
    split = split_quotes(text_of(html))
    assert split.new_text == "Thanks, confirmed."
    assert "Unfortunately" in split.quoted_text and "Footer" in split.quoted_text


def test_yahoo_quoted() -> None:
    html = '<div>Yes!</div><div class="yahoo_quoted"><div>old offer text</div></div>'
    assert split_quotes(text_of(html)).new_text == "Yes!"


def test_gmail_signature_gets_one_delimiter() -> None:
    html = ('<div>Best,<br>Maria</div><br><span class="gmail_signature_prefix">-- </span><br>'
            '<div class="gmail_signature"><b>Maria Lopez</b><div>Recruiter</div></div>')
    split = split_quotes(text_of(html))
    assert split.new_text == "Best,\nMaria"
    assert split.signature == "Maria Lopez\nRecruiter"


def test_empty_and_odd_documents() -> None:
    assert text_of("") == ""
    assert text_of("   ") == ""
    assert text_of("\x00\x01<p>nul\x00 bytes</p>") == "nul bytes"
    assert text_of('<?xml version="1.0" encoding="utf-8"?><html><body>xhtml</body></html>') == (
        "xhtml"
    )
    assert text_of("no tags at all") == "no tags at all"
    assert text_of("<p>unclosed <b>bold <i>tags") == "unclosed bold tags"


def test_huge_html_is_cut_with_a_defect_and_stays_fast() -> None:
    defects = Defects()
    html = "<div><p>Row <a href='https://x.io/a'>link</a></p></div>" * 200_000
    started = time.thread_time()
    result = html_to_text(html, defects)
    assert time.thread_time() - started < 1.0
    assert len(html.encode()) > MAX_HTML_BYTES
    assert result.text.startswith("Row link")
    assert any(defect.startswith("html-truncated") for defect in defects.as_tuple())
    assert len(result.links) == 1  # de-duplicated


def test_deeply_nested_html_does_not_recurse() -> None:
    html = "<div>" * 50_000 + "deep" + "</div>" * 50_000 + "<blockquote>" * 5000 + "q"
    started = time.thread_time()
    html_to_text(html, Defects())
    assert time.thread_time() - started < 1.0
