"""``catalogue publish``: Datasette over the web view's copy, refreshed while it runs.

The copy is for one audience (core/publication.py): the team (the default) or the public.

The copy lives in a private temporary folder of the publishing process and is rebuilt from
a snapshot of the live database on start, then whenever the database has changed (checked
every ``refresh`` seconds). Datasette opens it read-only; it never sees the live database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from typing import Any

from catalogue.core.counting import plural
from catalogue.core.dates import stamp
from catalogue.core.publication import Publication
from catalogue.core.publication_specs import TEAM
from catalogue.web.metadata import DATABASE, metadata

SETTINGS = {
    "allow_download": False,  # the copy is public, but nobody needs the file
    "allow_csv_stream": True,
    "sql_time_limit_ms": 2000,
    "max_returned_rows": 1000,
    "suggest_facets": False,
}


def datasette_for(path: str, refreshed: str = "", audience: str = TEAM) -> Any:
    """A Datasette instance over the copy at ``path`` (named ``catalogue``)."""
    from datasette.app import Datasette

    return Datasette(files=[path], metadata=metadata(refreshed, audience), settings=SETTINGS,
                     cors=False)


@contextlib.contextmanager
def public_copy(db_path: str, audience: str = TEAM) -> Iterator[Publication]:
    """A freshly built copy in a private temporary folder, removed afterwards."""
    folder = tempfile.mkdtemp(prefix="catalogue-publish-")  # 0700
    try:
        publication = Publication(db_path, os.path.join(folder, f"{DATABASE}.db"), audience)
        publication.refresh()
        yield publication
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Refresher(threading.Thread):
    """Rebuilds the copy every ``interval`` seconds when the database changed."""

    def __init__(self, publication: Publication, interval: float,
                 report: Callable[[str], None]) -> None:
        super().__init__(name="catalogue-publish-refresh", daemon=True)
        self.publication, self.interval, self.report = publication, interval, report
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            if not self.publication.stale():
                continue
            try:
                count = self.publication.refresh()
            except Exception as exc:  # keep serving the last good copy
                self.report(f"refresh failed ({type(exc).__name__}); serving the last copy")
            else:
                self.report(f"refreshed at {stamp()} ({plural(count, 'programme')})")


def run(db_path: str, host: str, port: int, refresh: float,
        report: Callable[[str], None], audience: str = TEAM) -> None:
    """Serve until interrupted."""
    import signal
    import sys

    import uvicorn

    # uvicorn stops gracefully on SIGTERM, then raises the signal again for the handler it
    # found: make that handler an exit, so the public copy's folder is removed (systemd stop).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with public_copy(db_path, audience) as publication:
        ds = datasette_for(publication.target, stamp(), audience)
        refresher = Refresher(publication, refresh, report)
        refresher.start()
        try:
            uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
        finally:
            refresher.stopped.set()
