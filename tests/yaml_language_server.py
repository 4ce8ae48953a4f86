"""A small Language Server Protocol client for yaml-language-server, the engine behind VS Code's
YAML extension, so tests can ask it what an editor would show: completions, hovers, diagnostics.

The server is installed from npm into a cache folder on first use (about 3 s); without Node.js
or the npm registry the tests that need it are skipped.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

VERSION = "2.0.0"


def install() -> Path | None:
    """Path of the yaml-language-server executable, installing it if needed; None if impossible."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "alliance-site" / f"yls-{VERSION}"
    binary = cache / "node_modules" / ".bin" / "yaml-language-server"
    if binary.exists():
        return binary
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    cache.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["npm", "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--silent",
                             f"yaml-language-server@{VERSION}"], capture_output=True, text=True, timeout=300)
    return binary if result.returncode == 0 and binary.exists() else None


class LanguageServer:
    """One server over stdio, configured with the `yaml.*` settings of .vscode/settings.json."""

    def __init__(self, binary: Path, root: Path, vscode_settings: dict[str, Any]):
        self.root = root
        self.settings = {k.removeprefix("yaml."): v for k, v in vscode_settings.items() if k.startswith("yaml.")}
        # VS Code resolves "./schema/x.json" against the workspace folder.
        self.settings["schemas"] = {(root / k.removeprefix("./")).as_uri(): v for k, v in self.settings["schemas"].items()}
        self.process = subprocess.Popen([str(binary), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        if self.process.stdin is None or self.process.stdout is None:
            raise RuntimeError("the language server's pipes did not open")
        self.stdin, self.stdout = self.process.stdin, self.process.stdout
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        self.versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {"textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                         "hover": {"contentFormat": ["markdown", "plaintext"]}},
                        "workspace": {"configuration": True}}
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities,
                                    "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}]})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": self.settings}})

    def _read(self) -> None:
        stream = self.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length is None:
                return
            self.inbox.put(json.loads(stream.read(length)))

    def _send(self, message: dict) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"method": method, "params": params})

    def _wait(self, wanted, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.inbox.get(timeout=0.2)
            except queue.Empty:
                continue
            if message.get("method") == "workspace/configuration":  # the server asks for settings
                sections = [item.get("section") for item in message["params"]["items"]]
                self._send({"id": message["id"], "result": [self.settings if s == "yaml" else None for s in sections]})
            elif wanted(message):
                return message
        raise TimeoutError("yaml-language-server did not answer")

    def request(self, method: str, params: dict) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self._send({"id": request_id, "method": method, "params": params})
        return self._wait(lambda m: m.get("id") == request_id).get("result")

    def open(self, relative: str, text: str) -> str:
        uri = (self.root / relative).as_uri()
        self.versions[uri] = self.versions.get(uri, 0) + 1
        if self.versions[uri] == 1:
            self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                                  "text": text}})
        else:
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.versions[uri]},
                                                   "contentChanges": [{"text": text}]})
        return uri

    def completions(self, uri: str, line: int, character: int) -> list[str]:
        """Labels offered at a position; the first answers may come before the schema is loaded."""
        for _attempt in range(10):
            result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                              "position": {"line": line, "character": character}})
            items = result["items"] if isinstance(result, dict) else result or []
            if items:
                return sorted(item["label"] for item in items)
            time.sleep(0.3)
        return []

    def hover(self, uri: str, line: int, character: int) -> str:
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})
        return (result or {}).get("contents", {}).get("value", "")

    def diagnostics(self, uri: str) -> list[tuple[int, str]]:
        """(1-based line, message) of the next non-empty diagnostics published for `uri`."""
        message = self._wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and m["params"]["diagnostics"])
        return [(d["range"]["start"]["line"] + 1, d["message"]) for d in message["params"]["diagnostics"]]

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
