"""The ``zhpress`` mkdocs plugin: the whole pipeline runs inside mkdocs.

So `mkdocs build`, `mkdocs serve` and `zhpress build` give the same site:
on_config ingests changed sources and generates every page's Markdown;
on_files swaps docs/ for those pages (Simplified at /, Traditional at
/zh-Hant/, English at /en/); on_nav gives each language its own navigation;
on_page_context points the language switcher at the same page in the other
languages.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from zhpress.buildcache import (
    CACHE_DIRNAME,
    BuildCache,
    code_fingerprint,
    fingerprint,
    tree_digest,
)
from zhpress.convert import VARIANTS
from zhpress.errors import CheckFailed, ConfigError, MultipleErrors, ZhpressError
from zhpress.glossary.site import SiteGlossary
from zhpress.site.content import HOME, NOT_FOUND, SiteContent, generate_content
from zhpress.site.context import SiteContext
from zhpress.site.languages import LANGUAGES
from zhpress.site.pagecache import CACHED_TEMPLATE, CachedPage, PageCache, uncacheable
from zhpress.site.postbuild import (
    SEARCHABLE_KINDS,
    not_found_head,
    write_search_indexes,
    write_sitemap,
)
from zhpress.site.searchindex import Passage, page_passages, prepare_segmenter
from zhpress.site.stages import (
    content_epoch,
    load_glossary_stage,
    make_converter,
    prepare_reports,
    translate_stage,
)

log = logging.getLogger("mkdocs.plugins.zhpress")

PACKAGE_DIR = Path(__file__).parent
OVERRIDES_DIR = PACKAGE_DIR / "overrides"
CSS_URI = "assets/zhpress/zhpress.css"
SEARCH_WORKER_URI = "assets/zhpress/zhpress-search.js"
SCRIPT_URI = "assets/zhpress/zhpress.js"
REQUIRED_EXTENSIONS = ("toc", "attr_list", "md_in_html", "admonition")


_last_error: ZhpressError | None = None


def last_build_error() -> ZhpressError | None:
    """The ZhpressError that stopped the most recent build, if any.

    mkdocs logs a PluginError and raises a generic Abort; the CLI uses this to
    print the real problem and exit with its code.
    """
    return _last_error


class ZhpressPluginError(PluginError):
    """A PluginError that keeps the ZhpressError behind it (for exit codes)."""

    def __init__(self, error: ZhpressError) -> None:
        # mkdocs shows only this message: list every problem, not the summary alone.
        if isinstance(error, MultipleErrors):
            super().__init__("\n".join([*error.lines(), error.message]))
        else:
            super().__init__(str(error))
        self.error = error


class _VariantChoice(c.Choice):
    def run_validation(self, value: object) -> Any:
        if value not in self.choices:
            raise c.ValidationError(
                f"unknown Traditional variant {value!r}; use one of: {', '.join(self.choices)}"
            )
        return value


class _Flag(c.Type):
    def __init__(self, default: bool) -> None:
        super().__init__(bool, default=default)

    def run_validation(self, value: object) -> Any:
        if not isinstance(value, bool):
            raise c.ValidationError(f"expected true or false, got {value!r}")
        return value


class ZhpressConfig(base.Config):
    sources_dir = c.Type(str, default="sources")
    glossary_dir = c.Type(str, default="glossary")
    translations_dir = c.Type(str, default="translations")
    traditional_variant = _VariantChoice(tuple(VARIANTS), default="tw")
    strict = _Flag(default=False)
    # reuse rendered pages from .cache/zhpress (see zhpress.site.pagecache)
    cache = _Flag(default=True)


class ZhpressPlugin(BasePlugin[ZhpressConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.ctx: SiteContext | None = None
        self.glossary: SiteGlossary | None = None
        self.content: SiteContent | None = None
        self.navs: dict[str, Navigation] = {}
        self._default_alternate: list[dict[str, str]] = []
        self._saved_epoch: str | None = None
        self._epoch_set = False
        self.passages: dict[str, list[Passage]] = {}
        self.epoch = 0
        self._warned = False
        self.serving = False
        self.cache = BuildCache(None)
        self.page_cache = PageCache(self.cache)
        # the cached output found for the page being built (on_page_context)
        self._found: tuple[str, str, Any] | None = None

    # -- configuration ---------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `serve` renders for its own address (site_url), so its pages are
        # different cache entries; it must not sweep away those of `build`.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        global _last_error
        _last_error = None
        try:
            self.ctx = self._context(config)
            self.cache = BuildCache(self.ctx.root / CACHE_DIRNAME if self.config.cache else None)
            self.page_cache = PageCache(self.cache)
            _check_theme(config)
            reports = prepare_reports(self.ctx, self._warn)
            self.glossary = load_glossary_stage(self.ctx)
            translate_stage(self.ctx, self.glossary, self._warn, self.cache)
            setting = fingerprint(
                code_fingerprint(),
                self.config.traditional_variant,
                tree_digest(self.ctx.glossary_dir),
            )
            self.content = generate_content(reports, self.ctx, self.glossary, self.cache, setting)
        except ZhpressError as exc:
            # messages name files relative to the project, as the user types them
            for error in (exc, *getattr(exc, "errors", ())):
                if self.ctx is not None and error.path and Path(error.path).is_absolute():
                    error.path = self.ctx.relative(Path(error.path))
            raise ZhpressPluginError(exc) from None
        self.epoch = content_epoch(reports)
        self._set_epoch(self.epoch)
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # Marks glossary terms on report pages; told the page language in
        # on_page_markdown. The search plugin's jieba keeps terms whole.
        config.markdown_extensions.append(self.glossary.extension)
        prepare_segmenter(self.glossary.register_search_words)
        dirs = config.theme.dirs
        if str(OVERRIDES_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES_DIR))
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if SCRIPT_URI not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT_URI)
        # each language tree has its own 404 page (generated); the theme's
        # single one would be written first and then replaced anyway
        config.theme.static_templates.discard("404.html")
        self.passages = {}
        self._warned = False
        self._default_alternate = self.content.alternates(HOME)
        config.extra["alternate"] = self._default_alternate
        return config

    def _context(self, config: MkDocsConfig) -> SiteContext:
        root = Path(config.config_file_path or ".").resolve().parent
        return SiteContext(
            root=root,
            docs_dir=Path(config.docs_dir),
            sources_dir=root / self.config.sources_dir,
            glossary_dir=root / self.config.glossary_dir,
            translations_dir=root / self.config.translations_dir,
            converter=make_converter(
                self.config.traditional_variant, root / self.config.glossary_dir
            ),
            strict=self.config.strict,
        )

    def _warn(self, message: str) -> None:
        if self.config.strict:
            raise CheckFailed(message, hint="strict mode turns pipeline warnings into errors")
        log.warning("zhpress: %s", message)

    # -- files and navigation --------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        generated = {page.src_uri for page in self.content.pages}
        for file in list(files):
            # docs/*.md are the canonical reports: the site shows generated
            # pages instead (docs/index.md too: each language has its own home).
            top_level_page = file.is_documentation_page() and "/" not in file.src_uri
            ours = file.src_uri in (CSS_URI, SEARCH_WORKER_URI, SCRIPT_URI)
            if top_level_page or file.src_uri in generated or ours:
                files.remove(file)
        for page in self.content.pages:
            # the text stays with the page, compressed (see CachedPage)
            file = File.generated(config, page.src_uri, content="")
            if page.key == NOT_FOUND:
                file.dest_uri = page.lang.url(NOT_FOUND)
            cached = CachedPage(None, file, config)
            cached.page_cache = self.page_cache
            cached.keep_source(page.markdown)
            files.append(file)
        self.content.forget_markdown()
        for uri in (CSS_URI, SEARCH_WORKER_URI, SCRIPT_URI):
            asset = PACKAGE_DIR / "assets" / uri.rsplit("/", 1)[1]
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.content is not None
        _skip_theme_search_index(config)
        self.navs = {}
        for lang in LANGUAGES:
            lang_pages: list[Page] = []
            for uri in self.content.nav_uris(lang):
                file = files.get_file_from_path(uri)
                if file is not None and isinstance(file.page, Page):
                    lang_pages.append(file.page)
            for i, page in enumerate(lang_pages):
                page.parent = None
                page.previous_page = lang_pages[i - 1] if i > 0 else None
                page.next_page = lang_pages[i + 1] if i + 1 < len(lang_pages) else None
            lang_nav = Navigation(list(lang_pages), list(lang_pages))
            lang_nav.homepage = lang_pages[0] if lang_pages else None
            self.navs[lang.key] = lang_nav
        assert self.ctx is not None
        blocker = uncacheable(config)
        if blocker is not None and self.cache.enabled:
            log.info("zhpress: build cache not used: %s includes other files in pages", blocker)
            self.cache.directory = None
        self.page_cache.set_environment(config, tree_digest(self.ctx.glossary_dir))
        return self.navs[LANGUAGES[0].key]

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # every page has been read: the navigation's titles are known
        self.page_cache.set_navigation(self.navs)
        return env

    # -- pages -------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.content.page(page.file.src_uri) if self.content else None
        if generated is not None:
            page.meta["zhpress_lang"] = generated.lang.key
            page.meta["zhpress_html_lang"] = generated.lang.html_lang
            page.meta["zhpress_ui"] = generated.lang.ui
            page.meta["zhpress_key"] = generated.key
            page.meta["zhpress_prefix"] = generated.lang.prefix
            if generated.key == NOT_FOUND and config.site_url:
                root = urlsplit(config.site_url).path.rstrip("/") + "/"
                page.meta["zhpress_base"] = root + generated.lang.prefix
            if isinstance(page, CachedPage) and self.cache.enabled:
                page.meta["template"] = CACHED_TEMPLATE
        if self.glossary is not None:
            is_report = generated is not None and generated.kind == "report"
            self.glossary.set_page(generated.lang.key if is_report else None, "../glossary/")
        return markdown

    # last: mkdocs stores what this returns as the page's final HTML
    @event_priority(-100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if isinstance(page, CachedPage):
            page.markdown = None  # rendered; nothing reads it again
            page.compress_next_content = True
        return html

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        generated = self.content.page(page.file.src_uri) if self.content else None
        if generated is not None:
            context["nav"] = self.navs.get(generated.lang.key, nav)
            # Material reads the switcher (and the hreflang links in <head>)
            # from config.extra.alternate; pages render one at a time, so it
            # is set per page here and put back in on_post_page.
            config.extra["alternate"] = self.content.alternates(generated.key)
        self._found = None
        if generated is not None and isinstance(page, CachedPage) and self.cache.enabled:
            key = self.page_cache.output_key(page, generated.lang.key, config.extra["alternate"])
            found = self.page_cache.load_output(key)
            self._found = (page.file.src_uri, key, found)
            context["zhpress_cached"] = found is not None
        return context

    # last, so the cache keeps the page as every plugin left it
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        config.extra["alternate"] = self._default_alternate
        generated = self.content.page(page.file.src_uri) if self.content else None
        found, self._found = self._found, None
        if found is not None and found[0] != page.file.src_uri:
            found = None
        if found is not None and found[2] is not None:
            output, passages = found[2]
            if generated is not None and generated.kind in SEARCHABLE_KINDS:
                self.passages[generated.src_uri] = passages
            _release(page)
            return output
        if generated is not None and "zhpress-search.js" not in output and not self._warned:
            # a custom_dir main.html replaced zhpress's config block
            self._warned = True
            self._warn(
                "pages do not use zhpress's search worker: a main.html in custom_dir "
                "must extend zhpress's (keep its `config` block) or search finds nothing"
            )
        if generated is not None and generated.kind in SEARCHABLE_KINDS:
            self.passages[generated.src_uri] = page_passages(output)
        if generated is not None and generated.key == NOT_FOUND:
            output = output.replace("<head>", "<head>" + not_found_head(generated, config), 1)
        if found is not None:
            self.page_cache.store_output(found[1], output, self.passages.get(page.file.src_uri, []))
        _release(page)
        return output

    # -- build lifecycle -------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.ctx is not None:
            for path in (self.ctx.sources_dir, self.ctx.glossary_dir, self.ctx.translations_dir):
                if path.is_dir():
                    server.watch(str(path))
        return server

    # after Material's search plugin, whose single mixed-language index is replaced
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            if self.content is not None:
                site_dir = Path(config.site_dir)
                write_search_indexes(site_dir, self.content, self.passages)
                write_sitemap(site_dir, self.content, config.site_url, self.epoch)
            if not self.serving:
                self.cache.sweep()
            if self.cache.enabled:
                log.info("zhpress: build cache: %s", self.cache.summary())
        except ZhpressError as exc:
            raise ZhpressPluginError(exc) from None
        finally:
            self._restore_epoch()

    def on_build_error(self, *, error: Exception) -> None:
        global _last_error
        if isinstance(error, ZhpressPluginError):
            _last_error = error.error
        self._restore_epoch()

    def _set_epoch(self, epoch: int) -> None:
        # Honour a value the user set; otherwise use the content's own date.
        if os.environ.get("SOURCE_DATE_EPOCH") and not self._epoch_set:
            return
        if not self._epoch_set:
            self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
            self._epoch_set = True
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)

    def _restore_epoch(self) -> None:
        if not self._epoch_set:
            return
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch
        self._epoch_set = False


def _release(page: Page) -> None:
    """Drop a generated page's Markdown and HTML once its file is written.

    mkdocs keeps every page's text until the build ends; for a site of a
    thousand reports (six pages each) that was most of the peak memory, and
    nothing reads a generated page's text after its own on_post_page.
    """
    if isinstance(page, CachedPage):
        page.markdown = None
        page.content = None


class _NoSearchIndex:
    """Stands in for Material's search index: zhpress writes its own per tree
    (postbuild.py), and segmenting every page for an index that is then
    replaced was a quarter of the build time."""

    def add_entry_from_context(self, page: Page) -> None:
        return None

    def generate_search_index(self, prev: object) -> str:
        return "{}"


def _skip_theme_search_index(config: MkDocsConfig) -> None:
    # Material's search plugin stays enabled: the header's search box and the
    # client that talks to zhpress's worker come with it.
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            plugin.search_index = _NoSearchIndex()


def _check_theme(config: MkDocsConfig) -> None:
    if config.theme.name != "material":
        raise ConfigError(
            f"theme {config.theme.name!r} is not supported",
            path=Path(config.config_file_path or "mkdocs.yml").name,
            hint="set theme.name: material (the language switcher and search need it)",
        )
