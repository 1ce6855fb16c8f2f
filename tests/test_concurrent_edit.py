"""Two people publish the same resource at the same moment: one version, one conflict page.

Only PostgreSQL really runs requests in parallel with row locks (`select_for_update` in
ressources.contribution); SQLite serialises whole-database writes and ignores the lock, so the
test is skipped there and runs in the PostgreSQL pass of `make test`:

    make postgres
    DATABASE_URL=postgres://bases_communes:bases_communes@127.0.0.1:5432/bases_communes \
        .venv/bin/pytest tests/test_concurrent_edit.py
"""

import html
import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from base.models import ContributionMode
from ressources.models import ResourcePage
from tests.factories import BasePageFactory, ResourcePageFactory, UserFactory
from tests.test_contribution import form_data

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (concurrent requests and row locks); runs in the PostgreSQL pass",
)


def test_simultaneous_publications(transactional_db, django_db_serialized_rollback):
    # In a transaction, as every publication path of the site is (the journal entry locks the
    # resource row: ressources.versioning.record_version).
    with transaction.atomic():
        base = BasePageFactory(contribution_mode=ContributionMode.OPEN)
        resource = ResourcePageFactory(parent=base, title="Fiche partagée", summary="Résumé.")
    url = resource.url + resource.reverse_subpage("edit")
    people = [
        UserFactory(first_name="Alice", last_name="Simultanee"),
        UserFactory(first_name="Bruno", last_name="Simultane"),
    ]
    clients, payloads = [], []
    for number, person in enumerate(people):
        client = Client()
        client.force_login(person)
        data = form_data(client.get(url))
        data.update(title=f"Titre de {person.first_name}", changes=f"Changement {number}")
        clients.append(client)
        payloads.append(data)
    assert payloads[0]["base_revision"] == payloads[1]["base_revision"]

    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)
    errors = []

    def publish(index):
        try:
            barrier.wait(timeout=10)
            response = clients[index].post(url, payloads[index])
            results[index] = (response.status_code, response.content.decode())
        except Exception as error:  # reported below, with the thread's traceback lost
            errors.append(error)
        finally:
            connections.close_all()  # this thread's connections only

    threads = [threading.Thread(target=publish, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert all(result is not None for result in results), results

    statuses = sorted(status for status, _content in results)
    assert statuses == [302, 409]
    winner = next(index for index, (status, _content) in enumerate(results) if status == 302)
    loser = 1 - winner
    conflict_page = html.unescape(results[loser][1])
    assert "Quelqu'un a publié une nouvelle version entre-temps" in conflict_page
    assert f"Titre de {people[loser].first_name}" in conflict_page  # nothing typed is lost

    resource = ResourcePage.objects.get(pk=resource.pk)
    assert resource.title == f"Titre de {people[winner].first_name}"
    versions = list(resource.versions.order_by("major", "minor"))
    assert [version.number for version in versions] == ["1.0", "1.1"]
    assert versions[-1].user == people[winner]
