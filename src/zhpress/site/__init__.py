"""The three-language mkdocs-material site: the `zhpress` mkdocs plugin and page generation."""
