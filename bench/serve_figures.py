"""Preview latency: `mkdocs serve` running, a data file saved, the rebuild done.

`mkdocs serve` builds into a fresh tempfile.mkdtemp() folder; the child gets its own TMPDIR so
that folder is known and no other build on the machine can be mistaken for it. Two edits:

- a consultant's title (data/municipalities.yaml): the clock stops when the municipality page
  holding that card contains the marker (`preview_s`);
- a topic's summary (data/topics.yaml), which its topic page, the home page and every result
  page of the topic show: the clock stops when the topic page holds the marker and the rebuild
  has written its search index, its last file (`preview_topic_s`). The browser reloads only
  when the rebuild ends, so that is what an editor waits for.
"""

from __future__ import annotations

import functools
import re
import shutil
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

from projects import ENV, MKDOCS, ROOT, Project

POLL_S = 0.01
# The flags of `make serve` (tests/test_bench.py keeps them equal to the Makefile's SERVE_FLAGS).
SERVE_FLAGS = ["--dirty", "--no-strict"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first_topic(data_file: Path) -> str:
    return yaml.safe_load(data_file.read_text(encoding="utf-8"))["topics"][0]["id"]


def _first_card(data_file: Path) -> tuple[str, str]:
    """(municipality id, consultant id) of the first consultant in the file."""
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    for municipality in data["municipalities"]:
        for consultant in municipality.get("consultants") or []:
            return municipality["id"], consultant["id"]
    raise ValueError(f"{data_file} has no consultants")


def _mark(data_file: Path, record_id: str, field: str, marker: str) -> None:
    """Append `marker` to the one-line `field` of the record `record_id` (a consultant's title,
    a topic's summary), editing only that line."""
    text = data_file.read_text(encoding="utf-8")
    start = text.index(f"id: {record_id}\n")
    line = re.compile(rf"{field}: ([^\n]*?)(?: Bench\d+)?\n").search(text, start)
    if line is None:
        raise ValueError(f"{data_file}: {record_id} has no one-line {field} to mark")
    data_file.write_text(text[: line.start()] + f"{field}: {line.group(1)} {marker}\n" + text[line.end():],
                         encoding="utf-8")


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(POLL_S)


def _page_has(tmp: Path, page: str, marker: str) -> bool:
    for built in tmp.glob(f"mkdocs_*/{page}"):
        try:
            if marker in built.read_text(encoding="utf-8"):
                return True
        except (FileNotFoundError, UnicodeDecodeError):
            pass
    return False


def _finished_since(tmp: Path, moment: float) -> bool:
    """The search index is written last (on_post_build): a newer one means the build is done."""
    return any(index.stat().st_mtime >= moment for index in tmp.glob("mkdocs_*/search/search_index.json"))


def _responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def serve_latency(project: Project, work: Path, repeat: int, timeout: float = 300) -> dict:
    """Start `mkdocs serve`, then time `repeat` edits from save to rebuilt page on disk."""
    tmp = work / "serve-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    data_file = project.data / "municipalities.yaml"
    topics_file = project.data / "topics.yaml"
    original, original_topics = data_file.read_bytes(), topics_file.read_bytes()
    municipality_id, consultant_id = _first_card(data_file)
    page = f"kommuner/{municipality_id}/index.html"
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen([*MKDOCS, "serve", *SERVE_FLAGS, "-f", str(project.config), "-a", f"127.0.0.1:{port}"],
                              env={**ENV, "TMPDIR": str(tmp)}, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _responds(f"http://127.0.0.1:{port}/{page[:-len('index.html')]}"), timeout, "mkdocs serve")
        startup = time.perf_counter() - started
        runs = []
        for number in range(repeat):
            marker = f"Bench{time.time_ns() % 10**9}{number}"
            time.sleep(0.5)  # let the watcher settle after the previous build
            saved, saved_at = time.perf_counter(), time.time()
            _mark(data_file, consultant_id, "title", marker)
            _wait_for(functools.partial(_page_has, tmp, page, marker), timeout, "the rebuilt page")
            runs.append(time.perf_counter() - saved)
            _wait_for(functools.partial(_finished_since, tmp, saved_at), timeout, "the end of the rebuild")
        topic_runs = []
        topic_id = _first_topic(topics_file)
        topic_page = f"emner/{topic_id}/index.html"
        for number in range(repeat):
            marker = f"Bench{time.time_ns() % 10**9}{number}"
            time.sleep(3.0)  # the watcher settles, and the preview collects after the previous rebuild
            saved, saved_at = time.perf_counter(), time.time()
            _mark(topics_file, topic_id, "summary", marker)
            _wait_for(functools.partial(_page_has, tmp, topic_page, marker), timeout, "the rebuilt topic page")
            _wait_for(functools.partial(_finished_since, tmp, saved_at), timeout, "the end of the rebuild")
            topic_runs.append(time.perf_counter() - saved)
        return {"serve_startup_s": startup, "preview_s": statistics.median(runs), "preview_runs_s": runs,
                "preview_topic_s": statistics.median(topic_runs), "preview_topic_runs_s": topic_runs}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        data_file.write_bytes(original)
        topics_file.write_bytes(original_topics)
        shutil.rmtree(tmp, ignore_errors=True)
