"""A MkDocs hook for the benchmark only: runs the project's real hook and records what it adds.

The A/B comparison needs "the same pages written to disk as Markdown" for a plain Material
build. Recording them from a real build (instead of re-implementing the hook) keeps the two
sides equal whatever the hook does: every generated page becomes a Markdown file holding its
front matter and its final body HTML, every generated asset a static file. Written to the
folder named by $BENCH_CAPTURE_DIR. It also times each of the real hook's event handlers, a
direct measure of the project's own share of a build (hook-seconds.json next to that folder).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

from mkdocs.structure.files import File

_REAL_PATH = Path(__file__).resolve().parent.parent / "hooks" / "alliance_hooks.py"


def _load_real_hook():
    spec = importlib.util.spec_from_file_location("alliance_hooks_real", _REAL_PATH)
    if spec is None or spec.loader is None:
        raise ImportError(f"{_REAL_PATH} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(_REAL_PATH.parent))
    spec.loader.exec_module(module)
    return module


_real = _load_real_hook()
_seconds: dict[str, float] = {}
_loaded_at = time.perf_counter()


def _timed(name: str, function):
    """The real event handler, with the time spent in it added to _seconds[name]."""
    @functools.wraps(function)
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _seconds[name] = _seconds.get(name, 0.0) + time.perf_counter() - started
    return run


for _name in dir(_real):
    if _name.startswith("on_"):
        setattr(_real, _name, _timed(_name, getattr(_real, _name)))
        globals()[_name] = getattr(_real, _name)

# Project code that Material's search plugin calls: it indexes pages with search_sections
# (timed on the main thread: handing pages to the worker, and making the entries at the end).
# The same module the real hook imported (its folder, hooks/, is on sys.path now).
_index = importlib.import_module("alliance_mkdocs.search").SectionedSearchIndex
_index.add_entry_from_context = _timed("search_sections", _index.add_entry_from_context)
_index.generate_search_index = _timed("search_sections", _index.generate_search_index)

_generated: dict[str, File] = {}
_bodies: dict[str, str] = {}


def on_files(files, config):
    before = {f.src_uri for f in files}
    files = _real.on_files(files, config)
    _generated.clear()
    _generated.update({f.src_uri: f for f in files if f.src_uri not in before})
    return files


def on_page_content(html, page, config, files):
    body = _real.on_page_content(html, page, config, files)
    _bodies[page.file.src_uri] = body if body is not None else html
    return body


def _front_matter(source: str) -> str:
    if source.startswith("---\n"):
        end = source.find("\n---\n", 4)
        if end > 0:
            return source[: end + 5]
    return ""


def on_post_build(config):
    if hasattr(_real, "on_post_build"):
        _real.on_post_build(config)
    out = Path(os.environ["BENCH_CAPTURE_DIR"])
    times = {**_seconds, "since_hook_loaded": time.perf_counter() - _loaded_at}
    (out.parent / "hook-seconds.json").write_text(json.dumps(times, indent=2), encoding="utf-8")
    for src_uri, file in _generated.items():
        target = out / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if src_uri in _bodies:
            target.write_text(_front_matter(file.content_string) + "\n" + _bodies[src_uri] + "\n", encoding="utf-8")
        else:
            target.write_bytes(file.content_bytes)
