"""The default text pipeline: every rule, registered by name and priority."""

from __future__ import annotations

from zhpress.ingest.clean import (
    BoilerplateRule,
    CaptionRule,
    CreditsRule,
    PinyinRule,
    WhitespaceRule,
)
from zhpress.ingest.document import Doc, Rule
from zhpress.ingest.headlines import GovernmentHeadRule, NewsBylineRule, TitleLineRule
from zhpress.ingest.punctuation import PunctuationRule
from zhpress.ingest.registry import Registry
from zhpress.ingest.structure import (
    DashListRule,
    EnumeratedRunRule,
    EscapeRule,
    LeadHeadingRule,
    NewsSectionRule,
    NumberedHeadingRule,
)

DEFAULT_RULES: tuple[type[Rule], ...] = (
    WhitespaceRule,
    PinyinRule,
    BoilerplateRule,
    CaptionRule,
    CreditsRule,
    GovernmentHeadRule,
    NewsBylineRule,
    TitleLineRule,
    PunctuationRule,
    NumberedHeadingRule,
    NewsSectionRule,
    LeadHeadingRule,
    EnumeratedRunRule,
    DashListRule,
    EscapeRule,
)


def default_rules() -> Registry[Rule]:
    """A fresh registry (callers may deregister or replace rules without side effects)."""
    registry: Registry[Rule] = Registry()
    for cls in DEFAULT_RULES:
        registry.register(cls(), cls.name, cls.priority)
    return registry


def apply_rules(doc: Doc, rules: Registry[Rule] | None = None) -> Doc:
    for rule in rules if rules is not None else default_rules():
        rule.run(doc)
    return doc
