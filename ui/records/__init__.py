"""Screens of this area; the page is ``page.py``."""
