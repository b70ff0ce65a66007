"""Finding Ecuador's cantons named in free text (IATI titles, descriptions, location names).

A canton counts when its name (accent- and case-insensitive, whole words) or the name of its
seat when that differs (Macas → Morona, Puyo → Pastaza, Nueva Loja → Lago Agrio …) appears.
False positives are the risk, so:

- ``STOP`` names are never matched: they are mostly people (Sucre, Bolívar, Eloy Alfaro,
  Montúfar), other places (Santa Cruz, Valencia, Logroño, Palestina), provinces or rivers with a
  canton of the same name that is not the provincial capital (Pichincha, Sucumbíos, Aguarico) or
  dates ("24 de Mayo");
- ``CAPITALISED`` names are also ordinary words or surnames ("la cuenca del río", "playas",
  "ventanas", "pasaje", "manta"): they count only when written with a capital letter and not
  right after an article ("la Cuenca" does not count, "en Cuenca" does);
- "provincia de Loja", "provincias de Napo, Pastaza y …", "Loja province" are provinces; the
  two-word provinces Zamora Chinchipe and Morona Santiago are removed before matching.
"""

import re
import unicodedata

from sioc.common.text import strip_accents

STOP = {
    "24 de mayo",
    "aguarico",
    "atahualpa",
    "bolivar",
    "cevallos",
    "el carmen",
    "el chaco",
    "el pan",
    "el tambo",
    "eloy alfaro",
    "espejo",
    "gonzalo pizarro",
    "isabela",
    "junin",
    "logrono",
    "loreto",
    "mejia",
    "mera",
    "montalvo",
    "montufar",
    "olmedo",
    "ona",
    "pablo sexto",
    "palestina",
    "pichincha",
    "pucara",
    "putumayo",
    "rocafuerte",
    "salcedo",
    "san cristobal",
    "san fernando",
    "san juan bosco",
    "san lorenzo",
    "san miguel",
    "san vicente",
    "santa ana",
    "santa clara",
    "santa cruz",
    "santa isabel",
    "santa lucia",
    "santiago",
    "simon bolivar",
    "sucre",
    "sucumbios",
    "urdaneta",
    "valencia",
}

CAPITALISED = {
    "baba",
    "banos",
    "balsas",
    "buena fe",
    "calvas",
    "cascales",
    "chilla",
    "cuenca",
    "duran",
    "el empalme",
    "el triunfo",
    "espindola",
    "giron",
    "guano",
    "ibarra",
    "jama",
    "la concordia",
    "la libertad",
    "la mana",
    "las lajas",
    "las naves",
    "manta",
    "milagro",
    "mira",
    "mocha",
    "naranjito",
    "palenque",
    "paltas",
    "pasaje",
    "pinas",
    "playas",
    "quero",
    "quevedo",
    "salinas",
    "salitre",
    "santa rosa",
    "ventanas",
}

# Seats (cabeceras) whose name differs from the canton's, and usual short names.
ALIASES = {
    "macas": "1401",
    "puyo": "1601",
    "nueva loja": "2101",
    "el coca": "2201",
    "puerto francisco de orellana": "2201",
    "puerto baquerizo moreno": "2001",
    "sangolqui": "1705",
    "machachi": "1703",
    "atuntaqui": "1002",
    "banos": "1802",
    "pelileo": "1807",
    "pillaro": "1808",
    "yaguachi": "0920",
    "urcuqui": "1006",
    "santo domingo de los colorados": "2301",
}

PROVINCE_PHRASES = re.compile(r"\b(zamora chinchipe|morona santiago)\b", re.IGNORECASE)
ARTICLES = {"la", "las", "los", "el", "un", "una", "the", "a", "de la", "del"}
_BEFORE = re.compile(r"(\w+)\W*$")
# "provincia de Loja", "provincias de Napo, Pastaza y …", "provinces of Esmeraldas and …"
_PROVINCE_BEFORE = re.compile(
    r"(provincias?|provinces?)\s+(de\s+|del\s+|of\s+)?([^\W\d_]+(\s+[^\W\d_]+)?\s*(,|\by\b|\band\b)\s*){0,6}$",
    re.IGNORECASE,
)
# "Playas de Cuye", "Salinas de Guaranda": another place that starts with a canton's name.
_OTHER_PLACE_AFTER = re.compile(r"^\s+de\s+[A-Z]")
_PROVINCE_AFTER = re.compile(r"^\s+(province|provincia)\b", re.IGNORECASE)
CACHE_CHARS = 20_000_000
# Splitting a lower-cased ASCII text into words: every byte but [a-z0-9] becomes a space.
_WORD_BYTES = bytes(c if c in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256))


def _key(name):
    return " ".join(strip_accents(name).lower().split())


def _trie_pattern(names):
    """One regular expression for ``names`` (lower case, words separated by spaces) shaped as a
    trie, so a position is tried against a couple of letters instead of every name.

    It matches like the plain alternation of the names sorted longest first: the names that
    match at one position are word-prefixes of one another (each word is a whole word of the
    text), and at every node the longer continuations are tried before the name that ends there.
    """
    trie = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node):
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in node.items()
            if char
        ]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


class CantonMatcher:
    """``find(*texts)`` → set of canton codes named in the texts."""

    def __init__(self, cantons):
        """``cantons``: iterable of (code, name) pairs (the territory table)."""
        self.codes = {}
        for code, name in cantons:
            key = _key(name)
            if key in STOP or len(key) < 4:
                continue
            self.codes[key] = code
        for alias, code in ALIASES.items():
            self.codes.setdefault(alias, code)
        names = sorted(self.codes, key=len, reverse=True)
        # Run case-sensitively on the lower-cased ASCII text (IGNORECASE is much slower).
        self.regex = re.compile(r"(?<!\w)(" + _trie_pattern(names) + r")(?!\w)")
        # Quick pre-check: a name can only match when its longest word is a word of the text.
        self.keys = frozenset(max(name.split(), key=len).encode() for name in names)
        # Titles, descriptions and location names repeat across activities (publishers reuse
        # them): the codes found in a text are kept, up to CACHE_CHARS characters of text.
        self._cache = {}
        self._cached_chars = 0

    def find(self, *texts):
        found = set()
        cache = self._cache
        for text in texts:
            if not text:
                continue
            codes = cache.get(text)
            if codes is None:
                codes = self._find(text)
                if self._cached_chars > CACHE_CHARS:
                    cache.clear()
                    self._cached_chars = 0
                cache[text] = codes
                self._cached_chars += len(text)
            found |= codes
        return found

    def _find(self, text):
        """The codes named in one text."""
        found = set()
        plain = (
            text
            if text.isascii()
            else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        )
        low = plain.lower()
        if self.keys.isdisjoint(low.encode().translate(_WORD_BYTES).split()):
            return frozenset()
        if "chinchipe" in low or "santiago" in low:
            plain = PROVINCE_PHRASES.sub(" ", plain)
            low = plain.lower()
        for match in self.regex.finditer(low):
            key = " ".join(match.group(1).split())
            code = self.codes.get(key)
            if code is None or code in found:
                continue
            start, end = match.span(1)
            before = plain[max(0, start - 80) : start]
            if _PROVINCE_BEFORE.search(before) or _PROVINCE_AFTER.match(plain[end : end + 12]):
                continue
            if key in CAPITALISED:
                if not plain[start].isupper():
                    continue
                previous = _BEFORE.search(before)
                if previous and previous.group(1).lower() in ARTICLES:
                    continue
                if _OTHER_PLACE_AFTER.match(plain[end : end + 6]):
                    continue
            found.add(code)
        return frozenset(found)
