"""Image uploads in the Wagtail admin: bad files are refused in French and nothing is kept."""

import html
import io
import os

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from base.models import Role
from tests.factories import BaseMembershipFactory, UserFactory
from tests.helpers import png

Image = get_image_model()


def jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, format="JPEG")
    return buffer.getvalue()


def uploaded_files():
    root = os.path.join(settings.MEDIA_ROOT, "original_images")
    return set(os.listdir(root)) if os.path.isdir(root) else set()


class ImageUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = UserFactory(superuser=True)
        cls.base_admin = BaseMembershipFactory(role=Role.ADMIN).user
        cls.url = reverse("wagtailimages:add")

    def upload(self, user, name, content, content_type="image/png"):
        self.client.force_login(user)
        before_count, before_files = Image.objects.count(), uploaded_files()
        response = self.client.post(
            self.url,
            {
                "title": "Affiche de l'atelier",
                "file": SimpleUploadedFile(name, content, content_type=content_type),
                "description": "",
                "tags": "",
            },
        )
        self.saved = Image.objects.count() - before_count
        self.new_files = uploaded_files() - before_files
        return response

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["file"]
        self.assertTrue(any(message in error for error in errors), errors)
        self.assertIn(message, html.unescape(response.content.decode()))
        self.assertEqual(self.saved, 0)
        self.assertEqual(self.new_files, set())

    def test_valid_png_is_saved_in_the_base_media_folder(self):
        response = self.upload(self.base_admin, "affiche.png", png())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.saved, 1)
        image = Image.objects.get(title="Affiche de l'atelier")
        base = self.base_admin.base_memberships.get().base
        self.assertEqual(image.collection_id, base.media_collection_id)

    def test_text_file_renamed_png_is_refused(self):
        for user in (self.superuser, self.base_admin):
            with self.subTest(user=user.username):
                response = self.upload(user, "notes.png", b"Ceci n'est pas une image.\n" * 20)
                self.assert_refused(response, "Téléversez une image valide")

    def test_jpeg_renamed_png_is_refused(self):
        response = self.upload(self.superuser, "photo.png", jpeg())
        self.assert_refused(response, "L'extension de fichier ne correspond pas")

    def test_file_bigger_than_the_upload_limit_is_refused(self):
        side = 2000  # 2000 x 2000 RGB noise, stored uncompressed: about 12 Mo
        content = png((side, side), compress_level=0, data=os.urandom(side * side * 3))
        self.assertGreater(len(content), settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        for user in (self.superuser, self.base_admin):
            with self.subTest(user=user.username):
                response = self.upload(user, "immense.png", content)
                self.assert_refused(response, "Ce fichier est trop gros")

    def test_decompression_bomb_is_refused(self):
        # 64 million pixels in a few kilobytes: more than WAGTAILIMAGES_MAX_IMAGE_PIXELS.
        content = png((8000, 8000), mode="1", compress_level=9)
        self.assertLess(len(content), 100_000)
        self.assertGreater(8000 * 8000, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
        for user in (self.superuser, self.base_admin):
            with self.subTest(user=user.username):
                response = self.upload(user, "bombe.png", content)
                self.assert_refused(response, "Ce fichier a un trop grand nombre de pixels")
