"""Which Chromium the browser tests drive, and how it is launched.

Debian's chromium is used through `executable_path` because Playwright's own browser download
does not work on the build machines; on a developer laptop a browser downloaded with
`playwright install chromium` is used when no system Chromium exists.
"""

from __future__ import annotations

import os
from pathlib import Path

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
INSTALL_HELP = ("The browser tests need Chromium. Install it with `sudo apt-get install chromium` "
                "(Debian/Ubuntu) or `.venv/bin/python -m playwright install chromium`, or set "
                "CHROMIUM_PATH to a Chrome/Chromium executable.")


class BrowserMissing(Exception):
    """No usable Chromium: the message says how to get one."""


def _is_executable(path: str) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def find_chromium(playwright_download: str | None) -> str:
    """CHROMIUM_PATH if set, else a system Chromium, else Playwright's downloaded browser."""
    configured = os.environ.get("CHROMIUM_PATH", "").strip()
    if configured:
        if _is_executable(configured):
            return configured
        raise BrowserMissing(f"CHROMIUM_PATH={configured!r} is not an executable file. {INSTALL_HELP}")
    for candidate in (*SYSTEM_CHROMIUMS, playwright_download or ""):
        if candidate and _is_executable(candidate):
            return candidate
    raise BrowserMissing(f"No Chromium found. {INSTALL_HELP}")
