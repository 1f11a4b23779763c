"""Behaviour of ScriptConverter beyond the golden files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhpress.convert import VARIANTS, ScriptConverter, convert_markdown
from zhpress.errors import ConfigError


def test_unknown_variant_is_a_config_error_naming_the_choices() -> None:
    with pytest.raises(ConfigError) as info:
        ScriptConverter("xx")
    assert "xx" in str(info.value)
    assert "tw, hk, t, twp" in str(info.value)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_round_trips_plain_report_text(variant: str) -> None:
    text = "推进京津冀协同发展，疏解非首都功能，优化营商环境。"
    converter = ScriptConverter(variant)
    hant = converter.to_hant(text)
    assert hant != text
    assert converter.to_hans(hant) == text


def test_override_is_taken_whole_and_longest_first() -> None:
    converter = ScriptConverter(s2t_overrides={"胡同": "胡同", "胡同口": "衚衕口"})
    assert converter.to_hant("胡同口的胡同") == "衚衕口的胡同"


def test_override_is_not_split_by_opencc_segmentation() -> None:
    # OpenCC segments 统一干部 as 统一 + 干 ("a group") and keeps 干; with 干部
    # locked as a term the cadres are 幹部 as the glossary says.
    text = "统一干部人事管理"
    assert ScriptConverter().to_hant(text) == "統一干部人事管理"
    locked = ScriptConverter(s2t_overrides={"干部": "幹部"})
    assert locked.to_hant(text) == "統一幹部人事管理"


def test_t2s_overrides_apply_only_in_their_direction() -> None:
    converter = ScriptConverter(t2s_overrides={"衚衕": "衚衕"})
    assert converter.to_hans("衚衕裡") == "衚衕里"
    assert converter.to_hant("胡同") == "衚衕"


def test_with_overrides_keeps_variant() -> None:
    base = ScriptConverter("hk")
    derived = base.with_overrides(s2t_overrides={"胡同": "胡同"})
    assert derived.variant == "hk"
    assert derived.to_hant("胡同里") == "胡同裏"
    assert base.to_hant("胡同里") == "衚衕裏"


def test_private_use_characters_in_input_survive() -> None:
    text = "发展\ue000\ue011\ue001里\ue005"
    out = ScriptConverter(s2t_overrides={"里": "里"}).to_hant(text)
    assert out == "發展\ue000\ue011\ue001里\ue005"


def test_urls_and_latin_words_are_never_converted() -> None:
    out = ScriptConverter("twp").to_hant("用U盘访问https://gov.cn/发展?q=里 和 GDP")
    assert "https://gov.cn/发展?q=里" in out
    assert "U" in out and "GDP" in out


def test_convert_markdown_keeps_html_attributes_and_converts_text() -> None:
    md = '<abbr title="东城区">东城区</abbr>的发展'
    assert convert_markdown(md, "hant") == '<abbr title="东城区">東城區</abbr>的發展'


def test_front_matter_only_readable_keys_convert() -> None:
    md = "---\ntitle: 发展\nslug: 发展\n---\n\n发展\n"
    assert convert_markdown(md, "hant") == "---\ntitle: 發展\nslug: 发展\n---\n\n發展\n"


def test_unclosed_fence_protects_to_the_end() -> None:
    md = "发展\n\n```\n发展\n发展\n"
    assert convert_markdown(md, "hant") == "發展\n\n```\n发展\n发展\n"


def test_list_continuation_is_not_taken_for_code() -> None:
    md = "- 发展\n\n    继续发展\n"
    assert convert_markdown(md, "hant") == "- 發展\n\n    繼續發展\n"


def test_bad_target_is_rejected() -> None:
    with pytest.raises(ValueError):
        ScriptConverter().convert("发展", "zh")  # type: ignore[arg-type]


_ascii_markdown = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\n"), max_size=200
)


@given(_ascii_markdown)
def test_text_without_cjk_is_unchanged(md: str) -> None:
    converter = ScriptConverter("twp")
    assert converter.convert_markdown(md, "hant") == md
    assert converter.convert(md, "hans") == md


@given(
    st.lists(
        st.sampled_from(["发展", "里", "`里`", "[发](u/里)", "\n", " ", "**干**"]), max_size=30
    )
)
def test_markdown_round_trip_of_report_fragments(parts: list[str]) -> None:
    md = "".join(parts)
    converter = ScriptConverter()
    assert converter.convert_markdown(converter.convert_markdown(md, "hant"), "hans") == md


def test_reference_links_keep_matching_their_definitions() -> None:
    md = "见[发展规划]和[报告][东城发展]。\n\n[发展规划]: images/发展.html\n[东城发展]: <docs/东城 发展.md>\n"
    out = convert_markdown(md, "hant")
    assert out == (
        "見[发展规划]和[報告][东城发展]。\n\n[发展规划]: images/发展.html\n[东城发展]: <docs/东城 发展.md>\n"
    )


def test_footnote_labels_and_angle_bracket_destinations_are_kept() -> None:
    md = "发展[^注释]，[图](<images/区里 图.png>)\n\n[^注释]: 注释里的发展\n"
    assert convert_markdown(md, "hant") == (
        "發展[^注释]，[圖](<images/区里 图.png>)\n\n[^注释]: 註釋裡的發展\n"
    )


_cjk_text = st.text(
    alphabet=st.sampled_from("发展里干部后面只系台余范复云制头髮東區国"), min_size=1, max_size=20
)


@given(_cjk_text, _cjk_text)
def test_code_and_link_targets_never_change(code: str, target: str) -> None:
    md = f"{code}`{code}`[{code}]({target})\n\n```\n{code}\n```\n"
    out = ScriptConverter().convert_markdown(md, "hant")
    assert f"`{code}`" in out
    assert f"]({target})" in out
    assert f"```\n{code}\n```" in out
