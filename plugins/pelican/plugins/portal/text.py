"""Text rules shared by validation, unit lookup and search: pure functions."""

import functools
import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u200c-\u200f\u2060\ufeff]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip Vietnamese diacritics and punctuation: "Chuyển đổi số!" -> "chuyen doi so".

    The same recipe runs in the browser (theme/static/js/fold.js); keep them in step.
    """
    text = _INVISIBLE.sub("", text).replace("\u200b", " ")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not ("\u0300" <= ch <= "\u036f"))
    text = text.replace("đ", "d")
    return _NON_WORD.sub(" ", text).strip()


def name_key(text: str) -> str:
    """Key for comparing unit names: NFC, case-insensitive, spaces collapsed; diacritics kept."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).casefold()
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=4096)  # the same few keys, read in every file
def field_key(text: str) -> str:
    """Key for a metadata field name: "Chủ trì" and "chu_tri" both give "chu_tri"."""
    return fold(text).replace(" ", "_")


def collapse_spaces(text: str) -> str:
    """Runs of white space to one space, trimmed."""
    return _SPACES.sub(" ", text).strip()
