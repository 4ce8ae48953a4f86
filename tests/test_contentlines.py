"""Content lines of calendars and vCards: folded at 75 octets on UTF-8 character boundaries,
CRLF throughout (RFC 5545 §3.1, RFC 6350 §3.2), one function for both; the cards a real parser
(vobject) reads back as written."""

from __future__ import annotations

import vobject

from alliance_site.publish.contentlines import MAX_LINE_OCTETS, content_lines, fold
from alliance_site.publish.specs import AssetSpec
from sitebuild import renderer


def _physical(text: str) -> list[bytes]:
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    return raw[:-2].split(b"\r\n")


def test_a_short_line_is_not_folded():
    assert fold("FN:Anne Holm") == "FN:Anne Holm"
    assert content_lines(["BEGIN:VCARD", "END:VCARD"]) == "BEGIN:VCARD\r\nEND:VCARD\r\n"


def test_a_line_of_exactly_75_octets_stays_whole_and_76_folds():
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76).encode() == b"x" * 75 + b"\r\n x"


def test_a_danish_letter_at_the_fold_moves_whole_to_the_next_line():
    """'TITLE:' + 68 x + 'æ' (2 octets) would end at octet 76: the æ starts the continuation."""
    line = "TITLE:" + "x" * 68 + "æøå"
    lines = _physical(content_lines([line]))
    assert lines[0] == b"TITLE:" + b"x" * 68 and len(lines[0]) == 74
    assert lines[1] == " æøå".encode()


def test_an_emoji_at_the_fold_is_never_split():
    line = "NOTE:" + "y" * 68 + "😀" * 3  # 73 octets, then 4-octet characters
    lines = _physical(content_lines([line]))
    assert [len(part) for part in lines] == [73, 1 + 4 * 3]
    assert all(part.decode("utf-8") for part in lines)  # each physical line is whole UTF-8
    assert b"".join([lines[0], *(part[1:] for part in lines[1:])]).decode() == line


def test_every_fold_of_a_long_mixed_line_is_at_most_75_octets_and_unfolds_to_the_line():
    line = "NOTE;CHARSET=UTF-8:" + "Kjær & Søn 😀 " * 40
    lines = _physical(content_lines([line]))
    assert all(len(part) <= MAX_LINE_OCTETS for part in lines) and len(lines) > 5
    assert all(part.startswith(b" ") for part in lines[1:])
    assert b"".join([lines[0], *(part[1:] for part in lines[1:])]).decode() == line


def _card(title: str, name: str = "Anne-Sofie Kjærsgaard-Østergaard") -> str:
    from alliance_site.data.loading import load_site
    from sitebuild import ROOT
    site, _ = load_site(ROOT / "data")
    entry = site.all_consultants()[0]
    consultant = entry.consultant.model_copy(update={"title": title, "name": name})
    entry = type(entry)(consultant, entry.employer)
    spec = AssetSpec("x.vcf", "vcard.vcf", {"consultant": consultant, "entry": entry, "site": site})
    return renderer().render_asset(spec)


def test_a_long_vcard_line_is_folded_and_read_back_by_vobject():
    """The 84-octet TITLE line of the issue, and a title with letters and emoji at every fold."""
    title = "Virksomhedskonsulent med ansvar for rekruttering, fastholdelse og opkvalificering 😀 i Næstved"
    text = _card(title)
    lines = _physical(text)
    assert max(len(line) for line in lines) <= MAX_LINE_OCTETS
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    card = vobject.readOne(text, validate=True)
    assert card.title.value == title and card.fn.value == "Anne-Sofie Kjærsgaard-Østergaard"
