"""Tests for reliability.datasets: the shared-corpus loaders and the user-file readers.

Corpus tests read the shared corpora and are skipped where they are absent. Expected counts come
from each corpus's SOURCE.md where it states them, otherwise from the loader's docstring.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import socket
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability import datasets
from reliability._exceptions import DataError
from reliability._records import LabelledArticle

# ----------------------------------------------------------------------------------------------
# Fixtures: where the shared corpora are (the lead may move these into conftest.py)
# ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of the shared corpora: $RELIABILITY_DATA, else ../shared/data beside the repo."""
    env = os.environ.get("RELIABILITY_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def corpus(shared_data: Path) -> Callable[[str], Path]:
    """Return the root to pass to a loader, or skip the test when the corpus is absent."""

    def need(folder: str) -> Path:
        if not (shared_data / folder).is_dir():
            pytest.skip(
                f"../shared/data/{folder} not found: corpora are only present in CI and the "
                "team's machines"
            )
        return shared_data

    return need


@pytest.fixture(scope="session")
def coaid(corpus: Callable[[str], Path]) -> list[LabelledArticle]:
    return datasets.load_coaid(corpus("coaid"))


@pytest.fixture(scope="session")
def liar(corpus: Callable[[str], Path]) -> list[LabelledArticle]:
    return datasets.load_liar(corpus("liar"))


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------


def label_counts(records: Iterable[LabelledArticle]) -> tuple[int, int]:
    """(reliable, unreliable)."""
    counts = Counter(record.label for record in records)
    return counts[1], counts[0]


def labels_by_group(records: Iterable[LabelledArticle]) -> dict[str | None, set[int]]:
    groups: dict[str | None, set[int]] = defaultdict(set)
    for record in records:
        groups[record.group].add(record.label)
    return groups


def check_common(records: list[LabelledArticle], dataset: str | set[str]) -> None:
    """Properties every loader promises."""
    names = {dataset} if isinstance(dataset, str) else dataset
    assert records
    assert len({record.id for record in records}) == len(records), "ids are not unique"
    assert all(record.text.strip() for record in records), "a record has empty text"
    assert {record.dataset for record in records} <= names
    assert all(record.id.startswith(f"{record.dataset}:") for record in records)


def check_outlet_groups(records: list[LabelledArticle]) -> None:
    """For per-outlet labels, no group holds both labels and every record has a group."""
    groups = labels_by_group(records)
    assert None not in groups
    mixed = [group for group, labels in groups.items() if len(labels) > 1]
    assert not mixed, f"groups with both labels: {mixed}"


# ----------------------------------------------------------------------------------------------
# Shared corpora
# ----------------------------------------------------------------------------------------------


def test_recovery(corpus: Callable[[str], Path]) -> None:
    records = datasets.load_recovery(corpus("recovery"))
    check_common(records, "recovery")
    # SOURCE.md: 2,031 articles, 1,364 reliable and 667 unreliable, from 55 publishers.
    assert label_counts(records) == (1364, 667)
    check_outlet_groups(records)
    assert len(labels_by_group(records)) == 55
    assert "the new york times" in labels_by_group(records)
    assert all(record.url and record.url.startswith("http") for record in records)


def test_polnear_defaults(corpus: Callable[[str], Path]) -> None:
    root = corpus("polnear")
    corpus("mbfc-baly2018-2020")
    records = datasets.load_polnear(root)
    check_common(records, "polnear")
    check_outlet_groups(records)
    # SOURCE.md: 144 articles per publisher, 120 in train and 12 in dev.
    assert Counter(record.group for record in records) == {
        "huff-post": 132,
        "politico": 132,
        "usa-today": 132,
        "breitbart": 132,
    }
    assert {group: labels.pop() for group, labels in labels_by_group(records).items()} == {
        "huff-post": 1,
        "politico": 1,
        "usa-today": 1,
        "breitbart": 0,
    }
    assert all(record.title for record in records)
    assert all(record.id.startswith(("polnear:train/", "polnear:dev/")) for record in records)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        # west-journal is MBFC mixed in both editions
        (
            {"mixed": "unreliable"},
            {
                "huff-post": 1,
                "politico": 1,
                "usa-today": 1,
                "breitbart": 0,
                "west-journal": 0,
            },
        ),
        (
            {"mixed": "reliable"},
            {
                "huff-post": 1,
                "politico": 1,
                "usa-today": 1,
                "breitbart": 0,
                "west-journal": 1,
            },
        ),
        # emnlp18 rates Breitbart mixed, so nothing unreliable remains
        ({"mbfc": "emnlp18"}, {"huff-post": 1, "politico": 1, "usa-today": 1}),
        (
            {"mbfc": "emnlp18", "mixed": "unreliable"},
            {
                "huff-post": 1,
                "politico": 1,
                "usa-today": 1,
                "breitbart": 0,
                "west-journal": 0,
            },
        ),
    ],
)
def test_polnear_options(
    corpus: Callable[[str], Path], options: dict[str, str], expected: dict[str, int]
) -> None:
    root = corpus("polnear")
    corpus("mbfc-baly2018-2020")
    records = datasets.load_polnear(root, **options)  # type: ignore[arg-type]
    groups = labels_by_group(records)
    assert {group: min(labels) for group, labels in groups.items()} == expected
    check_outlet_groups(records)


def test_polnear_splits_and_wire(corpus: Callable[[str], Path]) -> None:
    root = corpus("polnear")
    corpus("mbfc-baly2018-2020")
    dev = datasets.load_polnear(root, splits="dev")
    assert len(dev) == 4 * 12
    without_wire = datasets.load_polnear(root, include_wire=False)
    assert len(without_wire) < len(datasets.load_polnear(root))
    assert Counter(r.group for r in without_wire)["politico"] == 132  # no wire copy
    with pytest.raises(DataError, match="held out"):
        datasets.load_polnear(root, splits=("test",))
    with pytest.raises(DataError, match="unknown PolNeAR split"):
        datasets.load_polnear(root, splits=("training",))


def test_horne2017(corpus: Callable[[str], Path]) -> None:
    root = corpus("horne2017-fakenewsdata1")
    records = datasets.load_horne2017(root)
    check_common(records, "horne2017")
    # SOURCE.md: real 53 + 75, fake 48 + 75, satire 75 (Random Political only).
    assert label_counts(records) == (128, 123)
    # No outlet is known: each article is its own group, so groups never mix labels.
    assert all(record.group == record.id for record in records)
    with_satire = datasets.load_horne2017(root, include_satire=True)
    assert label_counts(with_satire) == (128, 198)


def test_fakenewsamt(corpus: Callable[[str], Path]) -> None:
    records = datasets.load_fakenewsamt(corpus("fakenewsamt-celebrity"))
    check_common(records, {"fakenewsamt", "celebrity"})
    # SOURCE.md: FakeNewsAMT 240 fake + 240 legit; Celebrity 250 + 250.
    counts = Counter((record.dataset, record.label) for record in records)
    assert counts == {
        ("fakenewsamt", 0): 240,
        ("fakenewsamt", 1): 240,
        ("celebrity", 0): 250,
        ("celebrity", 1): 250,
    }
    # Every group is one fake/legit pair of one subset.
    pairs = defaultdict(list)
    for record in records:
        pairs[record.group].append(record)
    assert len(pairs) == 490
    assert all(sorted(r.label for r in pair) == [0, 1] for pair in pairs.values())
    assert all(len({r.dataset for r in pair}) == 1 for pair in pairs.values())
    assert pairs["fakenewsamt:biz01"][0].id in (
        "fakenewsamt:fake/biz01",
        "fakenewsamt:legit/biz01",
    )


def test_fakenewsamt_one_line_files_keep_their_text(
    corpus: Callable[[str], Path],
) -> None:
    records = datasets.load_fakenewsamt(corpus("fakenewsamt-celebrity"), subsets="fakenewsamt")
    by_id = {record.id: record for record in records}
    # biz09.fake is a single line of body text with no headline.
    assert by_id["fakenewsamt:fake/biz09"].title is None
    assert len(by_id["fakenewsamt:fake/biz09"].text) > 300
    assert {record.dataset for record in records} == {"fakenewsamt"}


def test_golbeck(corpus: Callable[[str], Path]) -> None:
    root = corpus("golbeck2018-fake-vs-satire")
    records = datasets.load_golbeck(root)
    check_common(records, "golbeck")
    # SOURCE.md: 283 fake, 203 satire, no real news.
    assert label_counts(records) == (0, 283)
    assert all(record.group and "/" not in record.group for record in records)
    assert not any(record.text.lstrip().startswith(("http://", "https://")) for record in records)
    assert label_counts(datasets.load_golbeck(root, include_satire=True)) == (0, 486)


def test_coaid(coaid: list[LabelledArticle]) -> None:
    check_common(coaid, "coaid")
    # SOURCE.md: 4,024 Real and 416 Fake rows have content. Removing bot-check and error pages,
    # repeated URLs and posts leaves the counts stated in load_coaid's docstring.
    assert label_counts(coaid) == (2561, 166)
    assert len({record.url for record in coaid}) == len(coaid)
    assert not any("security service" in record.text for record in coaid)
    groups = labels_by_group(coaid)
    assert None not in groups
    assert groups["cdc.gov"] == {1}
    assert all(record.title is None or not record.title.startswith('"') for record in coaid)


def test_coaid_posts(corpus: Callable[[str], Path], coaid: list[LabelledArticle]) -> None:
    with_posts = datasets.load_coaid(corpus("coaid"), types=("article", "post"))
    assert label_counts(with_posts)[1] > label_counts(coaid)[1]
    assert len(with_posts) > len(coaid)


def test_liar(liar: list[LabelledArticle]) -> None:
    check_common(liar, "liar")
    # SOURCE.md, train: true 1,683 + mostly-true 1,966; false 1,998 + pants-fire 842.
    # The valid split (counted here) adds 169 + 251 and 263 + 116.
    assert label_counts(liar) == (3649 + 420, 2840 + 379)
    assert all(record.group for record in liar)
    assert labels_by_group(liar)["barack-obama"] == {0, 1}


@pytest.mark.parametrize(
    ("mixed", "expected"),
    [
        ("reliable", (1683 + 1966 + 2123 + 1657, 1998 + 842)),
        ("unreliable", (1683 + 1966, 1998 + 842 + 2123 + 1657)),
    ],
)
def test_liar_mixed(corpus: Callable[[str], Path], mixed: str, expected: tuple[int, int]) -> None:
    records = datasets.load_liar(corpus("liar"), splits="train", mixed=mixed)  # type: ignore[arg-type]
    assert label_counts(records) == expected


def test_load_dispatches_by_name(corpus: Callable[[str], Path]) -> None:
    root = corpus("liar")
    assert datasets.load("liar", root, splits=("valid",)) == datasets.load_liar(
        root, splits=("valid",)
    )
    assert set(datasets.NAMES) == {
        "recovery",
        "polnear",
        "horne2017",
        "fakenewsamt",
        "golbeck",
        "coaid",
        "liar",
    }
    with pytest.raises(DataError, match="unknown dataset 'nope'"):
        datasets.load("nope", root)


# ----------------------------------------------------------------------------------------------
# Locating the corpora and errors in them (synthetic files, no corpus needed)
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", datasets.NAMES)
def test_missing_corpus_names_path_and_env_var(name: str, tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        datasets.load(name, tmp_path)
    message = str(caught.value)
    assert str(tmp_path) in message
    assert "RELIABILITY_DATA" in message
    assert isinstance(caught.value, ValueError)


def test_root_comes_from_env_var_then_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELIABILITY_DATA", str(tmp_path / "corpora"))
    assert datasets.data_root() == tmp_path / "corpora"
    assert datasets.data_root(tmp_path) == tmp_path
    with pytest.raises(DataError, match=str(tmp_path / "corpora" / "recovery")):
        datasets.load_recovery()
    monkeypatch.delenv("RELIABILITY_DATA")
    monkeypatch.chdir(tmp_path)
    assert datasets.data_root() == tmp_path.parent / "shared" / "data"


RECOVERY_HEADER = ["row_id", "url", "publisher", "title", "body_text", "reliability"]


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def test_recovery_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "recovery" / "recovery_news_reconstructed.csv"
    write_csv(
        path,
        RECOVERY_HEADER,
        [
            [
                "0",
                "https://a.example/1",
                "Example Post",
                "A",
                "First line.\nSecond line.",
                "1",
            ],
            ["1", "https://b.example/2", "Other Post", "B", "Body text.", "maybe"],
        ],
    )
    with pytest.raises(DataError, match=r"recovery_news_reconstructed\.csv, line 4: reliability"):
        datasets.load_recovery(tmp_path)


def test_recovery_skips_and_counts_empty_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_csv(
        tmp_path / "recovery" / "recovery_news_reconstructed.csv",
        RECOVERY_HEADER,
        [
            ["0", "https://a.example/1", " Example  Post ", "A", "Some body.", "1"],
            ["1", "https://b.example/2", "Other Post", "B", "   ", "0"],
        ],
    )
    with caplog.at_level(logging.INFO, logger="reliability.datasets"):
        records = datasets.load_recovery(tmp_path)
    assert [record.id for record in records] == ["recovery:0"]
    assert records[0].group == "example post"
    assert "skipped 1 record(s): empty text" in caplog.text


def test_liar_wrong_column_count_names_line(tmp_path: Path) -> None:
    path = tmp_path / "liar" / "liar_original" / "train.tsv"
    path.parent.mkdir(parents=True)
    good = [
        "1.json",
        "true",
        "The sky is blue.",
        "weather",
        "jane-doe",
        "",
        "",
        "",
        "0",
        "0",
        "0",
        "0",
        "0",
        "a speech",
    ]
    path.write_text("\t".join(good) + "\n" + "\t".join(good[:5]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"train\.tsv, line 2: expected 14"):
        datasets.load_liar(tmp_path, splits="train")


def test_registered_domain_never_touches_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    datasets._extractor.cache_clear()
    assert datasets._registered_domain("https://foo.blogspot.com/2020/x") == "foo.blogspot.com"
    assert datasets._registered_domain("https://www.cdc.gov/coronavirus") == "cdc.gov"
    assert datasets._registered_domain("http://10.0.0.1/page") == "10.0.0.1"
    assert datasets._registered_domain("") is None


# ----------------------------------------------------------------------------------------------
# Users' own files
# ----------------------------------------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_jsonl_reads_fields_and_defaults(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mine.jsonl",
        [
            json.dumps(
                {
                    "text": "The council voted on Tuesday, its clerk said.",
                    "label": 1,
                    "title": "Council votes",
                    "url": "https://news.example/a",
                }
            ),
            "",
            json.dumps(
                {
                    "text": "Sources say the moon is hollow.",
                    "label": "FAKE",
                    "group": "moon-blog",
                    "id": "m-7",
                    "extra": [1, 2],
                }
            ),
        ],
    )
    records = datasets.load_jsonl(path)
    assert [r.id for r in records] == ["1", "m-7"]
    assert [r.label for r in records] == [1, 0]
    assert records[0].title == "Council votes"
    assert records[0].url == "https://news.example/a"
    assert records[0].group is None  # the trainer derives it from the url
    assert records[1].group == "moon-blog"
    assert {r.dataset for r in records} == {"mine"}
    assert datasets.load_jsonl(path, dataset="own")[0].dataset == "own"


@pytest.mark.parametrize(
    ("given_label", "expected"),
    [
        (1, 1),
        (0, 0),
        (True, 1),
        (False, 0),
        (1.0, 1),
        ("1", 1),
        ("0", 0),
        ("reliable", 1),
        ("Unreliable", 0),
        (" true ", 1),
        ("false", 0),
        ("real", 1),
        ("fake", 0),
        ("Legit", 1),
    ],
)
def test_label_spellings(tmp_path: Path, given_label: object, expected: int) -> None:
    path = write_lines(tmp_path / "labels.jsonl", [json.dumps({"text": "x", "label": given_label})])
    assert datasets.load_jsonl(path)[0].label == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "A", "label": 1,}', r"line 2: invalid JSON"),
        ('["A", 1]', r"line 2: expected a JSON object, found a list"),
        ('{"label": 1}', r"line 2: no 'text' field"),
        ('{"text": "A"}', r"line 2: no 'label'"),
        ('{"text": "A", "label": 2}', r"line 2: label is 2; expected"),
        ('{"text": "A", "label": "maybe"}', r"line 2: label is 'maybe'"),
        ('{"text": 5, "label": 1}', r"line 2: 'text' must be a string"),
        ('{"text": "A", "label": 1, "title": 3}', r"line 2: 'title' must be a string"),
        (
            '{"text": "A", "label": 1, "id": "1"}',
            r"line 2: id '1' is already used on line 1",
        ),
    ],
)
def test_load_jsonl_malformed_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write_lines(tmp_path / "bad.jsonl", ['{"text": "Fine.", "label": 0}', line])
    with pytest.raises(DataError, match=problem) as caught:
        datasets.load_jsonl(path)
    assert str(path) in str(caught.value)


def test_load_jsonl_hints_at_json_array(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text('[{"text": "A", "label": 1},\n {"text": "B", "label": 0}]\n', encoding="utf-8")
    with pytest.raises(DataError, match="one object per line"):
        datasets.load_file(path)


def test_empty_text_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_lines(
        tmp_path / "some-empty.jsonl",
        [
            json.dumps({"text": "  \n ", "label": 1}),
            json.dumps({"text": "Body.", "label": 0}),
        ],
    )
    with caplog.at_level(logging.WARNING, logger="reliability.datasets"):
        records = datasets.load_jsonl(path)
    assert [r.id for r in records] == ["2"]
    assert "skipped 1 record(s): empty text (line 1)" in caplog.text


def test_load_csv(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    write_csv(
        path,
        ["id", "text", "label", "title", "url", "group", "notes"],
        [
            [
                "",
                'The minister said "we will act".\nA second paragraph.',
                "reliable",
                "",
                "",
                "",
                "x",
            ],
            [
                "b-2",
                "Reportedly, aliens landed.",
                "unreliable",
                "Aliens!",
                "https://blog.example/aliens",
                "blog.example",
                "",
            ],
        ],
    )
    records = datasets.load_csv(path)
    assert [r.id for r in records] == ["2", "b-2"]  # record 1 starts on line 2
    assert records[0].text == 'The minister said "we will act".\nA second paragraph.'
    assert records[0].title is None
    assert records[0].url is None
    assert records[1].group == "blog.example"
    assert [r.label for r in records] == [1, 0]


def test_load_csv_reports_the_line_a_record_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    write_csv(
        path,
        ["text", "label"],
        [["One\ntwo\nthree lines.", "1"], ["Fine.", "0"], ["Bad label.", "perhaps"]],
    )
    with pytest.raises(DataError, match=r"bad\.csv, line 6: label is 'perhaps'"):
        datasets.load_csv(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("body,label\nA,1\n", r"line 1: header lacks the column\(s\) 'text'"),
        ("text,label\nA,1\nB,0,extra\n", r"line 3: expected 2 fields"),
        ("text,label\nA,\n", r"line 2: no 'label'"),
        ("", r"empty"),
    ],
)
def test_load_csv_malformed(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=problem):
        datasets.load_csv(path)


def test_load_file_dispatches_by_suffix(tmp_path: Path) -> None:
    record = {"text": "Officials confirmed the figures.", "label": "real"}
    for name in ("a.jsonl", "b.json", "c.JSONL"):
        path = write_lines(tmp_path / name, [json.dumps(record)])
        assert datasets.load_file(path)[0].label == 1
    csv_path = tmp_path / "d.csv"
    write_csv(csv_path, ["text", "label"], [[record["text"], record["label"]]])
    assert datasets.load_file(csv_path)[0].text == record["text"]
    with pytest.raises(DataError, match=r"unknown file type '\.txt'"):
        datasets.load_file(tmp_path / "e.txt")
    with pytest.raises(DataError, match="not found"):
        datasets.load_file(tmp_path / "missing.jsonl")


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
    min_size=1,
    max_size=200,
).filter(lambda text: text.strip() != "")


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(items=st.lists(st.tuples(texts, st.integers(0, 1)), min_size=1, max_size=5))
def test_files_round_trip_any_text(tmp_path: Path, items: list[tuple[str, int]]) -> None:
    jsonl = tmp_path / "round.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"text": t, "label": y}) + "\n" for t, y in items),
        encoding="utf-8",
    )
    csv_path = tmp_path / "round.csv"
    write_csv(csv_path, ["text", "label"], [[t, str(y)] for t, y in items])
    for records in (datasets.load_jsonl(jsonl), datasets.load_csv(csv_path)):
        assert [(r.text, r.label) for r in records] == items
        assert len({r.id for r in records}) == len(items)
