"""Demo cooperantes: the organisations named in AME's documents and well-known partners in Ecuador.

The facts come from AME's reports (agendas to Bogotá 2025 and El Salvador 2024, the FLACMA Bureau
2025, the Latacunga assembly 2024) and from public knowledge; every description is our own text.

Conventions:
- ``country`` is the ISO 3166-1 alpha-2 code of the country the organisation belongs to; for
  multilateral and regional bodies, the country of their headquarters (blank when it is not
  clear-cut). Ecuador's own missions abroad (embassies, trade offices) carry the host country,
  because that is the partner country they open doors to.
- ``iati_identifier`` only where it is the organisation's published IATI identifier.
- AME itself (slug "ame") and the 221 GAD municipales are created by ``ensure_ame_and_gads``.

``load`` is idempotent: ``upsert_organization`` creates missing records and only audits real
changes, so a second run writes no audit events.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from sioc.organizations.choices import OrganizationKind as K
from sioc.organizations.services import upsert_organization

ORGANIZATIONS: list[dict] = [
    # --- Embassies -------------------------------------------------------------------------
    {
        "slug": "embajada-ecuador-colombia",
        "kind": K.EMBASSY,
        "name": "Embajada del Ecuador en Colombia",
        "acronym": "",
        "country": "CO",
        "website": "https://www.cancilleria.gob.ec",
        "iati_identifier": "",
        "description": (
            "Misión diplomática del Ecuador en Bogotá. Acogió a la comitiva de AME durante la "
            "agenda paradiplomática de marzo de 2025 y ofreció respaldo para promover "
            "hermanamientos entre ciudades ecuatorianas y colombianas. Junto con la Oficina "
            "Comercial, es el punto de partida para que los GAD busquen socios y mercados en "
            "Colombia."
        ),
    },
    {
        "slug": "embajada-ecuador-el-salvador",
        "kind": K.EMBASSY,
        "name": "Embajada del Ecuador en El Salvador",
        "acronym": "",
        "country": "SV",
        "website": "https://www.cancilleria.gob.ec",
        "iati_identifier": "",
        "description": (
            "Misión diplomática del Ecuador en San Salvador, que ayudó a AME a armar la agenda "
            "sobre seguridad ciudadana de septiembre de 2024. Sugiere llevar las necesidades de "
            "los municipios a la Comisión Mixta de Cooperación Técnica y Científica Ecuador-El "
            "Salvador, un mecanismo de cooperación Sur-Sur negociado entre ambas cancillerías."
        ),
    },
    {
        "slug": "embajada-japon-ecuador",
        "kind": K.EMBASSY,
        "name": "Embajada del Japón en el Ecuador",
        "acronym": "",
        "country": "JP",
        "website": "https://www.ec.emb-japan.go.jp",
        "iati_identifier": "",
        "description": (
            "Representación diplomática de Japón en Quito. Administra la Asistencia para Proyectos "
            "Comunitarios (fondos APC), pequeñas donaciones para obras y equipos que benefician "
            "directamente a una comunidad, a las que pueden postular gobiernos locales y "
            "organizaciones sin fines de lucro. Nabón es uno de los GAD que ha presentado "
            "proyectos a este fondo."
        ),
    },
    # --- Ecuadorian and foreign national bodies -------------------------------------------
    {
        "slug": "cancilleria-ecuador",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Ministerio de Relaciones Exteriores y Movilidad Humana",
        "acronym": "Cancillería",
        "country": "EC",
        "website": "https://www.cancilleria.gob.ec",
        "iati_identifier": "",
        "description": (
            "Ente rector de la política exterior y de la cooperación internacional del Ecuador, "
            "del que dependen embajadas y consulados. AME se apoya en él para preparar sus agendas "
            "paradiplomáticas, ofrecer formación en comercio exterior a los GAD y llevar proyectos "
            "municipales a las comisiones mixtas con otros países."
        ),
    },
    {
        "slug": "oficina-comercial-ecuador-bogota",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Oficina Comercial del Ecuador en Bogotá",
        "acronym": "",
        "country": "CO",
        "website": "https://www.proecuador.gob.ec",
        "iati_identifier": "",
        "description": (
            "Oficina de la red comercial del Ecuador en Colombia, dedicada a promover ventas al "
            "exterior e inversión. En marzo de 2025 orientó a los alcaldes de la delegación de AME "
            "sobre normas, trámites y oportunidades para vender productos de sus cantones en "
            "Colombia y atraer inversión a sus territorios."
        ),
    },
    {
        "slug": "oficina-comercial-ecuador-guatemala",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Oficina Comercial del Ecuador en Guatemala",
        "acronym": "",
        "country": "GT",
        "website": "https://www.proecuador.gob.ec",
        "iati_identifier": "",
        "description": (
            "Oficina de promoción comercial del Ecuador con sede en Guatemala y competencia "
            "también sobre El Salvador. Es el contacto para que los productores de los cantones "
            "exploren el mercado salvadoreño, que compra en el exterior buena parte de los bienes "
            "que consume."
        ),
    },
    {
        "slug": "consejo-nacional-competencias",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Consejo Nacional de Competencias",
        "acronym": "CNC",
        "country": "EC",
        "website": "https://www.competencias.gob.ec",
        "iati_identifier": "",
        "description": (
            "Organismo técnico que regula la transferencia y el ejercicio de competencias entre "
            "los niveles de gobierno del Ecuador. Su resolución 0009-CNC-2011 define las "
            "facultades con las que los GAD gestionan la cooperación internacional: rectoría, "
            "planificación, regulación, control y gestión."
        ),
    },
    {
        "slug": "sipp",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Secretaría de Inversiones Público-Privadas",
        "acronym": "SIPP",
        "country": "EC",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Entidad del Ejecutivo creada en 2021 para estructurar asociaciones público-privadas "
            "(APP) y atraer capital privado a infraestructura y servicios públicos. En la asamblea "
            "de Latacunga de 2024 explicó a los GAD cómo financiar obras mediante APP. En 2025 la "
            "Ley Orgánica de Integridad Pública habilitó su supresión y sus funciones pasan a "
            "otros ministerios; se conserva como registro histórico."
        ),
        "is_active": False,
    },
    {
        "slug": "binaes",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "Biblioteca Nacional de El Salvador",
        "acronym": "BINAES",
        "country": "SV",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Biblioteca pública nacional salvadoreña, reabierta en noviembre de 2023 en el Centro "
            "Histórico de San Salvador en un edificio donado por la República Popular China. "
            "Atiende las 24 horas y dedica cada una de sus siete plantas a un público o un uso: "
            "primera infancia, niñez, juventud, tecnología, arte. Es un modelo para renovar "
            "bibliotecas municipales con espacios accesibles, salas braille y recursos digitales."
        ),
    },
    {
        "slug": "lageo",
        "kind": K.NATIONAL_GOVERNMENT,
        "name": "LaGeo S.A. de C.V.",
        "acronym": "",
        "country": "SV",
        "website": "https://www.lageo.com.sv",
        "iati_identifier": "",
        "description": (
            "Empresa estatal salvadoreña, del grupo CEL, que produce electricidad geotérmica en "
            "las centrales de Ahuachapán y Berlín, con unos 204 MW instalados. AME visitó la "
            "central de Ahuachapán en 2024 para conocer un modelo que podría inspirar empresas "
            "mixtas en cantones ecuatorianos con potencial geotérmico, como los de Carchi."
        ),
    },
    # --- Bilateral agencies ----------------------------------------------------------------
    {
        "slug": "giz",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia Alemana de Cooperación Internacional",
        "acronym": "GIZ",
        "country": "DE",
        "website": "https://www.giz.de",
        "iati_identifier": "XM-DAC-5-52",
        "description": (
            "Empresa federal que ejecuta la cooperación técnica de Alemania, sobre todo por "
            "encargo del Ministerio Federal de Cooperación Económica y Desarrollo (BMZ). En "
            "Ecuador acompaña a gobiernos locales en cambio climático, gestión ambiental, "
            "movilidad y gobernanza; Pastaza la cuenta entre los aliados de su proyecto de "
            "movilidad urbana sostenible."
        ),
    },
    {
        "slug": "jica",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia de Cooperación Internacional del Japón",
        "acronym": "JICA",
        "country": "JP",
        "website": "https://www.jica.go.jp",
        "iati_identifier": "XM-DAC-701-8",
        "description": (
            "Agencia que ejecuta la cooperación oficial de Japón: asistencia técnica, préstamos, "
            "donaciones y cursos de capacitación en Japón. Sus voluntarios trabajan con "
            "instituciones ecuatorianas, municipios incluidos, en desarrollo rural, tecnología y "
            "manejo de residuos; presentó este programa en la asamblea de Latacunga de 2024."
        ),
    },
    {
        "slug": "koica",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia de Cooperación Internacional de Corea",
        "acronym": "KOICA",
        "country": "KR",
        "website": "https://www.koica.go.kr",
        "iati_identifier": "KR-GOV-051",
        "description": (
            "Agencia de cooperación del Gobierno de la República de Corea. Financia proyectos, "
            "becas de formación y un programa de voluntarios que apoya a instituciones locales en "
            "educación, salud y tecnología. Cuenca la menciona entre sus socios en proyectos de "
            "sostenibilidad, y su voluntariado se presentó en Latacunga en 2024."
        ),
    },
    {
        "slug": "cuerpo-de-paz",
        "kind": K.BILATERAL_AGENCY,
        "name": "Cuerpo de Paz de los Estados Unidos",
        "acronym": "Peace Corps",
        "country": "US",
        "website": "https://www.peacecorps.gov",
        "iati_identifier": "US-GOV-10",
        "description": (
            "Agencia independiente del Gobierno estadounidense que envía voluntarios a vivir y "
            "trabajar unos dos años en comunidades de otros países. En Ecuador sus voluntarios han "
            "colaborado con municipios y comunidades en desarrollo rural, ambiente y educación; su "
            "directora en el país intervino en el diálogo sobre voluntariado de Latacunga (2024)."
        ),
    },
    {
        "slug": "aecid",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia Española de Cooperación Internacional para el Desarrollo",
        "acronym": "AECID",
        "country": "ES",
        "website": "https://www.aecid.es",
        "iati_identifier": "ES-DIR3-EA0035768",
        "description": (
            "Principal órgano de gestión de la cooperación española, con oficina técnica en Quito. "
            "Ha apoyado a gobiernos locales ecuatorianos en agua, patrimonio, igualdad de género y "
            "gobernanza, y ofrece cursos para funcionarios iberoamericanos en sus centros de "
            "formación de la región."
        ),
    },
    {
        "slug": "usaid",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia de los Estados Unidos para el Desarrollo Internacional",
        "acronym": "USAID",
        "country": "US",
        "website": "https://www.usaid.gov",
        "iati_identifier": "US-GOV-1",
        "description": (
            "Fue la agencia de cooperación del Gobierno de los Estados Unidos, con décadas de "
            "programas en Ecuador sobre gobernanza local, ambiente, desarrollo económico y "
            "migración. En 2025 el Gobierno estadounidense cerró la mayoría de sus programas y "
            "trasladó lo restante al Departamento de Estado, por eso figura como inactiva; su "
            "historial de proyectos en Ecuador sigue publicado en IATI."
        ),
        "is_active": False,
    },
    {
        "slug": "apc-colombia",
        "kind": K.BILATERAL_AGENCY,
        "name": "Agencia Presidencial de Cooperación Internacional de Colombia",
        "acronym": "APC-Colombia",
        "country": "CO",
        "website": "https://www.apccolombia.gov.co",
        "iati_identifier": "",
        "description": (
            "Agencia que coordina la cooperación que Colombia recibe y la que ofrece a otros "
            "países mediante la cooperación Sur-Sur. Es la contraparte técnica para programas "
            "bilaterales con Ecuador, que pueden incluir intercambios entre gobiernos locales de "
            "ambos lados de la frontera."
        ),
    },
    # --- Development banks -----------------------------------------------------------------
    {
        "slug": "kfw",
        "kind": K.DEVELOPMENT_BANK,
        "name": "KfW Banco de Desarrollo",
        "acronym": "",
        "country": "DE",
        "website": "https://www.kfw.de",
        "iati_identifier": "XM-DAC-5-2",
        "description": (
            "Banco de desarrollo del Gobierno alemán que financia, con créditos concesionales y "
            "donaciones, infraestructura pública y proyectos ambientales. Cuenca trabaja con él en "
            "iniciativas de sostenibilidad, y su director en Ecuador recomendó en el Buró de "
            "FLACMA 2025 que las ciudades intermedias refuercen sus equipos técnicos para acceder "
            "a crédito."
        ),
    },
    {
        "slug": "caf",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Banco de Desarrollo de América Latina y el Caribe",
        "acronym": "CAF",
        "country": "VE",
        "website": "https://www.caf.com",
        "iati_identifier": "XM-DAC-46008",
        "description": (
            "Banco multilateral de la región, del que Ecuador es accionista. Además de créditos, "
            "ofrece cooperación técnica no reembolsable a gobiernos nacionales y subnacionales en "
            "agua, movilidad y desarrollo urbano; por ejemplo, financió a Nabón los estudios de "
            "una planta de agua potable."
        ),
    },
    {
        "slug": "bid",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Banco Interamericano de Desarrollo",
        "acronym": "BID",
        "country": "US",
        "website": "https://www.iadb.org",
        "iati_identifier": "XI-IATI-IADB",
        "description": (
            "Una de las mayores fuentes de financiamiento para el desarrollo de América Latina y "
            "el Caribe, con sede en Washington. Concede préstamos, donaciones y asistencia técnica "
            "en agua, transporte, ciudades, clima y gestión fiscal. Lago Agrio lo cita como socio "
            "de sus proyectos de reforestación y de energía renovable."
        ),
    },
    {
        "slug": "banco-mundial",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Banco Mundial",
        "acronym": "",
        "country": "US",
        "website": "https://www.worldbank.org",
        "iati_identifier": "44000",
        "description": (
            "Grupo de instituciones financieras internacionales que presta y asesora a países en "
            "desarrollo. En Ecuador ha financiado protección social, agua, gestión de riesgos y "
            "transporte urbano, entre otros la primera línea del Metro de Quito. En Latacunga "
            "(2024) se lo citó entre los organismos que apoyan proyectos urbanos y rurales de los "
            "GAD."
        ),
    },
    {
        "slug": "afd",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Agencia Francesa de Desarrollo",
        "acronym": "AFD",
        "country": "FR",
        "website": "https://www.afd.fr",
        "iati_identifier": "FR-3",
        "description": (
            "Banco público de desarrollo de Francia. Financia con préstamos y donaciones proyectos "
            "de clima, agua, ciudades sostenibles y biodiversidad, y en América Latina trabaja con "
            "gobiernos nacionales y locales y con la banca pública de cada país."
        ),
    },
    {
        "slug": "bei",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Banco Europeo de Inversiones",
        "acronym": "BEI",
        "country": "LU",
        "website": "https://www.eib.org",
        "iati_identifier": "XM-DAC-918-3",
        "description": (
            "Banco de la Unión Europea, con sede en Luxemburgo, que también financia a largo plazo "
            "proyectos de clima, transporte y agua fuera de Europa. En Ecuador participó, junto "
            "con otros bancos multilaterales, en el financiamiento del Metro de Quito."
        ),
    },
    {
        "slug": "bde",
        "kind": K.DEVELOPMENT_BANK,
        "name": "Banco de Desarrollo del Ecuador",
        "acronym": "BDE",
        "country": "EC",
        "website": "https://www.bde.fin.ec",
        "iati_identifier": "",
        "description": (
            "Banca pública que presta a los GAD para agua potable, saneamiento, vialidad y "
            "equipamiento urbano. También canaliza hacia obras municipales recursos de bancos "
            "multilaterales y bilaterales, por lo que suele ser la contraparte local de la "
            "cooperación reembolsable."
        ),
    },
    # --- Multilateral organisations --------------------------------------------------------
    {
        "slug": "ocde",
        "kind": K.MULTILATERAL,
        "name": "Organización para la Cooperación y el Desarrollo Económicos",
        "acronym": "OCDE",
        "country": "FR",
        "website": "https://www.oecd.org",
        "iati_identifier": "",
        "description": (
            "Organización intergubernamental con sede en París que elabora datos, estudios y "
            "recomendaciones de política pública, también sobre desarrollo regional y ciudades. Su "
            "Centro de Desarrollo participó en el Buró de FLACMA 2025, donde pidió a las ciudades "
            "intermedias pasar de los acuerdos a la acción y decidir con datos fiables."
        ),
    },
    {
        "slug": "onu-habitat",
        "kind": K.MULTILATERAL,
        "name": "Programa de las Naciones Unidas para los Asentamientos Humanos",
        "acronym": "ONU-Hábitat",
        "country": "KE",
        "website": "https://unhabitat.org",
        "iati_identifier": "41120",
        "description": (
            "Programa de Naciones Unidas para las ciudades, con sede en Nairobi. Asesora a "
            "gobiernos locales en planificación urbana, legislación, gobernanza y vivienda, y "
            "promueve la Nueva Agenda Urbana adoptada en Quito en 2016 (Hábitat III). Estuvo en el "
            "Buró de FLACMA 2025 y fue citado en Latacunga (2024) como aliado de los GAD."
        ),
    },
    {
        "slug": "pnud",
        "kind": K.MULTILATERAL,
        "name": "Programa de las Naciones Unidas para el Desarrollo",
        "acronym": "PNUD",
        "country": "US",
        "website": "https://www.undp.org",
        "iati_identifier": "XM-DAC-41114",
        "description": (
            "Agencia de Naciones Unidas para el desarrollo humano, con oficina de país en Quito. "
            "Apoya a gobiernos nacionales y locales en la localización de los ODS, gobernanza, "
            "acción climática y recuperación económica. Su representante residente resaltó en el "
            "Buró de FLACMA 2025 el papel de las ciudades intermedias."
        ),
    },
    {
        "slug": "union-europea",
        "kind": K.MULTILATERAL,
        "name": "Delegación de la Unión Europea en Ecuador",
        "acronym": "UE",
        "country": "",
        "website": "https://www.eeas.europa.eu/delegations/ecuador_es",
        "iati_identifier": "XI-IATI-EC_INTPA",
        "description": (
            "Representa a la Unión Europea en el país y gestiona su cooperación bilateral y "
            "regional, hoy dentro de la estrategia Global Gateway. Abre convocatorias de "
            "subvenciones a las que pueden postular autoridades locales y sociedad civil, en "
            "transición verde, gobernanza y derechos. Sus programas se publican en IATI a nombre "
            "de la Dirección General de Asociaciones Internacionales de la Comisión Europea."
        ),
    },
    {
        "slug": "onu-mujeres",
        "kind": K.MULTILATERAL,
        "name": (
            "Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las "
            "Mujeres"
        ),
        "acronym": "ONU Mujeres",
        "country": "US",
        "website": "https://www.unwomen.org",
        "iati_identifier": "XM-DAC-41146",
        "description": (
            "Entidad de Naciones Unidas dedicada a la igualdad de género. Acompaña a gobiernos "
            "locales en presupuestos sensibles al género, prevención de la violencia, ciudades "
            "seguras y sistemas de cuidado, el tema que AME fue a estudiar en las Manzanas del "
            "Cuidado de Bogotá."
        ),
    },
    {
        "slug": "unicef",
        "kind": K.MULTILATERAL,
        "name": "Fondo de las Naciones Unidas para la Infancia",
        "acronym": "UNICEF",
        "country": "US",
        "website": "https://www.unicef.org",
        "iati_identifier": "XM-DAC-41122",
        "description": (
            "Agencia de Naciones Unidas para la niñez. En Ecuador trabaja con gobiernos locales en "
            "protección de niñas, niños y adolescentes, nutrición, agua y saneamiento en escuelas "
            "y atención a la niñez en situación de movilidad humana."
        ),
    },
    {
        "slug": "fao",
        "kind": K.MULTILATERAL,
        "name": "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
        "acronym": "FAO",
        "country": "IT",
        "website": "https://www.fao.org",
        "iati_identifier": "XM-DAC-41301",
        "description": (
            "Organismo de Naciones Unidas para la alimentación y la agricultura, con sede en Roma. "
            "Acompaña a gobiernos locales en sistemas alimentarios, agricultura familiar, manejo "
            "de bosques y agua y adaptación de las zonas rurales al cambio climático."
        ),
    },
    {
        "slug": "oim",
        "kind": K.MULTILATERAL,
        "name": "Organización Internacional para las Migraciones",
        "acronym": "OIM",
        "country": "CH",
        "website": "https://www.iom.int",
        "iati_identifier": "XM-DAC-47066",
        "description": (
            "Organismo de Naciones Unidas para la migración, con sede en Ginebra. En Ecuador apoya "
            "a municipios de frontera y de acogida en la integración de la población migrante, los "
            "datos sobre movilidad humana y la prevención de la trata de personas."
        ),
    },
    {
        "slug": "acnur",
        "kind": K.MULTILATERAL,
        "name": "Alto Comisionado de las Naciones Unidas para los Refugiados",
        "acronym": "ACNUR",
        "country": "CH",
        "website": "https://www.acnur.org",
        "iati_identifier": "XM-DAC-41121",
        "description": (
            "Agencia de Naciones Unidas para las personas refugiadas, con sede en Ginebra. Ecuador "
            "es uno de los países de la región que más refugiados acoge, y ACNUR trabaja con "
            "gobiernos locales en su protección e integración, entre otras vías con la iniciativa "
            "Ciudades Solidarias."
        ),
    },
    {
        "slug": "unv",
        "kind": K.MULTILATERAL,
        "name": "Programa de Voluntarios de las Naciones Unidas",
        "acronym": "VNU",
        "country": "DE",
        "website": "https://www.unv.org",
        "iati_identifier": "",
        "description": (
            "Programa de Naciones Unidas, con sede en Bonn, que moviliza voluntariado nacional e "
            "internacional para las agencias de la ONU y promueve que el voluntariado se reconozca "
            "en las políticas públicas. Es un aliado para los GAD que quieren regular el "
            "voluntariado con ordenanzas propias."
        ),
    },
    # --- International NGOs and foundations ------------------------------------------------
    {
        "slug": "catalyste-plus",
        "kind": K.INTERNATIONAL_NGO,
        "name": "Catalyste+",
        "acronym": "",
        "country": "CA",
        "website": "https://catalysteplus.org",
        "iati_identifier": "",
        "description": (
            "Organización canadiense sin fines de lucro, antes llamada CESO-SACO, que envía "
            "voluntarios expertos a asesorar empresas, organizaciones y gobiernos locales. Su "
            "representante en Ecuador explicó en Latacunga (2024) cómo estos voluntarios "
            "transfieren conocimientos a los equipos municipales."
        ),
    },
    {
        "slug": "france-volontaires",
        "kind": K.INTERNATIONAL_NGO,
        "name": "France Volontaires",
        "acronym": "",
        "country": "FR",
        "website": "https://www.france-volontaires.org",
        "iati_identifier": "",
        "description": (
            "Plataforma francesa del voluntariado internacional de intercambio y solidaridad, con "
            "representación en Ecuador. Acompaña a voluntarios que se suman a instituciones "
            "locales en cultura y participación ciudadana, y en Latacunga (2024) animó a los GAD a "
            "dictar ordenanzas de voluntariado."
        ),
    },
    {
        "slug": "grupo-faro",
        "kind": K.FOUNDATION,
        "name": "Grupo FARO",
        "acronym": "",
        "country": "EC",
        "website": "https://grupofaro.org",
        "iati_identifier": "",
        "description": (
            "Centro de pensamiento ecuatoriano (Fundación para el Avance de las Reformas y las "
            "Oportunidades), independiente y sin fines de lucro, que investiga e incide en "
            "políticas de gobernanza, ambiente, educación y desarrollo territorial. Su directora "
            "ejecutiva explicó en Latacunga (2024) cómo las redes de cooperación abren fondos y "
            "asistencia técnica a los GAD."
        ),
    },
    {
        "slug": "fundacion-voluntariados",
        "kind": K.FOUNDATION,
        "name": "Fundación Voluntariados",
        "acronym": "",
        "country": "EC",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Fundación que promueve el voluntariado como herramienta de participación y de "
            "desarrollo. Su presidente ejecutivo moderó en Latacunga (2024) el diálogo sobre "
            "voluntariado para fortalecer a los GAD, con énfasis en la formación de capacidades "
            "locales."
        ),
    },
    {
        "slug": "fundageo",
        "kind": K.FOUNDATION,
        "name": "FundaGeo",
        "acronym": "",
        "country": "SV",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Fundación de la empresa geotérmica LaGeo que trabaja con los vecinos de sus campos de "
            "generación en El Salvador. Financia y acompaña proyectos sociales, educativos y "
            "ambientales en esas comunidades."
        ),
    },
    {
        "slug": "kas",
        "kind": K.FOUNDATION,
        "name": "Fundación Konrad Adenauer",
        "acronym": "KAS",
        "country": "DE",
        "website": "https://www.kas.de",
        "iati_identifier": "",
        "description": (
            "Fundación política alemana con oficina en Quito. Ofrece formación, publicaciones y "
            "espacios de diálogo sobre democracia, descentralización y gestión municipal, a menudo "
            "junto con asociaciones de gobiernos locales."
        ),
    },
    # --- Foreign local governments ---------------------------------------------------------
    {
        "slug": "alcaldia-mayor-bogota",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Alcaldía Mayor de Bogotá, D.C.",
        "acronym": "",
        "country": "CO",
        "website": "https://bogota.gov.co",
        "iati_identifier": "",
        "description": (
            "Gobierno del Distrito Capital de Colombia. Su Sistema Distrital de Cuidado reúne en "
            "las Manzanas del Cuidado servicios de formación, salud, respiro e inclusión económica "
            "para quienes cuidan sin remuneración. La delegación de AME visitó en 2025 las "
            "manzanas de San Cristóbal y del centro como referencia para los GAD."
        ),
    },
    {
        "slug": "alcaldia-san-salvador",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Alcaldía de San Salvador",
        "acronym": "",
        "country": "SV",
        "website": "https://www.sansalvador.gob.sv",
        "iati_identifier": "",
        "description": (
            "Gobierno municipal de la capital salvadoreña; desde mayo de 2024, con la reforma que "
            "redujo los municipios del país a 44, gobierna el municipio de San Salvador Centro. En "
            "la visita de AME de 2024 mostró la revitalización del Centro Histórico (cableado "
            "subterráneo, plazas, iluminación, mercado Hula Hula), los Centros Urbanos de "
            "Bienestar y Oportunidades (CUBO) y el sistema de videovigilancia Sivar Seguro."
        ),
    },
    {
        "slug": "opamss",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Oficina de Planificación del Área Metropolitana de San Salvador",
        "acronym": "OPAMSS",
        "country": "SV",
        "website": "https://opamss.org.sv",
        "iati_identifier": "",
        "description": (
            "Organismo técnico autónomo al servicio del consejo de alcaldes metropolitano "
            "(COAMSS), que planifica y controla el desarrollo urbano del área metropolitana de San "
            "Salvador. Trabaja en control urbano, planificación e investigación y desarrollo "
            "socioeconómico, con trámites en línea. AME puede gestionar su asistencia técnica para "
            "los GAD tras la visita de 2024."
        ),
    },
    {
        "slug": "alcaldia-ahuachapan-centro",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Alcaldía Municipal de Ahuachapán Centro",
        "acronym": "",
        "country": "SV",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Municipio del occidente salvadoreño surgido de la reorganización municipal de 2024. "
            "Su alcalde contó a AME cómo reforzó el Cuerpo de Agentes Municipales para la "
            "seguridad ciudadana y analizó la reforma que pasó de 262 a 44 municipios; ambas "
            "partes vieron posible un hermanamiento con municipios ecuatorianos."
        ),
    },
    {
        "slug": "alcaldia-usulutan-norte",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Alcaldía Municipal de Usulután Norte",
        "acronym": "",
        "country": "SV",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Municipio del oriente salvadoreño creado con la reorganización municipal de 2024. Su "
            "alcaldesa recibió a la delegación de AME y se mostró abierta a intercambiar buenas "
            "prácticas y firmar hermanamientos, sobre todo en turismo sostenible, cultura y "
            "saberes ancestrales."
        ),
    },
    {
        "slug": "municipio-chefchaouen",
        "kind": K.FOREIGN_LOCAL_GOVERNMENT,
        "name": "Municipio de Chefchaouen",
        "acronym": "",
        "country": "MA",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Ciudad intermedia del norte de Marruecos, famosa por su medina de fachadas azules. Su "
            "alcalde preside el Foro de Ciudades Intermedias de CGLU y en el Buró de FLACMA 2025 "
            "abogó por alianzas entre ciudades intermedias que partan de sus realidades locales."
        ),
    },
    # --- City networks ---------------------------------------------------------------------
    {
        "slug": "flacma",
        "kind": K.CITY_NETWORK,
        "name": "Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas",
        "acronym": "FLACMA",
        "country": "",
        "website": "https://www.flacma.lat",
        "iati_identifier": "",
        "description": (
            "Federación de ciudades, gobiernos locales y asociaciones municipalistas de América "
            "Latina y el Caribe, fundada en Quito en 1981 y sección regional de CGLU. AME es "
            "miembro activo: en el Buró de 2025 participó en un panel sobre cooperación "
            "descentralizada para ciudades intermedias y se reunió con las asociaciones de México, "
            "Uruguay y Brasil."
        ),
    },
    {
        "slug": "cglu",
        "kind": K.CITY_NETWORK,
        "name": "Ciudades y Gobiernos Locales Unidos",
        "acronym": "CGLU",
        "country": "ES",
        "website": "https://www.uclg.org",
        "iati_identifier": "",
        "description": (
            "Organización mundial de ciudades, gobiernos locales y regionales y sus asociaciones, "
            "con secretaría en Barcelona y secciones regionales como FLACMA. Lleva la voz local a "
            "Naciones Unidas y tiene un Foro de Ciudades Intermedias; en el Buró de FLACMA 2025 "
            "presentó su visión 2024-2030."
        ),
    },
    {
        "slug": "mercociudades",
        "kind": K.CITY_NETWORK,
        "name": "Mercociudades",
        "acronym": "",
        "country": "UY",
        "website": "https://mercociudades.org",
        "iati_identifier": "",
        "description": (
            "Red de ciudades sudamericanas creada en 1995 para impulsar la integración regional "
            "desde lo local, con Secretaría Técnica Permanente en Montevideo. Ofrece unidades "
            "temáticas, proyectos conjuntos y convocatorias entre sus miembros, entre ellos Nabón; "
            "la asamblea de Latacunga (2024) recomendó a los GAD sumarse."
        ),
    },
    {
        "slug": "iclei",
        "kind": K.CITY_NETWORK,
        "name": "ICLEI – Gobiernos Locales por la Sustentabilidad",
        "acronym": "",
        "country": "DE",
        "website": "https://iclei.org",
        "iati_identifier": "",
        "description": (
            "Red mundial de gobiernos locales y regionales por el desarrollo urbano sostenible, "
            "con secretaría en Bonn y oficinas regionales. Ofrece metodologías, proyectos y acceso "
            "a financiamiento en clima, biodiversidad, economía circular y resiliencia; su oficina "
            "en Colombia participó en Latacunga (2024)."
        ),
    },
    {
        "slug": "wego",
        "kind": K.CITY_NETWORK,
        "name": "Organización Mundial de Ciudades Inteligentes y Sostenibles",
        "acronym": "WeGO",
        "country": "KR",
        "website": "https://we-gov.org",
        "iati_identifier": "",
        "description": (
            "Asociación internacional de ciudades que impulsa el gobierno digital y las ciudades "
            "inteligentes, con secretaría en Seúl. Facilita intercambio de tecnología, "
            "capacitación y proyectos piloto; Cuenca expuso en Latacunga (2024) lo que le ha "
            "aportado ser miembro."
        ),
    },
    {
        "slug": "cideu",
        "kind": K.CITY_NETWORK,
        "name": "Centro Iberoamericano de Desarrollo Estratégico Urbano",
        "acronym": "CIDEU",
        "country": "ES",
        "website": "https://www.cideu.org",
        "iati_identifier": "",
        "description": (
            "Red de ciudades iberoamericanas dedicada a la planificación estratégica urbana, con "
            "secretaría en Barcelona. Ofrece formación en línea para técnicos municipales e "
            "intercambio de proyectos estratégicos entre sus ciudades miembro."
        ),
    },
    # --- Local government associations -----------------------------------------------------
    {
        "slug": "fcm",
        "kind": K.LOCAL_GOVERNMENT_ASSOCIATION,
        "name": "Federación Colombiana de Municipios",
        "acronym": "FCM",
        "country": "CO",
        "website": "https://www.fcm.org.co",
        "iati_identifier": "",
        "description": (
            "Gremio que representa a los municipios de Colombia ante el Estado y en foros "
            "internacionales. En marzo de 2025 firmó con AME un memorando de entendimiento para "
            "intercambiar asistencia técnica y buenas prácticas de gestión local e impulsar "
            "hermanamientos entre ciudades de los dos países."
        ),
    },
    {
        "slug": "conamm",
        "kind": K.LOCAL_GOVERNMENT_ASSOCIATION,
        "name": "Conferencia Nacional de Municipios de México",
        "acronym": "CONAMM",
        "country": "MX",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Instancia que agrupa a las principales asociaciones de alcaldes de México y habla por "
            "el conjunto de sus municipios. En el Buró de FLACMA 2025 su presidenta y AME hablaron "
            "de intercambios en desarrollo económico y cultura y de posibles hermanamientos."
        ),
    },
    {
        "slug": "plenario-municipios-uruguay",
        "kind": K.LOCAL_GOVERNMENT_ASSOCIATION,
        "name": "Plenario de Municipios del Uruguay",
        "acronym": "",
        "country": "UY",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Espacio que representa a los municipios uruguayos, el tercer nivel de gobierno creado "
            "en 2010, conducido por una mesa ejecutiva de alcaldes de distintos partidos. Su "
            "presidenta se reunió con AME en el Buró de FLACMA 2025 para explorar intercambios y "
            "cooperación bilateral."
        ),
    },
    {
        "slug": "abm-brasil",
        "kind": K.LOCAL_GOVERNMENT_ASSOCIATION,
        "name": "Asociación Brasileña de Municipios",
        "acronym": "ABM",
        "country": "BR",
        "website": "https://abm.org.br",
        "iati_identifier": "",
        "description": (
            "La Associação Brasileira de Municípios, con sede en Brasilia, es la entidad "
            "municipalista más antigua de Brasil (1946). En el Buró de FLACMA 2025 acordó con AME "
            "explorar alianzas en innovación, desarrollo económico y patrimonio cultural."
        ),
    },
    {
        "slug": "coamss",
        "kind": K.LOCAL_GOVERNMENT_ASSOCIATION,
        "name": "Consejo de Alcaldes del Área Metropolitana de San Salvador",
        "acronym": "COAMSS",
        "country": "SV",
        "website": "",
        "iati_identifier": "",
        "description": (
            "Consejo que reúne a los alcaldes del área metropolitana de San Salvador para "
            "coordinar la gestión del territorio que comparten. En 1988 creó la OPAMSS, que "
            "funciona como su brazo técnico."
        ),
    },
    # --- Academia and private sector -------------------------------------------------------
    {
        "slug": "flacso-ecuador",
        "kind": K.ACADEMIA,
        "name": "Facultad Latinoamericana de Ciencias Sociales, sede Ecuador",
        "acronym": "FLACSO",
        "country": "EC",
        "website": "https://www.flacso.edu.ec",
        "iati_identifier": "",
        "description": (
            "Sede ecuatoriana de un organismo académico internacional de posgrado. Ofrece "
            "maestrías, cursos e investigación en desarrollo local, estudios urbanos, relaciones "
            "internacionales y políticas públicas, útiles para profesionalizar a los equipos "
            "municipales de cooperación."
        ),
    },
    {
        "slug": "corpei",
        "kind": K.PRIVATE_SECTOR,
        "name": "Corporación de Promoción de Exportaciones e Inversiones",
        "acronym": "CORPEI",
        "country": "EC",
        "website": "https://corpei.org",
        "iati_identifier": "",
        "description": (
            "Corporación privada sin fines de lucro, con sede en Guayaquil, que promueve las "
            "exportaciones y la inversión en el Ecuador con estudios de mercado, ruedas de "
            "negocios y acompañamiento. En Latacunga (2024) mostró casos de municipios que "
            "captaron inversión extranjera directa."
        ),
    },
]


@transaction.atomic
def load(*, actor, stdout=None) -> dict[str, int]:
    """Create or update every demo cooperante; idempotent and audited only on real changes."""
    created = 0
    for entry in ORGANIZATIONS:
        fields = dict(entry)
        slug = fields.pop("slug")
        _org, was_created = upsert_organization(actor=actor, slug=slug, **fields)
        created += was_created
    if stdout is not None:
        stdout.write(
            _("Cooperantes de demostración: %(total)d (%(created)d nuevos).")
            % {"total": len(ORGANIZATIONS), "created": created}
        )
    return {"cooperantes_demo": len(ORGANIZATIONS)}
