"""Every DSFR icon a template names exists in the DSFR stylesheets the pages load: a missing one
renders as a plain square (as « Journal des versions » once did)."""

import re
from pathlib import Path

import dsfr
from django.conf import settings

DIST = Path(dsfr.__file__).parent / "static" / "dsfr" / "dist"
ICON = re.compile(r"\bfr-icon-[a-z0-9-]+-(?:line|fill)\b")


def test_every_icon_used_by_a_template_exists():
    css = (DIST / "dsfr.min.css").read_text() + (DIST / "utility" / "utility.min.css").read_text()
    defined = set(re.findall(r"\.(fr-icon-[a-z0-9-]+)", css))
    templates = Path(settings.BASE_DIR, "templates").rglob("*.html")
    used = {name for path in templates for name in ICON.findall(path.read_text())}
    assert used, "no icon found: the pattern no longer matches the templates"
    assert sorted(used - defined) == []
