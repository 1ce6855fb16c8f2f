"""How the demo content is created, one item at a time: organisations, people, profiles, bases,
resources (images and files drawn locally), collections, contributions, moderation, veille,
label requests, share links, the home page and memberships.

A mixin of the `load_demo` command (demo/management/commands/load_demo.py), which runs the steps,
shows progress and checks the result; every method here finds an item by its stable key and
creates it only when it is missing, inside the command's per-item transaction.

Over 500 lines because it is a list of small independent steps, one per kind of demo item, that
share the same few helpers (media folders, dates, revisions): splitting them would scatter those.
The data themselves are in demo/data/."""

import unicodedata
from contextlib import contextmanager
from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.models import Notification, User
from base.models import BaseMembership, BasePage
from demo.data import content, documents, images
from demo.data.resources import RESOURCES
from organisations.models import Organisation
from organisations.territories import region_of_department
from portal.models import HomeFeaturedBase, HomeFeaturedCollection, HomePage
from ressources.editing import edit_data
from ressources.models import (
    ChangeProposal,
    CollectionItem,
    RelatedResource,
    ResourceCollectionPage,
    ResourceCredit,
    ResourcePage,
    ResourceVersion,
    Vocabulary,
)
from veille.models import Follow

ORGANISATIONS_FOLDER = "Organisations"
TAXONOMY_FIELDS = {
    "themes": Vocabulary.THEME,
    "types": Vocabulary.RESOURCE_TYPE,
    "beneficiaries": Vocabulary.BENEFICIARY,
    "sectors": Vocabulary.PROFESSIONAL_SECTOR,
}
MODEL_FIELDS = {
    "themes": "themes",
    "types": "resource_types",
    "beneficiaries": "beneficiaries",
    "sectors": "professional_sectors",
}


def moment(value):
    """ "YYYY-MM-DD HH:MM" in the site's time zone, as an aware datetime."""
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def territory(item):
    department = item.get("department", "")
    region = item.get("region", "") or (region_of_department(department) if department else "")
    scope = item.get("scope", "national")
    return {"scope": scope, "region_code": region, "department_code": department}


class DemoLoader:
    """The steps of `load_demo` (see the module docstring)."""

    @contextmanager
    def item(self):
        """One item in one transaction. Each save would refresh Wagtail's reference index (the
        "usage" of images and pages); it is refreshed once per object at the end instead."""
        self.created = []
        with transaction.atomic(), disable_reference_index_auto_update():
            yield
            for model, pk in self.created:
                ReferenceIndex.create_or_update_for_object(model.objects.get(pk=pk))

    def track(self, obj):
        self.created.append((type(obj), obj.pk))

    # Media ----------------------------------------------------------------------------------

    def folder(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(instance=Collection(name=name))

    def image(self, spec, collection, user):
        """The Wagtail image a spec describes, in `collection` (drawn once, then reused)."""
        Image = get_image_model()
        key = (spec["title"], collection.pk)
        if key not in self.image_cache:
            image = Image.objects.filter(title=spec["title"], collection=collection).first()
            if image is None:
                filename, data = images.render(spec)
                width, height = PILImage.open(BytesIO(data)).size
                image = Image(
                    title=spec["title"],
                    collection=collection,
                    uploaded_by_user=user,
                    width=width,
                    height=height,
                    file=ImageFile(BytesIO(data), name=filename),
                )
                image._set_image_file_metadata()
                image.save()
            self.image_cache[key] = image
        return self.image_cache[key]

    def document(self, spec, collection, user):
        Document = get_document_model()
        document = Document.objects.filter(title=spec["title"], collection=collection).first()
        if document is None:
            filename, data = documents.render(spec)
            document = Document(
                title=spec["title"],
                collection=collection,
                uploaded_by_user=user,
                file=ContentFile(data, name=filename),
            )
            document._set_document_file_metadata()
            document.save()
        return document

    def body(self, blocks, collection, user):
        """Raw StreamField data, images and files created first."""
        stream = []
        for block in blocks:
            if block["type"] == "image":
                image = self.image(block["spec"], collection, user)
                value = {
                    "image": image.pk,
                    "alt_text": block["alt_text"],
                    "caption": block["caption"],
                    "credit": block["credit"],
                }
                stream.append({"type": "image", "value": value})
            elif block["type"] == "document":
                document = self.document(block["spec"], collection, user)
                value = {
                    "document": document.pk,
                    "title": block["title"] or document.title,
                    "description": block["description"],
                }
                stream.append({"type": "document", "value": value})
            else:
                stream.append({"type": block["type"], "value": block["value"]})
        return stream

    # Pages ----------------------------------------------------------------------------------

    def publish(self, page, user):
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        return revision

    def set_dates(self, page, first, last, revisions):
        """Backdate a page published just now: its publication dates, revisions and history.

        `revisions` is a list of (revision, log entry ids written with it, date)."""
        Page.objects.filter(pk=page.pk).update(
            first_published_at=moment(first),
            last_published_at=moment(last),
            latest_revision_created_at=moment(last),
        )
        for revision, log_ids, when in revisions:
            Revision.objects.filter(pk=revision.pk).update(created_at=moment(when))
            ResourceVersion.objects.filter(revision=revision).update(published_at=moment(when))
            PageLogEntry.objects.filter(pk__in=log_ids).update(timestamp=moment(when))

    def log_ids(self, page, exclude=()):
        ids = PageLogEntry.objects.filter(page_id=page.pk).values_list("pk", flat=True)
        return [pk for pk in ids if pk not in exclude]

    # Loaders --------------------------------------------------------------------------------

    def load_organisations(self):
        total = len(content.ORGANISATIONS)
        for index, data in enumerate(content.ORGANISATIONS, start=1):
            exists = Organisation.objects.filter(slug=data["slug"]).exists()
            if not exists:
                with self.item():
                    colour, initials = data["logo"]
                    logo = self.image(
                        {
                            "kind": "logo",
                            "key": f"logo-{data['slug']}",
                            "title": f"Logo – {data['name']}",
                            "colour": colour,
                            "initials": initials,
                        },
                        self.folder(ORGANISATIONS_FOLDER),
                        None,
                    )
                    organisation = Organisation.objects.create(
                        slug=data["slug"],
                        name=data["name"],
                        kind=data["kind"],
                        website=data.get("website", ""),
                        description=data["description"],
                        logo=logo,
                        **territory(data),
                    )
                    self.track(organisation)
            self.step("Organisation", index, total, data["name"], not exists)
        self.organisations = {org.slug: org for org in Organisation.objects.all()}

    def load_people(self):
        total = len(content.PEOPLE)
        for index, data in enumerate(content.PEOPLE, start=1):
            exists = User.objects.filter(username=data["username"]).exists()
            if not exists:
                with self.item():
                    user = User(
                        username=data["username"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        email=data.get(
                            "email",
                            f"{data['first_name']}.{data['last_name']}@{content.EMAIL_DOMAIN}",
                        ),
                        job_title=data["job_title"],
                        organisation=self.organisations.get(data.get("organisation")),
                        is_superuser=data.get("is_superuser", False),
                        is_staff=data.get("is_staff", False),
                    )
                    user.email = self.ascii_email(user.email)
                    user.password = self.password_hash(
                        data.get("password", content.MEMBER_PASSWORD)
                    )
                    user.save()
            self.step("Personne", index, total, data["username"], not exists)
        self.people = {user.username: user for user in User.objects.all()}
        self.admin = self.people["admin"]

    def load_profiles(self):
        """Department and presentation of each demo person; filled fields are left alone."""
        from demo.data.profiles import PROFILES

        total = len(PROFILES)
        for index, (username, fields) in enumerate(PROFILES.items(), start=1):
            user = self.people.get(username)
            if user is None:
                continue
            missing = {name: value for name, value in fields.items() if not getattr(user, name)}
            if missing:
                with self.item():
                    for name, value in missing.items():
                        setattr(user, name, value)
                    user.save(update_fields=list(missing))
            self.step("Profil", index, total, username, bool(missing), ("complété", "déjà complet"))

    def password_hash(self, password):
        """Hash each demo password once: the members sharing one also share its (slow) hash."""
        if password not in self.hashes:
            self.hashes[password] = make_password(password)
        return self.hashes[password]

    @staticmethod
    def ascii_email(email):
        folded = unicodedata.normalize("NFKD", email.lower())
        return "".join(c for c in folded if not unicodedata.combining(c)).replace(" ", "-")

    def find_base(self, slug):
        return BasePage.objects.child_of(self.index).filter(slug=slug).first()

    def load_bases(self):
        total = len(content.BASES)
        for index, data in enumerate(content.BASES, start=1):
            base = self.find_base(data["slug"])
            if base is None:
                with self.item():
                    self.create_base(data)
            self.step("Base", index, total, data["title"], base is None)
        self.bases = {base.slug: base for base in BasePage.objects.child_of(self.index)}

    def create_base(self, data):
        organisation = self.organisations[data["organisation"]]
        # The media folder first (BasePage.save() then keeps it). No cover: the generated banners
        # were decoration only and pushed the content down; a base shows a cover when it has a
        # real one (issue 19), a compact header otherwise.
        media = self.folder(data["title"])
        cover = None
        base = BasePage(
            title=data["title"],
            slug=data["slug"],
            organisation=organisation,
            description=data["description"],
            dedicated_to=data["dedicated_to"],
            contribution_mode=data["contribution_mode"],
            visibility=data.get("visibility", "public"),
            is_certified=data.get("is_certified", False),
            contact_email=data.get("contact_email", ""),
            website=data.get("website", ""),
            logo=organisation.logo,
            cover=cover,
            media_collection=media,
            owner=self.admin,
            live=False,
            **territory(data),
        )
        base.co_owners = [self.organisations[slug] for slug in data.get("co_owners", ())]
        self.index.add_child(instance=base)
        revision = self.publish(base, self.admin)
        self.track(base)
        self.set_dates(
            base,
            data["first_published"],
            data["last_published"],
            [(revision, self.log_ids(base), data["last_published"])],
        )
        for username, role in data["members"]:
            BaseMembership.objects.get_or_create(
                base=base, user=self.people[username], defaults={"role": role}
            )

    def find_resource(self, key):
        base_slug, slug = key.split("/")
        base = self.bases.get(base_slug)
        if base is None:
            return None
        return ResourcePage.objects.child_of(base).filter(slug=slug).first()

    def load_resources(self):
        total = len(RESOURCES)
        for index, data in enumerate(RESOURCES, start=1):
            exists = self.find_resource(f"{data['base']}/{data['slug']}") is not None
            if not exists:
                try:
                    with self.item():
                        self.create_resource(data)
                except ValidationError as error:
                    raise CommandError(
                        f"Ressource {data['base']}/{data['slug']} refusée : {error}"
                    ) from error
            self.step("Ressource", index, total, data["title"], not exists)

    def create_resource(self, data):
        base = self.bases[data["base"]]
        author = self.people[data["author"]]
        media = base.media_collection

        def fill(page, version):
            page.summary = version["summary"]
            page.body = self.body(version["body"], media, author)
            page.version_changes = "\n".join(version.get("changes", []))

        page = ResourcePage(
            title=data["title"],
            slug=data["slug"],
            licence=self.licences[data["licence"]],
            producer=self.organisations.get(data.get("producer")),
            original_publication_date=(
                date.fromisoformat(data["published"]) if data.get("published") else None
            ),
            language=data.get("language", "fr"),
            permission_contact=data.get("permission_contact", ""),
            adapted_from=self.find_resource(data["adapted_from"])
            if data.get("adapted_from")
            else None,
            owner=author,
            live=False,
            **territory(data),
        )
        # Generated « cover » banners are decoration without content: a resource shows a cover
        # only when it has a real image (issue 19).
        if data.get("cover") and data["cover"].get("kind") != "cover":
            page.cover_image = self.image(data["cover"], media, author)
        fill(page, data.get("previous_version") or data)
        for field, model_field in MODEL_FIELDS.items():
            vocabulary = TAXONOMY_FIELDS[field]
            setattr(page, model_field, [self.terms[(vocabulary, s)] for s in data.get(field, [])])
        page.tags.add(*data.get("tags", []))
        page.credits = [
            ResourceCredit(
                sort_order=order,
                kind=credit["kind"],
                name=credit["name"],
                role=credit["role"],
                organisation=self.organisations.get(credit["organisation"]),
                user=self.people.get(credit.get("user")),
            )
            for order, credit in enumerate(data["credits"])
        ]
        # The credits come from the source documents: the person who put the resource on the
        # platform is not added as its author (ressources.credits).
        page.credit_owner = False
        page.related_links = [
            RelatedResource(sort_order=order, related=self.find_resource(key))
            for order, key in enumerate(data.get("related", []))
        ]
        base.add_child(instance=page)
        revision = self.publish(page, author)
        self.track(page)
        history = [(revision, self.log_ids(page), data["last_published"])]

        if data.get("previous_version"):
            # The first version was published on first_published; the current one follows.
            history[0] = (revision, history[0][1], data["first_published"])
            page = ResourcePage.objects.get(pk=page.pk)
            fill(page, data)
            revision = self.publish(page, author)
            history.append(
                (revision, self.log_ids(page, exclude=history[0][1]), data["last_published"])
            )

        self.set_dates(page, data["first_published"], data["last_published"], history)

    def load_collections(self):
        total = len(content.COLLECTIONS)
        for index, data in enumerate(content.COLLECTIONS, start=1):
            base = self.bases[data["base"]]
            exists = (
                ResourceCollectionPage.objects.child_of(base).filter(slug=data["slug"]).exists()
            )
            if not exists:
                with self.item():
                    self.create_collection(base, data)
            self.step("Collection", index, total, data["title"], not exists)

    def create_collection(self, base, data):
        author = self.people[data["author"]]
        collection = ResourceCollectionPage(
            title=data["title"],
            slug=data["slug"],
            description=data["description"],
            visibility=data.get("visibility", "public"),
            owner=author,
            live=False,
        )
        if data.get("image") and data["image"].get("kind") != "cover":  # no decorative banner
            collection.image = self.image(data["image"], base.media_collection, author)
        collection.items = [
            CollectionItem(sort_order=order, resource=self.find_resource(key), note=note)
            for order, (key, note) in enumerate(data["items"])
        ]
        base.add_child(instance=collection)
        revision = self.publish(collection, author)
        self.track(collection)
        self.set_dates(
            collection,
            data["first_published"],
            data["last_published"],
            [(revision, self.log_ids(collection), data["last_published"])],
        )

    def load_contributions(self):
        """A pending change proposal and a few follows (see content.PROPOSALS and FOLLOWS)."""
        total = len(content.PROPOSALS) + len(content.FOLLOWS)
        index = 0
        for data in content.PROPOSALS:
            index += 1
            resource = self.find_resource(data["resource"])
            proposer = self.people[data["proposer"]]
            exists = ChangeProposal.objects.filter(
                resource=resource, proposer=proposer, summary=data["summary"]
            ).exists()
            if not exists:
                with self.item():
                    state = edit_data(resource.live_revision.as_object())
                    state["summary"] = state["summary"] + data["summary_addition"]
                    proposal = ChangeProposal.objects.create(
                        resource=resource,
                        proposer=proposer,
                        base_revision=resource.live_revision,
                        content=state,
                        summary=data["summary"],
                    )
                    ChangeProposal.objects.filter(pk=proposal.pk).update(
                        created_at=moment(data["created"])
                    )
                    for admin in resource.base.admins:
                        Notification.objects.create(
                            recipient=admin,
                            kind="proposal",
                            subject=f"Nouvelle proposition de modification sur « {resource.title} »",
                            message=f"{proposer.display_name} propose : {data['summary']}",
                            url=proposal.url,
                        )
            self.step("Contribution", index, total, data["summary"][:50] + "…", not exists)
        for username, key in content.FOLLOWS:
            index += 1
            resource = self.find_resource(key)
            _, created = Follow.objects.get_or_create(user=self.people[username], page=resource)
            self.step("Contribution", index, total, f"{username} suit {resource.title}", created)

    def load_moderation(self):
        """A moderator, reports and personal collections (base/demo/moderation.py)."""
        from demo.data import moderation

        moderation.load(self)

    def load_veille(self):
        """Follows of a base, a collection and an organisation, one digest subscriber."""
        from demo.data import veille

        veille.load(self)

    def load_label_requests(self):
        """The label NEC: a reviewer and requests in every status (label/demo.py)."""
        from demo.data import label as label_demo

        label_demo.load(self)

    def load_email_addresses(self):
        """Every demo account's address is confirmed: they log in with the README's passwords
        (allauth lets an account in only once its address is confirmed)."""
        from accounts.lifecycle import verified_address

        for user in User.objects.filter(deleted_at__isnull=True).exclude(email=""):
            verified_address(user)

    def load_share_links(self):
        from demo.data.sharing import load_share_links

        load_share_links(self.step)

    def load_home_page(self):
        home = HomePage.objects.get(pk=self.home.pk)
        configured = home.featured_bases.exists() or home.featured_collections.exists()
        if not configured:
            with self.item():
                bases = [self.bases[slug] for slug in content.HOME_PAGE["featured_bases"]]
                collections = []
                for key in content.HOME_PAGE["featured_collections"]:
                    base_slug, slug = key.split("/")
                    collections.append(
                        ResourceCollectionPage.objects.child_of(self.bases[base_slug]).get(
                            slug=slug
                        )
                    )
                home.featured_bases = [
                    HomeFeaturedBase(sort_order=order, base=base)
                    for order, base in enumerate(bases)
                ]
                home.featured_collections = [
                    HomeFeaturedCollection(sort_order=order, collection=collection)
                    for order, collection in enumerate(collections)
                ]
                self.publish(home, self.admin)
                self.track(home)
        self.step(
            "Page d'accueil", 1, 1, home.title, not configured, ("configurée", "déjà configurée")
        )

    def load_legal_pages(self):
        """Mentions légales, données personnelles, cookies, accessibilité, conditions, plan."""
        from legal.content import PAGES, SITE_PLAN
        from legal.seed import ensure_legal_pages

        created = set(ensure_legal_pages(self.home))
        titles = [title for title, *_rest in PAGES.values()] + [SITE_PLAN[0]]
        for index, title in enumerate(titles, start=1):
            self.step("Rubrique", index, len(titles), title, title in created)

    def load_membership(self):
        """An organisation admin, a pending invitation and join request (base/demo/membership.py),
        then every base's Wagtail rights re-synced (older demo databases gave contributors the
        admins' rights)."""
        from base.membership import members_url
        from base.models import Invitation, JoinRequest, OrganisationMembership
        from base.permissions import sync_base
        from demo.data import membership as demo

        items = demo.ORGANISATION_ADMINS + demo.INVITATIONS + demo.JOIN_REQUESTS
        total = len(items)
        index = 0
        for username, slug in demo.ORGANISATION_ADMINS:
            index += 1
            with self.item():
                _, created = OrganisationMembership.objects.get_or_create(
                    organisation=self.organisations[slug], user=self.people[username]
                )
            self.step("Adhésion", index, total, f"{username} administre {slug}", created)
        for data in demo.INVITATIONS:
            index += 1
            base = self.bases[data["base"]]
            exists = Invitation.objects.filter(base=base, email=data["email"]).exists()
            if not exists:
                with self.item():
                    invitation = Invitation(
                        base=base,
                        email=data["email"],
                        role=data["role"],
                        invited_by=self.people[data["invited_by"]],
                    )
                    invitation.new_token()  # no e-mail: « Renvoyer » sends a working link
                    invitation.save()
            self.step("Adhésion", index, total, f"invitation de {data['email']}", not exists)
        for data in demo.JOIN_REQUESTS:
            index += 1
            base, person = self.bases[data["base"]], self.people[data["user"]]
            exists = JoinRequest.objects.filter(base=base, user=person).exists()
            if not exists:
                with self.item():
                    JoinRequest.objects.create(base=base, user=person, message=data["message"])
                    for manager in base.managers:
                        Notification.objects.create(
                            recipient=manager,
                            kind="join_request",
                            subject=f"{person.display_name} demande à rejoindre « {base.title} »",
                            message=data["message"],
                            url=members_url(base),
                        )
            self.step("Adhésion", index, total, f"demande de {data['user']}", not exists)
        for position, base in enumerate(self.bases.values(), start=1):
            sync_base(base)
            if self.progress:
                self.stdout.write(
                    f"[{position}/{len(self.bases)}] Droits Wagtail de « {base.title} »… à jour"
                )
