"""The rule for every file the generator reads from data/: the data files, the news files and
the pictures (photos, news pictures, the logo).

A file is read only when it is a regular file inside data/ once its links are resolved, and
only up to the size its caller allows, checked before reading. Anything else (a folder, a link
to nothing, a ring of links, a link out of data/, a device such as /dev/zero, a pipe) is a
located Danish message, never a traceback, never a silent skip.

Why links inside data/ are allowed and links out of it refused: Git stores a link as a link,
so a pull request can add `fotos/x.jpg -> /etc/passwd`, and the build must never publish what
the link points at; a link from one file in data/ to another (one photo for two people) is
harmless, and refusing it would gain nothing. Whatever copies a picture into the site reads it
through `read_inside` again (build.py), so the check and the copy cannot disagree.
"""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

OUT_OF_DATA = ("er en genvej (et symbolsk link) til en fil uden for mappen data/; siden bruger kun filer, "
               "der ligger i data/, så læg selve filen der i stedet for genvejen")


@dataclass(frozen=True)
class DataFile:
    """A file the rule accepted: where it really is, and how large it was when checked."""

    real: Path
    size: int


class OutsideData(Exception):
    """A file that is not (or no longer) a regular file inside data/ when it is read."""


def inspect(path: Path, data_dir: Path) -> DataFile | str:
    """The file at `path` when it is a regular file inside data/ after resolving links; else
    what it is instead, as the end of a Danish sentence ("... er en mappe; ..."). A missing
    file (no link either) is the caller's to word, as each says where the file belongs."""
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return ("er en genvej (et symbolsk link) til en fil, der ikke findes; læg selve filen i data/ "
                "i stedet for genvejen")
    except OSError:
        return ("er en genvej (et symbolsk link), der peger i ring; læg selve filen i data/ i stedet "
                "for genvejen")
    if not real.is_relative_to(_real_folder(os.path.abspath(data_dir))):
        return OUT_OF_DATA
    mode = real.stat().st_mode
    if stat.S_ISDIR(mode):
        return "er en mappe, ikke en fil; her skal ligge en fil, så flyt mappen eller omdøb den"
    if not stat.S_ISREG(mode):
        return ("er ikke en almindelig fil (men fx en enhed eller en pipe); her skal ligge en almindelig "
                "fil, gemt fra et program")
    return DataFile(real, real.stat().st_size)


@functools.lru_cache(maxsize=16)
def _real_folder(folder: str) -> str:
    """data/ itself, links resolved: once per run, not once for each of a national set's 2,500
    files. Kept for the process (a preview's later builds): were data/ replaced by a link since,
    files would only be refused, never let out."""
    return os.path.realpath(folder)


def folder_inside(folder: Path, data_dir: Path) -> bool:
    """True when `folder` is inside data/ once links are resolved: a folder linked out of data/
    (fotos -> /etc) is not listed, so not even the names of what lies outside are read."""
    return Path(os.path.realpath(folder)).is_relative_to(_real_folder(os.path.abspath(data_dir)))


def exists(path: Path) -> bool:
    """True for anything at `path`, also a link to nothing: what the rule must judge, not skip."""
    return os.path.lexists(path)


def read_inside(path: Path, data_dir: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, a regular file inside data/ of at most `max_bytes`; raises
    OutsideData otherwise."""
    found = inspect(path, data_dir)
    if isinstance(found, str):
        raise OutsideData(f"{path} {found}")
    return read(found, max_bytes)


def read(found: DataFile, max_bytes: int) -> bytes:
    """The bytes of a file `inspect` accepted. Reads at most one byte more than allowed whatever
    the file claims, so a file that grew after it was checked cannot run the build out of memory."""
    content = start(found, max_bytes + 1)
    if len(content) > max_bytes:
        raise OutsideData(f"{found.real} fylder mere end {max_bytes} bytes")
    return content


def start(found: DataFile, size: int) -> bytes:
    """At most the first `size` bytes of a file `inspect` accepted (what kind of file it is)."""
    with open(found.real, "rb", opener=_no_follow) as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OutsideData(f"{found.real} er ikke en almindelig fil")
        return file.read(size)


def _no_follow(name: str, flags: int) -> int:
    """Open the resolved path itself: a link put in its place after the check is not followed."""
    return os.open(name, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
