"""Simple paged lists (feeds, watches, schedules) as embeds within Discord's limits."""

from __future__ import annotations

from collections.abc import Sequence

from bot.delivery.messages import MessagePayload, clip

PER_PAGE = 10
DESCRIPTION_LIMIT = 4096


def listing_pages(title: str, lines: Sequence[str], *, empty: str, per_page: int = PER_PAGE,
                  footer: str = "") -> list[MessagePayload]:
    """`lines` (already escaped) in pages of `per_page`, each one embed; one page saying `empty` if none."""
    if not lines:
        return [MessagePayload(embeds=({"title": clip(title, 256), "description": empty},))]
    pages = []
    count = (len(lines) + per_page - 1) // per_page
    for index in range(count):
        chunk = lines[index * per_page:(index + 1) * per_page]
        embed = {"title": clip(title, 256), "description": clip("\n".join(chunk), DESCRIPTION_LIMIT)}
        note = f"Page {index + 1} of {count}" + (f" · {footer}" if footer else "")
        embed["footer"] = {"text": clip(note, 2048)}
        pages.append(MessagePayload(embeds=(embed,)))
    return pages
