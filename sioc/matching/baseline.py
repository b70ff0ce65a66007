"""The yardstick of the evaluation: plain BM25 over the offers' text, nothing else.

No hard filters (closed, draft, out-of-coverage or credit-only offers are ranked like any
other), no code lists, no synonyms, no title boost: the need's title and description against
each offer's title, summary and description, analysed with the catalogue's own Spanish analyser
(``search.analyze``) so that the comparison measures the engine, not a different stemmer.
Okapi BM25 with the usual k1 = 1.2 and b = 0.75.
"""

import math
from collections import Counter

from sioc.offers.search import analyze

K1 = 1.2
B = 0.75


class BM25:
    def __init__(self, documents: dict[str, list[str]], *, k1: float = K1, b: float = B):
        self.k1, self.b = k1, b
        self.tf = {key: Counter(tokens) for key, tokens in documents.items()}
        self.length = {key: len(tokens) for key, tokens in documents.items()}
        self.n = len(documents)
        self.avgdl = (sum(self.length.values()) / self.n) if self.n else 0.0
        df = Counter()
        for counts in self.tf.values():
            df.update(counts.keys())
        self.idf = {t: math.log(1 + (self.n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def score(self, query: list[str], key: str) -> float:
        counts, length = self.tf[key], self.length[key]
        norm = self.k1 * (1 - self.b + self.b * length / self.avgdl) if self.avgdl else self.k1
        total = 0.0
        for term in set(query):
            f = counts.get(term, 0)
            if f:
                total += self.idf[term] * f * (self.k1 + 1) / (f + norm)
        return total

    def rank(self, query: list[str], *, top: int = 10) -> list[tuple[str, float]]:
        scored = [(key, self.score(query, key)) for key in self.tf]
        scored = [(k, s) for k, s in scored if s > 0]
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:top]


def offer_tokens(title: str, summary: str, description: str) -> list[str]:
    return analyze(" ".join(t for t in (title, summary, description) if t))


def from_offers(queryset) -> BM25:
    """BM25 over every offer of ``queryset`` (whatever its status), keyed by offer code."""
    rows = queryset.values_list("code", "title", "summary", "description")
    return BM25({code: offer_tokens(t, s, d) for code, t, s, d in rows})


def query_tokens(spec) -> list[str]:
    return analyze(f"{spec.title} {spec.text}")
