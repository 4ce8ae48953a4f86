"""The site's own settings in mkdocs.yml (`extra.alliance`), read and checked in one place.

MkDocs passes `extra` through untyped; reading it here once gives the hooks typed values and
turns a misspelt key into a build error instead of a silently ignored setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from alliance_site.editor.cms import CmsOptions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

_KEYS = ("data_dir", "cms")
_CMS_KEYS = ("repo", "branch", "auth_url")


@dataclass(frozen=True)
class AllianceOptions:
    """`extra.alliance`: where the data is, and where the web editor saves (docs/operating.md, "Web editor")."""

    data_dir: str = "data"  # relative to mkdocs.yml
    cms_repo: str = ""  # owner/name of the GitHub repository the editor saves to
    cms_branch: str = "main"
    cms_auth_url: str = ""  # the sign-in service; empty: Netlify's

    @classmethod
    def of(cls, config: MkDocsConfig) -> AllianceOptions:
        return cls.parse(config.extra.get("alliance"))

    @classmethod
    def parse(cls, raw: object) -> AllianceOptions:
        """Empty values take the defaults, as `!ENV [NAME, ""]` gives an empty string when unset."""
        options = _mapping(raw, "extra.alliance", _KEYS)
        cms = _mapping(options.get("cms"), "extra.alliance.cms", _CMS_KEYS)
        return cls(data_dir=_text(options, "data_dir", "extra.alliance") or cls.data_dir,
                   cms_repo=_text(cms, "repo", "extra.alliance.cms"),
                   cms_branch=_text(cms, "branch", "extra.alliance.cms") or cls.cms_branch,
                   cms_auth_url=_text(cms, "auth_url", "extra.alliance.cms"))

    def cms(self, site_url: str | None) -> CmsOptions:
        return CmsOptions(repo=self.cms_repo, branch=self.cms_branch, auth_url=self.cms_auth_url,
                          site_url=site_url or "")


def _mapping(raw: object, where: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise PluginError(f"mkdocs.yml: {where} must be a mapping with the keys {', '.join(keys)}")
    if unknown := sorted(str(key) for key in raw if key not in keys):
        raise PluginError(f"mkdocs.yml: unknown key(s) {', '.join(unknown)} in {where}; allowed: {', '.join(keys)}")
    return raw


def _text(options: Mapping[str, Any], key: str, where: str) -> str:
    value = options.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PluginError(f"mkdocs.yml: {where}.{key} must be text, not {value!r}")
    return value
