"""BuildCache: entries round-trip, damage is a miss, sweep keeps what was used."""

from __future__ import annotations

from pathlib import Path

from zhpress.buildcache import BuildCache, fingerprint


def test_values_and_text_round_trip(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    html = "<p>页面\0正文</p>" * 100  # a NUL in the text is kept too
    cache.put("page", "k" * 64, {"passages": [["p-1", "正文", "", ["正文"]]]}, html)
    assert BuildCache(tmp_path).get_with_text("page", "k" * 64) == (
        {"passages": [["p-1", "正文", "", ["正文"]]]},
        html,
    )
    assert BuildCache(tmp_path).get("page", "x" * 64) is None


def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    cache.put("page", "a" * 64, {"n": 1}, "text")
    path = next(p for p in tmp_path.rglob("*") if p.is_file())
    for damage in (b"", b"garbage", path.read_bytes()[:-3]):  # empty, foreign, torn
        path.write_bytes(damage)
        fresh = BuildCache(tmp_path)
        assert fresh.get("page", "a" * 64) is None
        assert fresh.misses["page"] == 1


def test_fingerprints_ignore_memory_addresses_but_not_content() -> None:
    def slugify(text: str) -> str:
        return text

    one = fingerprint({"slugify": slugify, "toc": True})
    assert one == fingerprint({"toc": True, "slugify": slugify})
    assert " at 0x" in repr(slugify)  # what would otherwise differ between processes
    assert one != fingerprint({"slugify": slugify, "toc": False})
    assert fingerprint(b"ab", b"c") != fingerprint(b"a", b"bc")


def test_sweep_removes_only_entries_this_build_did_not_use(tmp_path: Path) -> None:
    old = BuildCache(tmp_path)
    for key in ("a" * 64, "b" * 64, "c" * 64):
        old.put("page", key, {})
    build = BuildCache(tmp_path)
    assert build.get("page", "a" * 64) == {}
    build.put("page", "d" * 64, {})
    assert build.sweep() == 2
    left = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["a" * 64, "d" * 64]


def test_a_disabled_cache_stores_nothing(tmp_path: Path) -> None:
    cache = BuildCache(None)
    cache.put("page", "a" * 64, {"n": 1})
    assert cache.get("page", "a" * 64) is None and not cache.enabled
