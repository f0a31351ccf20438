"""Discord's limits on message bodies and command definitions, answered with its 400 errors."""

from __future__ import annotations

import re
from typing import Any

MAX_LEN = "BASE_TYPE_MAX_LENGTH"
BAD = "BASE_TYPE_BAD_LENGTH"
INVALID = "APPLICATION_COMMAND_INVALID_NAME"

Problems = dict[str, list[tuple[str, str]]]


def _too_long(problems: Problems, path: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        problems.setdefault(path, []).append((MAX_LEN, f"Must be {limit} or fewer in length."))


def message_problems(data: dict[str, Any], *, editing: bool = False) -> tuple[bool, Problems]:
    """Return (is_empty, problems) for a create/edit message body (files are checked by the caller)."""
    problems: Problems = {}
    _too_long(problems, "content", data.get("content"), 2000)
    embeds = data.get("embeds") or []
    if len(embeds) > 10:
        problems.setdefault("embeds", []).append((BAD, "Must be 10 or fewer in length."))
    total = 0
    for i, embed in enumerate(embeds):
        base = f"embeds.{i}"
        for key, limit in (("title", 256), ("description", 4096)):
            _too_long(problems, f"{base}.{key}", embed.get(key), limit)
            total += len(embed.get(key) or "")
        for key, sub, limit in (("footer", "text", 2048), ("author", "name", 256)):
            part = embed.get(key) or {}
            _too_long(problems, f"{base}.{key}.{sub}", part.get(sub), limit)
            total += len(part.get(sub) or "")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.setdefault(f"{base}.fields", []).append((BAD, "Must be 25 or fewer in length."))
        for j, fld in enumerate(fields):
            _too_long(problems, f"{base}.fields.{j}.name", fld.get("name"), 256)
            _too_long(problems, f"{base}.fields.{j}.value", fld.get("value"), 1024)
            total += len(fld.get("name") or "") + len(fld.get("value") or "")
        url = embed.get("url")
        if url is not None and not re.match(r"^https?://", str(url)):
            problems.setdefault(f"{base}.url", []).append(("URL_TYPE_INVALID_URL", "Not a well formed URL."))
    if total > 6000:
        problems.setdefault("embeds", []).append((MAX_LEN, "Embed size exceeds maximum size of 6000"))
    empty = not editing and not any(data.get(k) for k in ("content", "embeds", "components", "sticker_ids", "poll",
                                                           "attachments"))
    return empty, problems


_NAME = re.compile(r"^[-_\w]{1,32}$")


def command_problems(commands: list[dict[str, Any]]) -> Problems:
    problems: Problems = {}
    if len(commands) > 100:
        problems.setdefault("_root", []).append((BAD, "Must be 100 or fewer in length."))
    seen: set[tuple[str, int]] = set()
    for i, cmd in enumerate(commands):
        kind = cmd.get("type", 1)
        key = (cmd.get("name", ""), kind)
        if key in seen:
            problems.setdefault(f"{i}.name", []).append(("APPLICATION_COMMANDS_DUPLICATE_NAME",
                                                         f"Application command names must be unique: {key[0]}"))
        seen.add(key)
        _check_named(problems, str(i), cmd, chat_input=kind == 1)
        if kind == 1:
            _check_options(problems, f"{i}.options", cmd.get("options") or [])
    return problems


def _check_named(problems: Problems, base: str, item: dict[str, Any], *, chat_input: bool = True) -> None:
    name = item.get("name", "")
    if chat_input and (not _NAME.match(name) or name != name.lower()):
        problems.setdefault(f"{base}.name", []).append((INVALID, "Command name is invalid"))
    desc = item.get("description", "")
    if chat_input and not 1 <= len(desc) <= 100:
        problems.setdefault(f"{base}.description", []).append((BAD, "Must be between 1 and 100 in length."))


def _check_options(problems: Problems, base: str, options: list[dict[str, Any]]) -> None:
    if len(options) > 25:
        problems.setdefault(base, []).append((BAD, "Must be 25 or fewer in length."))
    optional_seen = False
    for j, opt in enumerate(options):
        path = f"{base}.{j}"
        _check_named(problems, path, opt)
        if opt.get("type") in (1, 2):
            _check_options(problems, f"{path}.options", opt.get("options") or [])
            continue
        if opt.get("required"):
            if optional_seen:
                problems.setdefault(f"{path}.required", []).append(
                    ("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                     "Required options must be placed before non-required options"))
        else:
            optional_seen = True
        if len(opt.get("choices") or []) > 25:
            problems.setdefault(f"{path}.choices", []).append((BAD, "Must be 25 or fewer in length."))
