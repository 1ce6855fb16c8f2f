"""Accounts move onto django-allauth: every account gets its address as allauth's primary
EmailAddress, so nobody has to sign up again.

- confirmed before (email_verified_at) → verified;
- active accounts that never went through the site's sign-up (created by an administrator or
  the demo, which could log in without a confirmation) → verified, so they still log in;
- sign-ups still waiting for their link → active with an unverified address: allauth sends a
  new link at their first log-in attempt, and refuses the log-in until it is opened;
- deleted accounts get no address.
"""

from django.db import migrations


def create_email_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    for user in User.objects.filter(deleted_at__isnull=True).exclude(email="").iterator():
        email = user.email.strip().lower()
        if EmailAddress.objects.filter(user=user).exists():
            continue
        awaiting = (
            not user.is_active
            and user.email_verified_at is None
            and user.terms_accepted_at is not None
        )
        verified = user.email_verified_at is not None or (user.is_active and not awaiting)
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        if awaiting:
            user.is_active = True
            user.save(update_fields=["is_active"])


def remove_email_addresses(apps, schema_editor):
    apps.get_model("account", "EmailAddress").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(create_email_addresses, remove_email_addresses)]
