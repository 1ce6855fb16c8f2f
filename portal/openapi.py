"""The OpenAPI 3.1 description of the read API, built from the endpoints themselves.

Paths, query parameters, orderings and default fields come from portal.api_endpoints (the same
objects that filter and check requests); the schemas of the answers are written here, and
`additionalProperties: false` makes a field the code adds without describing it fail the tests
(tests/test_api_openapi.py validates real answers against these schemas). Served as
/api/v2/openapi.json and rendered in French at /documentation-api/ (portal.views).
"""

from django.conf import settings

from .api import MAX_OFFSET
from .api_endpoints import DOCUMENTED_ENDPOINTS, Parameter

OPENAPI_VERSION = "3.1.0"
API_VERSION = "2"


def _text(description, nullable=False, **extra):
    return {
        "type": ["string", "null"] if nullable else "string",
        "description": description,
        **extra,
    }


def _integer(description):
    return {"type": "integer", "description": description}


def _boolean(description):
    return {"type": "boolean", "description": description}


def _url(description, nullable=False):
    return _text(description, nullable, format="uri")


def _ref(name, description=None, nullable=False):
    ref = {"$ref": f"#/components/schemas/{name}"}
    if nullable:
        ref = {"oneOf": [ref, {"type": "null"}]}
    if description:
        ref = (
            {**ref, "description": description}
            if nullable
            else {"allOf": [ref], "description": description}
        )
    return ref


def _array(items, description):
    return {"type": "array", "items": items, "description": description}


def _object(properties, description="", required=("id",)):
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


META = {
    "type": _text("Type de l'objet (application.Modèle)."),
    "detail_url": _url("Adresse de l'objet dans l'API."),
}
PAGE_META = {
    **META,
    "html_url": _url("Adresse de la page sur le site.", nullable=True),
    "slug": _text("Segment d'adresse de la page."),
    "first_published_at": _text("Première publication.", nullable=True, format="date-time"),
    "last_published_at": _text("Dernière publication.", nullable=True, format="date-time"),
    "show_in_menus": _boolean("Affichée dans les menus."),
    "seo_title": _text("Titre pour les moteurs de recherche."),
    "search_description": _text("Description pour les moteurs de recherche."),
    "alias_of": {"description": "Page dont celle-ci est un alias (toujours null ici)."},
    "parent": {"description": "Page parente (réponse détaillée seulement) : la base."},
    "locale": _text("Langue de la page."),
}
TERRITORY = {
    "scope": _text("Portée territoriale.", enum=["national", "regional", "departemental", "local"]),
    "region_code": _text("Code INSEE de la région (vide si nationale)."),
    "department_code": _text("Code INSEE du département (vide sinon)."),
}


def _meta(properties):
    return {
        "type": "object",
        "description": "Métadonnées.",
        "properties": properties,
        "additionalProperties": False,
    }


def schemas():
    """The components/schemas of the description: the objects the API returns."""
    page_base = {"id": _integer("Identifiant stable."), "meta": _meta(PAGE_META)}
    titled = {**page_base, "title": _text("Titre.")}
    image = {"oneOf": [_ref("Reference"), {"type": "null"}], "description": "Image (référence)."}
    return {
        "Erreur": _object(
            {"message": _text("Ce qui ne va pas, en français.")},
            "Réponse d'erreur (400, 404).",
            required=("message",),
        ),
        "Reference": {
            "type": "object",
            "description": "Objet lié : identifiant, métadonnées (adresse dans l'API) et titre.",
            "properties": {"id": _integer("Identifiant."), "meta": {"type": "object"}},
            "required": ["id"],
        },
        "ReferenceBase": _object(
            {
                "id": _integer("Identifiant de la base."),
                "title": _text("Nom de la base."),
                "detail_url": _url("Adresse de la base dans l'API."),
                "html_url": _url("Adresse de la base sur le site.", nullable=True),
            },
            "La base qui publie.",
        ),
        "ReferenceAdaptation": _object(
            {
                "id": _integer("Identifiant de la ressource d'origine."),
                "title": _text("Titre de la ressource d'origine."),
                "detail_url": _url("Adresse de la ressource d'origine dans l'API."),
                "html_url": _url("Adresse de la ressource d'origine sur le site.", nullable=True),
                "version": _text(
                    "Numéro de la version adaptée (« 1.1 »), quand elle est connue.",
                    nullable=True,
                ),
                "version_html_url": _url(
                    "Adresse de la version adaptée sur le site.", nullable=True
                ),
            },
            "La ressource d'origine d'une adaptation, si l'appelant peut la lire.",
        ),
        "ReferenceTerme": _object(
            {"slug": _text("Identifiant du terme."), "label": _text("Libellé.")},
            "Terme de la taxonomie.",
            required=("slug", "label"),
        ),
        "ReferenceLicence": _object(
            {
                "spdx_id": _text("Identifiant SPDX."),
                "name": _text("Nom."),
                "short_name": _text("Nom court."),
                "url": _text("Texte de la licence."),
                "is_open": _boolean("Licence ouverte."),
            },
            "Licence de la ressource.",
            required=("spdx_id",),
        ),
        "ReferenceOrganisation": _object(
            {
                "name": _text("Nom."),
                "slug": _text("Identifiant (celui de /organisations/)."),
                "kind": _text("Type d'organisation."),
                "website": _text("Site web."),
            },
            "Organisation.",
            required=("name", "slug"),
        ),
        "Bloc": {
            "type": "object",
            "description": "Bloc du contenu : type (paragraph, heading, image, document, link, "
            "video, callout…), valeur et identifiant.",
            "properties": {
                "type": _text("Type de bloc."),
                "value": {},
                "id": _text("Identifiant."),
            },
            "required": ["type", "value"],
        },
        "Ressource": _object(
            {
                **titled,
                "summary": _text("Résumé (560 caractères au plus)."),
                "cover_image": image,
                "body": _array(_ref("Bloc"), "Contenu, bloc par bloc."),
                "themes": _array(_ref("ReferenceTerme"), "Thématiques."),
                "resource_types": _array(_ref("ReferenceTerme"), "Types de ressource."),
                "beneficiaries": _array(_ref("ReferenceTerme"), "Bénéficiaires."),
                "professional_sectors": _array(_ref("ReferenceTerme"), "Secteurs professionnels."),
                "tags": _array({"type": "string"}, "Mots-clés libres."),
                "licence": _ref("ReferenceLicence", "Licence.", nullable=True),
                "producer": _ref(
                    "ReferenceOrganisation", "Organisation productrice.", nullable=True
                ),
                "language": _text("Langue (ISO 639-1)."),
                "original_publication_date": _text(
                    "Date de la publication d'origine.", nullable=True, format="date"
                ),
                **TERRITORY,
                "current_version": _text("Numéro de la version en ligne (« 1.1 »).", nullable=True),
                "credits": _array(
                    {
                        "type": "object",
                        "properties": {
                            "id": _integer("Identifiant."),
                            "meta": {"type": "object"},
                            "kind": _text("person ou organisation."),
                            "name": _text("Nom crédité."),
                            "role": _text("Rôle (Rédaction, Contribution…)."),
                        },
                        "required": ["kind", "name", "role"],
                        "additionalProperties": False,
                    },
                    "Crédits : noms et rôles (aucune adresse e-mail, aucun compte).",
                ),
                "base": _ref("ReferenceBase", "La base qui publie la ressource.", nullable=True),
                "adapted_from": _ref(
                    "ReferenceAdaptation",
                    "Adaptée de : la ressource d'origine et la version adaptée (null si ce "
                    "n'est pas une adaptation, ou si l'appelant ne peut pas lire l'origine).",
                    nullable=True,
                ),
            },
            "Une ressource publiée.",
        ),
        "Base": _object(
            {
                **titled,
                "organisation": _ref(
                    "ReferenceOrganisation", "Organisation propriétaire.", nullable=True
                ),
                "description": _text("Présentation (HTML)."),
                "dedicated_to": _text("« Dédiée à »."),
                "contribution_mode": _text("Mode de contribution."),
                "visibility": _text("public ou private."),
                **TERRITORY,
                "is_certified": _boolean("Base certifiée par la plateforme."),
                "logo": image,
                "cover": image,
                "website": _text("Site web."),
            },
            "Une base : l'espace d'une organisation.",
        ),
        "Collection": _object(
            {
                **titled,
                "description": _text("Description."),
                "image": image,
                "visibility": _text("public ou private."),
                "items": _array(
                    _object(
                        {
                            "id": _integer("Identifiant de la ressource."),
                            "title": _text("Titre de la ressource."),
                            "note": _text("Note de la collection sur cette ressource."),
                        },
                        required=("id", "title"),
                    ),
                    "Les ressources de la collection que l'appelant peut lire, dans l'ordre.",
                ),
                "base": _ref("ReferenceBase", "La base de la collection.", nullable=True),
            },
            "Une collection : sélection ordonnée de ressources.",
        ),
        "Organisation": _object(
            {
                "id": _integer("Identifiant stable."),
                "meta": _meta(META),
                "name": _text("Nom."),
                "slug": _text("Identifiant d'adresse, stable."),
                "kind": _text("Type d'organisation (valeur du filtre organisation)."),
                "kind_label": _text("Type d'organisation, en toutes lettres."),
                "website": _text("Site web."),
                "siret": _text("SIRET (14 chiffres, vide si inconnu)."),
                "description": _text("Présentation."),
                **TERRITORY,
            },
            "Une organisation du secteur.",
        ),
        "Terme": _object(
            {
                "id": _integer("Identifiant."),
                "meta": _meta(META),
                "vocabulary": _text(
                    "Vocabulaire.",
                    enum=["theme", "resource_type", "beneficiary", "professional_sector"],
                ),
                "vocabulary_label": _text("Vocabulaire, en toutes lettres."),
                "slug": _text("Identifiant stable dans son vocabulaire."),
                "label": _text("Libellé."),
                "category": _text("Catégorie (thématiques)."),
                "hint": _text("Aide."),
                "active": _boolean("En usage (false : retiré)."),
                "successor": _text("slug du terme qui le remplace.", nullable=True),
                "filter_parameter": _text(
                    "Filtre de /ressources/ qui prend ce slug.", nullable=True
                ),
            },
            "Un terme de la taxonomie.",
        ),
        "Licence": _object(
            {
                "id": _integer("Identifiant."),
                "meta": _meta(META),
                "spdx_id": _text("Identifiant SPDX, stable (valeur du filtre licence)."),
                "name": _text("Nom."),
                "short_name": _text("Nom court."),
                "url": _text("Texte de la licence."),
                "kind": _text("Usage.", enum=["content", "software", "data", "reserved"]),
                "kind_label": _text("Usage, en toutes lettres."),
                "attribution": _boolean("Paternité."),
                "share_alike": _boolean("Partage dans les mêmes conditions."),
                "non_commercial": _boolean("Pas d'utilisation commerciale."),
                "no_derivatives": _boolean("Pas de modification."),
                "is_open": _boolean("Licence ouverte."),
                "crpa_listed": _boolean("Homologuée (art. D323-2-1 du CRPA)."),
            },
            "Une licence et les droits qu'elle donne.",
        ),
        "Version": _object(
            {
                "id": _integer("Identifiant stable."),
                "meta": _meta(META),
                "resource": _ref("Reference", "La ressource."),
                "number": _text("Numéro (« 1.1 »)."),
                "published_at": _text("Date de publication.", format="date-time"),
                "responsible": _text("Responsable de la version (nom — organisation)."),
                "changes": _array({"type": "string"}, "Changements, ligne par ligne."),
                "restored_from": _text("Version restaurée par celle-ci.", nullable=True),
                "html_url": _url(
                    "Adresse de la ressource telle que cette version l'a publiée.", nullable=True
                ),
            },
            "Une version du journal d'une ressource.",
        ),
    }


def _parameter(parameter: Parameter):
    documented = {
        "name": parameter.name,
        "in": "query",
        "required": False,
        "description": parameter.description,
        "schema": parameter.schema,
    }
    if parameter.many:
        documented.update(style="form", explode=True)
    if parameter.example is not None:
        documented["example"] = [parameter.example] if parameter.many else parameter.example
    return documented


def _common_parameters(endpoint):
    return [
        {
            "name": "limit",
            "in": "query",
            "description": f"Nombre d'objets par page (20 par défaut, {settings.WAGTAILAPI_LIMIT_MAX} au plus).",
            "schema": {
                "type": "integer",
                "minimum": 0,
                "maximum": settings.WAGTAILAPI_LIMIT_MAX,
                "default": 20,
            },
        },
        {
            "name": "offset",
            "in": "query",
            "description": "Rang du premier objet renvoyé (pagination : offset=20 pour la deuxième page de 20).",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        },
        {
            "name": "fields",
            "in": "query",
            "description": "Champs renvoyés, séparés par des virgules : `fields=summary,tags` en "
            "ajoute, `fields=-summary` en retire, `fields=*` les donne tous, `fields=_,title` "
            "seulement ceux-là.",
            "schema": {"type": "string"},
        },
        {
            "name": "order",
            "in": "query",
            "description": "Tri (`-` devant : ordre décroissant).",
            "schema": {"type": "string", "enum": list(endpoint.orderings)},
        },
    ]


def _error(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref("Erreur")}},
    }


def paths():
    documented = {}
    for endpoint in DOCUMENTED_ENDPOINTS:
        item = _ref(endpoint.item_schema)
        defaults = ", ".join(
            name
            for name in endpoint.listing_default_fields
            if name not in ("id", "type", "detail_url")
        )
        documented[f"/{endpoint.api_name}/"] = {
            "get": {
                "tags": [endpoint.title],
                "operationId": f"liste-{endpoint.api_name}",
                "summary": f"{endpoint.title} : la liste",
                "description": f"{endpoint.api_description}\n\nChamps renvoyés par défaut : id, "
                f"type, detail_url, {defaults}.",
                "parameters": [
                    *[_parameter(parameter) for parameter in endpoint.parameters],
                    *_common_parameters(endpoint),
                ],
                "responses": {
                    "200": {
                        "description": "Une page de la liste et le nombre total d'objets.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "meta": {
                                            "type": "object",
                                            "properties": {
                                                "total_count": _integer("Nombre total d'objets.")
                                            },
                                            "required": ["total_count"],
                                            "additionalProperties": False,
                                        },
                                        "items": {"type": "array", "items": item},
                                    },
                                    "required": ["meta", "items"],
                                    "additionalProperties": False,
                                }
                            }
                        },
                    },
                    "400": _error("Paramètre invalide ou inconnu : le message dit lequel."),
                },
            }
        }
        documented[f"/{endpoint.api_name}/{{id}}/"] = {
            "get": {
                "tags": [endpoint.title],
                "operationId": f"detail-{endpoint.api_name}",
                "summary": f"{endpoint.title} : un objet",
                "description": "Tous les champs de l'objet (ou ceux que `fields` demande).",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": "Identifiant stable.",
                        "schema": {"type": "integer", "minimum": 1},
                    },
                    {
                        "name": "fields",
                        "in": "query",
                        "description": "Champs renvoyés (même syntaxe que dans la liste).",
                        "schema": {"type": "string"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "L'objet.",
                        "content": {"application/json": {"schema": item}},
                    },
                    "400": _error("Paramètre invalide."),
                    "404": _error("Introuvable, ou pas lisible par l'appelant."),
                },
            }
        }
    return documented


DESCRIPTION = """\
L'API de lecture de Bases communes donne, en JSON, ce que le site publie : ressources, bases,
collections, organisations, taxonomie, licences, versions et journaux des versions.

- **Accès libre, en lecture seule** : sans clé ni compte. Depuis un navigateur, tout site peut
  l'appeler (CORS : GET, HEAD et OPTIONS, sans cookie). Appelée avec une session du site, elle
  montre aussi les bases privées dont la personne est membre ; sinon, jamais.
- **Identifiants stables** : l'`id` d'une ressource, d'une base, d'une collection ou d'une
  version ne change pas ; les termes et les licences ont aussi un identifiant textuel stable
  (`slug`, `spdx_id`), qui est la valeur des filtres.
- **Pagination** : `limit` (20 par défaut, 100 au plus) et `offset` ; `meta.total_count` donne
  le total.
- **Filtres** : ceux de la recherche du site, sous les mêmes noms ; plusieurs valeurs d'un même
  filtre s'additionnent (`?thematique=a&thematique=b`), des filtres différents se combinent.
  `search` cherche avec le même moteur que le site.
- **Adresses absolues** : `detail_url` (l'objet dans l'API) et `html_url` (sa page sur le site).
- **Erreurs** : un paramètre invalide ou inconnu reçoit une réponse 400 dont le `message` dit,
  en français, ce qui ne va pas.

Les points d'accès génériques de Wagtail (`/pages/`, `/images/`, `/documents/`) restent ouverts,
avec les mêmes règles de visibilité, mais ne sont pas décrits ici.
"""


def openapi_document():
    """The whole description, with the configured host (BASE_URL) as its server."""
    components = schemas()
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "API de Bases communes",
            "version": API_VERSION,
            "description": DESCRIPTION,
        },
        "servers": [{"url": f"{settings.BASE_URL}/api/v2", "description": "Bases communes"}],
        "tags": [
            {"name": endpoint.title, "description": endpoint.api_description}
            for endpoint in DOCUMENTED_ENDPOINTS
        ],
        "paths": paths(),
        "components": {"schemas": components},
    }
