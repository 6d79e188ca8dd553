"""The synthetic libraries of the benchmarks: the bundled articles' structure, a real French vocabulary."""

from __future__ import annotations

from benchmarks.corpus import SHORT, WHEN_TO_SEE_A_DOCTOR, ArticleMaker, word_statistics, write_corpus

from .conftest import load_folder


def test_generated_articles_load_without_a_problem_and_have_the_bundled_structure(tmp_path) -> None:
    paths = write_corpus(tmp_path, 6, seed=3)
    articles, problems = load_folder(tmp_path)
    assert problems == []
    assert sorted(article.slug for article in articles) == sorted(path.stem for path in paths)
    for article in articles:
        assert 10 <= len(article.sections) <= 16
        assert WHEN_TO_SEE_A_DOCTOR in [section.heading for section in article.sections]
        assert 3 <= len(article.faq) <= 6 and all(item.answer for item in article.faq)
        assert 5 <= len(article.references) <= 20 and article.unresolved_citations() == []
        assert article.lead and article.publications and article.web_resources and article.disclaimer


def test_the_same_seed_gives_the_same_articles_and_another_seed_others() -> None:
    first = [article.title for article in ArticleMaker(5, SHORT).articles(4)]
    assert first == [article.title for article in ArticleMaker(5, SHORT).articles(4)]
    assert first != [article.title for article in ArticleMaker(6, SHORT).articles(4)]


def test_the_vocabulary_is_a_wide_zipf_like_draw(tmp_path) -> None:
    write_corpus(tmp_path, 20, seed=1)
    words, distinct = word_statistics(tmp_path)
    # A real text of 70,000 words uses many thousand distinct words (the 1,725 words of the
    # recombined bundled sentences would stay far below), but frequent words still dominate.
    assert words > 50_000 and distinct > 12_000
    text = " ".join(path.read_text(encoding="utf-8") for path in tmp_path.glob("*.md")).split()
    assert text.count("de") > 20 * text.count("maladie") > 0
