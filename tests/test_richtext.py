"""The light markup of the public edit form (ressources/richtext.py): round trips and safety."""

import random
import re
from html.parser import HTMLParser

import pytest

from ressources.richtext import (
    CALLOUT_FEATURES,
    PARAGRAPH_FEATURES,
    contains_tags,
    html_to_markup,
    internal_references,
    markup_to_html,
)

ALLOWED = {"p", "br", "b", "i", "a", "ul", "ol", "li", "h3", "h4", "blockquote"}
VOID = {"br"}


class Checker(HTMLParser):
    """Records tags and attributes, and whether the elements are properly nested."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.attrs, self.balanced = [], set(), [], True

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False


def check(html):
    checker = Checker()
    checker.feed(html)
    checker.close()
    return checker


def assert_safe(html):
    checker = check(html)
    assert checker.balanced and not checker.stack, html
    assert checker.tags <= ALLOWED, html
    for tag, attrs in checker.attrs:
        if tag == "a":
            if "href" in attrs:
                assert set(attrs) == {"href"}, html
                assert re.match(r"^(https?://|mailto:)", attrs["href"]), html
            else:
                assert set(attrs) == {"linktype", "id"}, html
                assert attrs["linktype"] in ("page", "document") and attrs["id"].isdigit()
        else:
            assert not attrs, html


def without_block_keys(html):
    return re.sub(r' data-block-key="[^"]*"', "", html)


# What Wagtail's Draftail editor stores (ContentstateConverter.to_database_format).
DRAFTAIL_HTML = (
    '<p data-block-key="i6p3p">Un <b>gras</b> et <i>ital</i> '
    '<a href="https://ex.org/a?b=1&amp;c=2">lien</a><br/>ligne</p>'
    '<ul><li data-block-key="30585">a</li><li data-block-key="32ko1">b'
    '<ul><li data-block-key="xi7zg">c</li></ul></li></ul>'
    '<ol><li data-block-key="s3p2j">x</li></ol><h3 data-block-key="fxve1">T</h3>'
    '<h4 data-block-key="fxve2">U</h4><blockquote data-block-key="ztqkw">q</blockquote>'
    '<p data-block-key="e5ihk"><a linktype="page" id="3">page</a> '
    '<a linktype="document" id="1">doc</a> <a href="mailto:contact@exemple.fr">écrire</a></p>'
)


def test_wagtail_html_round_trips():
    markup = html_to_markup(DRAFTAIL_HTML)
    assert markup == (
        "Un **gras** et *ital* [lien](https://ex.org/a?b=1&c=2)\nligne\n\n"
        "- a\n- b\n  - c\n\n1. x\n\n### T\n\n#### U\n\n> q\n\n"
        "[page](page:3) [doc](document:1) [écrire](mailto:contact@exemple.fr)"
    )
    html = markup_to_html(markup)
    assert html == without_block_keys(DRAFTAIL_HTML)
    assert html_to_markup(html) == markup


@pytest.mark.parametrize(
    "html",
    [
        "<p>5 * 3 = 15 [note] \\ C:\\dossier &lt;b&gt; n'est pas une balise</p>",
        "<p>- pas une liste</p><p>2024. Une année</p><p># dièse</p><p>&gt; pas une citation</p>",
        "<p><b>a<i>b</i></b> <i><b>a</b> b</i> <b>a</b><i>b</i> <i>a</i><b>b</b></p>",
        '<p>x<b>"entre guillemets"</b>y <b>gras</b> texte a<b>b</b>c <b>a</b><b>b</b></p>',
        '<p><a href="https://fr.wikipedia.org/wiki/Num%C3%A9rique_(informatique)">wiki</a></p>',
        '<p><b><a href="https://a.fr">lien gras</a></b> <a href="https://b.fr"><i>lien</i> italique</a></p>',
        "<ul><li>un <b>gras</b></li><li>deux<ol><li>sous</li></ol></li></ul>",
        "<p>Ligne 1<br/>- ligne 2<br/>3. ligne 3</p>",
    ],
)
def test_stored_html_survives_a_round_trip(html):
    markup = html_to_markup(html)
    again = markup_to_html(markup)
    assert html_to_markup(again) == markup
    assert_safe(again)
    # The text reads the same (tags aside).
    assert re.sub(r"<[^>]+>", "", again) == re.sub(r"<[^>]+>", "", html.replace("<br/>", ""))


def test_markup_of_the_help_text():
    assert markup_to_html("Premier paragraphe\nsuite\n\nSecond") == (
        "<p>Premier paragraphe<br/>suite</p><p>Second</p>"
    )
    assert markup_to_html("Intro :\n- un\n- deux\n  - deux bis\n1. premier") == (
        "<p>Intro :</p><ul><li>un</li><li>deux<ul><li>deux bis</li></ul></li></ul>"
        "<ol><li>premier</li></ol>"
    )
    assert markup_to_html("**gras** et *italique* et [lien](https://exemple.fr/a?b=1&c=2)") == (
        '<p><b>gras</b> et <i>italique</i> et <a href="https://exemple.fr/a?b=1&amp;c=2">lien</a></p>'
    )
    assert markup_to_html("### Sous-titre\n> citation") == (
        "<h3>Sous-titre</h3><blockquote>citation</blockquote>"
    )
    assert (
        markup_to_html("[site](www.exemple.fr)")
        == '<p><a href="https://www.exemple.fr">site</a></p>'
    )
    assert markup_to_html("\\*pas italique\\* et \\[pas un lien\\](https://a.fr)") == (
        "<p>*pas italique* et [pas un lien](https://a.fr)</p>"
    )
    assert markup_to_html("\\- pas une puce\n\n2024\\. pas une liste") == (
        "<p>- pas une puce</p><p>2024. pas une liste</p>"
    )
    assert markup_to_html("5 * 3 * 2") == "<p>5 * 3 * 2</p>"
    assert markup_to_html("  \n\n ") == ""


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert('x')</script>",
        '<img src=x onerror="alert(1)">',
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic](data:text/html,<script>alert(1)</script>)",
        '[clic](https://a.fr" onmouseover="alert(1))',
        "[clic](//evil.example)",
        "[clic](https://@evil)",
        "**<b onclick=alert(1)>x</b>**",
        "[**x**](https://a.fr)*y*](https://b.fr)",
        "[[a](https://a.fr)](https://b.fr)",
        "- <li>x\n  - <ul>",
        "> <blockquote>",
        "### <h3>",
        "\x00\x07 contrôle \u202e",
    ],
)
def test_nothing_unsafe_gets_through(markup):
    html = markup_to_html(markup)
    assert_safe(html)
    assert "<script" not in html and 'href="javascript' not in html.lower()


def test_random_markup_always_gives_well_formed_allowed_html():
    pieces = [
        "*",
        "**",
        "***",
        "[",
        "]",
        "(",
        ")",
        "\\",
        "<",
        ">",
        "-",
        "1.",
        "#",
        "\n",
        "\n\n",
        " ",
        "a",
        "mot",
        "https://x.fr",
        "page:1",
        "&",
        '"',
        "  - ",
        "### ",
    ]
    generator = random.Random(20260401)
    for _ in range(2000):
        markup = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 30)))
        html = markup_to_html(markup)
        assert_safe(html)
        assert_safe(markup_to_html(html_to_markup(html)))


def test_callout_features_are_narrower():
    html = markup_to_html("### Titre\n\n1. un\n\n> cite\n\n[doc](document:2)", CALLOUT_FEATURES)
    assert "<h3>" not in html and "<ol>" not in html and "<blockquote>" not in html
    assert "linktype" not in html
    assert "<ul><li>un</li></ul>" in html


def test_unsupported_html_is_reduced_to_text():
    html = (
        '<p>Avant<script>alert(1)</script> <a href="javascript:alert(1)">piège</a> '
        '<span style="color:red">rouge</span> <embed embedtype="image" id="1"/>après</p>'
        "<h2>Titre</h2><div>bloc</div>"
    )
    markup = html_to_markup(html)
    assert "alert" not in markup
    assert "javascript" not in markup
    assert markup == "Avant piège rouge après\n\nTitre\n\nbloc"
    assert_safe(markup_to_html(markup))


def test_tags_are_detected_but_not_escaped_ones():
    assert contains_tags("du texte <script>")
    assert contains_tags("</p>")
    assert not contains_tags("a < b et c > d")
    assert not contains_tags("\\<b> écrit tel quel")
    assert markup_to_html("\\<b> écrit tel quel") == "<p>&lt;b&gt; écrit tel quel</p>"


def test_internal_references():
    assert internal_references(
        markup_to_html("[a](page:12) [b](document:3) [c](https://a.fr)")
    ) == {
        ("page", 12),
        ("document", 3),
    }
    assert PARAGRAPH_FEATURES >= CALLOUT_FEATURES


def test_non_breaking_spaces_of_french_text_are_kept():
    html = "<p>Attention\xa0: le «\xa0guichet\xa0» ferme\u202f; <b>vite\xa0</b>!</p>"
    markup = html_to_markup(html)
    assert "Attention\xa0:" in markup and "«\xa0guichet\xa0»" in markup
    assert (
        markup_to_html(markup)
        == "<p>Attention\xa0: le «\xa0guichet\xa0» ferme\u202f; <b>vite</b>\xa0!</p>"
    )
