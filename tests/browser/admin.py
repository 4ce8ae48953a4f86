"""Drive the web editor at /admin/ as an editor would, on a local repository.

Sveltia CMS offers "Arbejd med lokalt repository" on localhost: it asks the browser for a folder
(`showDirectoryPicker`) and reads and writes the data files there. Playwright cannot answer the
browser's folder picker, so an init script answers it with a folder in the origin-private file
system, which the test fills with a copy of data/ and an empty `.git/` first. Everything else,
from the button to the save, is the real editor.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

REPO = "repo"
ANSWER_FOLDER_PICKER = f"""
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle({REPO!r}, {{create: true}});
"""
FILL_REPOSITORY = """async ([name, files]) => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry(name, {recursive: true}); } catch {}
  const repo = await root.getDirectoryHandle(name, {create: true});
  await repo.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let folder = repo;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
# The editor replaces a file when it saves it; a read that meets the swap fails with
# NotReadableError, so it is read again.
READ_FILE = """async ([name, path, asBytes]) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  const handle = await folder.getFileHandle(parts.at(-1));
  for (let attempt = 1; ; attempt++) {
    try {
      const file = await handle.getFile();
      return asBytes ? [...new Uint8Array(await file.arrayBuffer())] : await file.text();
    } catch (error) {
      if (error.name !== 'NotReadableError' || attempt === 50) throw error;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}"""
# Sveltia wraps names in its labels in Unicode isolation marks (U+2068 ... U+2069).
ISOLATION_MARK = "[\u2068\u2069]?"


def data_files(data_dir: Path) -> dict[str, str]:
    return {f"data/{path.relative_to(data_dir).as_posix()}": path.read_text(encoding="utf-8")
            for path in sorted(data_dir.rglob("*.yaml"))}


def open_local_repository(page: Page, admin_url: str, files: dict[str, str], screenshot: Path | None = None) -> None:
    """Open /admin/, put `files` in the local repository and choose it, as the editor does."""
    page.goto(admin_url)
    page.evaluate(FILL_REPOSITORY, [REPO, files])
    if screenshot:
        expect(page.get_by_role("button", name=named("Log ind med GitHub"))).to_be_visible()
        page.screenshot(path=screenshot)
    page.get_by_role("button", name="Arbejd med lokalt repository").click()
    expect(page.get_by_text("Samlinger")).to_be_visible()


def read_file(page: Page, path: str, unlike: str | None = None) -> str:
    """The file in the local repository; with `unlike`, once it differs from that text (the
    editor may still be writing it when it reports the save)."""
    text = page.evaluate(READ_FILE, [REPO, path, False])
    for _attempt in range(50):
        if unlike is None or text != unlike:
            break
        page.wait_for_timeout(100)
        text = page.evaluate(READ_FILE, [REPO, path, False])
    return text


def read_bytes(page: Page, path: str) -> bytes:
    """The file in the local repository, as bytes."""
    return bytes(page.evaluate(READ_FILE, [REPO, path, True]))


def named(text: str) -> re.Pattern:
    """A label as written, wherever Sveltia put isolation marks into it."""
    return re.compile(ISOLATION_MARK + ISOLATION_MARK.join(map(re.escape, text)) + ISOLATION_MARK)


def open_file(page: Page, collection: str) -> Locator:
    """Open the one file of a collection; returns the form."""
    page.get_by_role("navigation", name="Indhold").get_by_text(collection, exact=True).click()
    page.get_by_role("main", name=named(f"Samlingen {collection}")).get_by_role("row", name=collection).click()
    form = page.get_by_role("group", name=named("Rediger indhold på _default"))
    expect(form).to_be_visible()
    return form


def field(form: Locator, key_path: str) -> Locator:
    """A form field by where its value goes in the file, e.g. municipalities.0.consultants.1.phone."""
    found = form.locator(f'[data-key-path="{key_path}"]')
    parent = key_path.rpartition(".")[0]
    siblings = form.locator(f'[data-key-path^="{parent}."]' if parent else "[data-key-path]")
    for _attempt in range(20):  # fields render as they come into view: bring the last one up
        if found.count():
            break
        siblings.last.evaluate("element => element.scrollIntoView({block: 'start'})")
        form.page.wait_for_timeout(200)
    found.scroll_into_view_if_needed()
    return found


def expand(form: Locator, list_path: str, index: int) -> None:
    """Unfold entry `index` of the list at `list_path`, unless it is unfolded already (the editor
    remembers what was open)."""
    items = field(form, list_path).locator(
        f"xpath=.//*[@role='group' and contains(@class, 'item')]"
        f"[ancestor::*[@data-key-path][1][@data-key-path='{list_path}']]")
    item = items.nth(index)
    item.scroll_into_view_if_needed()
    toggle = item.locator("button[aria-expanded]").first
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def save(page: Page) -> None:
    """Save, and wait until the editor closes the saved file (it does so once it is written)."""
    button = page.get_by_role("button", name="Gem", exact=True)
    expect(button).to_be_enabled()
    button.click()
    expect(button).to_have_count(0)
    expect(page.get_by_text("Dokumentet er gemt.").first).to_be_visible()
