"""What an import found: every issue (sheet, Excel row, column, message) and every row's fate."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from sioc.offers.exports import OFFER_SHEET, ORG_SHEET

MAX_ERRORS = 1000  # beyond this many, the report says how many more there are
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass(frozen=True)
class ImportIssue:
    """One problem: where (sheet, Excel row, column) and what, in Spanish."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    source: str = ""  # the file name, for CSV files and problems of a whole file

    @property
    def where(self):
        parts = []
        if self.sheet:
            parts.append(_("hoja «%(sheet)s»") % {"sheet": self.sheet})
            if self.source:
                parts[-1] += " (%s)" % self.source
        elif self.source:
            parts.append(_("archivo «%(name)s»") % {"name": self.source})
        if self.row:
            parts.append(_("fila %(row)d") % {"row": self.row})
        if self.column:
            parts.append(_("columna «%(column)s»") % {"column": self.column})
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def __str__(self):
        if self.where:
            return f"{self.where}: {self.message}"
        return self.message[:1].upper() + self.message[1:]


@dataclass
class RowResult:
    sheet: str
    row: int
    key: str
    label: str
    action: str  # NEW, CHANGED or UNCHANGED
    changes: list = field(default_factory=list)  # [(column, before, after)]
    note: str = ""


@dataclass
class ImportReport:
    issues: list = field(default_factory=list)
    results: dict = field(default_factory=lambda: {ORG_SHEET: [], OFFER_SHEET: []})
    sheets: list = field(default_factory=list)  # sheet names read
    dry_run: bool = False
    written: bool = False
    stale: bool = False  # the preview the user confirmed no longer matches the database
    fingerprint: str = ""
    issue_count: int = 0
    counts_written: dict = field(default_factory=dict)
    operations: dict = field(default_factory=dict, repr=False)

    @property
    def ok(self):
        return not self.issue_count

    def add(self, issue):
        self.issue_count += 1
        if len(self.issues) < MAX_ERRORS:
            self.issues.append(issue)

    @property
    def hidden_issue_count(self):
        return self.issue_count - len(self.issues)

    def counts(self, sheet):
        counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0}
        for result in self.results[sheet]:
            counts[result.action] += 1
        return counts

    @property
    def has_changes(self):
        return any(r.action != UNCHANGED for rows in self.results.values() for r in rows)

    def summary(self):
        """One line per sheet, for the command and the messages."""
        lines = []
        for sheet in (ORG_SHEET, OFFER_SHEET):
            if sheet not in self.sheets:
                continue
            c = self.counts(sheet)
            lines.append(
                _(
                    "Hoja «%(sheet)s»: %(new)d nuevas, %(changed)d con cambios, %(same)d sin cambios."
                )
                % {"sheet": sheet, "new": c[NEW], "changed": c[CHANGED], "same": c[UNCHANGED]}
            )
        return lines
