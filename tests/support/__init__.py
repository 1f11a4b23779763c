"""Reusable test fixtures (import them into a folder's conftest.py)."""
