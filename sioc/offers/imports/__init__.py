"""Importing the catalogue workbook: read (XLSX, or CSV one file per sheet), validate, plan, write.

``run_import(sources, actor=..., dry_run=...)`` is the one entry point (command and web):

1. *read* every source into sheets of rows, refusing what is not a spreadsheet, zip bombs,
   formulas, wrong headers and too many rows;
2. *plan* inside one transaction: every row is validated against the code lists and the stored
   records and compared with them (new / changed / unchanged, field by field);
3. *write* through ``services.import_catalog`` only when no row has an error: the import is
   atomic, and re-importing the same file changes nothing.

Every message is Spanish and names the sheet, the row as Excel shows it, and the column.
"""

import hashlib
import json
import logging

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.translation import gettext as _

from sioc.offers import services
from sioc.offers.exports import OFFER_SHEET, ORG_SHEET
from sioc.offers.imports.planning import Planner
from sioc.offers.imports.reading import MAX_UPLOAD_BYTES, Source, read_sources, size_issue
from sioc.offers.imports.report import (
    CHANGED,
    NEW,
    UNCHANGED,
    ImportIssue,
    ImportReport,
    RowResult,
)

__all__ = [
    "CHANGED",
    "MAX_UPLOAD_BYTES",
    "NEW",
    "OFFER_SHEET",
    "ORG_SHEET",
    "UNCHANGED",
    "ImportIssue",
    "ImportReport",
    "RowResult",
    "Source",
    "read_sources",
    "run_import",
    "size_issue",
]

logger = logging.getLogger(__name__)


def _fingerprint(report):
    payload = [
        (r.sheet, r.key, r.action, r.changes)
        for sheet in (ORG_SHEET, OFFER_SHEET)
        for r in report.results[sheet]
        if r.action != UNCHANGED
    ]
    return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()[:32]


def run_import(sources, *, actor, dry_run=False, expected_fingerprint=None):
    """Read, validate and (unless ``dry_run``, an error, or a stale preview) write the import.

    ``expected_fingerprint``: the fingerprint of the preview the user confirmed; when the
    database changed since, nothing is written and ``report.stale`` is set.
    """
    report = ImportReport(dry_run=dry_run)
    sheets = read_sources(sources, report)
    if not report.ok:
        return report
    if not sheets:
        report.add(ImportIssue(_("no se recibió ninguna hoja de la plantilla.")))
        return report
    try:
        with transaction.atomic():
            planner = Planner(sheets, actor, report)
            planner.plan()
            report.fingerprint = _fingerprint(report)
            if not report.ok or dry_run:
                return report
            if expected_fingerprint is not None and expected_fingerprint != report.fingerprint:
                report.stale = True
                return report
            if report.has_changes:
                report.counts_written = services.import_catalog(
                    actor=actor,
                    organizations=planner.org_ops,
                    offers=planner.offer_ops,
                    vocabulary=planner.vocab,
                )
            report.written = True
    except IntegrityError:
        logger.warning("Catalogue import collided with a concurrent change", exc_info=True)
        report.written = False
        report.add(
            ImportIssue(
                _(
                    "no se pudo guardar: otra persona cambió el catálogo al mismo tiempo. No se "
                    "guardó nada; vuelva a intentarlo."
                )
            )
        )
    except (DatabaseError, ValidationError) as exc:
        # A row the planner let through and the database or a model refused: a bug to fix,
        # still reported without a 500 and without writing anything.
        logger.exception("Catalogue import failed while writing")
        report.written = False
        detail = "; ".join(exc.messages) if isinstance(exc, ValidationError) else ""
        report.add(
            ImportIssue(
                _("no se pudo guardar por un error interno; no se guardó nada. %(detail)s")
                % {"detail": detail}
            )
        )
    return report
