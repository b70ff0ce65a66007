"""Spanish text of a need, analysed the way the catalogue analyses offers.

Nothing here is a second analyser: words go through the catalogue's tokenizer, stop words and
stemmer (``sioc.offers.search``), and synonyms come from the catalogue's own list
(``sioc.offers.synonyms`` through ``search.synonym_index``), so «capacitaciones técnicas» in a
need meets «capacitación técnica» in an offer, and «basura» meets «desechos sólidos», exactly as
in the catalogue's search box.

A need becomes a list of *concepts*. A concept is what one word (or one multi-word synonym key,
such as «agua potable») of the need means: a set of alternatives, each a tuple of stems that must
all be in the offer's text. The catalogue's search parses its box the same way
(``search.parse_text``); that parser stops at 200 characters and 12 concepts, which suits a search
box but not the problem and objective of a project profile, hence this variant without limits.
"""

import re
from dataclasses import dataclass

from sioc.offers.search import FACET_PREFIX, STOP_WORDS, stem, synonym_index, tokenize

_WORD = re.compile(r"[^\W_]+")

TITLE_WEIGHT = 2.0
BODY_WEIGHT = 1.0


@dataclass(frozen=True)
class Concept:
    """One idea of the need: any alternative (all of its stems) present in an offer matches."""

    stems: tuple[str, ...]  # the need's own stems
    alternatives: tuple[tuple[str, ...], ...]
    label: str  # the need's own words, for explanations («agua potable»)
    weight: float  # TITLE_WEIGHT when the idea is in the title, else BODY_WEIGHT


def words(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) of every meaningful word of ``text``, in order.

    Same tokens as ``search.analyze`` (folded, no stop words, no single letters) but keeping
    the word as written for the explanations.
    """
    out = []
    for match in _WORD.finditer(text or ""):
        surface = match.group()
        for token in tokenize(surface):
            if token in STOP_WORDS or (len(token) == 1 and not token.isdigit()):
                continue
            if token.startswith(FACET_PREFIX):
                continue  # reserved for the catalogue's facet tokens
            out.append((stem(token)[:60], surface.lower()))
    return out


def _concepts_of(text: str, weight: float, ignore: frozenset) -> list[Concept]:
    index, longest = synonym_index()
    items = [item for item in words(text) if item[0] not in ignore]
    out = []
    i = 0
    while i < len(items):
        size, alternatives = 1, {(items[i][0],)}
        for n in range(min(longest, len(items) - i), 0, -1):
            key = tuple(s for s, _ in items[i : i + n])
            if key in index:
                size, alternatives = n, index[key] | {key}
                break
        own = tuple(s for s, _ in items[i : i + size])
        if size == 1 and (len(own[0]) <= 2 or own[0].isdigit()):
            # «no», «45», «2030»: meaningful only inside a synonym («no reembolsable», «agenda
            # 2030»); alone they carry no topic.
            i += 1
            continue
        label = " ".join(surface for _, surface in items[i : i + size])
        out.append(Concept(own, tuple(sorted(alternatives)), label, weight))
        i += size
    return out


def stems(text: str) -> frozenset:
    return frozenset(s for s, _ in words(text))


def concepts(title: str, text: str = "", *, ignore: frozenset = frozenset()) -> list[Concept]:
    """The concepts of a need, title first; an idea repeated keeps its highest weight.

    Words whose stem is in ``ignore`` are left out (the engine passes the need's own canton and
    province: where the need is is a hard filter, not a topic; otherwise «Nabón» in a need
    would pull every offer that mentions Nabón as an example).
    """
    merged: dict[tuple, Concept] = {}
    for concept in _concepts_of(title, TITLE_WEIGHT, ignore) + _concepts_of(
        text, BODY_WEIGHT, ignore
    ):
        known = merged.get(concept.alternatives)
        if known is None or concept.weight > known.weight:
            merged[concept.alternatives] = concept
    return list(merged.values())
