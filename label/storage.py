"""Where evidence files live: outside MEDIA_ROOT, never at a public URL.

Evidence may hold personal or confidential data (contracts, audits, screenshots). The files are
stored under LABEL_NEC_EVIDENCE_ROOT, which no web server serves, and reach people only through
`label.views.requests.evidence`, which checks that they are the applicant or a reviewer.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(FileSystemStorage):
    """A file system storage with no URL: asking for one is a bug, not a leak."""

    def url(self, name):
        raise ValueError("Les pièces justificatives n'ont pas d'adresse publique.")


class _EvidenceStorage(LazyObject):
    def _setup(self):
        self._wrapped = PrivateStorage(location=settings.LABEL_NEC_EVIDENCE_ROOT)


evidence_storage = _EvidenceStorage()


def get_evidence_storage():
    """The storage of EvidenceFile.file (a callable, so migrations do not record a path)."""
    return evidence_storage
