import os, json
from pathlib import Path
from tests.e2e.yaml_scenarios import play
def test_debug(mailbox):
    path = Path(os.environ["SCEN"])
    print(play(path, mailbox))
    r = mailbox.cli("plan", "--json", "--now", os.environ.get("PLANNOW", "2026-04-01T10:00:00-04:00"))
    doc = json.loads(r.stdout)
    for app in doc["applications"]:
        print(app["id"], app["company"], app["role"], app["state"], app["contacts"])
        for d in app["drafts"]:
            print("   ", d["kind"], d["to"], d["due"], d["status"], d["reason"])
    import sqlite3
    from followup.store import Store
    s = Store.snapshot(mailbox.root / "state" / "state.db")
    for rec in s.records():
        print(rec.date, rec.direction, rec.kind, rec.subject, rec.facts.company, rec.facts.role, rec.facts.interview_start, [p.email for p in rec.facts.interviewers], rec.facts.decision_by)
