"""Display names for INEC's upper-case, mostly accent-less DPA names.

INEC writes ``CRNEL. MARCELINO MARIDUENA`` or ``NABON``; people read *Coronel Marcelino
Maridueña* and *Nabón*. The rules, in order:

1. abbreviations are expanded (``CRNEL.`` → Coronel, ``GRAL.`` → General, ``DR.`` → Doctor);
2. Spanish capitalisation (:func:`sioc.common.text.title_es`), with initials (``Julio E.
   Moreno``), Roman numerals (``Pablo VI``) and the first word inside brackets kept upper case;
3. cantons borrow the accents of their OpenStreetMap name, word by word, only where the words
   match ignoring accents (OSM sometimes says "Cantón Chambo" or gives the seat's name);
4. a word-level accent dictionary (:data:`ACCENTED_WORDS`, plus every accented word of the
   province and canton names) fixes what is left;
5. a short table of overrides by INEC code for the names that rules cannot get right.
"""

import re

from sioc.common.text import fold, strip_accents, title_es

# Abbreviations found in the INEC names, upper case with their dot as written by INEC.
ABBREVIATIONS = {
    "CRNEL.": "CORONEL",
    "CRNL.": "CORONEL",
    "CNEL.": "CORONEL",
    "GRAL.": "GENERAL",
    "GRAL": "GENERAL",
    "GNRAL.": "GENERAL",
    "DR.": "DOCTOR",
    "TNTE.": "TENIENTE",
    "TTE.": "TENIENTE",
    "ARQ.": "ARQUITECTO",
    "ING.": "INGENIERO",
    "CAB.": "CABECERA",
    "STA.": "SANTA",
    "STO.": "SANTO",
}

# Names that the rules cannot produce, by INEC code (canton: 4 digits, parish: 6 digits).
CANTON_NAME_OVERRIDES = {
    "0908": "El Empalme",  # INEC: EMPALME; the canton and its GAD are "El Empalme"
    "2201": "Francisco de Orellana",  # INEC: ORELLANA (same name as the province)
}
PARISH_NAME_OVERRIDES = {
    "010107": "Huayna Cápac",  # INEC: HUAYNACAPAC
    "040101": "González Suárez",  # INEC: GONZALES SUAREZ
    "050151": "Aláquez",  # INEC: ALAQUES (ALAQUEZ), the same name twice
    "120555": "La Esperanza",  # INEC: LAS ESPERANZA
    "121001": "San Jacinto de Buena Fe",  # INEC: ... BUENA FÉ (the canton is BUENA FE)
    "150950": "Carlos Julio Arosemena Tola",  # INEC abbreviates to "AROSEMENA T."
    "190550": "Yantzaza",  # INEC: YANZATZA (the canton is YANTZAZA)
    "210350": "Puerto El Carmen del Putumayo",
}

# Accented spellings of words found in Ecuadorian place names (first names, surnames, saints,
# common nouns and Quichua/Shuar names with an established written accent). Keys are matched
# ignoring case and accents; only whole words are replaced.
_ACCENTED_TEXT = """
Abañín Abdón Alangasí Aláquez Alausí Alluriquín Alóag Aloasí Ambuquí América Ancón Andrés Ángel
Aníbal Ascázubi Asunción Ávila Azúcar Bahía Ballén Bárbara Bartolomé Batán Bellamaría
Benalcázar Benítez Biblián Bilován Bolívar Bombolí Bombón Borbón Boyacá Búa Bulán Cachaví
Cahuasquí Celén Calacalí Calazacón Calderón Calpaquí Cangonamá Capitán Caráquez Carcabón
Carcelén Carrión César Chantilín Charapotó Chávez Chicán Chitán Chongón Chugá Chugchilán
Chumblín Chumundé Cojimíes Colón Concepción Corazón Córdova Cotaló Cristóbal Cubijíes Cumandá
Cumbayá Dávalos Dávila Díaz Durán Echeandía Edén Enríquez Espíndola Farfán Fátima Fernández
Galán García Girón Gómez Gonzanamá González Guachanamá Guambaló Guamaní Guanailín Guanazán
Guapán Guápulo Guayacán Gutiérrez Holguín Huambaló Ilumán Inés Isinliví Jadán Jambelí Jaramijó
Jelí Jerusalén Jesús Jijón Joaquín Jordán José Jumón Julián Junín León Leónidas Licán Limón
López Lucía Macará Machángara Malchinguí Maná Manú Marcabelí María Marín Martín Martínez Matías
Mejía Méndez Misahuallí Montúfar Morán Mulaló Nabón Nayón Nazón Nicolás Ordóñez Otón
Pacaicaguán Paján Pataquí Patulú Paraíso Península Pérez Picoazá Pijilí Pilaguín Pilahuín
Pilaló Píllaro Pinguilí Píntag Pío Plácido Playón Poaló Puéllaro Puná Pungalá Punín Pujilí
Químiag Quinindé Ramírez Ramón Régulo Rendón Río Ríos Riofrío Rodríguez Salatí Sánchez
Sangolquí Sangillín Santafé Saquisilí Sayausí Sebastián Sígsig Simiátug Simón Sinaí Sofía Súa
Suárez Sucúa Sucumbíos Tablón Tálag Tanicuchí Telembí Terán Timbiré Tixán Tomás Tonchigüe
Tulcán Unión Urcuquí Uzhcurrumí Valparaíso Vásquez Víctor Yaruquí Yaruquíes Yasuní Yúluc
Zámbiza Zárate Agustín Ángeles Belén Cóndor Fabián Germán Hernán Jerónimo Rubén
"""
ACCENTED_WORDS = _ACCENTED_TEXT.split()

# Roman numerals that appear after a name (Pablo VI); single letters are initials anyway.
_ROMAN = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xxiii"}
_WORD = re.compile(r"[^\W\d_]+")


def has_accent(word: str) -> bool:
    """True when the word carries a diacritic (accent, diaeresis or tilde)."""
    return strip_accents(word) != word


def accent_map(words) -> dict[str, str]:
    """fold(word) -> accented word, for the words that carry an accent."""
    return {fold(w): w for w in words if has_accent(w)}


def words_of(*names) -> list[str]:
    return [w for name in names for w in _WORD.findall(name or "")]


DEFAULT_ACCENTS = accent_map(ACCENTED_WORDS)


def expand_abbreviations(inec_name: str) -> str:
    words = re.sub(r"\s+", " ", inec_name.strip()).split(" ")
    out = []
    for word in words:
        # Keep an opening bracket in front of the abbreviation: "(CAB. EN ...".
        prefix = "(" if word.startswith("(") else ""
        core = word[len(prefix) :]
        out.append(prefix + ABBREVIATIONS.get(core.upper(), core))
    return " ".join(out)


def _same_case(template: str, word: str) -> str:
    """``word`` written with the capitalisation of ``template`` (Capitalised or lower)."""
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


def _apply_accents(name: str, accents: dict[str, str]) -> str:
    def replace(match):
        word = match.group(0)
        accented = accents.get(fold(word))
        return _same_case(word, accented) if accented else word

    return _WORD.sub(replace, name)


def capitalise(inec_name: str) -> str:
    """Expanded, Spanish-capitalised name, without accent fixes."""
    name = title_es(expand_abbreviations(inec_name))
    # Initials stay upper case: "Julio e. Moreno" -> "Julio E. Moreno".
    name = re.sub(r"(?<![^\W\d_])([a-z])\.", lambda m: m.group(1).upper() + ".", name)
    # Roman numerals: "Pablo Vi" -> "Pablo VI".
    name = _WORD.sub(
        lambda m: m.group(0).upper() if m.group(0).lower() in _ROMAN else m.group(0), name
    )
    # The first word inside brackets is capitalised: "(el Oriente)" -> "(El Oriente)".
    name = re.sub(r"\((\w)", lambda m: "(" + m.group(1).upper(), name)
    return name


def osm_accents(osm_name: str) -> dict[str, str]:
    """Accented words of an OSM name, without the "Cantón" prefix it sometimes carries."""
    osm = re.sub(r"^\s*cant[oó]n\s+", "", osm_name or "", flags=re.IGNORECASE)
    return accent_map(words_of(osm))


def canton_display_name(code: str, inec_name: str, osm_name: str = "", accents=None) -> str:
    if code in CANTON_NAME_OVERRIDES:
        return CANTON_NAME_OVERRIDES[code]
    name = capitalise(inec_name)
    name = _apply_accents(name, osm_accents(osm_name))
    return _apply_accents(name, DEFAULT_ACCENTS if accents is None else accents)


def parish_display_name(code: str, inec_name: str, accents=None) -> str:
    if code in PARISH_NAME_OVERRIDES:
        return PARISH_NAME_OVERRIDES[code]
    return _apply_accents(capitalise(inec_name), DEFAULT_ACCENTS if accents is None else accents)


def simple_display_name(inec_name: str, accents=None) -> str:
    """Names with no other source (zonas no delimitadas)."""
    return _apply_accents(capitalise(inec_name), DEFAULT_ACCENTS if accents is None else accents)
