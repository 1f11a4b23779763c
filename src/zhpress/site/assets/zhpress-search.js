/* zhpress search worker.
 *
 * Speaks the message protocol of Material for MkDocs' search worker
 * (0 setup, 1 ready, 2 query, 3 result), so the theme's search box and result
 * list work unchanged, but searches the language tree's own sharded index
 * (written by zhpress/site/searchindex.py): the manifest arrives with the
 * setup message; term shards and passages are fetched only when a query
 * needs them. Queries are normalised like the index (lower case, Traditional
 * characters to Simplified), so either script finds both.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g;
var manifest = null, cmap = {}, stop = {}, site = null;
var shards = {}, chunks = {}, latest = 0;

function fnv(key) {
  var h = 0x811c9dc5;
  for (var i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function shardKey(term) {
  return term.charCodeAt(0) < 128 ? term.slice(0, 2) : term.charAt(0);
}

function normalise(text) {
  var out = "";
  for (var i = 0; i < text.length; i++) {
    var c = text.charAt(i);
    out += c.charCodeAt(0) < 128 ? c.toLowerCase() : (cmap[c] || c);
  }
  return out;
}

function load(cache, path) {
  if (!cache[path])
    cache[path] = fetch(new URL(manifest.tree + "search/" + path, site))
      .then(function (r) { if (!r.ok) throw new Error(path); return r.json(); });
  return cache[path];
}

function shardOf(term) {
  return load(shards, "s/" + (fnv(shardKey(term)) % manifest.shards) + ".json");
}

function ids(deltas) {
  var out = [], at = 0;
  for (var i = 0; i < deltas.length; i++) { at += deltas[i]; out.push(at); }
  return out;
}

/* The query as groups of passage ids: one group per Chinese word (longest
 * index term at each position) or Latin word (the last one as a prefix). */
async function parse(query) {
  var norm = normalise(query), groups = [], runs = norm.match(TOKEN) || [];
  for (var r = 0; r < runs.length; r++) {
    var run = runs[r];
    if (HAN.test(run)) {
      var i = 0;
      while (i < run.length) {
        var shard = (await shardOf(run.charAt(i))).t, best = run.charAt(i);
        for (var term in shard)
          if (term.length > best.length && run.startsWith(term, i)) best = term;
        if (!stop[best]) groups.push({ term: best, ids: ids(shard[best] || []) });
        i += best.length;
      }
    } else if (!stop[run]) {
      var terms = (await shardOf(run)).t, found = {};
      var prefix = r === runs.length - 1 && run.length >= 2;
      for (var t in terms)
        if (t === run || (prefix && t.startsWith(run)))
          ids(terms[t]).forEach(function (id) { found[id] = true; });
      groups.push({ term: run, ids: Object.keys(found).map(Number) });
    }
  }
  return { norm: norm, runs: runs, groups: groups };
}

function pageOf(pid) {
  var starts = manifest.starts, lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pid) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function escape(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* ``text`` around its first match, escaped, every match in <mark>; the
 * matched text as written goes into ``found`` (for highlighting on the page). */
function highlight(text, words, window, found) {
  var norm = normalise(text), marks = [];
  words.forEach(function (w) {
    if (!w) return;
    for (var at = norm.indexOf(w); at >= 0; at = norm.indexOf(w, at + w.length))
      marks.push([at, at + w.length]);
  });
  marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });  // longest first
  var start = 0, end = text.length;
  if (window && marks.length) {
    start = Math.max(0, marks[0][0] - 30);
    end = Math.min(text.length, start + window);
  } else if (window) {
    end = Math.min(text.length, window);
  }
  var out = start > 0 ? "…" : "", pos = start;
  marks.forEach(function (m) {
    if (m[0] < pos || m[1] > end) return;
    if (found) found[text.slice(m[0], m[1])] = true;
    out += escape(text.slice(pos, m[0])) + "<mark>" + escape(text.slice(m[0], m[1])) + "</mark>";
    pos = m[1];
  });
  return out + escape(text.slice(pos, end)) + (end < text.length ? "…" : "");
}

async function search(query, seq) {
  var q = await parse(query);
  if (!q.groups.length) return { items: [] };
  var count = {};
  q.groups.forEach(function (g) {
    g.ids.forEach(function (id) { count[id] = (count[id] || 0) + 1; });
  });
  var best = 0;
  for (var id in count) best = Math.max(best, count[id]);
  if (!best) return { items: [] };
  var byPage = {};
  for (var key in count) {
    if (count[key] < best) continue;
    var pid = Number(key), page = pageOf(pid);
    (byPage[page] = byPage[page] || []).push(pid);
  }
  var pages = Object.keys(byPage).map(Number).map(function (page) {
    var pids = byPage[page].sort(function (a, b) { return a - b; });
    var title = pids[0] === manifest.starts[page] ? 2 : 0;
    return { page: page, pids: pids, score: best + title + Math.log(1 + pids.length) };
  });
  pages.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  pages = pages.slice(0, 30);
  var words = q.groups.map(function (g) { return g.term; }).concat(q.runs);
  var shown = pages.slice(0, 10), need = {};
  shown.forEach(function (p) {
    p.pids.slice(0, 3).forEach(function (pid) { need[Math.floor(pid / manifest.chunk)] = true; });
  });
  var loaded = {};
  await Promise.all(Object.keys(need).map(function (k) {
    return load(chunks, "p/" + k + ".json").then(function (c) { loaded[k] = c; });
  }));
  if (seq !== latest) return null;
  var terms = {}, found = {};
  q.groups.forEach(function (g) { terms[g.term] = g.ids.length > 0; });
  var items = pages.map(function (p, rank) {
    var info = manifest.pages[p.page];
    var score = 1000 - rank;
    var group = [{ location: info[0], title: highlight(info[1], words, 0), text: "",
                   score: score, terms: terms }];
    if (rank < 10)
      p.pids.slice(0, 3).forEach(function (pid) {
        var entry = loaded[Math.floor(pid / manifest.chunk)][pid % manifest.chunk];
        if (!entry[1]) return;  // the page title itself: the article line shows it
        var heading = entry[3] === entry[2];  // the passage is a section heading
        group.push({
          location: info[0] + "#" + entry[1],
          title: heading ? highlight(entry[2], words, 0, found) : escape(entry[3] || info[1]),
          text: heading ? "" : "<p>" + highlight(entry[2], words, 160, found) + "</p>",
          score: score,
          terms: terms
        });
      });
    return group;
  });
  // Material highlights the terms on the page a result opens (?h=...): add
  // the words as the page writes them (發展 for a query typed as 发展)
  for (var word in found) if (!(word in terms)) terms[word] = true;
  return { items: items };
}

addEventListener("message", async function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    manifest = message.data.config.zhpress;
    site = new URL("../../", self.location.href);
    var map = manifest.map;
    for (var i = 0; i + 1 < map.length; i += 2) cmap[map.charAt(i)] = map.charAt(i + 1);
    manifest.stop.forEach(function (w) { stop[w] = true; });
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var seq = ++latest, result;
    try {
      result = await search(message.data, seq);
    } catch (err) {
      console.warn("zhpress search:", err);
      result = { items: [] };
    }
    if (result && seq === latest) postMessage({ type: RESULT, data: result });
  }
});
