"""The plain-Material twin's only hook: Material's environment gets the template helpers the
shared overrides/ use (`urls`, the filters; alliance_mkdocs/theme_env.py), as the real hook gives
it, and nothing else, so the twin still measures Material's own cost for the same pages."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from alliance_mkdocs.theme_env import share_template_helpers  # noqa: E402


def on_env(env, config, files):
    return share_template_helpers(env)
