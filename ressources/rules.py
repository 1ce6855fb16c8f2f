"""Publication rules of a resource, in one place for every way a resource gets published.

The admin form calls them to show errors on the right fields; the model calls them again when
a live version is saved, so that no other path (front-end editing, scripts) can bypass them.
"""

from django.utils.translation import gettext as _

MAX_TITLE_LENGTH = 100
TAXONOMY_LIMITS = {
    "themes": 5,
    "resource_types": 4,
    "beneficiaries": 5,
    "professional_sectors": 5,
}


def content_errors(*, title, taxonomy):
    """Rules that hold for drafts too. `taxonomy` maps field name to a list of terms."""
    errors = {}
    if title and len(title) > MAX_TITLE_LENGTH:
        errors["title"] = [
            _("Le titre ne doit pas dépasser %(max)d caractères (il en compte %(count)d).")
            % {"max": MAX_TITLE_LENGTH, "count": len(title)}
        ]
    for field, limit in TAXONOMY_LIMITS.items():
        terms = taxonomy.get(field) or []
        if len(terms) > limit:
            errors[field] = [
                _("Choisissez au plus %(max)d valeurs (vous en avez choisi %(count)d).")
                % {"max": limit, "count": len(terms)}
            ]
    return errors


def licence_compatibility_error(licence, adapted_from):
    """Why publishing an adaptation of `adapted_from` under `licence` is not allowed, if it is not."""
    if adapted_from is None:
        return None
    original = adapted_from.licence
    if original is None:
        return None
    if original.no_derivatives:
        return _(
            "La ressource d'origine « %(title)s » est sous %(licence)s, qui n'autorise pas les "
            "modifications : vous ne pouvez pas en publier une adaptation sans l'accord de ses "
            "auteurs."
        ) % {"title": adapted_from.title, "licence": original.name}
    if original.share_alike and licence is not None and licence.pk != original.pk:
        return _(
            "La ressource d'origine « %(title)s » est sous %(licence)s, avec partage dans les mêmes "
            "conditions : son adaptation doit être publiée sous la même licence, pas sous "
            "%(chosen)s."
        ) % {"title": adapted_from.title, "licence": original.name, "chosen": licence.name}
    return None


def adaptation_refusal(original):
    """Why « Adapter dans ma base » is refused for `original` (a resource, or the state of one
    of its versions), if it is: the cases `licence_compatibility_error` refuses whatever the
    licence chosen, said of the resource itself."""
    licence = original.licence
    if licence is None:
        return _(
            "« %(title)s » n'indique pas de licence : personne ne peut l'adapter sans l'accord "
            "de ses auteurs."
        ) % {"title": original.title}
    if licence.kind == "reserved":
        return _(
            "« %(title)s » est publiée « %(licence)s » : ses auteurs n'en autorisent pas "
            "l'adaptation sans leur accord."
        ) % {"title": original.title, "licence": licence.name}
    if licence.no_derivatives:
        return _(
            "« %(title)s » est sous %(licence)s, qui n'autorise pas les modifications : on ne "
            "peut pas en publier d'adaptation sans l'accord de ses auteurs."
        ) % {"title": original.title, "licence": licence.name}
    return None


def publication_errors(*, licence, themes, resource_types, adapted_from):
    """Rules that must hold for a resource to be published."""
    errors = {}
    if licence is None:
        errors["licence"] = [
            _(
                "Choisissez une licence : sans elle, personne ne sait s'il peut réutiliser la ressource."
            )
        ]
    if not themes:
        errors["themes"] = [_("Choisissez au moins une thématique pour publier la ressource.")]
    if not resource_types:
        errors["resource_types"] = [_("Choisissez au moins un type de ressource pour la publier.")]
    message = licence_compatibility_error(licence, adapted_from)
    if message:
        errors.setdefault("licence", []).append(message)
    return errors
