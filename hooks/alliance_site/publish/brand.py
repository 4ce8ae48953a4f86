"""The alliance's brand colour: the colours it sets, and their contrast in both palettes (WCAG 2.1).

The header is white text on the brand colour in both palettes, and links are the brand colour
on Material's white page (light) or a lighter tint of it on Material's slate page (dark). The
accent (search-result highlights, focus rings, links under the pointer) is the link colour, so
it meets the same contrast on the same backgrounds. WCAG
2.1 AA asks 4.5:1 for normal text (1.4.3), so a colour is refused when any of these falls
short; the message says which contrast it reached. tests/test_brand.py checks the formulas
against WCAG's own examples. Where Material takes these colours (its palette's variables, the
stylesheet of the brand colour) is hooks/alliance_mkdocs/palette.py.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
# Material's page background in the slate (dark) scheme: hsla(var(--md-hue), 15%, 14%, 1) with
# --md-hue 225deg (material/templates/assets/stylesheets/palette.*.css).
_r, _g, _b = colorsys.hls_to_rgb(225 / 360, 0.14, 0.15)
SLATE_BACKGROUND = "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (_r, _g, _b)))
# Without brand_colour_dark, dark-palette links are the brand colour mixed with this much white.
DARK_TINT = 0.6


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour '#rrggbb'."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(linear, _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio, from 1 to 21."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` with `share` of `other` mixed in, channel by channel."""
    return "#{:02x}{:02x}{:02x}".format(*(round(c * (1 - share) + o * share)
                                          for c, o in zip(_rgb(colour), _rgb(other), strict=True)))


def shade(colour: str, share: float) -> str:
    return mix(colour, "#000000", share)


def ratio_text(value: float) -> str:
    """4.4812 -> '4,48:1' (Danish decimal comma; rounded down so 4.499 never reads as 4,50)."""
    return f"{int(value * 100) / 100:.2f}".replace(".", ",") + ":1"


@dataclass(frozen=True)
class Brand:
    """The colours a brand colour sets: header and light-palette links, dark-palette links."""

    colour: str
    dark_link: str

    @classmethod
    def of(cls, colour: str, dark: str | None = None) -> Brand:
        return cls(colour, dark or mix(colour, WHITE, DARK_TINT))

    def problems(self) -> list[tuple[str, str]]:
        """(field, Danish message) for each contrast below AA."""
        found = []
        header = contrast(WHITE, self.colour)
        if header < AA_NORMAL_TEXT:
            found.append(("brand_colour", f"farven '{self.colour}' giver kontrasten {ratio_text(header)} til den hvide "
                          "tekst i sidehovedet og til hvid baggrund (links i det lyse tema); WCAG 2.1 AA kræver "
                          f"mindst {ratio_text(AA_NORMAL_TEXT)}, så vælg en mørkere farve"))
        dark = contrast(self.dark_link, SLATE_BACKGROUND)
        if dark < AA_NORMAL_TEXT:
            found.append(("brand_colour_dark", f"links i det mørke tema får farven '{self.dark_link}', som giver "
                          f"kontrasten {ratio_text(dark)} til den mørke baggrund; WCAG 2.1 AA kræver mindst "
                          f"{ratio_text(AA_NORMAL_TEXT)}, så vælg en lysere farve som brand_colour_dark"))
        return found
