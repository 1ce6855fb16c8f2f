"""`manage.py backup` then `manage.py restore` on an empty database and empty folders.

The backup is made in the test's process from a small but complete site (public and private
bases, a resource with a two-version journal, members, an image, a document, a label request
with an evidence file, the search index). The restore runs as an operator would run it on a new
machine: another process, another database (a new SQLite file, or a new PostgreSQL database),
new media and evidence folders. Then a third process reads the restored site
(tests/restore_probe.py) and must find exactly what the original showed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail_factories import DocumentFactory

from tests.factories import (
    BaseMembershipFactory,
    BasePageFactory,
    ImageFactory,
    ResourcePageFactory,
    UserFactory,
)
from tests.restore_probe import probe

REPOSITORY = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build_site():
    from base.models import Role, Visibility
    from label.criteria import Criterion, SelfAssessment
    from label.models import CriterionAssessment, EvidenceFile
    from ressources import versioning
    from ressources.models import ResourcePage
    from tests.label_factories import LabelRequestFactory

    member = UserFactory(username="restauration.membre")
    public = BasePageFactory(title="Base des ateliers restaurée")
    private = BasePageFactory(
        title="Base du cercle restaurée",
        slug="base-du-cercle-restaure",
        visibility=Visibility.PRIVATE,
    )
    BaseMembershipFactory(base=public, user=member, role=Role.ADMIN)
    BaseMembershipFactory(base=private, user=member, role=Role.CONTRIBUTOR)
    image = ImageFactory(title="Affiche de l'atelier", collection=public.media_collection)
    DocumentFactory(
        title="Trame de l'atelier",
        collection=public.media_collection,
        file__data=b"Trame de l'atelier de cybersecurite.\n",
        file__filename="trame-atelier.txt",
    )
    resource = ResourcePageFactory(
        parent=public,
        title="Atelier : la cybersécurité au quotidien",
        summary="Un atelier pour sécuriser ses comptes.",
        cover_image=image,
    )
    page = ResourcePage.objects.get(pk=resource.pk)
    page.summary = "Un atelier pour sécuriser ses comptes et sa messagerie."
    versioning.publish(page, member, ["Ajout de la messagerie"])
    ResourcePageFactory(parent=private, title="Protocole interne de l'atelier")
    applicant = UserFactory(username="restauration.label")
    request = LabelRequestFactory(applicant=applicant, with_assessments=False)
    assessment = CriterionAssessment.objects.create(
        request=request,
        criterion=list(Criterion)[0],
        self_assessment=SelfAssessment.MEETS,
        justification="Notre charte de gouvernance.",
    )
    evidence = EvidenceFile(
        assessment=assessment,
        original_name="charte.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    evidence.file.save("charte.pdf", ContentFile(PDF), save=True)


def database_url_for(tmp_path):
    """An empty database of the same kind as the test's: a new file, or a new PG database."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restauree.sqlite3'}", None
    params = connection.settings_dict
    name = f"{params['NAME']}_restauree"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = (
        f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or '127.0.0.1'}:"
        f"{params['PORT'] or 5432}/{name}"
    )
    return url, name


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=REPOSITORY, env=env, capture_output=True, text=True
    )


def test_backup_restores_into_an_empty_database_and_empty_folders(
    transactional_db, django_db_serialized_rollback, tmp_path
):
    build_site()
    original = probe()
    assert original["search_anonymous"]["cybersécurité"][1] == [
        "Atelier : la cybersécurité au quotidien"
    ]
    assert original["search_member"]["protocole"][1] == ["Protocole interne de l'atelier"]
    assert len(original["versions"]) >= 3 and original["evidence"][0][2] == 200

    call_command("backup", str(tmp_path / "sauvegardes"), "--quiet", verbosity=0)
    archives = list((tmp_path / "sauvegardes").glob("bases-communes-*.tar"))
    assert len(archives) == 1

    url, pg_name = database_url_for(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp_path / "nouveaux-medias"),
        "LABEL_NEC_EVIDENCE_ROOT": str(tmp_path / "nouvelles-pieces"),
        "ELASTICSEARCH_URL": "",
        "ALLOWED_HOSTS": "testserver",
    }
    try:
        restored = run(["manage.py", "restore", str(tmp_path / "sauvegardes"), "--quiet"], env)
        assert restored.returncode == 0, restored.stderr
        assert "nombre de lignes conforme" in restored.stdout
        assert "Restauration terminée" in restored.stdout
        assert Path(env["LABEL_NEC_EVIDENCE_ROOT"]).is_dir()

        seen = run(["-m", "tests.restore_probe"], env)
        assert seen.returncode == 0, seen.stderr
        assert json.loads(seen.stdout.splitlines()[-1]) == original

        # Run again (an interrupted restore is resumed): nothing is redone, nothing breaks.
        again = run(["manage.py", "restore", str(archives[0]), "--quiet"], env)
        assert again.returncode == 0, again.stderr
        assert "étape passée" in again.stdout
        assert "0 fichier(s) restauré(s)" in again.stdout
    finally:
        if pg_name:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{pg_name}"')


def test_restore_refuses_a_database_that_is_not_empty(
    transactional_db, django_db_serialized_rollback, tmp_path
):
    build_site()
    call_command("backup", str(tmp_path), "--quiet", verbosity=0)
    UserFactory(username="arrivee.apres.la.sauvegarde")
    with pytest.raises(CommandError, match="n'est pas vide"):
        call_command("restore", str(tmp_path), "--quiet", verbosity=0)


def test_restore_refuses_what_is_not_a_backup(db, tmp_path):
    (tmp_path / "bases-communes-20260101-000000.tar").write_bytes(b"pas une archive")
    with pytest.raises(CommandError, match="Archive illisible"):
        call_command("restore", str(tmp_path), verbosity=0)
    (tmp_path / "vide").mkdir()
    with pytest.raises(CommandError, match="Aucune sauvegarde"):
        call_command("restore", str(tmp_path / "vide"), verbosity=0)
    with pytest.raises(CommandError, match="Sauvegarde introuvable"):
        call_command("restore", str(tmp_path / "absente.tar"), verbosity=0)


def test_backup_keeps_the_n_most_recent(
    transactional_db, django_db_serialized_rollback, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "medias")
    for stamp in ("20260101-000000", "20260102-000000", "20260103-000000"):
        (tmp_path / f"bases-communes-{stamp}.tar").write_bytes(b"")
    call_command("backup", str(tmp_path), "--keep", "2", verbosity=0)
    names = sorted(p.name for p in tmp_path.glob("bases-communes-*.tar"))
    assert len(names) == 2 and names[0] == "bases-communes-20260103-000000.tar"
    assert not list(tmp_path.glob("*.partial"))
    assert settings.LABEL_NEC_EVIDENCE_ROOT  # untouched
