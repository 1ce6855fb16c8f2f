"""Static files in production: hashed, compressed (WhiteNoise), with the DSFR files untouched.

django-dsfr prints `integrity="sha384-…"` on the DSFR stylesheets and scripts
(DSFR_USE_INTEGRITY_CHECKSUMS): the browser refuses any byte that differs. The manifest storage
rewrites every `url()` (and `sourceMappingURL`) of a stylesheet to the hashed names, which changed
`dsfr.min.css` and `utility.min.css`: Chromium blocked them and the site had no style at all.
These files are kept byte for byte; their relative `url()`s still resolve, because the storage
keeps the unhashed copies (fonts, icons) next to the hashed ones."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# The files whose sha384 django-dsfr pins (dsfr/checksums.py).
PINNED_FILES = frozenset(
    {
        "dsfr/dist/dsfr/dsfr.min.css",
        "dsfr/dist/utility/utility.min.css",
        "dsfr/dist/dsfr/dsfr.module.min.js",
        "dsfr/dist/dsfr/dsfr.nomodule.min.js",
    }
)


class ProductionStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url_converter(self, name, hashed_files, template=None):
        if name in PINNED_FILES:
            return lambda matchobj: matchobj.group(0)
        return super().url_converter(name, hashed_files, template)
