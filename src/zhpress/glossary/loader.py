"""Read glossary/*.yaml with line numbers and turn every mistake into a Problem.

ruamel's round-trip loader keeps the position of each key and list item, so a
translator is told ``glossary/policy.yaml:42: ...`` rather than an index.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from zhpress.errors import GlossaryError, MultipleErrors
from zhpress.glossary.model import FILE_DEFAULT_KEYS, Entry, Glossary

ENTRY_FIELDS = tuple(k for k in Entry.model_fields if k not in ("file", "line"))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the glossary, printed as ``path:line: message``."""

    path: str
    line: int
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        loc = f"{self.path}:{self.line}" if self.line else self.path
        return f"{loc}: {self.message}"

    def to_error(self) -> GlossaryError:
        return GlossaryError(self.message, path=self.path, line=self.line or None, hint=self.hint)


def shown(path: Path) -> str:
    """How a file is named in messages: relative to the working directory when
    inside it (what the user typed), else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def glossary_files(directory: str | Path) -> list[Path]:
    """The glossary files of a directory, in a stable order."""
    d = Path(directory)
    return sorted([*d.glob("*.yaml"), *d.glob("*.yml")], key=lambda p: p.name)


def _line(node: Any, key: Any = None, index: int | None = None) -> int:
    """1-based line of a mapping key or list item (0 when unknown)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return 0
    try:
        if key is not None:
            return lc.key(key)[0] + 1
        if index is not None:
            return lc.item(index)[0] + 1
        return lc.line + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return (lc.line + 1) if lc.line is not None else 0


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse one file round-trip; a syntax error becomes a Problem with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown(path), 0, f"cannot read glossary file: {exc}")]
    try:
        return YAML(typ="rt").load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark is not None:
            what += f" ({exc.context} started on line {exc.context_mark.line + 1})"
            # An unclosed bracket or quote is only noticed at the end of the file;
            # the line where it was opened is the one to fix.
            if exc.problem_mark is None or "stream end" in (exc.problem or ""):
                mark = exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        return None, [Problem(shown(path), line, f"YAML syntax error: {what}")]
    except YAMLError as exc:
        return None, [Problem(shown(path), 0, f"YAML syntax error: {exc}")]


def _plain(value: Any) -> Any:
    """ruamel containers -> plain Python, so pydantic sees ordinary types."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _entry_problems(path: str, item: CommentedMap, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = err.get("loc") or ()
        field = str(loc[0]) if loc else ""
        line = _line(item, key=field) if field in item else _line(item)
        if err["type"] == "extra_forbidden":
            msg = f"unknown field '{field}' (allowed: {', '.join(ENTRY_FIELDS)})"
        elif err["type"] == "missing":
            msg = f"missing field '{field}'"
        else:
            msg = f"field '{field}': {err['msg']}" if field else err["msg"]
        problems.append(Problem(path, line, msg))
    return problems


def parse_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of one file (file defaults applied) and the problems found in it."""
    data, problems = read_yaml(path)
    where = shown(path)
    if problems:
        return [], problems
    if data is None:
        return [], [Problem(where, 1, "empty glossary file (expected a mapping with 'terms:')")]
    if not isinstance(data, CommentedMap):
        return [], [Problem(where, 1, "a glossary file must be a mapping with a 'terms:' list")]
    for key in data:
        if key != "terms" and key not in FILE_DEFAULT_KEYS:
            allowed = ", ".join(("terms", *FILE_DEFAULT_KEYS))
            problems.append(
                Problem(
                    where,
                    _line(data, key=key),
                    f"unknown top-level key '{key}' (allowed: {allowed})",
                )
            )
    terms = data.get("terms")
    if "terms" not in data:
        problems.append(Problem(where, 1, "missing 'terms:' list"))
        return [], problems
    if terms is None:
        return [], problems
    if not isinstance(terms, CommentedSeq):
        problems.append(
            Problem(where, _line(data, key="terms"), "'terms' must be a list of entries")
        )
        return [], problems
    defaults = {k: _plain(data[k]) for k in FILE_DEFAULT_KEYS if k in data}
    entries: list[Entry] = []
    for index, item in enumerate(terms):
        line = _line(terms, index=index)
        if not isinstance(item, CommentedMap):
            problems.append(
                Problem(where, line, "each entry must be a mapping starting with 'zh:'")
            )
            continue
        fields = _plain(item)
        merged = {k: v for k, v in defaults.items() if k != "tags"}
        merged.update(fields)
        if "tags" in defaults or "tags" in fields:
            file_tags = defaults.get("tags") or []
            own = fields.get("tags") or []
            file_tags = [file_tags] if isinstance(file_tags, str) else file_tags
            own = [own] if isinstance(own, str) else own
            merged["tags"] = list(dict.fromkeys([*file_tags, *own]))
        missing_en = (
            merged.get("status", "approved") == "approved"
            and not merged.get("dnt")
            and not merged.get("en")
            and isinstance(merged.get("zh"), str)
        )
        if missing_en:
            problems.append(
                Problem(
                    where,
                    line,
                    f"'{merged['zh']}': missing field 'en' (give the English rendering, "
                    "or set 'dnt: true', or 'status: proposed' while undecided)",
                )
            )
        try:
            entry = Entry(**merged, file=where, line=line)
        except ValidationError as exc:
            problems.extend(_entry_problems(where, item, exc))
            continue
        if missing_en:
            continue
        entries.append(entry)
    return entries, problems


def check_glossary(directory: str | Path, converter_t2s: Any = None) -> list[Problem]:
    """Every problem in a glossary directory, sorted by file and line."""
    _, problems = _load(directory, converter_t2s)
    return problems


def _load(directory: str | Path, converter_t2s: Any) -> tuple[Glossary, list[Problem]]:
    from zhpress.glossary.checks import cross_checks

    d = Path(directory)
    if not d.is_dir():
        return Glossary([]), [Problem(shown(d), 0, "glossary directory not found")]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in glossary_files(d):
        file_entries, file_problems = parse_file(path)
        entries += file_entries
        problems += file_problems
    problems += cross_checks(entries, converter_t2s)
    problems.sort(key=lambda p: (p.path, p.line, p.message))
    # The first spelling of a term wins; later duplicates are already reported.
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.zh, entry)
    return Glossary(unique.values()), problems


def load_glossary(directory: str | Path, converter_t2s: Any = None) -> Glossary:
    """Load and validate; raise MultipleErrors listing every problem when any."""
    glossary, problems = _load(directory, converter_t2s)
    if problems:
        raise MultipleErrors(
            [p.to_error() for p in problems],
            summary=f"glossary has {len(problems)} problem(s); fix them and run again",
        )
    return glossary
