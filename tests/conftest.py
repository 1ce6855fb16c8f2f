import os

# Selenium must never fetch a browser or a driver: tests/test_browser.py uses the system Chromium.
os.environ.setdefault("SE_OFFLINE", "true")
