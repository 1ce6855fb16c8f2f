"""Test runs: fast hashing, in-memory mail, local media in a temp folder."""

import tempfile

from .common import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="bases-communes-test-media-")
LABEL_NEC_EVIDENCE_ROOT = tempfile.mkdtemp(prefix="bases-communes-test-evidence-")
REUSE_DOWNLOADS_ROOT = tempfile.mkdtemp(prefix="bases-communes-test-downloads-")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": []}]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests that change data and read pages expect the page as it is now; tests/test_page_cache.py
# turns the cache on.
PAGE_CACHE_ENABLED = False
