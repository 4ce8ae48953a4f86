"""A small threaded static server for the built site, with a real 404.

Tests need HTTP (fetch, web workers and history do not work from file://) and the 404 page as
a host would serve it: the built 404.html, with status 404, for every unknown path.
"""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files from the site folder; unknown paths get 404.html with status 404."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".vcf": "text/vcard", ".json": "application/json", ".js": "text/javascript"}

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        """Quiet: a page load makes dozens of requests and pytest would show them all."""


class SiteServer:
    """Serves `root` on 127.0.0.1 at a free port in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(SiteRequestHandler, directory=str(root))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_port}/"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
