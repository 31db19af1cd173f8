"""Index terms of a text: what the browser's query (theme/static/js/search-engine.js) looks up.

- words, folded (text.fold): "Dữ liệu số" -> du, lieu, so;
- adjacent pairs within a phrase (never across , ; : ( ) « » …): du_lieu, lieu_so, so a phrase
  outranks the same words scattered;
- codes: a written token that folds to three or more words is also one term
  ("stp-nv-3-1" -> stp_nv_3_1, "III.2.1" -> iii_2_1, "01-KH/BCĐ" -> 01_kh_bcd); a two-word
  token ("4.3") is already its pair, 4_3;
- synonyms (synonyms.py): «CNTT» also gives the words and pairs of «công nghệ thông tin»,
  and «công nghệ thông tin» also gives «cntt»;
- accented words, kept apart (accent_terms): "hộ tịch" -> hộ, tịch, so that a query typed with
  diacritics prefers the same spelling. Words without diacritics give nothing here.

The browser folds, splits and joins a query the same way (fold.js, search-engine.js).
"""

import functools
import re
import unicodedata
from itertools import chain

from ..text import fold
from .synonyms import Expander

# Where a phrase ends: two-word terms never span these.
_BREAK = re.compile(r"[,;:!?()\[\]{}\"“”«»…]|\.(?=\s|$)|\s[-–—]\s")
_INVISIBLE = re.compile("[\u00ad\u200c-\u200f\u2060\ufeff]")
_ACCENT_WORD = re.compile(r"[^\W_]+")

NO_SYNONYMS = Expander({})


@functools.lru_cache(maxsize=1 << 17)
def _token_words(token):
    """A written token's folded words (cached: a corpus repeats a few thousand syllables)."""
    return tuple(fold(token).split())


@functools.lru_cache(maxsize=1 << 17)
def _accented(word):
    return fold(word) != word


def phrase_tokens(text):
    """Each phrase of `text` as a list of written tokens folded: [[("4", "3"), ("nhiem",)], …]."""
    out = []
    for part in _BREAK.split(text or ""):
        tokens = list(filter(None, map(_token_words, part.split())))
        if tokens:
            out.append(tokens)
    return out


def phrase_words(text):
    """Folded words of each phrase of `text` (split at punctuation that ends a phrase)."""
    return [list(chain.from_iterable(tokens)) for tokens in phrase_tokens(text)]


def _words_and_pairs(words, terms):
    terms.extend(words)
    terms.extend(map("_".join, zip(words, words[1:])))


def text_terms(text, expander=NO_SYNONYMS):
    """Words, adjacent pairs, codes and synonyms of `text`, as a list of terms (repeats kept:
    lunr counts them). "Dữ liệu số" -> du, lieu, so, du_lieu, lieu_so."""
    terms = []
    for tokens in phrase_tokens(text):
        words = list(chain.from_iterable(tokens))
        _words_and_pairs(words, terms)
        terms.extend("_".join(token) for token in tokens if len(token) >= 3)
        if expander:
            for extra in expander.extra(words):
                _words_and_pairs(extra, terms)
    return terms


def key_terms(key, expander=NO_SYNONYMS):
    """A key's terms, plus all its words joined when it has three or more: "3183/KH-STP" -> 3183_kh_stp."""
    tokens = list(filter(None, map(_token_words, key.split())))
    words = list(chain.from_iterable(tokens))
    terms = []
    _words_and_pairs(words, terms)
    terms.extend("_".join(token) for token in tokens if len(token) >= 3 and len(tokens) > 1)
    if len(words) >= 3:
        terms.append("_".join(words))
    if expander:
        for extra in expander.extra(words):
            _words_and_pairs(extra, terms)
    return terms


def whole_term(name):
    """A name as one term: "Sở Tư pháp" -> so_tu_phap."""
    return "_".join(fold(name).split())


def accent_terms(text):
    """Lowercase NFC words that carry diacritics: "Hộ tịch và tin" -> hộ, tịch, và."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text or "").replace("\u200b", " ")).lower()
    return [word for word in _ACCENT_WORD.findall(text) if _accented(word)]
