"""`resource_downloaded`: sent when someone downloads resources (a PDF, a Markdown file, a
pack), so that the statistics above this app (portal) count them without reuse knowing them."""

from django.dispatch import Signal

# Arguments: request, resource_ids (the resources the file holds).
resource_downloaded = Signal()
