from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .models import LegalKind, LegalPage


def terms(request):
    """/compte/conditions-d-utilisation/, the first address of the conditions (sign-up links
    to it, and so do e-mails already sent): now a page staff edit, at /conditions-d-utilisation/.
    Until that page exists, the short text of the sign-up form is shown."""
    page = LegalPage.objects.live().filter(kind=LegalKind.TERMS).first()
    url = page.get_url(request) if page else None
    if url:
        return redirect(url, permanent=False)
    return TemplateResponse(request, "accounts/terms.html")
