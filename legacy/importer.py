"""The import of bases from La Base and Les Bases (`manage.py import_bases`).

Pages are made the ordinary Wagtail way (a revision, then its publication), so a resource's
public journal starts at version 1.0, dated from its first publication over there and credited
to its author. Each item is written in its own transaction together with its row of
`ImportedItem`: an item found there is never written again (the import is idempotent), and a run
that stops midway resumes at the first item it had not finished. `dry_run` maps everything,
reports and writes nothing.

After the pages come what the community made of them: base logos and covers, avis (reviews),
follows of bases and of people, and La Base's « rubriques » (as collections), each one an item
of its own in the same way. None of them notifies anyone: they happened long ago, over there.
"""

import base64
import binascii
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from accounts.models import User
from base.models import BaseMembership, BasePage, BasesIndexPage, Role, Visibility
from organisations.territories import Scope, region_of_department
from ressources import rules
from ressources.models import (
    CollectionItem,
    CreditKind,
    CreditRole,
    RelatedResource,
    ResourceCollectionPage,
    ResourceCredit,
    ResourcePage,
    ResourceReview,
    ResourceVersion,
    Usefulness,
)
from ressources.richtext import PARAGRAPH_FEATURES, html_text, html_to_markup, markup_to_html
from ressources.uploads import clean_document, clean_image
from search.duplicates import similar_resources
from veille.models import Follow

from .mapping import Mapper
from .models import ImportedItem, ItemKind, Platform

PLATFORM_NAMES = {Platform.LA_BASE: "La Base", Platform.LES_BASES: "Les Bases"}
DESCRIPTION_FEATURES = frozenset(["bold", "italic", "link", "ol", "ul"])
DOWNLOAD_TIMEOUT = 30
BASE_IMAGES = {"logo": "Logo", "cover": "Image de couverture"}


class ImportRefused(Exception):
    """The import cannot go on as asked (message in French, for the operator)."""


class Operator:
    """Who reads the report: it may see every base (duplicates in private bases included)."""

    is_authenticated = True
    is_superuser = True


@dataclass
class Report:
    platform: str
    dry_run: bool
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    published: int = 0
    drafts: list = field(default_factory=list)  # (title, reasons)
    unmapped: list = field(default_factory=list)  # (item, text)
    retired: Counter = field(default_factory=Counter)  # « old » → « new »
    duplicates: list = field(default_factory=list)  # (title, [similar dicts])
    accounts_found: int = 0
    refused: list = field(default_factory=list)  # (title, reasons): not imported at all
    sections: list = field(default_factory=list)  # (rubrique, collection): rubriques as such

    def lines(self):
        name = PLATFORM_NAMES[self.platform]
        title = f"Rapport d'import depuis {name}"
        yield title + (" (simulation : rien n'a été écrit)" if self.dry_run else "")
        verb = "à créer" if self.dry_run else "créé(e)s"
        for kind, label in (
            (ItemKind.BASE, "Bases"),
            (ItemKind.RESOURCE, "Ressources"),
            (ItemKind.COLLECTION, "Collections"),
            (ItemKind.USER, "Comptes"),
            (ItemKind.BASE_IMAGE, "Logos et couvertures"),
            (ItemKind.REVIEW, "Avis"),
            (ItemKind.FOLLOW, "Suivis"),
            (ItemKind.SECTION, "Rubriques"),
        ):
            yield (f"{label} : {self.created[kind]} {verb}, {self.existing[kind]} déjà importé(e)s")
        if not self.dry_run:
            yield f"Ressources publiées : {self.published} ; en brouillon : {len(self.drafts)}"
        yield f"Comptes retrouvés par leur adresse e-mail : {self.accounts_found}"
        if self.retired:
            yield "Termes retirés remplacés par leur successeur :"
            for text, count in sorted(self.retired.items()):
                yield f"  - {text} ({count})"
        if self.drafts:
            yield (
                "Resteraient en brouillon (à compléter avant de publier) :"
                if self.dry_run
                else "Importées en brouillon (à compléter avant de publier) :"
            )
            for item, reasons in self.drafts:
                yield f"  - {item} : {' ; '.join(reasons)}"
        if self.sections:
            yield "Rubriques de La Base devenues des collections publiques de leur base :"
            for section, collection in self.sections:
                yield f"  - rubrique « {section} » → collection « {collection} »"
        if self.refused:
            yield f"Non importés ({len(self.refused)}) :"
            for item, reasons in self.refused:
                yield f"  - « {item} » : {reasons}"
        yield f"Non repris tel quel ({len(self.unmapped)}) :"
        for item, text in self.unmapped:
            yield f"  - {item} : {text}"
        yield f"Doublons probables ({len(self.duplicates)}) :"
        for item, similar in self.duplicates:
            others = " ; ".join(f"« {s['title']} » ({s['base']}, {s['url']})" for s in similar)
            yield f"  - {item} ressemble à {others}"


class Importer:
    """One run of the import of one export (see the module docstring)."""

    def __init__(
        self,
        source,
        organisation,
        base_slug=None,
        dry_run=False,
        no_licence=None,
        download=False,
        out=print,
    ):
        self.source = source
        self.platform = source["platform"]
        self.platform_name = PLATFORM_NAMES[self.platform]
        self.organisation = organisation
        self.base_slug = base_slug
        self.dry_run = dry_run
        self.no_licence = no_licence
        self.download = download
        self.out = out
        self.mapper = Mapper()
        self.report = Report(self.platform, dry_run)
        self.index = BasesIndexPage.objects.get()
        self.users = {}
        self.users_counted = set()  # `users` is forgotten with a refused item; this is not
        self.bases = {}
        self.files = []  # stored by the item being written

    # Steps ------------------------------------------------------------------------------------

    def run(self):
        bases = self.source["bases"]
        # Resources that link to others come last, so that the ones they link to exist.
        resources = sorted(
            ((base, item) for base in bases for item in base["resources"]),
            key=lambda pair: any(block["type"] == "resource" for block in pair[1]["blocks"]),
        )
        collections = [(base, item) for base in bases for item in base["collections"]]
        for number, base in enumerate(bases, 1):
            status = self.step(ItemKind.BASE, base, lambda b=base: self.write_base(b))
            self.progress("Base", number, len(bases), base["title"], status)
        for number, (base, item) in enumerate(resources, 1):
            status = self.step(
                ItemKind.RESOURCE, item, lambda b=base, i=item: self.write_resource(b, i)
            )
            self.progress("Ressource", number, len(resources), item["title"], status)
        for number, (base, item) in enumerate(collections, 1):
            status = self.step(
                ItemKind.COLLECTION, item, lambda b=base, i=item: self.write_collection(b, i)
            )
            self.progress("Collection", number, len(collections), item["title"], status)
        self.run_community(bases)
        return self.report

    def run_community(self, bases):
        """Logos and covers, rubriques, avis and follows, once the pages they belong to exist."""
        images = [
            (
                base,
                {
                    **spec,
                    "key": f"{base['key']}:{name}",
                    "title": f"{BASE_IMAGES[name]} de la base {base['title']}",
                    "field": name,
                },
            )
            for base in bases
            for name in BASE_IMAGES
            if (spec := base.get(name))
        ]
        for number, (base, item) in enumerate(images, 1):
            status = self.step(
                ItemKind.BASE_IMAGE, item, lambda b=base, i=item: self.write_base_image(b, i)
            )
            label = BASE_IMAGES[item["field"]]
            self.progress(label, number, len(images), base["title"], status)
        sections = [(base, item) for base in bases for item in base.get("sections") or []]
        for number, (base, item) in enumerate(sections, 1):
            if item["kind"] != "resources":
                self.report.refused.append(
                    (
                        f"Rubrique {item['title']}",
                        "rubrique de collections de la base "
                        f"« {base['title']} » : une collection ne peut pas contenir de "
                        "collections ici (ses collections sont importées, elles)",
                    )
                )
                self.progress("Rubrique", number, len(sections), item["title"], "non reprise")
                continue
            status = self.step(
                ItemKind.SECTION, item, lambda b=base, i=item: self.write_section(b, i)
            )
            self.progress("Rubrique", number, len(sections), item["title"], status)
        reviews = [
            (resource, {**review, "key": f"{resource['key']}:{review['author']}"})
            for base in bases
            for resource in base["resources"]
            for review in resource.get("reviews") or []
        ]
        for number, (resource, item) in enumerate(reviews, 1):
            item["title"] = f"Avis de {self.person_name(item['author'])} sur {resource['title']}"
            status = self.step(
                ItemKind.REVIEW, item, lambda r=resource, i=item: self.write_review(r, i)
            )
            self.progress("Avis", number, len(reviews), resource["title"], status)
        follows = [
            (base, {**follow, "key": f"{base['key']}:{follow['user']}"})
            for base in bases
            for follow in base.get("follows") or []
        ]
        people = [
            {**follow, "key": f"profil:{follow['user']}:{follow['person']}"}
            for follow in self.source.get("profile_follows") or []
        ]
        total = len(follows) + len(people)
        for number, (base, item) in enumerate(follows, 1):
            item["title"] = f"Suivi de la base {base['title']} par {self.person_name(item['user'])}"
            status = self.step(
                ItemKind.FOLLOW, item, lambda b=base, i=item: self.write_base_follow(b, i)
            )
            self.progress("Suivi", number, total, base["title"], status)
        for number, item in enumerate(people, len(follows) + 1):
            who, whom = self.person_name(item["user"]), self.person_name(item["person"])
            item["title"] = f"Suivi de {whom} par {who}"
            status = self.step(ItemKind.FOLLOW, item, lambda i=item: self.write_person_follow(i))
            self.progress("Suivi", number, total, whom, status)

    def progress(self, label, number, total, title, status):
        self.out(f"[{number}/{total}] {label} « {title} » : {status}")

    def step(self, kind, item, write):
        """Write one item in its own transaction unless it was imported before."""
        if self.imported(kind, item["key"]) is not None:
            self.report.existing[kind] += 1
            return "déjà importée"
        self.report.created[kind] += 1
        if self.dry_run:
            self.plan_only(kind, item)
            return "à importer"
        self.files = []
        notes = (len(self.report.unmapped), len(self.report.drafts), Counter(self.report.retired))
        try:
            with transaction.atomic():
                return write()
        except Exception as error:
            # What the report says of it goes too: it only says the item was refused.
            del self.report.unmapped[notes[0] :], self.report.drafts[notes[1] :]
            self.report.retired = notes[2]
            # Its transaction is rolled back: the files it stored go too.
            for stored in self.files:
                stored.storage.delete(stored.name)
            # Accounts and the base it made are gone with it: forget them.
            self.users = {}
            if kind == ItemKind.BASE:
                self.bases.pop(item["key"], None)
            if not isinstance(error, ValidationError):
                raise
            # A refused item stops only itself.
            self.report.created[kind] -= 1
            self.report.refused.append((item.get("title") or item["key"], " ".join(error.messages)))
            return "refusée (voir le rapport)"

    def plan_only(self, kind, item):
        """What a dry run can tell without writing: accounts, mapping, drafts, duplicates."""
        if kind == ItemKind.BASE:
            for key in {item["owner"], *(key for key, _admin in item["members"])}:
                self.user(key)
        elif kind == ItemKind.RESOURCE:
            self.user(item["creator"])
            reasons = self.plan_resource(item)[3]
            if reasons:
                self.report.drafts.append((f"« {item['title']} »", reasons))
            self.check_duplicates(item, None, None)
        elif kind == ItemKind.REVIEW:
            self.user(item["author"])
        elif kind == ItemKind.FOLLOW:
            for key in (item["user"], item.get("person")):
                self.user(key)
        elif kind == ItemKind.BASE_IMAGE and not self.local_file(item):
            self.unmapped(
                item["title"],
                "son adresse seule est dans l'export : relancez avec --telecharger pour la "
                "reprendre",
            )

    # The table of imported items ----------------------------------------------------------------

    def imported(self, kind, key, platform=None):
        if not key:
            return None
        row = ImportedItem.objects.filter(
            platform=platform or self.platform, kind=kind, source_id=key
        ).first()
        if row is not None and row.page_id is None and row.user_id is None:
            return None
        return row

    def remember(self, kind, item, page, user=None):
        ImportedItem.objects.create(
            platform=self.platform,
            kind=kind,
            source_id=item["key"],
            source_slug=item.get("slug") or "",
            page=page,
            user=user,
        )
        # Les Bases kept the ids of La Base: its old addresses find the page as well, and a later
        # import of La Base's export does not create it twice.
        legacy_key = item.get("legacy_key")
        if legacy_key and self.platform == Platform.LES_BASES:
            ImportedItem.objects.get_or_create(
                platform=Platform.LA_BASE, kind=kind, source_id=legacy_key, defaults={"page": page}
            )

    def page_of(self, kind, key):
        row = self.imported(kind, key)
        return row.page.specific if row is not None and row.page_id else None

    # People ---------------------------------------------------------------------------------

    def user(self, key):
        """The account of a person of the export: imported before, found by address, or created
        (no password: the person sets one with « Mot de passe oublié »)."""
        if not key:
            return None
        if key in self.users:
            return self.users[key]
        person = self.source["users"].get(key)
        row = self.imported(ItemKind.USER, key)
        user = row.user if row is not None else None
        if user is None and person and person["email"]:
            user = User.objects.filter(email__iexact=person["email"]).first()
            if user is not None:
                self.report.accounts_found += 1
                if not self.dry_run:
                    ImportedItem.objects.create(
                        platform=self.platform, kind=ItemKind.USER, source_id=key, user=user
                    )
            elif not self.dry_run:
                user = self.create_user(key, person)
            else:
                self.report.created[ItemKind.USER] += 1
        elif row is not None and key not in self.users_counted:
            self.report.existing[ItemKind.USER] += 1
        self.users_counted.add(key)
        self.users[key] = user
        return user

    def person_name(self, key):
        """How the report names a person of the export (their address: it is how they are
        found here)."""
        person = self.source["users"].get(key) or {}
        return person.get("email") or f"personne {key}"

    def create_user(self, key, person):
        stem = slugify(person.get("slug") or person["email"].split("@")[0])[:130] or "personne"
        username, number = stem, 1
        while User.objects.filter(username=username).exists():
            number += 1
            username = f"{stem}-{number}"
        first, last = person["first_name"], person["last_name"]
        if not (first or last) and person.get("name"):
            first = person["name"]
        user = User(username=username, email=person["email"], first_name=first, last_name=last)
        user.set_unusable_password()
        user.save()
        ImportedItem.objects.create(
            platform=self.platform, kind=ItemKind.USER, source_id=key, user=user
        )
        self.report.created[ItemKind.USER] += 1
        return user

    # Bases ----------------------------------------------------------------------------------

    def base_page(self, data):
        """The base here of a base of the export (None in a dry run before it exists)."""
        if data["key"] not in self.bases:
            self.bases[data["key"]] = self.page_of(ItemKind.BASE, data["key"])
        return self.bases[data["key"]]

    def existing_base(self, data):
        page = self.base_page(data)
        if page is None:
            raise ValidationError(f"sa base « {data['title']} » n'a pas été importée")
        return page

    def write_base(self, data):
        owner = self.user(data["owner"])
        page = None
        if self.base_slug:
            page = BasePage.objects.child_of(self.index).filter(slug=self.base_slug).first()
            if page is not None and page.organisation_id != self.organisation.pk:
                raise ImportRefused(
                    f"La base « {page.title} » appartient à {page.organisation.name}, pas à "
                    f"{self.organisation.name} : choisissez une autre base."
                )
        if page is None:
            page = self.create_base(data, owner)
            status = "créée"
        else:
            status = "importée dans la base existante"
        self.remember(ItemKind.BASE, data, page)
        self.bases[data["key"]] = page
        for key, is_admin in data["members"]:
            user = self.user(key)
            if user is not None:
                BaseMembership.objects.get_or_create(
                    base=page,
                    user=user,
                    defaults={"role": Role.ADMIN if is_admin else Role.CONTRIBUTOR},
                )
        for key in data["pending_members"]:
            person = self.source["users"].get(key) or {}
            self.unmapped(
                f"Base « {data['title']} »",
                f"invitation non acceptée de {person.get('email') or key} : non reprise",
            )
        return status

    def create_base(self, data, owner):
        slug = self.base_slug or self.free_slug(
            self.index, data["slug"] or slugify(data["title"]) or "base"
        )
        department = data["department"] if region_of_department(data["department"]) else ""
        page = BasePage(
            title=data["title"][:255],
            slug=slug,
            organisation=self.organisation,
            description=self.rich_text(data["description"], DESCRIPTION_FEATURES),
            visibility=Visibility.PUBLIC if data["is_public"] else Visibility.PRIVATE,
            contact_email=self.valid_email(data["email"]),
            website=self.valid_url(data["website"]) if len(data["website"]) <= 200 else "",
            scope=Scope.DEPARTMENTAL if department else Scope.NATIONAL,
            department_code=department,
            region_code=region_of_department(department) if department else "",
            owner=owner,
            live=False,
        )
        self.index.add_child(instance=page)
        self.publish(page, owner, data["created"], data["updated"])
        return page

    # Resources ------------------------------------------------------------------------------

    def plan_resource(self, data):
        """The mapped taxonomy, keywords, licence and the reasons it must stay a draft."""
        label = f"Ressource « {data['title']} »"
        terms, keywords, notes = self.mapper.map_terms(data["terms"])
        for kind, text in notes:
            if kind == "retired":
                self.report.retired[text] += 1
            else:
                self.unmapped(label, text + (" : gardé en mot-clé" if kind == "unmapped" else ""))
        for name, limit in rules.TAXONOMY_LIMITS.items():
            if len(terms[name]) > limit:
                dropped = ", ".join(f"« {t.label} »" for t in terms[name][limit:])
                self.unmapped(label, f"au-delà de {limit} valeurs, non reprises : {dropped}")
                terms[name] = terms[name][:limit]
        licence, note = self.mapper.map_licence(data["licence"], self.no_licence)
        if note:
            self.unmapped(label, note)
        reasons = []
        if data["state"] == "draft":
            reasons.append(f"brouillon sur {self.platform_name}")
        elif data["state"] == "private":
            reasons.append(f"privée sur {self.platform_name}")
        errors = rules.publication_errors(
            licence=licence,
            themes=terms["themes"],
            resource_types=terms["resource_types"],
            adapted_from=None,
        )
        reasons += [message for messages in errors.values() for message in messages]
        return terms, [*data["tags"], *keywords], licence, reasons

    def write_resource(self, base, data):
        base_page = self.existing_base(base)
        terms, keywords, licence, reasons = self.plan_resource(data)
        creator = self.user(data["creator"])
        page = ResourcePage(
            title=data["title"][: rules.MAX_TITLE_LENGTH],
            slug=self.free_slug(base_page, data["slug"] or slugify(data["title"])[:80]),
            summary=(html_text(data["summary"]) or data["title"])[:560],
            licence=licence,
            permission_contact=data["licence"].get("contact", "")[:255],
            original_publication_date=data["published"].date() if data["published"] else None,
            owner=creator,
            live=False,
        )
        for name, values in terms.items():
            setattr(page, name, values)
        page.tags.add(*{keyword[:100] for keyword in keywords if keyword.strip()})
        page.credit_owner = False
        page.credits = self.credits(data, creator)
        page.body, related = self.body(data, base_page, creator)
        page.related_links = [
            RelatedResource(sort_order=order, related=target)
            for order, target in enumerate(related)
        ]
        if data["cover"]:
            page.cover_image = self.image(data["cover"], base_page, creator, data)
        page.version_changes = f"Importée depuis {self.platform_name} (ressource {data['key']})"
        base_page.add_child(instance=page)
        published = data["published"] or data["created"]
        if reasons:
            self.report.drafts.append((f"« {data['title']} »", reasons))
            revision = page.save_revision(user=creator, log_action=True)
            self.backdate(page, revision, None, data["updated"] or published)
            status = "importée en brouillon"
        else:
            self.publish(page, creator, published, data["updated"])
            self.report.published += 1
            status = "importée et publiée"
        self.remember(ItemKind.RESOURCE, data, page)
        self.check_duplicates(data, base_page, page)
        return status

    def credits(self, data, creator):
        lines = []
        if creator is not None:
            lines.append((CreditKind.PERSON, creator.display_name, CreditRole.WRITING, creator))
        for key in data["contributors"]:
            user = self.user(key)
            if user is not None and user != creator:
                lines.append((CreditKind.PERSON, user.display_name, CreditRole.CONTRIBUTION, user))
        for kind, name in data["credits"]:
            lines.append((kind, name[:255], CreditRole.CONCEPTION, None))
        return [
            ResourceCredit(
                sort_order=order,
                kind=kind,
                name=name,
                role=role,
                user=user,
                organisation=getattr(user, "organisation", None),
            )
            for order, (kind, name, role, user) in enumerate(lines)
        ]

    def body(self, data, base_page, creator):
        """StreamField data of the resource's blocks, and the resources it links to."""
        label = f"Ressource « {data['title']} »"
        stream, related = [], []
        for block in data["blocks"]:
            kind = block["type"]
            if kind == "heading":
                stream.append(
                    {"type": "heading", "value": {"text": block["text"][:200], "level": "h2"}}
                )
            elif kind == "text":
                if block.get("title"):
                    stream.append(
                        {"type": "heading", "value": {"text": block["title"][:200], "level": "h3"}}
                    )
                html = self.rich_text(block["html"], PARAGRAPH_FEATURES)
                if html:
                    stream.append({"type": "paragraph", "value": html})
            elif kind == "link":
                url = self.valid_url(block["url"])
                if url:
                    value = {
                        "url": url,
                        "title": block["title"][:200],
                        "description": html_text(block["description"])[:500],
                    }
                    stream.append({"type": "link", "value": value})
                else:
                    self.unmapped(label, f"lien invalide « {block['url']} » : non repris")
            elif kind in ("file", "image"):
                stream.extend(self.file_block(block, base_page, creator, data))
            elif kind == "resource":
                target = self.page_of(ItemKind.RESOURCE, block["resource"])
                if target is not None:
                    related.append(target)
                else:
                    self.unmapped(
                        label,
                        f"ressource liée {block['resource']} pas encore importée : non reprise",
                    )
            else:
                self.unmapped(label, f"bloc de type « {block.get('kind')} » : non repris")
        return stream, related

    def file_block(self, block, base_page, creator, data):
        if block["type"] == "image":
            image = self.image(block["file"], base_page, creator, data, block.get("alt"))
            if image is not None:
                value = {
                    "image": image.pk,
                    "alt_text": (block.get("alt") or "")[:250],
                    "caption": (block.get("description") or block.get("title") or "")[:250],
                    "credit": "",
                }
                return [{"type": "image", "value": value}]
            return []
        document = self.document(block["file"], base_page, creator, data)
        if document is not None:
            value = {
                "document": document.pk,
                "title": (block.get("title") or document.title)[:200],
                "description": html_text(block.get("description") or "")[:500],
            }
            return [{"type": "document", "value": value}]
        link = self.valid_url(block["file"].get("link") or "")
        if link:  # the file stays where it was: a link to it rather than nothing
            value = {
                "url": link,
                "title": (block.get("title") or block["file"].get("name") or link)[:200],
            }
            return [{"type": "link", "value": {**value, "description": ""}}]
        return []

    # Files ----------------------------------------------------------------------------------

    def local_file(self, spec):
        """The export holds the file, or it will be downloaded."""
        return bool(spec.get("path") or spec.get("base64") or (spec.get("link") and self.download))

    def file_bytes(self, spec, label):
        """The bytes of a file of the export: beside it (`path`), inline (`base64`), or
        downloaded from its `link` when asked to (--telecharger)."""
        name = spec.get("name") or "fichier"
        try:
            if spec.get("path"):
                folder = self.source["folder"].resolve()
                path = (folder / spec["path"]).resolve()
                if folder not in path.parents:
                    raise ValueError("chemin hors du dossier de l'export")
                return name, path.read_bytes()
            if spec.get("base64"):
                return name, base64.b64decode(spec["base64"].split(";base64,")[-1], validate=True)
            if spec.get("link") and self.download:
                with urllib.request.urlopen(spec["link"], timeout=DOWNLOAD_TIMEOUT) as answer:
                    return name, answer.read()
        except (OSError, ValueError, binascii.Error) as error:
            self.unmapped(label, f"fichier « {name} » illisible ({error}) : non repris")
            return name, None
        if spec.get("link") and spec.get("field"):  # an image of a base: a link cannot stand in
            where = " (son adresse seule : relancez avec --telecharger pour la reprendre)"
        else:
            where = " (lien gardé)" if spec.get("link") else ""
        self.unmapped(label, f"fichier « {name} » absent de l'export : non repris{where}")
        return name, None

    def document(self, spec, base_page, creator, data):
        label = f"Ressource « {data['title']} »"
        name, content = self.file_bytes(spec, label)
        if content is None:
            return None
        upload = SimpleUploadedFile(name, content)
        try:
            clean_document(upload)
        except ValidationError as error:
            self.unmapped(label, " ".join(error.messages))
            return None
        Document = get_document_model()
        document = Document(
            title=name.rsplit(".", 1)[0][:255] or name,
            collection=base_page.media_collection,
            uploaded_by_user=creator,
            file=upload,
        )
        document._set_document_file_metadata()
        document.save()
        self.files.append(document.file)
        return document

    def image(self, spec, base_page, creator, data, alt="", label=None):
        label = label or f"Ressource « {data['title']} »"
        name, content = self.file_bytes(spec, label)
        if content is None:
            return None
        try:
            clean_image(SimpleUploadedFile(name, content))
        except ValidationError as error:
            self.unmapped(label, " ".join(error.messages))
            return None
        Image = get_image_model()
        image = Image(
            title=(alt or name.rsplit(".", 1)[0])[:255],
            collection=base_page.media_collection,
            uploaded_by_user=creator,
            file=ImageFile(BytesIO(content), name=name),
        )
        image._set_image_file_metadata()
        image.save()
        self.files.append(image.file)
        return image

    # Collections ----------------------------------------------------------------------------

    def write_collection(self, base, data):
        base_page = self.existing_base(base)
        page = self.collection_page(base_page, data, f"Collection « {data['title']} »")
        self.remember(ItemKind.COLLECTION, data, page)
        return "importée"

    def collection_page(self, base_page, data, label):
        creator = self.user(data["creator"])
        items = []
        for key in data["resources"]:
            resource = self.page_of(ItemKind.RESOURCE, key)
            if resource is None:
                self.unmapped(label, f"ressource {key} non importée : non reprise")
            elif resource.pk not in {item.resource_id for item in items}:
                items.append(CollectionItem(sort_order=len(items), resource=resource))
        page = ResourceCollectionPage(
            title=data["title"][:255] or "Collection",
            slug=self.free_slug(base_page, data["slug"] or slugify(data["title"])[:80]),
            description=html_text(data["description"])[:1000],
            visibility=Visibility.PUBLIC if data["is_public"] else Visibility.PRIVATE,
            owner=creator,
            live=False,
        )
        page.items = items
        base_page.add_child(instance=page)
        self.publish(page, creator, data["created"], data["updated"])
        return page

    # Logos, rubriques, avis, follows -----------------------------------------------------------

    def write_base_image(self, base, item):
        """A base's logo or cover: a Wagtail image of its media collection, with the checks of
        an upload from the site, set on a new revision of the base (published unless the base
        has changes waiting: then the live page gets the image and the draft keeps it)."""
        # As it is now (the page this run made is an older copy of it).
        page = BasePage.objects.get(pk=self.existing_base(base).pk)
        name = item["field"]
        label = f"{BASE_IMAGES[name]} de la base « {base['title']} »"
        if getattr(page, f"{name}_id"):
            raise ValidationError(f"{label} : la base en a déjà un, gardé")
        owner = self.user(base["owner"])
        notes = len(self.report.unmapped)
        image = self.image(item, page, owner, base, item.get("alt") or "", label=label)
        if image is None:
            # Why is in the notes just added; the item is refused with them (a later run, with
            # the file or --telecharger, takes it).
            raise ValidationError(" ".join(text for _i, text in self.report.unmapped[notes:]))
        waiting = page.has_unpublished_changes
        draft = page.get_latest_revision_as_object()
        setattr(draft, name, image)
        revision = draft.save_revision(user=owner, log_action=True)
        if waiting:
            BasePage.objects.filter(pk=page.pk).update(**{f"{name}_id": image.pk})
        else:
            revision.publish(user=owner, skip_permission_checks=True)
        self.remember(ItemKind.BASE_IMAGE, item, page)
        return "importé"

    def write_section(self, base, data):
        """A rubrique of resources: a public collection of its base, its resources in order."""
        base_page = self.existing_base(base)
        collection = {
            "key": data["key"],
            "slug": "",
            "title": data["title"] or "Rubrique",
            "description": data["description"],
            "is_public": True,
            "created": None,
            "updated": None,
            "creator": base["owner"],
            "resources": data["resources"],
        }
        page = self.collection_page(base_page, collection, f"Rubrique « {data['title']} »")
        self.remember(ItemKind.SECTION, data, page)
        self.report.sections.append((data["title"], page.title))
        return "importée en collection"

    def write_review(self, resource, data):
        page = self.page_of(ItemKind.RESOURCE, resource["key"])
        if page is None:
            raise ValidationError(f"sa ressource « {resource['title']} » n'a pas été importée")
        if data["usefulness"] not in Usefulness.values:
            raise ValidationError(f"note « {data['usefulness']} » hors de l'échelle de 1 à 4")
        author = self.user(data["author"])
        if author is None:
            raise ValidationError("son auteur n'est pas dans l'export (ni son adresse e-mail)")
        if page.credits.filter(user=author).exists():
            raise ValidationError(
                "son auteur est crédité sur la ressource : ici, on ne donne pas d'avis sur son "
                "propre travail"
            )
        if ResourceReview.objects.filter(resource=page, author=author).exists():
            raise ValidationError("cette personne a déjà un avis sur la ressource ici : gardé")
        limit = ResourceReview._meta.get_field("comment").max_length
        comment = data["comment"]
        if len(comment) > limit:
            comment = comment[: limit - 1] + "…"
            self.unmapped(
                f"Avis sur « {resource['title']} »",
                f"commentaire de {self.person_name(data['author'])} coupé à {limit} caractères",
            )
        review = ResourceReview.objects.create(
            resource=page, author=author, usefulness=data["usefulness"], comment=comment
        )
        # Its own dates, not the day of the import (the fields are auto_now*).
        created = data["created"] or data["updated"]
        if created is not None:
            ResourceReview.objects.filter(pk=review.pk).update(
                created_at=created, updated_at=data["updated"] or created
            )
        self.remember(ItemKind.REVIEW, data, page, author)
        return "importé"

    def write_base_follow(self, base, data):
        page = self.existing_base(base)
        user = self.user(data["user"])
        if user is None:
            raise ValidationError("la personne n'est pas dans l'export (ni son adresse e-mail)")
        return self.follow(data, user, page=page)

    def write_person_follow(self, data):
        user, person = self.user(data["user"]), self.user(data["person"])
        if user is None or person is None:
            raise ValidationError("une des deux personnes n'est pas dans l'export")
        if user == person:
            raise ValidationError("une personne ne se suit pas elle-même ici")
        return self.follow(data, user, person=person)

    def follow(self, data, user, **target):
        """The follow as veille.follows.set_following makes it (and no notification), dated
        from the source."""
        follow, created = Follow.objects.get_or_create(user=user, **target)
        if created and data.get("created"):
            Follow.objects.filter(pk=follow.pk).update(created_at=data["created"])
        self.remember(ItemKind.FOLLOW, data, target.get("page"), user)
        if not created:  # followed here already: counted as such
            self.report.created[ItemKind.FOLLOW] -= 1
            self.report.existing[ItemKind.FOLLOW] += 1
            return "déjà suivi ici"
        return "importé"

    # Helpers --------------------------------------------------------------------------------

    def publish(self, page, user, first, last):
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        self.backdate(page, revision, first, last or first)
        return revision

    def backdate(self, page, revision, first, last):
        """The original dates on a page just written: its publication, revision, journal
        version and history entries (what the journal and « Publiée le » show)."""
        when = first or last
        if when is None:
            return
        dates = {"latest_revision_created_at": last or when}
        if first is not None:
            dates.update(first_published_at=first, last_published_at=last or first)
        Page.objects.filter(pk=page.pk).update(**dates)
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        ResourceVersion.objects.filter(revision=revision).update(published_at=when)
        PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)

    def check_duplicates(self, data, base_page, page):
        similar = similar_resources(
            Operator(),
            data["title"],
            html_text(data["summary"]),
            base_id=base_page.pk if base_page else None,
            exclude_id=page.pk if page else None,
        )
        if similar:
            self.report.duplicates.append((f"« {data['title']} »", similar))

    def unmapped(self, item, text):
        self.report.unmapped.append((item, text))

    @staticmethod
    def free_slug(parent, wanted):
        stem = (slugify(wanted) or "page")[:70]
        if stem in BasePage.ROUTE_SLUGS:
            stem = f"{stem}-importee"
        taken = set(parent.get_children().values_list("slug", flat=True))
        slug, number = stem, 1
        while slug in taken:
            number += 1
            slug = f"{stem}-{number}"
        return slug

    @staticmethod
    def rich_text(html, features):
        """Their HTML as this site's rich text: only the features the field allows, no script,
        no style, links to http(s) and mailto only (ressources.richtext does the cleaning)."""
        if not html or not html_text(html).strip():
            return ""
        return markup_to_html(html_to_markup(html), features=features)

    @staticmethod
    def valid_url(url):
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            return ""
        return url

    @staticmethod
    def valid_email(address):
        try:
            validate_email(address)
        except ValidationError:
            return ""
        return address
