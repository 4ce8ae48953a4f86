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


WRITES = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from alliance_mkdocs.files import wait_for_files
from alliance_mkdocs.state import HookState
from alliance_site import worker
from alliance_site.publish.build import write_files

out = Path(sys.argv[2])
blocker = out / "a-file"
blocker.write_text("x", encoding="utf-8")
worker.start()
state, report = HookState(), {}
state.files_written = worker.submit(write_files, out / "site", [("kommuner/faxe/anne.vcf", "BEGIN:VCARD")])
wait_for_files(state)
report["written"] = (out / "site" / "kommuner" / "faxe" / "anne.vcf").read_text(encoding="utf-8")
state.files_written = worker.submit(write_files, blocker, [("kommuner/x.vcf", "x")])
try:
    wait_for_files(state)
    report["unwritable"] = "no error"
except OSError as error:
    report["unwritable"] = type(error).__name__
worker.stop()
print(json.dumps(report))
"""


def test_generated_files_written_by_the_worker_are_waited_for_and_a_failed_write_fails(tmp_path):
    """The build hands its ~2,000 non-page files to the worker and on_post_build waits for them:
    they are on disk when the build ends, and a write that failed fails the build."""
    result = subprocess.run([sys.executable, "-c", WRITES, str(ROOT / "hooks"), str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["written"] == "BEGIN:VCARD"
    assert report["unwritable"] in {"NotADirectoryError", "FileExistsError"}
