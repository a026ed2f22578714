"""The daemon behind `followup run`: `daemon` (the scheduler, its wake-ups and signals),
`idle` (IMAP IDLE watchers), `health` (per-account trouble and the log's quiet retries),
`progress` (a pass's progress on a terminal) and `sdnotify` (systemd's notify socket).
The names below are the package's public face.
"""

from followup.service.daemon import Service, ServiceOptions, run_service

__all__ = ["Service", "ServiceOptions", "run_service"]
