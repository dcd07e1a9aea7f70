"""Labelled corpora in one call each, and users' own labelled files.

Every loader returns ``list[LabelledArticle]`` with ``label`` 1 = reliable and 0 = unreliable,
``dataset`` set to a short name, ``id`` unique and stable (``"<dataset>:<id in the corpus>"``)
and ``group`` set to the unit the label was given to, so that grouped cross-validation never puts
one outlet in both train and test folds:

===========  ===============================  =============================================
name         label                            group
===========  ===============================  =============================================
recovery     per publisher (NewsGuard/MBFC)   publisher
polnear      per publisher (MBFC factuality)  publisher code (``"breitbart"``)
horne2017    per article / per source         the article itself (no outlet is recorded)
fakenewsamt  per article                      the fake/legit pair (``"fakenewsamt:biz01"``)
golbeck      per article (fake only)          registered domain of the article URL
coaid        per item / per source            registered domain of the article URL
liar         per statement (PolitiFact)       speaker
===========  ===============================  =============================================

The shared corpora live in one folder per corpus, each with a ``SOURCE.md`` stating its origin,
license and caveats. That folder is found by :func:`data_root`: the ``root`` argument if given,
else the ``RELIABILITY_DATA`` environment variable, else :data:`DEFAULT_ROOT` (``../shared/data``)
relative to the current working directory.

Records with empty text are skipped, never an error; each loader logs how many records it skipped
and why on the ``reliability.datasets`` logger. A missing corpus or a malformed row raises
:class:`~reliability.DataError` naming the path (and line) at fault.

Users' own data is read by :func:`load_jsonl`, :func:`load_csv` and :func:`load_file`.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from ._exceptions import DataError
from ._records import LabelledArticle

if TYPE_CHECKING:
    import tldextract

__all__ = [
    "DEFAULT_ROOT",
    "ENV_VAR",
    "NAMES",
    "data_root",
    "load",
    "load_coaid",
    "load_csv",
    "load_fakenewsamt",
    "load_file",
    "load_golbeck",
    "load_horne2017",
    "load_jsonl",
    "load_liar",
    "load_polnear",
    "load_recovery",
]

logger = logging.getLogger(__name__)

#: Environment variable naming the folder that holds the shared corpora.
ENV_VAR = "RELIABILITY_DATA"

#: Where the shared corpora are looked for when neither ``root`` nor ``RELIABILITY_DATA`` is
#: given. Relative, so it is resolved against the working directory at call time.
DEFAULT_ROOT = Path("..", "shared", "data")

#: The shared corpora :func:`load` knows, by name.
NAMES: tuple[str, ...] = (
    "recovery",
    "polnear",
    "horne2017",
    "fakenewsamt",
    "golbeck",
    "coaid",
    "liar",
)

PathArg = str | os.PathLike[str]
MixedPolicy = Literal["exclude", "reliable", "unreliable"]

# Folder of each corpus under the data root.
_FOLDERS: Mapping[str, str] = {
    "recovery": "recovery",
    "polnear": "polnear",
    "mbfc": "mbfc-baly2018-2020",
    "horne2017": "horne2017-fakenewsdata1",
    "fakenewsamt": "fakenewsamt-celebrity",
    "golbeck": "golbeck2018-fake-vs-satire",
    "coaid": "coaid",
    "liar": "liar",
}


# --------------------------------------------------------------------------------------------
# Locations and low-level readers
# --------------------------------------------------------------------------------------------


def data_root(root: PathArg | None = None) -> Path:
    """Return the absolute folder that holds the shared corpora.

    ``root`` wins if given; otherwise the ``RELIABILITY_DATA`` environment variable; otherwise
    :data:`DEFAULT_ROOT` relative to the current working directory. The folder is not checked
    here; a loader that does not find its corpus raises :class:`DataError`.
    """
    if root is not None:
        chosen = Path(root)
    elif os.environ.get(ENV_VAR):
        chosen = Path(os.environ[ENV_VAR])
    else:
        chosen = DEFAULT_ROOT
    return Path(os.path.abspath(chosen))


def _corpus_dir(key: str, root: PathArg | None) -> Path:
    path = data_root(root) / _FOLDERS[key]
    if not path.is_dir():
        raise DataError(
            f"corpus {_FOLDERS[key]!r} not found at {path}: set the {ENV_VAR} environment "
            "variable (or pass root=) to the folder that holds the shared corpora"
        )
    return path


def _require_file(path: Path) -> Path:
    if not path.is_file():
        raise DataError(
            f"{path} not found: the corpus folder is incomplete; restore it from its source"
        )
    return path


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot be read: {exc}") from exc


def _iter_jsonl(path: Path, *, encoding: str = "utf-8") -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON-lines file."""
    try:
        with path.open(encoding=encoding) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    hint = ""
                    if number == 1 and line.lstrip().startswith("["):
                        hint = "; this looks like one JSON array: write one object per line"
                    where = f"{path}, line {number}"
                    raise DataError(
                        f"{where}: invalid JSON ({exc.msg} at column {exc.colno}){hint}"
                    ) from exc
                if not isinstance(value, dict):
                    raise DataError(
                        f"{path}, line {number}: expected a JSON object, found {_json_type(value)}"
                    )
                yield number, value
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot be read: {exc}") from exc


def _iter_csv(
    path: Path,
    *,
    required: Sequence[str],
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(first line number, row)`` for each record of a CSV file with a header.

    Line numbers are physical lines, so a record whose quoted field spans lines is reported at
    the line where it starts.
    """
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            try:
                first = next(reader, None)
                if first is None:
                    raise DataError(f"{path}: the file is empty; expected a header line")
                header = [name.strip() for name in first]
                missing = [name for name in required if name not in header]
                if missing:
                    raise DataError(
                        f"{path}, line 1: header lacks the column(s) "
                        f"{', '.join(map(repr, missing))} (found {', '.join(map(repr, header))})"
                    )
                start = reader.line_num + 1
                for cells in reader:
                    if cells:  # csv yields [] for a blank line
                        if len(cells) != len(header):
                            raise DataError(
                                f"{path}, line {start}: expected {len(header)} fields as in the "
                                f"header, found {len(cells)}"
                            )
                        yield start, dict(zip(header, cells, strict=True))
                    start = reader.line_num + 1
            except csv.Error as exc:
                raise DataError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    except OSError as exc:
        raise DataError(f"{path}: cannot be read: {exc}") from exc


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _field(row: Mapping[str, Any], key: str, path: Path, line: int) -> Any:
    if key not in row:
        raise DataError(f"{path}, line {line}: no {key!r} field")
    return row[key]


def _str_field(row: Mapping[str, Any], key: str, path: Path, line: int) -> str:
    value = _field(row, key, path, line)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DataError(f"{path}, line {line}: {key!r} must be a string, found {_json_type(value)}")
    return value


def _or_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _normalise_name(name: str) -> str:
    """Case- and space-insensitive key for a publisher or speaker name."""
    return " ".join(name.split()).casefold()


def _as_tuple(value: str | Collection[str]) -> tuple[str, ...]:
    # A bare string is a Collection of characters; treat it as one name.
    return (value,) if isinstance(value, str) else tuple(value)


def _check_choice(what: str, given: Collection[str], allowed: Collection[str]) -> None:
    unknown = [name for name in given if name not in allowed]
    if unknown:
        raise DataError(
            f"unknown {what} {', '.join(map(repr, unknown))}; choose from "
            f"{', '.join(map(repr, sorted(allowed)))}"
        )


@cache
def _extractor() -> tldextract.TLDExtract:
    # Imported and built on first use; the bundled suffix list only, so never any network.
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def _registered_domain(url: str | None) -> str | None:
    """Registered domain of ``url`` (``foo.blogspot.com`` stays distinct), else its host."""
    if not url or not url.strip():
        return None
    url = url.strip()
    domain = _extractor()(url).top_domain_under_public_suffix
    if domain:
        return domain.lower()
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host or None


class _Tally:
    """Counts skipped records by reason, and logs them once loading is done."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.skipped: Counter[str] = Counter()

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def finish(
        self, records: list[LabelledArticle], *, level: int = logging.INFO
    ) -> list[LabelledArticle]:
        seen: dict[str, None] = {}
        for record in records:
            if record.id in seen:
                raise DataError(f"{self.source}: id {record.id!r} occurs twice; ids must be unique")
            seen[record.id] = None
        reliable = sum(record.label for record in records)
        logger.info(
            "%s: %d records (%d reliable, %d unreliable)",
            self.source,
            len(records),
            reliable,
            len(records) - reliable,
        )
        for reason, count in sorted(self.skipped.items()):
            logger.log(level, "%s: skipped %d record(s): %s", self.source, count, reason)
        return records


# --------------------------------------------------------------------------------------------
# ReCOVery
# --------------------------------------------------------------------------------------------


def load_recovery(root: PathArg | None = None) -> list[LabelledArticle]:
    """Load ReCOVery (Zhou et al. 2020): COVID-19 news with a per-publisher reliability label.

    Reads ``recovery/recovery_news_reconstructed.csv``. ``label`` is the ``reliability`` column
    (1 = reliable, 0 = unreliable), which the authors set from NewsGuard and MBFC ratings of the
    publisher; ``group`` is the publisher name, lower-cased with spaces collapsed
    (``"the new york times"``); ``text`` is ``body_text``; ``title`` and ``url`` are kept.
    ``id`` is ``"recovery:<row_id>"``.

    Measured on the shared copy: 2,031 articles, 1,364 reliable and 667 unreliable, from 55
    publishers (22 reliable, 33 unreliable); no body is empty.

    Caveats: the label is distant (one per outlet), so split by ``group``. The 30 "Drudge Report"
    articles (label 0) are articles of other outlets it links to (Reuters, the Washington Post,
    ABC News, ...); one of them has the same URL as a Politico article labelled 1. License:
    CC BY-NC-SA 4.0, non-commercial use only.
    """
    folder = _corpus_dir("recovery", root)
    path = _require_file(folder / "recovery_news_reconstructed.csv")
    tally = _Tally("recovery")
    records: list[LabelledArticle] = []
    required = ("row_id", "url", "publisher", "title", "body_text", "reliability")
    for line, row in _iter_csv(path, required=required):
        label = row["reliability"].strip()
        if label not in ("0", "1"):
            raise DataError(f"{path}, line {line}: reliability is {label!r}, expected 0 or 1")
        publisher = _normalise_name(row["publisher"])
        if not publisher:
            raise DataError(f"{path}, line {line}: empty publisher")
        if not row["body_text"].strip():
            tally.skip("empty text")
            continue
        records.append(
            LabelledArticle(
                id=f"recovery:{row['row_id'].strip()}",
                text=row["body_text"],
                label=int(label),
                title=_or_none(row["title"]),
                url=_or_none(row["url"]),
                group=publisher,
                dataset="recovery",
            )
        )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# PolNeAR + MBFC
# --------------------------------------------------------------------------------------------

# The seven PolNeAR publisher codes and the domain MBFC knows each outlet by.
_POLNEAR_DOMAINS: Mapping[str, str] = {
    "huff-post": "huffingtonpost.com",
    "breitbart": "breitbart.com",
    "nyt": "nytimes.com",
    "politico": "politico.com",
    "wash-post": "washingtonpost.com",
    "west-journal": "westernjournalism.com",
    "usa-today": "usatoday.com",
}
_POLNEAR_SPLITS = ("train", "dev", "test", "annotator-training")
_MBFC_EDITIONS = ("acl2020", "emnlp18")
_ABSENT = ("", "none", "na", "null")


def _mbfc_facts(root: PathArg | None, edition: str) -> dict[str, str]:
    """``source_url_normalized`` → ``fact`` (low/mixed/high) for one MBFC edition."""
    path = _require_file(_corpus_dir("mbfc", root) / edition / "corpus.tsv")
    facts: dict[str, str] = {}
    for line, row in _iter_csv(path, required=("source_url_normalized", "fact"), delimiter="\t"):
        fact = row["fact"].strip().lower()
        if fact not in ("low", "mixed", "high"):
            raise DataError(f"{path}, line {line}: fact is {fact!r}, expected low, mixed or high")
        facts[row["source_url_normalized"].strip().lower()] = fact
    return facts


def _polnear_facts(root: PathArg | None, prefer: str) -> dict[str, str | None]:
    """PolNeAR publisher code → MBFC fact, ``prefer``'s edition first, else the other one's."""
    editions = [prefer] + [name for name in _MBFC_EDITIONS if name != prefer]
    tables = [_mbfc_facts(root, edition) for edition in editions]
    facts: dict[str, str | None] = {}
    for publisher, domain in _POLNEAR_DOMAINS.items():
        facts[publisher] = next((table[domain] for table in tables if domain in table), None)
    return facts


def load_polnear(
    root: PathArg | None = None,
    *,
    splits: str | Collection[str] = ("train", "dev"),
    mixed: MixedPolicy = "exclude",
    mbfc: Literal["acl2020", "emnlp18"] = "acl2020",
    include_wire: bool = True,
) -> list[LabelledArticle]:
    """Load PolNeAR articles labelled by their publisher's MBFC factuality of reporting.

    PolNeAR (Newell et al. 2018) holds 2015-2016 US campaign news from seven publishers; it has
    no reliability label of its own. Each publisher is mapped to its domain and looked up in the
    MBFC tables of ``mbfc-baly2018-2020``: ``high`` → 1, ``low`` → 0, ``mixed`` → excluded, or
    labelled as ``mixed`` says. When both MBFC editions rate a domain, the ``mbfc`` edition
    wins; a domain rated by one edition only takes that rating. Publishers rated by neither are
    always excluded.

    What the shared tables say (2018 ``emnlp18`` / 2020 ``acl2020``), and so where each
    publisher lands with the defaults:

    - ``huff-post`` (huffingtonpost.com): - / high → 1
    - ``politico`` (politico.com): high / - → 1
    - ``usa-today`` (usatoday.com): high / - → 1
    - ``breitbart`` (breitbart.com): mixed / low → 0 (excluded with ``mbfc="emnlp18"``)
    - ``west-journal`` (westernjournalism.com): mixed / mixed → excluded
    - ``nyt`` (nytimes.com) and ``wash-post`` (washingtonpost.com): in neither table → excluded

    So train + dev give 396 reliable articles (3 publishers) and 132 unreliable (Breitbart only):
    a classifier can tell them apart by recognising Breitbart. Use it with other corpora.

    Args:
        root: The folder of the shared corpora; see :func:`data_root`.
        splits: PolNeAR compartments to read: ``train``, ``dev``, ``annotator-training``
            (``test`` is held out for the project's final evaluation and absent from the
            shared copy).
        mixed: What to do with an MBFC ``mixed`` publisher.
        mbfc: Which MBFC edition wins where both rate a publisher.
        include_wire: Keep articles the metadata credits to a wire service (AP, UPI, AFP,
            Reuters). They carry the publisher's label though the text is not its own: 64 of
            Breitbart's 132 train + dev articles and 11 of the Huffington Post's.

    ``text`` is the article file (its first lines repeat the headline), ``title`` comes from
    ``metadata.tsv``, ``group`` is the publisher code and ``id`` is ``"polnear:<split>/<file>"``.
    """
    names = _as_tuple(splits)
    _check_choice("PolNeAR split", names, _POLNEAR_SPLITS)
    _check_choice("MBFC edition", (mbfc,), _MBFC_EDITIONS)
    _check_choice("mixed policy", (mixed,), ("exclude", "reliable", "unreliable"))
    folder = _corpus_dir("polnear", root)
    facts = _polnear_facts(root, mbfc)
    fact_label = {
        "high": 1,
        "low": 0,
        "mixed": {"reliable": 1, "unreliable": 0}.get(mixed),
    }

    meta_path = _require_file(folder / "metadata.tsv")
    metadata: dict[tuple[str, str], tuple[int, dict[str, str]]] = {}
    for line, row in _iter_csv(
        meta_path,
        required=("compartment", "filename", "publisher", "title", "wire"),
        delimiter="\t",
    ):
        metadata[(row["compartment"], row["filename"])] = (line, row)

    tally = _Tally("polnear")
    records: list[LabelledArticle] = []
    for split in names:
        text_dir = folder / split / "text"
        if not text_dir.is_dir():
            held_out = (
                " (the test split is held out for final evaluation)" if split == "test" else ""
            )
            raise DataError(f"PolNeAR split {split!r} not found at {text_dir}{held_out}")
        for path in sorted(text_dir.glob("*.txt")):
            found = metadata.get((split, path.stem))
            if found is None:
                raise DataError(f"{meta_path}: no row for {split}/{path.stem} ({path})")
            line, meta = found
            publisher = meta["publisher"].strip()
            if publisher not in facts:
                raise DataError(
                    f"{meta_path}, line {line}: unknown publisher {publisher!r}; expected one of "
                    f"{', '.join(sorted(facts))}"
                )
            fact = facts[publisher]
            label = fact_label.get(fact) if fact is not None else None
            if label is None:
                tally.skip(f"publisher {publisher} is MBFC {fact or 'unrated'}")
                continue
            if not include_wire and meta["wire"].strip().lower() not in _ABSENT:
                tally.skip("wire story")
                continue
            text = _read_text(path)
            if not text.strip():
                tally.skip("empty text")
                continue
            title = meta["title"].strip()
            records.append(
                LabelledArticle(
                    id=f"polnear:{split}/{path.stem}",
                    text=text,
                    label=label,
                    title=None if title.lower() in _ABSENT else title,
                    group=publisher,
                    dataset="polnear",
                )
            )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# Horne & Adali 2017
# --------------------------------------------------------------------------------------------


def load_horne2017(
    root: PathArg | None = None, *, include_satire: bool = False
) -> list[LabelledArticle]:
    """Load Horne & Adali 2017 (Buzzfeed Political + Random Political): 2016 US politics.

    ``real`` → 1, ``fake`` → 0; ``satire`` (Random Political only) is excluded unless
    ``include_satire`` (then 0). Measured: 128 real (53 + 75), 123 fake (48 + 75), 75 satire.

    The corpus records no outlet, URL or date per article, so grouping by outlet is impossible:
    ``group`` is the article's own id (each article is its own group). Random Political labels
    are per source (e.g. InfoWars → fake, NPR → real), so articles of one outlet may still fall
    in both train and test folds; treat scores on it as optimistic.

    ``id`` is ``"horne2017:<dataset>/<file stem>"``, e.g. ``"horne2017:buzzfeed_political/1_Fake"``.
    """
    path = _require_file(_corpus_dir("horne2017", root) / "articles.jsonl")
    labels = {"real": 1, "fake": 0, "satire": 0 if include_satire else None}
    tally = _Tally("horne2017")
    records: list[LabelledArticle] = []
    for line, row in _iter_jsonl(path):
        name = _str_field(row, "label", path, line)
        if name not in labels:
            raise DataError(
                f"{path}, line {line}: label is {name!r}, expected fake, real or satire"
            )
        label = labels[name]
        if label is None:
            tally.skip(name)
            continue
        text = _str_field(row, "text", path, line)
        if not text.strip():
            tally.skip("empty text")
            continue
        record_id = f"horne2017:{_str_field(row, 'id', path, line)}"
        records.append(
            LabelledArticle(
                id=record_id,
                text=text,
                label=label,
                title=_or_none(_str_field(row, "title", path, line)),
                group=record_id,
                dataset="horne2017",
            )
        )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# FakeNewsAMT + Celebrity
# --------------------------------------------------------------------------------------------

_FAKENEWSAMT_SUBSETS = ("fakenewsamt", "celebrity")
_PAIR_STEM = re.compile(r"(?P<stem>[a-z]*\d+)\.?(?:fake|legit)")


def load_fakenewsamt(
    root: PathArg | None = None,
    *,
    subsets: str | Collection[str] = _FAKENEWSAMT_SUBSETS,
) -> list[LabelledArticle]:
    """Load FakeNewsAMT and Celebrity (Pérez-Rosas et al. 2018): ``legit`` → 1, ``fake`` → 0.

    FakeNewsAMT (240 + 240): legitimate news from mainstream US sites in six domains, and for
    each a fake version written by Mechanical Turk workers. Celebrity (250 + 250): gossip stories
    from the web, collected in fake/legit pairs. ``dataset`` is the subset name.

    Items are paired by file number: ``biz01.fake`` is the fake version of ``biz01.legit``, and
    Celebrity's ``001fake`` and ``001legit`` tell the same story. Checked on the shared copy:
    every number has exactly one fake and one legit; in FakeNewsAMT the legit partner is the
    most word-similar legit text for 230 of 240 fakes; in Celebrity 225 of 250 pairs share a
    two-word proper name (19 of 250 random pairs do). ``group`` is therefore the pair,
    ``"<subset>:<number>"`` (``"fakenewsamt:biz01"``, ``"celebrity:001"``), so a pair never
    straddles folds. There is no outlet per item.

    The first line of each file is the headline. 31 files (30 FakeNewsAMT fakes and Celebrity
    ``131fake``) have a single line and no headline: that line is the text and ``title`` is None.

    ``id`` is ``"<subset>:<fake|legit>/<number>"``.
    """
    names = _as_tuple(subsets)
    _check_choice("FakeNewsAMT subset", names, _FAKENEWSAMT_SUBSETS)
    path = _require_file(_corpus_dir("fakenewsamt", root) / "articles.jsonl")
    tally = _Tally("fakenewsamt")
    records: list[LabelledArticle] = []
    for line, row in _iter_jsonl(path):
        subset = _str_field(row, "dataset", path, line)
        if subset not in _FAKENEWSAMT_SUBSETS:
            raise DataError(
                f"{path}, line {line}: dataset is {subset!r}, expected fakenewsamt or celebrity"
            )
        if subset not in names:
            continue
        name = _str_field(row, "label", path, line)
        if name not in ("fake", "legit"):
            raise DataError(f"{path}, line {line}: label is {name!r}, expected fake or legit")
        native = _str_field(row, "id", path, line)
        match = _PAIR_STEM.fullmatch(native.rsplit("/", 1)[-1])
        if match is None:
            raise DataError(f"{path}, line {line}: id {native!r} has no pair number")
        stem = match["stem"]
        text = _str_field(row, "text", path, line)
        title = _or_none(_str_field(row, "title", path, line))
        if not text.strip() and title is not None:
            # A one-line file: the builder took its only line for a headline, but it is the body.
            text, title = title, None
        if not text.strip():
            tally.skip("empty text")
            continue
        records.append(
            LabelledArticle(
                id=f"{subset}:{name}/{stem}",
                text=text,
                label=1 if name == "legit" else 0,
                title=title,
                group=f"{subset}:{stem}",
                dataset=subset,
            )
        )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# Golbeck et al. 2018
# --------------------------------------------------------------------------------------------

_BARE_URL = re.compile(r"https?://\S+")


def load_golbeck(
    root: PathArg | None = None, *, include_satire: bool = False
) -> list[LabelledArticle]:
    """Load Fake News vs Satire (Golbeck et al. 2018): US political fake news, 2016-2017.

    **The corpus has no reliable articles**: every record is fake (label 0), 283 of them; with
    ``include_satire`` the 203 satire articles are added, also as 0. Use it as extra unreliable
    examples or as a test set for false negatives, never on its own for training.

    The label comes from the folder (two items, 104 and 303, are satire by folder but "Fake" in
    the spreadsheet). ``group`` is the registered domain of the article's URL (86 domains among
    the fakes, 134 with satire). Most files repeat the URL as the first line of the body; that
    line is dropped from ``text`` since it names the outlet. ``id`` is ``"golbeck:<number>"``.
    """
    path = _require_file(_corpus_dir("golbeck", root) / "articles.jsonl")
    labels = {"fake": 0, "satire": 0 if include_satire else None}
    tally = _Tally("golbeck")
    records: list[LabelledArticle] = []
    for line, row in _iter_jsonl(path):
        name = _str_field(row, "label", path, line)
        if name not in labels:
            raise DataError(f"{path}, line {line}: label is {name!r}, expected fake or satire")
        label = labels[name]
        if label is None:
            tally.skip(name)
            continue
        text = _str_field(row, "text", path, line)
        first, newline, rest = text.partition("\n")
        if newline and _BARE_URL.fullmatch(first.strip()):
            text = rest.lstrip("\r\n")
        if not text.strip():
            tally.skip("empty text")
            continue
        native = row.get("id")
        if not isinstance(native, str | int) or isinstance(native, bool) or native == "":
            raise DataError(f"{path}, line {line}: missing or invalid 'id'")
        url = _or_none(_str_field(row, "url", path, line))
        records.append(
            LabelledArticle(
                id=f"golbeck:{native}",
                text=text,
                label=label,
                title=_or_none(_str_field(row, "title", path, line)),
                url=url,
                group=_registered_domain(url),
                dataset="golbeck",
            )
        )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# CoAID
# --------------------------------------------------------------------------------------------

_COAID_FOLDERS = ("05-01-2020", "07-01-2020", "09-01-2020", "11-01-2020")
# Scraped "content" that is an error or access page, not the item (best effort).
_COAID_FAILED_FETCH = (
    "security service to protect itself",
    "javascript is disabled in your browser",
    "browser is no longer supported",
    "you must log in to continue",
    "do you want to join facebook",
    "could not be found on this server",
    "page you requested does not exist",
    "not the page you 're looking for",
    "nothing was found at this location",
    "you have been blacklisted",
)


def load_coaid(
    root: PathArg | None = None, *, types: str | Collection[str] = ("article",)
) -> list[LabelledArticle]:
    """Load the CoAID news items (Cui & Lee 2020): COVID-19 news, ``Real`` → 1, ``Fake`` → 0.

    Reads ``News{Fake,Real}COVID-19.csv`` of the four collection folders (not the short
    ``Claim*`` files). ``types`` selects items by their ``type`` column: ``article`` (default)
    and/or ``post`` (social-media posts).

    **The text is not the article**: it is CoAID's scraped ``content`` column, the first ~500
    characters of the page, lower-cased with most punctuation removed. Use it for lead-level
    experiments only, not for attribution features. ``title`` is the scraped page title
    (``newstitle``). The ``title`` column is not used: for Fake items it is the fact-checker's
    summary of the claim, which would leak the label.

    Dropped, and counted in the log: items with no content; content that is the same for
    several different URLs or that reads as an error, login or bot-check page (1,084 of the Real
    WebMD items are a Cloudflare "access denied" page); a URL seen before (items recur across
    collection folders; the first is kept); URLs listed as both Fake and Real.

    Measured with the default ``types``: 2,561 reliable and 166 unreliable articles from 149
    registered domains. ``group`` is the registered domain of ``news_url``. Real is dominated by
    cdc.gov, webmd.com, healthline.com and medicalnewstoday.com, so the label is easy to predict
    from the source. Fake marks an item carrying a debunked claim, not an unreliable outlet: 5
    domains hold both labels (cnn.com, go.com, rev.com, c-span.org, medium.com), and some Fake
    items are government pages or transcripts quoting the claim.
    ``id`` is ``"coaid:<folder>/<fake|real>/<row index>"``. The corpus has no license.
    """
    kinds = _as_tuple(types)
    _check_choice("CoAID type", kinds, ("article", "post"))
    folder = _corpus_dir("coaid", root)
    required = ("", "type", "news_url", "newstitle", "content")
    rows: list[tuple[str, int, dict[str, str]]] = []  # (id, label, row)
    for date in _COAID_FOLDERS:
        for kind, label in (("Fake", 0), ("Real", 1)):
            path = _require_file(folder / date / f"News{kind}COVID-19.csv")
            for _line, row in _iter_csv(path, required=required, encoding="utf-8-sig"):
                rows.append((f"coaid:{date}/{kind.lower()}/{row[''].strip()}", label, row))

    # Decided over every item, so the rules do not depend on the types selected.
    urls_per_content: dict[str, set[str]] = {}
    labels_per_url: dict[str, set[int]] = {}
    for _id, label, row in rows:
        url = row["news_url"].strip()
        if row["content"].strip():
            urls_per_content.setdefault(row["content"], set()).add(url)
        if url:
            labels_per_url.setdefault(url, set()).add(label)

    tally = _Tally("coaid")
    records: list[LabelledArticle] = []
    seen_urls: set[str] = set()
    for record_id, label, row in rows:
        kind = row["type"].strip()
        if kind not in kinds:
            tally.skip(f"type {kind or '(blank)'} not selected")
            continue
        content = row["content"]
        url = row["news_url"].strip()
        if not content.strip():
            tally.skip("empty text")
            continue
        if len(urls_per_content[content]) > 1 or any(
            phrase in content for phrase in _COAID_FAILED_FETCH
        ):
            tally.skip("content is an error page or shared by several URLs")
            continue
        if len(labels_per_url.get(url, ())) > 1:
            tally.skip("URL listed as both fake and real")
            continue
        if url:
            if url in seen_urls:
                tally.skip("URL already loaded")
                continue
            seen_urls.add(url)
        records.append(
            LabelledArticle(
                id=record_id,
                text=content,
                label=label,
                title=_or_none(row["newstitle"].strip().strip('"')),
                url=url or None,
                group=_registered_domain(url),
                dataset="coaid",
            )
        )
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# LIAR
# --------------------------------------------------------------------------------------------

_LIAR_SPLITS = ("train", "valid", "test")
_LIAR_LABELS: Mapping[str, int | None] = {
    "true": 1,
    "mostly-true": 1,
    "half-true": None,
    "barely-true": None,
    "false": 0,
    "pants-fire": 0,
}
_LIAR_COLUMNS = 14


def load_liar(
    root: PathArg | None = None,
    *,
    splits: str | Collection[str] = ("train", "valid"),
    mixed: MixedPolicy = "exclude",
) -> list[LabelledArticle]:
    """Load LIAR (Wang 2017): short PolitiFact-rated statements, not news articles.

    ``true`` and ``mostly-true`` → 1, ``false`` and ``pants-fire`` → 0; ``half-true`` and
    ``barely-true`` are excluded, or labelled as ``mixed`` says. ``text`` is the statement,
    ``group`` the speaker (lower-cased; 3,318 speakers in all), ``id`` ``"liar:<statement id>"``.
    The label is per statement, so one speaker's statements carry both labels.

    Measured: train + valid give 4,069 reliable and 3,219 unreliable statements (train alone
    3,649 / 2,840). Reads ``liar_original/<split>.tsv``; the speaker credit-history columns are
    not used (they count the current statement and so leak its label). Research use only.
    """
    names = _as_tuple(splits)
    _check_choice("LIAR split", names, _LIAR_SPLITS)
    _check_choice("mixed policy", (mixed,), ("exclude", "reliable", "unreliable"))
    mixed_label = {"reliable": 1, "unreliable": 0}.get(mixed)
    folder = _corpus_dir("liar", root)
    tally = _Tally("liar")
    records: list[LabelledArticle] = []
    for split in names:
        path = _require_file(folder / "liar_original" / f"{split}.tsv")
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                for cells in reader:
                    line = reader.line_num
                    if not cells:
                        continue
                    if len(cells) != _LIAR_COLUMNS:
                        raise DataError(
                            f"{path}, line {line}: expected {_LIAR_COLUMNS} tab-separated "
                            f"fields, found {len(cells)}"
                        )
                    name = cells[1].strip()
                    if name not in _LIAR_LABELS:
                        raise DataError(
                            f"{path}, line {line}: label is {name!r}, expected one of "
                            f"{', '.join(_LIAR_LABELS)}"
                        )
                    label = _LIAR_LABELS[name]
                    if label is None:
                        label = mixed_label
                    if label is None:
                        tally.skip(name)
                        continue
                    if not cells[2].strip():
                        tally.skip("empty text")
                        continue
                    statement_id = cells[0].strip().removesuffix(".json")
                    if not statement_id:
                        raise DataError(f"{path}, line {line}: empty statement id")
                    records.append(
                        LabelledArticle(
                            id=f"liar:{statement_id}",
                            text=cells[2],
                            label=label,
                            group=_normalise_name(cells[4]) or None,
                            dataset="liar",
                        )
                    )
        except csv.Error as exc:
            raise DataError(f"{path}, line {reader.line_num}: malformed TSV ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    return tally.finish(records)


# --------------------------------------------------------------------------------------------
# Dispatch
# --------------------------------------------------------------------------------------------

_LOADERS: Mapping[str, Callable[..., list[LabelledArticle]]] = {
    "recovery": load_recovery,
    "polnear": load_polnear,
    "horne2017": load_horne2017,
    "fakenewsamt": load_fakenewsamt,
    "golbeck": load_golbeck,
    "coaid": load_coaid,
    "liar": load_liar,
}


def load(name: str, root: PathArg | None = None, **kwargs: Any) -> list[LabelledArticle]:
    """Load the shared corpus ``name`` (one of :data:`NAMES`), passing ``kwargs`` to its loader.

    >>> load("liar", splits=("valid",))  # doctest: +SKIP
    """
    loader = _LOADERS.get(name)
    if loader is None:
        raise DataError(
            f"unknown dataset {name!r}; choose one of {', '.join(NAMES)}, "
            "or read your own file with load_file()"
        )
    return loader(root, **kwargs)


# --------------------------------------------------------------------------------------------
# Users' own files
# --------------------------------------------------------------------------------------------

_LABEL_WORDS: Mapping[str, int] = {
    "1": 1,
    "0": 0,
    "reliable": 1,
    "unreliable": 0,
    "true": 1,
    "false": 0,
    "real": 1,
    "fake": 0,
    "legit": 1,
}
_OPTIONAL_FIELDS = ("title", "url", "group")


def _parse_label(value: object, path: Path, line: int) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip().lower() in _LABEL_WORDS:
        return _LABEL_WORDS[value.strip().lower()]
    shown = repr(value) if isinstance(value, str) else json.dumps(value)
    raise DataError(
        f"{path}, line {line}: label is {shown}; expected 0/1, reliable/unreliable, "
        "true/false, real/fake or legit"
    )


def _user_record(
    fields: Mapping[str, Any], path: Path, line: int, dataset: str
) -> LabelledArticle | None:
    """One record of a user's file, or None when its text is empty."""
    text = _field(fields, "text", path, line)
    if not isinstance(text, str):
        raise DataError(f"{path}, line {line}: 'text' must be a string, found {_json_type(text)}")
    if "label" not in fields or fields["label"] is None or fields["label"] == "":
        raise DataError(f"{path}, line {line}: no 'label'; give 0/1 or reliable/unreliable")
    label = _parse_label(fields["label"], path, line)
    if not text.strip():
        return None
    optional: dict[str, str | None] = {}
    for key in _OPTIONAL_FIELDS:
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            raise DataError(
                f"{path}, line {line}: {key!r} must be a string, found {_json_type(value)}"
            )
        optional[key] = _or_none(value)
    raw_id = fields.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        record_id = str(line)
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        record_id = str(raw_id).strip()
    else:
        raise DataError(
            f"{path}, line {line}: 'id' must be a string or an integer, found {_json_type(raw_id)}"
        )
    return LabelledArticle(id=record_id, text=text, label=label, dataset=dataset, **optional)


def _collect(
    numbered: Iterator[tuple[int, Mapping[str, Any]]], path: Path, dataset: str | None
) -> list[LabelledArticle]:
    name = dataset if dataset is not None else path.stem
    tally = _Tally(str(path))
    records: list[LabelledArticle] = []
    first_line: dict[str, int] = {}
    for line, fields in numbered:
        record = _user_record(fields, path, line, name)
        if record is None:
            tally.skip(f"empty text (line {line})")
            continue
        if record.id in first_line:
            raise DataError(
                f"{path}, line {line}: id {record.id!r} is already used on line "
                f"{first_line[record.id]}; ids must be unique"
            )
        first_line[record.id] = line
        records.append(record)
    return tally.finish(records, level=logging.WARNING)


def load_jsonl(path: PathArg, *, dataset: str | None = None) -> list[LabelledArticle]:
    """Read a JSON-lines file of labelled articles, one JSON object per line.

    Fields: ``text`` and ``label`` (0/1, true/false, or one of reliable/unreliable,
    real/fake, legit; case-insensitive) are required; ``title``, ``url``, ``group`` and ``id``
    are optional. ``id`` defaults to the line number; ``group`` stays None when absent (the
    trainer derives it from ``url``). Other fields are ignored. ``dataset`` defaults to the
    file name without its suffix. Blank lines are ignored; a record whose text is empty or
    whitespace is skipped with a warning on the ``reliability.datasets`` logger.

    Raises:
        DataError: The file is missing or a line is malformed; the message names the file, the
            line number and what is wrong.
    """
    file = Path(path)
    if not file.is_file():
        raise DataError(f"{file} not found: give the path of a .jsonl file")
    return _collect(_iter_jsonl(file, encoding="utf-8-sig"), file, dataset)


def load_csv(path: PathArg, *, dataset: str | None = None) -> list[LabelledArticle]:
    """Read a CSV file of labelled articles, with a header line naming the columns.

    Columns as for :func:`load_jsonl` (``text`` and ``label`` required). Empty optional cells
    count as absent; ``id`` defaults to the line where the record starts. Quoted fields may
    span lines (standard CSV quoting).

    Raises:
        DataError: The file is missing, the header lacks ``text`` or ``label``, or a record is
            malformed; the message names the file, the line number and what is wrong.
    """
    file = Path(path)
    if not file.is_file():
        raise DataError(f"{file} not found: give the path of a .csv file")
    rows = _iter_csv(file, required=("text", "label"), encoding="utf-8-sig")
    return _collect(rows, file, dataset)


def load_file(path: PathArg, *, dataset: str | None = None) -> list[LabelledArticle]:
    """Read a user's labelled file, choosing the reader by suffix.

    ``.jsonl``, ``.json`` and ``.ndjson`` are read as JSON lines (:func:`load_jsonl`), ``.csv``
    as CSV (:func:`load_csv`).
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return load_jsonl(file, dataset=dataset)
    if suffix == ".csv":
        return load_csv(file, dataset=dataset)
    raise DataError(f"{file}: unknown file type {suffix or '(none)'!r}; use .jsonl, .json or .csv")
