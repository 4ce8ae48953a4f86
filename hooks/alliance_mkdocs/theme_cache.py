"""What `mkdocs serve` keeps of Material's theme for the whole of a preview session.

MkDocs makes a new Jinja environment for every rebuild of `mkdocs serve`: it compiles
Material's forty-odd templates again (a fifth of a rebuild), and it lists every file of the
theme's folders to find the static files among them (Material's 14,000 icons included, a
twentieth of a rebuild at national scale). HookState keeps this module's caches from one rebuild
to the next (state.py); a `mkdocs build` has none.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection

from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket

from alliance_site.publish.preview import stamp


class MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates in memory. Jinja checks each entry against its template's
    source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class ThemeListing:
    """The theme's static files as MkDocs lists them (`Environment.list_templates` with its
    filter), kept while the theme is the same: the same folders and static templates, and no
    file of the custom folder (overrides/) added, removed or changed. Material's and MkDocs' own
    folders change only with an upgrade, which needs a restart of `mkdocs serve` anyway."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._names: list[str] = []

    def attach(self, theme) -> None:
        """Make the environments `theme` gives for this build list their files through this cache."""
        key = (tuple(theme.dirs), frozenset(theme.static_templates),
               stamp(theme.custom_dir) if theme.custom_dir else None)
        make_env = theme.get_env

        def get_env() -> Environment:
            env = make_env()
            env.list_templates = functools.partial(self._listed, env.list_templates, key)
            return env
        theme.get_env = get_env

    def _listed(self, list_templates: Callable[..., list[str]], key: tuple,
                extensions: Collection[str] | None = None, filter_func: Callable[[str], bool] | None = None
                ) -> list[str]:
        # MkDocs' filter is a new function each build, with the same code and the same rules
        # (the static templates, in `key`).
        key = (*key, tuple(extensions or ()), getattr(filter_func, "__code__", filter_func))
        if key != self._key:
            self._names, self._key = list_templates(extensions, filter_func), key
        return list(self._names)
