"""The rule for a picture file under data/: a consultant's photo, a news item's picture and the
alliance's logo. Each is a path under data/ that must name a file that exists, of an allowed
kind and not too large.

Why one module: it is one rule, so an editor reads the same words for a photo as for a logo,
and a limit changed here holds for the check and for the web editor alike (cms.py takes its
upload fields' file types and folders from here). It knows neither documents nor positions:
content_checks.check_picture applies it for every caller (crossref.py for photos) and reports
its message where the path is written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from alliance_site.data import datafiles
from alliance_site.data.fields import data_relative
from alliance_site.data.text import listing

PHOTO_FOLDER = "fotos"
NEWS_IMAGE_FOLDER = "nyheder/billeder"
MEGABYTE = 1024 * 1024
MEDIA_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
               ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Picture:
    """A kind of picture: what Danish calls it, the field that holds it, the file types and the
    largest size it may have, and an example path to write."""

    one: str  # 'et foto'
    the: str  # 'fotoet'
    field: str  # the field to delete instead, when the picture is not wanted after all
    suffixes: tuple[str, ...]
    max_bytes: int
    example: str

    @property
    def kinds(self) -> str:
        """'.jpg-, .png- eller .webp-fil' (.jpeg is allowed, and left out as a kind of .jpg)."""
        shown = [s for s in self.suffixes if s != ".jpeg"]
        return listing([f"{s}-" for s in shown[:-1]] + shown[-1:], "eller") + "-fil"


PHOTO = Picture("et foto", "fotoet", "photo", (".jpg", ".jpeg", ".png", ".webp"), MEGABYTE,
                f"{PHOTO_FOLDER}/mette-holm.jpg")
NEWS_IMAGE = Picture("et billede", "billedet", "image", (".jpg", ".jpeg", ".png", ".webp"), MEGABYTE,
                     f"{NEWS_IMAGE_FOLDER}/moede.jpg")
LOGO = Picture("et logo", "logoet", "logo", (".svg", ".png"), 100 * 1024, "logo.svg")
MAX_BYTES = max(picture.max_bytes for picture in (PHOTO, NEWS_IMAGE, LOGO))


def accept(*pictures: Picture) -> str:
    """The media types of these kinds' files, each once, as an upload field's `accept` lists them."""
    types = [MEDIA_TYPES[suffix] for picture in pictures for suffix in picture.suffixes]
    return ",".join(dict.fromkeys(types))


def path(name: str, data_dir: Path) -> Path:
    """Where the file a picture names is (check it with `problem` first, and read it with
    datafiles.read_inside)."""
    return data_dir / PurePosixPath(data_relative(name))


def problem(picture: Picture, name: str, data_dir: Path) -> str | None:
    """What is wrong with the file `name` (as written in the data) for this kind of picture, in
    the words an editor reads: what is wrong, then what is allowed. None when it is fine."""
    relative = PurePosixPath(data_relative(name))
    said = f"{picture.the} '{name}'"
    if "\\" in name:
        return f"{said} er skrevet med omvendt skråstreg (\\); skriv stien med /, fx '{picture.example}'"
    if relative.is_absolute() or ".." in relative.parts:
        return f"{said} peger ud af mappen data/; {picture.one} skal ligge i data/, fx '{picture.example}'"
    if relative.suffix.lower() not in picture.suffixes:
        kind = f"er en {relative.suffix}-fil" if relative.suffix else "har ingen filtype"
        return f"{said} {kind}; {picture.one} skal være en {picture.kinds}"
    file = data_dir / relative
    if not datafiles.exists(file):
        folder = "data/" if relative.parent == PurePosixPath(".") else f"data/{relative.parent}/"
        return (f"{said} findes ikke; læg filen i {folder} (navnet skal passe præcist, også med store og små "
                f"bogstaver), eller slet feltet '{picture.field}'")
    found = datafiles.inspect(file, data_dir)
    if isinstance(found, str):
        return f"{said} {found}"
    if (size := found.size) > picture.max_bytes:
        return (f"{said} fylder {_size(size)}; {picture.one} må højst fylde {_size(picture.max_bytes)}, "
                "så gem det i en mindre udgave")
    try:
        start = datafiles.start(found, SNIFFED_BYTES)
    except datafiles.OutsideData:  # changed since it was inspected
        return f"{said} blev ændret, mens den blev læst; kør tjekket igen"
    if not is_picture(start, picture.suffixes):
        return (f"{said} er ikke et billede: filen begynder ikke som en {picture.kinds}; gem billedet igen "
                f"som {picture.kinds}, eller ret stien, hvis den peger på en anden fil")
    return None


# How much of a file tells its kind: the signatures below, and the start of an SVG.
SNIFFED_BYTES = 1024


def is_picture(start: bytes, suffixes: tuple[str, ...]) -> bool:
    """Does a file that begins with `start` hold a picture of one of these kinds, whatever its
    name says? A browser shows a PNG named .jpg, so the kinds are not matched to the name; a
    data file or a text linked in a picture's place is refused."""
    kinds = {
        ".jpg": start.startswith(b"\xff\xd8\xff"),
        ".png": start.startswith(b"\x89PNG\r\n\x1a\n"),
        ".webp": start[:4] == b"RIFF" and start[8:12] == b"WEBP",
        ".svg": start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in start,
    }
    return any(kinds.get(".jpg" if suffix == ".jpeg" else suffix, False) for suffix in suffixes)


def _size(size: int) -> str:
    """'85 KB', '1 MB', '3,4 MB': rounded up, so a file just over the limit never reads as at it."""
    if size < MEGABYTE:
        return f"{math.ceil(size / 1024)} KB"
    tenths = math.ceil(size * 10 / MEGABYTE)
    return f"{tenths // 10} MB" if tenths % 10 == 0 else f"{tenths // 10},{tenths % 10} MB"
