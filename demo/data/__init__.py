"""Demo content for `manage.py load_demo`: data (content.py, resources.py), drawn images and files."""
