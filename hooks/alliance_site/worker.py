"""A second process for the work of a build that needs nothing but its input, so it runs on
another core: cutting page bodies into search sections, finding inline code for the CSP, and
writing the files that are not pages.

MkDocs renders pages on one thread, and a thread would not help (the interpreter lock). While a
worker is running, `submit` sends such work to it; otherwise (the preview, tests that build
in-process) it runs the function at once. Either way the caller gets a Future, so there is one code path.

The worker is forked at once when started, from a process that has no other thread yet (the
hooks start it in on_startup of `mkdocs build`): forking beside a running thread can copy a held
lock and hang, so then there is no worker. A forked worker has every module the build has.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

_pool: ProcessPoolExecutor | None = None


def start() -> None:
    global _pool
    if _pool is None and threading.active_count() == 1:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        _pool.submit(int).result()  # fork now, while this is the only thread


def stop() -> None:
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(cancel_futures=True)


def submit(function: Callable[..., Any], *args: Any) -> Future:
    """`function(*args)` in the worker if one is running, else here and now."""
    if _pool is not None:
        return _pool.submit(function, *args)
    done: Future = Future()
    try:
        done.set_result(function(*args))
    except Exception as error:  # the caller sees it from .result(), as from the worker
        done.set_exception(error)
    return done
