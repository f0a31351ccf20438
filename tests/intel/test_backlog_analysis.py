"""A feed's first fetch (its backlog) is stored first and analysed after: the same stories, tags and relations as
analysing it on the way in, a queue that survives failures and restarts, and nothing announced is ever clustered
ahead of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.feeds.models import ParsedEntry
from bot.feeds.registry import add_or_get_feed
from bot.pipeline import FeedBatch, Incoming, Pipeline
from storage import SqliteStorage, open_storage

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=2)
NEWS = [  # (feed, title, text, hours after T0)
    ("wire", "Russia to build Iranian-designed drones at Urals plant, officials say",
     "Russia and Iran have agreed a deal that lets Russia produce Iranian-designed attack drones at a plant in "
     "Tatarstan, two Western officials said on Tuesday.", 0),
    ("markets", "Wheat futures close at $5.62 a bushel",
     "Chicago wheat futures closed at $5.62 a bushel on Monday as export volumes held steady.", 1),
    ("gulf", "Tehran and Moscow agree drone co-production, sources say",
     "Iran will help Russia build Shahed-type attack drones at a factory in Tatarstan under a deal agreed this "
     "month, according to officials briefed on the agreement.", 2),
    ("wire", "Flooding displaces thousands in northern Bangladesh",
     "Monsoon floods have displaced more than 40,000 people in Sylhet, Bangladesh's disaster ministry said.", 3),
    ("eurasia", "Iran denies drone production deal with Russia",
     "Iran's foreign ministry denied reports that it had agreed to let Russia produce Iranian-designed drones in "
     "Tatarstan, calling them baseless.", 20),
    ("markets", "Wheat futures close at $5.71 a bushel",
     "Chicago wheat futures closed at $5.71 a bushel on Tuesday as export volumes held steady.", 27),
    ("gulf", "China and Russia hold joint naval drills in the Sea of Japan",
     "Chinese and Russian warships began joint exercises in the Sea of Japan, Beijing's defence ministry said.", 28),
]
COPY = ("mirror", NEWS[0][1], NEWS[0][2] + " This article first appeared on Wire.", 5)


async def _feeds(storage: SqliteStorage) -> dict[str, int]:
    return {name: (await add_or_get_feed(storage, f"https://{name}.example/rss", interval_s=900, now=T0))[0].id
            for name in sorted({"wire", "gulf", "eurasia", "markets", "mirror"})}


def _items(feeds: dict[str, int], rows: list[tuple[str, str, str, float]]) -> list[Incoming]:
    items = []
    for feed, title, body, hours in rows:
        slug = "-".join(title.lower().split())
        entry = ParsedEntry(f"{feed}:{slug}", f"https://{feed}.example/{slug}", title, body,
                            T0 + timedelta(hours=hours))
        items.append(Incoming(feeds[feed], entry, f"https://{feed}.example/"))
    return items


async def _outcome(storage: SqliteStorage, ids: list[int]) -> tuple[object, ...]:
    """Everything the analysis decides, by article position (ids may differ between databases)."""
    articles = await storage.get_articles(ids)
    position = {article_id: index for index, article_id in enumerate(ids)}
    story_groups = {}
    for article_id in ids:
        story_groups.setdefault(articles[article_id].story_id, []).append(position[article_id])
    tags = sorted((position[t.article_id], t.kind, t.tag, t.rank) for t in await storage.article_tags(ids))
    stories = []
    for story_id, members in story_groups.items():
        record = await storage.get_story(story_id) if story_id is not None else None
        stories.append((tuple(members), record.article_count if record else None))
    relations = await storage.relation_days("IR", "RU", T0 - timedelta(days=1), NOW)
    return (sorted(story_groups.values()), sorted(stories), tags,
            sorted((r.day, r.domain, r.articles, r.stories, r.tone_sum) for r in relations))


async def test_a_backlog_is_stored_first_then_analysed_as_if_analysed_on_the_way_in(
        storage: SqliteStorage, tmp_path: Path) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    rows = [*NEWS[:3], COPY, *NEWS[3:]]
    stored = await pipeline.process(_items(feeds, rows), now=NOW, backlog=True)
    ids = [item.article_id for item in stored]
    assert all(item.story_id is None and item.intel is None for item in stored)
    assert stored[3].duplicate_of == ids[0]  # duplicates are found as it is stored
    assert [a.id for a in await storage.analysis_queue(100)] == [ids[0], ids[3], *ids[1:3], *ids[4:]]
    assert [a.id for a in await storage.search_articles("wheat")]  # searchable before it is analysed
    assert not await storage.article_tags(ids)

    assert await pipeline.analyse_backlog(now=NOW) == len(rows)
    assert await storage.analysis_queue(100) == []
    assert all(article.story_id is not None for article in (await storage.get_articles(ids)).values())

    direct = await open_storage(tmp_path / "direct.db")
    try:
        direct_feeds = await _feeds(direct)
        direct_pipeline = await Pipeline.create(direct, now=T0)
        # The queue's order: by time, each copy right after its original.
        order = [0, 3, 1, 2, 4, 5, 6, 7]
        results = await direct_pipeline.process(_items(direct_feeds, [rows[i] for i in order]), now=NOW)
        direct_ids = [0] * len(rows)
        for index, result in zip(order, results, strict=True):
            direct_ids[index] = result.article_id
        assert await _outcome(storage, ids) == await _outcome(direct, direct_ids)
    finally:
        await direct.close()


async def test_announced_items_wait_for_the_queue(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    backlog = await pipeline.process(_items(feeds, NEWS[:4]), now=NOW, backlog=True)
    # A live copy of a queued article: the queue is analysed first, so the copy has its original's story.
    (copy,) = await pipeline.process(_items(feeds, [COPY]), now=NOW)
    assert await storage.analysis_queue(10) == []
    original = (await storage.get_articles([backlog[0].article_id]))[backlog[0].article_id]
    assert copy.duplicate_of == original.id and copy.story_id == original.story_id is not None
    assert (await storage.get_story(original.story_id)).article_count == 3  # with the Gulf outlet's own report


async def test_a_failed_analysis_leaves_the_queue_as_it_was(storage: SqliteStorage,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process(_items(feeds, NEWS), now=NOW, backlog=True)
    real = storage.store_batch

    async def failing(batch):
        if batch.analysed:
            raise RuntimeError("disk full")
        await real(batch)

    monkeypatch.setattr(storage, "store_batch", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        await pipeline.analyse_backlog(now=NOW)
    monkeypatch.undo()
    assert len(await storage.analysis_queue(100)) == len(NEWS)
    assert await storage.stories_between(T0 - timedelta(days=1), NOW) == []
    assert await pipeline.analyse_backlog(now=NOW) == len(NEWS)
    assert len({story.id for story in await storage.stories_between(T0 - timedelta(days=1), NOW)}) == 5


async def test_the_queue_survives_a_restart(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    first = await Pipeline.create(storage, now=T0)
    (original,) = await first.process(_items(feeds, NEWS[:1]), now=NOW, backlog=True)
    restarted = await Pipeline.create(storage, now=NOW)
    # A copy stored after the restart still knows its original is queued, and waits behind it.
    (copy,) = await restarted.process(_items(feeds, [COPY]), now=NOW, backlog=True)
    assert copy.duplicate_of == original.article_id
    assert [a.id for a in await storage.analysis_queue(10)] == [original.article_id, copy.article_id]
    assert await restarted.analyse_backlog(now=NOW, chunk=1) == 2  # one per transaction: the copy still finds it
    articles = await storage.get_articles([original.article_id, copy.article_id])
    assert articles[copy.article_id].story_id == articles[original.article_id].story_id is not None


async def test_the_analysis_can_run_on_a_worker(storage: SqliteStorage) -> None:
    from bot.facts import AnalysisPool, analyses_of

    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process(_items(feeds, NEWS), now=NOW, backlog=True)
    asked: list[int] = []
    async with AnalysisPool(1) as pool:
        async def on_worker(texts):
            asked.append(len(texts))
            analyses = await pool.analyses(texts)
            assert analyses == analyses_of(texts)
            return analyses

        assert await pipeline.analyse_backlog(now=NOW, analyser=on_worker, chunk=4) == len(NEWS)
    assert asked == [4, 3]


async def test_a_text_that_kills_the_analysis_is_filed_alone_as_other_and_the_queue_goes_on(
        storage: SqliteStorage) -> None:
    """What `AnalysisPool.analyses` gives a text that kills a worker on its own: the analysis of an empty text."""
    from bot.facts import _analysis_of_nothing, analyses_of

    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    stored = await pipeline.process(_items(feeds, NEWS), now=NOW, backlog=True)
    poison = stored[2].article_id  # "Tehran and Moscow agree drone co-production": it would join NEWS[0]'s story

    async def sparing(texts):
        return tuple(_analysis_of_nothing(text) if text[0] == NEWS[2][1] else analyses_of([text])[0]
                     for text in texts)

    assert await pipeline.analyse_backlog(now=NOW, analyser=sparing, chunk=4) == len(NEWS)
    assert await storage.analysis_queue(10) == []
    articles = await storage.get_articles([item.article_id for item in stored])
    assert all(article.story_id is not None for article in articles.values())
    others = {articles[item.article_id].story_id for item in stored if item.article_id != poison}
    assert articles[poison].story_id not in others  # a story of its own
    assert articles[stored[0].article_id].story_id == articles[stored[4].article_id].story_id  # the rest as ever
    tags = await storage.article_tags([item.article_id for item in stored])
    assert [(tag.kind, tag.tag) for tag in tags if tag.article_id == poison] == [("domain", "other")]
    assert {tag.article_id for tag in tags} >= {item.article_id for item in stored if item.article_id != poison
                                                 and item.duplicate_of is None}


async def test_a_queue_that_cannot_be_analysed_does_not_block_live_feeds(storage: SqliteStorage,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process(_items(feeds, NEWS[:2]), now=NOW, backlog=True)
    import bot.pipeline as pipeline_module

    def broken(texts, analyst=None):
        raise RuntimeError("analyser bug")

    monkeypatch.setattr(pipeline_module, "analyses_of", broken)
    (live,) = await pipeline.process(_items(feeds, NEWS[6:7]), now=NOW)  # stored, though the queue failed
    assert live.kind == "new" and live.story_id is not None
    assert len(await storage.analysis_queue(10)) == 2  # still queued for the next try
    monkeypatch.undo()
    assert await pipeline.analyse_backlog(now=NOW) == 2


async def test_a_copy_finds_its_originals_story_after_a_restart(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    first = await Pipeline.create(storage, now=T0)
    (original,) = await first.process(_items(feeds, NEWS[:1]), now=NOW, backlog=True)
    (copy,) = await first.process(_items(feeds, [COPY]), now=NOW, backlog=True)
    assert await first.analyse_backlog(now=NOW, chunk=1) == 2
    # Queue the copy again as a restart between chunks would leave it, with a reload that knows no stories.
    await storage._write(
        lambda db: db.execute("UPDATE articles SET story_id = NULL, analysis_order = 1 WHERE id = ?",
                              (copy.article_id,)))
    restarted = await Pipeline.create(storage, now=NOW + timedelta(days=30))  # its original is long out of memory
    assert await restarted.analyse_backlog(now=NOW + timedelta(days=30)) == 1
    articles = await storage.get_articles([original.article_id, copy.article_id])
    assert articles[copy.article_id].story_id == articles[original.article_id].story_id is not None


async def test_a_queue_met_by_announced_items_is_analysed_by_the_analyser_given(storage: SqliteStorage) -> None:
    from bot.facts import analyses_of

    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process(_items(feeds, NEWS[:3]), now=NOW, backlog=True)
    asked: list[str] = []

    async def analyser(texts):  # stands in for AnalysisPool.analyses
        asked.extend(title for title, _ in texts)
        return analyses_of(texts)

    [[live]] = await pipeline.process_batches([FeedBatch(_items(feeds, NEWS[6:7]))], now=NOW, analyser=analyser)
    assert asked == [title for _, title, _, _ in NEWS[:3]]
    assert await storage.analysis_queue(10) == []
    assert live.kind == "new" and live.story_id is not None


async def test_a_first_fetch_grouped_with_live_feeds_is_analysed_on_the_way_in(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    planned: list[tuple[bool, list[str]]] = []

    async def plan(processed, backlog, now):
        planned.append((backlog, [item.kind for item in processed]))
        return None

    first_fetch, live = await pipeline.process_batches([
        FeedBatch(_items(feeds, [NEWS[0], NEWS[3]]), backlog=True, plan=plan),
        FeedBatch(_items(feeds, [NEWS[2]]), plan=plan),
    ], now=NOW)
    # Nothing is queued: with live items in the same transaction, the first fetch is filed in stories at once
    # (and the live report of the same event joins its story), but it is still told apart as a backlog.
    assert await storage.analysis_queue(10) == []
    assert all(item.story_id is not None and item.intel is not None for item in first_fetch + live)
    assert live[0].story_id == first_fetch[0].story_id != first_fetch[1].story_id
    assert planned == [(True, ["new", "new"]), (False, ["new"])]
    stored = await storage.get_articles([item.article_id for item in first_fetch + live])
    assert [stored[item.article_id].backlog for item in first_fetch + live] == [True, True, False]


def _fails_on(monkeypatch: pytest.MonkeyPatch, *titles: str, everything: bool = False) -> None:
    """The analyst raises on the texts with `titles` (or on every text that is not empty), as a bug in Sitrep's
    own analysis would."""
    from bot.intel.analyst import Analyst

    describe = Analyst.describe

    def failing(self, title: str, summary: str):
        if title in titles or everything and (title or summary):
            raise IndexError("an analysis bug")
        return describe(self, title, summary)

    monkeypatch.setattr(Analyst, "describe", failing)


async def test_a_text_the_analysis_fails_on_is_filed_alone_as_other_and_the_queue_goes_on(
        storage: SqliteStorage, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """An error (not a crash) in the analysis of one queued text used to fail its whole chunk at every cycle."""
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    stored = await pipeline.process(_items(feeds, NEWS), now=NOW, backlog=True)
    failing = stored[2].article_id
    _fails_on(monkeypatch, NEWS[2][1])

    assert await pipeline.analyse_backlog(now=NOW, chunk=4) == len(NEWS)
    assert await storage.analysis_queue(10) == []
    articles = await storage.get_articles([item.article_id for item in stored])
    others = {articles[item.article_id].story_id for item in stored if item.article_id != failing}
    assert articles[failing].story_id is not None and articles[failing].story_id not in others
    assert articles[stored[0].article_id].story_id == articles[stored[4].article_id].story_id
    tags = await storage.article_tags([item.article_id for item in stored])
    assert [(tag.kind, tag.tag) for tag in tags if tag.article_id == failing] == [("domain", "other")]
    assert {"RU", "IR"} <= {tag.tag for tag in tags if tag.article_id == stored[0].article_id}
    assert "Tehran and Moscow agree drone co-production" in caplog.text and "IndexError" in caplog.text


async def test_a_live_item_the_analysis_fails_on_is_stored_untagged_and_its_feed_goes_on(
        storage: SqliteStorage, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline analysing a group itself (no analysis worker): one bad item used to fail the group."""
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    _fails_on(monkeypatch, NEWS[2][1])

    results = await pipeline.process(_items(feeds, NEWS), now=NOW)
    assert [item.kind for item in results] == ["new"] * len(NEWS)
    failing = results[2]
    assert failing.intel is not None and failing.intel.actors == () and failing.intel.domains.domains == ("other",)
    assert failing.story_id not in {item.story_id for item in results if item is not failing}
    assert results[0].story_id == results[4].story_id  # the rest analysed as ever
    assert results[0].intel is not None and {"RU", "IR"} <= set(results[0].intel.countries)


def test_every_text_the_analysis_fails_on_is_spared_however_many(monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    """The chosen price of never blocking a feed or the queue: a bug that meets every text files every one
    untagged (nothing is analysed again), each with its error logged."""
    from bot.facts import analyses_of, analysis_of

    _fails_on(monkeypatch, everything=True)
    assert analyses_of([(title, body) for _, title, body, _ in NEWS]) == (analysis_of("", ""),) * len(NEWS)
    assert caplog.text.count("it is filed without tags") == len(NEWS)


def test_an_analyst_that_fails_on_an_empty_text_too_is_broken_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """No text is to blame then: the error is raised, and the feed or the queue chunk waits for a fixed analyst."""
    from bot.facts import analyses_of, describe_entries
    from bot.intel.analyst import Analyst

    def broken(self, title: str, summary: str):
        raise LookupError("an analyst bug")

    monkeypatch.setattr(Analyst, "describe", broken)
    with pytest.raises(LookupError):
        analyses_of([("Russia and Iran sign a deal", "Moscow and Tehran signed it.")])
    with pytest.raises(LookupError):
        describe_entries([ParsedEntry("g", "https://a.example/1", "Russia and Iran sign a deal", "Text.", T0)])


def test_describe_entries_describes_the_rest_of_a_feed_whose_one_entry_the_analysis_fails_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`describe_entries` is what an analysis worker runs for a feed (here in this process, where the analyst
    can be made to fail): one bad entry used to fail the whole feed."""
    from bot.facts import EntryFacts, analysis_of, describe_entries

    entries = [ParsedEntry(f"g{index}", f"https://a.example/{index}", title, body, T0)
               for index, (_, title, body, _) in enumerate(NEWS[:3])]
    _fails_on(monkeypatch, NEWS[1][1])
    facts = describe_entries(entries).facts
    assert all(isinstance(fact, EntryFacts) for fact in facts)
    assert [fact.intel for fact in facts] == [analysis_of(NEWS[0][1], NEWS[0][2])[0], analysis_of("", "")[0],
                                              analysis_of(NEWS[2][1], NEWS[2][2])[0]]
