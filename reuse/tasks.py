"""Background work of the downloads (django-tasks; run at once with the immediate backend)."""

from django_tasks import task


@task()
def build_resource_pdfs(resource_ids):
    """Build the PDFs a pack is waiting for (reuse.downloads.ensure_pdfs). Only the resources'
    own content goes in; who may download them is decided when they are served."""
    from ressources.models import ResourcePage

    from .downloads import resource_pdf

    built = 0
    for resource in ResourcePage.objects.live().filter(pk__in=resource_ids).specific():
        resource_pdf(resource)
        built += 1
    return {"built": built}
