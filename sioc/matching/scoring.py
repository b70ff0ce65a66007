"""The score of the matching engine: a need compiled into weighted bitsets, added up for every
offer at once.

``compile_plan`` turns a need into *features*: one bitset (the offers that have something) and
a weight in integer units for each text concept, SDG, target, competency and sector of the
need, the amount fit and the closing-date bonus; plus the bitset of the offers that pass the
hard filters. ``Accumulator`` adds the weighted bitsets bit-sliced: ``planes[j]`` holds bit *j*
of the score of every offer, so scoring one need against 100,000 offers is a few hundred
operations on 100,000-bit integers, not 100,000 Python steps (see ``index.py`` and
docs/coincidencias.md).
"""

import datetime
import math
from dataclasses import dataclass, field

from sioc.matching import explain, track_record
from sioc.matching import text as need_text
from sioc.matching.index import APPLICANT_OTHER, Names, OfferIndex, has, positions
from sioc.offers import search

# Points of each criterion (the score divides by the points the need makes possible).
WEIGHTS = {
    "text": 50,  # text similarity (document 2/3, title 1/3)
    "sdg": 10,  # SDG goals in common
    "target": 10,  # SDG targets in common
    "competency": 10,  # COOTAD competency
    "sector": 8,  # DAC sector (exact)
    "sector_category": 3,  # DAC sector of the same category (3 digits)
    "amount": 8,  # need amount inside the offer's range
    "amount_near": 4,  # within a factor of 2 of the range
    "urgency": 2,  # closes within 30 days (a bonus: not in the divisor)
    "track_record": 4,  # the cooperante's projects in the province and theme (a bonus)
}
TITLE_SHARE = 0.5  # a concept in the offer's title adds half of its document points
UNITS = 10  # integer score units per point
THEMATIC = ("text", "sdg", "target", "competency", "sector", "sector_category")
CODE_CRITERIA = ("sdg", "target", "competency", "sector", "sector_category")

# --- compiling a need into weighted bitsets ------------------------------------------------


@dataclass
class Feature:
    criterion: str  # a key of WEIGHTS, or "title"
    key: object  # Concept, goal number, target code, letter, sector code, category…
    units: int
    bits: int


@dataclass
class Place:
    """The need's canton and province, and the offers that cover them by name."""

    canton: str = ""
    province: str = ""
    canton_bits: int = 0  # offers listing the canton
    province_bits: int = 0  # offers listing its province


@dataclass
class Plan:
    spec: object  # engine.NeedSpec
    features: list[Feature]
    max_units: int
    eligible: int  # offers that pass every hard filter on the date
    candidates: int  # eligible offers with something in common with the need
    date: datetime.date
    place: Place = field(default_factory=Place)
    sought: list = field(default_factory=list)  # (modality label, bitset) of the sought ones
    phrases: object = None


def _idf(n: int, df: int) -> float:
    df = min(max(df, 1), max(n, 1))
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def need_concepts(spec, names: Names):
    """The text concepts of ``spec``, without the words of its own canton and province."""
    place = names.cantons.get(spec.canton_code)
    ignore = frozenset()
    if place:
        ignore = need_text.stems(f"{place[0]} {names.provinces.get(place[1], '')}")
    return need_text.concepts(spec.title, spec.text, ignore=ignore)


def text_features(spec, index: OfferIndex, concepts=None) -> list[Feature]:
    if concepts is None:
        concepts = need_concepts(spec, index.names)
    # Words no offer uses cannot tell offers apart: they are left out of the divisor too, so a
    # need full of such words ("invierno", "quedan aisladas") does not shrink its text share.
    dfs = [(c, index.concept_df(c.alternatives)) for c in concepts]
    weighted = [(c, c.weight * _idf(index.size, df)) for c, df in dfs if df]
    total = sum(w for _, w in weighted) * (1 + TITLE_SHARE)
    out = []
    if not total:
        return out
    scale = WEIGHTS["text"] * UNITS / total
    for concept, w in weighted:
        doc_units = round(scale * w)
        title_units = round(scale * w * TITLE_SHARE)
        if doc_units:
            out.append(Feature("text", concept, doc_units, index.concept(concept.alternatives)))
        if title_units:
            out.append(
                Feature(
                    "title", concept, title_units, index.concept(concept.alternatives, title=True)
                )
            )
    return out


def _shares(codes, weight):
    """Integer units per code so that they add up to ``weight`` points."""
    codes = sorted(codes, key=str)
    if not codes:
        return []
    total = weight * UNITS
    base, extra = divmod(total, len(codes))
    return [(code, base + (1 if i < extra else 0)) for i, code in enumerate(codes)]


def compile_plan(spec, index: OfferIndex, date: datetime.date, concepts=None, record=None) -> Plan:
    features = text_features(spec, index, concepts)
    token = index.token
    for goal, units in _shares(spec.goals, WEIGHTS["sdg"]):
        features.append(Feature("sdg", goal, units, token(search.facet_token(search.SDG, goal))))
    for target, units in _shares(spec.target_codes, WEIGHTS["target"]):
        features.append(Feature("target", target, units, index.targets.get(target, 0)))
    for letter, units in _shares(spec.competency_codes, WEIGHTS["competency"]):
        features.append(
            Feature(
                "competency", letter, units, token(search.facet_token(search.COMPETENCY, letter))
            )
        )
    sector_units = dict(_shares(spec.sector_codes, WEIGHTS["sector"]))
    for code, units in _shares(spec.sector_codes, WEIGHTS["sector_category"]):
        exact = token(search.facet_token(search.SECTOR, code))
        features.append(Feature("sector", code, sector_units[code], exact))
        features.append(
            Feature("sector_category", code[:3], units, index.categories.get(code[:3], 0) & ~exact)
        )
    # A code that many offers share says less: its points shrink with the share of offers
    # that have it (SDG 17 or competency n) — the same idea as the text's inverse frequency.
    for f in features:
        if f.criterion in CODE_CRITERIA:
            f.units = round(f.units * (1 - f.bits.bit_count() / max(index.size, 1) / 2))
    max_units = sum(f.units for f in features if f.criterion not in ("sector_category",))
    if spec.amount is not None and spec.amount > 0:
        within, near = index.amount_fit(float(spec.amount))
        features.append(Feature("amount", "within", WEIGHTS["amount"] * UNITS, within))
        features.append(Feature("amount_near", "near", WEIGHTS["amount_near"] * UNITS, near))
        max_units += WEIGHTS["amount"] * UNITS
    open_bits, soon = index.on(date)
    features.append(Feature("urgency", "soon", WEIGHTS["urgency"] * UNITS, soon))
    province_code = (index.names.cantons.get(spec.canton_code) or ("", ""))[1]
    args = (province_code, spec.goals, spec.competency_codes)
    found = record.cooperantes(*args) if record is not None else track_record.for_need(*args)
    if found:
        features.append(
            Feature(
                "track_record",
                dict(found),
                WEIGHTS["track_record"] * UNITS,
                index.cooperante_bits(found),
            )
        )

    place = Place()
    canton = index.names.cantons.get(spec.canton_code)
    if canton:
        place = Place(
            canton=canton[0],
            province=index.names.provinces.get(canton[1], canton[1]),
            canton_bits=token(search.canton_token(spec.canton_code)),
            province_bits=token(search.province_token(canton[1])),
        )
    eligible = open_bits & (token(search.NATIONAL_TOKEN) | place.canton_bits | place.province_bits)
    eligible &= index.applicants.get(spec.applicant, index.applicants[APPLICANT_OTHER])
    sought = [
        (index.names.modalities.get(code, code), index.modality(code))
        for code in sorted(spec.modality_codes, key=lambda c: (index.names.modalities.get(c, c), c))
    ]
    if sought:
        allowed = 0
        for _label, bits in sought:
            allowed |= bits
        eligible &= allowed
    thematic = 0
    for f in features:
        if f.criterion in THEMATIC:
            thematic |= f.bits
    return Plan(
        spec,
        features,
        max_units,
        eligible,
        eligible & thematic,
        date,
        place,
        sought,
        explain.phrases(),
    )


# --- bit-sliced scores ---------------------------------------------------------------------


class Accumulator:
    """Integer scores of every offer at once: ``planes[j]`` holds bit *j* of each score.

    Adding a bitset with weight *w* adds *w* to the score of each offer in it: for each bit of
    *w*, binary addition with carries, one plane at a time (the carry dies out after a few
    planes). Each step is one ``^`` and one ``&`` on whole bitsets.
    """

    def __init__(self):
        self.planes: list[int] = []

    def add(self, bits: int, units: int):
        planes = self.planes
        j = 0
        while units:
            if units & 1 and bits:
                carry, i = bits, j
                while carry:
                    while i >= len(planes):
                        planes.append(0)
                    plane = planes[i]
                    planes[i] = plane ^ carry
                    carry &= plane
                    i += 1
            units >>= 1
            j += 1

    def top(self, candidates: int, k: int) -> list[int]:
        """Positions of the ``k`` highest scores among ``candidates``; ties: lowest position
        (the index is in offer-code order)."""
        chosen, count = 0, 0
        for plane in reversed(self.planes):
            if not candidates:
                break
            high = candidates & plane
            n = high.bit_count()
            if count + n > k:
                candidates = high
            else:
                chosen |= high
                count += n
                candidates &= ~plane
        out = positions(chosen)
        if count < k and candidates:
            out += positions(candidates, k - count)
        return out

    def score(self, pos: int) -> int:
        return sum(1 << j for j, plane in enumerate(self.planes) if has(plane, pos))


def vocabulary(specs, names: Names, concepts: list) -> frozenset:
    """Every token of the search documents that ranking ``specs`` can look at (``concepts``
    receives each spec's text concepts, in order)."""
    from sioc.codelists.models import DacSector

    tokens = {search.NATIONAL_TOKEN}
    tokens.update(search.facet_token(search.MODALITY, code) for code in names.modalities)
    categories = set()
    for spec in specs:
        concepts.append(need_concepts(spec, names))
        for concept in concepts[-1]:
            for alternative in concept.alternatives:
                tokens.update(alternative)
        tokens.update(search.facet_token(search.SDG, g) for g in spec.goals)
        tokens.update(search.facet_token(search.COMPETENCY, c) for c in spec.competency_codes)
        categories.update(code[:3] for code in spec.sector_codes)
        place = names.cantons.get(spec.canton_code)
        tokens.add(search.canton_token(spec.canton_code))
        tokens.add(search.province_token(place[1] if place else spec.canton_code[:2]))
    for code in DacSector.objects.values_list("code", flat=True):
        if code[:3] in categories:
            tokens.add(search.facet_token(search.SECTOR, code))
    return frozenset(tokens)
