/* zhpress: the language switcher keeps the reader's place.
 *
 * The switcher's links already point at the same page in the other language;
 * when the address names a paragraph (#p-<id>, the same id in every
 * language), the other language opens at that paragraph too. Runs in the
 * capture phase, before the theme's own handler (which drops the fragment).
 */
document.addEventListener("click", function (ev) {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey)
    return;
  var link = ev.target instanceof Element && ev.target.closest("a.md-select__link[hreflang]");
  if (!link) return;
  ev.preventDefault();
  ev.stopPropagation();
  var hash = /^#p-[0-9a-f]{8}(-\d+)?$/.test(location.hash) ? location.hash : "";
  location.href = link.href + hash;
}, true);
