"""The labelled evaluation set of the matching engine, and the metrics.

``needs_eval.csv`` holds 45 realistic needs of 45 different cantons, in the format of
``sioc match``; ``relevance.csv`` grades catalogue offers per need, from 0 to 3:

- 3: answers the need directly, with a modality it seeks, and the GAD may apply;
- 2: clearly useful for the need; 1: marginally useful (general training, networks …);
- 0 (or absent): not useful, or not eligible. *Traps* are graded 0 and explained in the
  ``nota`` column: closed, draft or in-review offers, offers outside the canton's coverage,
  credit-only offers for needs that seek non-reimbursable support, offers that do not accept
  GADs, and offers that only share misleading words («agua» for an irrigation need,
  «seguridad» for a food-security need).

The grades were written from the demo catalogue (``sioc.offers.demo``) before the engine's
weights were chosen, and are not tuned per need. The catalogue is evaluated as it stands on
``EVAL_DATE`` (the day the labels were written): window offers have fixed dates, so which of
them are open does not move with the calendar.

Metrics: nDCG@5 (gain 2^grade − 1), Recall@10 (offers graded ≥ 1 found in the first 10) and
hard-filter violations (results that ``engine.exclusion_reasons`` rejects), for the engine and
for the BM25 baseline (``baseline.py``) on the same needs and offers.
"""

import csv
import datetime
import math
from dataclasses import dataclass, field
from pathlib import Path

from sioc.matching import baseline, engine
from sioc.matching.needs_file import read_needs

DIR = Path(__file__).resolve().parent
NEEDS_FILE = DIR / "needs_eval.csv"
RELEVANCE_FILE = DIR / "relevance.csv"
EVAL_DATE = datetime.date(2026, 11, 21)
K_NDCG = 5
K_RECALL = 10


def needs():
    return read_needs(NEEDS_FILE.read_bytes())


def judgments() -> tuple[dict[str, dict[str, int]], dict[tuple[str, str], str]]:
    """({need id: {offer code: grade}}, {(need id, offer code): note})."""
    grades: dict[str, dict[str, int]] = {}
    notes = {}
    with RELEVANCE_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            grades.setdefault(row["necesidad"], {})[row["oferta"]] = int(row["relevancia"])
            notes[(row["necesidad"], row["oferta"])] = row["nota"]
    return grades, notes


def dcg(codes, grades, k):
    return sum(
        (2 ** grades.get(code, 0) - 1) / math.log2(i + 2) for i, code in enumerate(codes[:k])
    )


def ndcg(codes, grades, k=K_NDCG) -> float:
    ideal = dcg(sorted(grades, key=lambda c: -grades[c]), grades, k)
    return dcg(codes, grades, k) / ideal if ideal else 0.0


def recall(codes, grades, k=K_RECALL) -> float:
    relevant = {c for c, g in grades.items() if g > 0}
    return len(relevant & set(codes[:k])) / len(relevant) if relevant else 0.0


@dataclass
class SystemResult:
    name: str
    ndcg: float = 0.0
    recall: float = 0.0
    violations: int = 0  # results (first 10 of every need) that break a hard filter
    needs_with_violations: int = 0
    per_need: dict = field(default_factory=dict)  # id → (nDCG@5, Recall@10, codes, violations)


def _score(name, ranked, specs, grades, offers, date):
    result = SystemResult(name)
    for (need_id, spec), codes in zip(specs, ranked, strict=True):
        codes = codes[:K_RECALL]
        bad = [c for c in codes if engine.exclusion_reasons(spec, offers[c], date)]
        n, r = ndcg(codes, grades.get(need_id, {})), recall(codes, grades.get(need_id, {}))
        result.per_need[need_id] = (n, r, codes, bad)
        result.violations += len(bad)
        result.needs_with_violations += bool(bad)
    count = len(specs) or 1
    result.ndcg = sum(v[0] for v in result.per_need.values()) / count
    result.recall = sum(v[1] for v in result.per_need.values()) / count
    return result


def evaluate(date=EVAL_DATE) -> tuple[SystemResult, SystemResult]:
    """(engine, baseline) on the catalogue in the database (load the demo data first)."""
    from sioc.offers.models import Offer

    specs = needs()
    grades, _notes = judgments()
    offers = {
        o.code: o for o in Offer.objects.prefetch_related("modalities", "provinces", "cantons")
    }
    ranked = [
        [m.offer_code for m in matches]
        for matches in engine.rank_many([s for _, s in specs], top=K_RECALL, date=date)
    ]
    bm25 = baseline.from_offers(Offer.objects.all())
    ranked_bm25 = [
        [code for code, _ in bm25.rank(baseline.query_tokens(s), top=K_RECALL)] for _, s in specs
    ]
    return (
        _score("motor", ranked, specs, grades, offers, date),
        _score("BM25", ranked_bm25, specs, grades, offers, date),
    )


def missing_offers() -> list[str]:
    """Offer codes of the labels that are not in the database."""
    from sioc.offers.models import Offer

    grades, _notes = judgments()
    codes = {code for by_need in grades.values() for code in by_need}
    present = set(Offer.objects.filter(code__in=codes).values_list("code", flat=True))
    return sorted(codes - present)


def summary() -> dict:
    """Size of the set: needs, cantons, judgements, traps."""
    specs = needs()
    grades, notes = judgments()
    return {
        "needs": len(specs),
        "cantons": len({s.canton_code for _, s in specs}),
        "judgements": sum(len(g) for g in grades.values()),
        "relevant": sum(1 for g in grades.values() for v in g.values() if v > 0),
        "traps": sum(1 for note in notes.values() if note.startswith("trampa")),
    }


def report(engine_result: SystemResult, bm25: SystemResult, *, detail=False) -> list[str]:
    """Markdown lines (Spanish) with the metrics of both systems."""
    size = summary()
    ratio = engine_result.ndcg / bm25.ndcg if bm25.ndcg else float("inf")
    lines = [
        f"Conjunto de evaluación: {size['needs']} necesidades de {size['cantons']} cantones, "
        f"{size['judgements']} juicios ({size['relevant']} ofertas pertinentes y {size['traps']} trampas); "
        f"catálogo de demostración al {EVAL_DATE:%d/%m/%Y}.",
        "",
        "| sistema | nDCG@5 | Recall@10 | violaciones de filtros (en las 10 primeras) |",
        "|---|---|---|---|",
    ]
    for r in (engine_result, bm25):
        lines.append(
            f"| {r.name} | {r.ndcg:.3f} | {r.recall:.3f} | {r.violations} (en {r.needs_with_violations} necesidades) |"
        )
    lines += ["", f"nDCG@5 del motor / BM25: {ratio:.2f}×"]
    if detail:
        lines += [
            "",
            "| necesidad | nDCG@5 motor | nDCG@5 BM25 | Recall@10 motor | primeras 3 del motor |",
            "|---|---|---|---|---|",
        ]
        for need_id, (n, r, codes, _bad) in engine_result.per_need.items():
            lines.append(
                f"| {need_id} | {n:.2f} | {bm25.per_need[need_id][0]:.2f} | {r:.2f} | {', '.join(codes[:3])} |"
            )
    return lines
