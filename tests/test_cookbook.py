"""The README's queries stay true: each runs on the warehouse it is written for (the sample reports, or the
development corpus for the questions across levels of government) and returns the columns its output shows."""

from __future__ import annotations

import pytest

from tests.cookbook import README, Example, examples, output_markdown, rewrite_corpus_outputs

EXAMPLES = examples()


def test_the_readme_holds_every_query_with_its_output():
    # three examples under "Querying the warehouse" and the seven questions of the cookbook, two of them across levels
    assert len(EXAMPLES) == 10, "the README should hold ten queries, each followed by its output"
    assert sum(e.on_corpus for e in EXAMPLES) == 2


@pytest.mark.slow  # builds the samples and the corpus end to end (the warehouse is picked per example, at run time)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.sql.splitlines()[0][:60])
def test_cookbook_query_runs_and_shows_its_columns(request, example: Example):
    warehouse = request.getfixturevalue("corpus_warehouse" if example.on_corpus else "sample_warehouse")
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        rel = con.sql(example.sql)
        assert rel.columns == example.columns
        assert rel.fetchall(), "the warehouse should answer this question"


def test_the_helper_writes_the_outputs_the_readme_shows(corpus_warehouse):
    """`python -m tests.cookbook --write` (after a parser change) rewrites exactly the corpus queries' outputs."""
    import duckdb

    text = README.read_text(encoding="utf-8")
    with duckdb.connect(str(corpus_warehouse), read_only=True) as con:
        rewritten = rewrite_corpus_outputs(text, con)
        for example in EXAMPLES:
            if example.on_corpus:
                assert output_markdown(con, example.sql) in rewritten
    assert examples(rewritten) == EXAMPLES
    assert rewritten.count("```sql") == text.count("```sql")
