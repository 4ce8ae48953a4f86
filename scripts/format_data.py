"""Store data files in the web editor's own YAML style: `make format-data [ALLIANCE=<dir>]`.

The web editor (Sveltia CMS at /admin/) rewrites a whole file when it saves. If the file is
already in its style, a changed phone number is a one-line diff; otherwise the first save
reformats everything around it. The formatting itself runs in Node with the `yaml` package the
editor bundles (admin/format-data.mjs); this script gives it the form's field order from the
model (alliance_site.editor.cms) and the files to format.

  python scripts/format_data.py [--check] <data folder>...
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATTER = ROOT / "admin" / "format-data.mjs"
sys.path.insert(0, str(ROOT / "hooks"))

from alliance_site.data.loading import DATA_FILES, DATA_FOLDERS, folder_files  # noqa: E402
from alliance_site.editor.cms import CmsOptions, cms_config  # noqa: E402


def data_files(folder: Path) -> list[Path]:
    """The data files of a data folder, and the record files of its news folder."""
    return [*(folder / f.filename for f in DATA_FILES.values() if (folder / f.filename).is_file()),
            *(path for key in DATA_FOLDERS for path in folder_files(folder, key))]


def run_formatter(paths: list[Path], check: bool) -> subprocess.CompletedProcess:
    """Format `paths` in place (or only list those out of style, with check=True)."""
    config = cms_config(CmsOptions(), present=set(DATA_FILES))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(config, handle, ensure_ascii=False)
    try:
        command = ["node", str(FORMATTER), *(["--check"] if check else []), handle.name, *map(str, paths)]
        return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    finally:
        Path(handle.name).unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; list files out of style")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    result = run_formatter([p for folder in args.folders for p in data_files(folder)], args.check)
    sys.stderr.write(result.stderr)
    for line in result.stdout.splitlines():
        print(("ikke i redigeringsværktøjets format: " if args.check else "omformateret: ") + line)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
