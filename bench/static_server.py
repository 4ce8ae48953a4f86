"""A static server for the built site that compresses like a real host and counts bytes.

GitHub Pages and Netlify serve text with gzip over keep-alive connections, so transfer sizes and
Lighthouse's performance figures are only meaningful with both. The server runs in its own
process: in the benchmark's process it would compete for the GIL with Playwright and slow
every response down. GET /__bench__/sent returns (and forgets) the size of every response sent
since the last call, headers included, so the benchmark can add up one page load.

    python bench/static_server.py SITE_DIR   # prints the port, then serves until killed
"""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".vcf", ".map")
SENT_PATH = "/__bench__/sent"


class _Log:
    """Compressed bodies (computed once per file) and the sizes of the responses sent."""

    def __init__(self):
        self.compressed: dict[Path, bytes] = {}
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()

    def gzip(self, path: Path) -> bytes:
        with self.lock:
            if path not in self.compressed:
                self.compressed[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            return self.compressed[path]

    def record(self, request_path: str, size: int) -> None:
        with self.lock:
            self.sent.append((request_path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
            return sent


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".json": "application/json", ".vcf": "text/vcard"}

    def __init__(self, *args, log: _Log, **kwargs):
        self.log = log
        super().__init__(*args, **kwargs)

    def do_GET(self):  # noqa: N802 - http.server naming
        if self.path == SENT_PATH:
            return self._send(json.dumps(self.log.take()).encode(), "application/json", record=False)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path.name.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._send(self.log.gzip(path), self.guess_type(str(path)), encoding="gzip")
        if path.is_file():
            return self._send(path.read_bytes(), self.guess_type(str(path)))
        return self._send(b"Not found", "text/plain", status=404)

    def _send(self, body: bytes, content_type: str, encoding: str | None = None, status: int = 200,
              record: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)
        if record:
            self.log.record(self.path, len(body) + 200)  # ~200 bytes of response headers

    def log_message(self, format, *args):  # noqa: A002
        """Quiet."""


class SiteServer:
    """Runs this module as a child process serving `root` on 127.0.0.1, while in a `with`."""

    def __init__(self, root: Path):
        self.root = root
        self._process: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> SiteServer:
        self._process = process = subprocess.Popen([sys.executable, __file__, str(self.root)],
                                                    stdout=subprocess.PIPE, text=True)
        if process.stdout is None:
            raise RuntimeError("the server's output pipe did not open")
        self.url = f"http://127.0.0.1:{int(process.stdout.readline())}/"
        return self

    def take_sent(self) -> list[tuple[str, int]]:
        """Sizes of the responses sent since the last call."""
        with urlopen(self.url.rstrip("/") + SENT_PATH, timeout=10) as response:
            return [tuple(item) for item in json.loads(response.read())]

    def __exit__(self, *exc_info) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Browsers drop keep-alive connections at will; that is not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main(root: str) -> None:
    handler = functools.partial(_Handler, directory=root, log=_Log())
    httpd = _Server(("127.0.0.1", 0), handler)
    print(httpd.server_address[1], flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
