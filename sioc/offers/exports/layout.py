"""The catalogue workbook's layout: sheets, headers (fixed by the issue), the model fields each
column carries, the help of every column and the instructions sheet."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sioc.offers.choices import OfferStatus
from sioc.organizations.choices import COOPERANTE_KINDS

# --- Layout (fixed: the issue names these sheets and headers) -----------------------------------

ORG_SHEET = "cooperantes"
OFFER_SHEET = "ofertas"
VALUES_SHEET = "valores"
HELP_SHEET = "instrucciones"

ORG_COLUMNS = ["codigo", "nombre", "siglas", "tipo", "pais", "sitio_web", "correo", "descripcion"]
OFFER_COLUMNS = [
    "codigo",
    "cooperante",
    "titulo",
    "descripcion",
    "modalidades",
    "ods",
    "competencias",
    "sectores",
    "cobertura",
    "monto_minimo",
    "monto_maximo",
    "moneda",
    "fecha_apertura",
    "fecha_cierre",
    "requisitos",
    "url",
    "estado",
]
COLUMNS = {ORG_SHEET: ORG_COLUMNS, OFFER_SHEET: OFFER_COLUMNS}

# Column -> model field(s) it carries.
ORG_FIELDS = {
    "codigo": "slug",
    "nombre": "name",
    "siglas": "acronym",
    "tipo": "kind",
    "pais": "country",
    "sitio_web": "website",
    "correo": "public_email",
    "descripcion": "description",
}
OFFER_FIELDS = {
    "codigo": ("code",),
    "cooperante": ("cooperante",),
    "titulo": ("title",),
    "descripcion": ("description",),
    "modalidades": ("modalities",),
    "ods": ("sdgs", "sdg_targets"),
    "competencias": ("competencies",),
    "sectores": ("sectors",),
    "cobertura": ("is_national", "provinces", "cantons"),
    "monto_minimo": ("amount_min",),
    "monto_maximo": ("amount_max",),
    "moneda": ("currency",),
    "fecha_apertura": ("opens_on",),
    "fecha_cierre": ("closes_on", "schedule"),
    "requisitos": ("requirements",),
    "url": ("source_url",),
    "estado": ("status",),
}
OFFER_M2M = ["modalities", "sdgs", "sdg_targets", "competencies", "sectors", "provinces", "cantons"]
OFFER_SCALARS = [
    "code",
    "cooperante",
    "title",
    "description",
    "is_national",
    "amount_min",
    "amount_max",
    "currency",
    "opens_on",
    "closes_on",
    "schedule",
    "requirements",
    "source_url",
    "status",
]

NATIONAL = "nacional"
SEPARATOR = ";"
CLEAR = "-"
MAX_DATA_ROWS = 20_000  # per sheet; also the extent of the drop-downs
# Statuses a row may ask for; the others (En revisión, Archivada) are written by exports and
# accepted back only when they do not change anything.
IMPORT_STATUSES = [OfferStatus.DRAFT, OfferStatus.PUBLISHED, OfferStatus.CLOSED]
TEMPLATE_KINDS = COOPERANTE_KINDS

COLUMN_HELP = {
    ORG_SHEET: {
        "codigo": gettext_lazy(
            "Identificador estable del cooperante en SIOC (p. ej. giz, jica, koica): minúsculas, "
            "números y guiones. Si ya existe, la fila actualiza ese cooperante."
        ),
        "nombre": gettext_lazy("Nombre completo. Obligatorio para un cooperante nuevo."),
        "siglas": gettext_lazy("Siglas o nombre corto, p. ej. GIZ."),
        "tipo": gettext_lazy("Elija de la lista (hoja «valores», columna tipos)."),
        "pais": gettext_lazy("Código ISO 3166-1 de dos letras (DE, JP, KR …) o vacío."),
        "sitio_web": gettext_lazy("Dirección completa, con https://"),
        "correo": gettext_lazy("Correo institucional (no personal)."),
        "descripcion": gettext_lazy("Texto libre."),
    },
    OFFER_SHEET: {
        "codigo": gettext_lazy(
            "Código único de la oferta (letras sin tildes, números, punto, guion), p. ej. "
            "JICA-VOL-2026. Si ya existe, la fila actualiza esa oferta."
        ),
        "cooperante": gettext_lazy(
            "El «codigo» del cooperante: una fila de la hoja «cooperantes» o un cooperante que "
            "ya está en SIOC (el identificador que aparece en su dirección /organizaciones/…/)."
        ),
        "titulo": gettext_lazy("Obligatorio para una oferta nueva."),
        "descripcion": gettext_lazy("Texto libre."),
        "modalidades": gettext_lazy(
            "Una o varias, separadas por punto y coma, con su nombre (hoja «valores»): "
            "Asistencia técnica; Capacitación"
        ),
        "ods": gettext_lazy(
            "Números de ODS (1 a 17) o metas (6.1, 11.b), separados por punto y coma. Una meta "
            "incluye su objetivo."
        ),
        "competencias": gettext_lazy(
            "Letras de las competencias COOTAD (art. 55, a a n), separadas por punto y coma."
        ),
        "sectores": gettext_lazy("Códigos CAD de cinco dígitos, separados por punto y coma."),
        "cobertura": gettext_lazy(
            "«nacional» o códigos INEC de provincias (2 dígitos) y cantones (4 dígitos), "
            "separados por punto y coma."
        ),
        "monto_minimo": gettext_lazy("Número sin separador de miles, con punto decimal: 15000.50"),
        "monto_maximo": gettext_lazy("Número sin separador de miles, con punto decimal: 15000.50"),
        "moneda": gettext_lazy("Código ISO 4217: USD, EUR …"),
        "fecha_apertura": gettext_lazy("Fecha de Excel o texto AAAA-MM-DD."),
        "fecha_cierre": gettext_lazy(
            "Fecha de Excel o texto AAAA-MM-DD. Vacía en una oferta nueva: oferta permanente."
        ),
        "requisitos": gettext_lazy("Texto libre."),
        "url": gettext_lazy("Enlace a la fuente o a la convocatoria, con https://"),
        "estado": gettext_lazy(
            "Borrador, Publicada o Cerrada (vacío en una oferta nueva: Borrador). Las ofertas de "
            "un punto focal marcadas como Publicada pasan a revisión de AME. Una exportación "
            "también puede traer En revisión o Archivada."
        ),
    },
}


def instructions():
    """The lines of the «instrucciones» sheet."""
    return [
        _("Plantilla del catálogo de SIOC: cooperantes y ofertas"),
        "",
        _("1. La hoja «cooperantes» describe a cada cooperante; la hoja «ofertas», sus ofertas."),
        _(
            "2. No cambie los nombres de las hojas ni los encabezados de la primera fila. Cada "
            "encabezado tiene un comentario que explica la columna."
        ),
        _(
            "3. El «codigo» de un cooperante es su identificador estable en SIOC (el que aparece "
            "en la dirección de su perfil, p. ej. /organizaciones/giz/). La columna «cooperante» "
            "de la hoja «ofertas» usa ese código."
        ),
        _(
            "4. Si el código de una fila ya existe en SIOC, la fila actualiza ese registro: una "
            "celda vacía conserva el valor guardado y un guion (-) lo borra."
        ),
        _(
            "5. Las listas se separan con punto y coma (;). Los nombres se reconocen sin importar "
            "mayúsculas ni tildes. La hoja «valores» tiene todos los valores válidos."
        ),
        _(
            "6. Escriba valores, no fórmulas. Fechas: fecha de Excel o AAAA-MM-DD. Montos: "
            "15000.50, sin separador de miles."
        ),
        _(
            "7. La importación es completa o no es: si una fila tiene un error no se guarda nada, "
            "y la vista previa indica hoja, fila, columna y problema."
        ),
        _(
            "8. Límites: %(rows)s filas por hoja y 50 MB por archivo. También se acepta CSV (un "
            "archivo por hoja, en UTF-8 o Windows-1252) con los mismos encabezados."
        )
        % {"rows": f"{MAX_DATA_ROWS:,}".replace(",", ".")},
    ]
