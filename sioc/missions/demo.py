"""Demo missions: the four events of AME's documents, entered as structured data in our own words.

- Agenda paradiplomática de seguridad ciudadana a El Salvador (9–14 September 2024)
- Agenda paradiplomática y de cooperación Bogotá 2025 (11–15 March 2025)
- Buró de FLACMA 2025 (international event)
- III Asamblea General de Autoridades de Relaciones Internacionales, Latacunga (25–26 Nov 2024)

Facts (organisations, people and their roles, places, programmes) come from the documents; every
sentence is ours. The documents do not date each meeting of an agenda: meetings are spread over
the days of the agenda in the documents' order. The FLACMA document gives neither its dates nor
its venue: the demo dates it in February 2025 and leaves the place blank (to be confirmed by AME).
No photos: the documents' pictures are not available, and the demo shows no made-up ones.

Opportunities point to the catalogue offers that these agendas opened (sioc/offers/demo.py, loaded
before this module); an offer that is missing is created from that module's entry, published,
through ``sioc.offers.services.create_offer``.

``load`` is idempotent: missions are keyed by slug, meetings and panels by their order,
recommendations by order within their meeting, speakers by name within their panel; what exists is updated only where the demo text
differs (through the missions services, which audit real changes only), what is missing is
added, and nothing users added is removed. A mission's status is set only when it is created.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import record
from sioc.missions import services
from sioc.missions.choices import (
    FollowUpStatus,
    MissionKind,
    MissionStatus,
    OpportunityKind,
    ParticipantRole,
)
from sioc.missions.models import Mission, Opportunity
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization

D = datetime.date
AME_CONTACT = (
    "Dirección Nacional de Cooperación Internacional de AME\n"
    "direccion.cooperacion@ame.gob.ec\n"
    "Quito, Ecuador"
)
AUTHORITY, STAFF, AME_TEAM, OTHER = (
    ParticipantRole.GAD_AUTHORITY,
    ParticipantRole.GAD_STAFF,
    ParticipantRole.AME_STAFF,
    ParticipantRole.OTHER,
)
TA, TWIN, TRADE, TRAIN, EXCH = (
    OpportunityKind.TECHNICAL_ASSISTANCE,
    OpportunityKind.TWINNING,
    OpportunityKind.TRADE,
    OpportunityKind.TRAINING,
    OpportunityKind.EXCHANGE,
)
DNCI = "Dirección Nacional de Cooperación Internacional (AME)"

# Keys of a mission: slug, kind, name, country, cities, dates (start, end), hosts (organisation
# slugs), objective, letter (paragraphs separated by a blank line), keywords, credits, contact,
# participants: (canton INEC code or organisation slug, person, position, role),
# meetings: title, date, place, subject, development, conclusions, counterparts
#   (organisation slug or None, name when not in SIOC, person, position), recommendations
#   (text, [(follow-up, responsible, due date, status)]), opportunities (offer code, kind, what a
#   GAD can do), panels: title, objective, moderator, conclusions, speakers (name, organisation,
#   contribution).

EL_SALVADOR = {
    "slug": "agenda-el-salvador-2024",
    "kind": MissionKind.PARADIPLOMATIC_AGENDA,
    "name": "Agenda paradiplomática de cooperación en seguridad ciudadana – El Salvador 2024",
    "country": "SV",
    "cities": "San Salvador, Ahuachapán, Usulután",
    "dates": (D(2024, 9, 9), D(2024, 9, 14)),
    "hosts": ["embajada-ecuador-el-salvador", "alcaldia-san-salvador", "opamss"],
    "objective": (
        "Conocer de primera mano cómo los gobiernos locales salvadoreños recuperaron el espacio "
        "público y redujeron la violencia, y abrir canales de cooperación técnica, comercio y "
        "hermanamiento para los 221 GAD municipales del Ecuador."
    ),
    "letter": (
        "Entre el 9 y el 14 de septiembre de 2024, una delegación de alcaldes, alcaldesas y del "
        "Comité Ejecutivo de AME recorrió El Salvador con una agenda centrada en la seguridad "
        "ciudadana. Fue la primera agenda paradiplomática de los municipios ecuatorianos en ese "
        "país, preparada junto con nuestra Embajada en San Salvador.\n\n"
        "Visitamos instituciones que combinan planificación urbana, recuperación del tejido "
        "social, tecnología y desarrollo económico local: la OPAMSS, la Biblioteca Nacional, el "
        "centro histórico de San Salvador, los centros CUBO, el sistema Sivar Seguro, la central "
        "geotérmica de Ahuachapán y dos alcaldías del nuevo mapa municipal salvadoreño.\n\n"
        "Este informe reúne lo que aprendimos y, sobre todo, las oportunidades concretas que se "
        "abrieron para sus municipios. Cada una está publicada en SIOC: invitamos a cada GAD a "
        "revisarlas y a expresar su interés en las que respondan a sus prioridades.\n\n"
        "Patricio Maldonado Jiménez\nPresidente de AME"
    ),
    "keywords": (
        "seguridad ciudadana, prevención de la violencia, espacio público, planificación "
        "metropolitana, centro histórico, bibliotecas inclusivas, videovigilancia, geotermia, "
        "hermanamiento, cooperación Sur-Sur, exportación"
    ),
    "credits": (
        "Patricio Maldonado — Presidente de AME\n"
        "Luis Enrique Ortiz — Director Nacional de Cooperación Internacional\n"
        "Dirección Nacional de Cooperación Internacional — Sistematización"
    ),
    "participants": [
        ("0104", "Patricio Maldonado", "Alcalde de Nabón y presidente de AME", AUTHORITY),
        ("2203", "Lizeth Hinojosa", "Alcaldesa", AUTHORITY),
        ("1803", "Carlos Soria", "Alcalde", AUTHORITY),
        ("ame", "Hitler Álvarez", "Integrante de la delegación", OTHER),
        ("ame", "Yuri Colorado", "Integrante de la delegación", OTHER),
        ("ame", "José Luis Arteaga", "Integrante de la delegación", OTHER),
        ("ame", "Arnaldo Cuacés", "Integrante de la delegación", OTHER),
    ],
    "meetings": [
        {
            "title": "Oficina de Planificación del Área Metropolitana de San Salvador (OPAMSS)",
            "date": D(2024, 9, 9),
            "place": "Sede de la OPAMSS, San Salvador",
            "subject": (
                "Reunión con la Dirección de Asuntos Corporativos e Inversiones de la OPAMSS "
                "sobre planificación y gestión metropolitana."
            ),
            "development": [
                "La OPAMSS nació en 1988 por decisión del Consejo de Alcaldes del Área "
                "Metropolitana de San Salvador (COAMSS) y se formalizó en 1990; es un ente "
                "técnico, descentralizado y autónomo.",
                "Actúa como secretaría técnica del COAMSS: estudia los problemas urbanos, "
                "planifica y gestiona el territorio de 14 municipios y promueve el desarrollo "
                "económico con una mirada metropolitana.",
                "Trabaja en tres ejes: control del desarrollo urbano (permisos de parcelación y "
                "construcción), planificación e investigación (instrumentos y normas técnicas) y "
                "desarrollo social y económico.",
                "Su apuesta es un territorio resiliente con espacio público sostenible, y ha "
                "llevado a ventanillas virtuales buena parte de los trámites urbanos.",
            ],
            "conclusions": [
                "El modelo de gobernanza colaborativa entre municipios vecinos es aplicable a "
                "las ciudades ecuatorianas que comparten un área metropolitana o una "
                "mancomunidad.",
                "La planificación basada en datos y la digitalización de trámites urbanos son "
                "las capacidades de la OPAMSS más útiles para los GADM.",
            ],
            "counterparts": [
                ("opamss", "", "", "Subdirección de Asuntos Corporativos e Inversiones"),
            ],
            "recommendations": [
                (
                    "Solicitar asistencia técnica de la OPAMSS para ordenar el territorio y "
                    "modernizar el control urbano, a través de SIOC.",
                    [],
                ),
            ],
            "opportunities": [
                (
                    "OPAMSS-AT-PLANIFICACION",
                    TA,
                    "Pedir acompañamiento técnico en planificación, normas urbanas y control "
                    "del desarrollo urbano.",
                ),
                (
                    "OPAMSS-VENTANILLA-VIRTUAL",
                    EXCH,
                    "Conocer cómo se pasan a ventanilla virtual los permisos de construcción y "
                    "parcelación.",
                ),
            ],
        },
        {
            "title": "Embajada del Ecuador en El Salvador",
            "date": D(2024, 9, 10),
            "place": "San Salvador",
            "subject": (
                "Reunión con la embajadora del Ecuador, Laura Donoso, sobre las oportunidades "
                "de cooperación y comercio para los municipios."
            ),
            "development": [
                "La Embajada ayudó a construir la agenda y la calificó como la primera de su "
                "tipo entre ambos países, con oportunidades de alto impacto.",
                "La embajadora explicó que la mejora de la seguridad en San Salvador se apoyó en "
                "tres pilares: reconstruir el tejido social, planificar el espacio público e "
                "impulsar la economía local.",
                "Propuso llevar las necesidades de los municipios a la Comisión Mixta de "
                "Cooperación Técnica y Científica Ecuador–El Salvador, donde las dos "
                "cancillerías priorizan proyectos de cooperación Sur-Sur.",
                "Los alcaldes preguntaron por la exportación de productos de sus cantones; El "
                "Salvador importa buena parte de lo que consume y la Oficina Comercial del "
                "Ecuador en Guatemala atiende también ese mercado.",
            ],
            "conclusions": [
                "La Comisión Mixta es la vía para financiar con cooperación Sur-Sur proyectos "
                "municipales de control urbano, planificación y desarrollo económico local.",
                "AME puede acompañar, con la Embajada y la Oficina Comercial, la búsqueda de "
                "compradores, los contactos y los requisitos de ingreso al mercado salvadoreño.",
            ],
            "counterparts": [
                ("embajada-ecuador-el-salvador", "", "Laura Donoso", "Embajadora"),
                ("oficina-comercial-ecuador-guatemala", "", "", ""),
            ],
            "recommendations": [
                (
                    "Presentar perfiles de proyecto municipales para la próxima Comisión Mixta "
                    "Ecuador–El Salvador.",
                    [
                        (
                            "Reunir los perfiles de proyecto de los GAD interesados y "
                            "enviarlos a Cancillería para la Comisión Mixta.",
                            DNCI,
                            D(2027, 1, 15),
                            FollowUpStatus.IN_PROGRESS,
                        ),
                    ],
                ),
                (
                    "Identificar los productos de cada cantón con potencial de venta en El "
                    "Salvador y consultar a la Oficina Comercial en Guatemala.",
                    [],
                ),
            ],
            "opportunities": [
                (
                    "COMIXTA-EC-SV-2027",
                    TA,
                    "Postular un proyecto del GAD para que se negocie en la Comisión Mixta "
                    "Ecuador–El Salvador.",
                ),
                (
                    "OCE-GUATEMALA-EXPORTACION",
                    TRADE,
                    "Pedir orientación para vender en El Salvador y Guatemala productos del "
                    "cantón.",
                ),
            ],
        },
        {
            "title": "Biblioteca Nacional de El Salvador (BINAES)",
            "date": D(2024, 9, 10),
            "place": "Centro Histórico de San Salvador",
            "subject": "Recorrido guiado por la nueva Biblioteca Nacional de El Salvador.",
            "development": [
                "La BINAES se inauguró en noviembre de 2023 en el centro histórico, en un "
                "edificio donado por la República Popular China, y es de acceso libre para toda "
                "la población.",
                "Cada uno de sus siete niveles sirve a un público: primera infancia (con sala de "
                "lactancia), niñez, juventud, colección general, tecnología y arte urbano.",
                "Incluye un auditorio accesible para 350 personas, sala braille y sensorial, "
                "salas de realidad virtual, coworking y una colección digital de millones de "
                "textos.",
                "Su lema pedagógico es «primero la lectura, después el juego».",
            ],
            "conclusions": [
                "Las bibliotecas municipales pueden replicar tres rasgos: accesibilidad "
                "universal, espacios multifuncionales y recursos digitales que atraen a los "
                "jóvenes.",
            ],
            "counterparts": [("binaes", "", "", "")],
            "recommendations": [
                (
                    "Incluir rampas, señalética y materiales en braille en la renovación de las "
                    "bibliotecas municipales.",
                    [],
                ),
            ],
            "opportunities": [
                (
                    "BINAES-BIBLIOTECAS",
                    TA,
                    "Solicitar asesoría para rediseñar la biblioteca municipal con espacios "
                    "inclusivos y digitales.",
                ),
            ],
        },
        {
            "title": "Alcaldía de San Salvador: revitalización del centro histórico",
            "date": D(2024, 9, 11),
            "place": "Alcaldía de San Salvador",
            "subject": (
                "Saludo oficial del alcalde Mario Durán y presentación del programa de "
                "revitalización del centro histórico."
            ),
            "development": [
                "El alcalde presentó la recuperación del centro histórico como una política de "
                "seguridad, turismo y economía local a la vez.",
                "Las obras incluyen cableado eléctrico subterráneo, rehabilitación de plazas y "
                "calles, iluminación peatonal, mobiliario urbano y el nuevo mercado Hula Hula "
                "para reubicar a los comerciantes.",
                "El programa busca proteger el patrimonio público y privado y convertir el "
                "centro en un polo turístico que atraiga inversión.",
                "La participación de los vecinos en las decisiones fue clave para el sentido de "
                "pertenencia.",
            ],
            "conclusions": [
                "Un espacio público iluminado, ordenado y con vida reduce el delito: la "
                "revitalización de centros históricos es también una política de seguridad.",
            ],
            "counterparts": [("alcaldia-san-salvador", "", "Mario Durán", "Alcalde")],
            "recommendations": [],
            "opportunities": [
                (
                    "SANSALVADOR-CENTRO-HISTORICO",
                    EXCH,
                    "Intercambiar experiencias sobre recuperación de centros históricos y "
                    "reubicación ordenada del comercio.",
                ),
            ],
        },
        {
            "title": "Centros CUBO y sistema de videovigilancia Sivar Seguro",
            "date": D(2024, 9, 11),
            "place": "San Salvador",
            "subject": (
                "Visita a un Centro Urbano de Bienestar y Oportunidades (CUBO) y a la sala de "
                "monitoreo de Sivar Seguro."
            ),
            "development": [
                "Los CUBO son espacios comunitarios de lectura, arte, cultura, deporte y "
                "tecnología; funcionan 11 y los gestiona la Dirección de Reconstrucción del "
                "Tejido Social de la alcaldía.",
                "Su fin es prevenir la violencia ofreciendo a niños y jóvenes espacios de "
                "calidad en sus propios barrios.",
                "Sivar Seguro integra cámaras, altoparlantes, monitoreo y respuesta a "
                "incidentes, con componentes de prevención y educación ciudadana.",
            ],
            "conclusions": [
                "Los CUBO muestran que rehabilitar espacios públicos previene la violencia y "
                "cierra brechas digitales cuando varias instituciones trabajan juntas.",
                "Sivar Seguro es una experiencia útil para los GADM que integran cámaras y "
                "centros de monitoreo con sus agentes de control.",
            ],
            "counterparts": [
                ("alcaldia-san-salvador", "", "", "Dirección de Reconstrucción del Tejido Social"),
                (None, "Sistema Sivar Seguro", "", "Director del sistema"),
            ],
            "recommendations": [],
            "opportunities": [
                (
                    "SANSALVADOR-CUBO-SEGURIDAD",
                    EXCH,
                    "Conocer el modelo CUBO y la gestión de Sivar Seguro para diseñar "
                    "programas locales de prevención.",
                ),
            ],
        },
        {
            "title": "Central geotérmica de Ahuachapán (LaGeo)",
            "date": D(2024, 9, 12),
            "place": "Cantón Santa Rosa Acacalco, Ahuachapán",
            "subject": "Visita a la central geotérmica de Ahuachapán, operada por LaGeo.",
            "development": [
                "El Salvador es el mayor productor de electricidad geotérmica de Centroamérica: "
                "unos 204 MW instalados, cerca de una quinta parte de su generación.",
                "El país sostuvo esta apuesta pese a la guerra civil y a terremotos, y la "
                "considera prioridad nacional para atraer inversión.",
                "LaGeo creó en 2006 la fundación FundaGeo para el desarrollo de las "
                "comunidades vecinas a sus operaciones.",
            ],
            "conclusions": [
                "Hay cantones ecuatorianos con potencial geotérmico, por ejemplo en Carchi, "
                "donde empresas mixtas podrían aprovecharlo.",
            ],
            "counterparts": [("lageo", "", "", "")],
            "recommendations": [],
            "opportunities": [
                (
                    "LAGEO-GEOTERMIA",
                    TA,
                    "Pedir asistencia técnica para evaluar el potencial geotérmico del cantón y "
                    "los modelos de empresa mixta.",
                ),
            ],
        },
        {
            "title": "Alcaldías de Ahuachapán Centro y Usulután Norte",
            "date": D(2024, 9, 13),
            "place": "Ahuachapán y Usulután",
            "subject": (
                "Reuniones con el alcalde de Ahuachapán Centro, Luis Carlos Milla García, y con "
                "la alcaldesa de Usulután Norte, Luz María Cruz Torres."
            ),
            "development": [
                "Ahuachapán Centro compartió cómo fortaleció su Cuerpo de Agentes Municipales "
                "(CAM) para mejorar la seguridad.",
                "El alcalde analizó la reestructuración municipal que redujo el país de 262 a 44 "
                "municipios y suprimió la corporación de municipalidades.",
                "La alcaldesa de Usulután Norte destacó el valor de la amistad entre ciudades y "
                "del intercambio de buenas prácticas de gestión.",
                "La delegación ecuatoriana presentó cómo los GAD prestan agua potable, "
                "alcantarillado, gestión de residuos y planificación urbana.",
            ],
            "conclusions": [
                "Existe interés mutuo en hermanar ciudades para intercambiar experiencias en "
                "saberes ancestrales, interculturalidad y turismo sostenible.",
            ],
            "counterparts": [
                ("alcaldia-ahuachapan-centro", "", "Luis Carlos Milla García", "Alcalde"),
                ("alcaldia-usulutan-norte", "", "Luz María Cruz Torres", "Alcaldesa"),
            ],
            "recommendations": [
                (
                    "Los GAD interesados en un hermanamiento deben indicar en SIOC sus temas "
                    "prioritarios para el intercambio.",
                    [
                        (
                            "Preparar un modelo de convenio de hermanamiento con las alcaldías "
                            "salvadoreñas.",
                            DNCI,
                            D(2026, 12, 31),
                            FollowUpStatus.PENDING,
                        ),
                    ],
                ),
            ],
            "opportunities": [
                (
                    "AHUACHAPAN-HERMANAMIENTO",
                    TWIN,
                    "Proponer un hermanamiento con Ahuachapán Centro en turismo sostenible y "
                    "cultura.",
                ),
            ],
        },
    ],
}

BOGOTA = {
    "slug": "agenda-bogota-2025",
    "kind": MissionKind.PARADIPLOMATIC_AGENDA,
    "name": "Agenda paradiplomática y de cooperación Bogotá 2025",
    "country": "CO",
    "cities": "Bogotá",
    "dates": (D(2025, 3, 11), D(2025, 3, 15)),
    "hosts": ["embajada-ecuador-colombia", "alcaldia-mayor-bogota", "fcm"],
    "objective": (
        "Aprender de las políticas de cuidado de Bogotá, abrir oportunidades de comercio y "
        "hermanamiento con Colombia y formalizar la alianza entre AME y la Federación "
        "Colombiana de Municipios."
    ),
    "letter": (
        "Del 11 al 15 de marzo de 2025 una delegación de AME viajó a Bogotá con una agenda "
        "dedicada al cuidado, la igualdad de género y la cooperación entre gobiernos locales de "
        "Ecuador y Colombia.\n\n"
        "Las Manzanas del Cuidado de la Alcaldía de Bogotá nos mostraron cómo una ciudad puede "
        "reconocer, redistribuir y reducir el trabajo de cuidado que no se paga y que recae "
        "sobre todo en las mujeres. En la Embajada y en la Oficina Comercial exploramos "
        "hermanamientos y mercados para los productos de nuestros cantones, y con la FCM "
        "firmamos un memorando de entendimiento.\n\n"
        "Las oportunidades que siguen están publicadas en SIOC para que cada GAD exprese su "
        "interés con un clic.\n\n"
        "Patricio Maldonado Jiménez\nPresidente de AME"
    ),
    "keywords": (
        "sistema de cuidado, igualdad de género, autonomía económica de las mujeres, "
        "hermanamiento, comercio exterior, inversión, memorando de entendimiento, cooperación "
        "descentralizada"
    ),
    "credits": (
        "Patricio Maldonado — Presidente de AME\n"
        "Luis Enrique Ortiz — Director Nacional de Cooperación Internacional\n"
        "Dirección Nacional de Cooperación Internacional — Sistematización"
    ),
    "participants": [
        ("0104", "Patricio Maldonado", "Alcalde de Nabón y presidente de AME", AUTHORITY),
        ("1905", "", "Alcaldesa", AUTHORITY),
        ("2302", "", "Alcaldesa", AUTHORITY),
    ],
    "meetings": [
        {
            "title": "Embajada del Ecuador en Colombia y Oficina Comercial en Bogotá",
            "date": D(2025, 3, 11),
            "place": "Bogotá",
            "subject": (
                "Reunión con el embajador Arturo Félix Wong y diálogo técnico con la Oficina "
                "Comercial del Ecuador en Colombia."
            ),
            "development": [
                "El embajador ofreció el apoyo de la Embajada a los GADM, en especial para "
                "promover hermanamientos entre ciudades ecuatorianas y colombianas.",
                "La Oficina Comercial explicó las normas y los trámites para exportar a "
                "Colombia y para atraer inversión a los cantones.",
                "Se identificaron productos locales con espacio en el mercado colombiano y "
                "sectores productivos atractivos para inversionistas.",
            ],
            "conclusions": [
                "La Embajada y la Oficina Comercial son aliados directos para que los "
                "municipios se internacionalicen con comercio y cooperación descentralizada.",
                "Los GADM necesitan más capacidades en comercio exterior, atracción de "
                "inversiones y relaciones internacionales.",
            ],
            "counterparts": [
                ("embajada-ecuador-colombia", "", "Arturo Félix Wong", "Embajador"),
                ("oficina-comercial-ecuador-bogota", "", "", ""),
            ],
            "recommendations": [
                (
                    "Incluir estrategias de internacionalización en los planes de desarrollo "
                    "local, con oferta exportable y proyectos para inversionistas.",
                    [],
                ),
                (
                    "Dar seguimiento a las acciones que nazcan de esta agenda y documentar las "
                    "buenas prácticas para replicarlas.",
                    [
                        (
                            "Registrar en SIOC el estado de cada hermanamiento y consulta "
                            "comercial iniciada en Colombia.",
                            DNCI,
                            D(2026, 6, 30),
                            FollowUpStatus.IN_PROGRESS,
                        ),
                    ],
                ),
            ],
            "opportunities": [
                (
                    "EMB-EC-CO-HERMANAMIENTOS",
                    TWIN,
                    "Pedir a la Embajada que identifique una ciudad colombiana afín para un "
                    "hermanamiento.",
                ),
                (
                    "OCE-BOGOTA-EXPORTACION",
                    TRADE,
                    "Solicitar asesoría para vender en Colombia los productos del cantón.",
                ),
                (
                    "CANCILLERIA-COMERCIO-2027",
                    TRAIN,
                    "Inscribir a técnicos del GAD en la formación en comercio exterior e "
                    "internacionalización.",
                ),
            ],
        },
        {
            "title": "Manzanas del Cuidado de Bogotá (San Cristóbal CEFE y Centro)",
            "date": D(2025, 3, 12),
            "place": "Manzanas del Cuidado de San Cristóbal CEFE y del Centro, Bogotá",
            "subject": (
                "Visitas técnicas a dos Manzanas del Cuidado del Sistema Distrital de Cuidado."
            ),
            "development": [
                "Las Manzanas concentran, a pocos minutos de casa, servicios para quienes "
                "cuidan sin pago: formación, descanso, salud, empleo y orientación jurídica.",
                "Bienestar y respiro: actividad física en franjas de dos horas, un centro de "
                "salud preventiva para mujeres y lavanderías comunitarias gratuitas que "
                "liberan tiempo.",
                "Formación: cursos certificados con horarios flexibles, educación básica y "
                "media para personas adultas y círculos de lectura con BibloRed.",
                "Inclusión económica: educación financiera, rutas de emprendimiento y de empleo "
                "con acompañamiento personalizado.",
                "Derechos: atención psicosocial y jurídica en espacios confidenciales, con "
                "rutas de protección ante la violencia.",
            ],
            "conclusions": [
                "Llevar los servicios al territorio y articularlos entre instituciones hace "
                "sostenible la atención a las cuidadoras.",
                "Formación, orientación y generación de ingresos juntas fortalecen la "
                "autonomía de las mujeres y reducen brechas de género.",
            ],
            "counterparts": [("alcaldia-mayor-bogota", "", "", "Sistema Distrital de Cuidado")],
            "recommendations": [
                (
                    "Crear de forma progresiva espacios de cuidado en infraestructura municipal "
                    "existente, articulando salud, educación, inclusión y empleo.",
                    [
                        (
                            "Organizar un taller virtual con el equipo de las Manzanas del "
                            "Cuidado para los GAD interesados.",
                            DNCI,
                            D(2026, 9, 30),
                            FollowUpStatus.PENDING,
                        ),
                    ],
                ),
                (
                    "Incorporar el enfoque de cuidados en la planificación y el presupuesto "
                    "municipal.",
                    [],
                ),
            ],
            "opportunities": [
                (
                    "BOGOTA-MANZANAS-CUIDADO",
                    EXCH,
                    "Intercambiar con Bogotá el diseño de un sistema local de cuidado.",
                ),
            ],
        },
        {
            "title": "Firma del memorando de entendimiento AME–FCM",
            "date": D(2025, 3, 13),
            "place": "Bogotá",
            "subject": (
                "Reunión de alto nivel entre AME y la Federación Colombiana de Municipios para "
                "firmar un memorando de entendimiento."
            ),
            "development": [
                "El presidente de AME, Patricio Maldonado, y el director ejecutivo de la FCM, "
                "Gilberto Toro Giraldo, firmaron el memorando.",
                "El acuerdo prevé cooperación técnica e intercambio de buenas prácticas en "
                "planificación urbana, gobernanza, participación, servicios públicos, "
                "transición ecológica y municipio digital.",
                "También impulsa hermanamientos y el acceso conjunto a formación, asistencia "
                "técnica y eventos multilaterales.",
            ],
            "conclusions": [
                "El memorando crea una plataforma formal de colaboración entre los municipios "
                "de Ecuador y Colombia.",
                "Los hermanamientos son una herramienta concreta para el aprendizaje mutuo y "
                "los proyectos binacionales.",
            ],
            "counterparts": [
                ("fcm", "", "Gilberto Toro Giraldo", "Director Ejecutivo"),
            ],
            "recommendations": [
                (
                    "Incorporar la cooperación descentralizada en el PDOT del cantón.",
                    [],
                ),
                (
                    "Expresar en SIOC el interés en un hermanamiento con municipios colombianos, "
                    "con los temas prioritarios del GAD.",
                    [
                        (
                            "Cruzar con la FCM las prioridades de los GAD ecuatorianos y de los "
                            "municipios colombianos interesados.",
                            DNCI,
                            D(2026, 8, 31),
                            FollowUpStatus.PENDING,
                        ),
                    ],
                ),
            ],
            "opportunities": [
                (
                    "FCM-MDE-INTERCAMBIO",
                    TWIN,
                    "Postular al GAD para un intercambio técnico o un hermanamiento con un "
                    "municipio colombiano.",
                ),
            ],
        },
    ],
}

FLACMA = {
    "slug": "buro-flacma-2025",
    "kind": MissionKind.INTERNATIONAL_EVENT,
    "name": "Buró de FLACMA 2025",
    "country": "",
    "cities": "",
    "dates": (D(2025, 2, 27), D(2025, 2, 28)),
    "hosts": ["flacma", "cglu"],
    "objective": (
        "Llevar la voz del municipalismo ecuatoriano al Buró de FLACMA, debatir la cooperación "
        "descentralizada para ciudades intermedias y abrir agendas bilaterales con las "
        "asociaciones de municipios de la región."
    ),
    "letter": (
        "AME participó en el Buró de FLACMA 2025, donde se presentaron la visión global "
        "2024-2030 de CGLU y las prioridades de la federación latinoamericana para el año.\n\n"
        "Nuestra delegación defendió la unidad del municipalismo como condición para que los "
        "gobiernos locales pesen en las decisiones regionales, participó en el panel sobre "
        "cooperación descentralizada para ciudades intermedias y se reunió con las asociaciones "
        "de municipios de México, Uruguay y Brasil.\n\n"
        "Esteban Orellana\nDirector Ejecutivo de AME"
    ),
    "keywords": (
        "gobernanza multinivel, cooperación descentralizada, ciudades intermedias, desarrollo "
        "urbano sostenible, resiliencia, cambio climático, economía circular, transformación "
        "digital, acceso a financiamiento, redes de cooperación, alianzas estratégicas"
    ),
    "credits": (
        "Patricio Maldonado — Presidente de AME\n"
        "Esteban Orellana — Director Ejecutivo de AME\n"
        "Luis Enrique Ortiz — Director Nacional de Cooperación Internacional\n"
        "Evelyn Llerena — Coordinadora de Cooperación\n"
        "Josué López — Técnico de Cooperación\n"
        "José Luis Naula — Técnico de Cooperación"
    ),
    "participants": [
        ("0104", "Patricio Maldonado", "Alcalde de Nabón y presidente de AME", AUTHORITY),
        ("0101", "Cristian Zamora", "Alcalde", AUTHORITY),
        ("ame", "Esteban Orellana", "Director Ejecutivo", AME_TEAM),
    ],
    "meetings": [
        {
            "title": "Visión global 2024-2030 y prioridades de FLACMA para 2025",
            "date": D(2025, 2, 27),
            "place": "Sesión del Buró",
            "subject": (
                "Mensaje de la secretaria general de CGLU, Emilia Saiz Carrancedo, e "
                "intervención de AME ante el Buró."
            ),
            "development": [
                "La visión 2024-2030 propone una gobernanza multinivel que use la cooperación "
                "descentralizada para dar respuestas locales a crisis globales: clima, "
                "desigualdad, migración e inseguridad alimentaria.",
                "Prioridades de FLACMA para 2025: gobernanza local, sostenibilidad e innovación, "
                "ciudadanía global y cohesión social, servicios urbanos digitales y redes de "
                "cooperación.",
                "Esteban Orellana, director ejecutivo de AME, planteó que FLACMA es clave para "
                "la unidad del municipalismo latinoamericano y que la unidad del municipalismo "
                "ecuatoriano le da más voz en la región.",
            ],
            "conclusions": [
                "Las prioridades de FLACMA coinciden con las de los GADM: digitalizar "
                "servicios, economía circular e inclusión social.",
            ],
            "counterparts": [
                ("cglu", "", "Emilia Saiz Carrancedo", "Secretaria General"),
                ("flacma", "", "", ""),
            ],
            "recommendations": [],
            "opportunities": [],
        },
        {
            "title": "Reunión bilateral con la Conferencia Nacional de Municipios de México",
            "date": D(2025, 2, 28),
            "place": "Encuentros bilaterales del Buró",
            "subject": "Reunión con la presidenta de la CONAMM, Ana Muñiz Neyra.",
            "development": [
                "Se propuso intercambiar experiencias de desarrollo económico y cultural entre "
                "municipios de México y Ecuador.",
                "Ambas partes vieron en los hermanamientos la vía para proyectos conjuntos "
                "alineados con los ODS.",
            ],
            "conclusions": [
                "Conviene explorar un memorando de entendimiento con la CONAMM como marco de "
                "futuras actividades.",
            ],
            "counterparts": [("conamm", "", "Ana Muñiz Neyra", "Presidenta")],
            "recommendations": [
                (
                    "Celebrar reuniones técnicas con las asociaciones de México, Uruguay y "
                    "Brasil para preparar memorandos y posibles hermanamientos.",
                    [
                        (
                            "Agendar reuniones técnicas virtuales con CONAMM, el Plenario de "
                            "Municipios y la ABM.",
                            DNCI,
                            D(2026, 7, 31),
                            FollowUpStatus.IN_PROGRESS,
                        ),
                    ],
                ),
            ],
            "opportunities": [
                (
                    "CONAMM-INTERCAMBIO",
                    TWIN,
                    "Proponer un intercambio o hermanamiento con un municipio mexicano en "
                    "desarrollo económico o cultura.",
                ),
            ],
        },
        {
            "title": "Reunión bilateral con el Plenario de Municipios de Uruguay",
            "date": D(2025, 2, 28),
            "place": "Encuentros bilaterales del Buró",
            "subject": "Reunión con la presidenta del Plenario de Municipios, Mercedes Long.",
            "development": [
                "La presidenta planteó fortalecer la cooperación bilateral en gestión "
                "sostenible de recursos, infraestructura urbana y políticas inclusivas.",
            ],
            "conclusions": [
                "Hay interés en una red de colaboración entre municipios uruguayos y ecuatorianos.",
            ],
            "counterparts": [
                ("plenario-municipios-uruguay", "", "Mercedes Long", "Presidenta"),
            ],
            "recommendations": [],
            "opportunities": [
                (
                    "PLENARIO-UY-INTERCAMBIO",
                    EXCH,
                    "Intercambiar experiencias con municipios uruguayos en gestión de recursos "
                    "e infraestructura.",
                ),
            ],
        },
        {
            "title": "Reunión bilateral con la Asociación Brasileña de Municipios",
            "date": D(2025, 2, 28),
            "place": "Encuentros bilaterales del Buró",
            "subject": "Reunión con el presidente de la ABM, Ary José Vanazzi.",
            "development": [
                "Se habló de alianzas en innovación, desarrollo económico y patrimonio "
                "cultural, y de transferencia de tecnología entre municipios.",
            ],
            "conclusions": [
                "La cooperación con la ABM favorece la integración regional y las capacidades "
                "locales.",
            ],
            "counterparts": [("abm-brasil", "", "Ary José Vanazzi", "Presidente")],
            "recommendations": [],
            "opportunities": [
                (
                    "ABM-INTERCAMBIO",
                    EXCH,
                    "Proponer un intercambio técnico con municipios brasileños en innovación o "
                    "patrimonio.",
                ),
            ],
        },
    ],
    "panels": [
        {
            "title": "Cooperación descentralizada para ciudades intermedias",
            "objective": (
                "Discutir si las ciudades intermedias necesitan un modelo propio de cooperación "
                "descentralizada que impulse la ciudadanía global, la sostenibilidad y una "
                "nueva gobernanza multinivel."
            ),
            "moderator": "Sergio Arredondo, Secretario General de FLACMA",
            "conclusions": [
                "Las ciudades intermedias son decisivas para cumplir los ODS y el Acuerdo de "
                "París, pero tienen poco acceso a financiamiento.",
                "Las alianzas entre municipios para compartir conocimiento y recursos son el "
                "camino para proyectos de transición energética, movilidad e inclusión.",
                "Organismos internacionales, gobiernos nacionales y sector privado deben "
                "apoyar a los municipios a movilizar recursos.",
            ],
            "speakers": [
                (
                    "Mohamed Sefiani",
                    "Alcalde de Chefchaouen (Marruecos); Foro de Ciudades Intermedias de CGLU",
                    "Las ciudades intermedias, aunque olvidadas por las políticas públicas, "
                    "pueden impulsar el desarrollo si colaboran y adaptan las agendas globales "
                    "a su realidad.",
                ),
                (
                    "Cristian Zamora",
                    "Alcalde de Cuenca",
                    "Presentó proyectos con KOICA y KfW en reciclaje, eficiencia energética y "
                    "buses eléctricos.",
                ),
                (
                    "Setsuko Saya",
                    "Centro de Desarrollo de la OCDE",
                    "Pidió pasar de los acuerdos a la acción y decidir con datos fiables para "
                    "medir el impacto.",
                ),
                (
                    "David Betolaza",
                    "KfW Ecuador",
                    "Explicó que las ciudades intermedias casi no acceden al mercado de "
                    "capitales y deben invertir en capacidades técnicas para gestionar "
                    "créditos.",
                ),
                (
                    "Remy Sietchiping",
                    "ONU-Hábitat",
                    "Subrayó el papel de la cooperación internacional en políticas urbanas, "
                    "legislación y gobernanza.",
                ),
                (
                    "Inka Mattila",
                    "PNUD Ecuador",
                    "Recordó el peso demográfico de las ciudades intermedias y la urgencia de "
                    "conectarlas entre sí.",
                ),
                (
                    "Patricio Maldonado",
                    "AME",
                    "Describió una cooperación que ya no es viajes y donaciones sino alianzas "
                    "y acciones concretas, y el crecimiento de las redes pese a las barreras "
                    "de financiamiento de los GAD.",
                ),
            ],
        },
    ],
}

LATACUNGA = {
    "slug": "asamblea-latacunga-2024",
    "kind": MissionKind.NATIONAL_ASSEMBLY,
    "name": (
        "III Asamblea General de Autoridades de Relaciones Internacionales de los Gobiernos "
        "Locales del Ecuador – Latacunga 2024"
    ),
    "country": "EC",
    "cities": "Latacunga",
    "dates": (D(2024, 11, 25), D(2024, 11, 26)),
    "hosts": [],
    "objective": (
        "Reunir a las autoridades y responsables de relaciones internacionales de los GAD "
        "municipales para compartir buenas prácticas, fuentes de recursos, redes de ciudades y "
        "programas de voluntariado."
    ),
    "letter": (
        "Los días 25 y 26 de noviembre de 2024, el Aeropuerto Internacional Cotopaxi, en "
        "Latacunga, acogió la tercera asamblea de autoridades de relaciones internacionales de "
        "los gobiernos locales del Ecuador.\n\n"
        "Cuatro diálogos reunieron a alcaldes, agencias de cooperación, redes de ciudades y "
        "organizaciones de voluntariado. De ellos salieron conclusiones y recomendaciones para "
        "que la internacionalización sea parte de la gestión municipal, y el compromiso de AME "
        "de elaborar una Guía de Internacionalización para los GAD.\n\n"
        "Pastaza será la sede de la próxima asamblea, en 2025."
    ),
    "keywords": (
        "internacionalización local, cooperación descentralizada, buenas prácticas, "
        "movilización de recursos, alianzas público-privadas, redes de ciudades, voluntariado "
        "internacional, Guía de Internacionalización"
    ),
    "credits": (
        "Patricio Maldonado — Presidente de AME\n"
        "Esteban Orellana — Director Ejecutivo de AME\n"
        "Luis Enrique Ortiz — Director de Cooperación Internacional\n"
        "Evelyn Llerena — Coordinadora de Cooperación\n"
        "César Isaac Pérez — Técnico de Cooperación\n"
        "Paulo César Ulloa — Diseño y diagramación"
    ),
    "participants": [
        ("0104", "Patricio Maldonado", "Alcalde", AUTHORITY),
        ("2101", "Abraham Freire", "Alcalde", AUTHORITY),
        ("1601", "Germán Flores", "Alcalde", AUTHORITY),
        ("1301", "Javier Pincay", "Alcalde", AUTHORITY),
        (
            "1301",
            "Carlos Bernal",
            "Secretario de Inversiones, Sostenibilidad y Cooperación",
            STAFF,
        ),
        (
            "0101",
            "Juan Felipe Ochoa",
            "Director de Relaciones Internacionales y Cooperación",
            STAFF,
        ),
        ("ame", "Esteban Orellana", "Director Ejecutivo", AME_TEAM),
        ("ame", "Daniel Rodas", "Director Nacional de Planificación Institucional", AME_TEAM),
        ("ame", "Luis Enrique Ortiz", "Director Nacional de Cooperación", AME_TEAM),
    ],
    "meetings": [
        {
            "title": "Plenaria de cierre: conclusiones y recomendaciones de la asamblea",
            "date": D(2024, 11, 26),
            "place": "Aeropuerto Internacional Cotopaxi, Latacunga",
            "subject": "Síntesis de los cuatro diálogos y acuerdos para los GAD municipales.",
            "development": [
                "Se reafirmó la cooperación descentralizada como herramienta para políticas "
                "ajustadas a cada territorio.",
                "La internacionalización local se presentó como estrategia para mejorar "
                "servicios y acceder a financiamiento, conocimiento y proyectos conjuntos.",
                "Las experiencias de Nabón, Lago Agrio, Pastaza y Portoviejo mostraron lo que "
                "la cooperación logra en infraestructura, clima, movilidad y ciudad digital.",
                "Se lanzó la iniciativa de una Guía de Internacionalización para los GAD "
                "municipales.",
            ],
            "conclusions": [
                "Las alianzas con el sector privado, los organismos internacionales y las ONG "
                "diversifican el financiamiento de los proyectos municipales.",
                "El voluntariado internacional transfiere conocimiento y capacita a los "
                "servidores públicos locales; conviene respaldarlo con ordenanzas municipales.",
            ],
            "counterparts": [],
            "recommendations": [
                (
                    "Formar equipos técnicos municipales especializados en gestión internacional "
                    "y capacitar a quienes llevan las relaciones internacionales.",
                    [],
                ),
                (
                    "Sumarse activamente a redes de ciudades como Mercociudades e ICLEI.",
                    [],
                ),
                (
                    "Explorar alianzas público-privadas en movilidad, residuos, energía "
                    "renovable e innovación, con marcos legales claros.",
                    [],
                ),
                (
                    "Participar en programas de voluntariado internacional para gestión "
                    "pública, desarrollo rural y tecnología.",
                    [],
                ),
                (
                    "Integrar la cooperación internacional en los planes de desarrollo local "
                    "con planes de internacionalización propios.",
                    [
                        (
                            "Elaborar y publicar la Guía de Internacionalización de los GAD "
                            "municipales.",
                            DNCI,
                            D(2026, 12, 31),
                            FollowUpStatus.IN_PROGRESS,
                        ),
                    ],
                ),
                (
                    "Asegurar que los proyectos de cooperación lleguen a pueblos indígenas, "
                    "zonas rurales y personas con discapacidad.",
                    [],
                ),
                (
                    "Crear mecanismos de seguimiento y evaluación de los proyectos "
                    "internacionales para rendir cuentas.",
                    [],
                ),
            ],
            "opportunities": [],
        },
    ],
    "panels": [
        {
            "title": "Diálogo 1: buenas prácticas de cooperación internacional en los GADM",
            "objective": (
                "Mostrar proyectos municipales que salieron adelante gracias a la cooperación "
                "internacional."
            ),
            "moderator": "Esteban Orellana, Director Ejecutivo de AME",
            "conclusions": [
                "Las buenas prácticas de Nabón, Lago Agrio, Pastaza y Portoviejo pueden "
                "adaptarse a otros cantones.",
                "Los GAD deben seguir buscando oportunidades en las redes internacionales.",
            ],
            "speakers": [
                (
                    "Patricio Maldonado",
                    "GADM Nabón",
                    "La internacionalización y la red Mercociudades le abrieron a Nabón "
                    "asistencia técnica de CAF para su planta de agua, una ambulancia donada, "
                    "postulaciones a fondos de Japón y voluntariado.",
                ),
                (
                    "Abraham Freire",
                    "GADM Lago Agrio",
                    "Proyectos de adaptación y mitigación del cambio climático, con "
                    "reforestación y energías renovables apoyadas por el BID.",
                ),
                (
                    "Germán Flores",
                    "GADM Pastaza",
                    "Movilidad urbana sostenible con apoyo de la GIZ y otras organizaciones.",
                ),
                (
                    "Javier Pincay",
                    "GADM Portoviejo",
                    "Ciudad inteligente: semaforización y tecnologías para la seguridad "
                    "financiadas con cooperación.",
                ),
            ],
        },
        {
            "title": "Diálogo 2: movilización de recursos mediante modalidades asociativas",
            "objective": (
                "Ver cómo los GAD consiguen recursos con alianzas público-privadas, "
                "mancomunidades y otras fuentes."
            ),
            "moderator": "Daniel Rodas, Director Nacional de Planificación Institucional de AME",
            "conclusions": [
                "Hay que ir más allá de las fuentes tradicionales y usar las redes "
                "internacionales para atraer inversión.",
            ],
            "speakers": [
                (
                    "Francisco Grijalva",
                    "Secretaría de Inversiones Público-Privadas",
                    "Las APP permiten financiar grandes obras municipales con el sector privado.",
                ),
                (
                    "Vianna Maino Isaías",
                    "CORPEI",
                    "Casos de municipios que atrajeron inversión extranjera directa.",
                ),
                (
                    "Gabriela Suárez",
                    "Grupo FARO",
                    "Alianzas con ONG, el Banco Mundial y ONU-Hábitat que dieron fondos y "
                    "asistencia técnica a los GAD.",
                ),
            ],
        },
        {
            "title": "Diálogo 3: redes de ciudades para el desarrollo local",
            "objective": (
                "Analizar cómo las redes internacionales de ciudades impulsan la "
                "internacionalización municipal."
            ),
            "moderator": "Luis Enrique Ortiz, Director Nacional de Cooperación de AME",
            "conclusions": [
                "Las redes de ciudades son un instrumento de cooperación intermunicipal y de "
                "avance hacia los ODS.",
            ],
            "speakers": [
                (
                    "Alejandro González",
                    "ICLEI Colombia",
                    "Las redes abren a los municipios experiencias, proyectos y fondos para "
                    "políticas urbanas sostenibles.",
                ),
                (
                    "Juan Felipe Ochoa",
                    "GADM Cuenca",
                    "El intercambio tecnológico en WeGO ayuda a gestionar recursos y reducir la "
                    "huella de carbono.",
                ),
                (
                    "Jorge Rodríguez",
                    "Mercociudades",
                    "La integración regional permite resolver problemas comunes con proyectos "
                    "conjuntos.",
                ),
                (
                    "Carlos Bernal",
                    "GADM Portoviejo",
                    "Portoviejo obtuvo asistencia técnica y recursos para agua y saneamiento "
                    "gracias a sus redes.",
                ),
            ],
        },
        {
            "title": "Diálogo 4: el voluntariado para fortalecer a los GADM",
            "objective": (
                "Examinar el aporte del voluntariado internacional al desarrollo local y a las "
                "capacidades municipales."
            ),
            "moderator": "Julio César Benítez, Presidente Ejecutivo de la Fundación Voluntariados",
            "conclusions": [
                "El voluntariado es una herramienta de formación y desarrollo de capacidades "
                "locales.",
            ],
            "speakers": [
                (
                    "Andrés Mencías",
                    "JICA",
                    "Voluntarios japoneses en desarrollo rural, tecnología y residuos.",
                ),
                (
                    "César Argüello",
                    "KOICA",
                    "Voluntariado coreano en educación, salud pública y tecnología.",
                ),
                (
                    "Diego Rivadeneira",
                    "Catalyste+",
                    "Voluntarios que capacitan y transfieren conocimiento en proyectos "
                    "económicos y sociales.",
                ),
                (
                    "Stefany Páez",
                    "France Volontaires Ecuador",
                    "Voluntariado en gestión cultural y participación; propuso ordenanzas "
                    "municipales de voluntariado.",
                ),
                (
                    "Anna Galdames",
                    "Cuerpo de Paz",
                    "Voluntarios en desarrollo rural y gestión ambiental.",
                ),
            ],
        },
    ],
}

MISSIONS = [EL_SALVADOR, BOGOTA, FLACMA, LATACUNGA]

MISSION_FIELDS = (
    "kind",
    "name",
    "country",
    "cities",
    "starts_on",
    "ends_on",
    "organiser",
    "objective",
    "presentation_letter",
    "keywords",
    "credits",
    "contact",
)


class _Refs:
    def __init__(self):
        self.orgs = {o.slug: o for o in Organization.objects.all()}
        self.gads = {
            o.canton.code: o
            for o in Organization.objects.filter(
                kind=OrganizationKind.GAD_MUNICIPAL
            ).select_related("canton")
        }

    def participant_org(self, key):
        org = self.gads.get(key) if key.isdigit() else self.orgs.get(key)
        if org is None:
            raise LookupError(f"demo mission: unknown organisation {key!r}")
        return org


def load(*, actor, stdout=None) -> dict[str, int]:
    """Create or update the four demo missions (see the module docstring)."""
    counts = {"created": 0, "updated": 0}
    with transaction.atomic():
        refs = _Refs()
        for entry in MISSIONS:
            _load_mission(entry, refs, actor=actor, counts=counts)
        interests = _load_interests(actor=actor)
    if stdout is not None:
        stdout.write(
            _("Misiones de demostración: %(total)d (%(created)d nuevas, %(updated)d actualizadas).")
            % {"total": len(MISSIONS), **counts}
        )
    return {"misiones_demo": len(MISSIONS), "interes_en_oportunidades_demo": interests}


# GADs that took up opportunities the missions opened: (canton, offer code, steps AME and the
# cooperante took, justification). Only created when the GAD has no request for that offer yet.
INTERESTS = [
    (
        "0104",
        "BOGOTA-MANZANAS-CUIDADO",
        ["in_review", "referred"],
        "Nabón quiere adaptar un sistema de cuidado a su realidad rural y conocer cómo Bogotá "
        "organizó sus Manzanas del Cuidado.",
    ),
    (
        "0101",
        "FCM-MDE-INTERCAMBIO",
        ["in_review", "referred", "negotiation", "approved"],
        "Cuenca busca un hermanamiento con una ciudad colombiana intermedia para intercambiar "
        "experiencia en movilidad y espacio público.",
    ),
    (
        "1101",
        "OPAMSS-AT-PLANIFICACION",
        ["in_review"],
        "Loja necesita apoyo para ordenar el crecimiento urbano de su área metropolitana.",
    ),
    (
        "0501",
        "EMB-EC-CO-HERMANAMIENTOS",
        [],
        "Latacunga quiere identificar una ciudad colombiana con patrimonio y riesgo volcánico "
        "parecidos para un hermanamiento.",
    ),
]


def _load_interests(*, actor) -> int:
    from sioc.demands.models import ExpressionOfInterest
    from sioc.demands.services import express_interest, move_interest

    created = 0
    for canton, code, steps, justification in INTERESTS:
        gad = Organization.objects.filter(
            kind=OrganizationKind.GAD_MUNICIPAL, canton__code=canton
        ).first()
        offer = Offer.objects.filter(code=code, opportunity__isnull=False).first()
        if gad is None or offer is None:
            continue
        if ExpressionOfInterest.objects.filter(gad=gad, offer=offer).exists():
            continue
        interest = express_interest(
            actor=actor,
            gad=gad,
            offer=offer,
            justification=justification,
            contact_name=_("Unidad de cooperación del %s") % gad.name,
            contact_email=f"cooperacion@{gad.slug}.sioc.demo",
            notify=False,
        )
        for step in steps:
            party = "cooperante" if step in ("negotiation", "approved") else "ame"
            interest = move_interest(interest, step, actor=actor, party=party, notify=False)
        created += 1
    return created


def _mission_fields(entry, refs):
    starts_on, ends_on = entry["dates"]
    return {
        "kind": entry["kind"],
        "name": entry["name"],
        "country": entry["country"],
        "cities": entry["cities"],
        "starts_on": starts_on,
        "ends_on": ends_on,
        "organiser": refs.orgs["ame"],
        "objective": entry["objective"],
        "presentation_letter": entry["letter"],
        "keywords": entry["keywords"],
        "credits": entry["credits"],
        "contact": AME_CONTACT,
    }


def _load_mission(entry, refs, *, actor, counts):
    fields = _mission_fields(entry, refs)
    hosts = [refs.orgs[slug] for slug in entry["hosts"] if slug in refs.orgs]
    mission = Mission.objects.filter(slug=entry["slug"]).first()
    if mission is None:
        mission = services.create_mission(
            actor=actor, status=MissionStatus.PUBLISHED, slug=entry["slug"], hosts=hosts, **fields
        )
        counts["created"] += 1
    else:
        changed = {k: v for k, v in fields.items() if getattr(mission, k) != v}
        if {h.pk for h in mission.hosts.all()} != {h.pk for h in hosts}:
            changed["hosts"] = hosts
        if changed:
            mission = services.update_mission(mission, actor=actor, **changed)
            counts["updated"] += 1

    existing = {(p.organization_id, p.person_name) for p in mission.participants.all()}
    for order, (key, person, position, role) in enumerate(entry["participants"]):
        org = refs.participant_org(key)
        if (org.pk, person) not in existing:
            services.add_participant(
                mission,
                actor=actor,
                organization=org,
                person_name=person,
                position=position,
                role=role,
                order=order,
            )

    meetings = {m.order: m for m in mission.meetings.all()}
    for order, data in enumerate(entry["meetings"]):
        _load_meeting(mission, meetings.get(order), order, data, refs, actor=actor)

    panels = {p.order: p for p in mission.panels.all()}
    for order, data in enumerate(entry.get("panels", ())):
        _load_panel(mission, panels.get(order), order, data, actor=actor)


def _load_meeting(mission, meeting, order, data, refs, *, actor):
    fields = {
        "order": order,
        "date": data["date"],
        "place": data["place"],
        "title": data["title"],
        "subject": data["subject"],
        "development": "\n".join(data["development"]),
        "conclusions": "\n".join(data["conclusions"]),
    }
    if meeting is None:
        meeting = services.add_meeting(mission, actor=actor, **fields)
    else:
        changed = {k: v for k, v in fields.items() if getattr(meeting, k) != v}
        if changed:
            meeting = services.update_meeting(meeting, actor=actor, **changed)

    existing = {
        (c.organization_id, c.organization_name, c.person_name) for c in meeting.counterparts.all()
    }
    for slug, name, person, position in data["counterparts"]:
        org = refs.orgs.get(slug) if slug else None
        if slug and org is None:
            name = name or slug  # the organisations' demo is not loaded: keep the name
        key = (org.pk if org else None, "" if org else name, person)
        if key not in existing:
            services.add_counterpart(
                meeting,
                actor=actor,
                organization=org,
                organization_name="" if org else name,
                person_name=person,
                position=position,
            )

    recommendations = {r.order: r for r in meeting.recommendations.all()}
    for r_order, (text, follow_ups) in enumerate(data["recommendations"]):
        recommendation = recommendations.get(r_order)
        if recommendation is None:
            recommendation = services.add_recommendation(
                meeting, actor=actor, order=r_order, text=text
            )
        elif recommendation.text != text:
            services.update_recommendation(recommendation, actor=actor, text=text)
        known = set(recommendation.follow_ups.values_list("description", flat=True))
        for description, responsible, due_on, status in follow_ups:
            if description not in known:
                services.add_follow_up(
                    recommendation,
                    actor=actor,
                    description=description,
                    responsible=responsible,
                    due_on=due_on,
                    status=status,
                )

    for code, kind, gad_action in data["opportunities"]:
        _load_opportunity(mission, meeting, code, kind, gad_action, actor=actor)


def _catalogue_offer(code, *, actor):
    """The demo offer ``code``; created (published) from the offers' demo entry if missing."""
    offer = Offer.objects.filter(code=code).first()
    if offer is not None:
        return offer
    from sioc.offers import demo as offers_demo
    from sioc.offers.services import create_offer

    entry = next((e for e in offers_demo.OFFERS if e["code"] == code), None)
    if entry is None:
        raise LookupError(f"demo mission: unknown offer {code!r}")
    fields = offers_demo.offer_fields(entry, offers_demo._References())
    return create_offer(actor=actor, status=OfferStatus.PUBLISHED, **fields)


def _load_opportunity(mission, meeting, code, kind, gad_action, *, actor):
    offer = _catalogue_offer(code, actor=actor)
    if Opportunity.objects.filter(offer=offer).exists():
        return
    opportunity = Opportunity(
        meeting=meeting,
        offer=offer,
        kind=kind,
        counterpart=offer.cooperante,
        gad_action=gad_action,
        deadline=offer.closes_on,
    )
    opportunity.full_clean()
    opportunity.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=mission,
        changes={"oportunidad": [None, f"{offer.code}: {offer.title}"]},
    )


def _load_panel(mission, panel, order, data, *, actor):
    fields = {
        "order": order,
        "title": data["title"],
        "objective": data["objective"],
        "moderator": data["moderator"],
        "conclusions": "\n".join(data["conclusions"]),
    }
    if panel is None:
        panel = services.add_panel(mission, actor=actor, **fields)
    else:
        changed = {k: v for k, v in fields.items() if getattr(panel, k) != v}
        if changed:
            panel = services.update_panel(panel, actor=actor, **changed)
    known = {s.name: s for s in panel.speakers.all()}
    for s_order, (name, organization, contribution) in enumerate(data["speakers"]):
        fields = {"order": s_order, "organization_name": organization, "contribution": contribution}
        speaker = known.get(name)
        if speaker is None:
            services.add_speaker(panel, actor=actor, name=name, **fields)
            continue
        # Correct a demo speaker edited since the last load; no event when nothing differs.
        changed = {k: v for k, v in fields.items() if getattr(speaker, k) != v}
        if changed:
            services.update_speaker(speaker, actor=actor, **changed)
