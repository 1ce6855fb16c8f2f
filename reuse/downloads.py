"""Downloads: a resource as a PDF or as Markdown, a collection or a kit as a zip « pack ».

Why files are cached, and where. A PDF costs a second of WeasyPrint; a pack, one PDF per
resource plus its files. Each file is built once for what it holds and kept under
REUSE_DOWNLOADS_ROOT, which no web server serves: every download goes through a view that
checks, first, that the person may read the page (a page route, behind `BaseContentMixin.serve`
or a collection's `serve`; a person's collection, behind `personal_collections.can_view`), then
which resources and files of a pack they may read (`visible_resources`, `base.media.can_view`). The name of a cached file is a digest of everything it holds (the
published revision and version of each resource, its attribution line, the pack's list of
resources and files), so a new version gets a new file, and two readers who may see different
parts of a collection get different packs: nobody is ever handed a file built for someone else.

What a PDF holds: the resource as published (title, summary, dates and version, its blocks),
then « Licence et réutilisation » with the attribution line (`ResourcePage.attribution_line`,
the one of the page) and the credits. It is a tagged PDF/UA-1 (WeasyPrint's variant): a title,
a language, headings and alternative texts that screen readers follow. Only the site's own
static files and the media of bases every reader of the resource may read are embedded; nothing
is fetched from elsewhere.

Packs are bounded (REUSE_PACK_MAX_RESOURCES, REUSE_PACK_MAX_BYTES): what does not fit is listed
in the pack's LISEZMOI with its address, never dropped silently. A request builds missing PDFs for
REUSE_PACK_BUILD_SECONDS at most; the rest is queued (reuse.tasks) and the person is asked to
come back (`PackNotReady`), so a big collection never holds a worker past its timeout.
"""

import hashlib
import mimetypes
import os
import posixpath
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from markdownify import markdownify

from base.media import can_view, collection_base, owner_of
from base.sharing import grants_for
from base.visibility import base_of
from ressources.listing import visible_resources
from ressources.models import CollectionItem, ResourceCollectionPage, ResourcePage

# Bump when the templates or the layout change: every cached file is then rebuilt.
FORMAT = "2"
KIT_TYPE = "boite_outils"


@dataclass
class Download:
    """A built file and how to hand it over."""

    path: Path
    filename: str
    content_type: str
    resource_ids: list = field(default_factory=list)


def _root():
    return Path(settings.REUSE_DOWNLOADS_ROOT)


def _digest(*parts):
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:20]


def _cached(relative, build):
    """The file at `relative` under the root, built by `build(handle)` if it is not there yet.

    Written to a temporary file then renamed, so a reader never gets half a file and two
    simultaneous builds only cost time."""
    path = _root() / relative
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            build(handle)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


# A resource ---------------------------------------------------------------------------------------


def resource_key(resource):
    """What a resource's files depend on: its published revision, its version number and its
    attribution line (which names its base, its credits and its licence). Kept on the instance:
    a pack asks for it several times per resource."""
    if getattr(resource, "_download_key", None) is None:
        version = resource.current_version
        resource._download_key = _digest(
            FORMAT,
            resource.pk,
            resource.live_revision_id,
            version.number if version else "",
            resource.attribution_line(),
        )
    return resource._download_key


def _file_stem(resource):
    version = resource.current_version
    suffix = f"-v{version.number.replace('.', '-')}" if version else ""
    return f"{resource.slug}{suffix}"


def _pdf_relative(resource):
    return f"ressources/{resource.pk}/{resource_key(resource)}.pdf"


def resource_pdf(resource):
    """The PDF of the published resource (built once per version)."""
    path = _cached(_pdf_relative(resource), lambda handle: handle.write(render_pdf(resource)))
    return Download(path, f"{_file_stem(resource)}.pdf", "application/pdf", [resource.pk])


def resource_markdown(resource):
    """The resource as Markdown: its text, its links, its licence and attribution line."""
    relative = f"ressources/{resource.pk}/{resource_key(resource)}.md"
    path = _cached(relative, lambda handle: handle.write(render_markdown(resource).encode()))
    return Download(
        path, f"{_file_stem(resource)}.md", "text/markdown; charset=utf-8", [resource.pk]
    )


def _documents(resource):
    """The files attached to a resource (its « Fichier à télécharger » blocks), in order."""
    documents = []
    for block in resource.body:
        if block.block_type == "document" and block.value.get("document"):
            document = block.value["document"]
            if all(document.pk != known.pk for known in documents):
                documents.append(document)
    return documents


def _context(resource):
    base = base_of(resource)
    return {
        "page": resource,
        "base": base,
        "version": resource.current_version,
        "licence": resource.licence,
        "credits": list(resource.credits.all()),
        "attribution": resource.attribution_line(),
        "address": address(resource),
        "documents": _documents(resource),
        "fonts": f"{settings.BASE_URL}{settings.STATIC_URL}dsfr/dist/fonts/",
    }


def render_pdf(resource):
    """The tagged PDF (PDF/UA-1) of a resource, made by WeasyPrint from an HTML template."""
    from weasyprint import HTML

    html = render_to_string("reuse/resource_pdf.html", _context(resource))
    fetcher = _local_fetcher(base_of(resource))
    return HTML(string=html, base_url=settings.BASE_URL + "/", url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_identifier=_digest("pdf", resource.pk, resource.live_revision_id).encode(),
    )


def _local_fetcher(base):
    """WeasyPrint's fetcher, narrowed to the site's static files and the media that every reader
    of the resource may see (its own base's, a public base's); nothing else (another host, a
    private base's file) gets into the PDF."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = settings.BASE_URL.rstrip("/")

    def response(url, body, name):
        mime_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})

    def readable(name):
        try:
            owner = owner_of(name)
        except Exception:  # Http404: a file no image or document claims
            return False
        if owner is None:
            return True
        owner_base = collection_base(owner.collection_id)
        return owner_base is None or owner_base.is_public or (base and owner_base.pk == base.pk)

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = url[len(root) :] if url.startswith(root + "/") else ""
            if path.startswith(settings.STATIC_URL):
                found = finders.find(path[len(settings.STATIC_URL) :])
                if found:
                    return response(url, Path(found).read_bytes(), path)
            if path.startswith(settings.MEDIA_URL):
                name = posixpath.normpath(path[len(settings.MEDIA_URL) :])
                if not name.startswith(("..", "/")) and readable(name):
                    with default_storage.open(name) as handle:
                        return response(url, handle.read(), name)
            raise ValueError(f"Pas de ressource externe dans un PDF : {url}")

    return LocalFetcher()


def address(page):
    """A page's full address (the Site's), or BASE_URL's when no Site answers for it."""
    return page.full_url or _absolute(page.url)


def _absolute(url):
    if url and url.startswith("/"):
        return settings.BASE_URL.rstrip("/") + url
    return url


def _markdown_of_html(html):
    markdown = markdownify(html, heading_style="ATX", bullets="-", escape_underscores=False)
    # Relative links of the rich text (pages, documents) become full addresses.
    return markdown.replace("](/", f"]({settings.BASE_URL.rstrip('/')}/").strip()


def render_markdown(resource):
    context = _context(resource)
    lines = [f"# {resource.title}", "", resource.summary, ""]
    if context["base"]:
        lines.append(f"- Base : {context['base'].title}")
    if resource.producer:
        lines.append(f"- Organisation productrice : {resource.producer.name}")
    version = context["version"]
    if version:
        lines.append(
            f"- Version {version.number} du {timezone.localtime(version.published_at):%d/%m/%Y}"
        )
    lines += [f"- Adresse : {context['address']}", ""]
    for block in resource.body:
        lines += [_markdown_block(block), ""]
    lines += ["## Licence et réutilisation", ""]
    licence = context["licence"]
    if licence:
        name = f"[{licence.name}]({licence.url})" if licence.url else licence.name
        lines.append(f"Cette ressource est publiée sous {name}.")
    else:
        lines.append("Licence non indiquée.")
    lines += ["", "Mention à reprendre pour réutiliser la ressource :", ""]
    lines += [f"> {context['attribution']}", ""]
    if resource.permission_contact:
        lines += [
            "Pour un usage que la licence ne couvre pas, demandez l'autorisation : "
            f"{resource.permission_contact}.",
            "",
        ]
    if context["credits"]:
        lines += ["## Crédits", ""]
        lines += [f"- {credit.name} — {credit.get_role_display()}" for credit in context["credits"]]
        lines.append("")
    return "\n".join(lines)


def _markdown_block(block):
    value = block.value
    kind = block.block_type
    if kind == "heading":
        return f"{'##' if value['level'] == 'h2' else '###'} {value['text']}"
    if kind == "paragraph":
        return _markdown_of_html(str(value))
    if kind == "image" and value.get("image"):
        rendition = value["image"].get_rendition("max-1200x900")
        text = f"![{value.get('alt_text') or ''}]({_absolute(rendition.url)})"
        caption = " — ".join(
            part
            for part in (value.get("caption"), value.get("credit") and f"© {value['credit']}")
            if part
        )
        return f"{text}\n\n*{caption}*" if caption else text
    if kind == "document" and value.get("document"):
        document = value["document"]
        text = f"[{value.get('title') or document.title}]({_absolute(document.url)})"
        return f"{text}\n\n{value['description']}" if value.get("description") else text
    if kind in ("link", "video"):
        url = value["url"] if kind == "link" else getattr(value["video"], "url", value["video"])
        text = f"[{value['title']}]({url})"
        extra = value.get("description") if kind == "link" else value.get("transcript")
        return f"{text}\n\n{extra}" if extra else text
    if kind == "callout":
        inner = _markdown_of_html(str(value["text"]))
        if value.get("title"):
            inner = f"**{value['title']}**\n\n{inner}"
        return "\n".join(f"> {line}".rstrip() for line in inner.splitlines())
    return ""


# A pack -------------------------------------------------------------------------------------------


def is_kit(resource):
    """A « Boîte à outils » resource (kits, packs of resources) is downloaded as a pack."""
    return any(term.slug == KIT_TYPE for term in resource.resource_types.all())


@dataclass
class PackSource:
    """What a pack is made from: a collection of a base, a person's collection, or a kit."""

    identity: tuple  # what names it besides its resources (kind, id, revision…)
    title: str
    address: str
    slug: str
    of_kind: str  # « de la collection », « du kit »
    resource_ids: list  # in order, before the reader's visibility is applied
    checked: ResourcePage | None = None  # a kit: already checked by its page route
    share_links: bool = True  # a person's collection shows none of its reader's share links


def page_source(page):
    """The pack of a collection page (its items in order) or of a kit (itself, then the
    resources it links to)."""
    if isinstance(page, ResourceCollectionPage):
        ids = list(
            CollectionItem.objects.filter(collection=page)
            .order_by("sort_order")
            .values_list("resource_id", flat=True)
        )
        of_kind, checked = "de la collection", None
    else:
        ids = [page.pk, *(link.related_id for link in page.related_links.all())]
        of_kind, checked = "du kit", page
    return PackSource(
        ("page", page.pk, page.live_revision_id),
        page.title,
        address(page),
        page.slug,
        of_kind,
        ids,
        checked,
    )


def personal_source(collection):
    """The pack of a person's collection (« Mes favoris » or one they made)."""
    ids = list(collection.items.order_by("sort_order", "pk").values_list("resource_id", flat=True))
    return PackSource(
        ("personal", collection.pk),
        collection.title,
        settings.BASE_URL.rstrip("/") + collection.get_absolute_url(),
        collection.slug,
        "de la collection",
        ids,
        share_links=False,
    )


def pack_resources(source, request):
    """The resources of a pack that the person may read, in the pack's order."""
    user = request.user
    grants = grants_for(request) if source.share_links else None
    ids = list(dict.fromkeys(source.resource_ids))
    visible = visible_resources(user, ResourcePage.objects.filter(pk__in=ids), grants)
    by_id = {resource.pk: resource for resource in visible.specific()}
    if source.checked is not None:
        by_id[source.checked.pk] = source.checked
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class PackEntry:
    number: int
    resource: ResourcePage
    pdf_name: str
    files: list  # [(name in the zip, document)]
    left_out: list  # documents over the size bound


def plan_pack(source, request):
    """What the pack holds for this request: entries, and resources left out."""
    resources = pack_resources(source, request)
    limit = settings.REUSE_PACK_MAX_RESOURCES
    kept, over = resources[:limit], resources[limit:]
    budget = settings.REUSE_PACK_MAX_BYTES
    entries = []
    for number, resource in enumerate(kept, start=1):
        stem = f"{number:02d}-{resource.slug}"
        files, left_out, names = [], [], set()
        for document in _documents(resource):
            if not can_view(request, document):
                continue
            try:
                size = document.get_file_size() or 0
            except OSError:  # a file missing from the storage: nothing to put in the pack
                continue
            if size > budget:
                left_out.append(document)
                continue
            budget -= size
            name = _unique(posixpath.basename(document.file.name), names)
            files.append((f"{stem}/{name}", document))
        entries.append(PackEntry(number, resource, f"{stem}.pdf", files, left_out))
    return entries, over


def _unique(name, taken):
    stem, extension = posixpath.splitext(name)
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{extension}"
    taken.add(candidate)
    return candidate


class PackNotReady(Exception):
    """Some PDFs of a pack are still being built (queued): come back in a moment."""

    def __init__(self, ready, total):
        super().__init__(f"{ready}/{total}")
        self.ready, self.total = ready, total


def ensure_pdfs(resources):
    """Build the missing PDFs of `resources` within REUSE_PACK_BUILD_SECONDS; queue the rest
    and raise PackNotReady if they are not built by then (the immediate backend builds them)."""
    deadline = time.monotonic() + settings.REUSE_PACK_BUILD_SECONDS
    missing = []
    for resource in resources:
        if (_root() / _pdf_relative(resource)).exists():
            continue
        if time.monotonic() < deadline:
            resource_pdf(resource)
        else:
            missing.append(resource)
    if missing:
        from .tasks import build_resource_pdfs

        build_resource_pdfs.enqueue([resource.pk for resource in missing])
        waiting = [r for r in missing if not (_root() / _pdf_relative(r)).exists()]
        if waiting:
            raise PackNotReady(len(resources) - len(waiting), len(resources))


def pack(source, request, plan=None):
    """The zip « pack » of a collection or a kit, for what this person may read (`plan`: the
    result of `plan_pack` when the caller has it)."""
    entries, over = plan or plan_pack(source, request)
    key = _digest(
        FORMAT,
        *source.identity,
        source.title,
        *(resource_key(entry.resource) for entry in entries),
        *(
            f"{name}:{document.pk}:{document.file.name}:{document.get_file_size()}"
            for entry in entries
            for name, document in entry.files
        ),
        *(resource.pk for resource in over),
    )

    def build(handle):
        now = timezone.localtime()
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("LISEZMOI.txt", readme(source, entries, over))
            for entry in entries:
                archive.write(resource_pdf(entry.resource).path, entry.pdf_name)
                for name, document in entry.files:
                    info = zipfile.ZipInfo(name, now.timetuple()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with document.file.open("rb") as read, archive.open(info, "w") as target:
                        for chunk in iter(lambda read=read: read.read(1 << 20), b""):
                            target.write(chunk)

    relative = f"packs/{source.identity[0]}-{source.identity[1]}/{key}.zip"
    if not (_root() / relative).exists():
        ensure_pdfs([entry.resource for entry in entries])
    path = _cached(relative, build)
    ids = [entry.resource.pk for entry in entries]
    name = source.slug if source.slug.startswith("pack") else f"pack-{source.slug}"
    return Download(path, f"{name}.zip", "application/zip", ids)


def readme(source, entries, over):
    """The pack's LISEZMOI: what it holds, and every resource's licence and attribution line."""
    return render_to_string(
        "reuse/pack_readme.txt",
        {
            "title": source.title,
            "address": source.address,
            "of_kind": source.of_kind,
            "entries": [
                {
                    "entry": entry,
                    "licence": entry.resource.licence,
                    "attribution": entry.resource.attribution_line(),
                    "credits": list(entry.resource.credits.all()),
                    "left_out": [(d, _absolute(d.url)) for d in entry.left_out],
                }
                for entry in entries
            ],
            "over": [(resource, address(resource)) for resource in over],
            "built": timezone.localtime(),
        },
    )


def remove_all():
    """Empty the cache (tests, or after a change of templates outside FORMAT)."""
    import shutil

    shutil.rmtree(_root(), ignore_errors=True)
