"""StoryIndex on hand-made term vectors: which open story an article joins, and which it does not."""

from __future__ import annotations

from bot.intel.stories import ArticleSignal, OpenStory, StoryIndex, _norm
from bot.intel.textfeatures import TERMS_VERSION, normalise

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


def _stored(profile: dict[str, float], terms_version: int) -> OpenStory:
    return OpenStory(id=5, label="Iran denies missile shipments", label_article_id=1, first_seen=0.0,
                     last_seen=0.0, article_count=3, profile=dict(profile), terms_version=terms_version)


def test_a_stored_profile_of_older_terms_is_normalised_again_when_restored() -> None:
    """Version-1 terms (plurals folded by hand) in today's form, so the open story still matches new articles."""
    story = _stored({"missile": 4.0, "missiles": 1.0, "deny": 2.0, "@IR": 3.0}, terms_version=1)
    index = StoryIndex()
    index.restore(story)
    assert story.profile == {normalise("missiles"): 5.0, normalise("denied"): 2.0, "@IR": 3.0}
    assert story.terms_version == TERMS_VERSION
    terms = {normalise("missiles"): 2.0, normalise("denied"): 1.0, "@IR": 2.0}
    assert index.best_match(_signal(9, terms, frozenset({"IR"})))[0] is story


def test_a_stored_profile_of_current_terms_is_kept_as_it_is() -> None:
    """Stems are not stable under stemming again ("invasion" -> "invas" -> "inva"): the version says which."""
    story = _stored({normalise("invasion"): 2.0, "@UA": 1.0}, terms_version=TERMS_VERSION)
    StoryIndex().restore(story)
    assert story.profile == {normalise("invasion"): 2.0, "@UA": 1.0}
    assert normalise(normalise("invasion")) != normalise("invasion")
