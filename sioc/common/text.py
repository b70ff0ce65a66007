"""Spanish text helpers: accent-insensitive keys and proper capitalisation of INEC names."""

import re
import unicodedata

# Words kept in lower case inside a proper name (unless first).
_LOWER_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "a", "al"}


def strip_accents(value: str) -> str:
    """'Nabón' -> 'Nabon'; keeps ñ as n. Used for matching, never for display."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(value: str) -> str:
    """Case- and accent-insensitive key with collapsed whitespace."""
    return re.sub(r"\s+", " ", strip_accents(value or "")).strip().casefold()


def title_es(value: str) -> str:
    """Capitalise an upper-case name the Spanish way: 'SAN JUAN DE LA MANA' -> 'San Juan de la Mana'."""
    words = re.split(r"(\s+|-|\.|\()", value.strip().lower())
    out = []
    first = True
    for word in words:
        if not word or word.isspace() or word in "-.(":
            out.append(word)
            continue
        if not first and word in _LOWER_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
        first = False
    return "".join(out)
