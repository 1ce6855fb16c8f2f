"""wagtail.utils.sendfile backend for production behind nginx: Django checks who may read a
file, nginx sends it (X-Accel-Redirect to an `internal` location, see README).

Settings: SENDFILE_BACKEND = "base.sendfile_nginx", SENDFILE_ROOT (MEDIA_ROOT) and SENDFILE_URL
(the internal location, e.g. /protected-media)."""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.SENDFILE_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = (
        f"{settings.SENDFILE_URL.rstrip('/')}/{quote(relative.as_posix())}"
    )
    return response
