"""The browser-test machinery itself: how Chromium is found, and the test server's 404."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from browser import chromium
from browser.chromium import BrowserMissing, find_chromium


def test_without_any_browser_the_error_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(chromium, "SYSTEM_CHROMIUMS", (str(tmp_path / "chromium"),))
    with pytest.raises(BrowserMissing, match="apt-get install chromium"):
        find_chromium(str(tmp_path / "playwright-download" / "chrome"))


def test_chromium_path_wins_and_a_wrong_one_is_an_error(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM_PATH", str(fake))
    assert find_chromium(None) == str(fake)
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "missing"))
    with pytest.raises(BrowserMissing, match="CHROMIUM_PATH"):
        find_chromium(None)


def test_playwright_download_is_the_last_resort(monkeypatch, tmp_path):
    download = tmp_path / "chrome"
    download.write_text("#!/bin/sh\n")
    download.chmod(0o755)
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(chromium, "SYSTEM_CHROMIUMS", (str(tmp_path / "none"),))
    assert find_chromium(str(download)) == str(download)


def test_server_answers_unknown_paths_with_the_404_page(site_url, built_site):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(site_url + "findes/ikke/")
    assert error.value.code == 404
    assert error.value.read() == (built_site / "404.html").read_bytes()
    with urllib.request.urlopen(site_url + "kommuner/") as response:
        assert response.status == 200
