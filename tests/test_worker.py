"""The build's worker process: work goes to another process while it runs, and is done in place
otherwise, with errors surfacing the same way. Each case runs in a fresh interpreter, because
the worker only starts in a process with no other thread (pytest's may have some)."""

from __future__ import annotations

import json
import subprocess
import sys

from sitebuild import ROOT

SCRIPT = r"""
import json, os, sys, threading, time
sys.path.insert(0, sys.argv[1])
from alliance_site import worker

def outcome(future):
    try:
        return ["ok", future.result()]
    except Exception as error:
        return ["error", type(error).__name__]

report = {"parent": os.getpid()}
report["before"] = outcome(worker.submit(os.getpid))
worker.start()
report["during"] = outcome(worker.submit(os.getpid))
report["error_during"] = outcome(worker.submit(int, "not a number"))
worker.stop()
report["after"] = outcome(worker.submit(os.getpid))
report["error_after"] = outcome(worker.submit(int, "not a number"))
stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
worker.start()  # another thread is running: no fork
report["with_thread"] = outcome(worker.submit(os.getpid))
stop.set()
thread.join()
worker.stop()
print(json.dumps(report))
"""


def test_worker_runs_work_elsewhere_only_while_started_and_never_beside_a_thread():
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "hooks")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    parent = report["parent"]
    assert report["before"] == ["ok", parent]
    assert report["during"][0] == "ok" and report["during"][1] != parent
    assert report["error_during"] == ["error", "ValueError"]
    assert report["after"] == ["ok", parent]
    assert report["error_after"] == ["error", "ValueError"]
    assert report["with_thread"] == ["ok", parent]
