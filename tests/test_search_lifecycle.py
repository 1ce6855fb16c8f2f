"""The search index follows the content after each commit: nothing lost, nothing leaked.

Everything is observed through the public search API (search.engines.search) with the
visible_base_ids the search page computes: None for platform admins, else the ids of the private
bases the person is a member of."""

import time
from unittest import mock

from django.test import TestCase, override_settings

from base.models import BaseMembership, BasePage, Role, Visibility
from ressources.models import Licence, ResourcePage, ResourceVersion
from search import engines as search_engines
from search import lifecycle
from search.engines import search
from search.engines.base import EngineUnavailable, SearchEngine
from search.models import IndexAction, PendingIndexUpdate
from search.query import SearchQuery
from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ResourceCollectionPageFactory,
    ResourcePageFactory,
    UserFactory,
    theme,
)


def visible_base_ids(user):
    """What the search page passes for a person: None (everything) for platform admins, else
    the bases the person is a member of (the private ones matter, and a public base's members
    also read its private collections)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return None
    return frozenset(BasePage.objects.filter(memberships__user=user).values_list("pk", flat=True))


def found(text="", user=None, tab="ressources", **options):
    results = search(
        SearchQuery(text=text, tab=tab, visible_base_ids=visible_base_ids(user), **options)
    )
    return {hit.id for hit in results.hits}


def hit(page, text, user=None, tab="ressources"):
    results = search(SearchQuery(text=text, tab=tab, visible_base_ids=visible_base_ids(user)))
    return next((h for h in results.hits if h.id == page.pk), None)


def forget_versions(resource):
    """A published resource's journal protects its revisions from deletion (ResourceVersion.
    revision is PROTECT): remove the journal so that the page itself can be deleted."""
    ResourceVersion.objects.filter(resource_id=resource.pk).delete()


class FakeElasticsearch(SearchEngine):
    """An engine that can be switched off, standing for an Elasticsearch server."""

    name = "elasticsearch"

    def __init__(self):
        self.documents = {}
        self.reachable = True
        self.calls = 0

    def _check(self):
        self.calls += 1
        if not self.reachable:
            raise EngineUnavailable("Connexion refusée (127.0.0.1:9)")

    def upsert(self, documents):
        self._check()
        self.documents.update({document["id"]: document for document in documents})

    def delete(self, page_ids):
        self._check()
        for pk in page_ids:
            self.documents.pop(pk, None)

    def search(self, query):
        self._check()
        raise AssertionError("not used")

    def status(self):
        self._check()
        return {"documents": len(self.documents)}


class LifecycleTestCase(TestCase):
    def setUp(self):
        super().setUp()
        lifecycle.forget_failures()
        self.addCleanup(lifecycle.forget_failures)

    def publish(self, factory, **fields):
        with self.captureOnCommitCallbacks(execute=True):
            return factory(**fields)

    def committed(self):
        return self.captureOnCommitCallbacks(execute=True)


class PagesFollowPublicationTests(LifecycleTestCase):
    def setUp(self):
        super().setUp()
        self.base = self.publish(BasePageFactory, title="Base du Hub Occitanie")
        self.resource = self.publish(
            ResourcePageFactory,
            parent=self.base,
            title="Guide de la médiation numérique",
            summary="Accompagner les démarches administratives en ligne.",
        )

    def test_a_published_resource_is_found_after_the_commit(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            page = ResourcePageFactory(parent=self.base, title="Fiche ordinophile")
        self.assertNotIn(page.pk, found("ordinophile"))  # not before the commit
        for callback in callbacks:
            callback()
        self.assertIn(page.pk, found("ordinophile"))
        self.assertFalse(PendingIndexUpdate.objects.exists())

    def test_a_rolled_back_publication_leaves_nothing_behind(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            try:
                from django.db import transaction

                with transaction.atomic():
                    ResourcePageFactory(parent=self.base, title="Fiche annulée")
                    raise RuntimeError
            except RuntimeError:
                pass
        self.assertEqual(callbacks, [])
        self.assertFalse(PendingIndexUpdate.objects.exists())
        self.assertEqual(found("annulée"), set())

    def test_a_republication_updates_the_document(self):
        self.resource.title = "Guide de l'accompagnement des aidants"
        with self.committed():
            self.resource.save_revision().publish()
        self.assertIn(self.resource.pk, found("aidants"))
        self.assertNotIn(self.resource.pk, found("médiation"))

    def test_a_draft_revision_changes_nothing(self):
        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.title = "Brouillon sur les tiers-lieux"
        with self.committed():
            page.save_revision()
        self.assertEqual(found("tiers-lieux"), set())
        self.assertIn(self.resource.pk, found("médiation"))
        self.assertEqual(
            hit(self.resource, "médiation").document["title"], "Guide de la médiation numérique"
        )

    def test_unpublication_removes_the_page(self):
        page = ResourcePage.objects.get(pk=self.resource.pk)
        with self.committed():
            page.unpublish()
        self.assertEqual(found("médiation"), set())

    def test_deletion_removes_the_page(self):
        forget_versions(self.resource)
        with self.committed():
            ResourcePage.objects.get(pk=self.resource.pk).delete()
        self.assertEqual(found("médiation"), set())
        self.assertFalse(PendingIndexUpdate.objects.exists())

    def test_deleting_a_base_removes_its_pages(self):
        collection = self.publish(
            ResourceCollectionPageFactory, parent=self.base, title="Parcours des aidants"
        )
        forget_versions(self.resource)
        with self.committed():
            BasePage.objects.get(pk=self.base.pk).delete()
        self.assertEqual(found("médiation"), set())
        self.assertEqual(found("aidants", tab="collections"), set())
        self.assertEqual(found("Occitanie", tab="bases"), set())
        self.assertNotIn(collection.pk, found(tab="collections"))

    def test_unpublishing_a_base_hides_its_pages_until_it_is_published_again(self):
        base = BasePage.objects.get(pk=self.base.pk)
        with self.committed():
            base.unpublish()
        self.assertEqual(found("médiation"), set())
        self.assertEqual(found("Occitanie", tab="bases"), set())
        with self.committed():
            base.save_revision().publish()
        self.assertIn(self.resource.pk, found("médiation"))
        self.assertIn(self.base.pk, found("Occitanie", tab="bases"))

    def test_a_base_publication_updates_its_pages(self):
        base = BasePage.objects.get(pk=self.base.pk)
        base.title = "Base du Hub Bretagne"
        with self.committed():
            base.save_revision().publish()
        document = hit(self.resource, "médiation").document
        self.assertEqual(document["base"]["title"], "Base du Hub Bretagne")
        self.assertIn(self.resource.pk, found("Bretagne"))

    def test_a_collection_follows_the_titles_of_its_resources(self):
        collection = self.publish(
            ResourceCollectionPageFactory,
            parent=self.base,
            title="Sélection",
            resources=[self.resource],
        )
        page = ResourcePage.objects.get(pk=self.resource.pk)
        page.title = "Guide des coopératives numériques"
        with self.committed():
            page.save_revision().publish()
        self.assertIn(collection.pk, found("coopératives", tab="collections"))

    def test_a_move_to_another_base_follows(self):
        other = self.publish(BasePageFactory, title="Base des Hauts-de-France")
        with self.committed():
            ResourcePage.objects.get(pk=self.resource.pk).move(other, pos="last-child")
        document = hit(self.resource, "médiation").document
        self.assertEqual(document["base"]["id"], other.pk)
        self.assertIn(f"/{other.slug}/", document["url"])


class VisibilityTests(LifecycleTestCase):
    def setUp(self):
        super().setUp()
        self.public_base = self.publish(BasePageFactory, title="Base ouverte")
        self.private_base = self.publish(
            BasePageFactory, title="Base confidentielle", visibility=Visibility.PRIVATE
        )
        self.private_resource = self.publish(
            ResourcePageFactory,
            parent=self.private_base,
            title="Protocole interne de xylophagie",
        )
        self.public_resource = self.publish(
            ResourcePageFactory, parent=self.public_base, title="Atelier de xylophagie"
        )
        self.person = UserFactory()

    def test_a_private_base_is_never_shown_to_anonymous_visitors(self):
        self.assertEqual(found("xylophagie"), {self.public_resource.pk})
        results = search(SearchQuery(text="confidentielle", tab="bases"))
        self.assertEqual(results.hits, [])
        self.assertEqual(results.tab_counts.get("base", 0), 0)
        results = search(SearchQuery(text="xylophagie"))
        self.assertEqual(results.tab_counts["resource"], 1)
        base_facet = {value.value for value in results.facets.get("base", [])}
        self.assertNotIn(str(self.private_base.pk), base_facet)

    def test_a_new_member_sees_private_content_at_once_and_a_removed_one_no_longer(self):
        self.assertEqual(found("xylophagie", self.person), {self.public_resource.pk})
        with self.committed():
            membership = BaseMembershipFactory(
                base=self.private_base, user=self.person, role=Role.CONTRIBUTOR
            )
        self.assertFalse(PendingIndexUpdate.objects.exists())  # no document changes
        self.assertEqual(
            found("xylophagie", self.person), {self.public_resource.pk, self.private_resource.pk}
        )
        with self.committed():
            BaseMembership.objects.filter(pk=membership.pk).delete()
        self.assertEqual(found("xylophagie", self.person), {self.public_resource.pk})

    def test_platform_admins_see_everything(self):
        admin = UserFactory(superuser=True)
        self.assertEqual(
            found("xylophagie", admin), {self.public_resource.pk, self.private_resource.pk}
        )

    def test_making_a_base_private_hides_its_pages(self):
        base = BasePage.objects.get(pk=self.public_base.pk)
        base.visibility = Visibility.PRIVATE
        with self.committed():
            base.save_revision().publish()
        self.assertEqual(found("xylophagie"), set())
        self.assertEqual(found("ouverte", tab="bases"), set())
        member = BaseMembershipFactory(base=self.public_base).user
        self.assertEqual(found("xylophagie", member), {self.public_resource.pk})

    def test_making_a_base_public_shows_its_pages(self):
        base = BasePage.objects.get(pk=self.private_base.pk)
        base.visibility = Visibility.PUBLIC
        with self.committed():
            base.save_revision().publish()
        self.assertEqual(found("xylophagie"), {self.public_resource.pk, self.private_resource.pk})

    def test_moving_a_resource_into_a_private_base_hides_it(self):
        with self.committed():
            ResourcePage.objects.get(pk=self.public_resource.pk).move(
                self.private_base, pos="last-child"
            )
        self.assertEqual(found("xylophagie"), set())

    def test_a_private_collection_is_for_the_members_of_its_base(self):
        collection = self.publish(
            ResourceCollectionPageFactory,
            parent=self.public_base,
            title="Brouillon de parcours",
            visibility=Visibility.PRIVATE,
        )
        self.assertEqual(found("parcours", tab="collections"), set())
        admin = UserFactory(superuser=True)
        self.assertEqual(found("parcours", admin, tab="collections"), {collection.pk})
        self.assertEqual(found("parcours", UserFactory(), tab="collections"), set())
        member = BaseMembershipFactory(base=self.public_base).user
        self.assertEqual(found("parcours", member, tab="collections"), {collection.pk})


class DataTheDocumentsCopyTests(LifecycleTestCase):
    def setUp(self):
        super().setUp()
        self.base = self.publish(BasePageFactory, title="Base régionale")
        self.resource = self.publish(
            ResourcePageFactory, parent=self.base, title="Fiche sur la messagerie"
        )

    def test_a_term_label_change_reaches_the_resources_carrying_it(self):
        term = theme()
        term.label = "Autonomie numérique et quotidien"
        with self.committed():
            term.save()
        self.assertIn(self.resource.pk, found("quotidien"))
        labels = [t["label"] for t in hit(self.resource, "quotidien").document["themes"]]
        self.assertIn("Autonomie numérique et quotidien", labels)

    def test_saving_a_term_unchanged_schedules_nothing(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            theme().save()
        # (The page cache may still ask to be invalidated: portal.page_cache.)
        self.assertEqual([c for c in callbacks if isinstance(c, lifecycle._DrainAtCommit)], [])
        self.assertFalse(PendingIndexUpdate.objects.exists())

    def test_an_organisation_rename_reaches_its_bases_and_their_pages(self):
        organisation = self.base.organisation
        organisation.name = "Coopérative Numérique Solidaire"
        with self.committed():
            organisation.save()
        self.assertIn(self.resource.pk, found("Solidaire"))
        self.assertIn(self.base.pk, found("Solidaire", tab="bases"))

    def test_a_licence_change_reaches_its_resources(self):
        licence = Licence.objects.get(pk=self.resource.licence_id)
        licence.short_name = "Licence renommée"
        with self.committed():
            licence.save()
        self.assertEqual(
            hit(self.resource, "messagerie").document["licence"]["name"], licence.short_name
        )


class QueueTests(LifecycleTestCase):
    """Updates are stored before they are sent; an unreachable engine keeps them."""

    def setUp(self):
        super().setUp()
        self.base = self.publish(BasePageFactory, title="Base de test")
        self.fake = FakeElasticsearch()
        database = search_engines.database_engine()
        patcher = mock.patch.object(
            search_engines, "configured_engines", lambda: [database, self.fake]
        )
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_schedule_stores_one_row_per_engine_and_page(self):
        with self.captureOnCommitCallbacks(execute=False):
            lifecycle.schedule([self.base.pk, self.base.pk], IndexAction.UPDATE)
            lifecycle.schedule([self.base.pk], IndexAction.DELETE)
        rows = PendingIndexUpdate.objects.order_by("engine")
        self.assertEqual(
            [(row.engine, row.page_id, row.action) for row in rows],
            [
                ("database", self.base.pk, IndexAction.DELETE),
                ("elasticsearch", self.base.pk, IndexAction.DELETE),
            ],
        )

    def test_one_drain_per_transaction(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            lifecycle.schedule([self.base.pk])
            lifecycle.schedule([self.base.pk])
        self.assertEqual(len(callbacks), 1)

    def test_an_unreachable_engine_keeps_its_queue_and_editing_works(self):
        self.fake.reachable = False
        with self.committed():
            resource = ResourcePageFactory(parent=self.base, title="Fiche sur les tiers-lieux")
        self.assertTrue(ResourcePage.objects.get(pk=resource.pk).live)
        # The database index is current: it answers searches while Elasticsearch is away.
        database = search_engines.database_engine()
        hits = database.search(SearchQuery(text="tiers-lieux")).hits
        self.assertEqual([h.id for h in hits], [resource.pk])
        self.assertFalse(PendingIndexUpdate.objects.filter(engine="database").exists())
        pending = PendingIndexUpdate.objects.get(engine="elasticsearch", page_id=resource.pk)
        self.assertGreaterEqual(pending.attempts, 1)
        self.assertIn("Connexion refusée", pending.last_error)

        # Another change while it is still down: both updates wait.
        with self.committed():
            other = ResourcePageFactory(parent=self.base, title="Autre fiche")
        self.assertEqual(
            set(PendingIndexUpdate.objects.values_list("page_id", flat=True)),
            {resource.pk, other.pk},
        )

        # The server comes back: the queue drains.
        self.fake.reachable = True
        report = lifecycle.drain()
        self.assertEqual(report["elasticsearch"]["pending"], 0)
        self.assertFalse(PendingIndexUpdate.objects.exists())
        self.assertEqual(self.fake.documents[resource.pk]["title"], "Fiche sur les tiers-lieux")
        self.assertIn(other.pk, self.fake.documents)

    def test_the_queue_drains_at_the_next_change(self):
        self.fake.reachable = False
        with self.committed():
            resource = ResourcePageFactory(parent=self.base, title="Fiche un")
        self.assertEqual(self.fake.calls, 1)
        self.fake.reachable = True
        # Right after a failure, the next changes leave the engine alone for a while (a server
        # that does not answer would hold each publication for the client's timeout)…
        with self.committed():
            other = ResourcePageFactory(parent=self.base, title="Fiche deux")
        self.assertEqual(self.fake.calls, 1)
        self.assertEqual(PendingIndexUpdate.objects.filter(engine="elasticsearch").count(), 2)
        self.assertFalse(PendingIndexUpdate.objects.filter(engine="database").exists())
        # … then the next change sends everything that waited.
        later = time.monotonic() + lifecycle.RETRY_AFTER + 1
        with mock.patch.object(lifecycle.time, "monotonic", return_value=later), self.committed():
            third = ResourcePageFactory(parent=self.base, title="Fiche trois")
        self.assertFalse(PendingIndexUpdate.objects.exists())
        self.assertTrue({resource.pk, other.pk, third.pk} <= set(self.fake.documents))

    def test_unpublished_pages_are_deleted_from_every_engine(self):
        with self.committed():
            resource = ResourcePageFactory(parent=self.base, title="Fiche éphémère")
        self.assertIn(resource.pk, self.fake.documents)
        with self.committed():
            ResourcePage.objects.get(pk=resource.pk).unpublish()
        self.assertNotIn(resource.pk, self.fake.documents)

    def test_a_page_scheduled_again_while_it_is_sent_is_sent_again(self):
        with self.captureOnCommitCallbacks(execute=False):
            resource = ResourcePageFactory(parent=self.base, title="Fiche")
        sent = []
        original = self.fake.upsert

        def upsert(documents):
            original(documents)
            sent.append([document["id"] for document in documents])
            if len(sent) == 1:  # an editor publishes again while the update is on its way
                lifecycle.schedule([resource.pk], engines=[self.fake])

        self.fake.upsert = upsert
        lifecycle.drain(self.fake)
        self.assertEqual(len(sent), 2)
        self.assertFalse(PendingIndexUpdate.objects.filter(engine="elasticsearch").exists())

    def test_a_broken_document_does_not_block_the_queue(self):
        with self.captureOnCommitCallbacks(execute=False):
            first = ResourcePageFactory(parent=self.base, title="Fiche cassée")
        broken = mock.patch.object(lifecycle, "build_documents", side_effect=ValueError("cassé"))
        with broken, self.assertLogs("search.lifecycle", "ERROR"):
            report = lifecycle.drain(self.fake)
        self.assertEqual(report["elasticsearch"]["pending"], 1)
        self.assertIn("cassé", PendingIndexUpdate.objects.get(engine="elasticsearch").last_error)
        lifecycle.drain()
        self.assertIn(first.pk, self.fake.documents)


class UnreachableElasticsearchTests(LifecycleTestCase):
    """The real Elasticsearch engine pointed at a closed port."""

    def setUp(self):
        super().setUp()
        try:
            from search.engines import elasticsearch  # noqa: F401
        except ImportError:
            self.skipTest("Le moteur Elasticsearch n'est pas encore disponible.")
        self.base = self.publish(BasePageFactory, title="Base de test")

    @override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
    def test_publishing_works_and_the_update_waits(self):
        with self.committed():
            resource = ResourcePageFactory(parent=self.base, title="Fiche sur la fibre optique")
        self.assertTrue(ResourcePage.objects.get(pk=resource.pk).live)
        self.assertTrue(
            search_engines.database_engine().fingerprints().get(resource.pk),
        )
        pending = PendingIndexUpdate.objects.get(engine="elasticsearch", page_id=resource.pk)
        self.assertGreaterEqual(pending.attempts, 1)
        # Searches fall back to the database engine.
        results = search(SearchQuery(text="fibre"))
        self.assertTrue(results.fallback)
        self.assertEqual([h.id for h in results.hits], [resource.pk])

        # The server comes back.
        engine_class = type(search_engines.elasticsearch_engine())
        with (
            mock.patch.object(engine_class, "upsert", autospec=True) as upsert,
            mock.patch.object(engine_class, "delete", autospec=True),
        ):
            lifecycle.drain()
        self.assertTrue(upsert.called)
        self.assertFalse(PendingIndexUpdate.objects.exists())
