"""Rendered pages from the build cache, so a rebuild renders only what changed.

mkdocs renders every page on every build: its Markdown to HTML, then the
theme template around it. Both steps are pure functions of their inputs, so
zhpress keeps their results in the build cache (``zhpress.buildcache``):

* ``content``: a page's Markdown rendered to HTML (with its table of
  contents and anchors), keyed by the Markdown, the page's place in the site,
  the configuration and the code. Navigation does not enter it, so adding a
  report re-renders no other page's Markdown.
* ``page``: the finished HTML file and its search passages (with their index
  terms), keyed by the content key plus everything the template reads about
  the rest of the site: the language's navigation, the language switcher,
  the page's metadata and neighbours.

A hit skips the theme template: every generated page is rendered through
``zhpress-cached.html``, which prints a placeholder when the plugin found the
finished page (``zhpress_cached`` in the context) and otherwise includes
``main.html`` as usual. The placeholder is replaced by the cached file in the
plugin's last ``on_post_page``. A cold build with the cache and a build
without it write byte-identical sites (tested).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from zhpress.buildcache import BuildCache, code_fingerprint, fingerprint, tree_digest
from zhpress.site.searchindex import Passage, passage_terms

CONTENT = "content"
OUTPUT = "page"
CACHED_TEMPLATE = "zhpress-cached.html"
PLACEHOLDER = "<!-- zhpress: cached page -->"

# Top-level settings that can change a rendered page. Plugins and the theme
# are added separately (their objects need care to fingerprint).
_CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "use_directory_urls",
    "repo_url",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "extra",
    "extra_css",
    "extra_javascript",
    "extra_templates",
    "markdown_extensions",
    "mdx_configs",
    "validation",
)


class PageCache:
    """What the cached pages of one build share: the cache and the fingerprints."""

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self.environment = ""
        self.navigation: dict[str, str] = {}

    def set_environment(
        self, config: MkDocsConfig, files: Files, glossary: str, epoch: int
    ) -> None:
        """Fingerprint what every page's rendering depends on; called once the
        files are final (on_nav), before any page is read."""
        theme = config.theme
        custom = [d for d in theme.dirs if "site-packages" not in d and "dist-packages" not in d]
        plugins = [
            [name, dict(plugin.config) if hasattr(plugin, "config") else None]
            for name, plugin in config.plugins.items()
        ]
        self.environment = fingerprint(
            code_fingerprint(),
            {key: config.get(key) for key in _CONFIG_KEYS},
            [theme.name, dict(theme), [tree_digest(Path(d)) for d in custom]],
            plugins,
            sorted(f.src_uri for f in files),
            glossary,
            epoch,
        )

    def set_navigation(self, navs: dict[str, Navigation]) -> None:
        """Fingerprint each language's navigation (titles are known once every
        page has been read: on_env)."""
        self.navigation = {
            lang: fingerprint([[p.file.src_uri, p.title, p.url] for p in nav.pages])
            for lang, nav in navs.items()
        }

    def output_key(self, page: CachedPage, lang: str, alternates: Any) -> str:
        def near(other: Page | None) -> Any:
            return [other.url, other.title] if other is not None else None

        meta = {k: v for k, v in page.meta.items() if k != "template"}
        return fingerprint(
            page.content_key,
            self.navigation.get(lang, ""),
            alternates,
            meta,
            page.title,
            page.canonical_url,
            page.edit_url,
            page.update_date,
            near(page.previous_page),
            near(page.next_page),
            page.is_homepage,
        )

    def load_output(self, key: str) -> tuple[str, list[Passage]] | None:
        found = self.cache.get_with_text(OUTPUT, key)
        if found is None or not found[1]:
            return None
        entry, html = found
        try:
            passages = [Passage(a, t, h, tuple(terms)) for a, t, h, terms in entry["passages"]]
        except (TypeError, ValueError, KeyError):
            return None
        return html, passages

    def store_output(self, key: str, html: str, passages: list[Passage]) -> None:
        rows = []
        for p in passages:
            if p.terms is None:
                p.terms = tuple(sorted(passage_terms(p.text)))
            rows.append([p.anchor, p.text, p.heading, list(p.terms)])
        self.cache.put(OUTPUT, key, {"passages": rows}, html)


class CachedPage(Page):
    """A generated page whose Markdown rendering comes from the cache when
    nothing it depends on changed."""

    page_cache: PageCache | None = None
    content_key: str = ""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        cache = self.page_cache
        if cache is None or not cache.cache.enabled:
            super().render(config, files)
            return
        self.content_key = fingerprint(cache.environment, self.file.src_uri, self.markdown)
        found = cache.cache.get_with_text(CONTENT, self.content_key)
        if found is not None and isinstance(found[0], dict) and self._restore(*found, files):
            return
        super().render(config, files)
        cache.cache.put(CONTENT, self.content_key, self._snapshot(), self.content or "")

    def _snapshot(self) -> dict[str, Any]:
        links = None
        if self.links_to_anchors is not None:
            links = {f.src_uri: dict(v) for f, v in self.links_to_anchors.items()}
        return {
            "toc": [_token(item) for item in self.toc],
            "title": self._title_from_render,
            "anchors": sorted(self.present_anchor_ids or ()),
            "links": links,
        }

    def _restore(self, entry: dict[str, Any], content: str, files: Files) -> bool:
        try:
            links = None
            if entry["links"] is not None:
                links = {}
                for uri, anchors in entry["links"].items():
                    target = files.get_file_from_path(uri)
                    if target is None:
                        return False
                    links[target] = dict(anchors)
            self.content = content
            self.toc = get_toc(entry["toc"])
            self._title_from_render = entry["title"]
            self.present_anchor_ids = set(entry["anchors"])
            if links is not None:
                self.links_to_anchors = links
        except (KeyError, TypeError, AttributeError):
            return False
        return True


def _token(item: Any) -> dict[str, Any]:
    # the shape of Python-Markdown's toc_tokens, which mkdocs' get_toc reads
    return {
        "level": item.level,
        "id": item.id,
        "name": item.title,
        "children": [_token(child) for child in item.children],
    }
