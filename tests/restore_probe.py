"""What a person would check after a restore, as one comparable dict.

Run in the test's process on the original database, and with `python -m tests.restore_probe`
in a fresh process on the restored one (tests/test_backups.py): pages, journals, memberships,
files (with their checksums), evidence downloads and search results must be the same.
"""

import hashlib
import json

SEARCHES = ("atelier", "cybersécurité", "charte", "protocole")


def _sha(field):
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _results(client, query):
    from bs4 import BeautifulSoup

    response = client.get("/rechercher/", {"q": query})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [response.status_code, sorted(a.get_text(" ", strip=True) for a in page.select("h3 a"))]


def probe():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from base.models import BaseMembership
    from label.models import EvidenceFile
    from ressources.models import ResourceVersion

    client = Client()
    member = get_user_model().objects.get(username="restauration.membre")
    member_client = Client()
    member_client.force_login(member)
    applicant_client = Client()
    applicant_client.force_login(get_user_model().objects.get(username="restauration.label"))
    evidence = []
    for item in EvidenceFile.objects.order_by("original_name"):
        response = applicant_client.get(item.url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        evidence.append(
            [
                item.original_name,
                _sha(item.file),
                response.status_code,
                hashlib.sha256(body).hexdigest(),
            ]
        )
    return {
        "pages": sorted(
            [p.url_path, p.title, p.live, p.content_type.model] for p in Page.objects.all()
        ),
        "versions": sorted(
            [v.resource.url_path, v.major, v.minor, v.changes, v.responsible_name]
            for v in ResourceVersion.objects.select_related("resource")
        ),
        "memberships": sorted(
            [m.base.url_path, m.user.username, m.role]
            for m in BaseMembership.objects.select_related("base", "user")
        ),
        "images": sorted([i.title, _sha(i.file)] for i in get_image_model().objects.all()),
        "documents": sorted([d.title, _sha(d.file)] for d in get_document_model().objects.all()),
        "evidence": evidence,
        "search_anonymous": {q: _results(client, q) for q in SEARCHES},
        "search_member": {q: _results(member_client, q) for q in SEARCHES},
        "private_base_page": member_client.get("/bases/base-du-cercle-restaure/").status_code,
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(probe(), ensure_ascii=False))
