"""Authors are credited: whoever creates a resource is named in its credits.

A resource created in the admin or on the public site credits its creator (the page's owner)
as « Rédaction » when it is first saved, unless the credits already name them; the line stays
editable afterwards like every credit (role changed, or removed). It happens once, in
`ResourcePage.save()` on creation, so every way of creating a resource gets it.
"""

from .models import CreditKind, CreditRole, ResourceCredit


def author_credit(user, role=CreditRole.WRITING):
    """An unsaved credit line naming `user` (their account, name and organisation)."""
    return ResourceCredit(
        kind=CreditKind.PERSON,
        name=user.display_name,
        role=role,
        user=user,
        organisation=getattr(user, "organisation", None),
    )


def credit_author(page, user, role=None):
    """Add `user` to the in-memory credits of `page` unless already credited; saved with it."""
    role = role or CreditRole.WRITING
    credits = list(page.credits.all())
    if user is None or any(credit.user_id == user.pk for credit in credits):
        return False
    credit = author_credit(user, role)
    credit.sort_order = len(credits)
    page.credits = [*credits, credit]
    return True
