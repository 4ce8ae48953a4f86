"""Material's compiled templates kept for the whole of a preview session.

MkDocs makes a new Jinja environment for every rebuild of `mkdocs serve`, which compiles
Material's forty-odd templates again: a fifth of a rebuild. on_env gives each new environment
this cache, which HookState keeps from one rebuild to the next (state.py); a `mkdocs build`
has none.
"""

from __future__ import annotations

from jinja2.bccache import BytecodeCache, Bucket


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
