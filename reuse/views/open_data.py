"""/donnees-ouvertes/: the page that presents the open-data dump, and its files at stable
addresses (always the latest complete release: reuse.open_data)."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_safe

from .. import open_data
from ..records import COLUMNS


@require_safe
def page(request):
    package = open_data.current_package()
    files = []
    if package:
        for resource in package["resources"]:
            files.append(
                {"name": resource["path"], "title": resource["title"], "bytes": resource["bytes"]}
            )
        files.append(
            {
                "name": open_data.PACKAGE_NAME,
                "title": "Description du jeu (Frictionless)",
                "bytes": None,
            }
        )
    return TemplateResponse(
        request,
        "reuse/open_data.html",
        {
            "package": package,
            "created": parse_datetime(package["created"]) if package else None,
            "files": files,
            "columns": COLUMNS,
            "licence": open_data.METADATA_LICENCE,
        },
    )


@require_safe
def download(request, name):
    path = open_data.published_file(name)
    if path is None:
        raise Http404
    # Open now: the release may be replaced meanwhile, this file stays whole (an open file).
    response = FileResponse(path.open("rb"), content_type=open_data.FILES[name])
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    if name != open_data.PACKAGE_NAME:
        response["Content-Disposition"] = f'attachment; filename="bases-communes-{name}"'
    return response
