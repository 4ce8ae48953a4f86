"""Language names as editors write them (in Danish, e.g. 'dansk') and their BCP 47 codes.

Pages show the names; schema.org's `knowsLanguage` and `availableLanguage` expect codes
("da", "en"), so the JSON-LD carries the code of every name listed here. A name not listed
stays a schema.org Language with that name, which is still correct, only less precise.
"""

from __future__ import annotations

from typing import Any

BCP47: dict[str, str] = {
    "albansk": "sq", "arabisk": "ar", "bosnisk": "bs", "bulgarsk": "bg", "dansk": "da",
    "dansk tegnsprog": "dsl", "dari": "prs", "engelsk": "en", "estisk": "et", "filippinsk": "fil",
    "finsk": "fi", "fransk": "fr", "færøsk": "fo", "græsk": "el", "grønlandsk": "kl",
    "hindi": "hi", "hollandsk": "nl", "islandsk": "is", "italiensk": "it", "japansk": "ja",
    "kinesisk": "zh", "kroatisk": "hr", "kurdisk": "ku", "lettisk": "lv", "litauisk": "lt",
    "nederlandsk": "nl", "norsk": "no", "pashto": "ps", "persisk": "fa", "polsk": "pl",
    "portugisisk": "pt", "rumænsk": "ro", "russisk": "ru", "serbisk": "sr", "slovakisk": "sk",
    "somali": "so", "somalisk": "so", "spansk": "es", "svensk": "sv", "tamil": "ta",
    "tegnsprog": "dsl", "thai": "th", "tigrinya": "ti", "tjekkisk": "cs", "tyrkisk": "tr",
    "tysk": "de", "ukrainsk": "uk", "ungarsk": "hu", "urdu": "ur", "vietnamesisk": "vi",
}


def schema_org_language(name: str) -> str | dict[str, Any]:
    """'Engelsk' -> 'en'; a name without a known code -> {'@type': 'Language', 'name': name}."""
    code = BCP47.get(" ".join(name.lower().split()))
    return code if code else {"@type": "Language", "name": name}


def schema_org_languages(names: list[str] | tuple[str, ...]) -> list[str | dict[str, Any]]:
    """The languages of a consultant for JSON-LD, in their order, each once."""
    result: list[str | dict[str, Any]] = []
    for name in names:
        language = schema_org_language(name)
        if language not in result:
            result.append(language)
    return result
