"""Headless Debian chromium driven by Selenium, shared by the browser tests."""
import os
import shutil
import unittest

try:
    from selenium import webdriver
except ImportError:  # pragma: no cover - selenium is pinned in requirements.txt
    webdriver = None

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def screenshot_dir():
    """Where the browser tests save their screenshots: .data/screenshots
    (ignored by git), or GENDAN_SCREENSHOTS (e.g. docs/img, relative to the
    checkout) to refresh the documentation's pictures on purpose."""
    path = os.path.join(ROOT, os.environ.get("GENDAN_SCREENSHOTS")
                        or os.path.join(".data", "screenshots"))
    os.makedirs(path, exist_ok=True)
    return path


# decorator for the browser test classes
needs_chromium = unittest.skipUnless(
    webdriver and shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER),
    "needs Debian chromium, chromium-driver and selenium")


def start_chromium(width, height):
    """A headless chromium that keeps every browser console message."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=%d,%d" % (width, height), "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(
        options=options, service=webdriver.ChromeService(CHROMEDRIVER))
