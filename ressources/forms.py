from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from base.forms import ExpiryForAdminsMixin

from . import rules


class ResourcePageForm(ExpiryForAdminsMixin, WagtailAdminPageForm):
    """Shows the resource rules on the fields they concern; publish rules only when publishing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The version note belongs to one publication: every edit starts with a blank one.
        for field in ("version_changes", "version_major"):
            if field in self.fields:
                self.initial[field] = self.fields[field].initial = ""
        if "version_major" in self.fields:
            self.initial["version_major"] = False

    @property
    def is_publishing(self):
        return self.is_bound and "action-publish" in self.data

    def clean(self):
        cleaned_data = super().clean()
        if (
            self.is_publishing
            and "version_changes" in self.fields
            and self.instance.pk
            and self.instance.versions.exists()
            and not (cleaned_data.get("version_changes") or "").strip()
        ):
            self.add_error(
                "version_changes",
                _("Décrivez les changements de cette version, un par ligne."),
            )
        taxonomy = {field: list(cleaned_data.get(field) or []) for field in rules.TAXONOMY_LIMITS}
        errors = rules.content_errors(title=cleaned_data.get("title"), taxonomy=taxonomy)
        errors.update(self.retired_term_errors(taxonomy))
        # Many-to-many values reach the page only on save; the model's own check (run next, by
        # _post_clean) must see the submitted terms, not the stored ones.
        for field, terms in taxonomy.items():
            if field in self.fields:
                setattr(self.instance, field, terms)
        if self.is_deferred_validation:
            # A draft may be incomplete; the model must not apply publication rules to it either.
            self.instance.defer_publication_rules = True
        else:
            errors.update(
                rules.publication_errors(
                    licence=cleaned_data.get("licence"),
                    themes=taxonomy["themes"],
                    resource_types=taxonomy["resource_types"],
                    adapted_from=self.adapted_from(cleaned_data),
                )
            )
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return cleaned_data

    def adapted_from(self, cleaned_data):
        page = cleaned_data.get("adapted_from")
        return page.specific if page is not None else None

    def retired_term_errors(self, taxonomy):
        """A retired term may stay on a resource that had it, but cannot be newly chosen."""
        errors = {}
        for field, terms in taxonomy.items():
            kept = {term.pk for term in getattr(self.instance, field).all()}
            for term in terms:
                if not term.active and term.pk not in kept:
                    message = _("« %(term)s » n'est plus en usage.") % {"term": term.label}
                    if term.successor:
                        message += " " + _("Choisissez plutôt « %(successor)s ».") % {
                            "successor": term.successor.label
                        }
                    errors.setdefault(field, []).append(message)
        return errors
