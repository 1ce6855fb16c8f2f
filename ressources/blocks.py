"""StreamField blocks of a resource body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "h3",
    "h4",
    "blockquote",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "ressources/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrit l'image pour qui ne la voit pas. Laisser vide si elle est décorative."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("crédit"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "ressources/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("fichier"))
    title = blocks.CharBlock(label=_("titre affiché"), required=False, max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Fichier à télécharger")
        template = "ressources/blocks/document.html"


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("adresse"))
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False, max_length=500)

    class Meta:
        icon = "link"
        label = _("Lien externe")
        template = "ressources/blocks/link.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("adresse de la vidéo"))
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    transcript = blocks.TextBlock(label=_("transcription"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "ressources/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("texte"), features=["bold", "italic", "link", "ul"])
    kind = blocks.ChoiceBlock(
        label=_("type"),
        choices=[("info", _("Information")), ("warning", _("Point d'attention"))],
        default="info",
    )

    class Meta:
        icon = "warning"
        label = _("Mise en avant")
        template = "ressources/blocks/callout.html"


class ResourceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_TEXT_FEATURES, template="ressources/blocks/paragraph.html"
    )
    image = ImageBlock()
    document = DocumentBlock()
    link = LinkBlock()
    video = VideoBlock()
    callout = CalloutBlock()
