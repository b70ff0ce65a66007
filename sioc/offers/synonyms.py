"""Synonyms of the catalogue search, in the words GAD officers and cooperantes use.

Two kinds of entries, both written in plain Spanish (accents and inflection do not matter: every
expression goes through the same normaliser as the documents, see ``search.analyze``):

- ``GROUPS``: equivalent expressions. A query with any of them finds offers that use any other
  (``basura`` finds «desechos sólidos» and the other way round).
- ``EXPANSIONS``: one-way widenings. A query with the key also finds the listed, narrower or
  related, expressions (``agua`` finds «saneamiento»), but not the other way round
  (``saneamiento`` does not find every offer that mentions water).

Expressions of several words match as phrases (the words next to each other, ignoring stop
words). Synonyms are expanded in the query only, so changing this list needs no re-indexing.
"""

GROUPS: tuple[tuple[str, ...], ...] = (
    # Municipal public services (COOTAD art. 55 d)
    ("basura", "desechos sólidos", "residuos sólidos", "recolección de desechos"),
    ("saneamiento", "saneamiento ambiental"),
    ("alcantarillado", "aguas residuales", "aguas servidas", "depuración de aguas"),
    ("agua potable", "abastecimiento de agua", "suministro de agua"),
    ("reciclaje", "economía circular", "reutilización"),
    ("riego", "irrigación", "sistemas de riego"),
    # Roads, transport, land (c, f, b, i)
    ("vialidad", "vías", "carreteras", "caminos", "infraestructura vial"),
    ("transporte", "movilidad urbana", "tránsito"),
    ("catastro", "avalúos", "predios"),
    (
        "ordenamiento territorial",
        "planificación territorial",
        "pdot",
        "plan de desarrollo y ordenamiento territorial",
    ),
    ("uso del suelo", "ocupación del suelo", "gestión del suelo"),
    ("vivienda", "hábitat", "vivienda social"),
    ("espacio público", "espacios públicos", "parques", "áreas verdes"),
    ("patrimonio", "patrimonio cultural", "centro histórico"),
    ("bomberos", "incendios", "cuerpo de bomberos"),
    # Kinds of cooperation
    ("voluntarios", "voluntariado", "voluntarias"),
    ("capacitación", "formación", "entrenamiento"),
    ("asistencia técnica", "cooperación técnica", "asesoría técnica", "acompañamiento técnico"),
    (
        "financiamiento no reembolsable",
        "donación",
        "subvención",
        "fondos no reembolsables",
        "cooperación no reembolsable",
    ),
    ("crédito", "préstamo", "financiamiento reembolsable"),
    ("financiamiento", "financiación", "fondos"),
    ("pasantías", "prácticas profesionales", "estancias profesionales"),
    ("intercambio de experiencias", "intercambio", "visitas técnicas"),
    ("hermanamiento", "ciudades hermanas", "hermanamientos"),
    ("donación en especie", "equipamiento donado", "donación de equipos"),
    # Themes
    ("medio ambiente", "ambiente", "ambiental", "gestión ambiental"),
    ("cambio climático", "clima", "adaptación al cambio climático", "resiliencia climática"),
    ("gestión de riesgos", "riesgos", "desastres", "emergencias", "reducción de riesgos"),
    ("energía renovable", "energías renovables", "energía solar", "energías limpias"),
    ("turismo", "turístico", "turística"),
    ("salud", "sanidad", "atención primaria"),
    ("educación", "educativo", "escuelas", "enseñanza"),
    ("género", "igualdad de género", "equidad de género", "mujeres"),
    ("jóvenes", "juventud", "adolescentes"),
    ("niñez", "niños", "niñas", "infancia"),
    ("adultos mayores", "personas mayores", "tercera edad"),
    ("discapacidad", "personas con discapacidad", "accesibilidad"),
    ("migración", "migrantes", "movilidad humana", "refugiados"),
    ("agricultura", "agropecuario", "agrícola"),
    ("seguridad alimentaria", "nutrición", "alimentación"),
    ("emprendimiento", "emprendedores", "pymes", "microempresas"),
    ("empleo", "trabajo decente", "empleabilidad"),
    ("seguridad ciudadana", "convivencia", "prevención de la violencia"),
    ("transparencia", "gobierno abierto", "rendición de cuentas"),
    ("gobierno electrónico", "gobierno digital", "transformación digital", "tic"),
    ("participación ciudadana", "participación social", "presupuesto participativo"),
    ("ods", "objetivos de desarrollo sostenible", "agenda 2030"),
)

EXPANSIONS: dict[str, tuple[str, ...]] = {
    "agua": ("agua potable", "saneamiento", "alcantarillado"),
    "basura": ("reciclaje", "relleno sanitario"),
    "becas": ("estudios", "maestría", "posgrado"),
    "capacitación": ("cursos", "talleres", "diplomado"),
    "desarrollo económico": ("emprendimiento", "empleo", "turismo"),
    "infraestructura": ("vialidad", "agua potable", "alcantarillado", "espacio público"),
    "municipio": ("municipal", "gad", "gobierno local"),
    "gad": ("municipio", "municipal", "gobierno autónomo descentralizado"),
}
