"""`mkdocs serve` noticing a saved data file sooner.

MkDocs' live-reload server polls the files it watches every half second (a PollingObserver,
which also works where file-system events do not), so a saved file waits a quarter of a second
on average before the rebuild starts: an eighth of the preview's two-second budget. The folders
of `watch:` in mkdocs.yml (data/, hooks/, overrides/) are scheduled after on_serve, so polling
them five times a second costs a stat of each file there (about 700 at national scale, a few
milliseconds) and nothing else; content/ and mkdocs.yml keep MkDocs' own interval.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.alliance")
POLL_S = 0.1


def poll_watched_folders_often(server):
    observer = getattr(server, "observer", None)
    if observer is not None and hasattr(observer, "_timeout"):  # watchdog's BaseObserver keeps the interval there
        observer._timeout = POLL_S
    else:
        log.info("preview: MkDocs' file watcher has changed; saved files are noticed at its own pace")
    return server
