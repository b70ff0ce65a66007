"""The project's own code lists: law (COOTAD art. 55) and common knowledge of cooperation.

English codes, Spanish labels. ``load_codelists()`` copies them into the database so that other
models can point at them with foreign keys; code can still name a value (``Modality.CREDIT``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CootadCompetencyCode(models.TextChoices):
    """Exclusive competencies of the GAD municipales (COOTAD, art. 55, letters a to n).

    The label is a short name for lists and filters; COOTAD_COMPETENCY_TEXTS holds the
    competency itself, written in our own words and faithful to the law.
    """

    A = "a", _("Planificación del desarrollo y ordenamiento territorial")
    B = "b", _("Uso y ocupación del suelo")
    C = "c", _("Vialidad urbana")
    D = "d", _("Agua potable, alcantarillado, desechos sólidos y saneamiento")
    E = "e", _("Tasas, tarifas y contribuciones especiales de mejoras")
    F = "f", _("Tránsito y transporte terrestre")
    G = "g", _("Infraestructura de salud y educación y espacios públicos")
    H = "h", _("Patrimonio arquitectónico, cultural y natural")
    I = "i", _("Catastros inmobiliarios")  # noqa: E741 - the letter of the law
    J = "j", _("Uso de playas, riberas y lechos de ríos, lagos y lagunas")
    K = "k", _("Acceso a playas de mar, riberas de ríos, lagos y lagunas")
    L = "l", _("Materiales áridos y pétreos")
    M = "m", _("Prevención, protección, socorro y extinción de incendios")
    N = "n", _("Cooperación internacional")


COOTAD_COMPETENCY_TEXTS = {
    CootadCompetencyCode.A: _(
        "Planificar el desarrollo cantonal, junto con otras instituciones públicas y actores de la "
        "sociedad, y formular los planes de ordenamiento territorial, articulados con la "
        "planificación nacional, regional, provincial y parroquial, para regular el uso y la "
        "ocupación del suelo urbano y rural."
    ),
    CootadCompetencyCode.B: _(
        "Ejercer el control sobre el uso y la ocupación del suelo en el cantón."
    ),
    CootadCompetencyCode.C: _("Planificar, construir y mantener la vialidad urbana."),
    CootadCompetencyCode.D: _(
        "Prestar los servicios públicos de agua potable, alcantarillado, depuración de aguas "
        "residuales, manejo de desechos sólidos y actividades de saneamiento ambiental, en los "
        "términos que establezca la ley."
    ),
    CootadCompetencyCode.E: _(
        "Crear, modificar, exonerar o suprimir, mediante ordenanzas, tasas, tarifas y "
        "contribuciones especiales de mejoras."
    ),
    CootadCompetencyCode.F: _(
        "Planificar, regular y controlar el tránsito y el transporte terrestre dentro del cantón."
    ),
    CootadCompetencyCode.G: _(
        "Planificar, construir y mantener la infraestructura física y los equipamientos de salud "
        "y educación, así como los espacios públicos destinados al desarrollo social, cultural y "
        "deportivo, de acuerdo con la ley."
    ),
    CootadCompetencyCode.H: _(
        "Preservar, mantener y difundir el patrimonio arquitectónico, cultural y natural del "
        "cantón, y construir los espacios públicos destinados a estos fines."
    ),
    CootadCompetencyCode.I: _(
        "Elaborar y administrar los catastros inmobiliarios urbanos y rurales."
    ),
    CootadCompetencyCode.J: _(
        "Delimitar, regular, autorizar y controlar el uso de las playas de mar, riberas y lechos "
        "de ríos, lagos y lagunas, sin perjuicio de las limitaciones que establezca la ley."
    ),
    CootadCompetencyCode.K: _(
        "Preservar y garantizar el acceso efectivo de las personas al uso de las playas de mar y "
        "de las riberas de ríos, lagos y lagunas."
    ),
    CootadCompetencyCode.L: _(
        "Regular, autorizar y controlar la explotación de materiales áridos y pétreos que se "
        "encuentren en los lechos de los ríos, lagos, playas de mar y canteras."
    ),
    CootadCompetencyCode.M: _(
        "Gestionar los servicios de prevención, protección, socorro y extinción de incendios."
    ),
    CootadCompetencyCode.N: _(
        "Gestionar la cooperación internacional para el cumplimiento de sus competencias."
    ),
}


class ModalityCode(models.TextChoices):
    """How a cooperante delivers what it offers."""

    NON_REIMBURSABLE = "non_reimbursable", _("Financiamiento no reembolsable")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Asistencia técnica")
    TRAINING = "training", _("Capacitación")
    VOLUNTEERING = "volunteering", _("Voluntariado")
    SCHOLARSHIPS = "scholarships", _("Becas")
    INTERNSHIPS = "internships", _("Pasantías")
    IN_KIND = "in_kind", _("Donación en especie")
    EXCHANGE = "exchange", _("Intercambio de experiencias")
    CREDIT = "credit", _("Crédito")


# Only a loan has to be paid back; everything else in the catalogue is non-reimbursable.
REIMBURSABLE_MODALITIES = frozenset({ModalityCode.CREDIT})

MODALITY_DESCRIPTIONS = {
    ModalityCode.NON_REIMBURSABLE: _("Recursos financieros que no se devuelven al cooperante."),
    ModalityCode.TECHNICAL_ASSISTANCE: _(
        "Asesoría especializada y transferencia de conocimientos por parte de expertos."
    ),
    ModalityCode.TRAINING: _("Cursos, talleres y programas de formación para el personal."),
    ModalityCode.VOLUNTEERING: _("Personas voluntarias que apoyan iniciativas locales."),
    ModalityCode.SCHOLARSHIPS: _("Financiamiento de estudios, en el país o en el exterior."),
    ModalityCode.INTERNSHIPS: _(
        "Estancias de práctica profesional en instituciones de otros países."
    ),
    ModalityCode.IN_KIND: _("Entrega de bienes, equipos o materiales en lugar de dinero."),
    ModalityCode.EXCHANGE: _(
        "Visitas y encuentros entre instituciones para conocer y compartir buenas prácticas."
    ),
    ModalityCode.CREDIT: _(
        "Préstamo que se devuelve, por lo general en condiciones concesionales."
    ),
}


class CooperationTypeCode(models.TextChoices):
    """Who cooperates with whom."""

    BILATERAL = "bilateral", _("Cooperación bilateral")
    MULTILATERAL = "multilateral", _("Cooperación multilateral")
    DECENTRALIZED = "decentralized", _("Cooperación descentralizada")
    SOUTH_SOUTH = "south_south", _("Cooperación Sur-Sur")
    TRIANGULAR = "triangular", _("Cooperación triangular")
    INTERMUNICIPAL = "intermunicipal", _("Cooperación intermunicipal")
    PRIVATE = "private", _("Cooperación privada")
    PUBLIC_PRIVATE_PARTNERSHIP = "public_private_partnership", _("Alianza público-privada")


COOPERATION_TYPE_DESCRIPTIONS = {
    CooperationTypeCode.BILATERAL: _(
        "Entre el Gobierno de un país cooperante, o sus agencias, y el Ecuador o sus gobiernos "
        "autónomos descentralizados."
    ),
    CooperationTypeCode.MULTILATERAL: _(
        "Canalizada por organismos internacionales, bancos de desarrollo y fondos en los que "
        "participan varios Estados."
    ),
    CooperationTypeCode.DECENTRALIZED: _(
        "Impulsada por gobiernos subnacionales de otros países (regiones, provincias, ciudades) "
        "hacia gobiernos locales, directamente o a través de sus asociaciones."
    ),
    CooperationTypeCode.SOUTH_SOUTH: _(
        "Entre países en desarrollo que comparten conocimientos, experiencias y recursos en "
        "condiciones de horizontalidad."
    ),
    CooperationTypeCode.TRIANGULAR: _(
        "Un país u organismo cooperante apoya una iniciativa de cooperación Sur-Sur entre dos o "
        "más países en desarrollo."
    ),
    CooperationTypeCode.INTERMUNICIPAL: _(
        "Entre municipios, del Ecuador o de otros países, para intercambiar experiencias o "
        "ejecutar proyectos comunes; incluye hermanamientos y redes de ciudades."
    ),
    CooperationTypeCode.PRIVATE: _(
        "Aportada por fundaciones, empresas, organizaciones no gubernamentales o universidades."
    ),
    CooperationTypeCode.PUBLIC_PRIVATE_PARTNERSHIP: _(
        "Acuerdo entre entidades públicas y privadas que comparten recursos, riesgos y "
        "resultados con un fin de interés público."
    ),
}

# Official colours of the 17 SDGs (United Nations communication guidelines).
SDG_COLORS = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}
