"""StoryIndex on hand-made term vectors: which open story an article joins, and which it does not."""

from __future__ import annotations

from bot.intel.stories import ArticleSignal, StoryIndex, _norm

HOUR = 3600.0


def _signal(article_id: int, terms: dict[str, float], actors: frozenset[str] = frozenset(),
            published: float = 0.0) -> ArticleSignal:
    return ArticleSignal(article_id=article_id, title=f"article {article_id}", terms=terms, actors=actors,
                         published=published, publisher=f"outlet{article_id}.example")


def _three_stories(*, with_actor_terms: bool = False) -> StoryIndex:
    """Stories 1, 2 and 3, each about its own event and its own actors (as terms too, "@RU", if asked)."""
    index = StoryIndex()
    for story_id, (word, actors) in enumerate((("alpha", {"RU"}), ("beta", {"UA"}), ("gamma", {"IR", "IL"})),
                                              start=1):
        terms = {word: 2.0, f"{word}1": 2.0, f"{word}2": 2.0, f"{word}3": 2.0}
        if with_actor_terms:
            terms.update({f"@{actor}": 2.0 for actor in actors})
        assert index.assign(_signal(story_id, terms, frozenset(actors)), story_id).created
    return index


def test_an_article_joins_the_story_it_shares_most_words_with() -> None:
    index = _three_stories()
    follow_up = _signal(10, {"beta": 3.0, "beta1": 2.0, "beta2": 1.0, "delta": 1.0}, frozenset({"UA"}), HOUR)

    assignment = index.assign(follow_up, 99)

    assert not assignment.created
    assert assignment.story.id == 2
    assert assignment.story.article_count == 2


def test_unrelated_words_open_a_new_story() -> None:
    index = _three_stories()

    assignment = index.assign(_signal(10, {"omega": 2.0, "omega1": 2.0}, frozenset({"RU"}), HOUR), 99)

    assert assignment.created
    assert assignment.story.id == 99
    assert len(index) == 4


def test_the_second_candidate_by_shared_words_can_win_on_its_actors() -> None:
    """Story 1 shares more of the article's words, story 2 its actor ("@UA" as the analyst adds it) and a word:
    both get the full score, and story 2's is higher (the labeled sets hold such a follow-up)."""
    index = _three_stories(with_actor_terms=True)

    assignment = index.assign(_signal(10, {"alpha": 4.0, "beta": 2.0, "@UA": 2.0}, frozenset({"UA"}), HOUR), 99)

    assert assignment.story.id == 2


def test_a_story_third_by_shared_words_is_not_scored() -> None:
    """Story 3 names the article's actors but shares the least of its words (actor terms left out of these
    hand-made vectors): it is not among the two candidates (`SCORED_CANDIDATES`) that get the full score,
    although that score (words plus actors) would be the highest."""
    index = _three_stories()
    article = _signal(10, {"alpha": 4.0, "beta": 3.0, "gamma": 2.5}, frozenset({"IR", "IL"}), HOUR)
    vector = index.weigh(article.terms)
    norm = _norm(vector)
    full_scores = {story.id: index._score(article, vector, norm, story) for story in index.open_stories()}
    assert max(full_scores, key=full_scores.__getitem__) == 3  # what scoring every story would choose

    assignment = index.assign(article, 99)

    assert assignment.story.id == 1
    assert not assignment.created
