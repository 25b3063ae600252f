from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mindspace.app import AppServices
from mindspace.core.errors import ValidationError
from mindspace.storage.errors import NotFoundError
from mindspace.storage.journal import fts_query


def test_add_edit_delete_and_list_by_date(open_services: AppServices) -> None:
    repo = open_services.journal
    day = datetime(2026, 3, 1, 9, 0)
    a = repo.add("Morning", "Coffee and a walk", day, ["walk", "Morning"])
    b = repo.add("Evening", "Tired but ok", day.replace(hour=21), ["sleep"])
    c = repo.add("Back-dated", "Last year", day - timedelta(days=365))
    assert [e.id for e in repo.list()] == [b.id, a.id, c.id]
    edited = repo.update(a.id, title="Morning walk", tags=["walk"])
    assert edited.title == "Morning walk" and edited.tags == ["walk"]
    assert edited.updated_at is not None and edited.created_at is not None
    repo.delete(c.id)
    with pytest.raises(NotFoundError):
        repo.get(c.id)
    with pytest.raises(NotFoundError):
        repo.delete(c.id)
    assert [t for t, _ in repo.tags()] == ["sleep", "walk"]


def test_search_highlights_and_ranks(open_services: AppServices) -> None:
    repo = open_services.journal
    repo.add("Garden", "The tomatoes are finally ripening in the garden", tags=["home"])
    repo.add("Work", "A long meeting about budgets", tags=["work"])
    hits = repo.search("tomato")
    assert len(hits) == 1
    assert hits[0].snippet_marked("<", ">").count("<tomatoes>") == 1
    assert repo.search("garden", tag="work") == []
    assert [h.title for h in repo.search("garden", tag="home")] == ["Garden"]


def test_search_edits_and_deletes_are_reflected(open_services: AppServices) -> None:
    repo = open_services.journal
    e = repo.add("t", "alpha words")
    repo.update(e.id, body="beta words")
    assert repo.search("alpha") == []
    assert len(repo.search("beta")) == 1
    repo.delete(e.id)
    assert repo.search("beta") == []


@pytest.mark.parametrize(
    ("query", "hits"),
    [('"', 0), ("AND", 1), ("NEAR(", 1), ("*", 0), ("a OR", 1), ("col:thing", 0), ("';--", 0),
     ("", 0), ("thing OR", 1)],
)
def test_hostile_queries_are_read_as_plain_words(
    open_services: AppServices, query: str, hits: int
) -> None:
    """FTS5 syntax in a query is never interpreted: operators are words, punctuation is dropped."""
    entry = open_services.journal.add("t", "AND OR NEAR thing")
    open_services.journal.add("other", "nothing in common")
    found = open_services.journal.search(query)
    assert [h.entry_id for h in found] == [entry.id] * hits


def test_fts_query_quotes_everything() -> None:
    assert fts_query('hello "world') == '"hello"* AND "world"*'
    assert fts_query("  ") is None


def test_word_forms_match_through_the_stemmer(open_services: AppServices) -> None:
    repo = open_services.journal
    slept = repo.add("Night", "Slept badly after the party")
    sleeping = repo.add("Nap", "Sleeping in the afternoon helps")
    walks = repo.add("Walks", "Two long walks by the river")
    assert {h.entry_id for h in repo.search("sleep")} == {slept.id, sleeping.id}
    assert [h.entry_id for h in repo.search("walking")] == [walks.id]
    hit = next(h for h in repo.search("sleep") if h.entry_id == slept.id)
    assert hit.snippet_marked("<", ">").startswith("<Slept> badly")


def test_phrases_or_and_prefixes(open_services: AppServices) -> None:
    repo = open_services.journal
    walk = repo.add("a", "A long walk in the park")
    park = repo.add("b", "The park was long closed; no walk")
    tired = repo.add("c", "Tired all day")
    assert [h.entry_id for h in repo.search('"long walk"')] == [walk.id]
    assert {h.entry_id for h in repo.search("long walk")} == {walk.id, park.id}
    assert {h.entry_id for h in repo.search("tired OR closed")} == {tired.id, park.id}
    assert [h.entry_id for h in repo.search("tired OR closed day")] == [tired.id]
    assert [h.entry_id for h in repo.search("tir*")] == [tired.id]
    assert fts_query('"long walk" OR tired') == '("long walk" OR "tired"*)'
    assert fts_query("or tired") == '"or"* AND "tired"*'  # lower-case "or" is a word


def test_snippets_are_plain_text(open_services: AppServices) -> None:
    repo = open_services.journal
    repo.add(
        "md",
        "# A **good** day\n\n- _walked_ to the [river](https://example.org) with `snake_case`",
    )
    (hit,) = repo.search("river")
    assert hit.snippet_marked("<", ">") == "A good day walked to the <river> with snake_case"
    (hit,) = repo.search("good")
    assert "**" not in hit.snippet and "#" not in hit.snippet and "](" not in hit.snippet


def test_tag_filter_and_case_insensitive_tags(open_services: AppServices) -> None:
    repo = open_services.journal
    repo.add("one", "x", tags=["Work"])
    repo.add("two", "y", tags=["work", "#home"])
    assert {e.title for e in repo.list(tag="WORK")} == {"one", "two"}
    assert [t for t, _ in repo.tags()] == ["home", "Work"]


def test_value_rules(open_services: AppServices) -> None:
    with pytest.raises(ValidationError, match="too large"):
        open_services.journal.add("big", "x" * 5_000_000)
    with pytest.raises(ValidationError, match="title"):
        open_services.journal.add("t" * 301, "b")
    assert open_services.journal.count() == 0


def test_unicode_and_emoji_round_trip(open_services: AppServices) -> None:
    e = open_services.journal.add("Über 😊", "naïve café — 東京 🌧️")
    assert open_services.journal.get(e.id).body == "naïve café — 東京 🌧️"
    assert len(open_services.journal.search("cafe")) == 1  # diacritics folded
