from django.template.response import TemplateResponse


def search(request):
    """Replaced by the full search page (pages helper)."""
    return TemplateResponse(request, "search/search.html", {})
