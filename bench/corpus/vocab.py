"""The words the synthetic plans are made of: our own phrasing of a Quebec social-development
network's work, written for this corpus (no sentence comes from a real plan).

Pools are large enough that a plan of 30 actions draws each action's object without
repetition, so no two items of a plan are near-duplicates the scorer could confuse.
"""

from __future__ import annotations

ORG_KINDS: list[tuple[str, str]] = [
    ("Table de concertation en développement social", "TCDS"),
    ("Réseau régional en développement social", "RRDS"),
    ("Corporation de développement communautaire", "CDC"),
    ("Regroupement des partenaires en développement social", "RPDS"),
    ("Consortium régional en développement social", "CRDS"),
    ("Alliance pour la solidarité et l'inclusion sociale", "ASIS"),
    ("Comité de développement social", "CDS"),
    ("Carrefour des initiatives en développement des communautés", "CIDC"),
    ("Collectif régional pour le développement social", "CRPDS"),
]

TERRITORIES: list[str] = [
    "du Bas-Saint-Laurent",
    "de la Mauricie",
    "de l'Estrie",
    "de Lanaudière",
    "des Laurentides",
    "de la Côte-Nord",
    "du Centre-du-Québec",
    "de Chaudière-Appalaches",
    "de l'Outaouais",
    "de la Haute-Gaspésie",
    "du Haut-Richelieu",
    "de la MRC de Maskinongé",
    "de Charlevoix",
    "du Témiscamingue",
    "des Basques",
    "de la Vallée-de-la-Gatineau",
    "du Granit",
    "de Montcalm",
]

TITLE_FORMS: list[str] = [
    "Plan d'action {start}-{end}",
    "PLAN D'ACTION {start}-{end}",
    "Plan stratégique {start}-{end}",
    "Plan d'action triennal {start}-{end}",
    "PLAN D'ACTION CONCERTÉ {start}-{end}",
    "Plan de travail {start}-{end}",
]

# Orientations: some written as a direction to take, some as an outcome reached by a date
# (the long ones are the headings that wrap over two or three lines).
ORIENTATIONS: list[str] = [
    "Renforcer la concertation entre les acteurs du développement social du territoire",
    "Consolider la vie associative et la gouvernance du réseau",
    "Améliorer l'accès de la population aux services de proximité",
    "Favoriser la participation citoyenne des personnes en situation de pauvreté",
    "Soutenir les communautés locales dans la réalisation de leurs projets collectifs",
    "Faire reconnaître l'apport du développement social auprès des élus et des bailleurs de fonds",
    "Développer une lecture partagée des besoins et des ressources du milieu",
    "Agir ensemble sur les conditions de logement et de sécurité alimentaire",
    "Accroître la visibilité des initiatives portées par les membres",
    "Assurer la pérennité financière et humaine de l'organisation",
    "Mettre en valeur les savoirs issus de l'expérience des milieux",
    "Contribuer à une transition socioécologique juste pour toutes les communautés",
]

OUTCOME_ORIENTATIONS: list[str] = [
    "D'ici {end}, les partenaires du territoire partagent une lecture commune des enjeux sociaux et des priorités d'intervention",
    "En {end}, les membres du réseau disposent des outils et des compétences pour mener des démarches concertées",
    "D'ici {end}, les personnes concernées prennent part aux décisions qui touchent leur milieu de vie",
    "En {end}, les municipalités et les MRC intègrent le développement social dans leurs planifications",
    "D'ici {end}, les initiatives locales en sécurité alimentaire sont reliées entre elles et mieux financées",
    "En {end}, le réseau est reconnu comme un interlocuteur incontournable en matière de solidarité",
]

OBJECTIVES: list[str] = [
    "Mobiliser les partenaires sectoriels autour d'enjeux communs",
    "Outiller les comités locaux dans l'animation de leurs démarches",
    "Maintenir un dialogue régulier avec les instances municipales",
    "Documenter les besoins des ménages à faible revenu",
    "Accroître la présence du réseau dans les médias régionaux",
    "Favoriser le partage d'expertise entre les organismes membres",
    "Soutenir l'émergence de projets en habitation communautaire",
    "Assurer une gestion rigoureuse des ressources financières",
    "Développer des partenariats avec le milieu de l'éducation",
    "Rejoindre les personnes isolées et peu représentées",
    "Consolider l'équipe de travail et les conditions d'emploi",
    "Diffuser les connaissances produites par les démarches locales",
    "Renforcer le leadership des comités de citoyens",
    "Faciliter l'accès à une alimentation saine et abordable",
    "Évaluer les retombées des actions concertées",
    "Promouvoir les pratiques inspirantes en inclusion sociale",
    "Accompagner les nouveaux membres dans leur intégration",
    "Diversifier les sources de financement du réseau",
    "Améliorer la circulation de l'information entre les paliers local et régional",
    "Appuyer les démarches de revitalisation des quartiers",
    "Sensibiliser les décideurs aux réalités des territoires ruraux",
    "Encourager l'engagement bénévole dans les organismes du milieu",
    "Planifier la relève au sein du conseil d'administration",
    "Contribuer à la lutte contre les préjugés envers les personnes en situation de pauvreté",
    "Soutenir la mobilité des personnes sans voiture",
    "Adapter les services aux familles nouvellement arrivées",
    "Structurer une offre de formation continue pour les intervenants",
    "Arrimer les plans d'action des tables sectorielles",
]

# Whole action titles (a tail may be added: "… en collaboration avec les partenaires du milieu").
ACTION_TITLES: list[str] = [
    "Réaliser une tournée des comités locaux dans chacune des MRC",
    "Tenir des rencontres semestrielles avec les directions des organismes membres",
    "Produire un portrait statistique des conditions de vie par municipalité",
    "Lancer une infolettre mensuelle destinée aux membres et aux partenaires",
    "Organiser un forum régional sur la participation citoyenne",
    "Offrir des ateliers de codéveloppement pour les agents de développement",
    "Mettre en ligne un répertoire des ressources communautaires",
    "Mener une campagne de sensibilisation sur les préjugés liés à la pauvreté",
    "Actualiser le cadre de référence sur la gouvernance partagée",
    "Adopter une politique de reconnaissance des bénévoles",
    "Mettre sur pied un comité de travail sur le transport collectif en milieu rural",
    "Organiser une journée d'échange sur les pratiques en sécurité alimentaire",
    "Publier le bilan annuel des actions concertées",
    "Mener une démarche d'évaluation participative du plan",
    "Concevoir une trousse d'accueil pour les nouveaux membres",
    "Produire des capsules vidéo présentant des projets inspirants",
    "Réaliser une étude de faisabilité pour un projet de logement abordable",
    "Réviser les règlements généraux et le code d'éthique",
    "Offrir des formations sur l'analyse différenciée selon les sexes",
    "Établir un mécanisme de liaison avec les tables de quartier",
    "Développer une carte interactive des initiatives en alimentation",
    "Élaborer un plan de communication pluriannuel",
    "Tenir une consultation publique sur les besoins des aînés",
    "Effectuer des représentations auprès des députés de la région",
    "Déployer un programme de jumelage entre organismes",
    "Assurer une veille sur les programmes de financement disponibles",
    "Conclure une entente de collaboration avec le centre de services scolaire",
    "Animer des cafés citoyens dans les villages de moins de mille habitants",
    "Rédiger un guide pratique sur l'animation de démarches intersectorielles",
    "Réaliser un sondage annuel sur la satisfaction des membres",
    "Organiser une rencontre annuelle des élus municipaux sur le développement social",
    "Créer un fonds d'initiatives locales pour les petits projets citoyens",
    "Tenir à jour un calendrier partagé des activités des partenaires",
    "Réaliser une analyse des retombées des projets financés",
    "Amorcer une démarche de planification stratégique avec le conseil d'administration",
    "Simplifier les outils de reddition de comptes",
    "Organiser un colloque sur la transition socioécologique",
    "Offrir une formation sur la gestion des conflits en concertation",
    "Constituer une base de données des contacts du réseau",
    "Effectuer des visites terrain auprès des organismes de la périphérie",
    "Implanter un projet pilote de halte-garderie communautaire",
    "Mettre en place une plateforme collaborative pour les comités de travail",
    "Présenter le rapport d'activités à l'assemblée générale",
    "Animer des groupes de discussion avec des personnes ayant vécu la pauvreté",
    "Déployer une stratégie de recrutement de membres en milieu rural",
    "Tenir un lac-à-l'épaule annuel de l'équipe",
    "Déposer un mémoire dans le cadre des consultations gouvernementales",
    "Organiser des portes ouvertes dans les organismes communautaires",
    "Construire un tableau de bord des indicateurs du plan",
    "Structurer une offre de soutien-conseil aux démarches locales",
    "Réviser la politique salariale et les avantages sociaux",
    "Organiser des activités de réseautage entre intervenants de différents secteurs",
    "Diffuser une boîte à outils sur la mobilisation des jeunes",
    "Offrir une série de webinaires sur le financement collectif",
    "Dresser un inventaire des espaces communautaires disponibles",
    "Préparer un plan de relève pour les postes de coordination",
    "Multiplier les démarches auprès des fondations privées",
    "Organiser une semaine thématique sur la solidarité",
    "Poursuivre les rencontres de concertation avec le réseau de la santé",
    "Tenir un registre des demandes de soutien reçues",
    "Mettre à jour une fiche synthèse par territoire",
    "Organiser des déjeuners-causeries avec les gens d'affaires",
    "Rédiger un protocole d'accueil des personnes immigrantes",
    "Faire circuler une exposition itinérante sur l'histoire des luttes sociales",
]

ACTION_TAILS: list[str] = [
    "",
    "",
    "",
    " en collaboration avec les partenaires du milieu",
    " dans chacun des territoires de MRC",
    " selon les priorités retenues en assemblée générale",
    " avec le soutien d'une ressource externe",
    " en portant une attention particulière aux milieux ruraux",
    " à partir des constats de la dernière évaluation",
]

ACTORS: list[str] = [
    "Coordination",
    "Direction générale",
    "Agente de liaison",
    "Conseil d'administration",
    "Comité exécutif",
    "Responsable des communications",
    "Agent de développement",
    "Comité de coordination",
    "Chargée de projet",
    "Membres du réseau",
    "Comité évaluation",
    "Comité vie associative",
    "Tables sectorielles",
    "MRC",
    "Centre intégré de santé et de services sociaux",
    "Centraide",
    "Municipalités",
    "Organismes communautaires",
    "Centre de services scolaire",
    "Comité citoyen",
    "Équipe de travail",
    "Firme d'évaluation",
    "Carrefour jeunesse-emploi",
]

RESULTS: list[str] = [
    "Les membres connaissent mieux les réalités des autres territoires",
    "Une vision commune des priorités est adoptée par les partenaires",
    "Les comités locaux disposent d'outils adaptés à leurs besoins",
    "Au moins {n} organismes participent activement aux travaux",
    "Les élus municipaux sont informés des enjeux sociaux de leur territoire",
    "Le réseau est cité dans les médias régionaux au moins {n} fois par année",
    "Les décisions du conseil d'administration sont transmises aux membres",
    "Les personnes en situation de pauvreté prennent part aux instances",
    "Des liens durables sont établis avec le milieu scolaire",
    "Le financement de base est assuré pour les trois prochaines années",
    "Les pratiques inspirantes sont documentées et diffusées",
    "Les nouveaux membres se sentent accueillis et soutenus",
    "L'équipe dispose de conditions de travail stables",
    "Les projets soutenus répondent aux besoins exprimés",
    "Un minimum de {n} rencontres se tiennent chaque année",
    "Les partenaires utilisent le portrait dans leurs demandes de financement",
    "La population connaît les ressources disponibles dans son quartier",
    "Les outils produits sont téléchargés et utilisés par les membres",
    "Un plan de relève est adopté par le conseil d'administration",
    "Les retombées des actions sont mesurées et présentées en assemblée",
    "Les intervenants se sentent mieux outillés pour animer la concertation",
    "Le transport vers les services est facilité pour les personnes sans voiture",
    "La participation aux activités augmente d'une année à l'autre",
    "Les recommandations du réseau sont prises en compte par les décideurs",
]

# Indicator stems by the form of their target (see DOMAIN.md "Indicators and targets").
INDICATOR_FORMS: dict[str, list[str]] = {
    "count": [
        "{n} rencontres annuelles du comité de coordination",
        "{n} activités de formation par année",
        "Publication de {n} infolettres par année",
        "{n} visites terrain réalisées chaque année",
        "{n} capsules diffusées sur les réseaux sociaux",
    ],
    "rate": [
        "Taux de {p} % de satisfaction des participants",
        "Taux de participation de {p} % des membres à l'assemblée générale",
        "{p} % des comités locaux utilisent les outils proposés",
        "Taux d'ouverture de l'infolettre d'au moins {p} %",
    ],
    "growth": [
        "Hausse de {p} % du nombre de membres chaque année",
        "Augmentation des visites du site Web de {p} %/année",
        "Hausse de {p} % des demandes de soutien reçues",
    ],
    "plain": [
        "Nombre de partenaires mobilisés",
        "Nombre de personnes rejointes par les activités",
        "Nombre de téléchargements des outils",
        "Nombre de projets soutenus par le fonds",
        "Nombre de mentions du réseau dans les médias",
    ],
    "milestone": [
        "Adoption du cadre de référence par le conseil d'administration",
        "La politique est adoptée et mise en application",
        "Dépôt du portrait régional au printemps {year}",
        "Signature de l'entente de collaboration",
    ],
    "frequency": [
        "Répertoire mis à jour tous les {n} mois",
        "Rencontre trimestrielle des partenaires",
        "Bilan présenté chaque année en assemblée générale",
    ],
    "qualitative": [
        "Les membres se sentent davantage interpellés par les travaux du réseau",
        "Reconnaissance de l'expertise du réseau par les partenaires",
        "Qualité des liens entre les comités locaux et le palier régional",
        "Appréciation des élus quant à la pertinence des données produites",
    ],
}

TIMINGS: list[str] = [
    "En continu",
    "Automne {y1}",
    "Hiver {y2}",
    "Printemps {y2}",
    "Mars {y2}",
    "Septembre {y1}",
    "Trimestriel",
    "Au besoin",
    "Juin {y2}; Juin {y3}",
    "Annuellement",
]

PROGRESS_NOTES: list[str] = [
    "{n} rencontres tenues",
    "Premier jet déposé au comité",
    "{n} territoires visités",
    "Report faute de financement",
    "Adopté en assemblée générale",
    "Travaux amorcés avec les partenaires",
    "{n} participants à la première édition",
    "Contenu en validation",
]

MISSIONS: list[str] = [
    "Rassembler les acteurs du territoire afin d'améliorer les conditions de vie de la population par des actions concertées",
    "Soutenir les communautés dans la prise en charge de leur développement social, dans le respect de leurs réalités",
    "Favoriser la concertation intersectorielle pour lutter contre la pauvreté et l'exclusion sociale",
]

VISIONS: list[str] = [
    "Des communautés solidaires où chaque personne trouve sa place et contribue au bien commun",
    "Un territoire où la qualité de vie progresse grâce à la force de la concertation",
    "Un réseau reconnu, mobilisateur et ancré dans ses milieux",
]

VALUES: list[str] = [
    "Solidarité",
    "Respect",
    "Équité",
    "Transparence",
    "Engagement",
    "Ouverture",
    "Autonomie des milieux",
    "Justice sociale",
    "Coopération",
]

MANDATES: list[str] = [
    "Animer la concertation régionale en développement social",
    "Offrir du soutien aux démarches locales",
    "Représenter les intérêts des communautés auprès des instances régionales",
    "Produire et diffuser de la connaissance sur les réalités du territoire",
    "Gérer les fonds confiés par les partenaires financiers",
]

INTRO_PARAGRAPHS: list[str] = [
    "Ce document présente les grandes priorités que nous nous sommes données pour les prochaines années. Il est le fruit d'une démarche de consultation menée auprès des membres et des partenaires au cours de l'hiver.",
    "Le plan s'appuie sur le bilan du plan précédent, sur les constats du portrait du territoire et sur les échanges tenus lors de la journée de réflexion de l'automne.",
    "Il servira de guide à l'équipe et au conseil d'administration, et fera l'objet d'un suivi annuel présenté en assemblée générale.",
]

PRESIDENCY_PARAGRAPHS: list[str] = [
    "C'est avec fierté que le conseil d'administration vous présente ce nouveau plan. Il témoigne de la vitalité de notre réseau et de l'engagement de ses membres.",
    "Je tiens à remercier chaleureusement toutes les personnes qui ont participé aux consultations, ainsi que l'équipe qui a porté la démarche avec rigueur.",
]

GLOSSARY: dict[str, str] = {
    "AGA": "Assemblée générale annuelle",
    "CA": "Conseil d'administration",
    "MRC": "Municipalité régionale de comté",
    "CISSS": "Centre intégré de santé et de services sociaux",
    "DS": "Développement social",
    "OBNL": "Organisme à but non lucratif",
}

NAV_ITEMS: list[str] = [
    "Accueil",
    "Qui sommes-nous",
    "Nos membres",
    "Plan d'action",
    "Publications",
    "Actualités",
    "Nous joindre",
]
