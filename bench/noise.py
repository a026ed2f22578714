"""The other 98% of a job seeker's mailbox: newsletters, notifications, receipts, job-board
digests, personal threads and mail with big attachments, made fast and deterministically.

Speed matters (50,000 messages, several GB, in well under a minute), so bulky content is
assembled from pools built once per seed:

* HTML and text *blocks* whose length is a multiple of 57 bytes, each kept in three
  transfer encodings (as is, quoted-printable, base64). Base64 turns 57 bytes into one
  76-character line, and quoted-printable works line by line, so a message body is the
  concatenation of pre-encoded blocks, still a valid encoding of the concatenated text.
* random binary blobs, base64-encoded once; an attachment is a line-aligned slice.

Every message still gets its own headers (Received chain, DKIM, ARC, List-Unsubscribe where
a bulk sender would add them), Message-ID, tracking links and block selection.
"""

from __future__ import annotations

import base64
import quopri
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

ME = ("Sam Rivera", "sam.rivera@example.org")
_B64_LINE = 57  # raw bytes per 76-character base64 line

WORDS = ["the", "of", "and", "to", "in", "is", "for", "on", "with", "that", "this", "from", "your", "our", "you", "we", "are", "new", "more", "about", "how", "what", "all", "can", "will", "be", "at", "by", "it", "as", "have", "not", "one", "time", "year", "week", "people", "work", "day", "data", "team", "product", "city", "music", "travel", "food", "coffee", "garden", "market", "books", "film", "design", "cloud", "photo", "weekend", "running", "bike", "trail", "river", "coast", "mountain", "winter", "spring", "summer", "autumn", "season", "recipe", "kitchen", "bread", "pasta", "salad", "soup", "dinner", "lunch", "breakfast", "friends", "family", "home", "house", "garden", "light", "colour", "paint", "wood", "stone", "glass", "craft", "studio", "gallery", "museum", "concert", "ticket", "festival", "stage", "guide", "story", "report", "update", "note", "letter", "issue", "edition", "digest", "roundup", "best", "top", "latest", "popular", "open", "free", "easy", "quick", "simple", "smart", "better", "great", "good", "fresh", "local", "world", "history", "science", "space", "energy", "climate", "ocean", "forest", "wildlife", "health", "sleep", "fitness", "yoga", "walk", "swim", "camera", "lens", "print", "paper", "pen", "notebook", "desk", "chair", "lamp", "shelf", "plant", "tree", "flower", "seed", "soil", "harvest", "farm", "orchard", "apple", "pear", "plum", "berry", "lemon", "ginger", "honey", "tea", "software", "code", "release", "version", "feature", "bug", "fix", "library", "tool", "framework", "server", "database", "network", "security", "privacy", "account", "member", "reward", "offer", "deal", "sale", "price", "order", "ship", "delivery", "store", "shop", "brand", "style", "fashion", "jacket", "shoes", "boots", "shirt", "dress", "bag", "gift", "card", "points"]

_FIRST_NAMES = ["Alex", "Jordan", "Priya", "Marco", "Lena", "Tomás", "Aisha", "Noah", "Chloe",
                "Kenji", "Fatima", "Oliver", "Mei", "Diego", "Hannah", "Samir", "Grace", "Ivan",
                "Zoe", "Rafael", "Nina", "Owen", "Leila", "Ben", "Sofia", "Luca", "Ruth", "Emeka",
                "Claire", "Jonas"]
_LAST_NAMES = ["Nguyen", "Okafor", "Schmidt", "Rossi", "Haddad", "Kowalski", "Tanaka", "Silva",
               "Murphy", "Petrov", "Johansson", "Garcia", "Chen", "Dubois", "Patel", "Cohen",
               "Moreau", "Kim", "Novak", "Brennan"]
_FREE_MAIL = ["gmail.com", "outlook.com", "icloud.com", "proton.me", "yahoo.com", "fastmail.com"]

# (display name, address, list id) of bulk senders; fictional brands.
NEWSLETTERS = [
    ("The Morning Ledger", "hello@morningledger.news"), ("Pyweekly", "editor@pyweekly.dev"),
    ("Trailhead Outfitters", "deals@trailheadoutfitters.com"),
    ("Kettle & Crumb", "recipes@kettleandcrumb.co"), ("Northgate Cinema", "news@northgatecinema.com"),
    ("Data Engineering Digest", "digest@dataengdigest.io"), ("Lumen Books", "hello@lumenbooks.shop"),
    ("Cedar Home", "offers@cedarhome.store"), ("Riverside Runners", "club@riversiderunners.org"),
    ("The Quiet Coder", "posts@quietcoder.substack.com"), ("Atlas Travel", "inspire@atlastravel.com"),
    ("Greenleaf Market", "weekly@greenleafmarket.com"), ("Stackline Cloud", "news@stackline.cloud"),
    ("Harbor Museum", "members@harbormuseum.org"), ("Vinyl Vault", "drops@vinylvault.fm"),
    ("Fieldnotes Weekly", "team@fieldnotesweekly.com"), ("Sprout Garden Co", "grow@sproutgarden.co"),
    ("Metro Transit", "alerts@metrotransit.city"), ("Oak & Ember Coffee", "beans@oakember.coffee"),
    ("Polar Apparel", "style@polarapparel.com"), ("Brightside Fitness", "coach@brightside.fit"),
    ("City Arts Council", "events@cityarts.org"), ("Tidewater Outdoor", "gear@tidewater.co"),
    ("The Long Read", "letters@thelongread.pub"),
]
_NEWSLETTER_SUBJECTS = [
    "{n} stories you missed this week", "Weekend reads: {topic}", "This week in {topic}",
    "Your {month} update from {brand}", "Flash sale: {pct}% off {thing}", "New in: {thing} for {season}",
    "Last chance: free shipping ends tonight", "{brand} Digest #{num}", "The {topic} issue",
    "Don't miss our {season} collection", "We think you'll like these", "Your weekly recap",
    "Introducing the new {thing}", "Members only: {pct}% off {thing}", "Tickets on sale: {topic} night",
    "Recipe of the week: {thing} {dish}", "{n} things to do this weekend", "Quarterly product update",
    "You're invited: {season} open house", "Back in stock: {thing}", "{topic}, explained",
    "The best of {month}", "Save the date: {topic} festival", "Our {season} guide to {topic}",
    "Price drop on items you viewed", "A note from our founder", "Issue {num}: {topic} and more",
]
NOTIFIERS = [
    ("GitHub", "notifications@github.com"), ("Bank of Riverside", "alerts@bankofriverside.com"),
    ("ParcelPoint", "tracking@parcelpoint.com"), ("Chirper", "notify@chirper.social"),
    ("Stackline Cloud", "billing@stackline.cloud"), ("Calendar", "calendar-notification@google.com"),
    ("Slack", "feedback@slack.com"), ("Photoshelf", "no-reply@photoshelf.app"),
    ("Metro Power", "billing@metropower.energy"), ("Dropbox", "no-reply@dropbox.com"),
]
_NOTIFICATION_SUBJECTS = [
    "[{repo}] {thing} cache is not invalidated after {topic} change (#{num})",
    "Re: [{repo}] Fix flaky test in {topic} module (PR #{num})",
    "[{repo}] Release v{num}.{n}.0", "Your statement is ready", "Payment received - thank you",
    "Security alert: new sign-in on Linux", "Your package is out for delivery",
    "Shipped: your order #{num}", "{name} mentioned you in a post", "New comment on your photo",
    "Your {month} bill is available", "Weekly usage report for {month}", "Reminder: {topic} club tonight",
    "{n} new notifications", "Your storage is almost full", "Your monthly summary",
    "{name} shared an album with you", "Password changed", "Scheduled maintenance on {month} {n}",
]
SHOPS = [("Lumen Books", "orders@lumenbooks.shop"), ("Cedar Home", "orders@cedarhome.store"),
         ("Polar Apparel", "orders@polarapparel.com"), ("Oak & Ember Coffee", "shop@oakember.coffee"),
         ("RideNow", "receipts@ridenow.app"), ("FreshCart", "orders@freshcart.com"),
         ("Tidewater Outdoor", "orders@tidewater.co"), ("StreamBox", "billing@streambox.tv")]
_RECEIPT_SUBJECTS = ["Your receipt from {brand}", "Order confirmation #{num}", "Thanks for your order!",
                     "Your {brand} order has shipped", "Payment confirmation", "Your ride on {month} {n}",
                     "Invoice {num} from {brand}", "We received your return"]
JOB_BOARDS = [("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
              ("Indeed", "alert@indeed.com"), ("Glassdoor Jobs", "noreply@glassdoor.com"),
              ("Wellfound", "digest@wellfound.com"), ("Otta", "matches@otta.com")]
_JOB_SUBJECTS = ["{n} new jobs for Data Engineer in New York", "Jobs you may be interested in",
                 "New jobs matching your alert: Analytics Engineer", "{n} new roles at startups this week",
                 "Data Engineer: {n} new jobs near you", "Your weekly job matches"]
_PERSONAL_SUBJECTS = ["dinner on saturday?", "photos from the lake", "camping trip", "happy birthday!!",
                      "quick question", "book club - next pick", "are you around this weekend",
                      "recipe you asked for", "call later?", "moving day help", "holiday plans",
                      "concert tickets", "the apartment", "how did your interview go?",
                      "running group", "wedding rsvp", "board game night", "that article",
                      "thanks for yesterday", "trip itinerary", "garage sale", "new job news!"]
_ATTACHMENT_SUBJECTS = [("photos from the weekend", "image/jpeg", "IMG_{num}.jpg"),
                        ("Scan from printer", "application/pdf", "scan_{num}.pdf"),
                        ("lease agreement", "application/pdf", "lease_{num}.pdf"),
                        ("invoice for the kitchen work", "application/pdf", "invoice-{num}.pdf"),
                        ("trip pictures", "image/jpeg", "DSC{num}.jpg"),
                        ("slides from the meetup", "application/pdf", "talk-{num}.pdf")]
_TOPICS = ["python", "climate", "jazz", "gardening", "running", "space", "design", "cooking",
           "data", "photography", "history", "travel", "film", "science", "cycling", "coffee"]
_THINGS = ["jackets", "boots", "lamps", "notebooks", "mugs", "backpacks", "headphones", "plants",
           "ginger", "lemon", "sourdough", "tents", "sweaters", "prints"]
_DISHES = ["soup", "salad", "pasta", "cake", "bread", "curry", "tart"]
_SEASONS = ["winter", "spring", "summer", "autumn", "holiday"]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


def _pad(text: str) -> bytes:
    """`text` as bytes ending in a newline, padded with spaces to a multiple of 57 bytes."""
    data = text.rstrip("\n").encode()
    missing = (-(len(data) + 1)) % _B64_LINE
    return data + b" " * missing + b"\n"


@dataclass(frozen=True)
class Block:
    """One piece of a body in three transfer encodings; `size` is its decoded length."""

    plain: bytes
    qp: bytes
    b64: bytes

    @property
    def size(self) -> int:
        return len(self.plain)

    @classmethod
    def of(cls, text: str) -> Block:
        plain = _pad(text)
        return cls(plain, quopri.encodestring(plain), base64.encodebytes(plain))

    def encoded(self, encoding: str) -> bytes:
        return {"base64": self.b64, "quoted-printable": self.qp}.get(encoding, self.plain)


class Pools:
    """Everything bulky, built once per seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(3000)]
        self.html_blocks = [Block.of(self._html_card(i)) for i in range(400)]
        self.text_blocks = [Block.of(self._text_card()) for _ in range(300)]
        self.styles = [Block.of(self._style(i)) for i in range(24)]
        self.job_cards = [Block.of(self._job_card(i)) for i in range(200)]
        self._blobs: list[bytes] | None = None

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(7, 19))
        return " ".join(words).capitalize() + self.rng.choice([".", ".", ".", "!", "?"])

    def paragraph(self, rng: random.Random, sentences: int) -> str:
        return " ".join(rng.choices(self.sentences, k=sentences))

    def _html_card(self, index: int) -> str:
        rng = self.rng
        title = self._sentence().rstrip(".!?")
        token = f"{rng.getrandbits(96):024x}"
        paragraphs = "\n".join(
            f'<p style="margin:0 0 12px 0;font-family:Georgia,serif;font-size:16px;'
            f'line-height:24px;color:#333333;">{self.paragraph(rng, rng.randint(2, 4))}</p>'
            for _ in range(rng.randint(1, 3)))
        return f"""<tr>
<td class="card" style="padding:24px 32px 8px 32px;background-color:#ffffff;" align="left" valign="top">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="padding:0 0 16px 0;"><a href="https://click.mailer.example/ls/click?upn={token}&amp;c={index}" target="_blank"><img src="https://cdn.mailer.example/images/{token[:16]}/card-{index}.jpg" width="536" height="{rng.randint(180, 320)}" alt="" style="display:block;width:100%;max-width:536px;height:auto;border:0;outline:none;text-decoration:none;"></a></td></tr>
<tr><td style="padding:0 0 8px 0;font-family:Helvetica,Arial,sans-serif;font-size:22px;line-height:28px;font-weight:bold;color:#111111;">{title}</td></tr>
<tr><td>
{paragraphs}
</td></tr>
<tr><td style="padding:8px 0 16px 0;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="border-radius:4px;background-color:#1a73e8;"><a href="https://click.mailer.example/ls/click?upn={token[::-1]}&amp;cta={index}" style="display:inline-block;padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#ffffff;text-decoration:none;">Read more</a></td></tr></table></td></tr>
</table>
</td>
</tr>"""

    def _text_card(self) -> str:
        rng = self.rng
        return (f"{self._sentence().rstrip('.!?').upper()}\n\n{self.paragraph(rng, 3)}\n"
                f"Read more: https://click.mailer.example/ls/click?upn={rng.getrandbits(80):020x}\n\n")

    def _style(self, index: int) -> str:
        rules = "\n".join(
            f".c{index}-{n} {{ font-family: Helvetica, Arial, sans-serif; font-size: {12 + n % 9}px; "
            f"line-height: {18 + n % 11}px; color: #{self.rng.getrandbits(24):06x}; "
            f"padding: {n % 5 * 4}px {n % 7 * 4}px; }}"
            for n in range(self.rng.randint(25, 70)))
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style type="text/css">
body {{ margin: 0; padding: 0; -webkit-text-size-adjust: 100%; -ms-text-size-adjust: 100%; }}
table, td {{ border-collapse: collapse; mso-table-lspace: 0pt; mso-table-rspace: 0pt; }}
img {{ border: 0; height: auto; line-height: 100%; outline: none; text-decoration: none; }}
@media only screen and (max-width: 620px) {{ .card {{ padding: 16px !important; }} }}
{rules}
</style>
</head>"""

    def _job_card(self, index: int) -> str:
        rng = self.rng
        title = rng.choice(["Senior Data Engineer", "Analytics Engineer", "Data Platform Engineer",
                            "Machine Learning Engineer", "Backend Engineer (Data)", "Staff Data Engineer"])
        company = f"{rng.choice(_LAST_NAMES)} {rng.choice(['Labs', 'Systems', 'Health', 'Capital', 'Works'])}"
        return f"""<tr><td style="padding:16px 24px;border-bottom:1px solid #e6e6e6;">
<a href="https://jobs.board.example/view/{rng.getrandbits(40)}?trk=alert_{index}" style="font-family:Helvetica,Arial,sans-serif;font-size:17px;font-weight:bold;color:#0a66c2;text-decoration:none;">{title}</a>
<div style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#333;">{company} &middot; New York, NY (Hybrid)</div>
<div style="font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#666;">{rng.randint(2, 150)} applicants &middot; Actively recruiting</div>
</td></tr>"""

    def blob_lines(self, raw_size: int, rng: random.Random) -> bytes:
        """Base64 lines (76 characters and a newline each) standing for `raw_size` random bytes."""
        if self._blobs is None:
            source = random.Random(self.rng.getrandbits(64))
            self._blobs = [base64.encodebytes(source.randbytes(6_000_000 // _B64_LINE * _B64_LINE))
                           for _ in range(3)]
        blob = rng.choice(self._blobs)
        lines = max(1, raw_size // _B64_LINE)
        total = len(blob) // 77
        lines = min(lines, total)
        start = rng.randrange(0, total - lines + 1)
        return blob[start * 77:(start + lines) * 77]


# -- headers -------------------------------------------------------------------------------------

def _token(rng: random.Random, bits: int = 64) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def _b64(rng: random.Random, size: int) -> str:
    return base64.b64encode(rng.randbytes(size)).decode()


def _folded(value: str, width: int = 72) -> str:
    return "\n\t".join(value[i:i + width] for i in range(0, len(value), width))


def _ip(rng: random.Random) -> str:
    return f"{rng.randint(23, 209)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _zone(rng: random.Random) -> timezone:
    return timezone(timedelta(hours=rng.choice([-8, -7, -5, -5, -5, 0, 0, 1, 2])))


def envelope(rng: random.Random, *, sender: tuple[str, str], to: tuple[str, str], subject: str,
             when: datetime, message_id: str, bulk: bool, extra: str = "",
             provider: bool = False) -> str:
    """The header block of an inbound message as the user's provider stores it (no blank
    line): delivery chain, authentication results, DKIM (and ARC when forwarded), list
    headers for bulk mail."""
    name, address = sender
    domain = address.rpartition("@")[2]
    sent = when - timedelta(seconds=rng.randint(2, 90))
    stamp = format_datetime(when)
    host = f"{rng.choice(['o1', 'mta', 'out', 'mail', 'smtp'])}{rng.randint(1, 40)}.{domain}"
    if provider:
        host = f"mail-{rng.choice(['qk1', 'wr1', 'ej1', 'pf1'])}-f{rng.randint(40, 200)}.google.com"
    lines = [
        f"Return-Path: <{'bounce-' + _token(rng, 48) + '@' + 'bounces.' + domain if bulk else address}>",
        "Delivered-To: sam.rivera@example.org",
        (f"Received: from mx.example.org\n\tby mail.example.org with LMTP\n\tid {_b64(rng, 18)}\n"
         f"\t(envelope-from <{address}>)\n\tfor <sam.rivera@example.org>; {stamp}"),
        (f"Received: from {host} ({host} [{_ip(rng)}])\n\t(using TLSv1.3 with cipher "
         f"TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature "
         f"RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)\n"
         f"\tby mx.example.org (Postfix) with ESMTPS id {_token(rng, 40).upper()}\n"
         f"\tfor <sam.rivera@example.org>; {stamp}"),
        (f"Authentication-Results: mx.example.org;\n\tdkim=pass (2048-bit key; unprotected) "
         f"header.d={domain} header.i=@{domain} header.a=rsa-sha256 header.s=s{rng.randint(1, 3)} "
         f"header.b={_b64(rng, 6)};\n\tspf=pass (sender SPF authorized) smtp.mailfrom={domain};\n"
         f"\tdmarc=pass (p=quarantine dis=none) header.from={domain}"),
        (f"Received-SPF: pass (mx.example.org: domain of {domain} designates {_ip(rng)} as "
         f"permitted sender) client-ip={_ip(rng)}; envelope-from=<{address}>; helo={host};"),
        (f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain};\n\ts=s1; "
         f"t={int(sent.timestamp())}; x={int(sent.timestamp()) + 1209600};\n"
         f"\th=from:reply-to:to:subject:date:message-id:mime-version:content-type"
         f"{':list-unsubscribe:list-unsubscribe-post' if bulk else ''};\n"
         f"\tbh={_b64(rng, 32)};\n\tb={_folded(_b64(rng, 256))}"),
    ]
    if provider or rng.random() < 0.3:
        lines.append(f"ARC-Seal: i=1; a=rsa-sha256; t={int(sent.timestamp())}; cv=none;\n"
                     f"\td=google.com; s=arc-20240605;\n\tb={_folded(_b64(rng, 256))}")
        lines.append(f"ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com;"
                     f" s=arc-20240605;\n\th=to:subject:message-id:date:from:mime-version:"
                     f"dkim-signature;\n\tbh={_b64(rng, 32)};\n\tb={_folded(_b64(rng, 256))}")
        lines.append(f"ARC-Authentication-Results: i=1; mx.google.com;\n\tdkim=pass "
                     f"header.i=@{domain} header.s=s1 header.b={_b64(rng, 6)};\n\tspf=pass "
                     f"(google.com: domain of {address} designates {_ip(rng)} as permitted "
                     f"sender) smtp.mailfrom={address};\n\tdmarc=pass (p=NONE sp=NONE "
                     f"dis=NONE) header.from={domain}")
    if bulk:
        lines += [
            (f"List-Unsubscribe: <https://{domain}/unsubscribe?u={_token(rng, 96)}>,\n"
             f"\t<mailto:unsubscribe-{_token(rng, 64)}@bounces.{domain}?subject=unsubscribe>"),
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            f"List-Id: <{_token(rng, 32)}.list-id.{domain}>",
            f"Feedback-ID: {rng.randint(10000, 99999)}:{_token(rng, 32)}:campaign:{domain}",
            f"X-Campaign-Id: {_token(rng, 64)}",
            f"X-Mailer: {rng.choice(['MailSender 4.2', 'Campaigner 9', 'PostEngine', 'ESP Cloud'])}",
        ]
        if rng.random() < 0.4:
            lines.append("Precedence: bulk")
    lines += [
        f"Date: {format_datetime(sent.astimezone(_zone(rng)))}",
        f"From: {name} <{address}>" if name else f"From: {address}",
        f"To: {to[0]} <{to[1]}>",
        f"Subject: {subject}",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
    ]
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join(lines)


def sent_envelope(rng: random.Random, *, to: tuple[str, str], subject: str, when: datetime,
                  message_id: str, extra: str = "") -> str:
    """The header block of a message the user wrote (as their mail client stores it in Sent)."""
    lines = [f"Date: {format_datetime(when.astimezone(timezone(timedelta(hours=-5))))}",
             f"From: {ME[0]} <{ME[1]}>", f"To: {to[0]} <{to[1]}>", f"Subject: {subject}",
             f"Message-ID: {message_id}", "MIME-Version: 1.0",
             f"User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.{rng.randint(1, 9)}.0"]
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join(lines)


# -- messages ------------------------------------------------------------------------------------

def _fill(template: str, rng: random.Random, brand: str) -> str:
    return template.format(
        n=rng.randint(3, 12), num=rng.randint(100, 99999), pct=rng.choice([15, 20, 25, 30, 40, 50]),
        topic=rng.choice(_TOPICS), thing=rng.choice(_THINGS), dish=rng.choice(_DISHES),
        season=rng.choice(_SEASONS), month=rng.choice(_MONTH_NAMES), brand=brand,
        name=f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}",
        repo=f"{rng.choice(['acme', 'dataflow', 'riverbed', 'pyhouse'])}/{rng.choice(['core', 'etl', 'cli', 'docs'])}")


def _encoding(rng: random.Random) -> str:
    return rng.choices(["quoted-printable", "base64", "7bit"], weights=[45, 35, 20])[0]


def _boundary(rng: random.Random) -> str:
    return f"----=_Part_{rng.randint(100000, 999999)}_{_token(rng, 48)}"


class Noise:
    """Builds the non-recruiting messages. Each method takes its own `rng` (one per message,
    so a message does not depend on the order they are made in) and returns raw bytes."""

    def __init__(self, pools: Pools) -> None:
        self.pools = pools

    def _alternative(self, rng: random.Random, html_bytes: int, text_blocks: int,
                     blocks: list[Block], head: str, foot: str) -> bytes:
        """multipart/alternative: text/plain from text blocks, text/html of about `html_bytes`."""
        encoding = _encoding(rng)
        boundary = _boundary(rng)
        head_block, foot_block = Block.of(head), Block.of(foot)
        html = [rng.choice(self.pools.styles), head_block]
        size = sum(b.size for b in html) + foot_block.size
        while size < html_bytes:
            block = rng.choice(blocks)
            html.append(block)
            size += block.size
        html.append(foot_block)
        text = [Block.of(head_text(head))] + rng.choices(self.pools.text_blocks, k=text_blocks)
        parts = [f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\n\n"
                 f"--{boundary}\nContent-Type: text/plain; charset=\"utf-8\"\n"
                 f"Content-Transfer-Encoding: {encoding}\n\n".encode()]
        parts += [block.encoded(encoding) for block in text]
        parts.append(f"\n--{boundary}\nContent-Type: text/html; charset=\"utf-8\"\n"
                     f"Content-Transfer-Encoding: {encoding}\n\n".encode())
        parts += [block.encoded(encoding) for block in html]
        parts.append(f"\n--{boundary}--\n".encode())
        return b"".join(parts)

    def newsletter(self, rng: random.Random, when: datetime) -> bytes:
        """A bulk newsletter or promotion with 50-200 KB of HTML."""
        name, address = rng.choice(NEWSLETTERS)
        domain = address.rpartition("@")[2]
        subject = _fill(rng.choice(_NEWSLETTER_SUBJECTS), rng, name)
        html_bytes = int(50_000 + 150_000 * rng.betavariate(1.4, 2.6))
        head = (f'<body style="margin:0;padding:0;background-color:#f4f4f4;">\n'
                f'<div style="display:none;max-height:0;overflow:hidden;">{self.pools.paragraph(rng, 1)}</div>\n'
                f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">\n'
                f'<tr><td align="center" style="padding:12px;font-size:12px;"><a href="https://{domain}/view/{_token(rng, 96)}">View in browser</a></td></tr>')
        foot = (f'<tr><td style="padding:24px;font-size:12px;color:#888;">You are receiving this because you '
                f'signed up at {domain}. <a href="https://{domain}/unsubscribe?u={_token(rng, 96)}">Unsubscribe</a> '
                f'| <a href="https://{domain}/preferences?u={_token(rng, 64)}">Preferences</a><br>'
                f'{name}, {rng.randint(1, 999)} Market Street, Springfield</td></tr>\n</table>\n'
                f'<img src="https://open.mailer.example/o/{_token(rng, 128)}.gif" width="1" height="1" alt="">\n</body>\n</html>')
        body = self._alternative(rng, html_bytes, rng.randint(8, 25), self.pools.html_blocks, head, foot)
        headers = envelope(rng, sender=(name, address), to=ME, subject=subject, when=when,
                           message_id=f"<{_token(rng, 96)}@{domain}>", bulk=True)
        return headers.encode() + b"\n" + body

    def notification(self, rng: random.Random, when: datetime) -> bytes:
        """An automated notification (code review, bank, parcel, social): 4-20 KB."""
        name, address = rng.choice(NOTIFIERS)
        domain = address.rpartition("@")[2]
        subject = _fill(rng.choice(_NOTIFICATION_SUBJECTS), rng, name)
        head = (f'<body><table role="presentation" width="100%"><tr><td style="font-family:Helvetica,Arial,sans-serif;'
                f'font-size:14px;color:#24292f;">{self.pools.paragraph(rng, 2)}</td></tr>')
        foot = (f'<tr><td style="font-size:12px;color:#6e7781;">Manage notifications: https://{domain}/settings/'
                f'notifications?t={_token(rng, 64)}</td></tr></table></body></html>')
        body = self._alternative(rng, rng.randint(4_000, 20_000), rng.randint(1, 3),
                                 self.pools.html_blocks, head, foot)
        headers = envelope(rng, sender=(name, address), to=ME, subject=subject, when=when,
                           message_id=f"<{_token(rng, 96)}@{domain}>", bulk=rng.random() < 0.5)
        return headers.encode() + b"\n" + body

    def receipt(self, rng: random.Random, when: datetime) -> bytes:
        """A receipt or order mail (15-40 KB of HTML); one in five carries a small PDF invoice."""
        name, address = rng.choice(SHOPS)
        domain = address.rpartition("@")[2]
        subject = _fill(rng.choice(_RECEIPT_SUBJECTS), rng, name)
        rows = "".join(f'<tr><td style="padding:4px 0;">{rng.choice(_THINGS).title()} x{rng.randint(1, 3)}</td>'
                       f'<td align="right">${rng.randint(3, 180)}.{rng.randint(0, 99):02d}</td></tr>\n'
                       for _ in range(rng.randint(1, 8)))
        head = f'<body><table width="600" cellpadding="0" cellspacing="0">\n{rows}'
        foot = f'<tr><td>Order {rng.randint(10**6, 10**7)} placed {when:%B %d, %Y}.</td></tr></table></body></html>'
        alternative = self._alternative(rng, rng.randint(15_000, 40_000), 2, self.pools.html_blocks,
                                        head, foot)
        message_id = f"<{_token(rng, 96)}@{domain}>"
        if rng.random() < 0.2:
            boundary = _boundary(rng)
            pdf = self.pools.blob_lines(rng.randint(30_000, 120_000), rng)
            body = (f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n--{boundary}\n".encode()
                    + alternative + f"\n--{boundary}\nContent-Type: application/pdf; name=\"invoice-"
                    f"{rng.randint(1000, 9999)}.pdf\"\nContent-Disposition: attachment; filename=\"invoice.pdf\"\n"
                    f"Content-Transfer-Encoding: base64\n\n".encode() + pdf + f"--{boundary}--\n".encode())
        else:
            body = alternative
        headers = envelope(rng, sender=(name, address), to=ME, subject=subject, when=when,
                           message_id=message_id, bulk=False)
        return headers.encode() + b"\n" + body

    def job_digest(self, rng: random.Random, when: datetime) -> bytes:
        """A job board's alert digest (bulk, 30-80 KB of job cards)."""
        name, address = rng.choice(JOB_BOARDS)
        domain = address.rpartition("@")[2]
        subject = _fill(rng.choice(_JOB_SUBJECTS), rng, name)
        head = ('<body><table role="presentation" width="100%"><tr><td style="font-size:20px;">'
                'Your job alert for data engineer</td></tr>')
        foot = (f'<tr><td style="font-size:12px;">Unsubscribe: https://www.{domain}/alerts/unsub?'
                f't={_token(rng, 96)}</td></tr></table></body></html>')
        body = self._alternative(rng, rng.randint(30_000, 80_000), 4, self.pools.job_cards, head, foot)
        headers = envelope(rng, sender=(name, address), to=ME, subject=subject, when=when,
                           message_id=f"<{_token(rng, 96)}@{domain}>", bulk=True)
        return headers.encode() + b"\n" + body

    def friend(self, rng: random.Random) -> tuple[str, str]:
        first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
        local = rng.choice([f"{first}.{last}", f"{first}{last[0]}", f"{first[0]}{last}"]).lower()
        return f"{first} {last}", f"{local.encode('ascii', 'ignore').decode()}@{rng.choice(_FREE_MAIL)}"

    def personal(self, rng: random.Random, when: datetime, friend: tuple[str, str], subject: str,
                 message_id: str, in_reply_to: str | None = None, quoted: str = "") -> bytes:
        """A personal message from a friend (plain text, 0.3-3 KB, maybe quoting)."""
        body = f"Hi Sam,\n\n{self.pools.paragraph(rng, rng.randint(1, 6))}\n\n{friend[0].split()[0]}\n"
        if quoted:
            body += "\n" + quoted
        extra = "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 7bit"
        if in_reply_to:
            extra = f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n" + extra
        headers = envelope(rng, sender=friend, to=ME, subject=subject, when=when,
                           message_id=message_id, bulk=False, extra=extra, provider=True)
        return headers.encode() + b"\n\n" + _wrap(body).encode()

    def reply(self, rng: random.Random, when: datetime, friend: tuple[str, str], subject: str,
              message_id: str, in_reply_to: str, quoted_text: str) -> bytes:
        """The user's reply to a friend, as stored in Sent."""
        body = (f"Hey {friend[0].split()[0]},\n\n{self.pools.paragraph(rng, rng.randint(1, 4))}\n\nSam\n\n"
                f"On {format_datetime(when - timedelta(hours=3))}, {friend[0]} wrote:\n"
                + "".join(f"> {line}\n" for line in quoted_text.splitlines()[:12]))
        extra = (f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n"
                 "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 7bit")
        subject = subject if subject.lower().startswith("re:") else f"Re: {subject}"
        return (sent_envelope(rng, to=friend, subject=subject, when=when, message_id=message_id,
                              extra=extra).encode() + b"\n\n" + _wrap(body).encode())

    def with_attachments(self, rng: random.Random, when: datetime, sent: bool) -> bytes:
        """A message carrying 1-5 MB of photos or PDFs (base64), from or to a friend."""
        subject, content_type, filename = rng.choice(_ATTACHMENT_SUBJECTS)
        friend = self.friend(rng)
        boundary = _boundary(rng)
        total = rng.randint(1_000_000, 5_000_000)
        count = rng.randint(1, 3) if content_type.startswith("image/") else 1
        parts = [f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n--{boundary}\n"
                 f"Content-Type: text/plain; charset=\"UTF-8\"\n\n"
                 f"{self.pools.paragraph(rng, 2)}\n".encode()]
        for index in range(count):
            name = filename.format(num=rng.randint(1000, 9999))
            parts.append(f"--{boundary}\nContent-Type: {content_type}; name=\"{name}\"\n"
                         f"Content-Disposition: attachment; filename=\"{name}\"\n"
                         f"Content-Transfer-Encoding: base64\n\n".encode())
            parts.append(self.pools.blob_lines(total // count, rng))
        parts.append(f"--{boundary}--\n".encode())
        domain = friend[1].rpartition("@")[2]
        message_id = f"<{_token(rng, 96)}@{domain if not sent else 'rivera.dev'}>"
        if sent:
            headers = sent_envelope(rng, to=friend, subject=subject, when=when, message_id=message_id)
        else:
            headers = envelope(rng, sender=friend, to=ME, subject=subject, when=when,
                               message_id=message_id, bulk=False, provider=True)
        return headers.encode() + b"\n" + b"".join(parts)


def head_text(html_head: str) -> str:
    """A plain-text opening line standing for an HTML opening."""
    return "View this email in your browser.\n"


def _wrap(text: str, width: int = 76) -> str:
    """Plain text with lines of at most `width` characters (7bit needs < 998)."""
    out = []
    for line in text.splitlines():
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            out.append(line[:cut])
            line = line[cut:].lstrip()
        out.append(line)
    return "\n".join(out) + "\n"
