"""The planner: validates every row against the code lists and what is stored, and decides what
it changes (new / changed / unchanged, column by column). It reads the database, never writes."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.common.roles import principal
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.exports import (
    OFFER_COLUMNS,
    OFFER_FIELDS,
    OFFER_M2M,
    OFFER_SCALARS,
    OFFER_SHEET,
    ORG_COLUMNS,
    ORG_FIELDS,
    ORG_SHEET,
    TEMPLATE_KINDS,
    Vocabulary,
    offer_preview_text,
    offer_states,
    organization_preview_text,
    organization_state,
)
from sioc.offers.imports.cells import (
    CLEARED,
    KEEP,
    CellError,
    VocabularyParsers,
    blank,
    cell_text,
    norm_text,
    parse_amount,
    parse_date,
    parse_email,
    parse_text,
    parse_url,
    read_cell,
)
from sioc.offers.imports.report import CHANGED, NEW, UNCHANGED, ImportIssue, RowResult
from sioc.offers.imports.rules import OfferRules
from sioc.offers.models import Offer
from sioc.offers.permissions import focal_organization_ids
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization

CHUNK = 500  # ids or codes per query (SQLite limits query parameters)
MEMO_COLUMNS = {
    "tipo",
    "pais",
    "modalidades",
    "ods",
    "competencias",
    "sectores",
    "cobertura",
    "moneda",
    "estado",
}
OFFER_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # as the model's validator
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _same(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return norm_text(a) == norm_text(b)
    return a == b


def _chunks(items, size=CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Planner(VocabularyParsers, OfferRules):
    """Validates the sheets against the database and decides what each row changes."""

    def __init__(self, sheets, actor, report):
        self.sheets = sheets
        self.actor = actor
        self.report = report
        self.vocab = Vocabulary()
        self.is_ame = actor is None or principal(actor).is_ame_staff
        self.own_org_ids = set() if self.is_ame else set(focal_organization_ids(actor))
        self.own_org_slugs = sorted(
            Organization.objects.filter(pk__in=self.own_org_ids).values_list("slug", flat=True)
        )
        self.org_ops = []
        self.offer_ops = []
        self.memo = {}
        self.status_labels = {s.value: str(s.label) for s in OfferStatus}
        self.today = timezone.localdate()

    def error(self, sheet, row, column, message):
        source = self.sheets[sheet].source if sheet in self.sheets else ""
        self.report.add(ImportIssue(message, sheet=sheet, row=row, column=column, source=source))

    # Loading what is stored ----------------------------------------------------------------------

    def _load(self):
        org_rows = self.sheets[ORG_SHEET].rows if ORG_SHEET in self.sheets else []
        offer_rows = self.sheets[OFFER_SHEET].rows if OFFER_SHEET in self.sheets else []
        slugs = {cell_text(v["codigo"]).lower() for _r, v in org_rows if not blank(v["codigo"])}
        slugs |= {
            cell_text(v["cooperante"]).lower() for _r, v in offer_rows if not blank(v["cooperante"])
        }
        codes = {cell_text(v["codigo"]) for _r, v in offer_rows if not blank(v["codigo"])}
        ids = []
        for chunk in _chunks(codes):
            ids += Offer.objects.filter(code__in=chunk).values_list("pk", flat=True)
        self.offers = {
            state["code"]: (pk, state) for pk, state in offer_states(None, chunk_ids=ids)
        }
        slugs |= {state["cooperante"] for _pk, state in self.offers.values()}
        self.orgs = {}
        for chunk in _chunks(slugs):
            for org in Organization.objects.filter(slug__in=chunk):
                self.orgs[org.slug] = org

    def plan(self):
        self._load()
        self.file_org_slugs = set()
        if ORG_SHEET in self.sheets:
            seen = {}
            for row, values in self.sheets[ORG_SHEET].rows:
                self._plan_organization(row, values, seen)
        if OFFER_SHEET in self.sheets:
            seen = {}
            for row, values in self.sheets[OFFER_SHEET].rows:
                self._plan_offer(row, values, seen)

    def _parse(self, sheet, row, values, parsers):
        """{column: KEEP | CLEARED | parsed value}; None for a cell with an error (reported)."""
        parsed = {}
        for column, parser in parsers.items():
            cell = read_cell(values.get(column))
            if cell is KEEP or cell is CLEARED:
                parsed[column] = cell
                continue
            key = (column, type(cell), cell) if column in MEMO_COLUMNS else None
            try:
                if key in self.memo:  # the same list or label repeats over thousands of rows
                    parsed[column] = self.memo[key]
                else:
                    parsed[column] = parser(cell)
                    if key:
                        self.memo[key] = parsed[column]
            except CellError as exc:
                self.error(sheet, row, column, str(exc))
                parsed[column] = None
        return parsed

    # Organisations --------------------------------------------------------------------------------

    def _org_parsers(self):
        return {
            "nombre": lambda v: parse_text(v, 250),
            "siglas": lambda v: parse_text(v, 40),
            "tipo": self.parse_kind,
            "pais": self.parse_country,
            "sitio_web": lambda v: parse_url(v, 200),
            "correo": parse_email,
            "descripcion": parse_text,
        }

    def _plan_organization(self, row, values, seen):
        sheet = ORG_SHEET
        code_cell = read_cell(values.get("codigo"))
        if code_cell is KEEP or code_cell is CLEARED:
            self.error(sheet, row, "codigo", _("falta el código del cooperante."))
            return
        slug = cell_text(code_cell).lower()
        if len(slug) > 120 or not SLUG_RE.match(slug):
            self.error(
                sheet,
                row,
                "codigo",
                _(
                    "el código «%(value)s» no es válido: use minúsculas sin tildes, números y guiones (p. ej. giz)."
                )
                % {"value": slug[:60]},
            )
            return
        if slug in seen:
            self.error(
                sheet,
                row,
                "codigo",
                _("el código «%(code)s» está repetido (ya aparece en la fila %(row)d).")
                % {"code": slug, "row": seen[slug]},
            )
            return
        seen[slug] = row
        self.file_org_slugs.add(slug)
        parsed = self._parse(sheet, row, values, self._org_parsers())
        if any(v is None for v in parsed.values()):
            return
        org = self.orgs.get(slug)
        current = organization_state(org) if org else None
        state = dict(current) if current else dict.fromkeys(ORG_FIELDS.values(), "")
        state["slug"] = slug
        ok = True
        for column, value in parsed.items():
            name = ORG_FIELDS[column]
            if value is KEEP:
                continue
            if value is CLEARED:
                if column in ("nombre", "tipo"):
                    self.error(
                        sheet, row, column, _("este dato es obligatorio: no se puede borrar.")
                    )
                    ok = False
                    continue
                value = ""
            if current is None or not _same(current[name], value):
                state[name] = value
        if current is None:
            for column in ("nombre", "tipo"):
                if not state[ORG_FIELDS[column]]:
                    self.error(sheet, row, column, _("es obligatorio para un cooperante nuevo."))
                    ok = False
        kind_changed = state["kind"] and (current is None or state["kind"] != current["kind"])
        if kind_changed and (
            state["kind"] not in TEMPLATE_KINDS
            or (current and current["kind"] not in TEMPLATE_KINDS)
        ):
            self.error(
                sheet,
                row,
                "tipo",
                _("«%(kind)s» no es un tipo de cooperante: use uno de la hoja «valores».")
                % {"kind": OrganizationKind(state["kind"]).label},
            )
            ok = False
        if not ok:
            return
        changed = [f for f in ORG_FIELDS.values() if current is None or state[f] != current[f]]
        action = NEW if current is None else (CHANGED if changed else UNCHANGED)
        if action != UNCHANGED and not self.is_ame:
            if current is None:
                self.error(
                    sheet,
                    row,
                    "codigo",
                    _("solo AME registra cooperantes nuevos: pida a AME que registre «%(code)s».")
                    % {"code": slug},
                )
                return
            if org.pk not in self.own_org_ids:
                self.error(
                    sheet,
                    row,
                    "codigo",
                    _("solo puede modificar los datos de su propia organización."),
                )
                return
            if "kind" in changed:
                self.error(sheet, row, "tipo", _("solo AME cambia el tipo de un cooperante."))
                return
        changes = [
            (
                column,
                organization_preview_text(column, current) if current else "",
                organization_preview_text(column, state),
            )
            for column in ORG_COLUMNS
            if ORG_FIELDS[column] in changed and column != "codigo"
        ]
        self.report.results[sheet].append(
            RowResult(sheet, row, slug, state["name"], action, changes if action == CHANGED else [])
        )
        if action == NEW:
            fields = {f: state[f] for f in ORG_FIELDS.values()}
            self.org_ops.append({"organization": None, "fields": fields})
        elif action == CHANGED:
            self.org_ops.append({"organization": org, "fields": {f: state[f] for f in changed}})

    # Offers ---------------------------------------------------------------------------------------

    def _offer_parsers(self):
        return {
            "cooperante": lambda v: cell_text(v).lower(),
            "titulo": lambda v: parse_text(v, 300),
            "descripcion": parse_text,
            "modalidades": self.parse_modalities,
            "ods": self.parse_sdgs,
            "competencias": self.parse_competencies,
            "sectores": self.parse_sectors,
            "cobertura": self.parse_coverage,
            "monto_minimo": parse_amount,
            "monto_maximo": parse_amount,
            "moneda": self.parse_currency,
            "fecha_apertura": parse_date,
            "fecha_cierre": parse_date,
            "requisitos": parse_text,
            "url": lambda v: parse_url(v, 500),
            "estado": self.parse_status,
        }

    def _plan_offer(self, row, values, seen):
        sheet = OFFER_SHEET
        code_cell = read_cell(values.get("codigo"))
        if code_cell is KEEP or code_cell is CLEARED:
            self.error(sheet, row, "codigo", _("falta el código de la oferta."))
            return
        code = cell_text(code_cell)
        if len(code) > 40 or not OFFER_CODE_RE.match(code):
            self.error(
                sheet,
                row,
                "codigo",
                _(
                    "el código «%(value)s» no es válido: use letras sin tildes, números, punto, guion y guion bajo (p. ej. JICA-VOL-2026), hasta 40 caracteres."
                )
                % {"value": code[:60]},
            )
            return
        if code in seen:
            self.error(
                sheet,
                row,
                "codigo",
                _("el código «%(code)s» está repetido (ya aparece en la fila %(row)d).")
                % {"code": code, "row": seen[code]},
            )
            return
        seen[code] = row
        parsed = self._parse(sheet, row, values, self._offer_parsers())
        if any(v is None for v in parsed.values()):
            return
        pk, current = self.offers.get(code, (None, None))
        if current is None:
            state = {
                "code": code,
                "cooperante": "",
                "title": "",
                "description": "",
                "is_national": True,
                "amount_min": None,
                "amount_max": None,
                "currency": None,
                "opens_on": None,
                "closes_on": None,
                "schedule": Schedule.WINDOW,
                "requirements": "",
                "source_url": "",
                "status": OfferStatus.DRAFT,
                **{relation: frozenset() for relation in OFFER_M2M},
            }
        else:
            state = dict(current)

        def put(name, value):
            if current is None or not _same(current[name], value):
                state[name] = value

        ok = True
        for column, value in parsed.items():
            if value is KEEP or column == "estado":
                continue
            if value is CLEARED and column in ("cooperante", "titulo"):
                self.error(sheet, row, column, _("este dato es obligatorio: no se puede borrar."))
                ok = False
                continue
            if column == "ods":
                goals, targets = (frozenset(), frozenset()) if value is CLEARED else value
                put("sdgs", goals)
                put("sdg_targets", targets)
            elif column == "cobertura":
                national, provinces, cantons = (
                    (True, frozenset(), frozenset()) if value is CLEARED else value
                )
                put("is_national", national)
                put("provinces", provinces)
                put("cantons", cantons)
            elif column == "fecha_cierre":
                if value is CLEARED:
                    put("closes_on", None)
                    put("schedule", Schedule.PERMANENT)
                else:
                    put("closes_on", value)
                    if current is None or current["schedule"] == Schedule.PERMANENT:
                        put("schedule", Schedule.WINDOW)
            else:
                (name,) = OFFER_FIELDS[column]
                empty = (
                    frozenset()
                    if name in OFFER_M2M
                    else (
                        None if name in ("amount_min", "amount_max", "currency", "opens_on") else ""
                    )
                )
                put(name, empty if value is CLEARED else value)
        if current is None:
            if state["closes_on"] is None:
                state["schedule"] = Schedule.PERMANENT
            for column, name in (("cooperante", "cooperante"), ("titulo", "title")):
                if not state[name]:
                    self.error(sheet, row, column, _("es obligatorio para una oferta nueva."))
                    ok = False
        if (
            state["cooperante"]
            and state["cooperante"] not in self.orgs
            and state["cooperante"] not in self.file_org_slugs
        ):
            self.error(
                sheet,
                row,
                "cooperante",
                _(
                    "el cooperante «%(code)s» no existe: agréguelo en la hoja «cooperantes» o use el código de un cooperante registrado en SIOC."
                )
                % {"code": state["cooperante"]},
            )
            ok = False
        if (
            state["amount_min"] is not None
            and state["amount_max"] is not None
            and state["amount_min"] > state["amount_max"]
        ):
            self.error(
                sheet,
                row,
                "monto_minimo",
                _("el monto mínimo (%(min)s) es mayor que el máximo (%(max)s).")
                % {"min": state["amount_min"], "max": state["amount_max"]},
            )
            ok = False
        if state["opens_on"] and state["closes_on"] and state["opens_on"] > state["closes_on"]:
            self.error(
                sheet,
                row,
                "fecha_apertura",
                _("la fecha de apertura (%(open)s) es posterior a la de cierre (%(close)s).")
                % {"open": state["opens_on"].isoformat(), "close": state["closes_on"].isoformat()},
            )
            ok = False
        if state["is_national"]:
            state["provinces"] = state["cantons"] = frozenset()
        if state["schedule"] == Schedule.PERMANENT:
            state["closes_on"] = None
        requested = None if parsed["estado"] is KEEP else parsed["estado"]
        if requested is CLEARED:
            self.error(sheet, row, "estado", _("este dato es obligatorio: no se puede borrar."))
            return
        try:
            target, note = self._resolve_status(current["status"] if current else None, requested)
        except CellError as exc:
            self.error(sheet, row, "estado", str(exc))
            return
        if not ok:
            return
        changed = [
            f
            for f in OFFER_SCALARS + OFFER_M2M
            if f != "status" and (current is None or state[f] != current[f])
        ]
        if current is None:
            state["status"] = target
        publishing = target in (OfferStatus.PUBLISHED, OfferStatus.IN_REVIEW) and (
            current is None or target != current["status"]
        )
        if (
            publishing
            and state["schedule"] == Schedule.WINDOW
            and state["closes_on"]
            and state["closes_on"] < self.today
        ):
            self.error(
                sheet,
                row,
                "fecha_cierre",
                _("la fecha de cierre (%(date)s) ya pasó: corríjala o use el estado Cerrada.")
                % {"date": state["closes_on"].isoformat()},
            )
            return
        transition = target if current is not None else None
        action = NEW if current is None else (CHANGED if changed or transition else UNCHANGED)
        if action != UNCHANGED and not self.is_ame:
            problem = self._focal_offer_problem(code, current, state, changed)
            if problem:
                self.error(sheet, row, *problem)
                return
        review = bool(
            current is not None
            and changed
            and not self.is_ame
            and current["status"] == OfferStatus.PUBLISHED
            and transition is None
        )
        if review:
            note = _("pasará a revisión de AME antes de publicarse")
        after_status = transition or (OfferStatus.IN_REVIEW if review else state["status"])
        columns = [
            c for c in OFFER_COLUMNS if c != "codigo" and any(f in changed for f in OFFER_FIELDS[c])
        ]
        if current is None:
            columns = []
        changes = [
            (
                c,
                offer_preview_text(c, current, self.vocab),
                offer_preview_text(c, state, self.vocab),
            )
            for c in columns
        ]
        if current is not None and after_status != current["status"]:
            changes.append(
                (
                    "estado",
                    str(OfferStatus(current["status"]).label),
                    str(OfferStatus(after_status).label),
                )
            )
        self.report.results[sheet].append(
            RowResult(
                sheet, row, code, state["title"], action, changes if action == CHANGED else [], note
            )
        )
        if action != UNCHANGED:
            self.offer_ops.append(
                {
                    "offer_id": pk,
                    "before": current,
                    "after": state,
                    "changed": changed,
                    "transition": transition,
                    "review": review,
                }
            )
