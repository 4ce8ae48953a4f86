"""mkdocs.yml's `extra.alliance` is read in one place, typed, and a misspelt key fails the build."""

from __future__ import annotations

import re

import pytest
from alliance_mkdocs.options import AllianceOptions
from mkdocs.exceptions import PluginError

from sitebuild import site_config


def test_the_projects_configuration_reads_as_written():
    options = AllianceOptions.of(site_config())
    assert options.data_dir == "data" and options.cms_branch == "main"


def test_empty_values_take_the_defaults_as_unset_environment_variables_give_them():
    options = AllianceOptions.parse({"cms": {"repo": "", "branch": "", "auth_url": None}})
    assert options == AllianceOptions()
    assert options.cms("https://x.example/").site_url == "https://x.example/"
    assert AllianceOptions.parse(None) == AllianceOptions()


def test_the_web_editors_settings_reach_its_configuration():
    options = AllianceOptions.parse({"data_dir": "data2", "cms": {"repo": "org/site", "branch": "udgivet",
                                                                 "auth_url": "https://login.example/"}})
    cms = options.cms(None)
    assert (options.data_dir, cms.repo, cms.branch, cms.auth_url, cms.site_url) == \
        ("data2", "org/site", "udgivet", "https://login.example/", "")


@pytest.mark.parametrize(("raw", "message"), [
    ({"data-dir": "data"}, "unknown key(s) data-dir in extra.alliance; allowed: data_dir, cms"),
    ({"cms": {"repository": "x"}}, "unknown key(s) repository in extra.alliance.cms"),
    ({"cms": "org/site"}, "extra.alliance.cms must be a mapping"),
    ({"data_dir": 3}, "extra.alliance.data_dir must be text"),
])
def test_a_misspelt_or_misshapen_setting_fails_with_its_name(raw, message):
    with pytest.raises(PluginError, match=re.escape(message)):
        AllianceOptions.parse(raw)
