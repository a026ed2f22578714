"""A realistic job seeker's mailbox of N messages, deterministic from a seed, written
straight into Maildir (a Dovecot user's or any directory) in seconds.

    python bench/mailbox.py [--n 50000] [--seed 1] [--maildir DIR]

Mix (fractions of N; 10% of the mail is in Sent, the rest in INBOX):

* 1.5% recruiting mail: retellings of the labelled corpus's employer stories
  (`bench.stories`), some of them placed so that drafts are due at `NOW` (an interview that
  ended yesterday, a rejection this morning, two weeks of silence after an interview);
* 42% newsletters and promotions with 50-200 KB of HTML; 20% notifications; 9% receipts
  (a fifth with a small PDF); 3% job-board digests; 12% personal mail from friends and
  9% of the user's replies to it in Sent; 0.5% of the corpus's own non-recruiting mail;
* 2% messages with 1-5 MB of photos or PDFs (base64), a fifth of them in Sent.

Dates are spread over the 200 days before `NOW` (a Wednesday afternoon in New York).
Files go to `tmp/` and are renamed into `cur/` with `,S=` / `,W=` sizes in their names (as
Dovecot's own delivery writes them), the file time set to the delivery time (Dovecot's
INTERNALDATE) and owned by the mail user when run as root.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.noise import _PERSONAL_SUBJECTS, Noise, Pools, _token
from bench.stories import Instance, Story, load_corpus, render

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 2, 16, 0, tzinfo=NEW_YORK)  # a Wednesday afternoon
SPAN = timedelta(days=200)
USER_NAME = "Sam Rivera"
USER_ADDRESSES = ("sam.rivera@example.org", "sam@rivera.dev")
USER_TIMEZONE = "America/New_York"

_SHARES = {  # fractions of N for everything that is not recruiting, Sent replies or attachments
    "notification": 0.20, "receipt": 0.09, "digest": 0.03, "personal": 0.12, "corpus_other": 0.005,
}
_STEM_HEADS = ["Amber", "Ash", "Birch", "Bram", "Cedar", "Cinder", "Clover", "Dapple", "Elder",
               "Fable", "Flint", "Gale", "Garnet", "Hazel", "Heron", "Indigo", "Jasper", "Kelp",
               "Larch", "Lichen", "Marble", "Moss", "Nettle", "Opal", "Osprey", "Pebble", "Quartz",
               "Raven", "Rowan", "Sage", "Slate", "Sorrel", "Tansy", "Thistle", "Umber", "Vesper",
               "Willow", "Wren", "Yarrow", "Zinnia"]
_STEM_TAILS = ["brook", "crest", "field", "ford", "gate", "haven", "hollow", "leaf", "light",
               "mere", "point", "ridge", "shore", "stead", "stone", "vale", "wick", "wood",
               "worth", "bay", "cliff", "dale", "fen", "glen", "moor", "peak", "reach", "spire",
               "tide", "view"]


@dataclass(frozen=True)
class Planned:
    """One message to write: where, when, what kind, and how to make its bytes."""

    when: datetime
    folder: str
    kind: str
    make: Callable[[], bytes]
    seen: bool = True


@dataclass
class Written:
    """What `write_maildir` wrote."""

    messages: Counter[str] = field(default_factory=Counter)
    folders: Counter[str] = field(default_factory=Counter)
    bytes: int = 0
    seconds: float = 0.0
    recruiting_instances: int = 0
    hot_instances: int = 0

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in self.messages.most_common())
        folders = ", ".join(f"{folder} {count}" for folder, count in sorted(self.folders.items()))
        return (f"{sum(self.messages.values())} messages ({folders}), {self.bytes / 1e9:.2f} GB "
                f"in {self.seconds:.1f} s; {kinds}; {self.recruiting_instances} applications "
                f"told ({self.hot_instances} placed so that a draft is due)")


def company_names(rng: random.Random) -> Iterator[str]:
    """Made-up company words, never the same twice."""
    names = [head + tail for head in _STEM_HEADS for tail in _STEM_TAILS]
    rng.shuffle(names)
    yield from names
    number = 2
    while True:
        for name in names:
            yield f"{name}{number}"
        number += 1


class Plan:
    """Decides every message of the mailbox (cheaply); bytes are made only when written."""

    def __init__(self, n: int, seed: int, now: datetime = NOW, corpus: Path = CORPUS) -> None:
        self.n, self.seed, self.now = n, seed, now
        self.rng = random.Random(f"mailbox:{seed}")
        self.pools = Pools(random.Random(f"pools:{seed}"))
        self.noise = Noise(self.pools)
        self.stories, self.corpus_noise = load_corpus(corpus)
        self.companies = company_names(random.Random(f"companies:{seed}"))
        self.instances = 0
        self.hot = 0
        self.planned: list[Planned] = []

    # -- helpers -------------------------------------------------------------------------

    def _rng(self, kind: str, number: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{number}")

    def _moment(self, rng: random.Random, earliest: timedelta = SPAN) -> datetime:
        return self.now - timedelta(seconds=rng.uniform(300, earliest.total_seconds()))

    def _add(self, when: datetime, folder: str, kind: str, make: Callable[[], bytes]) -> None:
        recent = self.now - when < timedelta(hours=36)
        seen = folder != "INBOX" or not recent or self.rng.random() < 0.5
        self.planned.append(Planned(when, folder, kind, make, seen))

    # -- recruiting ------------------------------------------------------------------------

    def _instance(self, story: Story, count: int, weeks: int) -> Instance:
        self.instances += 1
        return Instance(story, count, weeks, next(self.companies), self.instances)

    def _fits(self, story: Story, count: int, weeks: int) -> bool:
        dates = [t.date + timedelta(weeks=weeks) for t in story.templates[:count]]
        return min(dates) >= self.now - SPAN and max(dates) <= self.now - timedelta(hours=1)

    def _hot_candidates(self) -> dict[str, list[tuple[Story, int, int]]]:
        """(story, count, weeks) whose last message makes a draft due at `now`: an interview
        over 3-44 h ago (thank-you), a rejection 1-40 h ago (rejection response), an
        interview 11-15 days ago and silence since (status check)."""
        found: dict[str, list[tuple[Story, int, int]]] = {"thank_you": [], "rejection": [],
                                                          "status_check": []}
        hour = timedelta(hours=1)
        for story in self.stories:
            if story.stem is None:
                continue
            for index, template in enumerate(story.templates):
                for weeks in range(-60, 60):
                    shift = timedelta(weeks=weeks)
                    if not self._fits(story, index + 1, weeks):
                        continue
                    ago = self.now - template.date - shift
                    if template.kind == "interview_scheduled" and template.interview_start:
                        ended = self.now - (template.interview_start + shift + hour)
                        if 3 * hour <= ended <= 44 * hour:
                            found["thank_you"].append((story, index + 1, weeks))
                        elif timedelta(days=11) <= ended <= timedelta(days=15):
                            found["status_check"].append((story, index + 1, weeks))
                    elif template.kind == "rejection" and hour <= ago <= 40 * hour:
                        found["rejection"].append((story, index + 1, weeks))
        return found

    def _add_instance(self, instance: Instance) -> int:
        messages = list(render(instance))
        for folder, when, raw in messages:
            self._add(when, folder, "recruiting", partial(bytes, raw))
        return len(messages)

    def recruiting(self) -> int:
        """Plan about 1.5% of N recruiting messages, hot instances first; returns the count."""
        budget = max(6, round(0.015 * self.n))
        rng = random.Random(f"recruiting:{self.seed}")
        made = 0
        per_kind = max(2, round(self.n / 10_000))
        for candidates in self._hot_candidates().values():
            rng.shuffle(candidates)
            used: set[int] = set()
            for story, count, weeks in candidates:
                if len(used) >= per_kind or made >= budget:
                    break
                if id(story) in used:
                    continue
                used.add(id(story))
                made += self._add_instance(self._instance(story, count, weeks))
                self.hot += 1
        while made < budget:
            story = rng.choice(self.stories)
            count = min(len(story.templates), rng.randint(1, len(story.templates) + 2),
                        budget - made)
            options = [w for w in range(-60, 60) if self._fits(story, count, w)]
            if not options:
                continue
            made += self._add_instance(self._instance(story, count, rng.choice(options)))
        return made

    # -- everything else -----------------------------------------------------------------

    def personal_threads(self, inbound: int, replies: int) -> None:
        """`inbound` messages from friends; `replies` of them answered by the user (Sent)."""
        answered = set(random.Random(f"answered:{self.seed}").sample(range(inbound),
                                                                    min(replies, inbound)))
        for number in range(inbound):
            rng = self._rng("personal", number)
            friend = self.noise.friend(rng)
            subject = rng.choice(_PERSONAL_SUBJECTS)
            when = self._moment(rng)
            message_id = f"<CA{_token(rng, 128)}@mail.gmail.com>"
            self._add(when, "INBOX", "personal", partial(
                self.noise.personal, rng, when, friend, subject, message_id))
            if number in answered:
                delay = timedelta(minutes=rng.uniform(10, 48 * 60))
                reply_when = min(when + delay, self.now - timedelta(minutes=2))
                reply_id = f"<{_token(rng, 96)}@rivera.dev>"
                quoted = self.pools.paragraph(rng, 2)
                self._add(reply_when, "Sent", "reply", partial(
                    self.noise.reply, rng, reply_when, friend, subject, reply_id, message_id,
                    quoted))

    def corpus_other(self, count: int) -> None:
        rng = random.Random(f"corpus-other:{self.seed}")
        for _ in range(count):
            template = rng.choice(self.corpus_noise)
            story = Story(None, (template,))
            options = [w for w in range(-60, 60) if self._fits(story, 1, w)]
            instance = self._instance(story, 1, rng.choice(options))
            self.instances -= 1  # not an application
            for folder, when, raw in render(instance):
                self._add(when, folder, "corpus_other", partial(bytes, raw))

    def bulk(self, kind: str, count: int, make: Callable[[random.Random, datetime], bytes]) -> None:
        for number in range(count):
            rng = self._rng(kind, number)
            when = self._moment(rng)
            self._add(when, "INBOX", kind, partial(make, rng, when))

    def attachments(self, count: int, sent: int) -> None:
        for number in range(count):
            rng = self._rng("attachment", number)
            when = self._moment(rng)
            in_sent = number < sent
            self._add(when, "Sent" if in_sent else "INBOX", "attachment",
                      partial(self.noise.with_attachments, rng, when, in_sent))

    def build(self) -> list[Planned]:
        """Every planned message, each folder in delivery order."""
        n = self.n
        recruiting_count = self.recruiting()
        story_sent = sum(1 for p in self.planned if p.folder == "Sent")
        attachments = round(0.02 * n)
        attachments_sent = attachments // 5
        replies = max(0, round(0.10 * n) - story_sent - attachments_sent)
        personal = max(replies, round(_SHARES["personal"] * n))
        self.personal_threads(personal, replies)
        self.attachments(attachments, attachments_sent)
        self.corpus_other(round(_SHARES["corpus_other"] * n))
        self.bulk("notification", round(_SHARES["notification"] * n), self.noise.notification)
        self.bulk("receipt", round(_SHARES["receipt"] * n), self.noise.receipt)
        self.bulk("digest", round(_SHARES["digest"] * n), self.noise.job_digest)
        newsletters = n - len(self.planned)
        self.bulk("newsletter", max(0, newsletters), self.noise.newsletter)
        del recruiting_count
        return sorted(self.planned, key=lambda p: (p.folder, p.when))


def arrivals(seed: int, after: datetime, count: int = 10) -> list[Planned]:
    """`count` messages arriving after `after` (for the poll benchmark): three recruiting
    messages from new applications, one reply in Sent, the rest newsletters and notifications."""
    plan = Plan(0, seed + 7919, now=after)
    plan.instances = 100_000  # ids and companies never met in the mailbox
    rng = random.Random(f"arrivals:{seed}")
    firsts = [s for s in plan.stories if s.stem and s.templates[0].kind in
              ("application_received", "interview_invitation", "recruiter_outreach")]
    for number, story in enumerate(rng.sample(firsts, min(3, count))):
        first = story.templates[0].date
        weeks = next(w for w in range(-60, 60)
                     if after - timedelta(days=7) <= first + timedelta(weeks=w) < after)
        plan._add_instance(plan._instance(story, 1, weeks))
    makers = [plan.noise.newsletter, plan.noise.notification]
    while len(plan.planned) < count - 1:
        number = len(plan.planned)
        make, rng_noise = makers[number % 2], plan._rng("arrival", number)
        plan.planned.append(Planned(after, "INBOX", make.__name__,
                                    partial(make, rng_noise, after), seen=False))
    if count > len(plan.planned):
        rng_reply = plan._rng("arrival-reply", 0)
        friend = plan.noise.friend(rng_reply)
        plan.planned.append(Planned(after, "Sent", "reply", partial(
            plan.noise.reply, rng_reply, after, friend, "holiday plans",
            f"<{_token(rng_reply, 96)}@rivera.dev>", f"<CA{_token(rng_reply, 128)}@mail.gmail.com>",
            plan.pools.paragraph(rng_reply, 2))))
    return [Planned(after + timedelta(minutes=i + 1), p.folder, p.kind, p.make, False)
            for i, p in enumerate(plan.planned[:count])]


class MaildirWriter:
    """Writes messages into a Maildir++/LAYOUT=fs tree: INBOX is `root`, others `root/<name>`."""

    def __init__(self, root: Path, owner: tuple[int, int] | None = None, *,
                 serial_start: int = 0, serial_step: int = 1) -> None:
        self.root = root
        self.owner = owner
        self._serial = serial_start
        self._step = serial_step
        self._made: set[str] = set()

    def folder_path(self, folder: str) -> Path:
        return self.root if folder.upper() == "INBOX" else self.root / folder

    def ensure(self, folder: str) -> Path:
        """The folder's directory, with cur/ new/ tmp/ made (owned by the mail user)."""
        path = self.folder_path(folder)
        if folder not in self._made:
            for directory in (self.root, path, path / "cur", path / "new", path / "tmp"):
                if not directory.exists():
                    directory.mkdir(mode=0o700, parents=True)
                    if self.owner:
                        os.chown(directory, *self.owner)
            self._made.add(folder)
        return path

    def write(self, folder: str, when: datetime, raw: bytes, seen: bool = True) -> Path:
        """tmp/ then rename into cur/; the name sorts by delivery time, as Dovecot's do."""
        path = self.ensure(folder)
        self._serial += self._step
        stamp = when.timestamp()
        seconds = int(stamp)
        micro = int((stamp - seconds) * 1_000_000)
        size, virtual = len(raw), len(raw) + raw.count(b"\n")
        base = f"{seconds}.M{micro}P{os.getpid()}Q{self._serial}.bench,S={size},W={virtual}"
        temporary = path / "tmp" / base
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, raw)
            if self.owner:
                os.fchown(descriptor, *self.owner)
        finally:
            os.close(descriptor)
        os.utime(temporary, (stamp, stamp))
        final = path / "cur" / f"{base}:2,{'S' if seen else ''}"
        os.rename(temporary, final)
        return final


def _write_share(items: list[Planned], writer: MaildirWriter) -> int:
    """Make and write `items` (a writer thread overlaps the file writes); returns bytes."""
    total = 0
    pending: queue.Queue[tuple[Planned, bytes] | None] = queue.Queue(maxsize=256)
    failures: list[BaseException] = []

    def drain() -> None:
        while (entry := pending.get()) is not None:
            if failures:
                continue
            item, raw = entry
            try:
                writer.write(item.folder, item.when, raw, item.seen)
            except BaseException as error:  # noqa: BLE001 - re-raised below
                failures.append(error)

    thread = threading.Thread(target=drain, name="maildir-writer")
    thread.start()
    try:
        for item in items:
            raw = item.make()
            pending.put((item, raw))
            total += len(raw)
            if failures:
                break
    finally:
        pending.put(None)
        thread.join()
    if failures:
        raise failures[0]
    return total


_SHARED: list[Planned] = []  # what forked workers inherit


def _worker(share: int, workers: int, root: str, owner: tuple[int, int] | None) -> int:
    writer = MaildirWriter(Path(root), owner, serial_start=share, serial_step=workers)
    return _write_share(_SHARED[share::workers], writer)


def write_maildir(planned: list[Planned], writer: MaildirWriter,
                  workers: int | None = None) -> Written:
    """Make and write every planned message; returns counts, bytes and seconds.

    With `workers` > 1 (default: one per CPU), forked processes each make and write a share;
    file names still sort by delivery time, so Dovecot numbers the messages in that order."""
    written = Written()
    began = time.perf_counter()
    for item in planned:
        written.messages[item.kind] += 1
        written.folders[item.folder] += 1
    for folder in written.folders:
        writer.ensure(folder)
    workers = max(1, min(workers or os.cpu_count() or 1, 8))
    if workers == 1 or len(planned) < 1000 or "fork" not in multiprocessing.get_all_start_methods():
        written.bytes = _write_share(planned, writer)
    else:
        global _SHARED
        _SHARED = planned
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                written.bytes = sum(pool.starmap(
                    _worker, [(share, workers, str(writer.root), writer.owner)
                              for share in range(workers)]))
        finally:
            _SHARED = []
    written.seconds = time.perf_counter() - began
    return written


def build_mailbox(root: Path, n: int, seed: int, owner: tuple[int, int] | None = None,
                  now: datetime = NOW) -> Written:
    """Plan and write a mailbox of `n` messages into the Maildir at `root`."""
    began = time.perf_counter()
    plan = Plan(n, seed, now)
    planned = plan.build()
    written = write_maildir(planned, MaildirWriter(root, owner))
    written.seconds = time.perf_counter() - began
    written.recruiting_instances = plan.instances
    written.hot_instances = plan.hot
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="messages (default 50,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--maildir", type=Path, default=None,
                        help="where to write (default: a new temporary directory)")
    args = parser.parse_args(argv)
    root = args.maildir or Path(tempfile.mkdtemp(prefix="followup-mailbox-")) / "Maildir"
    written = build_mailbox(root, args.n, args.seed)
    print(f"{root}: {written.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
