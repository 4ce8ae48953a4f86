"""A picture must be a picture: its first bytes, not only its name (alliance_site/data/pictures.py)."""

from __future__ import annotations

import pytest
from alliance_site.data import pictures
from alliance_site.data.pictures import LOGO, PHOTO, is_picture

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
SVG = b'\xef\xbb\xbf\n<svg xmlns="http://www.w3.org/2000/svg"/>'


@pytest.mark.parametrize("start,kinds,expected", [
    (JPEG, PHOTO.suffixes, True), (PNG, PHOTO.suffixes, True), (WEBP, PHOTO.suffixes, True),
    (SVG, PHOTO.suffixes, False), (SVG, LOGO.suffixes, True), (PNG, LOGO.suffixes, True), (JPEG, LOGO.suffixes, False),
    (b"partners:\n- id: x\n", PHOTO.suffixes, False), (b"", PHOTO.suffixes, False),
    (b"<html><body>", LOGO.suffixes, False), (b"RIFF\x00\x00\x00\x00WAVE", PHOTO.suffixes, False)])
def test_a_picture_is_known_by_its_first_bytes(start, kinds, expected):
    assert is_picture(start, kinds) is expected


def test_a_data_file_in_a_photos_place_is_a_located_danish_error(tmp_path):
    data = tmp_path / "data"
    (data / "fotos").mkdir(parents=True)
    (data / "partners.yaml").write_text("partners: []\n", encoding="utf-8")
    (data / "fotos" / "anne.jpg").symlink_to("../partners.yaml")
    assert pictures.problem(PHOTO, "fotos/anne.jpg", data) == (
        "fotoet 'fotos/anne.jpg' er ikke et billede: filen begynder ikke som en .jpg-, .png- eller .webp-fil; "
        "gem billedet igen som .jpg-, .png- eller .webp-fil, eller ret stien, hvis den peger på en anden fil")
    (data / "fotos" / "bo.png").write_bytes(PNG + b"rest")
    assert pictures.problem(PHOTO, "fotos/bo.png", data) is None
