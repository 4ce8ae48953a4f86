"""`mkdocs serve` noticing a saved data file sooner.

MkDocs' live-reload server polls the files it watches every half second (a PollingObserver,
which also works where file-system events do not), so a saved file waits a quarter of a second
on average before the rebuild starts: an eighth of the preview's two-second budget. on_serve
schedules the data folder first, polled five times a second; the other folders keep MkDocs'
interval, as each poll stats every file below a folder and takes the interpreter from the
rebuild meanwhile (polling hooks/ and overrides/ as often made a national rebuild 0.15 s slower).
MkDocs' own `watch: [data]` entry then finds the folder watched already.

Once a change is seen, MkDocs waits until no other comes for a tenth of a second before it
rebuilds. A poll reports every file a save touched at once, so a fiftieth is enough to gather
them; a change seen by a later poll starts another rebuild, which the preview keeps small.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.alliance")
POLL_S = 0.1
BUILD_DELAY_S = 0.02


def poll_data_often(server, data_dir: Path):
    observer = getattr(server, "observer", None)
    interval = getattr(observer, "_timeout", None)  # watchdog's BaseObserver keeps the interval there
    if observer is None or interval is None:
        log.info("preview: MkDocs' file watcher has changed; saved files are noticed at its own pace")
        return server
    observer._timeout = POLL_S
    try:
        server.watch(str(data_dir))
    finally:
        observer._timeout = interval
    if isinstance(getattr(server, "build_delay", None), (int, float)):
        server.build_delay = min(server.build_delay, BUILD_DELAY_S)
    return server
