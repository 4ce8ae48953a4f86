"""A lunr index with the same Danish pipeline as Material's browser search (lunr-languages 'da').

The stop words and word characters are read from the lunr.da script that Material ships, and the
stemmer is the Danish Snowball stemmer from `snowballstemmer` (lunr-languages compiles the same
Snowball algorithm to JavaScript). No nltk, no downloads.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import material
import snowballstemmer
from lunr.builder import Builder
from lunr.index import Index
from lunr.languages.trimmer import generate_trimmer
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import generate_stop_word_filter

from htmlscan import found

LUNR_DA = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.da.min.js"


@lru_cache(maxsize=1)
def _danish_pipeline_functions():
    script = LUNR_DA.read_text(encoding="utf-8")
    stop_words = found(r'generateStopWordFilter\("([^"]+)"', script).group(1).split()
    word_characters = found(r'wordCharacters="([^"]+)"', script).group(1)
    trimmer = generate_trimmer(word_characters)
    Pipeline.register_function(trimmer, "trimmer-da")
    stop_filter = generate_stop_word_filter(stop_words, language="da")
    danish = snowballstemmer.stemmer("danish")

    def stemmer(token, i=None, tokens=None):
        return token.update(lambda text, metadata=None: danish.stemWord(text))

    Pipeline.register_function(stemmer, "stemmer-da")
    return trimmer, stop_filter, stemmer


def build_index(search_index_json: Path) -> tuple[Index, dict[str, dict]]:
    """Index the documents of Material's search_index.json; returns the index and docs by location."""
    data = json.loads(search_index_json.read_text(encoding="utf-8"))
    trimmer, stop_filter, stemmer = _danish_pipeline_functions()
    builder = Builder()
    builder.pipeline.add(trimmer, stop_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    builder.ref("location")
    for name, options in data["config"]["fields"].items():
        builder.field(name, boost=options.get("boost", 1))
    docs = {}
    for doc in data["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc.get("text", ""))
        entry = {"location": doc["location"], "title": doc["title"], "text": text, "tags": " ".join(doc.get("tags", []))}
        builder.add(entry)
        docs[doc["location"]] = entry
    return builder.build(), docs


def search(index: Index, query: str) -> list[str]:
    """Locations matching a plain-text query, best first (terms separated like Material does)."""
    terms = [t for t in re.split(r"[\s\-]+", query.lower()) if t]
    return [result["ref"] for result in index.search(" ".join(terms))]
