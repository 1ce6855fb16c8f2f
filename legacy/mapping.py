"""From the platforms' vocabularies to this one: taxonomy terms (with their history) and licences.

Les Bases stores enum values (`maitrise_des_outils_numeriques`, or the Prisma identifier
`MaitriseDesOutilsNumeriques`); its retired values (2023 support types and target audiences,
2025 themes) are seeded here as inactive terms naming their successors
(ressources/migrations/0002, from shared/domain/taxonomy.md). La Base's taxonomy was data
(categories of tags), so its tags are matched by label within the vocabulary their category
stands for. A retired term becomes its successor; a retired term without one is kept (it stays
readable on the resource); anything else is kept as a free keyword and listed in the report.
"""

import re
import unicodedata

from ressources.models import Licence, Term, Vocabulary

# Values whose spelling differs here (the seed writes « ressource », Les Bases « resource »).
ALIASES = {("resource_type", "resourcepedagogique"): "ressource_pedagogique"}

# La Base: a tag category stands for a vocabulary when its name or slug says so.
V1_CATEGORY_WORDS = [
    ("thematique", "theme"),
    ("theme", "theme"),
    ("type", "resource_type"),
    ("support", "resource_type"),
    ("format", "resource_type"),
    ("beneficiaire", "beneficiary"),
    ("public", "audience"),
    ("secteur", "professional_sector"),
]

# Les Bases' licences, and the usual spellings of free licences in La Base's list.
LICENCE_NAMES = {
    "etalab20": "etalab-2.0",
    "licenceetalab20": "etalab-2.0",
    "licenceouverte": "etalab-2.0",
    "licenceouverte20": "etalab-2.0",
    "licenceouverteetalab20": "etalab-2.0",
    "lo20": "etalab-2.0",
    "ccbysa40": "CC-BY-SA-4.0",
    "licenceccbysa40": "CC-BY-SA-4.0",
    "ccbyncsa40": "CC-BY-NC-SA-4.0",
    "licenceccbyncsa40": "CC-BY-NC-SA-4.0",
    "ccby40": "CC-BY-4.0",
    "ccbynd40": "CC-BY-ND-4.0",
    "cc0": "CC0-1.0",
    "cc010": "CC0-1.0",
    "domainepublic": "CC0-1.0",
    "gplv3": "GPL-3.0-or-later",
    "agplv3": "AGPL-3.0-or-later",
    "mit": "MIT",
    "odbl": "ODbL-1.0",
}


def fold(text):
    """Lower case, no accents, letters and digits only: how labels and values are compared."""
    text = unicodedata.normalize("NFKD", str(text or "").lower())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)))


class Mapper:
    """Maps the raw terms and licence of one resource; remembers what it could not map."""

    def __init__(self):
        self.terms = {}
        for term in Term.objects.select_related("successor"):
            self.terms.setdefault((term.vocabulary, fold(term.slug)), term)
            self.terms.setdefault((term.vocabulary, fold(term.label)), term)
        self.licences = {}
        for licence in Licence.objects.all():
            for name in (licence.spdx_id, licence.name, licence.short_name):
                self.licences.setdefault(fold(name), licence)
        self.licences_by_spdx = {licence.spdx_id: licence for licence in Licence.objects.all()}

    def vocabulary_of(self, hint):
        """The vocabulary a V2 field or a V1 tag category stands for (None: not a vocabulary)."""
        if isinstance(hint, str):
            return hint
        text = f"{fold(hint.get('name'))} {fold(hint.get('slug'))}"
        for word, vocabulary in V1_CATEGORY_WORDS:
            if word in text:
                return vocabulary
        return None

    def find_term(self, vocabulary, raw):
        key = fold(raw)
        vocabularies = (
            [Vocabulary.BENEFICIARY, Vocabulary.PROFESSIONAL_SECTOR]
            if vocabulary == "audience"
            else [vocabulary]
        )
        for name in vocabularies:
            alias = ALIASES.get((name, key))
            term = self.terms.get((name, fold(alias) if alias else key))
            if term is not None:
                return term
        return None

    def map_terms(self, raw_terms):
        """({field: [Term]}, [keywords], notes) for a resource's raw terms.

        notes: [(kind, text)] with kind « retired » (a retired term replaced), « kept » (a retired
        term without successor, kept), « unmapped » (kept as a keyword)."""
        fields = {
            Vocabulary.THEME: "themes",
            Vocabulary.RESOURCE_TYPE: "resource_types",
            Vocabulary.BENEFICIARY: "beneficiaries",
            Vocabulary.PROFESSIONAL_SECTOR: "professional_sectors",
        }
        mapped = {field: [] for field in fields.values()}
        keywords, notes = [], []
        for hint, raw in raw_terms:
            vocabulary = self.vocabulary_of(hint)
            term = self.find_term(vocabulary, raw) if vocabulary else None
            if term is None:
                keywords.append(str(raw))
                where = hint if isinstance(hint, str) else (hint.get("name") or hint.get("slug"))
                notes.append(("unmapped", f"{where} : « {raw} »"))
                continue
            if not term.active:
                if term.successor is not None:
                    notes.append(("retired", f"« {term.label} » → « {term.successor.label} »"))
                    term = term.successor
                else:
                    notes.append(("kept", f"« {term.label} » (retiré, sans successeur)"))
            field = fields[term.vocabulary]
            if term not in mapped[field]:
                mapped[field].append(term)
        return mapped, keywords, notes

    def map_licence(self, licence, no_licence_spdx=None):
        """(Licence or None, note or None) for a resource's raw licence."""
        if licence.get("spdx"):
            return self.licences_by_spdx.get(licence["spdx"]), None
        raw = licence.get("raw") or ""
        if fold(raw) in ("nolicence", "paslicence", "paslicenceaucundroitreserve"):
            if no_licence_spdx:
                return self.licences_by_spdx.get(no_licence_spdx), None
            return None, "« Pas de licence - Aucun droit réservé » : licence à choisir"
        if not raw:
            return None, "aucune licence indiquée"
        key = fold(raw)
        spdx = LICENCE_NAMES.get(key)
        found = self.licences_by_spdx.get(spdx) if spdx else self.licences.get(key)
        if found is None:
            return None, f"licence « {raw or 'non renseignée'} » inconnue ici"
        return found, None
